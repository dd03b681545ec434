import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import { fromRoot } from "../core/paths.js";
import { phraseCacheFile } from "./phrase-cache-file.js";
import { verbForms } from "./morphology.js";
import { normaliseSentence } from "./normalise.js";
import { mutateWord } from "./welsh.js";

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
  const key = phraseCache ? cacheKey("screen", [phrases, welsh]) : "";
  const cached = phraseCache?.screens.get(key);
  if (cached) {
    phraseCache!.used.add(key);
    return new Set(cached);
  }
  const keys = new Set<string>();
  const all = [...phrases.flatMap((p) => compiledKeys(p)), ...welsh.flatMap((p) => mutations(p)).flatMap((p) => compiledKeys(p, true))];
  const placeholders = new RegExp(`${STAR}|${NUM}|${PERSON}|qqslot[a-z]+qq`, "g");
  // A slot's screen is worked out once per call, however many of the phrases lean on it alone.
  const slotScreens = new Map<string, Set<string>>();
  for (const p of all) {
    const slots = [...p.matchAll(/qqslot([a-z]+)qq/g)].map((m) => m[1]!);
    const words = p.replace(placeholders, " ").trim().split(" ").filter((w) => w && !/^\d+$/.test(w));
    const content = words.filter((w) => !STOP.has(w));
    if (!content.length && slots.length) {
      // Every match holds one of the slot's phrases, so the slot's own screen screens it.
      const slot = slots[0]!;
      let screen = slotScreens.get(slot);
      if (!screen) slotScreens.set(slot, (screen = screenWords(slotPhrases.get(slot) ?? [])));
      for (const k of screen) keys.add(k);
      continue;
    }
    // The longest content word is the rarest; a phrase of stop words only is screened by all of them.
    const pick = content.length ? [content.sort((a, b) => b.length - a.length)[0]!] : words;
    for (const w of pick) keys.add(screenKey(w));
  }
  if (phraseCache) {
    phraseCache.screens.set(key, [...keys]);
    phraseCache.used.add(key);
    phraseCache.changed = true;
  }
  return keys;
}

/** One word of a compiled phrase: a literal, a prefix (`word*`) or any number (`#`). */
type Token = { lit: string } | { prefix: string } | { num: true } | { person: true } | { slot: string };

/** A node of the trie while a set is being built; frozen into a Trie (typed arrays) once built. */
interface BuildNode {
  lit: Map<string, BuildNode> | null;
  prefix: { prefix: string; node: BuildNode }[] | null;
  num: BuildNode | null;
  /** `<person>`: any noun phrase naming a person (the risk model's people, cues.json). */
  person: BuildNode | null;
  /** `<name>`: any phrase of a named vocabulary (danger-kinds.json `slots`), by the slot's word number. */
  slot: Map<number, BuildNode> | null;
  end: boolean;
}

const buildNode = (): BuildNode => ({ lit: null, prefix: null, num: null, person: null, slot: null, end: false });

/**
 * Every word a trie names, once for the process, by number: a text's words are looked up
 * here once and each trie then compares numbers. Numbers are only ever added.
 */
const WORDS: string[] = [];
const WORD_ID = new Map<string, number>();
function wordId(w: string): number {
  let id = WORD_ID.get(w);
  if (id === undefined) {
    id = WORDS.push(w) - 1;
    WORD_ID.set(w, id);
  }
  return id;
}

/** Node flags (Trie.flags): the node ends a phrase; the node has prefix edges, a number child, a person child or slot edges (a row in Trie.extras). */
const END = 1;
const EXTRA = 2;
/** Fields of a row of Trie.extras: its node, its prefix edges [from, to), number child, person child (-1 for none), its slot edges [from, to). */
const EXTRA_STRIDE = 7;

/**
 * A word trie frozen into typed arrays. The risk model's tries hold about two million
 * nodes; as objects with maps they took about 100 MB of heap per thread and most of a
 * second of garbage collection. Node 0 is the root. A node's literal edges are sorted by
 * word number (binary search), and the nodes' edges are laid out in node order, so one
 * start per node says where each node's edges begin and end. Nearly every node has only
 * literal edges: the few with a prefix edge, a number or a person slot keep them in a
 * row of their own (`extras`), not in four fields of every node (13 bytes a node, not 33).
 */
export class Trie {
  /** A node's row in `extras`, by node. */
  private readonly extraRow = new Map<number, number>();

