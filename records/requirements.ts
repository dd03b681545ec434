import { readFileSync } from "node:fs";
import { z } from "zod";
import { CitationSchema, type Citation } from "../core/citation.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";

/** Ids of the strategy discussion requirements the record checker rests on. */
export const RequirementIdSchema = z.enum([
  "minimum_attendees",
  "reason",
  "section47_decision",
  "criminal_investigation",
  "legal_action",
  "actions",
  "share_with_family",
  "child_welfare",
  "record_decisions",
  "icpc_timescale",
]);
export type RequirementId = z.infer<typeof RequirementIdSchema>;

const RequirementSchema = z.object({
  id: RequirementIdSchema,
  applies_to: z.string(),
  summary: z.string().min(1),
  citation: CitationSchema,
});
export type Requirement = z.infer<typeof RequirementSchema>;

const FileSchema = z.object({ source: z.string(), requirements: z.array(RequirementSchema) });

/** Where the requirement data lives (resolved from the project root: works from source and dist/). */
export const REQUIREMENTS_FILE = fromRoot("records", "strategy-discussion-requirements.json");

let cache: Map<RequirementId, Requirement> | undefined;

/**
 * The strategy discussion requirements (Working Together 2023), validated at load.
 * Every id must be present: the checker cannot cite what is not there.
 */
export function strategyRecordRequirements(): ReadonlyMap<RequirementId, Requirement> {
  if (cache) return cache;
  let parsed: z.infer<typeof FileSchema>;
  try {
    parsed = FileSchema.parse(JSON.parse(readFileSync(REQUIREMENTS_FILE, "utf8")));
  } catch (cause) {
    throw new AppError("internal", "The strategy discussion requirements could not be loaded.", { cause });
  }
  const map = new Map(parsed.requirements.map((r) => [r.id, r] as const));
  for (const id of RequirementIdSchema.options) {
    if (!map.has(id)) throw new AppError("internal", `Strategy discussion requirement missing: ${id}`);
  }
  cache = map;
  return map;
}

/** The citation a requirement rests on. */
export function citationFor(id: RequirementId): Citation {
  const r = strategyRecordRequirements().get(id);
  if (!r) throw new AppError("internal", `Strategy discussion requirement missing: ${id}`);
  return r.citation;
}
