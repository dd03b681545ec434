import MiniSearch, { type Options } from "minisearch";
import type { Jurisdiction } from "../core/jurisdiction.js";
import type { Chunk } from "./types.js";
import { fold, stem, stems, words } from "./text.js";
import { loadQuestionTerms } from "./expand.js";
import { hasTimeExpression } from "./quote.js";

/** A unit's place: chunk index and unit index within the chunk. */
export interface UnitRef {
  chunk: number;
  unit: number;
  /** Index into the heading vectors. */
  heading: number;
}

export interface SearchDoc {
  id: number;
  text: string;
  heading: string;
}

/** MiniSearch options shared by build and load (a saved index must be read with the same ones). */
export function miniSearchOptions(): Options<SearchDoc> {
  const stop = new Set(loadQuestionTerms().stopwords);
  return {
    fields: ["text", "heading"],
    storeFields: [],
    tokenize: (s) => words(s),
    processTerm: (t) => (stop.has(t) ? null : stem(t)),
  };
}

/** Heading a unit is embedded under: its section and, for bullets, their lead-in. */
export function headingText(chunk: Chunk): string {
  const lead = chunk.leadIn !== null ? chunk.units[chunk.leadIn]?.text ?? "" : "";
  return [...chunk.section.slice(-2), lead].join(" > ");
}

/** Heading a unit is indexed under for lexical search: adds the document title ("Lewisham", "Good Practice Guide"). */
export function lexicalHeading(chunk: Chunk): string {
  return `${chunk.title} > ${headingText(chunk)}`;
}

export interface ScoredUnit {
  ref: number;
  score: number;
  lexical: number;
  dense: number;
}

export interface HybridIndex {
  /** Passage-level lexical index: a sentence inside a passage that matches the question gains from it. */
  chunkMini: MiniSearch<SearchDoc>;
  chunks: Chunk[];
  refs: UnitRef[];
  unitVectors: Float32Array[];
  headingVectors: Float32Array[];
  mini: MiniSearch<SearchDoc>;
}

/** Weights of the fusion; dense and lexical evidence are normalised to [0, 1] first. */
const LEXICAL_WEIGHT = 0.55;
const DENSE_WEIGHT = 0.45;
const HEADING_SHARE = 0.3;
/** Section titles are the authors' own summary of a passage: weigh them like its text. */
const HEADING_BOOST = 1;
const RANK_WEIGHT = 0.3;
const PASSAGE_SHARE = 0.4;
const CONCEPT_WEIGHT = 0.5;
const SUBJECT_BOOST = 1.25;
/** A section whose title names what the question asks about ("LADO" → "People in positions of trust") holds its answer. */
const HEADING_MATCH_WEIGHT = 0.35;
/** The same rule often appears twice, as a numbered paragraph and as a summary bullet: cite the paragraph. */
const NUMBERED_BOOST = 1.06;
/** Committee papers are context about how councils run services, not procedure: they lead only when the question names them. */
const UNNAMED_CONTEXT_FACTOR = 0.6;
export const CONTEXT_RANK = 1;
const DEFINITION_BOOST = 1.3;
/** A sentence of the kind the question asks for (an Attendees section for "who has to be at"), scaled by how much of the question it holds. */
const INTENT_WEIGHT = 0.75;
/**
 * "What do the police do at a strat?" asks for the list headed "The Police should:". Its bullets
 * rarely repeat the question's words, so the heading has to carry them.
 */
const ACTOR_DUTIES_BOOST = 3.5;

/** A section or sentence about the negated case ("Where concerns … are not substantiated") when the question negates it. */
const NEGATED_MATCH_BOOST = 3;
/** A section or sentence about the positive case when the question asks about the negated one. */
const NEGATED_MISMATCH_FACTOR = 0.6;

/**
 * Whether a text speaks of a negated word: 1 for the negated case ("not substantiated",
 * "unsubstantiated"), -1 for only the positive case ("substantiated"), 0 when it does not name it.
 */
