import type { Citation } from "../core/citation.js";
import { AppError } from "../core/errors.js";
import { strategyDiscussionRequirements } from "../procedures/index.js";
import { AttendeeCategorySchema, type AttendeeCategory } from "./model.js";

/**
 * Which cited strategy discussion requirement each part of a record rests on. The
 * requirements and their quotes belong to procedures/ (the pathway owns procedure
 * knowledge); this file only names the one the record checker cites for each gap.
 */

/** Ids of the strategy discussion requirements the record checker rests on. */
export const REQUIREMENT_IDS = [
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
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** A requirement as the checker uses it: the procedures entry's words and citation. */
export interface Requirement {
  id: RequirementId;
  summary: string;
  citation: Citation;
}

// The procedures entry behind each record requirement: a decision or record detail id.
const SOURCE: Record<Exclude<RequirementId, "minimum_attendees">, { kind: "decision" | "detail"; id: string }> = {
  reason: { kind: "detail", id: "reason" },
  section47_decision: { kind: "decision", id: "section_47_decision" },
  criminal_investigation: { kind: "decision", id: "criminal_investigation" },
  legal_action: { kind: "decision", id: "legal_action" },
  actions: { kind: "decision", id: "immediate_action" },
  share_with_family: { kind: "decision", id: "information_to_family" },
  child_welfare: { kind: "decision", id: "child_welfare" },
  record_decisions: { kind: "decision", id: "record_decisions" },
  icpc_timescale: { kind: "detail", id: "date" },
};

let cache: Map<RequirementId, Requirement> | undefined;

/**
 * The strategy discussion requirements (Working Together 2023) the checker cites, read
 * from procedures/. Every id must be there: the checker cannot cite what is not.
 */
export function strategyRecordRequirements(): ReadonlyMap<RequirementId, Requirement> {
  if (cache) return cache;
  const { minimumAttendees, decisions, recordDetails } = strategyDiscussionRequirements();
  const map = new Map<RequirementId, Requirement>();
  const attendees = minimumAttendees[0];
  if (attendees) {
    map.set("minimum_attendees", {
      id: "minimum_attendees",
      summary: `${minimumAttendees.map((a) => a.role).join(", ")}, as a minimum`,
      citation: attendees.citation,
    });
  }
  for (const [id, source] of Object.entries(SOURCE) as [RequirementId, (typeof SOURCE)[keyof typeof SOURCE]][]) {
    const entry = (source.kind === "decision" ? decisions : recordDetails).find((r) => r.id === source.id);
    if (entry) map.set(id, { id, summary: entry.text, citation: entry.citation });
  }
  for (const id of REQUIREMENT_IDS) {
    if (!map.has(id)) throw new AppError("internal", `Strategy discussion requirement missing: ${id}`);
  }
  cache = map;
  return map;
}

/** One group a strategy discussion should involve as a minimum, as a record attendee category. */
export interface MinimumAttendee {
  category: AttendeeCategory;
  /** "Police representative". */
  role: string;
  citation: Citation;
}

let minimum: MinimumAttendee[] | undefined;

/** The minimum attendees from procedures/, in order; each group's id is the record category it matches. */
export function minimumAttendees(): readonly MinimumAttendee[] {
  if (minimum) return minimum;
  minimum = strategyDiscussionRequirements().minimumAttendees.map((a) => {
    const category = AttendeeCategorySchema.safeParse(a.id);
    if (!category.success) throw new AppError("internal", `Minimum attendee ${a.id} is not a record attendee category.`);
    return { category: category.data, role: a.role, citation: a.citation };
  });
  return minimum;
}

/** The citation a requirement rests on. */
export function citationFor(id: RequirementId): Citation {
  const r = strategyRecordRequirements().get(id);
  if (!r) throw new AppError("internal", `Strategy discussion requirement missing: ${id}`);
  return r.citation;
}
