/**
 * Variations of strategy discussion notes, for measuring the notes reader beyond the
 * notes it was written against and for fuzzing it.
 *
 * - `vary` rewrites a note the way the same practitioner might have typed it on another
 *   day, keeping what it says (so its gold record still holds): one line in Teams, bullets
 *   or numbers, headings in capitals or with dashes, dates with dots, ASCII dashes,
 *   Windows line ends and stray spaces, all in lower case.
 * - `damage` breaks a note in the ways pasted text gets broken (cut short, lines lost,
 *   doubled or shuffled, odd characters, impossible dates, punctuation gone): nothing is
 *   asserted about the reading, only that a draft comes back.
 *
 * Both are driven by a seeded generator, so a failure can be replayed. The rewrites use
 * plain text rules of their own, not the reader's vocabulary.
 */

import { pick, seeded } from "../core/random.js";

/** The seeded generator (core/random.ts): the same seed gives the same variations. */
export { seeded };


export const VARIATIONS = ["oneline", "bullets", "numbered", "caps_headings", "dash_headings", "dotted_dates", "ascii_dashes", "crlf_spaces", "lowercase"] as const;
export type Variation = (typeof VARIATIONS)[number];

/** A line that reads as a heading: a few words and a colon, or a few words alone in capitals or ending in ":". */
function headingLine(line: string, previous = ""): boolean {
  const t = line.trim().replace(/\*\*|__/g, "").replace(/^#+\s*/, "").replace(/^\d{1,2}(?:\.\d)?\.?\s+/, "");
  if (/^[A-Za-z][A-Za-z '’/&()-]{1,40}:$/.test(t)) return true;
  if (/^[A-Z][A-Z '’/&-]{2,40}$/.test(t) && t.split(/\s+/).length <= 5) return true;
  // A few words alone on their line after a blank one: "In Attendance", "Attendees -".
  return previous.trim() === "" && /^[A-Za-z][A-Za-z '’/&]{1,30}?(?:\s*[-–])?$/.test(t) && t.split(/\s+/).length <= 3;
}

/** The label of a labelled line ("Present: ..."), or null. */
function labelOf(line: string): { label: string; rest: string } | null {
  const m = /^([A-Za-z][A-Za-z '’/&()-]{1,40}?)\s*:\s+(\S.*)$/.exec(line.trim());
  return m ? { label: m[1] ?? "", rest: m[2] ?? "" } : null;
}

const isTableRow = (line: string) => line.includes("\t") || (line.match(/\|/g) ?? []).length >= 2;
const isEmailHeader = (line: string) => /^(from|sent|to|cc|subject|date)\s*:/i.test(line.trim());

/** Rewrite a note without changing what it says. Notes it cannot rewrite that way (a table into one line) come back unchanged. */
export function vary(notes: string, kind: Variation, rng: () => number): string {
  const lines = notes.split("\n");
  switch (kind) {
    case "oneline": {
      if (lines.some(isTableRow) || lines.some(isEmailHeader)) return notes;
      // Each kept line with the line before it, so a heading can be told by the blank line above it.
      const kept = lines.map((l, i) => ({ line: l.trim(), previous: i > 0 ? (lines[i - 1] ?? "") : "" })).filter((x) => x.line);
      let out = "";
      kept.forEach(({ line, previous }, i) => {
        const next = kept[i + 1];
        let piece = line.replace(/^(?:[-*•·]|\d{1,2}[.)]|[a-h][.)]|[ivx]{1,4}[.)])\s+/i, "");
        // A heading on its own line runs into its first entry: "Present:" then "Jo Smith" → "Present: Jo Smith".
        if (headingLine(line, previous) && !piece.endsWith(":") && next) piece = `${piece.replace(/\s*[-–]$/, "")}:`;
        out += piece;
        if (!next) return;
        if (/[:]$/.test(piece)) out += " ";
        else if (/[.!?;]$/.test(piece)) out += " ";
        else if (headingLine(next.line, next.previous) || labelOf(next.line)) out += ". ";
        else out += "; ";
      });
      return out;
    }
    case "bullets":
    case "numbered": {
      let n = 0;
      // Only what stands under a heading is listed: a title, an e-mail's header and greeting are not.
      let under = false;
      const mark = pick(rng, ["- ", "• ", "* ", "– "]);
      return lines
        .map((line) => {
          const t = line.trim();
          if (headingLine(t, "") || labelOf(t)) under = true;
          if (!under || !t || headingLine(t, "") || isTableRow(t) || isEmailHeader(t) || /^(?:[-*•·]|\d{1,2}[.)])\s/.test(t)) {
            n = 0;
            return line;
          }
          n++;
          return kind === "bullets" ? `${mark}${t}` : `${n}. ${t}`;
        })
        .join("\n");
    }
    case "caps_headings":
      return lines
        .map((line) => {
          if (isEmailHeader(line)) return line;
          const l = labelOf(line);
          if (l && l.label.split(/\s+/).length <= 4) return `${l.label.toUpperCase()}: ${l.rest}`;
          return headingLine(line, "") ? line.replace(/:\s*$/, "").toUpperCase() : line;
        })
        .join("\n");
    case "dash_headings":
      return lines
        .map((line) => {
          if (isEmailHeader(line)) return line;
          const l = labelOf(line);
          if (l && l.label.split(/\s+/).length <= 4 && !/\d$/.test(l.label)) return `${l.label} - ${l.rest}`;
          return headingLine(line, "") ? line.replace(/:\s*$/, " -") : line;
        })
        .join("\n");
    case "dotted_dates":
      return notes.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/g, (_m, d: string, m: string, y: string) => `${d}.${m}.${y.slice(-2)}`);
    case "ascii_dashes":
      return notes.replace(/[–—]/g, "-").replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/•/g, "-");
    case "crlf_spaces":
      return lines.map((l) => (rng() < 0.3 ? `  ${l}  ` : l)).join("\r\n").replace(/ {1}(?=\S)/g, (s) => (rng() < 0.05 ? "  " : s));
    case "lowercase":
      return notes.toLowerCase();
  }
}

const ODD = ["\u200b", "\u00a0", "👍", "🙂", "\t", "…", "’", "“", "•", "\u202f", "\ufeff", "\u0007", "é", "ŵ", "ŷ", "|", "*", "#", ">", "_"];
const IMPOSSIBLE = ["31/02/2025", "30/02", "00/00/0000", "45/13/2025", "29/02/2025", "31/04", "2025-13-40", "32nd May", "99/99", "0/0"];

/** Break a note as pasted text gets broken. Several kinds of damage may be combined. */
export function damage(notes: string, rng: () => number): string {
  let t = notes;
  const kinds = 1 + Math.floor(rng() * 3);
  for (let k = 0; k < kinds; k++) {
    const lines = t.split("\n");
    switch (Math.floor(rng() * 12)) {
      case 0:
        t = t.slice(0, Math.floor(rng() * t.length));
        break;
      case 1:
        lines.splice(Math.floor(rng() * lines.length), 1 + Math.floor(rng() * 3));
        t = lines.join("\n");
        break;
      case 2: {
        const i = Math.floor(rng() * lines.length);
        lines.splice(i, 0, ...lines.slice(i, i + 3));
        t = lines.join("\n");
        break;
      }
      case 3:
        t = lines.sort(() => rng() - 0.5).join("\n");
        break;
      case 4:
        t = [...t].map((ch) => (rng() < 0.02 ? pick(rng, ODD) + ch : ch)).join("");
        break;
      case 5:
        t = t.replace(/\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b/, pick(rng, IMPOSSIBLE));
        break;
      case 6:
        t = t.replace(/[.,;:()\-–]/g, rng() < 0.5 ? "" : " ");
        break;
      case 7:
        t = t.toUpperCase();
        break;
      case 8:
        t = `${t}\n${t.slice(0, 2000).repeat(1 + Math.floor(rng() * 3))}`;
        break;
      case 9:
        t = t.replace(/\n/g, rng() < 0.5 ? " " : "\n\n\n");
        break;
      case 10:
        t = t.replace(/\b(\w+)\b/g, (w) => (rng() < 0.05 ? w.split("").reverse().join("") : w));
        break;
      default:
        t = t.replace(/\d/g, (d) => (rng() < 0.1 ? String(Math.floor(rng() * 10)) : d));
    }
  }
  return t;
}
