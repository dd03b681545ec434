/**
 * Text normalisation for triage. People in distress type fast, in text-speak, with
 * typos; people trying to slip past a filter use invisible characters, look-alike
 * letters and digits inside words. Everything is mapped to one plain lowercase form
 * (" word word … ", padded with spaces) so the risk model's phrases can be matched
 * as whole words. The output is never logged or shown.
 */

import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import { englishFunctionWords, glossPhrases, welshGloss } from "./welsh.js";

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

/** The text-speak table (escalation/data/text-speak.json), compiled once. */
interface TextSpeak {
  tokens: ReadonlyMap<string, string>;
  joined: RegExp;
  joinedMap: ReadonlyMap<string, string>;
  personsHas: RegExp;
  personsIs: RegExp;
  pronounHas: RegExp;
  pronounHad: RegExp;
  numbers: RegExp;
  numberMeans: ReadonlyMap<string, string>;
}

const TextSpeakSchema = z.object({
  about: z.string(),
  contractions: z.record(z.string(), z.string()),
  text_speak: z.record(z.string(), z.string()),
  joined: z.record(z.string(), z.string()),
  persons: z.array(z.string()),
  persons_then: z.object({ has: z.array(z.string()), is: z.array(z.string()) }),
  place_possessive: z.object({ about: z.string(), prepositions: z.array(z.string()).min(1), determiners: z.array(z.string()).min(1) }),
  numbers_as_words: z.record(z.string(), z.object({ means: z.string(), before: z.array(z.string()) })),
});

let textSpeakCache: TextSpeak | undefined;

const alt = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

function textSpeak(): TextSpeak {
  if (textSpeakCache) return textSpeakCache;
  const d = TextSpeakSchema.parse(JSON.parse(readFileSync(fromRoot("escalation", "data", "text-speak.json"), "utf8")));
  const tokens = new Map<string, string>([...Object.entries(d.contractions), ...Object.entries(d.text_speak)]);
  const joinedMap = new Map(Object.entries(d.joined));
  const persons = alt(d.persons.map((p) => p.replace(/ /g, " ")));
  // "at my nans now", "round me dads": after a preposition of place a person's 's is their home, never "is" or "has".
  const notAPlace = `(?<!\\b(?:${alt(d.place_possessive.prepositions)})(?: (?:${alt(new Set(d.place_possessive.determiners))}))?)`;
  textSpeakCache = {
    tokens,
    joined: new RegExp(` (${alt(joinedMap.keys())})(?= )`, "g"),
    joinedMap,
    // "my dads got a knife", "the babys been sick": a person's 's before a participle is "has".
    personsHas: new RegExp(`${notAPlace} (${persons})s (?=(?:${alt(d.persons_then.has)}) )`, "g"),
    // "my babys not breathing", "mums on the floor": before anything else that follows "is".
    personsIs: new RegExp(`${notAPlace} (${persons})s (?=(?:${alt(d.persons_then.is)}) )`, "g"),
    pronounHas: new RegExp(` (he|she|it|there|who|what|that|someone|somebody|everyone) is (?=(?:${alt(d.persons_then.has)}) )`, "g"),
    // "she'd gone", "he'd taken": 'd before a participle is "had".
    pronounHad: new RegExp(` (i|he|she|it|we|you|they|there|who) would (?=(?:${alt(d.persons_then.has)}) )`, "g"),
    numbers: new RegExp(` (${alt(Object.keys(d.numbers_as_words))}) (?=(?:${alt(new Set(Object.values(d.numbers_as_words).flatMap((n) => n.before)))}) )`, "g"),
    numberMeans: new Map(Object.entries(d.numbers_as_words).map(([k, v]) => [k, v.means])),
  };
  return textSpeakCache;
}

/** The typed tokens of the text-speak table (pieces a run-together token may split into: "hes", "im"). */
export function textSpeakKeys(): string[] {
  return [...textSpeak().tokens.keys()];
}

/** What a typed token stands for in the text-speak table, or undefined. */
export function textSpeakToken(token: string): string | undefined {
  return textSpeak().tokens.get(token);
}

