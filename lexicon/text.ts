/**
 * The words of a text with where they stand, for matching the lexicon's phrases
 * exactly (no spelling slips: "Heath" is not "Neath"). Letters are compared folded
 * (lower case, accents removed: "Môn" is "mon"); each word keeps its surface form so
 * an abbreviation written in capitals ("SW", "DS") can be told from a word ("ds").
 */

/** One word of a text: its folded form, as written, and its character span. */
export interface Word {
  folded: string;
  surface: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents or other combining marks. */
export function fold(text: string): string {
  // Most words are plain ASCII: only the others need decomposing.
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The words of `text` in order, with their spans. Apostrophes and hyphens separate words. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ folded: fold(m[0]), surface: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** Whether a word of the data is an abbreviation written in capitals ("SW", "UHB", "D/C"). */
export function isCapitalised(surface: string): boolean {
  return /\p{Lu}/u.test(surface) && surface === surface.toUpperCase();
}

/**
 * How strictly a phrase's capitals must be matched:
 * - `text`: in running text an abbreviation matches only as written ("DS", not "ds").
 * - `list`: in a list of people an abbreviation also matches in lower case ("sw kim"),
 *   but not as a capitalised name ("Ed" is a name, "ED" the emergency department).
 */
export type CaseMode = "text" | "list";

/** Whether the text word `w` stands for the data word `surface` under `mode`. */
export function sameSurface(w: Word, dataFolded: string, surface: string, mode: CaseMode, exact: boolean): boolean {
  if (w.folded !== dataFolded) return false;
  if (exact) return w.surface === surface;
  if (!isCapitalised(surface) || surface.length < 2) return true;
  if (w.surface === surface || w.surface.toUpperCase() === w.surface) return true;
  return mode === "list" && w.surface === w.surface.toLowerCase();
}
