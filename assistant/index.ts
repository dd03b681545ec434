import { Assistant, type AssistantOptions } from "./assistant.js";

export { Assistant, toSignpost } from "./assistant.js";
export type { AssistantOptions, DeadlineView, DraftView, JurisdictionOption, NextView } from "./assistant.js";
export { readMessage, isQuestion, type MessageReading, type JurisdictionReading } from "./reading.js";
export type { AskResult, SignpostView, TriageView } from "./types.js";
export { classifyIntent, type Intent } from "./intent.js";

/** Create the assistant. Parts load on first use; call `warmUp()` to load them now. */
export async function createAssistant(options: AssistantOptions): Promise<Assistant> {
  return new Assistant(options);
}
export { pathwayView, deadlineEvents, type PathwayView, type PathwayStageView, type PathwayStepView } from "./pathway-view.js";
