/**
 * Text normalisation for triage. People in distress type fast, in text-speak, with
 * typos; people trying to slip past a filter use invisible characters, look-alike
 * letters and digits inside words. Everything is mapped to one plain lowercase form
 * (" word word … ", padded with spaces) so the risk model's phrases can be matched
 * as whole words. The output is never logged or shown.
 */

/**
 * Characters that render as nothing: zero-width space, non-joiner and joiner, word
 * joiner, invisible operators, bidi marks, embeddings and isolates, BOM, soft hyphen,
 * combining grapheme joiner, Mongolian vowel separator, Hangul fillers, variation
 * selectors and tag characters. Removed outright: they are put inside words.
 */
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;

/**
 * Cyrillic and Greek letters that look like Latin ones (after lowercasing), and a
 * few Latin look-alikes NFKC leaves alone. NFKC already folds fullwidth forms,
 * mathematical alphanumerics, circled and small-capital compatibility letters.
 */
const CONFUSABLES: Record<string, string> = {
  "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
  "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
  "ӏ": "l", "ɡ": "g", "п": "n", "ь": "b", "г": "r", "и": "u", "ш": "w", "д": "d",
  "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
  "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "o", "μ": "u", "ϲ": "c", "ϳ": "j",
  "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "ƚ": "l", "ɑ": "a", "ɩ": "i", "ɪ": "i", "ʏ": "y",
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "g");

/** Digits and symbols used as letters inside a word ("k1ll", "st@bbing", "h3lp"). */
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", };
/** A run of one or two leet characters with letters on both sides: never a number, an age or a time. */
const LEET_RE = /(?<=[a-z])[013457@$]{1,2}(?=[a-z])/g;

/**
 * Fold what a filter-evader or a phone keyboard changes but a reader does not see:
 * invisible characters out, compatibility forms folded (NFKC), accents dropped,
 * look-alike letters to Latin, digits between letters to the letters they stand for.
 * Lowercases. Line breaks are kept.
 */
