import { z } from "zod";

export const JurisdictionSchema = z.enum(["england", "wales"]);
/** A jurisdiction a user can ask about. */
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
/** What an answer speaks for: one jurisdiction, both, or unknown (null). */
export type AnswerJurisdiction = Jurisdiction | "both" | null;

/** Human label used in answers ("In England, …"). */
export function jurisdictionLabel(j: Jurisdiction | "both"): string {
  return j === "england" ? "England" : j === "wales" ? "Wales" : "England and Wales";
}