  constructor(
    /** Node n's literal edges are [lit[n], lit[n + 1]); one more entry than there are nodes. */
    readonly lit: Int32Array,
    /** END and EXTRA, by node. */
    readonly flags: Uint8Array,
    /** Literal edges: word number and child node. */
    readonly litWord: Int32Array,
    readonly litNode: Int32Array,
    /** Rows of EXTRA_STRIDE fields, one per node flagged EXTRA. */
    readonly extras: Int32Array,
    /** Prefix edges: the prefix's word number and child node. */
    readonly preWord: Int32Array,
    readonly preNode: Int32Array,
    /** Slot edges: the slot's word number (`<name>` in the word table) and child node. */
    readonly slotWord: Int32Array,
    readonly slotNode: Int32Array,
  ) {
    for (let o = 0; o < extras.length; o += EXTRA_STRIDE) this.extraRow.set(extras[o]!, o);
  }

  static freeze(root: BuildNode): Trie {
    // Number the nodes breadth first, then lay out each node's edges.
    const order: BuildNode[] = [root];
    const index = new Map<BuildNode, number>([[root, 0]]);
    const add = (n: BuildNode) => {
      if (!index.has(n)) {
        index.set(n, order.length);
        order.push(n);
      }
    };
    let litCount = 0;
    let preCount = 0;
    let slotCount = 0;
    let extraCount = 0;
    const hasExtra = (n: BuildNode) => Boolean(n.prefix?.length || n.num || n.person || n.slot?.size);
    for (let i = 0; i < order.length; i++) {
      const n = order[i]!;
      if (n.lit) for (const c of n.lit.values()) add(c), litCount++;
      if (n.prefix) for (const p of n.prefix) add(p.node), preCount++;
      if (n.num) add(n.num);
      if (n.person) add(n.person);
      if (n.slot) for (const c of n.slot.values()) add(c), slotCount++;
      if (hasExtra(n)) extraCount++;
    }
    const lit = new Int32Array(order.length + 1);
    const flags = new Uint8Array(order.length);
    const litWord = new Int32Array(litCount);
    const litNode = new Int32Array(litCount);
    const extras = new Int32Array(extraCount * EXTRA_STRIDE);
    const preWord = new Int32Array(preCount);
    const preNode = new Int32Array(preCount);
    const slotWord = new Int32Array(slotCount);
    const slotNode = new Int32Array(slotCount);
    let l = 0;
    let p = 0;
    let q = 0;
    let x = 0;
    order.forEach((n, i) => {
      lit[i] = l;
      if (n.lit) {
        const edges = [...n.lit].map(([w, c]) => [wordId(w), index.get(c)!] as const).sort((a, b) => a[0] - b[0]);
        for (const [w, c] of edges) (litWord[l] = w), (litNode[l++] = c);
      }
      const extra = hasExtra(n);
      flags[i] = (n.end ? END : 0) | (extra ? EXTRA : 0);
      if (!extra) return;
      extras[x] = i;
      extras[x + 1] = p;
      if (n.prefix) for (const e of n.prefix) (preWord[p] = wordId(e.prefix)), (preNode[p++] = index.get(e.node)!);
      extras[x + 2] = p;
      extras[x + 3] = n.num ? index.get(n.num)! : -1;
      extras[x + 4] = n.person ? index.get(n.person)! : -1;
      extras[x + 5] = q;
      if (n.slot) for (const [w, c] of n.slot) (slotWord[q] = w), (slotNode[q++] = index.get(c)!);
      extras[x + 6] = q;
      x += EXTRA_STRIDE;
    });
    lit[order.length] = l;
    return new Trie(lit, flags, litWord, litNode, extras, preWord, preNode, slotWord, slotNode);
  }

  /** The bytes its arrays take (in memory and in the phrase cache). */
  get byteLength(): number {
    return [this.lit, this.flags, this.litWord, this.litNode, this.extras, this.preWord, this.preNode, this.slotWord, this.slotNode].reduce((n, a) => n + a.byteLength, 0);
  }

  get nodeCount(): number {
    return this.flags.length;
  }

