import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { timescales } from "./quote.js";
import { fold, stem, words } from "./text.js";

const TermsSchema = z.object({
  expansions: z.record(z.string(), z.array(z.string())),
  upperCaseOnly: z.record(z.string(), z.array(z.string())),
  stopwords: z.array(z.string()),
  generic: z.array(z.string()),
  walesCues: z.array(z.string()),
  englandCues: z.array(z.string()),
  timescaleCues: z.array(z.string()),
  /** Documents the corpus only mentions: a question about what they say is not one we can answer. */
  externalDocuments: z.array(z.string()),
  /** Places whose procedures the corpus does not hold (Scotland, Northern Ireland): never answered with England's or Wales's rules. */
  otherJurisdictionCues: z.array(z.string()).default([]),
  /** Words that name a document (by id) whose authority is low: it is cited first only when the question names it. */
  documentCues: z.record(z.string(), z.array(z.string())).default({}),
  /** Phrasings that ask what something is ("what counts as an allegation"). */
  definitionCues: z.array(z.string()).default([]),
  /**
   * What kind of answer a question wants (who attends, what something is for, what someone
   * does): the phrasings that ask it, and the section headings and sentence phrases that answer it.
   */
  intents: z
    .record(
      z.string(),
      z.object({
        cues: z.array(z.string()),
        headings: z.array(z.string()),
        sentences: z.array(z.string()),
        /** False when the phrases qualify what comes before them ("… should be used only where"), so the subject need not follow. */
        subjectFollows: z.boolean().default(true),
      }),
    )
    .default({}),
});
export type QuestionTerms = z.infer<typeof TermsSchema>;

let cached: QuestionTerms | undefined;

/** The field's acronyms, synonyms and cue words (knowledge/question-terms.json). */
export function loadQuestionTerms(): QuestionTerms {
  cached ??= TermsSchema.parse(JSON.parse(readFileSync(fromRoot("knowledge", "question-terms.json"), "utf8")));
  return cached;
}

/** One thing the question asks about: its own word, or any of the expansions of it. */
export interface Concept {
  word: string;
  /** Each alternative is a list of stems that together express the concept. */
  alternatives: string[][];
}

