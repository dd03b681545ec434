/**
 * The structure of a pasted form, read before its words. A referral form, a request for support or a
 * checklist asks its questions of whoever fills it in ("What are you worried about today? …", "Is the
 * child at immediate risk? …"): those prompts are the form's, not the writer's questions, and a danger
 * written as the answer is the writer's report. In a document with at least three field lines
 * ("Label: value", "Prompt? answer"), a short prompt that a line answers is set aside.
 */

/** A field line: a short label or prompt, then its value on the same line. */
const FIELD = /^\s*[A-Za-z0-9][^:?\n]{1,80}[:?][ \t]+\S/;
/** A prompt answered on its own line: up to ten words ending in "?", with an answer after it (an optional "Section 3:" before). */
const PROMPT = /^(\s*(?:[A-Za-z0-9][^:?\n]{0,30}:\s*)?)((?:[^\s?]+\s+){0,9}[^\s?]+\?)[ \t]+(?=\S)/;

/** The text with a form's answered prompts removed (unchanged unless it reads as a form). */
export function withoutFormPrompts(text: string): string {
  if (!text.includes("?") || !text.includes("\n")) return text;
  const lines = text.split("\n");
  if (lines.filter((l) => FIELD.test(l)).length < 3) return text;
  return lines.map((l) => l.replace(PROMPT, "$1")).join("\n");
}
