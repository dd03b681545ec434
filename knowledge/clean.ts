/**
 * Cleaning of conversion debris, so the text reads as a reader reads the page. The
 * corpus came from web pages and PDF conversions: page breaks ("---") split paragraphs,
 * each page's footnotes sit between the two halves, and a footnote can run on over a
 * hard line break or a page. We lift footnotes out (they are real content sometimes),
 * rejoin the paragraph they interrupted, and cut headings the conversion glued onto
 * the end of a line.
 */

export interface Footnote {
  /** The footnote's number as printed ("52"). */
  n: string;
  text: string;
}

export interface CleanedText {
  /** Body lines, footnotes removed, paragraphs rejoined. Inline markers are kept as `<sup>n</sup>`. */
  lines: string[];
  footnotes: Footnote[];
}

const SUP_LINE = /^\s*<sup>\s*(\d+)\s*<\/sup>\s*(.*)$/;
const UNICODE_SUP_LINE = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/;
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const BULLET_LINE = /^\s*(?:[-*•●▪]|\d{1,2}\))\s+\S/;
const NUMBERED_LINE = /^\s*\d{1,3}(?:\.\d{1,2})?\.\s+\S/;
const LINK_ONLY = /^\[[^\]]*\]\([^)]*\)\s*$/;

/** Footnotes that start on a line, split where one footnote's line carries the start of the next ("… <sup>26</sup>"). */
function footnotesOnLine(line: string): Footnote[] | null {
  const m = SUP_LINE.exec(line) ?? UNICODE_SUP_LINE.exec(line);
  if (!m) return null;
  const first = [...m[1]!].map((c) => (SUPERSCRIPT_DIGITS.includes(c) ? String(SUPERSCRIPT_DIGITS.indexOf(c)) : c)).join("");
  const out: Footnote[] = [];
  let n = first;
  let rest = m[2]!;
  // A marker after the first footnote's text begins another footnote on the same line.
  for (let inner = /<sup>\s*(\d+)\s*<\/sup>/.exec(rest); inner; inner = /<sup>\s*(\d+)\s*<\/sup>/.exec(rest)) {
    out.push({ n, text: cleanInline(rest.slice(0, inner.index)) });
    n = inner[1]!;
    rest = rest.slice(inner.index + inner[0].length);
  }
  out.push({ n, text: cleanInline(rest) });
  return out;
}

/** Turn HTML tables into one line per row, cells separated by " | ". */
export function flattenTables(text: string): string {
  return text.replace(/<table[\s\S]*?<\/table>/gi, (table) =>
    table
      .replace(/<\/t[dh]>\s*<t[dh][^>]*>/gi, " | ")
      .replace(/<tr[^>]*>/gi, "\n")
      .replace(/<[^>]+>/g, "")
      .split("\n")
      .map((l) => l.replace(/\s+/g, " ").trim())
      .filter((l) => l !== "")
      .join("\n\n"),
  );
}

/** Inline clean-up: links, escapes, bold, HTML tags and footnote markers. */
export function cleanInline(s: string): string {
  return s
    .replace(/<sup>[^<]*<\/sup>/gi, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([()[\]._*#+\-!])/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Whether a body line ends a sentence (so the next line cannot continue it). */
export function endsSentence(line: string): boolean {
  return /[.:;!?)"'’”]\s*$/.test(cleanInline(line));
}

function startsContinuation(line: string): boolean {
  return /^[a-z(]/.test(line.trim());
}

/**
 * A heading the conversion glued onto the end of the line before it, with no space after
 * the full stop ("…you have noticed.Multi-agency strategy discussion or meeting"): a short
 * capitalised phrase with no closing punctuation, after a sentence's end. Returns the
 * line and the heading, or null.
 */
export function splitGluedHeading(line: string): [string, string] | null {
  const m = /^(.*[a-z0-9)’'"][.!?])([A-Z][^.!?:;]{2,80})$/.exec(line.trimEnd());
  if (!m || BULLET_LINE.test(line) || /^#/.test(line.trim())) return null;
  const tail = m[2]!.trim();
  const words = tail.split(/\s+/);
  if (words.length < 2 || words.length > 10 || /[,]$/.test(tail)) return null;
  return [m[1]!, tail];
}

/** A footnote's next line that continues it: after a hard line break, or a bare link (the rest of a citation). */
function continuesFootnote(line: string, previous: string): boolean {
  const t = line.trim();
  if (t === "" || t === "---" || BULLET_LINE.test(line) || NUMBERED_LINE.test(line) || /^#/.test(t) || /^\*\*/.test(t)) return false;
  return / {2,}$/.test(previous) || LINK_ONLY.test(t);
}

/**
 * Remove debris lines, lift footnotes out of page breaks, rejoin paragraphs split
 * across pages and cut glued headings onto lines of their own.
 */
export function cleanText(raw: string, debris: RegExp[]): CleanedText {
  const src = flattenTables(raw.replace(/\r/g, "").replace(/\u00a0/g, " "))
    .split("\n")
    .filter((l) => !/\t\s*\d+\s*$/.test(l)) // contents-page entries ("Referral<TAB>57")
    .filter((l) => !debris.some((r) => r.test(l.trim())))
    .flatMap((l, i, all) => {
      const glued = splitGluedHeading(l);
      const nextBlank = i + 1 >= all.length || all[i + 1]!.trim() === "";
      return glued && nextBlank ? [glued[0], "", glued[1]] : [l];
    });
  const lines: string[] = [];
  const footnotes: Footnote[] = [];
  let joinNext = false;
  let i = 0;
  const nextNonEmpty = (from: number): number => {
    let j = from;
    while (j < src.length && src[j]!.trim() === "") j++;
    return j;
  };
  const appendToLast = (text: string) => {
    const last = footnotes[footnotes.length - 1];
    if (last && text) last.text = `${last.text} ${text}`.trim();
  };
  while (i < src.length) {
    const line = src[i]!;
    const t = line.trim();
    if (t === "---") {
      // Everything up to the page's body is the footnote area.
      const lastBody = [...lines].reverse().find((l) => l.trim() !== "");
      joinNext = lastBody !== undefined && !/^#/.test(lastBody.trim()) && !endsSentence(lastBody);
      let j = nextNonEmpty(i + 1);
      let previous = "";
      let seen = false;
      while (j < src.length) {
        const l = src[j]!;
        const notes = footnotesOnLine(l);
        if (notes) {
          footnotes.push(...notes);
          seen = true;
        } else if (seen && continuesFootnote(l, previous)) {
          appendToLast(cleanInline(l));
        } else if (!seen && l.trim() !== "---" && footnotesOnLine(src[nextNonEmpty(j + 1)] ?? "")) {
          // The tail of the previous page's last footnote, carried over the break.
          if (footnotes.length) appendToLast(cleanInline(l));
          else lines.push(l);
        } else break;
        previous = l;
        j = nextNonEmpty(j + 1);
      }
      i = j;
      continue;
    }
    const notes = footnotesOnLine(line);
    if (notes && (lines.length === 0 || lines[lines.length - 1]!.trim() === "")) {
      footnotes.push(...notes);
      i++;
      continue;
    }
    if (joinNext && t !== "") {
      joinNext = false;
      if (startsContinuation(t)) {
        // Drop the blank lines the page break left, then continue the paragraph.
        while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
        lines[lines.length - 1] = `${lines[lines.length - 1]!.trimEnd()} ${t}`;
        i++;
        continue;
      }
    }
    lines.push(line);
    i++;
  }
  return { lines, footnotes };
}
