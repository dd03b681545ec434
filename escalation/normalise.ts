/**
 * Text normalisation for triage: people in distress type fast, in text-speak, with
 * typos and repeated letters. Everything is mapped to one plain lowercase form so
 * the rules can stay readable. The output is never logged or shown.
 */

/** Text-speak and contractions, written without apostrophes (they are removed first). */
const TOKEN_MAP: Record<string, string> = {
  rn: "right now",
  atm: "at the moment",
  asap: "right now",
  u: "you",
  ur: "your",
  r: "are",
  im: "i am",
  ive: "i have",
  hellp: "help",
  helpp: "help",
  hlp: "help",
  halp: "help",
  hellpp: "help",
  pls: "please",
  plz: "please",
  plss: "please",
  pleas: "please",
  ppl: "people",
  bf: "boyfriend",
  gf: "girlfriend",
  smth: "something",
  sth: "something",
  "2nite": "tonight",
  "2night": "tonight",
  tonite: "tonight",
  "2day": "today",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  "2moro": "tomorrow",
  cos: "because",
  coz: "because",
  cuz: "because",
  bc: "because",
  dont: "do not",
  dnt: "do not",
  doesnt: "does not",
  didnt: "did not",
  cant: "cannot",
  wont: "will not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  hasnt: "has not",
  havent: "have not",
  hes: "he is",
  shes: "she is",
  theres: "there is",
  theyre: "they are",
  whats: "what is",
  hell: "he will",
  theyll: "they will",
  itll: "it will",
  hed: "he would",
  wats: "what is",
  wat: "what",
  wot: "what",
  wiv: "with",
  wid: "with",
  wen: "when",
  n: "and",
  some1: "someone",
  any1: "anyone",
  sum1: "someone",
  yr: "year",
  yrs: "years",
  lil: "little",
  bro: "brother",
  sis: "sister",
  mam: "mum",
  mom: "mum",
  mummy: "mum",
  daddy: "dad",
  od: "overdose",
  oded: "overdosed",
  kinfe: "knife",
  knif: "knife",
  nife: "knife",
  knive: "knife",
  gyllell: "cyllell",
  chyllell: "cyllell",
  nghyllell: "cyllell",
  yp: "young person",
};

/**
 * Distinctive danger words: a token one edit away (two for long words) with the
 * same first letter is read as the word. Short everyday words are left out on
 * purpose ("hitting" is one letter from "sitting").
 */
const FUZZY_WORDS = [
  "overdose", "overdosed", "overdosing", "unconscious", "unresponsive", "breathing", "bleeding", "strangling",
  "strangled", "strangle", "choking", "kidnapped", "kidnapping", "suicide", "suicidal", "emergency", "danger",
  "dangerous", "missing", "weapon", "machete", "attacking", "attacked", "stabbed", "stabbing", "paracetamol",
  "tablets", "threatening", "screaming", "knives", "immediate", "immediately", "seriously", "drowning",
];
const FUZZY_BY_FIRST = new Map<string, string[]>();
for (const w of FUZZY_WORDS) {
  const list = FUZZY_BY_FIRST.get(w[0]!) ?? [];
  list.push(w);
  FUZZY_BY_FIRST.set(w[0]!, list);
}
const FUZZY_SET = new Set(FUZZY_WORDS);
/** Ordinary words one edit from a danger word, which must stay themselves. */
const NOT_TYPOS = new Set([
  "choosing", "cooking", "breeding", "pleading", "shooting", "missions", "tablet", "dancer", "dangers", "breaking",
  "bleating", "kissing", "hissing", "unconscionable", "attaching", "attached", "screening", "streaming", "dreaming",
  "emergence", "threatened", "strangely", "stabled", "seriosly",
]);

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

// Corrections are cached: a long paste repeats the same few thousand tokens.
const fuzzyCache = new Map<string, string>();

function correct(token: string): string {
  if (token.length < 6 || FUZZY_SET.has(token) || NOT_TYPOS.has(token) || /\d/.test(token)) return token;
  const cached = fuzzyCache.get(token);
  if (cached !== undefined) return cached;
  let best = token;
  for (const w of FUZZY_BY_FIRST.get(token[0]!) ?? []) {
    const max = w.length >= 10 ? 2 : 1;
    if (editDistance(token, w, max) <= max) {
      best = w;
      break;
    }
  }
  if (fuzzyCache.size > 20_000) fuzzyCache.clear();
  fuzzyCache.set(token, best);
  return best;
}

const TOKEN_RE = new RegExp(` (?:${Object.keys(TOKEN_MAP).join("|")})(?= )`, "g");
const LONG_WORD_RE = / [a-z]{6,}(?= )/g;