  /** The child of node `n` along the word numbered `id`, or -1. */
  private litChild(n: number, id: number): number {
    if (id < 0) return -1;
    let lo = this.lit[n]!;
    let hi = this.lit[n + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.litWord[mid]!;
      if (w === id) return this.litNode[mid]!;
      if (w < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Every length (in words) of a phrase starting at word k, from node n. */
  endsAt(n: number, text: TextWords, k: number, depth: number, out: Set<number>): void {
    const flags = this.flags[n]!;
    if (flags & END) out.add(depth);
    const w = text.words[k];
    if (w === undefined || w === "") return;
    const lit = this.litChild(n, text.ids[k]!);
    if (lit >= 0) this.endsAt(lit, text, k + 1, depth + 1, out);
    if (!(flags & EXTRA)) return;
    const o = this.extraRow.get(n)!;
    for (let j = this.extras[o + 1]!, e = this.extras[o + 2]!; j < e; j++) {
      if (w.startsWith(WORDS[this.preWord[j]!]!)) this.endsAt(this.preNode[j]!, text, k + 1, depth + 1, out);
    }
    const num = this.extras[o + 3]!;
    if (num >= 0 && DIGITS.test(w)) this.endsAt(num, text, k + 1, depth + 1, out);
    const person = this.extras[o + 4]!;
    if (person >= 0 && personTrie) {
      const lengths = new Set<number>();
      personTrie.endsAt(0, text, k, 0, lengths);
      for (const len of lengths) if (len > 0) this.endsAt(person, text, k + len, depth + len, out);
    }
    for (let j = this.extras[o + 5]!, e = this.extras[o + 6]!; j < e; j++) {
      for (const len of slotLengths(this.slotWord[j]!, text, k)) this.endsAt(this.slotNode[j]!, text, k + len, depth + len, out);
    }
  }

  /** The longest path from node n along words[k…] that ends a phrase, as a count of words from `start`. */
  walk(n: number, text: TextWords, start: number, k: number): number {
    const flags = this.flags[n]!;
    let best = flags & END ? k - start : 0;
    const w = text.words[k];
    if (w === undefined || w === "") return best;
    const lit = this.litChild(n, text.ids[k]!);
    if (lit >= 0) best = Math.max(best, this.walk(lit, text, start, k + 1));
    if (!(flags & EXTRA)) return best;
    const o = this.extraRow.get(n)!;
    for (let j = this.extras[o + 1]!, e = this.extras[o + 2]!; j < e; j++) {
      if (w.startsWith(WORDS[this.preWord[j]!]!)) best = Math.max(best, this.walk(this.preNode[j]!, text, start, k + 1));
    }
    const num = this.extras[o + 3]!;
    if (num >= 0 && DIGITS.test(w)) best = Math.max(best, this.walk(num, text, start, k + 1));
    const person = this.extras[o + 4]!;
    if (person >= 0 && personTrie) {
      const lengths = new Set<number>();
      personTrie.endsAt(0, text, k, 0, lengths);
      for (const len of lengths) if (len > 0) best = Math.max(best, this.walk(person, text, start, k + len));
    }
    for (let j = this.extras[o + 5]!, e = this.extras[o + 6]!; j < e; j++) {
      for (const len of slotLengths(this.slotWord[j]!, text, k)) best = Math.max(best, this.walk(this.slotNode[j]!, text, start, k + len));
    }
    return best;
  }
}

/**
 * Named vocabularies a phrase refers to as `<name>` (danger-kinds.json `slots`: the places a child
 * can be shut in, what a face is held into), each compiled once into a trie of its own, by the
 * word number of `<name>`. A phrase that names a slot holds one edge for it, not a copy of the
 * slot's every phrase after every path that leads to it: the tries stay the size of the pattern,
 * not of the pattern's cross-product.
 */
const slotTries = new Map<number, Trie>();
/** The phrases of each named slot, by name (the long-paste screen reads them). */
const slotPhrases = new Map<string, readonly string[]>();

/** Set the phrases a `<name>` slot stands for (compiled as nouns: "the shed", "the sheds"). Call before compiling phrases that name it. */
export function setSlotPhrases(name: string, phrases: readonly string[]): void {
  if (!/^[a-z]+$/.test(name) || name === "person") throw new Error(`phrase slot name '${name}' must be lower-case letters, and not 'person'`);
  slotPhrases.set(name, phrases);
  slotTries.set(wordId(`<${name}>`), new PhraseSet(phrases, [], { nouns: true }).trie);
}

/** The tries of the named slots set so far (for measuring their size). */
export function slotTrieList(): Trie[] {
  return [...slotTries.values()];
}

/** The trie of the `<person>` slot, when set (for measuring its size). */
export function personSlotTrie(): Trie | null {
  return personTrie;
}

/** Every length (in words, above 0) of a phrase of the slot numbered `slot` starting at word k. */
function slotLengths(slot: number, text: TextWords, k: number): Set<number> {
  const lengths = new Set<number>();
  slotTries.get(slot)?.endsAt(0, text, k, 0, lengths);
  lengths.delete(0);
  return lengths;
}

const DIGITS = /^\d+$/;

/** The trie of person noun phrases a `<person>` slot matches, set once by the risk model. */
let personTrie: Trie | null = null;

/**
 * Set the noun phrases a `<person>` slot stands for ("me", "my son", "one of our young
 * people", "his little girl"): the people of the risk model, walked once as a grammar
 * (determiner, modifier, noun), so a verb's object is every person, not a list per phrase.
 */
export function setPersonPhrases(phrases: readonly string[]): void {
  personTrie = new PhraseSet(phrases, [], { nouns: true }).trie;
}

/** A text's words and their numbers in the word table. */
interface TextWords {
  words: readonly string[];
  ids: Int32Array;
}

/**
 * The words of the two texts last split: the reader asks many phrase sets about the same sentence in a row, and
 * about a sentence and the window around it by turns (a sub-kind's signs in the sentence, its conditions in the
 * window), which with one text kept split each of them again for every sub-kind.
 */
const splitTexts: { norm: string; tableSize: number; text: TextWords }[] = [];
function wordsOf(norm: string): TextWords {
  for (let k = 0; k < splitTexts.length; k++) {
    const kept = splitTexts[k]!;
    if (kept.norm === norm && kept.tableSize === WORDS.length) {
      if (k > 0) splitTexts.unshift(...splitTexts.splice(k, 1));
      return kept.text;
    }
  }
  const words = norm.split(" ");
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) ids[i] = WORD_ID.get(words[i]!) ?? -1;
  const text = { words, ids };
  splitTexts.unshift({ norm, tableSize: WORDS.length, text });
  if (splitTexts.length > 2) splitTexts.pop();
  return text;
}

/**
 * A compiled list of phrases from the risk model's data, matched as whole words in
 * normalised text (" word word … "). In the data a trailing `*` matches any word
 * ending, `#` any number and `{lemma}` every form of a verb (morphology.ts); Welsh
 * phrases also match the soft, nasal and aspirate mutations of their first word.
 * Phrases are kept in a trie of words, so tens of thousands of generated phrases cost a
 * walk per word of the text, not a regular expression per phrase. A set compiled once is
 * kept in the phrase cache when one is open (see openPhraseCache).
 */
export class PhraseSet {
  readonly size: number;
  readonly trie: Trie;

  /** `nouns`: the last word may also take an s (plurals, and possessives once apostrophes are gone: "babys dad"). */
  constructor(phrases: readonly string[], welsh: readonly string[] = [], opts: { nouns?: boolean } = {}) {
    const key = phraseCache ? cacheKey("set", [phrases, welsh, opts.nouns === true]) : "";
    const cached = phraseCache?.sets.get(key);
    if (cached) {
      phraseCache!.used.add(key);
      this.size = cached.size;
      this.trie = cached.trie;
      return;
    }
    const forms = new Set<string>();
    for (const p of phrases) for (const k of compiledKeys(p)) forms.add(k);
    for (const p of welsh) for (const m of mutations(p)) for (const k of compiledKeys(m, true)) forms.add(k);
    forms.delete("");
    this.size = forms.size;
    const root = buildNode();
    for (const f of forms) {
      const tokens = f.split(" ").map(toToken);
      insert(root, tokens);
      const last = tokens[tokens.length - 1]!;
      if (opts.nouns && "lit" in last && /[a-z]$/.test(last.lit)) insert(root, [...tokens.slice(0, -1), { lit: `${last.lit}s` }]);
    }
    this.trie = Trie.freeze(root);
    if (phraseCache) {
      phraseCache.sets.set(key, { size: this.size, trie: this.trie });
      phraseCache.used.add(key);
      phraseCache.changed = true;
    }
  }

  /** The number of words of the longest phrase starting at word `i`, or 0. */
  private longestAt(text: TextWords, i: number): number {
    return this.trie.walk(0, text, i, i);
  }

  /** True when any phrase occurs in the normalised text. */
  test(norm: string): boolean {
    if (this.size === 0) return false;
    const text = wordsOf(norm);
    for (let i = 0; i < text.words.length; i++) if (text.words[i] !== "" && this.longestAt(text, i) > 0) return true;
    return false;
  }

  /** Every match, longest first at each word, not overlapping: where it starts (at its leading space) and the words matched. */
  matches(norm: string): { index: number; text: string }[] {
    if (this.size === 0) return [];
    const out: { index: number; text: string }[] = [];
    const text = wordsOf(norm);
    const words = text.words;
    // Character offset of each word's leading space: words[0] is "" (the text starts with a space).
    let offset = -1;
    const starts: number[] = [];
    for (const w of words) {
      starts.push(offset);
      offset += w.length + 1;
    }
    for (let i = 0; i < words.length; i++) {
      if (words[i] === "") continue;
      const n = this.longestAt(text, i);
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

function insert(root: BuildNode, tokens: Token[]): void {
  let n = root;
  for (const t of tokens) {
    if ("lit" in t) {
      n.lit ??= new Map();
      let next = n.lit.get(t.lit);
      if (!next) n.lit.set(t.lit, (next = buildNode()));
      n = next;
    } else if ("prefix" in t) {
      n.prefix ??= [];
      let entry = n.prefix.find((x) => x.prefix === t.prefix);
      if (!entry) n.prefix.push((entry = { prefix: t.prefix, node: buildNode() }));
      n = entry.node;
    } else if ("person" in t) {
      n = n.person ??= buildNode();
    } else if ("slot" in t) {
      n.slot ??= new Map();
      const id = wordId(`<${t.slot}>`);
      if (!slotTries.has(id)) throw new Error(`a phrase names the slot <${t.slot}>, which no vocabulary sets`);
      let next = n.slot.get(id);
      if (!next) n.slot.set(id, (next = buildNode()));
      n = next;
    } else {
      n = n.num ??= buildNode();
    }
  }
  n.end = true;
}

const STAR = "qqstarqq";
const NUM = "qqnumqq";
const PERSON = "qqpersonqq";
/** A named slot `<name>` while a phrase is normalised: qqslot + name + qq. */
const SLOT = /^qqslot([a-z]+)qq$/;

function toToken(w: string): Token {
  if (w === NUM) return { num: true };
  if (w === PERSON) return { person: true };
  const slot = SLOT.exec(w);
  if (slot) return { slot: slot[1]! };
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
function pieceKeys(piece: string, welsh: boolean): readonly string[] {
  const cacheKey = welsh ? `cy:${piece}` : piece;
  const hit = pieceCache.get(cacheKey);
  if (hit) return hit;
  const lemmas: string[] = [];
  const marked = piece
    .replace(LEMMA, (_m, l: string) => `qqlemma${String.fromCharCode(97 + lemmas.push(l) - 1)}qq`)
    .replace(/\*/g, STAR)
    .replace(/#/g, ` ${NUM} `)
    .replace(/<person>/g, ` ${PERSON} `)
    .replace(/<([a-z]+)>/g, (_m, name: string) => ` qqslot${name}qq `);
  let keys = [normaliseSentence(marked, { phrase: true, welsh }).trim()];
  lemmas.forEach((l, i) => {
    const slot = `qqlemma${String.fromCharCode(97 + i)}qq`;
    keys = keys.flatMap((k) => verbForms(l).map((f) => k.replace(slot, f)));
  });
  pieceCache.set(cacheKey, keys);
  return keys;
}

/**
 * One data phrase to its normalised word strings. A phrase may hold `[a|b|c]` groups
 * (one of the alternatives, an empty one allowed) and `{lemma}` verb slots; they are
 * expanded here, when the model is compiled, so the data lists a pattern once and stays
 * readable. Pieces are normalised once each and combined, with `*` and `#` kept as markers.
 */
export function compiledKeys(phrase: string, welsh = false): readonly string[] {
  const cacheKey = welsh ? `cy:${phrase}` : phrase;
  const hit = keyCache.get(cacheKey);
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
    const forms = alternatives.flatMap((a) => pieceKeys(a, welsh));
    keys = keys.flatMap((k) => forms.map((f) => (f === "" ? k : k === "" ? f : `${k} ${f}`)));
  }
  const out = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ""))];
  keyCache.set(cacheKey, out);
  return out;
}

/**
 * Welsh initial mutations of a phrase's first word: after "fy", "ei", "yn", "i" and
 * many other words the first consonant changes (cyllell → gyllell, nghyllell,
 * chyllell), so the base form alone would miss most real sentences.
 */
export function mutations(written: string): string[] {
  // Data written without apostrophes ("dan ni n cuddio", "i r afon") reads the clitics as the text does ("yn", and "y" for every form of the article).
  const phrase = ` ${written} `.replace(/ n (?=\S)/g, " yn ").replace(/ (?:r|yr) (?=\S)/g, " y ").trim();
  const [first, ...rest] = phrase.split(" ");
  if (!first) return [phrase];
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  // The mutations are a rule over the first letters, kept as data (welsh.json `mutations`).
  const out = new Set(mutateWord(first).map((f) => `${f}${tail}`));
  return [...out];
}

/**
 * The phrase cache: compiled tries and screens saved to a file (in the index folder) so a
 * process loads them in milliseconds instead of compiling the risk model's phrases (about
 * two seconds and most of start-up). Each entry is keyed by a hash of the phrases it was
 * compiled from, and the file by a fingerprint of the code and data that compile them
 * (this folder's code, escalation/data/*.json): a change to either compiles afresh.
 */
interface PhraseCache {
  file: string;
  fingerprint: string;
  sets: Map<string, { size: number; trie: Trie }>;
  screens: Map<string, string[]>;
  /** Entries asked for since the cache was opened: only these are saved. */
  used: Set<string>;
  changed: boolean;
}

let phraseCache: PhraseCache | null = null;

const CACHE_VERSION = 3;

function cacheKey(kind: string, input: unknown): string {
  return `${kind}:${createHash("sha256").update(JSON.stringify(input)).digest("base64url")}`;
}

/** A hash of what decides how a phrase compiles: the escalation code (as running) and its data files. */
function compilerFingerprint(): string {
  const hash = createHash("sha256").update(String(CACHE_VERSION));
  const here = fileURLToPath(import.meta.url);
  const ext = here.endsWith(".ts") ? ".ts" : ".js";
  const codeDir = dirname(here);
  const dataDir = fromRoot("escalation", "data");
  for (const [dir, suffix] of [[codeDir, ext], [dataDir, ".json"]] as const) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith(suffix) && !x.endsWith(".d.ts")).sort()) {
      hash.update(f).update(readFileSync(join(dir, f)));
    }
  }
  return hash.digest("hex");
}

