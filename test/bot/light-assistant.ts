import type { Assistant } from "../../assistant/index.js";
import { testAssistant } from "../dialogs/harness.js";

/**
 * The dialogs' test assistant (real reading, rules-only triage) for server tests that
 * never ask the corpus: nothing is loaded at start-up, so the event loop stays free
 * and timings mean what they say.
 */
export function lightAssistant(now = "2025-05-20T09:00:00Z"): Assistant {
  const assistant = testAssistant(now);
  assistant.warmUp = async () => undefined;
  return assistant;
}