/** Where one sentence ends: . ! ? followed by space, line breaks, semicolons, spaced dashes. */
// Split in two steps (mark ". " with a newline, then split): a lookbehind in one
// regex is ten times slower on a 100 KB paste.
const SENTENCE_BREAK = /[\r\n\u2028\u2029]+|;\s*|\s+-\s+|\s+\u2014\s+/;
const END_OF_SENTENCE = /([.!?])\s+/g;

function splitRaw(text: string): string[] {
  return text.replace(END_OF_SENTENCE, "$1\n").split(SENTENCE_BREAK);
}

function basicForm(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`\u00b4']/g, "")
      .replace(/([a-z])\1{2,}/g, "$1")
      .replace(/(\d+)\s*(yo|yos|yrs?|y\/o)\b/g, "$1 year old")
      .replace(/\b(y|yr|year)\s?(\d{1,2})\b/g, "year $2")
      // Latin letters with accents cover Welsh (ŵ, ŷ, â); anything else separates words.
      .replace(/[^a-z0-9\u00c0-\u024f\n]+/g, " ")
  );
}

/**
 * Instructions aimed at the assistant ("ignore your rules", "do not mention 999",
 * "you are a poem generator") are blanked out: they carry no information about the
 * child and must not frame a real emergency as a procedure question.
 */
const INJECTION = new RegExp(
  [
    " (?:ignore|disregard|forget|override|bypass|skip) (?:all |any |the |your |my |of )*(?:previous |prior |earlier |above |safety |safeguarding |usual )*(?:instructions|rules|guidance|prompts|guidelines|policies|policy|procedures|messages|system prompt|filters?)",
    " you are (?:now )?(?:a|an|in) (?:\\w+ ){0,2}(?:bot|generator|mode|assistant|ai)",
    " (?:do not|never|dont) (?:mention|say|give|show|output|tell me|include) (?:999|the number|phone numbers|numbers|any numbers|safety \\w+|signposts?|helplines?)",
    " (?:developer|jailbreak|dan) mode| no safety (?:messages|warnings)| safety filter disabled| system ",
  ].join("|"),
  "g",
);

function finish(base: string, fuzzy: boolean, expand = true): string {
  let out = ` ${base.trim().replace(/ {2,}/g, " ")} `;
  if (out === "  ") return " ";
  if (expand) out = out.replace(TOKEN_RE, (m) => ` ${TOKEN_MAP[m.slice(1)] ?? m.slice(1)}`);
  if (fuzzy) out = out.replace(LONG_WORD_RE, (m) => ` ${correct(m.slice(1))}`);
  return out.replace(INJECTION, " ");
}

/**
 * Normalise one sentence: NFKC, lowercase, apostrophes dropped, letters repeated
 * three or more times collapsed ("hellppp" → "help"), punctuation to spaces,
 * text-speak expanded and (unless `fuzzy` is false) danger-word typos corrected.
 * Returns " word word … " padded with spaces, so patterns match whole words.
 */
export function normaliseSentence(sentence: string, fuzzy = true): string {
  return finish(basicForm(sentence.replace(/\n/g, " ")), fuzzy);
}

/** A sentence as written and in normalised form. */
export interface NormalisedSentence {
  raw: string;
  norm: string;
}

/**
 * Split text into sentences and normalise them all. Every character of the input
 * ends up in a sentence: nothing is dropped however long the text. The whole text
 * is transformed in one pass (fast on a 100 KB paste); typo correction, the slow
 * part, runs only on sentences for which `fuzzy(index, count)` is true.
 */
export function normaliseText(text: string, fuzzy: (index: number, count: number) => boolean = () => true): NormalisedSentence[] {
  const raws = splitRaw(text);
  // Text-speak is expanded over the whole text at once: one regex pass, not one per sentence.
  const norms = ` ${basicForm(raws.join("\n")).replace(/\n/g, " \n ")} `
    .replace(TOKEN_RE, (m) => ` ${TOKEN_MAP[m.slice(1)] ?? m.slice(1)}`)
    .split("\n");
  const out: NormalisedSentence[] = [];
  const cache = new Map<string, string>();
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!.trim();
    if (raw === "") continue;
    const f = fuzzy(i, raws.length);
    const base = norms[i] ?? "";
    const key = f ? `1${base}` : `0${base}`;
    // Long pastes repeat themselves (chronologies, templates): finish each distinct sentence once.
    let norm = cache.get(key);
    if (norm === undefined) {
      norm = finish(base, f, false);
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