/** The cache file's bytes as read by another thread, shared (see usePhraseCacheBytes). */
let sharedBytes: { file: string; bytes: SharedArrayBuffer } | null = null;

/**
 * Let this thread read the phrase cache of `dir` from `bytes` (readPhraseCacheShared, done once
 * by the thread that starts the workers) instead of reading the file into memory of its own:
 * the tries are then views of memory every worker thread shares, so a second assistant thread
 * does not hold the risk model's tries again. A thread whose word table numbers the words
 * otherwise reads a private copy (renumbering writes to the arrays).
 */
export function usePhraseCacheBytes(dir: string, bytes: SharedArrayBuffer): void {
  sharedBytes = { file: phraseCacheFile(dir), bytes };
}

/**
 * Open the phrase cache kept in `dir`: phrase sets and screens made from now on are taken
 * from it when it holds them, and compiled (and added) when it does not. A missing,
 * stale or unreadable file is the same as an empty cache.
 */
export function openPhraseCache(dir: string): void {
  const file = phraseCacheFile(dir);
  if (phraseCache?.file === file) return;
  const fingerprint = compilerFingerprint();
  phraseCache = { file, fingerprint, sets: new Map(), screens: new Map(), used: new Set(), changed: false };
  const shared = sharedBytes?.file === file ? sharedBytes.bytes : null;
  if (!shared && !existsSync(file)) return;
  try {
    readCacheFile(shared ? Buffer.from(shared) : readFileSync(file), phraseCache);
  } catch {
    // A damaged file is compiled over and rewritten: the cache only saves time.
    phraseCache.sets.clear();
    phraseCache.screens.clear();
  }
}