export function negationMatch(stemmed: string, text: string): number {
  const w = stemmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`(?:\\b(?:not|never|no longer)\\s+(?:been\\s+|be\\s+)?|\\bun|n't\\s+(?:been\\s+|be\\s+)?)${w}[a-z]*`).test(text)) return 1;
  return new RegExp(`\\b${w}[a-z]*`).test(text) ? -1 : 0;
}

/** Where a question's intent is answered: section headings and sentence phrases (question-terms.json `intents`). */
export interface IntentHint {
  headings: string[];
  sentences: string[];
  /** False when the phrases qualify what precedes them ("only in exceptional circumstances"): no check that the subject follows. */
  subjectFollows?: boolean;
}

/** The passage-level lexical index, built from the chunks when the index loads (a fraction of a second). */
export function buildChunkMini(chunks: Chunk[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(miniSearchOptions());
  mini.addAll(chunks.map((c) => ({ id: c.id, text: c.text, heading: lexicalHeading(c) })));
  return mini;
}

/** Dot product unrolled by four: the per-question scan over every unit vector is the hot loop of ranking. */
export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}

/** Raw evidence for every unit, computed once per question and fused per jurisdiction. */
export interface RawScores {
  lexical: Float32Array;
  dense: Float32Array;
}

/** BM25 (MiniSearch, question expanded) and cosine similarity to the unit and its section heading. */
export function rawScores(index: HybridIndex, expandedQuery: string, queryVector: Float32Array): RawScores {
  const n = index.refs.length;
  const lexical = new Float32Array(n);
  let maxLex = 0;
  const terms = loadQuestionTerms();
  // Words such as "Wales" or "child" are everywhere in the corpus: they would drown the question's real subject.
  const skip = new Set([...terms.stopwords, ...terms.generic]);
  const processTerm = (t: string) => (skip.has(t) ? null : stem(t));
  for (const r of index.mini.search(expandedQuery, { boost: { text: 1, heading: HEADING_BOOST }, combineWith: "OR", processTerm })) {
    lexical[r.id as number] = r.score;
    maxLex = Math.max(maxLex, r.score);
  }
  if (maxLex > 0) for (let i = 0; i < n; i++) lexical[i] = lexical[i]! / maxLex;
  const passage = new Map<number, number>();
  let maxPassage = 0;
  for (const r of index.chunkMini.search(expandedQuery, { boost: { text: 1, heading: HEADING_BOOST }, combineWith: "OR", processTerm })) {
    passage.set(r.id as number, r.score);
    maxPassage = Math.max(maxPassage, r.score);
  }
  if (maxPassage > 0) {
    for (let i = 0; i < n; i++) {
      const p = (passage.get(index.refs[i]!.chunk) ?? 0) / maxPassage;
      lexical[i] = (1 - PASSAGE_SHARE) * lexical[i]! + PASSAGE_SHARE * p;
    }
  }
  const headingSim = index.headingVectors.map((v) => dot(queryVector, v));
  const dense = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ref = index.refs[i]!;
    dense[i] = (1 - HEADING_SHARE) * dot(queryVector, index.unitVectors[i]!) + HEADING_SHARE * (headingSim[ref.heading] ?? 0);
  }
  return { lexical, dense };
}

/** Per-unit facts that do not depend on the question, computed once per loaded index. */
export interface UnitFacts {
  openings: string[];
  texts: string[];
  /** The heading a reader sees just above the unit: its leaf section and, for a bullet, its lead-in. */
  leaves: string[];
  /** The unit's whole section path, folded. */
  paths: string[];
  /** First two stems of the leaf heading: who it is about ("The Police should" → police, should). */
  leafStems: Set<string>[];
  /** The leaf heading introduces someone's duties ("The Police should:", "Tasks"). */
  duties: Uint8Array;

  timed: Uint8Array;
  /** The unit defines something or sets criteria ("includes", "may relate to a person who has:"), or is a bullet under such a lead-in. */
  defines: Uint8Array;
}

