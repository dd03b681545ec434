/**
 * Escalation triage: runs before anything else on every message and signposts 999,
 * Childline, children's services / 101 or the NSPCC helpline. The risk model is data
 * (escalation/data/); a learned model sits behind safety-net rules. Plain domain code:
 * no bot or HTTP imports.
 */
export { LEVELS, moreUrgent, urgency, isTriageLevel, type TriageLevel } from "./levels.js";
export { signpostFor, signpostText, type Signpost, type SignpostLevel, type SignpostSource } from "./signposts.js";
export {
  createTriage,
  triageByRules,
  loadTriageModels,
  type AssessOptions,
  type Triage,
  type TriageModels,
  type TriageResult,
} from "./triage.js";
export { DANGER_KINDS, SPEAKERS, REGISTERS, loadRiskModel, type DangerKind, type Speaker, type Register } from "./risk-model.js";
export { readMessage, type Reading } from "./reader.js";
export { loadLabelled, type Labelled } from "./labelled.js";