/** Where one sentence ends: . ! ? followed by space, line breaks, semicolons, spaced dashes. */
const SENTENCE_BREAK = /[\r\n\u2028\u2029]+|;\s*|\s+-\s+|\s+\u2014\s+/;
/** Not after an initial ("L.M. said", "J. Smith"): a capital letter standing alone (not "I") before the full stop. */
const END_OF_SENTENCE = /(?<!(?:^|[\s.(])[A-HJ-Z])([.!?])\s+/g;

function splitRaw(text: string): string[] {
  return text.replace(END_OF_SENTENCE, "$1\n").split(SENTENCE_BREAK);
}

/** Folded text to words: apostrophes dropped, letters repeated 3+ times collapsed, ages and years spelt out. */
/** Contractions whose apostrophe-less spelling is another word ("we're" is not "were", "it's" not "its", "i'll" not "ill"). */
const AMBIGUOUS_CONTRACTIONS: Record<string, string> = { re: "are", ll: "will", d: "would", s: "is", ve: "have", m: "am" };
const CONTRACTION_RE = /\b(we|i|she|he|it|you|they|there|that|who|what|let)[\u2019'\u02bc`](re|ll|d|s|ve|m)\b/g;

/**
 * Welsh clitics after a vowel or a word: "mae hi'n ddiogel", "mae'r babi", "i'r afon", "a'i frawd", "i'w nôl" are
 * "yn", the article (read as "y" in all its forms) and "ei". Dropping the apostrophe as English does would make "hin", "maer", "ir" and hide every
 * Welsh phrase behind them. No English word ends in 'n, 'r, 'i or 'w.
 */
const WELSH_CLITICS: Record<string, string> = { n: "yn", r: "y", i: "ei", w: "ei" };
const WELSH_CLITIC_RE = /([a-z])[\u2019'\u02bc`](n|r|i|w)\b/g;

/**
 * A time of day as people in England and Wales write it, read as one form the immediacy phrases name ("at # pm",
 * "at # oclock"): "7pm", "7.30pm" and "7:30 p.m." are "7 pm"; a 24-hour "19:30" (a colon, or a dot after "at", "by" and the
 * like: "14.03.25" is a date) and the spoken "at half 8" (bare "half 2" is a fraction), "half past 8", "quarter to 9" are "19 oclock", "8 oclock". Written as
 * one token ("7pm") or as two numbers ("19 30") the time was invisible to the reader, so a threat or a meeting set for a
 * clock time today was not read as about to happen.
 */
const CLOCK_AMPM_RE = /\b([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s?([ap])\.?m\b\.?/g;
const CLOCK_COLON_RE = /(?<![\d:.])\b([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\b(?![:.]\d)(?:\s?(?:hrs|hours|h)\b)?/g;
const CLOCK_DOT_RE = /\b(at|by|from|since|until|till|til|around|about|before|after|for) ([01]?\d|2[0-3])\.([0-5]\d)\b(?![.:]\d)/g;
const CLOCK_SPOKEN_RE = /\b(?:half past|quarter past|quarter to|(?<=\b(?:at|by|around|about|from|till|until|since|before|after) )half) ([1-9]|1[0-2])\b(?! (?:year|yr|month|week|day|hour|min|of)\w*)/g;
const OCLOCK_RE = /\b([1-9]|1[0-2]) o(?:'| |\u2019)?clock\b/g;

function clockTimes(folded: string): string {
  return folded
    .replace(CLOCK_AMPM_RE, (_m, h: string, _min: string | undefined, ap: string) => `${h} ${ap}m`)
    .replace(CLOCK_COLON_RE, (_m, h: string) => `${h} oclock`)
    .replace(CLOCK_DOT_RE, (_m, p: string, h: string) => `${p} ${h} oclock`)
    .replace(CLOCK_SPOKEN_RE, (_m, h: string) => `${h} oclock`)
    .replace(OCLOCK_RE, (_m, h: string) => `${h} oclock`);
}

function basicForm(folded: string): string {
  return clockTimes(folded)
    .replace(CONTRACTION_RE, (_m, w: string, c: string) => (w === "let" && c === "s" ? "let us" : `${w} ${AMBIGUOUS_CONTRACTIONS[c]}`))
    .replace(WELSH_CLITIC_RE, (_m, w: string, c: string) => `${w} ${WELSH_CLITICS[c]}`)
    .replace(/[\u2018\u2019\u02bc`\u00b4']/g, "")
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/(\d+)\s*(yo|yos|yrs?|y\/o)\b/g, "$1 year old")
    .replace(/\b(?:y|yr|year)\s?(\d{1,2})\b/g, "year $1")
    .replace(/[^a-z0-9\n]+/g, " ");
}

/**
 * A spelling corrector for the risk model's own words (danger vocabulary and cues). A
 * token that is an English word, or a word of the corpus, is never changed. Any other
 * token of four letters or more is read as the vocabulary word it is one edit from (two
 * for eight letters or more), or sounds the same as (silent letters, doubled letters,
 * vowels: "nife", "beeting", "strangleing", "suiside"), keeping its first sound. A token
 * that is none of these may be words run together ("hesgot", "helpme"): it is split into
 * common words. Built from the vocabulary, so a word added to the model is also corrected.
 */
export class Speller {
  private readonly byKey = new Map<string, string[]>();
  private readonly bySound = new Map<string, string[]>();
  private readonly known: ReadonlySet<string>;
  private readonly vocabulary: ReadonlySet<string>;
  private readonly cache = new Map<string, string>();

  /**
   * @param words the vocabulary to correct towards
   * @param protectedWords words that are never corrected (English and corpus words)
   * @param pieces words a run-together token may be split into
   */
  constructor(words: Iterable<string>, protectedWords: ReadonlySet<string> = new Set(), private readonly pieces: ReadonlySet<string> = new Set()) {
    this.vocabulary = new Set([...words].filter((w) => w.length >= 4 && /^[a-z]+$/.test(w)));
    this.known = protectedWords;
    for (const w of this.vocabulary) {
      for (const d of deletes(w, w.length >= 8 ? 2 : 1)) this.add(this.byKey, d, w);
      if (w.length >= 5) this.add(this.bySound, soundKey(w), w);
    }
  }

  private add(map: Map<string, string[]>, key: string, word: string): void {
    const list = map.get(key);
    if (list) {
      if (!list.includes(word)) list.push(word);
    } else map.set(key, [word]);
  }

  /** True when the token is a word as it stands: vocabulary, English or the corpus. */
  isWord(token: string): boolean {
    return this.vocabulary.has(token) || this.known.has(token);
  }

  /** The vocabulary word a token is a typo of, the words it runs together, or the token itself. */
  correct(token: string): string {
    if (token.length < 4 || this.isWord(token) || /\d/.test(token)) return token;
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    const best = this.spell(token) ?? this.split(token) ?? token;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, best);
    return best;
  }

  private spell(token: string): string | null {
    // A dropped g: "hittin", "screamin", "tryin".
    if (token.endsWith("in") && this.isWord(`${token}g`)) return `${token}g`;
    const max = token.length >= 8 ? 2 : 1;
    const key = soundKey(token);
    let best: string | null = null;
    let bestRank = Infinity;
    for (const d of deletes(token, max)) {
      for (const w of this.byKey.get(d) ?? []) {
        if (!sameStart(token, w)) continue;
        // An inflection of a known word ("sisters", "kicked") is itself a word, not a typo.
        if (token.startsWith(w) && /^(?:s|es|ed|d|ing|er|ers|ly|y)$/.test(token.slice(w.length))) continue;
        const limit = w.length >= 8 ? 2 : 1;
        const dist = editDistance(token, w, limit);
        if (dist > limit) continue;
        // Fewer edits first; among equals a word that sounds the same ("smaking" is "smacking", not "shaking").
        const rank = dist * 2 + (soundKey(w) === key ? 0 : 1);
        if (rank < bestRank || (rank === bestRank && best !== null && w < best)) {
          best = w;
          bestRank = rank;
        }
      }
    }
    if (best) return best;
    if (token.length >= 5 && key.length >= 3) {
      const sounds = (this.bySound.get(key) ?? []).filter((w) => Math.abs(w.length - token.length) <= 2 && sameStart(token, w));
      if (sounds.length) return [...sounds].sort()[0]!;
    }
    return null;
  }

  /** Split a token into two or three pieces that are each a word ("hesgot" → "hes got"), or null. */
  private split(token: string): string | null {
    if (token.length < 5 || this.pieces.size === 0) return null;
    // Short pieces only where they are everyday words: "Swansea" is not "sw an sea".
    const ok = (w: string) => (w.length >= 3 || SHORT_PIECES.has(w)) && this.pieces.has(w);
    for (let i = 1; i < token.length; i++) {
      const a = token.slice(0, i);
      const b = token.slice(i);
      if (ok(a) && ok(b)) return `${a} ${b}`;
    }
    for (let i = 1; i < token.length - 1; i++) {
      const a = token.slice(0, i);
      if (!ok(a)) continue;
      for (let j = i + 1; j < token.length; j++) {
        const b = token.slice(i, j);
        const c = token.slice(j);
        if (ok(b) && ok(c)) return `${a} ${b} ${c}`;
      }
    }
    return null;
  }
}

const SHORT_PIECES = new Set(["i", "a", "me", "my", "he", "we", "im", "is", "in", "on", "at", "to", "up", "it", "so", "no", "do", "go", "am", "us", "of", "or", "by", "be"]);

/** Do two words begin with the same sound ("nife"/"knife", "fone"/"phone", "kaos"/"chaos")? */
function sameStart(a: string, b: string): boolean {
  return soundKey(a)[0] === soundKey(b)[0];
}

/**
 * A rough key of how a word sounds: silent initial letters dropped, ph/ck/c/q/x/z to
 * their sounds, vowels after the first letter and doubled letters dropped.
 */
export function soundKey(word: string): string {
  let w = word
    .replace(/^kn|^gn/, "n")
    .replace(/^wr/, "r")
    .replace(/^ps/, "s")
    .replace(/^wh/, "w")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/tch/g, "ch")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/z/g, "s")
    .replace(/gh/g, "")
    .replace(/dg/g, "j");
  w = w[0]! + w.slice(1).replace(/[aeiouy]+/g, "");
  return w.replace(/(.)\1+/g, "$1");
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

const TOKEN_RE = / [a-z0-9]+(?= )/g;

/**
 * Welsh function words (cues.json `welsh_function_words`). Two of them, one unambiguous, mark a sentence as Welsh;
 * in a Welsh sentence they are Welsh words, not English text-speak ("yr" is not "year", "n" is not "and", "fi" is not "if").
 */
const WelshWordsSchema = z.object({
  welsh_function_words: z.object({ summary: z.string(), words: z.array(z.string().min(1)), ambiguous: z.array(z.string().min(1)) }),
});

let welshCache: { words: ReadonlySet<string>; ambiguous: ReadonlySet<string> } | undefined;

function welshWords(): { words: ReadonlySet<string>; ambiguous: ReadonlySet<string> } {
  if (welshCache) return welshCache;
  const d = WelshWordsSchema.parse(JSON.parse(readFileSync(fromRoot("escalation", "data", "cues.json"), "utf8"))).welsh_function_words;
  welshCache = { words: new Set(d.words), ambiguous: new Set(d.ambiguous) };
  return welshCache;
}

/** Is this normalised sentence (" … ") written in Welsh: two Welsh function words, one of them not also English? */
export function isWelsh(s: string): boolean {
  const { words, ambiguous } = welshWords();
  const found = new Set(s.split(" ").filter((w) => words.has(w)));
  // English with Welsh words in it is English: its Welsh words must outnumber the English-only ones (welsh.json).
  return found.size >= 2 && [...found].some((w) => !ambiguous.has(w)) && found.size > englishFunctionWords(s);
}

/** Options for normalisation: a speller for typos and run-together words. */
export interface NormaliseOptions {
  speller?: Speller;
  /** Accepted for callers of the first round; the speller now knows the -ing forms itself. */
  ingWords?: ReadonlySet<string>;
  /** Normalising a data phrase, not a message: Welsh words stay as written (the cy lists are Welsh). */
  phrase?: boolean;
  /** The text is Welsh whatever its words (a cy phrase: "lladd mam" is read as a Welsh sentence reads it, "mam" kept). */
  welsh?: boolean;
}

function finish(base: string, opts: NormaliseOptions, fuzzy: boolean): string {
  let out = ` ${base.trim().replace(/ {2,}/g, " ")} `;
  if (out === "  ") return " ";
  const t = textSpeak();
  // Welsh is not misspelt English: a sentence in Welsh is read as written.
  const welsh = opts.welsh === true || isWelsh(out);
  const speller = fuzzy && !welsh ? opts.speller : undefined;
  // English with Welsh words in it ("my mam's cariad is hitting the plentyn"): the Welsh words are read in their English sense (welsh.json gloss).
  const gloss = !welsh && opts.phrase !== true;
  if (gloss) out = glossPhrases(out);
  const token = (w: string): string => {
    // The article's three forms (y, yr, 'r) are one word to the phrases.
    if (welsh && welshWords().words.has(w)) return w === "yr" ? "y" : w;
    const mapped = t.tokens.get(w);
    // Text-speak may name a Welsh word's base form ("gyllell" is "cyllell"): an English sentence reads it in English.
    if (mapped !== undefined) return gloss ? (welshGloss().words.get(mapped) ?? mapped) : mapped;
    const cy = gloss ? welshGloss().words.get(w) : undefined;
    if (cy !== undefined) return cy;
    if (!speller) return w;
    const fixed = speller.correct(w);
    if (fixed === w) return w;
    // A split or a correction may itself be text-speak ("hes got", "im scared").
    return fixed.split(" ").map((p) => t.tokens.get(p) ?? p).join(" ");
  };
  out = out.replace(t.personsHas, (_m, p: string) => ` ${p} has `).replace(t.personsIs, (_m, p: string) => ` ${p} is `);
  out = out.replace(TOKEN_RE, (m) => ` ${token(m.slice(1))}`);
  out = out.replace(t.joined, (m, p: string) => ` ${t.joinedMap.get(p) ?? p}`);
  // "hes got", "shes been": the 's of a pronoun before a participle is "has".
  out = out.replace(t.pronounHas, (_m, p: string) => ` ${p} has `).replace(t.pronounHad, (_m, p: string) => ` ${p} had `);
  out = out.replace(t.numbers, (m, n: string) => ` ${t.numberMeans.get(n) ?? n} `);
  return out.replace(/ {2,}/g, " ");
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
