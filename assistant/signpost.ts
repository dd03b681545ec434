import type { TriageResult } from "../escalation/index.js";
import type { SignpostView } from "./types.js";

/** The signpost a triage result calls for, or null when it calls for none. */
export function toSignpost(result: TriageResult): SignpostView | null {
  return result.level === "none" ? null : { level: result.level, text: result.text };
}
