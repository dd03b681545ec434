import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import { englishWords } from "./dictionary.js";

/**
 * Welsh as people in Wales write it to the assistant (data/welsh.json): the initial mutations as a
 * rule, the Welsh words of the risk model's concepts read in their English sense inside an English
 * sentence, and the Welsh verb system's markers (read by welsh-tense.ts). This module imports no
 * other escalation code but the word lists, so normalise.ts and phrases.ts can both use it.
 */
const Letters = z.record(z.string(), z.string());
const WelshSchema = z.object({
  about: z.string(),
  sources: z.record(z.string(), z.string()),
  english_function_words: z.object({ summary: z.string(), words: z.array(z.string().min(1)).min(1) }),
  mutations: z.object({
    summary: z.string(),
    source: z.string(),
    soft: Letters,
    nasal: Letters,
    aspirate: Letters,
    unmutated: z.array(z.string().min(1)),
    min_length: z.number().int().min(1),
  }),
  gloss: z.object({
    summary: z.string(),
    groups: z.array(
      z.object({
        concept: z.string(),
        source: z.string(),
        words: z.array(z.object({ cy: z.string().min(1), en: z.string().min(1), note: z.string().optional(), mutate: z.boolean().default(true) })).min(1),
      }),
    ),
  }),
  verbs: z.object({
    summary: z.string(),
    source: z.string(),
    present_be: z.array(z.string().min(1)),
    present_be_before_ni: z.array(z.string().min(1)),
    past_be: z.array(z.string().min(1)),
    future_be: z.array(z.string().min(1)),
    perfect: z.array(z.string().min(1)),
    just: z.array(z.string().min(1)),
    conditional: z.array(z.string().min(1)),
    preterite_endings: z.array(z.string().min(1)),
    preterite_irregular: z.array(z.string().min(1)),
    not_preterite: z.array(z.string().min(1)),
    clause_openers: z.array(z.string().min(1)),
    verb_noun_be: z.array(z.string().min(1)),
  }),
});
export type WelshFile = z.infer<typeof WelshSchema>;

let fileCache: WelshFile | undefined;

/** The Welsh data, validated once. Every source a group or rule names must be listed. */
export function welshData(): WelshFile {
  if (fileCache) return fileCache;
  const d = WelshSchema.parse(JSON.parse(readFileSync(fromRoot("escalation", "data", "welsh.json"), "utf8")));
  for (const s of [d.mutations.source, d.verbs.source, ...d.gloss.groups.map((g) => g.source)]) {
    if (!(s in d.sources)) throw new Error(`welsh.json names a source it does not list: ${s}`);
  }
  fileCache = d;
  return d;
}

/**
 * A word in each of its initial mutations (welsh.json `mutations`): cyllell, gyllell, nghyllell, chyllell.
 * The base form comes first; a form shorter than the data's minimum is not made (too many English words are that short).
 */
export function mutateWord(word: string): string[] {
  const m = welshData().mutations;
  const out = [word];
  if (m.unmutated.some((u) => word.startsWith(u))) return out;
  for (const table of [m.soft, m.nasal, m.aspirate]) {
    // The longest initial that has a mutation: "ll" before "l", "rh" before "r".
    const initial = Object.keys(table).filter((k) => word.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    if (initial === undefined) continue;
    const form = `${table[initial]!}${word.slice(initial.length)}`;
    if (form.length >= m.min_length && !out.includes(form)) out.push(form);
  }
  return out;
}

/** The glosses, keyed by a Welsh form (one word or several) as normalised text writes it. */
export interface WelshGloss {
  words: ReadonlyMap<string, string>;
  /** Multi-word forms, longest first, as " a b " with their English. */
  phrases: readonly (readonly [string, string])[];
}

let glossCache: WelshGloss | undefined;

/**
 * Every form of every gloss word (its mutations unless the entry says not), without the forms that
 * are English words: in a sentence that is otherwise English such a form is more likely English.
 */
export function welshGloss(): WelshGloss {
  if (glossCache) return glossCache;
  const english = englishWords().all;
  const words = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const g of welshData().gloss.groups) {
    for (const w of g.words) {
      const written = w.cy.replace(/-/g, " ").trim();
      const [first, ...rest] = written.split(" ");
      const tail = rest.length ? ` ${rest.join(" ")}` : "";
      for (const f of w.mutate ? mutateWord(first!) : [first!]) {
        const form = `${f}${tail}`;
        if (rest.length) phrases.set(form, w.en);
        else if (!english.has(form)) words.set(form, w.en);
      }
    }
  }
  glossCache = { words, phrases: [...phrases.entries()].sort((a, b) => b[0].length - a[0].length).map(([k, v]) => [` ${k} `, ` ${v} `] as const) };
  return glossCache;
}

/** Read the multi-word Welsh forms of an English sentence (" … ") in their English sense. */
export function glossPhrases(sentence: string): string {
  let out = sentence;
  for (const [cy, en] of welshGloss().phrases) if (out.includes(cy)) out = out.split(cy).join(en);
  return out;
}

let englishCache: ReadonlySet<string> | undefined;

/** How many distinct English-only function words (welsh.json `english_function_words`) a normalised sentence holds. */
export function englishFunctionWords(sentence: string): number {
  englishCache ??= new Set(welshData().english_function_words.words);
  const set = englishCache;
  return new Set(sentence.split(" ").filter((w) => set.has(w))).size;
}