export interface ExpandedQuestion {
  /** The question with expansions appended: what the rankers see. */
  text: string;
  /** The question with acronyms spelled out in place: what the sentence encoder sees. */
  inline: string;
  /** What the question's acronyms name ("initial child protection conference"): a sentence that opens with one is about it. */
  subjects: string[];
  /** Distinctive content of the question, for the coverage test. */
  concepts: Concept[];
  /** Jurisdiction named in the question, if any. */
  jurisdiction: Jurisdiction | null;
  /** True when the question asks for a timescale. */
  asksTimescale: boolean;
  /** True when the question asks what something is or what counts as it. */
  asksDefinition: boolean;
  /** A document the question asks about that the corpus does not hold, if any. */
  externalDocument: string | null;
  /** A jurisdiction outside England and Wales that the question names, if any. */
  otherJurisdiction: string | null;
  /** Ids of documents the question names ("in Lewisham…"). */
  namedDocuments: string[];
  /** Who the question asks the duties of ("what do the police do at a strat" → "police"), if anyone. */
  actor: string | null;
  /** Kinds of answer the question asks for (keys of `intents` in question-terms.json). */
  intents: string[];
  /** Timescales the question itself states ("within 10 working days"): claims to check, not search terms. */
  claims: string[];
  /** Stems of outcome words the question negates ("aren't substantiated" → "substantiat"): it asks about the "not" case. */
  negated: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Plurals and "'d" forms of shorthand count too: "ICPCs", "NFA'd", "care leavers".
const phraseRe = (p: string) => new RegExp(`(^|[^a-z0-9])${escape(fold(p))}(?:s|'s|'d)?($|[^a-z0-9])`);

const DUTIES = /\b(?:what|which tasks|which jobs)\s+(?:do|does|should|must)\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z'-]+)(?:\s+[a-z]+)?\s+(?:do|be doing|cover|bring)\b/;

// "not", "never" and the "-n't" forms, optionally followed by a filler ("been", "yet", "fully"), then an
// outcome: a participle ("substantiated", "proven"). "No strat" is an absence of a thing, not a negated outcome.
const NEGATION = /\b(?:not|no|never|[a-z]+n't)\s+(?:(?:been|be|yet|fully|properly|actually|really)\s+)*([a-z]+(?:ed|en))\b/g;

/**
 * Words the question negates. "Not" is a stopword to the rankers, so without this "aren't
 * substantiated" reads as "substantiated" and finds the opposite case.
 */
export function negatedStems(q: string, stop: Set<string>): string[] {
  return [...new Set([...fold(q).matchAll(NEGATION)].map((m) => m[1]!).filter((w) => !stop.has(w) && w.length > 3).map(stem))];
}

/** The actor whose duties a question asks about ("what does health do…" → "health"). */
function actorOf(q: string, stop: Set<string>): string | null {
  const m = DUTIES.exec(q);
  return m && !stop.has(m[1]!) ? stem(m[1]!) : null;
}

/**
 * Expand acronyms and practitioners' shorthand ("strat", "s47", "ICPC", "NFA'd")
 * into the words the corpus uses, and list the question's distinctive concepts.
 */
export function expandQuestion(question: string, terms: QuestionTerms = loadQuestionTerms()): ExpandedQuestion {
  const q = fold(question);
  const stop = new Set(terms.stopwords);
  const generic = new Set(terms.generic);
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
    if (!phraseRe(key).test(q)) continue;
    added.push(...expansions);
    if (expansions.length && key.length <= 6) {
      // Spell the acronym out where it stands, so the sentence encoder reads it in context.
      inline = inline.replace(new RegExp(`\\b${escape(key)}\\b`, "i"), (m) => `${m} (${expansions.join(", ")})`);
    }
    link(key, expansions);
  }
  const namedKeys = Object.keys(terms.expansions).filter(
    (k) => phraseRe(k).test(q) && words(k).length >= 2 && words(k).every((w) => !stop.has(w) && !generic.has(w)),
  );
  for (const [key, expansions] of Object.entries(terms.upperCaseOnly)) {
    if (!new RegExp(`\\b${escape(key)}\\b`).test(question) || question === question.toUpperCase()) continue;
    added.push(...expansions);
    link(key.toLowerCase(), expansions);
  }
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const w of words(question)) {
    const s = stem(w);
    // The stemmer leaves short past forms alone ("used" is not "use"): the question's word covers them too.
    const pastForm = w.endsWith("e") ? `${w}d` : `${w}ed`;
    const past = pastForm.length <= 4 && stem(pastForm) === pastForm ? [[pastForm]] : [];
    const alternatives = [[s], ...past, ...(byWord.get(w) ?? [])];
    if (seen.has(s)) continue;
    seen.add(s);
    // An acronym like "DO" or "LA" is a stopword as a word but a concept as an acronym.
    if ((stop.has(w) || generic.has(w) || w.length < 2) && !byWord.has(w)) continue;
    if (/^\d{1,2}$/.test(w)) continue;
    concepts.push({ word: w, alternatives });
  }
  const has = (cues: string[]) => cues.some((c) => phraseRe(c).test(q));
  const wales = has(terms.walesCues);
  const england = has(terms.englandCues);
  // A timescale in the question is a claim to check ("within 10 working days"), not a search term:
  // ranking on it would find whatever else happens in 10 days.
  const asksTimescale = has(terms.timescaleCues) || /\bwithin\s+\d+/.test(q) || /\b\d+\s+(working\s+)?days?\b/.test(q);
  const claim = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty[- ]five)\s+(working\s+)?(days?|weeks?|months?|hours?)\b/gi;
  return {
    text: [question.replace(claim, " "), ...added].join(" "),
    inline: inline.replace(claim, " "),
    // A timescale question is about the thing it names, in the practitioner's words ("core group") as well as the corpus's.
    subjects: [...new Set([...added, ...(asksTimescale ? namedKeys : [])].map((a) => fold(a)).filter((a) => a.split(" ").length >= 2))],
    concepts,
    jurisdiction: wales && !england ? "wales" : england && !wales ? "england" : null,
    externalDocument: terms.externalDocuments.find((d) => phraseRe(d).test(q)) ?? null,
    otherJurisdiction: terms.otherJurisdictionCues.find((d) => phraseRe(d).test(q)) ?? null,
    claims: timescales(question),
    namedDocuments: Object.entries(terms.documentCues)
      .filter(([, cues]) => cues.some((c) => phraseRe(c).test(q)))
      .map(([id]) => id),
    asksDefinition: has(terms.definitionCues),
    // A timescale question ("what is the deadline for…") wants the timescale, not what the thing is for.
    intents: Object.entries(terms.intents)
      .filter(([name, i]) => has(i.cues) && !(name === "purpose" && asksTimescale))
      .map(([name]) => name),
    asksTimescale,
    actor: actorOf(q, stop),
    negated: negatedStems(q, stop),
  };
}
