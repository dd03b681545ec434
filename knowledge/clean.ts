/**
 * Cleaning of conversion debris. The corpus came from web pages and PDF
 * conversions: page breaks ("---") split paragraphs, and each page's footnotes
 * sit between the two halves. We lift footnotes out (they are real content
 * sometimes) and rejoin the paragraph they interrupted.
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
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
};

function footnoteStart(line: string): Footnote | null {
  const m = SUP_LINE.exec(line) ?? UNICODE_SUP_LINE.exec(line);
  if (!m) return null;
  const n = [...m[1]!].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join("");
  return { n, text: cleanInline(m[2]!) };
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
function endsSentence(line: string): boolean {
  return /[.:;!?)"'’”]\s*$/.test(cleanInline(line));
}

function startsContinuation(line: string): boolean {
  return /^[a-z(]/.test(line.trim());
}

/**
 * Remove debris lines, lift footnotes out of page breaks and rejoin paragraphs
 * split across pages.
 */
export function cleanText(raw: string, debris: RegExp[]): CleanedText {
  const src = flattenTables(raw.replace(/\r/g, "").replace(/\u00a0/g, " "))
    .split("\n")
    .filter((l) => !/\t\s*\d+\s*$/.test(l)) // contents-page entries ("Referral<TAB>57")
    .filter((l) => !debris.some((r) => r.test(l.trim())));
  const lines: string[] = [];
  const footnotes: Footnote[] = [];
  let joinNext = false;
  let i = 0;
  const nextNonEmpty = (from: number): number => {
    let j = from;
    while (j < src.length && src[j]!.trim() === "") j++;
    return j;
  };
  while (i < src.length) {
    const line = src[i]!;
    const t = line.trim();
    if (t === "---") {
      // Everything up to the page's body is the footnote area.
      const lastBody = [...lines].reverse().find((l) => l.trim() !== "");
      joinNext = lastBody !== undefined && !/^#/.test(lastBody.trim()) && !endsSentence(lastBody);
      let j = nextNonEmpty(i + 1);
      let seenSup = false;
      while (j < src.length) {
        const l = src[j]!;
        const fn = footnoteStart(l);
        if (fn) {
          footnotes.push(fn);
          seenSup = true;
        } else if (!seenSup && src[j]!.trim() !== "---" && footnoteStart(src[nextNonEmpty(j + 1)] ?? "")) {
          // The tail of the previous page's last footnote, carried over the break.
          const last = footnotes[footnotes.length - 1];
          if (last) last.text = `${last.text} ${cleanInline(l)}`;
          else lines.push(l);
        } else break;
        j = nextNonEmpty(j + 1);
      }
      i = j;
      continue;
    }
    const fn = footnoteStart(line);
    if (fn && (lines.length === 0 || lines[lines.length - 1]!.trim() === "")) {
      footnotes.push(fn);
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
