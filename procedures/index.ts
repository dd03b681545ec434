/**
 * The child protection pathway (Working Together 2023 for England; the Complex
 * Safeguarding Wales pages for Wales) as cited data, and "what happens next".
 */
export { whatNext, stageGuidance, type NextResult, type NextStep, type WhatNextDeps } from "./next.js";
export { formatNextText } from "./format.js";
export { recogniseStage, mentionsWales, type StageRecognition } from "./recognise.js";
export { loadPathway, getStage, listStages, getRole, strategyDiscussionRequirements } from "./pathway.js";
export { readSituationDates, type SituationDate } from "./situation-dates.js";
export type { AttendeeRequirement, DecisionRequirement, RecordRequirement } from "./data/strategy-discussion.js";
export { StageIdSchema, RuleIdSchema, EventIdSchema, PathwaySchema, type Stage, type StageId, type Step, type Role, type Timescale, type Pathway } from "./schema.js";
