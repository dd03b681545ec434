import { verbForms } from "./morphology.js";
import { normaliseSentence } from "./normalise.js";

const STOP = new Set(["the", "a", "an", "in", "on", "of", "to", "and", "is", "are", "my", "his", "her", "their", "our", "me", "him", "them", "us", "it", "at", "by", "with", "from", "into", "for", "i", "am", "has", "have", "be", "been", "being", "not", "no", "will", "do", "does", "he", "she", "they", "we", "you", "up", "out", "off", "over", "this", "that", "there", "so", "or", "as"]);

/** The prefix a word is screened by: five letters, or the whole of a shorter word. */
export function screenKey(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/**
 * A fast screen for a long paste: the set of words (by their first five letters) at
 * least one of which every phrase in the sets contains. A sentence none of whose
 * words is in the screen cannot match any of the phrases, so it is not read further.
 */
export function screenWords(phrases: readonly string[], welsh: readonly string[] = []): Set<string> {
  const keys = new Set<string>();
  const all = [...phrases.flatMap((p) => compiledKeys(p)), ...welsh.flatMap((p) => mutations(p)).flatMap((p) => compiledKeys(p))];
  for (const p of all) {
    const words = p.replace(new RegExp(`${STAR}|${NUM}|${PERSON}`, "g"), " ").trim().split(" ").filter((w) => w && !/^\d+$/.test(w));
    const content = words.filter((w) => !STOP.has(w));
    // The longest content word is the rarest; a phrase of stop words only is screened by all of them.
    const pick = content.length ? [content.sort((a, b) => b.length - a.length)[0]!] : words;
    for (const w of pick) keys.add(screenKey(w));
  }
  return keys;
}

/** One word of a compiled phrase: a literal, a prefix (`word*`) or any number (`#`). */
type Token = { lit: string } | { prefix: string } | { num: true } | { person: true };

/** A node of the word trie: literal children, prefix children, a number child, and whether a phrase ends here. */
// Most nodes are leaves or have one way on: their maps and lists are made only when
// needed (the compiled model's tries hold a few million nodes; empty Maps were most of
// its memory).
interface Node {
  lit: Map<string, Node> | null;
  prefix: { prefix: string; node: Node }[] | null;
  num: Node | null;
  /** `<person>`: any noun phrase naming a person (the risk model's people, cues.json). */
  person: Node | null;
  end: boolean;
}

const node = (): Node => ({ lit: null, prefix: null, num: null, person: null, end: false });

/** The trie of person noun phrases a `<person>` slot matches, set once by the risk model. */
let personRoot: Node | null = null;

/**
 * Set the noun phrases a `<person>` slot stands for ("me", "my son", "one of our young
 * people", "his little girl"): the people of the risk model, walked once as a grammar
 * (determiner, modifier, noun), so a verb's object is every person, not a list per phrase.
 */
export function setPersonPhrases(phrases: readonly string[]): void {
  personRoot = new PhraseSet(phrases, [], { nouns: true }).rootNode();
}

/** Every length (in words) of a phrase of the trie `n` starting at word k. */
function endsAt(n: Node, words: readonly string[], k: number, depth: number, out: Set<number>): void {
  if (n.end) out.add(depth);
  const w = words[k];
  if (w === undefined || w === "") return;
  const lit = n.lit?.get(w);
  if (lit) endsAt(lit, words, k + 1, depth + 1, out);
  if (n.prefix) for (const p of n.prefix) if (w.startsWith(p.prefix)) endsAt(p.node, words, k + 1, depth + 1, out);
  if (n.num && DIGITS.test(w)) endsAt(n.num, words, k + 1, depth + 1, out);
}
const DIGITS = /^\d+$/;

/** The words of the text last split: the reader asks many phrase sets about the same sentence in a row. */
let lastNorm = "";
let lastWords: readonly string[] = [""];
function wordsOf(norm: string): readonly string[] {
  if (norm !== lastNorm) {
    lastNorm = norm;
    lastWords = norm.split(" ");
  }
  return lastWords;
}

/** The longest path from `n` along words[k…] that ends a phrase, as a count of words from `start`. */
function walk(n: Node, words: readonly string[], start: number, k: number): number {
  let best = n.end ? k - start : 0;
  const w = words[k];
  if (w === undefined || w === "") return best;
  const lit = n.lit?.get(w);
  if (lit) best = Math.max(best, walk(lit, words, start, k + 1));
  for (let j = 0; n.prefix && j < n.prefix.length; j++) {
    const p = n.prefix[j]!;
    if (w.startsWith(p.prefix)) best = Math.max(best, walk(p.node, words, start, k + 1));
  }
  if (n.num && DIGITS.test(w)) best = Math.max(best, walk(n.num, words, start, k + 1));
  if (n.person && personRoot) {
    const lengths = new Set<number>();
    endsAt(personRoot, words, k, 0, lengths);
    for (const len of lengths) if (len > 0) best = Math.max(best, walk(n.person, words, start, k + len));
  }
  return best;
}

/**
 * A compiled list of phrases from the risk model's data, matched as whole words in
 * normalised text (" word word … "). In the data a trailing `*` matches any word
 * ending, `#` any number and `{lemma}` every form of a verb (morphology.ts); Welsh
 * phrases also match the soft, nasal and aspirate mutations of their first word.
 * Phrases are kept in a trie of words, so tens of thousands of generated phrases cost a
 * walk per word of the text, not a regular expression per phrase.
 */
export class PhraseSet {
  readonly size: number;
  private readonly root = node();

  /** `nouns`: the last word may also take an s (plurals, and possessives once apostrophes are gone: "babys dad"). */
  constructor(phrases: readonly string[], welsh: readonly string[] = [], opts: { nouns?: boolean } = {}) {
    const forms = new Set<string>();
    for (const p of phrases) for (const k of compiledKeys(p)) forms.add(k);
    for (const p of welsh) for (const m of mutations(p)) for (const k of compiledKeys(m)) forms.add(k);
    forms.delete("");
    this.size = forms.size;
    for (const f of forms) {
      const tokens = f.split(" ").map(toToken);
      this.insert(tokens);
      const last = tokens[tokens.length - 1]!;
      if (opts.nouns && "lit" in last && /[a-z]$/.test(last.lit)) this.insert([...tokens.slice(0, -1), { lit: `${last.lit}s` }]);
    }
  }

  private insert(tokens: Token[]): void {
    let n = this.root;
    for (const t of tokens) {
      if ("lit" in t) {
        n.lit ??= new Map();
        let next = n.lit.get(t.lit);
        if (!next) n.lit.set(t.lit, (next = node()));
        n = next;
      } else if ("prefix" in t) {
        n.prefix ??= [];
        let entry = n.prefix.find((x) => x.prefix === t.prefix);
        if (!entry) n.prefix.push((entry = { prefix: t.prefix, node: node() }));
        n = entry.node;
      } else if ("person" in t) {
        n = n.person ??= node();
      } else {
        n = n.num ??= node();
      }
    }
    n.end = true;
  }

  /** The root of the trie (for the `<person>` slot). */
  rootNode(): Node {
    return this.root;
  }

  /** The number of words of the longest phrase starting at word `i`, or 0. */
  private longestAt(words: readonly string[], i: number): number {
    return walk(this.root, words, i, i);
  }

  /** True when any phrase occurs in the normalised text. */
  test(norm: string): boolean {
    if (this.size === 0) return false;
    const words = wordsOf(norm);
    for (let i = 0; i < words.length; i++) if (words[i] !== "" && this.longestAt(words, i) > 0) return true;
    return false;
  }

  /** Every match, longest first at each word, not overlapping: where it starts (at its leading space) and the words matched. */
  matches(norm: string): { index: number; text: string }[] {
    if (this.size === 0) return [];
    const out: { index: number; text: string }[] = [];
    const words = wordsOf(norm);
    // Character offset of each word's leading space: words[0] is "" (the text starts with a space).
    let offset = -1;
    const starts: number[] = [];
    for (const w of words) {
      starts.push(offset);
      offset += w.length + 1;
    }
    for (let i = 0; i < words.length; i++) {
      if (words[i] === "") continue;
      const n = this.longestAt(words, i);
      if (n === 0) continue;
      out.push({ index: starts[i]!, text: words.slice(i, i + n).join(" ") });
      i += n - 1;
    }
    return out;
  }

  /** Remove every match from the text (replaced by a space). */
  strip(norm: string): string {
    const ms = this.matches(norm);
    if (!ms.length) return norm;
    let out = "";
    let at = 0;
    for (const m of ms) {
      out += norm.slice(at, m.index) + " ";
      at = m.index + 1 + m.text.length;
    }
    return (out + norm.slice(at)).replace(/ {2,}/g, " ");
  }
}

const STAR = "qqstarqq";
const NUM = "qqnumqq";
const PERSON = "qqpersonqq";

function toToken(w: string): Token {
  if (w === NUM) return { num: true };
  if (w === PERSON) return { person: true };
  if (w.endsWith(STAR)) return { prefix: w.slice(0, -STAR.length) };
  return { lit: w };
}

const LEMMA = /\{([a-z]+)\}/g;
const keyCache = new Map<string, readonly string[]>();

/**
 * Forget the expanded forms once the model is compiled: the tries hold what matching
 * needs, and the expanded strings (hundreds of thousands) would otherwise stay in memory
 * for the life of the process. A later compile expands again.
 */
export function releaseCompiledKeys(): void {
  keyCache.clear();
}
const pieceCache = new Map<string, readonly string[]>();

/** One piece of a phrase normalised, its verb slots expanded into every form. */
function pieceKeys(piece: string): readonly string[] {
  const hit = pieceCache.get(piece);
  if (hit) return hit;
  const lemmas: string[] = [];
  const marked = piece
    .replace(LEMMA, (_m, l: string) => `qqlemma${String.fromCharCode(97 + lemmas.push(l) - 1)}qq`)
    .replace(/\*/g, STAR)
    .replace(/#/g, ` ${NUM} `)
    .replace(/<person>/g, ` ${PERSON} `);
  let keys = [normaliseSentence(marked).trim()];
  lemmas.forEach((l, i) => {
    const slot = `qqlemma${String.fromCharCode(97 + i)}qq`;
    keys = keys.flatMap((k) => verbForms(l).map((f) => k.replace(slot, f)));
  });
  pieceCache.set(piece, keys);
  return keys;
}

/**
 * One data phrase to its normalised word strings. A phrase may hold `[a|b|c]` groups
 * (one of the alternatives, an empty one allowed) and `{lemma}` verb slots; they are
 * expanded here, when the model is compiled, so the data lists a pattern once and stays
 * readable. Pieces are normalised once each and combined, with `*` and `#` kept as markers.
 */
export function compiledKeys(phrase: string): readonly string[] {
  const hit = keyCache.get(phrase);
  if (hit) return hit;
  const parts: string[][] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(phrase)) !== null) {
    if (m.index > at) parts.push([phrase.slice(at, m.index)]);
    parts.push(m[1]!.split("|"));
    at = m.index + m[0].length;
  }
  if (at < phrase.length) parts.push([phrase.slice(at)]);
  let keys: string[] = [""];
  for (const alternatives of parts) {
    const forms = alternatives.flatMap((a) => pieceKeys(a));
    keys = keys.flatMap((k) => forms.map((f) => (f === "" ? k : k === "" ? f : `${k} ${f}`)));
  }
  const out = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ""))];
  keyCache.set(phrase, out);
  return out;
}

