import { expandPhrase } from "./morphology.js";
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
  const all = [...phrases.flatMap(expandPhrase), ...welsh.flatMap((p) => mutations(p))];
  for (const p of all) {
    const words = normaliseSentence(p.replace(/[*#]/g, " ")).trim().split(" ").filter((w) => w && !/^\d+$/.test(w));
    const content = words.filter((w) => !STOP.has(w));
    // The longest content word is the rarest; a phrase of stop words only is screened by all of them.
    const pick = content.length ? [content.sort((a, b) => b.length - a.length)[0]!] : words;
    for (const w of pick) keys.add(screenKey(w));
  }
  return keys;
}

/**
 * A compiled list of phrases from the risk model's data, matched as whole words in
 * normalised text (" word word … "). In the data a trailing `*` matches any word
 * ending, `#` any number and `{lemma}` every form of a verb (morphology.ts); Welsh phrases also match the soft, nasal and aspirate
 * mutations of their first word.
 */
export class PhraseSet {
  readonly size: number;
  private readonly re: RegExp | null;
  private readonly global: RegExp | null;

  /** `nouns`: the last word may also take an s (plurals, and possessives once apostrophes are gone: "babys dad"). */
  constructor(phrases: readonly string[], welsh: readonly string[] = [], opts: { nouns?: boolean } = {}) {
    const forms = new Set<string>();
    const plural = (src: string) => (opts.nouns && /[a-z]$/.test(src) ? `${src}s?` : src);
    for (const p of phrases) for (const e of expandPhrase(p)) forms.add(plural(compilePhrase(e)));
    for (const p of welsh) for (const m of mutations(p)) forms.add(compilePhrase(m));
    forms.delete("");
    this.size = forms.size;
    // Longest first, so "kicking the door in" wins over "kicking" where both match at one place.
    const alternation = [...forms].sort((a, b) => b.length - a.length).join("|");
    this.re = forms.size ? new RegExp(` (?:${alternation})(?= )`) : null;
    this.global = forms.size ? new RegExp(` (?:${alternation})(?= )`, "g") : null;
  }

  /** True when any phrase occurs in the normalised text. */
  test(norm: string): boolean {
    return this.re !== null && this.re.test(norm);
  }

  /** Every match: where it starts (at its leading space) and the words matched. */
  matches(norm: string): { index: number; text: string }[] {
    if (!this.global) return [];
    const out: { index: number; text: string }[] = [];
    this.global.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.global.exec(norm)) !== null) {
      out.push({ index: m.index, text: m[0].slice(1) });
      // Matches share their boundary spaces: step back onto the space so the next word can match.
      this.global.lastIndex = m.index + m[0].length;
    }
    return out;
  }

  /** Remove every match from the text (replaced by a space). */
  strip(norm: string): string {
    return this.global ? norm.replace(this.global, " ").replace(/ {2,}/g, " ") : norm;
  }
}

const STAR = "qqstarqq";
const NUM = "qqnumqq";

/** One data phrase to a regex source over normalised text. */
export function compilePhrase(phrase: string): string {
  const marked = phrase.replace(/\*/g, STAR).replace(/#/g, ` ${NUM} `);
  const norm = normaliseSentence(marked).trim();
  if (norm === "") return "";
  return norm
    .split(" ")
    .map((w) => {
      const body = escape(w.replace(new RegExp(STAR, "g"), "").replace(new RegExp(NUM, "g"), ""));
      if (w === NUM) return "\\d+";
      return w.includes(STAR) ? `${body}[a-z]*` : body;
    })
    .join(" ");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