/** Write the open phrase cache back if anything was compiled since it was opened, and close it. */
export function savePhraseCache(): void {
  const cache = phraseCache;
  phraseCache = null;
  if (!cache?.changed) return;
  const tmp = `${cache.file}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(tmp, writeCacheFile(cache));
    // Several threads may compile at once on a first start; each renames its own complete file.
    renameSync(tmp, cache.file);
  } catch {
    // A read-only index folder: every start compiles, as it did before the cache.
  }
}

function writeCacheFile(cache: PhraseCache): Buffer {
  const sets = [...cache.sets].filter(([k]) => cache.used.has(k));
  const screens = Object.fromEntries([...cache.screens].filter(([k]) => cache.used.has(k)));
  const header = {
    version: CACHE_VERSION,
    fingerprint: cache.fingerprint,
    words: WORDS,
    sets: sets.map(([key, s]) => ({ key, size: s.size, nodes: s.trie.nodeCount, lits: s.trie.litWord.length, extras: s.trie.extras.length / EXTRA_STRIDE, pres: s.trie.preWord.length, slots: s.trie.slotWord.length })),
    screens,
  };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const parts: Buffer[] = [];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  parts.push(len, head, Buffer.alloc(pad(head.length)));
  for (const [, { trie }] of sets) {
    for (const a of [trie.lit, trie.litWord, trie.litNode, trie.extras, trie.preWord, trie.preNode, trie.slotWord, trie.slotNode]) parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    parts.push(Buffer.from(trie.flags.buffer, trie.flags.byteOffset, trie.flags.byteLength), Buffer.alloc(pad(trie.flags.byteLength)));
  }
  return Buffer.concat(parts);
}

function readCacheFile(file: Buffer, into: PhraseCache): void {
  const headLength = file.readUInt32LE(0);
  const header = JSON.parse(file.subarray(4, 4 + headLength).toString("utf8")) as {
    version: number;
    fingerprint: string;
    words: string[];
    sets: { key: string; size: number; nodes: number; lits: number; extras: number; pres: number; slots: number }[];
    screens: Record<string, string[]>;
  };
  if (header.version !== CACHE_VERSION || header.fingerprint !== into.fingerprint) return;
  // The tries' arrays are views of the file as read (a file this size has a buffer of its own,
  // whose start is aligned), or of one aligned copy of it.
  // The file numbers words in its own table: renumber them into this process's.
  const remap = Int32Array.from(header.words, (w) => wordId(w));
  const identity = remap.every((v, i) => v === i);
  // Renumbering writes to the arrays: never to memory other threads read.
  const shared = file.buffer instanceof SharedArrayBuffer;
  const body = file.byteOffset % 4 === 0 && (identity || !shared) ? file : Uint8Array.from(file);
  const buffer = body.buffer;
  const base = body.byteOffset;
  let at = 4 + headLength;
  at += (4 - (at % 4)) % 4;
  const ints = (n: number) => {
    const a = new Int32Array(buffer, base + at, n);
    at += n * 4;
    return a;
  };
  for (const s of header.sets) {
    const lit = ints(s.nodes + 1);
    const litWord = ints(s.lits);
    const litNode = ints(s.lits);
    const extras = ints(s.extras * EXTRA_STRIDE);
    const preWord = ints(s.pres);
    const preNode = ints(s.pres);
    const slotWord = ints(s.slots);
    const slotNode = ints(s.slots);
    const flags = new Uint8Array(buffer, base + at, s.nodes);
    at += s.nodes + ((4 - (s.nodes % 4)) % 4);
    if (!identity) renumber(lit, litWord, litNode, preWord, slotWord, remap);
    into.sets.set(s.key, { size: s.size, trie: new Trie(lit, flags, litWord, litNode, extras, preWord, preNode, slotWord, slotNode) });
  }
  if (at !== file.length) throw new Error("phrase cache: length mismatch");
  for (const [k, v] of Object.entries(header.screens)) into.screens.set(k, v);
}

/** Renumber a loaded trie's words and re-sort each node's literal edges by the new numbers. */
function renumber(lit: Int32Array, litWord: Int32Array, litNode: Int32Array, preWord: Int32Array, slotWord: Int32Array, remap: Int32Array): void {
  for (let i = 0; i < preWord.length; i++) preWord[i] = remap[preWord[i]!]!;
  for (let i = 0; i < slotWord.length; i++) slotWord[i] = remap[slotWord[i]!]!;
  for (let n = 0; n + 1 < lit.length; n++) {
    const from = lit[n]!;
    const to = lit[n + 1]!;
    const edges: [number, number][] = [];
    for (let e = from; e < to; e++) edges.push([remap[litWord[e]!]!, litNode[e]!]);
    edges.sort((a, b) => a[0] - b[0]);
    edges.forEach(([w, c], j) => {
      litWord[from + j] = w;
      litNode[from + j] = c;
    });
  }
}
