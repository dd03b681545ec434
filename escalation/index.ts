/**
 * Escalation triage (issue 5): runs before anything else on every message and
 * signposts 999, Childline, children's services / 101 or the NSPCC helpline.
 * Plain domain code: no bot or HTTP imports.
 */
export { LEVELS, moreUrgent, urgency, isTriageLevel, type TriageLevel } from "./levels.js";
export { signpostFor, signpostText, type Signpost, type SignpostLevel, type SignpostSource } from "./signposts.js";
export { createTriage, triageByRules, type Triage, type TriageResult } from "./triage.js";
export { loadExamples, type LabelledExample } from "./exemplars.js";
