import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { fold, stem, words } from "./text.js";

const TermsSchema = z.object({
  /** Practitioners' acronyms and shorthand, with the words the corpus uses for them. */
  expansions: z.record(z.string(), z.array(z.string())),
  /** Acronyms that are ordinary words in lower case ("DO", "SW"): expanded only when written in capitals. */
  upperCaseOnly: z.record(z.string(), z.array(z.string())),
  stopwords: z.array(z.string()),
  /** Words so common in the corpus that they name nothing in particular ("child", "local"). */
  generic: z.array(z.string()),
  /**
   * Words that tell a case's story rather than ask about procedure (kin, the child described, the
   * telling and its when): weighed less in lexical matching, so a story does not outvote the ask.
   */
  story: z.array(z.string()).default([]),
  walesCues: z.array(z.string()),
  englandCues: z.array(z.string()),
  /** Places whose procedures the corpus does not hold (Scotland, Northern Ireland): never answered with England's or Wales's rules. */
  otherJurisdictionCues: z.array(z.string()).default([]),
  /** Words that name a document (by id) whose authority is low: it leads an answer only when the question names it. */
  documentCues: z.record(z.string(), z.array(z.string())).default({}),
  /**
   * Acronyms the corpus itself defines in brackets ("mother and baby unit (MBU)"), walked from
   * every in-scope document and read as the shorthand above is; a test checks each is defined so.
   */
  corpusAcronyms: z.record(z.string(), z.string()).default({}),
  /**
   * How practitioners name a corpus document (by id; its title in documents.json, shortened as they
   * write it). Matched as written, case and all: "working together" in lower case is as often the
   * practice as the guidance.
   */
  documentNames: z.record(z.string(), z.array(z.string())).default({}),
});
export type QuestionTerms = z.infer<typeof TermsSchema>;

let cached: QuestionTerms | undefined;

/** The field's acronyms, shorthand and cue words (knowledge/question-terms.json). */
export function loadQuestionTerms(): QuestionTerms {
  if (!cached) {
    const terms = TermsSchema.parse(JSON.parse(readFileSync(fromRoot("knowledge", "question-terms.json"), "utf8")));
    // The corpus's own acronyms are shorthand too; the field's list wins where both name one.
    const defined = Object.fromEntries(Object.entries(terms.corpusAcronyms).map(([k, v]) => [k, [v]]));
    cached = { ...terms, expansions: { ...defined, ...terms.expansions } };
  }
  return cached;
}

/** One thing the question asks about: its own word, or any of the expansions of it. */
export interface Concept {
  word: string;
  /** Each alternative is a list of stems that together express the concept. */
  alternatives: string[][];
}