const DEFINING = /\b(includes?|means|is defined as|are defined as|refers to|may relate to|is one in which)\b|:$/i;
const unitFactsCache = new WeakMap<HybridIndex, UnitFacts>();

export function unitFacts(index: HybridIndex): UnitFacts {
  let f = unitFactsCache.get(index);
  if (!f) {
    const texts = index.refs.map((r) => index.chunks[r.chunk]!.units[r.unit]!.text);
    const defines = Uint8Array.from(index.refs, (r, i) => {
      const c = index.chunks[r.chunk]!;
      const lead = c.leadIn !== null ? c.units[c.leadIn]!.text : "";
      return DEFINING.test(texts[i]!) || (c.units[r.unit]!.kind === "bullet" && DEFINING.test(lead)) ? 1 : 0;
    });
    const leaves = index.refs.map((r) => {
      const c = index.chunks[r.chunk]!;
      const lead = c.units[r.unit]!.kind === "bullet" && c.leadIn !== null ? c.units[c.leadIn]!.text : "";
      return fold(`${c.section[c.section.length - 1] ?? ""} ${lead}`);
    });
    const paths = index.refs.map((r) => fold(index.chunks[r.chunk]!.section.join(" ")));
    const leafStems = leaves.map((l) => new Set(stems(l).filter((w) => w !== "the").slice(0, 2)));
    const duties = Uint8Array.from(leaves, (l) => (/\b(should|must|will|tasks|responsibilities|role)\b:?\s*$/.test(l.trim()) ? 1 : 0));
    f = { paths, leafStems, duties, texts: texts.map(fold), openings: texts.map((t) => fold(t.slice(0, 60))), leaves, timed: Uint8Array.from(texts, (t) => (hasTimeExpression(t) ? 1 : 0)), defines };
    unitFactsCache.set(index, f);
  }
  return f;
}

const phraseCache = new Map<string, RegExp>();
const wordRe = (p: string) => {
  let re = phraseCache.get(p);
  if (!re) {
    re = new RegExp(`(^|[^a-z0-9])${fold(p).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`);
    phraseCache.set(p, re);
  }
  return re;
};

/**
 * How well a unit answers an intent: 1 when its leaf heading names it, 2 when its text has
 * one of its phrases, 3 when both (the "as a minimum" sentence under "Attendees"). A phrase
 * followed by another named thing ("The aim of the child protection plan is to:" when the
 * question is about the ICPC) answers for that thing, not for the question's subject.
 */
export function intentMatch(hint: IntentHint, leaf: string, text: string, subjects: string[] = []): number {
  const elsewhere = (where: string) =>
    subjects.length > 0 &&
    hint.subjectFollows !== false &&
    hint.sentences.some((p) => {
      const m = wordRe(p).exec(where);
      return m !== null && !subjects.some((x) => where.slice(m.index, m.index + m[0].length + 60).includes(x));
    });
  if (elsewhere(text) || elsewhere(leaf)) return 0;
  // Saying it is surer than sitting under a heading that names it: every sentence under "Attendees" is not a list of attendees.
  return (hint.headings.some((h) => wordRe(h).test(leaf)) ? 1 : 0) + (hint.sentences.some((p) => wordRe(p).test(text)) ? 2 : 0);
}

/**
 * Hybrid ranking of every unit: lexical and dense evidence fused, then weighted by
 * authority rank, by the jurisdiction asked about, and by stating a timescale when
 * the question asks for one.
 */