/**
 * Welsh initial mutations of a phrase's first word: after "fy", "ei", "yn", "i" and
 * many other words the first consonant changes (cyllell → gyllell, nghyllell,
 * chyllell), so the base form alone would miss most real sentences.
 */
export function mutations(phrase: string): string[] {
  const out = new Set([phrase]);
  const [first, ...rest] = phrase.split(" ");
  if (!first) return [phrase];
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  const rules: [string, string[]][] = [
    ["p", ["b", "mh", "ph"]],
    ["t", ["d", "nh", "th"]],
    ["c", ["g", "ngh", "ch"]],
    ["b", ["f", "m"]],
    ["d", ["dd", "n"]],
    ["g", ["", "ng"]],
    ["m", ["f"]],
  ];
  if (first.startsWith("ll")) out.add(`${first.slice(1)}${tail}`);
  else if (first.startsWith("rh")) out.add(`r${first.slice(2)}${tail}`);
  else if (!first.startsWith("ch") && !first.startsWith("th") && !first.startsWith("ph") && !first.startsWith("dd")) {
    for (const [from, tos] of rules) {
      if (first.startsWith(from)) for (const to of tos) if (`${to}${first.slice(1)}`.length >= 4) out.add(`${to}${first.slice(1)}${tail}`);
    }
  }
  return [...out];
}
