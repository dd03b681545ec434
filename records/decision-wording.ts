import { readFileSync } from "node:fs";
import { z } from "zod";
import { AppError, shippedData } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { WT } from "../procedures/data/citations.js";

/**
 * How minutes state, leave or hand on a strategy discussion's decision (records/data/decision-wording.json): the words
 * that leave a decision undecided, not reached, handed to the local authority, given only as a view, named as a task,
 * cited, deferred, asked, and the answers that state it; the police's decision as officers say it, legal action said
 * plainly not to be taken, a safety step said to be over; and the actions said to be recorded somewhere else. Each list
 * cites the Working Together 2023 passages that say what the discussion decides and records; the readers in decisions.ts
 * and actions.ts interpret them and hold no word lists of their own for it.
 */

export const WORDING_KEYS = [
  "undecided", "not_reached", "open", "handed_on", "view", "decision_named", "answered", "cited", "left", "stated", "whether",
  "crime_stated", "legal_no", "safety_undone", "actions_elsewhere",
] as const;
export type WordingKey = (typeof WORDING_KEYS)[number];

const CitationKey = z.string().refine((k) => Object.hasOwn(WT, k), { message: "not a Working Together citation in procedures/data/citations.ts" });
function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
const WordingSchema = z
  .object({
    topic: z.enum(["any", "section47", "criminal", "legal", "welfare", "actions"]),
    why: z.string().min(1),
    cites: z.array(CitationKey).min(1),
    /** Matched as whole words (\b...\b) when true; otherwise each alternative carries its own anchors. */
    bounded: z.boolean(),
    /** The flags the list is read with: none over spelt text; "i", "u" over text as written. */
    flags: z.enum(["i", "u", "iu"]).optional(),
    alternatives: z.array(z.string().min(1)).min(1),
  })
  // Each alternative is checked with the list's own flags: an escaped quote is valid without "u" and invalid with it.
  .superRefine((w, ctx) => {
    for (const [i, a] of w.alternatives.entries())
      if (!compiles(a, w.flags ?? "")) ctx.addIssue({ code: "custom", path: ["alternatives", i], message: "not a valid regular expression" });
  });
const FileSchema = z.object({ $comment: z.string(), wordings: z.record(z.enum(WORDING_KEYS), WordingSchema) });
export type Wording = z.infer<typeof WordingSchema>;

let cached: Record<WordingKey, RegExp> | undefined;
let entries: Record<WordingKey, Wording> | undefined;

/** The wording lists as written, validated on first use. */
export function decisionWording(): Record<WordingKey, Wording> {
  if (entries) return entries;
  entries = parseDecisionWording(JSON.parse(readFileSync(fromRoot("records", "data", "decision-wording.json"), "utf8")));
  return entries;
}

/** Checks a decision wording file: every list present, cited from Working Together, each alternative a valid pattern. */
export function parseDecisionWording(raw: unknown): Record<WordingKey, Wording> {
  const parsed = shippedData(FileSchema, raw, "The decision wording");
  const missing = WORDING_KEYS.filter((k) => !(k in parsed.wordings));
  if (missing.length > 0) throw new AppError("internal", "The decision wording is invalid.", { cause: new Error(`missing: ${missing.join(", ")}`) });
  return parsed.wordings as Record<WordingKey, Wording>;
}

/** Each wording list as one pattern over spelt text (lower case, shorthand spelt out, apostrophes as spaces). */
export function wordingPatterns(): Record<WordingKey, RegExp> {
  if (cached) return cached;
  const w = decisionWording();
  cached = Object.fromEntries(
    WORDING_KEYS.map((k) => {
      const { bounded, alternatives, flags } = w[k];
      const body = alternatives.join("|");
      return [k, new RegExp(bounded ? String.raw`\b(?:${body})\b` : body, flags ?? "")];
    }),
  ) as Record<WordingKey, RegExp>;
  return cached;
}