export function fuseScores(
  index: HybridIndex,
  raw: RawScores,
  opts: {
    jurisdiction?: Jurisdiction | null;
    timescale?: boolean;
    /** The question asks what something is: sentences that define or set criteria gain. */
    definition?: boolean;
    concepts?: Float32Array;
    /** Share (0-1) of the question's concepts named by each unit's section headings. */
    headings?: Float32Array;
    subjects?: string[];
    /** Documents the question names; unnamed committee papers are weighed down. */
    namedDocuments?: string[];
    /** Kinds of answer the question asks for: units under such a heading, or with such a phrase, gain. */
    intents?: IntentHint[];
    /** Stem of the actor whose duties the question asks about: units listed under "<actor> should:" gain. */
    actor?: string | null;
    /** Stems the question negates: units about the negated case gain, units about the positive case lose. */
    negated?: string[];
  } = {},
): ScoredUnit[] {
  const j = opts.jurisdiction;
  const eligible = (i: number) => {
    const c = index.chunks[index.refs[i]!.chunk]!;
    return !j || c.jurisdiction === j || c.jurisdiction === "both";
  };
  // Normalise lexical evidence within the jurisdiction asked about: a small Wales corpus
  // must not be judged against the best match in a large England one.
  let maxLex = 0;
  for (let i = 0; i < index.refs.length; i++) if (eligible(i)) maxLex = Math.max(maxLex, raw.lexical[i]!);
  const facts = unitFacts(index);
  const out: ScoredUnit[] = [];
  for (let i = 0; i < index.refs.length; i++) {
    const ref = index.refs[i]!;
    const chunk = index.chunks[ref.chunk]!;
    const lexical = maxLex > 0 ? Math.min(1, raw.lexical[i]! / maxLex) : 0;
    const dense = raw.dense[i]!;
    // USE cosines for related sentences sit around 0.3-0.7: stretch that range to [0, 1].
    const denseN = Math.max(0, (dense - 0.15) / 0.55);
    let score = LEXICAL_WEIGHT * lexical + DENSE_WEIGHT * denseN;
    if (score <= 0) continue;
    // A sentence that holds the question's rarer concepts beats one that repeats its common words.
    if (opts.concepts) score *= 1 + CONCEPT_WEIGHT * (opts.concepts[i]! - 0.5);
    if (opts.headings) score *= 1 + HEADING_MATCH_WEIGHT * opts.headings[i]!;
    if (chunk.paragraph !== null) score *= NUMBERED_BOOST;
    if (opts.namedDocuments && chunk.rank <= CONTEXT_RANK && !opts.namedDocuments.includes(chunk.docId)) score *= UNNAMED_CONTEXT_FACTOR;
    // Statutory guidance above local guidance above committee papers (ranks from documents.json).
    score *= 1 + RANK_WEIGHT * chunk.rank;
    if (opts.timescale && facts.timed[i]) score *= 1.15;
    if (opts.definition && facts.defines[i]) score *= DEFINITION_BOOST;
    // A sentence that opens with what the question asks about states its rule ("The initial child protection conference should…").
    if (opts.subjects?.length) {
      const opening = facts.openings[i]!;
      if (opts.subjects.some((s) => opening.includes(s))) score *= SUBJECT_BOOST;
    }
    if (opts.actor && facts.duties[i] && facts.leafStems[i]!.has(opts.actor)) score *= ACTOR_DUTIES_BOOST;
    if (opts.intents?.length) {
      const match = Math.max(...opts.intents.map((h) => intentMatch(h, facts.leaves[i]!, facts.texts[i]!, opts.subjects)));
      if (match > 0) score *= 1 + INTENT_WEIGHT * match * (opts.concepts?.[i] ?? 1);
    }
    for (const n of opts.negated ?? []) {
      // The heading path decides where it names the case; else the sentence itself.
      const m = negationMatch(n, facts.paths[i]!) || negationMatch(n, facts.texts[i]!);
      if (m > 0) score *= NEGATED_MATCH_BOOST;
      else if (m < 0) score *= NEGATED_MISMATCH_FACTOR;
    }
    if (j && chunk.jurisdiction !== j && chunk.jurisdiction !== "both") score *= 0.35;
    out.push({ ref: i, score, lexical, dense });
  }
  return out.sort((a, b) => b.score - a.score);
}
