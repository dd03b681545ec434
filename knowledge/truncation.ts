import { fold, words } from "./text.js";
import type { Chunk } from "./types.js";

/**
 * Practitioners shorten words by cutting them ("max", "info", "approx", "assess"): a
 * question word the corpus never uses that begins most of the corpus's uses of one longer
 * word is read as that word. The completions come from the corpus itself, so nothing is
 * listed by hand; a cut shared by several common words is left alone.
 */
export class Truncations {
  private readonly byPrefix = new Map<string, string | null>();

  constructor(private readonly counts: ReadonlyMap<string, number>) {}

  static fromChunks(chunks: readonly Chunk[]): Truncations {
    const counts = new Map<string, number>();
    for (const c of chunks) for (const w of words(`${c.text} ${c.section.join(" ")}`)) if (/^[a-z]+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    return new Truncations(counts);
  }

  /** The corpus word a cut word stands for, or null. */
  complete(word: string, known: (w: string) => boolean): string | null {
    const w = fold(word);
    if (w.length < MIN || w.length > MAX || !/^[a-z]+$/.test(w) || known(w) || this.counts.has(w)) return null;
    if (this.byPrefix.has(w)) return this.byPrefix.get(w)!;
    let best: string | null = null;
    let bestCount = 0;
    let total = 0;
    for (const [c, n] of this.counts) {
      if (c.length < w.length + 2 || !c.startsWith(w)) continue;
      total += n;
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    const out = best && bestCount >= MIN_USES && bestCount >= SHARE * total ? best : null;
    this.byPrefix.set(w, out);
    return out;
  }

  /** The text with its cut words written out in the corpus's words. */
  expand(text: string, known: (w: string) => boolean): string {
    return text.replace(/[A-Za-z]+/g, (t) => this.complete(t, known) ?? t);
  }
}

/** Cuts are at least three letters and at most six; longer unknown words are misspellings or names. */
const MIN = 3;
const MAX = 6;
/** The completion is used at least this often, and makes up this share of the words the cut begins. */
const MIN_USES = 3;
const SHARE = 0.6;