export function foldText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(CONFUSABLE_RE, (c) => CONFUSABLES[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(LEET_RE, (run) => [...run].map((c) => LEET[c] ?? c).join(""));
}

/** Text-speak, contractions (written without apostrophes, which are removed first) and dropped g's. */
const TOKEN_MAP: Record<string, string> = {
  rn: "right now", atm: "at the moment", asap: "right now", u: "you", ur: "your", r: "are", im: "i am", ive: "i have",
  hellp: "help", helpp: "help", hlp: "help", halp: "help", hellpp: "help", pls: "please",
  plz: "please", plss: "please", pleas: "please", plis: "please", ppl: "people", bf: "boyfriend", gf: "girlfriend",
  smth: "something", sth: "something", "2nite": "tonight", "2night": "tonight", tonite: "tonight", "2day": "today",
  tmrw: "tomorrow", tmr: "tomorrow", "2moro": "tomorrow", cos: "because", coz: "because", cuz: "because", bc: "because",
  dont: "do not", dnt: "do not", doesnt: "does not", didnt: "did not", cant: "cannot", cnt: "cannot", wont: "will not",
  isnt: "is not", aint: "is not", arent: "are not", wasnt: "was not", werent: "were not", hasnt: "has not",
  havent: "have not", couldnt: "could not", wouldnt: "would not", shouldnt: "should not", hes: "he is", shes: "she is",
  theres: "there is", theyre: "they are", whats: "what is", thats: "that is",
  hell: "he will", shell: "she will", theyll: "they will", itll: "it will", hed: "he would", wats: "what is", wat: "what",
  wot: "what", wots: "what is", wiv: "with", wid: "with", wen: "when", n: "and", some1: "someone", sum1: "someone",
  any1: "anyone", no1: "no one", yr: "year", yrs: "years", lil: "little", bro: "brother", sis: "sister", mam: "mum",
  mom: "mum", mummy: "mum", mommy: "mum", daddy: "dad", od: "overdose", oded: "overdosed",
  kinfe: "knife", knif: "knife", nife: "knife", knive: "knife", breath: "breathe", breth: "breathe", yp: "young person",
  gonna: "going to", wanna: "want to", gotta: "got to", dunno: "do not know", cud: "could", wud: "would",
  shud: "should", rite: "right", nite: "night", b4: "before", sayz: "says", skl: "school", skool: "school",
  sw: "social worker", hv: "health visitor", mins: "minutes",
  gyllell: "cyllell", chyllell: "cyllell", nghyllell: "cyllell",
};
const TOKEN_RE = new RegExp(` (?:${Object.keys(TOKEN_MAP).join("|").replace(/\+/g, "\\+")})(?= )`, "g");

/** Where one sentence ends: . ! ? followed by space, line breaks, semicolons, spaced dashes. */
const SENTENCE_BREAK = /[\r\n\u2028\u2029]+|;\s*|\s+-\s+|\s+\u2014\s+/;
const END_OF_SENTENCE = /([.!?])\s+/g;

function splitRaw(text: string): string[] {
  return text.replace(END_OF_SENTENCE, "$1\n").split(SENTENCE_BREAK);
}

/** Folded text to words: apostrophes dropped, letters repeated 3+ times collapsed, ages and years spelt out. */
function basicForm(folded: string): string {
  return folded
    .replace(/[\u2018\u2019\u02bc`\u00b4']/g, "")
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/(\d+)\s*(yo|yos|yrs?|y\/o)\b/g, "$1 year old")
    .replace(/\b(?:y|yr|year)\s?(\d{1,2})\b/g, "year $1")
    .replace(/[^a-z0-9\n]+/g, " ");
}

/**
 * A spelling corrector for the risk model's own danger words: a token one edit away
 * (two for words of ten letters or more), with the same first letter, is read as the
 * word. Built from the vocabulary, so a word added to the model is also corrected.
 * Ordinary words that happen to be one edit from a danger word are listed in
 * `protectedWords` and stay themselves.
 */
export class Speller {
  private readonly byKey = new Map<string, string[]>();
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string>();

  constructor(words: Iterable<string>, private readonly protectedWords: ReadonlySet<string> = new Set()) {
    this.known = new Set([...words].filter((w) => w.length >= 6 && /^[a-z]+$/.test(w)));
    for (const w of this.known) for (const d of deletes(w, w.length >= 10 ? 2 : 1)) this.add(d, w);
  }

  private add(key: string, word: string): void {
    const list = this.byKey.get(key);
    if (list) {
      if (!list.includes(word)) list.push(word);
    } else this.byKey.set(key, [word]);
  }

  /** The vocabulary word a token is a typo of, or the token itself. */
  correct(token: string): string {
    if (token.length < 6 || this.known.has(token) || this.protectedWords.has(token) || /\d/.test(token)) return token;
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    let best = token;
    const max = token.length >= 10 ? 2 : 1;
    outer: for (const d of deletes(token, max)) {
      for (const w of this.byKey.get(d) ?? []) {
        // An inflection of a known word ("sisters", "kicked") is itself a word, not a typo.
        if (token.startsWith(w) && /^(?:s|es|ed|d|ing|er|ers|ly|y)$/.test(token.slice(w.length))) continue;
        if (w[0] === token[0] && editDistance(token, w, w.length >= 10 ? 2 : 1) <= (w.length >= 10 ? 2 : 1)) {
          best = w;
          break outer;
        }
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, best);
    return best;
  }
}

/** The word itself and every string made by deleting up to `max` letters. */
function deletes(word: string, max: number): string[] {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < max; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const LONG_WORD_RE = / [a-z]{6,}(?= )/g;
const DROPPED_G_RE = / [a-z]{2,}in(?= )/g;

/** Options for normalisation: a speller for danger-word typos, and the -ing words a dropped g may stand for. */
export interface NormaliseOptions {
  speller?: Speller;
  ingWords?: ReadonlySet<string>;
}

function finish(base: string, opts: NormaliseOptions, fuzzy: boolean): string {
  let out = ` ${base.trim().replace(/ {2,}/g, " ")} `;
  if (out === "  ") return " ";
  out = out.replace(TOKEN_RE, (m) => ` ${TOKEN_MAP[m.slice(1)] ?? m.slice(1)}`);
  const ing = opts.ingWords;
  if (ing) out = out.replace(DROPPED_G_RE, (m) => (ing.has(`${m.slice(1)}g`) ? `${m}g` : m));
  const speller = opts.speller;
  if (fuzzy && speller) out = out.replace(LONG_WORD_RE, (m) => ` ${speller.correct(m.slice(1))}`);
  return out;
}

/**
 * Normalise one phrase or sentence: folded, apostrophes dropped, punctuation to
 * spaces, text-speak expanded and (with a speller) danger-word typos corrected.
 * Returns " word word … " padded with spaces, so patterns match whole words.
 */
export function normaliseSentence(sentence: string, opts: NormaliseOptions = {}): string {
  return finish(basicForm(foldText(sentence.replace(/\n/g, " "))), opts, true);
}

/** A sentence as written and in normalised form. */
export interface NormalisedSentence {
  raw: string;
  norm: string;
}

/**
 * Split text into sentences and normalise them all. Every character of the input
 * ends up in a sentence: nothing is dropped however long the text. Typo correction
 * runs only where `fuzzy(index, count)` is true (a long paste corrects its screened
 * sentences, not every line of a chronology).
 */
export function normaliseText(
  text: string,
  opts: NormaliseOptions = {},
  fuzzy: (index: number, count: number) => boolean = () => true,
): NormalisedSentence[] {
  const raws = splitRaw(text);
  const folded = basicForm(foldText(raws.join("\n"))).split("\n");
  const out: NormalisedSentence[] = [];
  const cache = new Map<string, string>();
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!.trim();
    if (raw === "") continue;
    const f = fuzzy(i, raws.length);
    const base = folded[i] ?? "";
    const key = f ? `1${base}` : `0${base}`;
    // Long pastes repeat themselves (chronologies, templates): finish each distinct sentence once.
    let norm = cache.get(key);
    if (norm === undefined) {
      norm = finish(base, opts, f);
      cache.set(key, norm);
    }
    out.push({ raw, norm });
  }
  return out;
}

/** Split raw text into sentences (as normaliseText does), trimmed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  return splitRaw(text)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
