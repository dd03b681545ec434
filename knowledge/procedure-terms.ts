import { loadQuestionTerms, type QuestionTerms } from "./expand.js";
import { stem, words } from "./text.js";
import type { Chunk } from "./types.js";
import { CONTEXT_RANK } from "./search.js";

/**
 * The corpus's own names for procedures, roles and meetings ("strategy discussion", "core group",
 * "section 47 enquiries", "LADO", "police protection"), found from the corpus rather than listed by
 * hand: the phrases its section headings are made of that its text also uses, its acronyms, and the
 * field's shorthand with what it stands for (knowledge/question-terms.json). A case's story names
 * its procedure with these; the rest of the story (names, ages, kin, places, what happened) is
 * narrative.
 */
export interface ProcedureTerm {
  /** The term as the corpus writes it (stems joined by spaces). */
  stems: string;
  /** The words the text names it with. */
  text: string;
  /** Where it starts among the text's words. */
  at: number;
}

/** A phrase must appear in at least this many passages' text to be the corpus's vocabulary. */
const MIN_PASSAGES = 2;
/** Longest heading phrase taken as one term. */
const MAX_PHRASE_WORDS = 4;

export class ProcedureLexicon {
  private constructor(
    /** Term stems joined by spaces, keyed by their first stem. */
    private readonly byFirst: Map<string, string[][]>,
  ) {}

  /** How many distinct terms it holds. */
  get size(): number {
    let n = 0;
    for (const v of this.byFirst.values()) n += v.length;
    return n;
  }

  /** Whether a phrase (any wording) is one of the lexicon's terms. */
  has(phrase: string): boolean {
    const s = words(phrase).map(stem);
    return (this.byFirst.get(s[0] ?? "") ?? []).some((t) => t.length === s.length && t.every((x, i) => x === s[i]));
  }

  /** Build the lexicon from the corpus's headings, text and acronyms, and the field's shorthand. */
  static fromCorpus(chunks: readonly Chunk[], terms: QuestionTerms = loadQuestionTerms()): ProcedureLexicon {
    const stop = new Set(terms.stopwords);
    const weak = new Set([...terms.generic, ...terms.story]);
    const found = new Map<string, string[]>();
    const take = (s: string[]) => {
      if (s.length === 0 || s.every((w) => stop.has(w) || weak.has(w) || /^\d+$/.test(w))) return;
      found.set(s.join(" "), s);
    };
    const candidates = new Set<string>();
    const capitals = new Map<string, number>();
    for (const c of chunks) {
      // Committee papers' headings name meetings and dates, not procedures.
      if (c.rank <= CONTEXT_RANK) continue;
      for (const h of c.section) {
        if (h === c.title || /^footnote\b/i.test(h)) continue;
        const ws = words(h.replace(/^(?:chapter|section|part|flow chart|figure)\s+\d+[a-z]?:\s*/i, "")).map(stem);
        for (let i = 0; i < ws.length; i++) {
          for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= ws.length; n++) {
            const s = ws.slice(i, i + n);
            // A lone word of a longer heading ("make sure they", "often") is no name; the heading's phrases
            // are, and a heading of one word ("Referral", "Neglect") is.
            if (stop.has(s[0]!) || stop.has(s[s.length - 1]!) || (n === 1 && ws.length > 1)) continue;
            candidates.add(s.join(" "));
          }
        }
      }
      // Acronyms the corpus writes in capitals (LADO, MAPPA, CDOP), not a shouted word.
      for (const m of c.text.matchAll(/\b[A-Z]{2,6}s?\b/g)) if (m[0].length >= 3) capitals.set(m[0].toLowerCase(), (capitals.get(m[0].toLowerCase()) ?? 0) + 1);
    }
    // An acronym that is also an English word ("SEND", "NOT") counts only where the corpus writes it in capitals more often.
    const lower = new Map<string, number>();
    const shorthand = Object.keys(terms.expansions).filter((k) => !k.includes(" "));
    for (const k of shorthand) capitals.set(k, capitals.get(k) ?? 0);
    for (const c of chunks) for (const m of c.text.matchAll(/\b[a-z0-9]{2,7}\b/g)) if (capitals.has(m[0])) lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
    for (const [w, n] of capitals) if (n > (lower.get(w) ?? 0)) candidates.add(stem(w));
    // How many passages use each candidate: the corpus's vocabulary. Only candidates are counted; every run
    // of up to MAX_PHRASE_WORDS stems in the corpus would be a map of hundreds of thousands, built at each start.
    const runs = new Map<string, number>();
    for (const c of chunks) {
      const ws = words(c.text).map(stem);
      const seen = new Set<string>();
      for (let i = 0; i < ws.length; i++)
        for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= ws.length; n++) {
          const r = ws.slice(i, i + n).join(" ");
          if (candidates.has(r)) seen.add(r);
        }
      for (const r of seen) runs.set(r, (runs.get(r) ?? 0) + 1);
    }
    for (const cand of candidates) {
      const s = cand.split(" ");
      if ((runs.get(cand) ?? 0) < MIN_PASSAGES) continue;
      if (s.length === 1 && s[0]!.length < 3) continue;
      take(s);
    }
    // The field's shorthand ("strat", "s47", "icpc") and what it stands for.
    for (const [key, expansions] of Object.entries(terms.expansions)) {
      // Shorthand that is also an ordinary word of the corpus ("send") names nothing by itself.
      if (key.includes(" ") || (lower.get(key) ?? 0) <= (capitals.get(key) ?? 0)) take(words(key).map(stem));
      for (const e of expansions) take(words(e).map(stem));
    }
    const byFirst = new Map<string, string[][]>();
    for (const s of found.values()) byFirst.set(s[0]!, [...(byFirst.get(s[0]!) ?? []), s]);
    for (const v of byFirst.values()) v.sort((a, b) => b.length - a.length);
    return new ProcedureLexicon(byFirst);
  }

  /** The procedure terms a text names, in the order it names them (the longest term wins where they overlap). */
  find(text: string): ProcedureTerm[] {
    const surface = words(text);
    const ws = surface.map(stem);
    const out: ProcedureTerm[] = [];
    for (let i = 0; i < ws.length; ) {
      const hit = (this.byFirst.get(ws[i]!) ?? []).find((t) => t.every((x, k) => ws[i + k] === x));
      if (hit) {
        out.push({ stems: hit.join(" "), text: surface.slice(i, i + hit.length).join(" "), at: i });
        i += hit.length;
      } else i++;
    }
    return out;
  }
}

const lexiconCache = new WeakMap<readonly Chunk[], ProcedureLexicon>();
/** The lexicon of a set of chunks, built once. */
export function procedureLexicon(chunks: readonly Chunk[]): ProcedureLexicon {
  let l = lexiconCache.get(chunks);
  if (!l) lexiconCache.set(chunks, (l = ProcedureLexicon.fromCorpus(chunks)));
  return l;
}
