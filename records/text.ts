/**
 * Splitting notes into the pieces practitioners write: lines, sentences, list entries.
 * Every piece is a slice of the normalised notes, so whatever a field is read from can
 * be shown as the words it came from.
 */

/** Line breaks to "\n"; control characters, Markdown emphasis and heading marks dropped; tabs kept (tables). */
export function normaliseNotes(text: string): string {
  return (
    spacedTables(text.replace(/\r\n?/g, "\n"))
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
      .replace(/[\u00a0\u2007\u202f]/g, " ")
      // Runs of spaces (not tabs: a pasted table's cells) to one, first, so no later pattern sees a long run.
      .replace(/ {2,}/g, " ")
      .replace(/[\u200b-\u200d\ufeff]/g, "")
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\*\*|__/g, "")
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
      .replace(/ \n/g, "\n")
  );
}

/** Runs of spaces and tabs to one space, trimmed. */
export function squash(text: string): string {
  return text.replace(/[ \t]+/g, " ").trim();
}

/** A bullet or list number at the start of a line: "- ", "• ", "1. ", "2) ", "a) ", "iv) ", "o ". */
export const BULLET = /^[ \t]*(?:[-*•·▪◦o](?=[ \t])|\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?=[ \t]))[ \t]*/i;

/** The line without its bullet or number. */
export function stripBullet(line: string): string {
  // Nested markers ("- a) ...", "1. (i) ...") are all the bullet.
  let out = line;
  for (let i = 0; i < 3 && BULLET.test(out); i++) out = out.replace(BULLET, "");
  return out;
}

/** A piece of a longer text, with where it starts in it. */
export interface Piece {
  text: string;
  start: number;
}

/**
 * Split at separators that are not inside brackets or quotes. `separator` is tried at
 * each position outside brackets and returns the length of the separator there (0 if none).
 */
export function splitOutside(text: string, separator: (text: string, i: number) => number, start = 0): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (depth > 0) continue;
    const len = separator(text, i);
    if (len > 0) {
      out.push({ text: text.slice(from, i), start: start + from });
      from = i + len;
      i = from - 1;
    }
  }
  out.push({ text: text.slice(from), start: start + from });
  return out.map(trimPiece).filter((p) => p.text.length > 0);
}

function trimPiece(p: Piece): Piece {
  const lead = p.text.length - p.text.trimStart().length;
  return { text: p.text.trim().replace(/[.,;:\s]+$/, ""), start: p.start + lead };
}

// A full stop ends a sentence unless it ends a title, an initial or a common abbreviation.
const NOT_AN_END = /(?:^|[\s(.])(?:[A-Z]|Dr|Mr|Mrs|Ms|Miss|St|No|Prof|Sgt|Insp|approx|e\.g|i\.e|etc|vs|D|DC|DS|PC|Ref|ref|tel|Tel|wk|wks|appts?|b|incl|inc|esp|poss|dept)$/;

/** Sentences of a paragraph: at ". ", "! ", "? " (not after a title or initial) and at line breaks. */
export function sentences(text: string, start = 0): Piece[] {
  return splitOutside(
    text,
    (t, i) => {
      const ch = t[i];
      if (ch === "\n") return 1;
      if ((ch === "." || ch === "!" || ch === "?") && /\s/.test(t[i + 1] ?? "")) {
        const before = t.slice(Math.max(0, i - 8), i);
        // "Legal - N." is an answer, not an initial.
        // "Legal - N." and "LPM N." are answers, not initials.
        if (ch === "." && NOT_AN_END.test(before) && !/(?:[-–—:]\s*|\b[A-Z0-9]{2,}\s+)[YN]$/.test(before)) return 0;
        return 1;
      }
      return 0;
    },
    start,
  );
}

/** Clauses of a sentence: at ";" and "," (outside brackets), and at " - " / " – " between words. */
export function clauses(text: string, start = 0, opts: { commas?: boolean; dashes?: boolean } = {}): Piece[] {
  const commas = opts.commas ?? true;
  const dashes = opts.dashes ?? true;
  return splitOutside(
    text,
    (t, i) => {
      const ch = t[i];
      if (ch === ";") return 1;
      if (commas && ch === "," && !/\d/.test(t[i + 1] ?? "")) return 1;
      if (dashes && ch === " " && /^ [-–—] /.test(t.slice(i, i + 3))) return 3;
      return 0;
    },
    start,
  );
}

/**
 * A table pasted as plain text lines its columns up with runs of spaces ("Skeletal survey      Dr Hughes      20.11.2025").
 * Where two or more lines running together each have a wide gap (three spaces or more) between words, their gaps of two
 * or more spaces become tabs, so the table is read as one pasted with tabs. A single line with a wide gap (a form's
 * "Date: 18.11.2025          Time: 14:00") is left to have its spaces collapsed.
 */
function spacedTables(text: string): string {
  const lines = text.split("\n");
  const wide = lines.map((l) => !l.includes("\t") && !l.includes("|") && /\S {3,}\S/.test(l));
  return lines.map((l, i) => (wide[i] && (wide[i - 1] || wide[i + 1]) ? l.replace(/^ +| +$/g, "").replace(/ {2,}/g, "\t") : l)).join("\n");
}
