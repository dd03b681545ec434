/**
 * Pasted text often carries machine noise around the practitioner's question: log
 * lines, terminal escapes, key=value dumps. Words that never occur in the corpus
 * would otherwise sink the coverage test for a question that is well covered.
 */

const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?/;
const KEY_VALUE = /\b[a-z_][\w.-]*=[^\s]+/gi;
const LOG_LEVEL = /^(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|ALERT|EMERG)\]?:?)$/;

/** Whether a line reads as log or code noise rather than something a person wrote. */
export function isNoiseLine(line: string): boolean {
  const t = line.trim();
  if (t === "") return true;
  if (TIMESTAMP.test(t)) return true;
  if ((t.match(KEY_VALUE) ?? []).length >= 2) return true;
  const tokens = t.split(/\s+/);
  // A lone shouted token ("ALERT", "[ERROR]") carries no question.
  if (tokens.length <= 2 && tokens.every((x) => LOG_LEVEL.test(x) || /^[A-Z0-9_[\]:]+$/.test(x))) return true;
  return false;
}

/**
 * The part of a message the ranking and coverage test should judge: its lines with
 * noise lines dropped. A message that is all noise is returned as it came, so it is
 * judged (and refused) on what it says.
 */
export function focusQuestion(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length < 2) return text;
  const kept = lines.filter((l) => !isNoiseLine(l));
  return kept.length > 0 ? kept.join("\n") : text;
}
