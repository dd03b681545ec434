import type { Jurisdiction } from "../core/jurisdiction.js";
import { AppError, shippedData } from "../core/errors.js";
import { PathwaySchema, type Pathway, type Role, type Stage, type StageId } from "./schema.js";
import { ENGLAND_ASSESSMENT } from "./data/england-assessment.js";
import { ENGLAND_PLAN } from "./data/england-plan.js";
import { ENGLAND_ROUTES } from "./data/england-routes.js";
import { WALES_STAGES } from "./data/wales.js";
import { EVENTS, ROLES, SPELLINGS } from "./data/roles.js";
import { ENDING_CUES, FUTURE_CUES, NEGATION_CUES, PAST_CUES } from "./data/language.js";
import {
  DECISIONS,
  MINIMUM_ATTENDEES,
  RECORD_DETAILS,
  type AttendeeRequirement,
  type DecisionRequirement,
  type RecordRequirement,
} from "./data/strategy-discussion.js";

let cached: Pathway | undefined;

/**
 * The child protection pathway, validated against the schema on first use. A data
 * error is a bug in this repository, so it is reported as "internal" with the zod detail.
 */
export function loadPathway(): Pathway {
  if (cached) return cached;
  cached = shippedData(PathwaySchema, {
    roles: ROLES,
    events: EVENTS,
    spellings: SPELLINGS,
    language: { negations: NEGATION_CUES, endings: ENDING_CUES, past: PAST_CUES, future: FUTURE_CUES },
    stages: [...ENGLAND_ASSESSMENT, ...ENGLAND_PLAN, ...ENGLAND_ROUTES, ...WALES_STAGES],
  }, "The child protection pathway data");
  return cached;
}

/** One stage by id; throws for an unknown id (ids come from our own data or the recogniser). */
export function getStage(id: StageId): Stage {
  const stage = loadPathway().stages.find((s) => s.id === id);
  if (!stage) throw new AppError("internal", `Unknown pathway stage ${id}.`);
  return stage;
}

/** Every stage, in pathway order, optionally only one jurisdiction's. */
export function listStages(jurisdiction?: Jurisdiction): Stage[] {
  const all = loadPathway().stages;
  return jurisdiction ? all.filter((s) => s.jurisdiction === jurisdiction) : all;
}

/** A role by id (for "who does what"). */
export function getRole(id: string): Role | undefined {
  return loadPathway().roles.find((r) => r.id === id);
}

/**
 * What a strategy discussion needs (England, Working Together 2023): the minimum
 * attendees, with the words that name them, the decisions it makes, and what its
 * record should also show (the reason and the date); each cited. The strategy record
 * checker cites these when it flags a missing attendee, decision or detail.
 */
export function strategyDiscussionRequirements(): {
  minimumAttendees: AttendeeRequirement[];
  decisions: DecisionRequirement[];
  recordDetails: RecordRequirement[];
} {
  return { minimumAttendees: MINIMUM_ATTENDEES, decisions: DECISIONS, recordDetails: RECORD_DETAILS };
}
