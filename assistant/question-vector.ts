import type { MessageReading } from "./reading.js";

/**
 * Characters of a message its question vector is made from: a question whole (triage
 * embeds a message of up to 600 characters whole, so today it reuses the vector
 * through the cache; longer messages it reads sentence by sentence).
 */
export const VECTOR_CHARS = 600;

/** The text a message's question vector is made from (and cached under). */
export function vectorText(cleanedText: string): string {
  return cleanedText.slice(0, VECTOR_CHARS);
}

/**
 * Whether a message will need the embedding model: only a question answered from the
 * corpus does for certain. Commands, next steps, deadlines with a date and drafts are
 * answered by rules and data; triage still embeds on its own when its rules are unsure.
 */
export function needsQuestionVector(reading: MessageReading): boolean {
  return !reading.empty && !reading.overLength && reading.intent.kind === "ask";
}
