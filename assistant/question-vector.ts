import type { MessageReading } from "./reading.js";

/**
 * Characters of a message that key its question vector in the pooled assistant's cache
 * (the vector itself is of what retrieval reads from the message: see
 * Assistant.questionVector).
 */
export const VECTOR_CHARS = 600;

/** The text a message's question vector is cached under. */
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
