/** Scoring of the QA evaluation: deterministic, the same for every system compared. */
import { stem, words } from "../knowledge/text.js";

const STOP = new Set(
  "a an the and or but if of to in on at by for with from as is are be been it its this that these those their they them there which who what when where how can could should would will may might must not no yes any all such also than then so up out into about per".split(
    " ",
  ),
);

/** Map the eval's seed file names (000_…) to corpus files. */
export const SEED_FILES: Record<string, string> = {
  "000": "cascade-wales-multi-agency-meetings.txt",
  "001": "cascade-wales-childrens-services.txt",
  "002": "multi-agency-meetings-good-practice-guide-2017.txt",
  "003": "lewisham-mace-committee-minutes.txt",
  "004": "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt",
};

export function norm(s: string): string {
  return s.toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/[‐-―]/g, "-").replace(/\s+/g, " ").trim();
}

/**
 * Practitioners' abbreviations in the gold facts, counted as stated when spelled out.
 * A fixed list, independent of the assistant's own expansion table.
 */
const ABBREVIATIONS: Record<string, string> = {
  la: "local authority",
  las: "local authorities",
  cin: "child in need",
  cp: "child protection",
  dsl: "designated safeguarding lead",
  lado: "designated officer",
  icpc: "initial child protection conference",
  s47: "section 47",
  nrm: "national referral mechanism",
  ictg: "independent child trafficking guardian",
  mace: "multi-agency child exploitation",
  yp: "young person",
};

const IRREGULAR: Record<string, string> = { made: "make", given: "give", gave: "give", held: "hold", told: "tell", kept: "keep" };

/** A slightly stronger stem than the assistant's, so "reassesses" and "reassessment" meet. */
function scoreStem(w: string): string {
  const base = IRREGULAR[w] ?? w;
  return stem(base.replace(/(ments?|ness|ly)$/, "") || base);
}

/** Content stems of a fact (stop words dropped). */
export function factStems(fact: string): string[] {
  return [...new Set(words(fact).filter((w) => !STOP.has(w)).map(scoreStem))];
}

/** A fact is stated when most (more than half) of its content stems appear in what is shown. */
export function factStated(fact: string, shown: string): boolean {
  const have = new Set(words(shown).map(scoreStem));
  const need = words(fact).filter((w) => !STOP.has(w));
  if (need.length === 0) return true;
  const present = (w: string) => {
    if (have.has(scoreStem(w))) return true;
    const long = ABBREVIATIONS[w];
    return long !== undefined && words(long).every((x) => have.has(scoreStem(x)));
  };
  const unique = [...new Map(need.map((w) => [scoreStem(w), w])).values()];
  return unique.filter(present).length / unique.length > 0.5;
}

export interface Shown {
  answer: string;
  covered: boolean;
  citations: { file: string; section: string; quote: string; passage?: string }[];
}

/** What the practitioner is shown: the answer and its quotes. */
export function shownText(r: Shown): string {
  return [r.answer, ...r.citations.map((c) => c.quote)].join("\n");
}

/**
 * The corpus files' own markup, taken out of a quote before it is compared: HTML tags and footnote superscripts
 * ("'threshold'<sup>110</sup> for"), markdown emphasis and links, escaped brackets, a leading list mark or paragraph
 * number. A gold quote is copied from a line of the file, markup and all, while a passage is shown as read; held-out
 * #13's author copied the markup in 25 of 116 quotes, so none of those could ever be hit. Fixed here, apart from the
 * assistant's own reading of the files (knowledge/ingest.ts), so the scorer does not grade the reader by itself.
 */
export function quoteText(s: string): string {
  return norm(
    s
      .replace(/<sup>[^<]*<\/sup>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*|__/g, "")
      .replace(/\\([()[\]])/g, "$1")
      .replace(/^\s*(?:\d+\.|[-*•])\s+/, ""),
  );
}

/** Source hit: a citation from the gold file whose quote or cited passage contains the gold quote (markup aside). */
export function sourceHit(r: Shown, gold: { file: string; quote: string }): boolean {
  const file = SEED_FILES[gold.file.slice(0, 3)] ?? gold.file;
  const q = quoteText(gold.quote);
  return r.citations.some((c) => c.file === file && (quoteText(c.quote).includes(q) || quoteText(c.passage ?? "").includes(q)));
}

/**
 * Whether a passage of the index holds a gold quote (from the gold file, the quote in its text as `norm` reads both),
 * the quote read once per question: how the fits (stranger-rows, eval-rerank) find a stranger's own passage among
 * those ranked. Plain `norm`, not `quoteText`: the study pool has no quote the markup changes, and the fitted rows stay
 * what they were.
 */
export function holdsQuote(gold: { file: string; quote: string }): (chunk: { file: string; text: string }) => boolean {
  const file = SEED_FILES[gold.file.slice(0, 3)] ?? gold.file;
  const quote = norm(gold.quote);
  return (c) => c.file === file && norm(c.text).includes(quote);
}

/** Timescales stated in the answer that none of its quotes or cited passages state. */
export function unsupportedTimescales(r: Shown): string[] {
  const re = /\b(\d+|one|two|three|four|five|six|seven|ten|fifteen|forty[- ]five)\s+(working\s+)?(days?|weeks?|months?|hours?)\b/gi;
  const support = norm(r.citations.map((c) => `${c.quote} ${c.passage ?? ""}`).join(" "));
  return [...r.answer.matchAll(re)].map((m) => norm(m[0])).filter((t) => !support.includes(t));
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