export interface ExpandedQuestion {
  /** The question with expansions appended: what the lexical rankers see. */
  text: string;
  /** The question with acronyms spelled out in place: what the sentence encoder sees. */
  inline: string;
  /** Distinctive content of the question, for the coverage features. */
  concepts: Concept[];
  /** Jurisdiction named in the question, if any. */
  jurisdiction: Jurisdiction | null;
  /** A jurisdiction outside England and Wales that the question names, if any. */
  otherJurisdiction: string | null;
  /** Ids of documents the question names ("in Lewisham…"). */
  namedDocuments: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Plurals and "'d" forms of shorthand count too: "ICPCs", "NFA'd".
const phraseCache = new Map<string, RegExp>();
const foldCache = new Map<string, string>();
const foldedKey = (p: string) => {
  let f = foldCache.get(p);
  if (f === undefined) {
    f = fold(p);
    foldCache.set(p, f);
  }
  return f;
};
const phraseRe = (p: string) => {
  let re = phraseCache.get(p);
  if (!re) {
    re = new RegExp(`(^|[^a-z0-9])${escape(fold(p))}(?:s|'s|'d)?($|[^a-z0-9])`);
    phraseCache.set(p, re);
  }
  return re;
};

/**
 * Whether a phrase stands in the folded text as a word or words of its own. A plain
 * substring test first: most phrases are absent from any one question, and a regex per
 * phrase per call was most of the time a question took to read.
 */
const matches = (p: string, q: string) => q.includes(foldedKey(p)) && phraseRe(p).test(q);

const wordSets = new WeakMap<QuestionTerms, { stop: Set<string>; generic: Set<string> }>();
const wordSetsOf = (terms: QuestionTerms) => {
  let sets = wordSets.get(terms);
  if (!sets) {
    sets = { stop: new Set(terms.stopwords), generic: new Set(terms.generic) };
    wordSets.set(terms, sets);
  }
  return sets;
};

/**
 * Spell out acronyms and practitioners' shorthand ("strat", "s47", "ICPC") in the words
 * the corpus uses, and list the question's distinctive concepts. The same expansion is
 * applied to the question bank, so a question and its bank neighbours are read alike.
 */
export function expandQuestion(question: string, terms: QuestionTerms = loadQuestionTerms()): ExpandedQuestion {
  const q = fold(question);
  const { stop, generic } = wordSetsOf(terms);
  const added: string[] = [];
  let inline = question;
  const byWord = new Map<string, string[][]>();
  const link = (phrase: string, expansions: string[]) => {
    const alts = expansions.map((e) => words(e).filter((w) => !stop.has(w)).map(stem)).filter((a) => a.length > 0);
    for (const w of [...words(phrase), ...words(phrase).map((x) => `${x}s`)]) {
      if (stop.has(w) && words(phrase).length > 1) continue;
      byWord.set(w, [...(byWord.get(w) ?? []), ...alts]);
    }
  };
  for (const [key, expansions] of Object.entries(terms.expansions)) {
    if (!matches(key, q)) continue;
    added.push(...expansions);
    if (expansions.length && key.length <= 6) {
      // Spell the acronym out where it stands, so the sentence encoder reads it in context; only its
      // first meaning, so a long gloss does not outweigh the rest of a short question.
      inline = inline.replace(new RegExp(`\\b${escape(key)}\\b`, "i"), (m) => `${m} (${expansions[0]})`);
    }
    link(key, expansions);
  }
  for (const [key, expansions] of Object.entries(terms.upperCaseOnly)) {
    if (!new RegExp(`\\b${escape(key)}\\b`).test(question) || question === question.toUpperCase()) continue;
    added.push(...expansions);
    link(key.toLowerCase(), expansions);
  }
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const w of words(question)) {
    const s = stem(w);
    if (seen.has(s)) continue;
    seen.add(s);
    // An acronym like "DO" or "LA" is a stopword as a word but a concept as an acronym.
    if ((stop.has(w) || generic.has(w) || w.length < 2) && !byWord.has(w)) continue;
    if (/^\d{1,2}$/.test(w)) continue;
    concepts.push({ word: w, alternatives: [[s], ...(byWord.get(w) ?? [])] });
  }
  const has = (cues: string[]) => cues.some((c) => matches(c, q));
  const wales = has(terms.walesCues);
  const england = has(terms.englandCues);
  return {
    text: [question, ...added].join(" "),
    inline,
    concepts,
    jurisdiction: wales && !england ? "wales" : england && !wales ? "england" : null,
    otherJurisdiction: terms.otherJurisdictionCues.find((d) => matches(d, q)) ?? null,
    namedDocuments: Object.entries(terms.documentCues)
      .filter(([, cues]) => cues.some((c) => matches(c, q)))
      .map(([id]) => id),
  };
}

const namesCache = new WeakMap<QuestionTerms, RegExp>();
/**
 * A question with the names of corpus documents taken out ("what does the good practice guide say the
 * discussion should do?", "is WT23 mandatory?"): the name says where to look, not what is asked about,
 * and matched as words it draws the passages that name the document (its introduction, the list of
 * meetings it covers) above the one that answers. What words rank passages by, not how the question is read.
 */
export function withoutDocumentNames(question: string, terms: QuestionTerms = loadQuestionTerms()): string {
  if (Object.keys(terms.documentNames).length === 0) return question;
  let names = namesCache.get(terms);
  if (!names) {
    const all = Object.values(terms.documentNames).flat().sort((a, b) => b.length - a.length);
    namesCache.set(terms, (names = new RegExp(`(?<![A-Za-z0-9])(?:${all.map(escape).join("|")})(?:'s)?(?![A-Za-z0-9])`, "g")));
  }
  return question.replace(names, " ").replace(/\s+/g, " ").trim();
}
