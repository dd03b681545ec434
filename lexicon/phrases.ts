import { sameSurface, words, type CaseMode, type Word } from "./text.js";

/** A phrase of the lexicon as written in the data, and what it stands for. */
export interface PhraseEntry<T> {
  text: string;
  /** Match the capitals exactly ("Met", not "met"). */
  exact?: boolean;
  value: T;
}

/** Where a phrase was found: the words it covers and what they stand for. */
export interface PhraseMatch<T> {
  values: T[];
  /** The words as written in the text. */
  surface: string;
  start: number;
  end: number;
  /** Index of the first word and one past the last, in `words(text)`. */
  from: number;
  to: number;
}

interface Compiled<T> {
  folded: string[];
  surfaces: string[];
  exact: boolean;
  values: T[];
}

/**
 * Phrases matched word by word, longest first and without overlaps, left to right.
 * Built once from data; matching is linear in the words of the text times the few
 * phrases that start with each word.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Compiled<T>[]>();

  constructor(entries: readonly PhraseEntry<T>[]) {
    const byKey = new Map<string, Compiled<T>>();
    // "&" is not a word, so "Cardiff & Vale" reads as "Cardiff Vale": each "X and Y" phrase also matches written with "&".
    // A possessive is often typed without its apostrophe ("childrens services", "childs social worker"): each phrase with
    // "'s" also matches with the "s" run on, as the words of a text split at the apostrophe otherwise.
    const all = entries
      .flatMap((e) => (/\s+and\s+/i.test(e.text) ? [e, { ...e, text: e.text.replace(/\s+and\s+/gi, " ") }] : [e]))
      .flatMap((e) => (/\p{L}['’]s\b/u.test(e.text) ? [e, { ...e, text: e.text.replace(/(\p{L})['’]s\b/gu, "$1s") }] : [e]));
    for (const e of all) {
      const ws = words(e.text);
      if (ws.length === 0) continue;
      const key = `${e.exact ? "=" : ""}${ws.map((w) => w.surface).join(" ")}`;
      const found = byKey.get(key);
      if (found) {
        found.values.push(e.value);
        continue;
      }
      const c: Compiled<T> = { folded: ws.map((w) => w.folded), surfaces: ws.map((w) => w.surface), exact: Boolean(e.exact), values: [e.value] };
      byKey.set(key, c);
      const first = c.folded[0] ?? "";
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), c]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  }

  /** Every phrase in `text` (or its words), longest first, no overlaps. */
  matchAll(text: string, mode: CaseMode, ws: Word[] = words(text)): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < ws.length) {
      const hit = this.longestAt(ws, i, mode);
      if (!hit) {
        i++;
        continue;
      }
      const first = ws[i] as Word;
      const last = ws[i + hit.length - 1] as Word;
      // Several data phrases can share the same words ("DS" the title and the role): keep them all.
      out.push({ values: hit.values, surface: text.slice(first.start, last.end), start: first.start, end: last.end, from: i, to: i + hit.length });
      i += hit.length;
    }
    return out;
  }

  private longestAt(ws: Word[], i: number, mode: CaseMode): { length: number; values: T[] } | null {
    const candidates = this.byFirst.get(ws[i]?.folded ?? "");
    if (!candidates) return null;
    let best: { length: number; values: T[] } | null = null;
    for (const c of candidates) {
      if (best && c.folded.length < best.length) break;
      if (i + c.folded.length > ws.length) continue;
      let ok = true;
      for (let k = 0; k < c.folded.length && ok; k++) {
        ok = sameSurface(ws[i + k] as Word, c.folded[k] ?? "", c.surfaces[k] ?? "", mode, c.exact);
      }
      if (!ok) continue;
      if (best && best.length === c.folded.length) best.values.push(...c.values);
      else best = { length: c.folded.length, values: [...c.values] };
    }
    return best;
  }
}
