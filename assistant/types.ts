import type { Citation } from "../core/citation.js";
import type { AnswerJurisdiction } from "../core/jurisdiction.js";
import type { TriageLevel } from "../escalation/index.js";

/** The signpost carried by every answer whose message needed one. */
export interface SignpostView {
  level: Exclude<TriageLevel, "none">;
  text: string;
}

/** `safeguard ask --json` and the bot's plain answer: the public contract. */
export interface AskResult {
  answer: string;
  jurisdiction: AnswerJurisdiction;
  covered: boolean;
  citations: Citation[];
  signpost: SignpostView | null;
  /** True when an optional LLM phrased the answer (shown with the "AI generated" label). */
  ai_generated?: boolean;
}

/** `safeguard triage --json`. */
export interface TriageView {
  level: TriageLevel;
  text: string;
}
