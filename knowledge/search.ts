import MiniSearch, { type Options } from "minisearch";
import type { Jurisdiction } from "../core/jurisdiction.js";
import type { Chunk } from "./types.js";
import { stem, words } from "./text.js";
import { loadQuestionTerms } from "./expand.js";
import { addTermScores } from "./term-scores.js";

/** A sentence's place: its chunk, its index among the chunk's units, and its heading vector. */
export interface SentenceRef {
  chunk: number;
  unit: number;
  heading: number;
}

/** A bank question as the index holds it: resolved to its chunk, with its answer spans. */
export interface BankItem {
  id: string;
  chunk: number;
  style: "formal" | "shorthand" | "case";
  question: string;
  span: string;
  also: string[];
}

/** An out-of-scope question and where to go instead. */
export interface OutOfScopeItem {
  id: string;
  topic: string;
  question: string;
  where: string;
  /** Out of scope only for this jurisdiction (the corpus answers it for the other); absent, for both. */
  jurisdiction?: "england" | "wales";
}

export interface SearchDoc {
  id: number;
  text: string;
  heading: string;
  /** For a chunk: the bank's questions it answers (practitioners' own words for what it says). */
  questions?: string;
}

/** Everything ranking reads, loaded once. Vectors are L2-normalised. */
export interface HybridIndex {
  chunks: Chunk[];
  sentences: SentenceRef[];
  sentenceVectors: Float32Array[];
  headingVectors: Float32Array[];
  bank: BankItem[];
  bankVectors: Float32Array[];
  outOfScope: OutOfScopeItem[];
  outOfScopeVectors: Float32Array[];
  /** BM25 over chunks: their text, their heading path and the bank questions they answer. */
  chunkMini: MiniSearch<SearchDoc>;
  /** BM25 over sentences with their headings: a long paragraph must not bury the one sentence that answers. */
  sentenceMini: MiniSearch<SearchDoc>;
  /** BM25 over the bank's questions (expanded like a user's question). */
  bankMini: MiniSearch<SearchDoc>;
  outOfScopeMini: MiniSearch<SearchDoc>;
}

/** MiniSearch options shared by every lexical index: one tokeniser, stopwords dropped, light stemming. */
export function miniSearchOptions(fields: (keyof SearchDoc)[] = ["text", "heading"]): Options<SearchDoc> {
  const stop = new Set(loadQuestionTerms().stopwords);
  return {
    fields,
    storeFields: [],
    tokenize: (s) => words(s),
    processTerm: (t) => (stop.has(t) ? null : stem(t)),
  };
}

/** The heading a chunk is read under: its section path (without the document title), and the document's title. */
export function headingOf(chunk: Chunk): string {
  return [chunk.title, ...chunk.section.filter((s) => s !== chunk.title)].join(" > ");
}

/** The heading a sentence is embedded under: the last two headings of its section, and for a bullet, its lead-in. */
export function sentenceHeading(chunk: Chunk, unit: number): string {
  const u = chunk.units[unit]!;
  const lead = u.lead !== undefined ? chunk.units[u.lead]?.text ?? "" : "";
  return [...chunk.section.slice(-2), lead].filter(Boolean).join(" > ");
}

/** The chunk index, with each chunk's bank questions (`questions[chunk]`, already expanded) as a field of its own. */
export function buildChunkMini(chunks: readonly Chunk[], questions: readonly string[][] = []): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(miniSearchOptions(["text", "heading", "questions"]));
  mini.addAll(chunks.map((c) => ({ id: c.id, text: c.text, heading: headingOf(c), questions: (questions[c.id] ?? []).join("\n") })));
  return mini;
}

export function buildSentenceMini(chunks: readonly Chunk[], sentences: readonly SentenceRef[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(miniSearchOptions());
  mini.addAll(sentences.map((r, id) => ({ id, text: chunks[r.chunk]!.units[r.unit]!.text, heading: sentenceHeading(chunks[r.chunk]!, r.unit) })));
  return mini;
}

export function buildQuestionMini(questions: readonly string[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(miniSearchOptions());
  mini.addAll(questions.map((q, id) => ({ id, text: q, heading: "" })));
  return mini;
}

/** Dot product unrolled by four: the scan over every vector is the hot loop of ranking. */
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

/** Lexical evidence for one question: BM25 of every chunk, every bank question and every out-of-scope question (raw scores). */
export interface LexicalEvidence {
  chunks: Float32Array;
  sentences: Float32Array;
  bank: Float32Array;
  outOfScope: Float32Array;
}

/** Dense evidence: cosine of the question to every bank question, sentence (mixed with its heading) and out-of-scope question. */
export interface DenseEvidence {
  bank: Float32Array;
  sentences: Float32Array;
  outOfScope: Float32Array;
}

/** A sentence's score mixes its own similarity with its heading's: a bullet rarely repeats what its heading says. */
const HEADING_SHARE = 0.3;

/**
 * BM25 of the question over chunks, bank questions and out-of-scope questions. The case
 * narrative around a question counts, at a small weight: it often names the setting.
 */
export function lexicalEvidence(index: HybridIndex, query: { core: string; context: string }, storyWeight = STORY_WEIGHT): LexicalEvidence {
  const terms = loadQuestionTerms();
  // Words such as "child" or "Wales" are everywhere in the corpus: they would drown the question's subject.
  const skip = new Set([...terms.stopwords, ...terms.generic]);
  const processTerm = (t: string) => (skip.has(t) ? null : stem(t));
  const story = storyStems();
  const boostTerm = (t: string) => (story.has(t) ? storyWeight : 1);
  const run = (mini: MiniSearch<SearchDoc>, n: number, boost: Record<string, number>) => {
    const out = new Float32Array(n);
    const add = (q: string, weight: number) => {
      if (!q.trim()) return;
      // mini.search's scores, with each term's worked out once (term-scores.ts).
      addTermScores(mini, q, { boost, processTerm, boostTerm }, weight, out);
    };
    add(query.core, 1);
    add(query.context, CONTEXT_WEIGHT);
    return out;
  };
  return {
    chunks: run(index.chunkMini, index.chunks.length, { text: 1, heading: 1, questions: 1 }),
    sentences: run(index.sentenceMini, index.sentences.length, { text: 1, heading: 1 }),
    bank: run(index.bankMini, index.bank.length, { text: 1 }),
    outOfScope: run(index.outOfScopeMini, index.outOfScope.length, { text: 1 }),
  };
}

let storyCache: Set<string> | undefined;
/** Stems of the words that tell a case's story (knowledge/question-terms.json `story`). */
function storyStems(): Set<string> {
  storyCache ??= new Set(loadQuestionTerms().story.map(stem));
  return storyCache;
}

/**
 * Weight of a story word (mum, 15yo, told, yesterday) in lexical matching, wherever it stands:
 * the bank's own case questions are full of such words, and a user's story would otherwise be
 * matched to theirs rather than to the procedure asked about.
 */
export const STORY_WEIGHT = 0.3;

/**
 * Weight of the case narrative in lexical matching, against the asking clause's 1: the ask
 * often leans on the story ("who needs notifying?"), but the story's words mostly name the
 * case, not the procedure. Chosen by cross-validation on the bank's case questions with the
 * held-out questions also left out of the passages' word index (an earlier choice of 0.5 was
 * made while each held-out question still matched its own words there): passage hit with case
 * held out 0.30 (0.5) -> 0.31 (0.1 and 0.2), with each chapter held out 0.17 -> 0.20; 0 loses.
 */
export const CONTEXT_WEIGHT = 0.1;

export function denseEvidence(index: HybridIndex, vector: Float32Array): DenseEvidence {
  const bank = Float32Array.from(dots(index.bankVectors, vector));
  const headings = Float32Array.from(dots(index.headingVectors, vector));
  const raw = dots(index.sentenceVectors, vector);
  // A plain loop, not Float32Array.from with a mapping function (which walks the refs as an iterable): the same values, a tenth of the time.
  const refs = index.sentences;
  const sentences = new Float32Array(refs.length);
  for (let i = 0; i < refs.length; i++) sentences[i] = (1 - HEADING_SHARE) * raw[i]! + HEADING_SHARE * headings[refs[i]!.heading]!;
  const outOfScope = Float32Array.from(dots(index.outOfScopeVectors, vector));
  return { bank, sentences, outOfScope };
}

/**
 * `dot(v, row)` for every row, unrounded. Rows laid end to end in one buffer (as the index
 * loads them, store.ts) are scanned four at a time straight from that buffer: each number of
 * `v` is read once for four rows and no view is looked up per row. Two at a time was about
 * twice as fast as a `dot` per row; four is a fifth faster again (2.8 against 3.5 ms for the
 * 6,000 rows of one question's scan, which is still a tenth of a turn's CPU outside the model).
 * The same sums in the same order (each row's four partial sums as in `dot`), so the same
 * scores to the bit.
 */
export function dots(rows: readonly Float32Array[], v: Float32Array): Float64Array {
  const out = new Float64Array(rows.length);
  const m = contiguous(rows, v.length);
  if (!m) {
    for (let r = 0; r < rows.length; r++) out[r] = dot(v, rows[r]!);
    return out;
  }
  const d = v.length;
  let r = 0;
  for (; r + 3 < rows.length; r += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
    for (let i = 0, o = r * d, p = o + d, q = p + d, s = q + d; i < d; i += 4, o += 4, p += 4, q += 4, s += 4) {
      const v0 = v[i]!, v1 = v[i + 1]!, v2 = v[i + 2]!, v3 = v[i + 3]!;
      a0 += v0 * m[o]!;
      a1 += v1 * m[o + 1]!;
      a2 += v2 * m[o + 2]!;
      a3 += v3 * m[o + 3]!;
      b0 += v0 * m[p]!;
      b1 += v1 * m[p + 1]!;
      b2 += v2 * m[p + 2]!;
      b3 += v3 * m[p + 3]!;
      c0 += v0 * m[q]!;
      c1 += v1 * m[q + 1]!;
      c2 += v2 * m[q + 2]!;
      c3 += v3 * m[q + 3]!;
      e0 += v0 * m[s]!;
      e1 += v1 * m[s + 1]!;
      e2 += v2 * m[s + 2]!;
      e3 += v3 * m[s + 3]!;
    }
    out[r] = a0 + a1 + a2 + a3;
    out[r + 1] = b0 + b1 + b2 + b3;
    out[r + 2] = c0 + c1 + c2 + c3;
    out[r + 3] = e0 + e1 + e2 + e3;
  }
  for (; r < rows.length; r++) out[r] = dot(v, rows[r]!);
  return out;
}

/** The rows as one matrix when they are views laid end to end in one buffer, each `d` long (d a multiple of four); else null. Worked out once per list. */
function contiguous(rows: readonly Float32Array[], d: number): Float32Array | null {
  let known = MATRICES.get(rows);
  if (known === undefined) {
    const first = rows[0];
    const ok =
      first !== undefined &&
      d % 4 === 0 &&
      rows.every((row, i) => row.length === d && row.buffer === first.buffer && row.byteOffset === first.byteOffset + i * d * 4);
    known = ok ? { d, m: new Float32Array(first.buffer, first.byteOffset, rows.length * d) } : null;
    MATRICES.set(rows, known);
  }
  return known && known.d === d ? known.m : null;
}
const MATRICES = new WeakMap<readonly Float32Array[], { d: number; m: Float32Array } | null>();

/** Fusion weights and the similarity range each dense score is stretched from (knowledge/calibration.json). */
export interface FusionWeights {
  bankDense: number;
  sentenceDense: number;
  chunkLexical: number;
  bankLexical: number;
  sentenceLexical: number;
  /** The question's nearest bank questions vote for their passages (share of the vote, 0-1). */
  bankVote: number;
  /** Cosines below `low` count as nothing, above `high` as everything. */
  bankRange: [number, number];
  sentenceRange: [number, number];
}

/** One chunk's evidence after fusion. */
export interface ScoredChunk {
  chunk: number;
  score: number;
  /** Best bank question of the chunk (index into `bank`) and its similarity, dense or lexical. */
  bankItem: number | null;
  bankDense: number;
  bankLexical: number;
  /** Best sentence of the chunk (index into `sentences`) and its similarity. */
  sentence: number | null;
  sentenceDense: number;
  chunkLexical: number;
  sentenceLexical: number;
}

const stretch = (x: number, [lo, hi]: [number, number]) => Math.max(0, Math.min(1, (x - lo) / (hi - lo)));

/** Committee papers are context about how councils run services, not procedure: they lead only when the question names them. */
const UNNAMED_CONTEXT_FACTOR = 0.6;
export const CONTEXT_RANK = 1;
const STATUTORY_RANK = 3;
const RANK_WEIGHT = 0.1;
/** A passage that states a time, for a question that asks for one ("how long", "by when"). */
const TIMED_BOOST = 1.15;

/** How many of the question's nearest bank questions vote, and how sharply a nearer one counts more. */
export const VOTERS = 10;
export const VOTE_TEMPERATURE = 0.05;

/**
 * The vote of the question's nearest bank questions for their passages: each of the
 * nearest few votes for its passage, nearer ones more; a passage's share of the vote.
 */
export function bankVotes(index: HybridIndex, dense: DenseEvidence, exclude: ((item: number) => boolean) | undefined, eligible: (c: Chunk) => boolean): Float32Array {
  const top: { i: number; s: number }[] = [];
  index.bank.forEach((b, i) => {
    if (exclude?.(i) || !eligible(index.chunks[b.chunk]!)) return;
    const s = dense.bank[i]!;
    if (top.length < VOTERS || s > top[top.length - 1]!.s) {
      top.push({ i, s });
      top.sort((a, c) => c.s - a.s);
      if (top.length > VOTERS) top.pop();
    }
  });
  const out = new Float32Array(index.chunks.length);
  if (top.length === 0) return out;
  let total = 0;
  for (const t of top) {
    const w = Math.exp((t.s - top[0]!.s) / VOTE_TEMPERATURE);
    out[index.bank[t.i]!.chunk]! += w;
    total += w;
  }
  for (let c = 0; c < out.length; c++) out[c] = out[c]! / total;
  return out;
}

/** Per-chunk maxima of the per-item evidence. */
export interface ChunkMaps {
  bankOf: Int32Array;
  sentenceOf: Int32Array;
}

/**
 * Fuse the evidence per chunk, in the jurisdiction asked about (null: all). Lexical
 * scores are normalised within that jurisdiction, so a small Wales corpus is not judged
 * against the best match in a large England one. Without dense evidence (the fast path)
 * the lexical weights carry the whole score.
 */
export function fuseChunks(
  index: HybridIndex,
  lexical: LexicalEvidence,
  dense: DenseEvidence | null,
  weights: FusionWeights,
  opts: {
    jurisdiction?: Jurisdiction | null;
    namedDocuments?: string[];
    exclude?: (bankItem: number) => boolean;
    /** The question asks for a time: passages that state one (`timed[chunk]`) gain. */
    timed?: Uint8Array | null;
  } = {},
): ScoredChunk[] {
  const j = opts.jurisdiction ?? null;
  const eligible = (c: Chunk) => !j || c.jurisdiction === j || c.jurisdiction === "both";
  let maxChunk = 0;
  for (const c of index.chunks) if (eligible(c)) maxChunk = Math.max(maxChunk, lexical.chunks[c.id]!);
  let maxBank = 0;
  index.bank.forEach((b, i) => {
    if (!opts.exclude?.(i) && eligible(index.chunks[b.chunk]!)) maxBank = Math.max(maxBank, lexical.bank[i]!);
  });
  const n = index.chunks.length;
  const bankDense = new Float32Array(n).fill(-1);
  const bankLex = new Float32Array(n);
  const bankItem = new Int32Array(n).fill(-1);
  index.bank.forEach((b, i) => {
    if (opts.exclude?.(i)) return;
    const lex = maxBank > 0 ? lexical.bank[i]! / maxBank : 0;
    const d = dense ? dense.bank[i]! : lex;
    if (d > bankDense[b.chunk]!) {
      bankDense[b.chunk] = d;
      bankItem[b.chunk] = i;
    }
    bankLex[b.chunk] = Math.max(bankLex[b.chunk]!, lex);
  });
  // The sentence loops run over every sentence of the index (thousands) two to four times a question:
  // plain loops over each sentence's chunk number, with the chunks' eligibility worked out once here.
  const chunkOf = sentenceChunks(index.sentences);
  const ok = Uint8Array.from(index.chunks, (c) => (eligible(c) ? 1 : 0));
  let maxSentLex = 0;
  for (let i = 0; i < chunkOf.length; i++) if (ok[chunkOf[i]!]) maxSentLex = Math.max(maxSentLex, lexical.sentences[i]!);
  const sentenceLex = new Float32Array(n);
  if (maxSentLex > 0) {
    for (let i = 0; i < chunkOf.length; i++) {
      const c = chunkOf[i]!;
      sentenceLex[c] = Math.max(sentenceLex[c]!, lexical.sentences[i]! / maxSentLex);
    }
  }
  const vote = dense && weights.bankVote > 0 ? bankVotes(index, dense, opts.exclude, eligible) : null;
  // A footnote is part of the paragraph whose marker it hangs on, and the bank, which walked
  // paragraphs, asks about it there: the paragraph's questions speak for its footnotes too.
  for (const [note, home] of footnoteHome(index.chunks)) {
    if (bankDense[home]! > bankDense[note]!) {
      bankDense[note] = bankDense[home]!;
      bankItem[note] = bankItem[home]!;
    }
    bankLex[note] = Math.max(bankLex[note]!, bankLex[home]!);
    if (vote) vote[note] = Math.max(vote[note]!, vote[home]!);
  }
  const sentenceDense = new Float32Array(n).fill(-1);
  const sentence = new Int32Array(n).fill(-1);
  if (dense) {
    for (let i = 0; i < chunkOf.length; i++) {
      const c = chunkOf[i]!;
      if (dense.sentences[i]! > sentenceDense[c]!) {
        sentenceDense[c] = dense.sentences[i]!;
        sentence[c] = i;
      }
    }
  }
  const lexicalTotal = weights.chunkLexical + weights.bankLexical + weights.sentenceLexical;
  const total = dense ? weights.bankDense + weights.sentenceDense + weights.bankVote + lexicalTotal : lexicalTotal;
  const out: ScoredChunk[] = [];
  const chunkWords = (id: number) => (maxChunk > 0 ? lexical.chunks[id]! / maxChunk : 0);
  const homeOf = footnoteHome(index.chunks);
  for (const c of index.chunks) {
    if (!eligible(c)) continue;
    // A footnote is matched by its paragraph's words (and the questions it answers) as much as by its own.
    const home = homeOf.get(c.id);
    const chunkLexical = home === undefined ? chunkWords(c.id) : Math.max(chunkWords(c.id), chunkWords(home));
    let score = weights.chunkLexical * chunkLexical + weights.bankLexical * bankLex[c.id]! + weights.sentenceLexical * sentenceLex[c.id]!;
    if (dense) {
      score += weights.bankDense * stretch(bankDense[c.id]!, weights.bankRange) + weights.sentenceDense * stretch(sentenceDense[c.id]!, weights.sentenceRange);
      if (vote) score += weights.bankVote * vote[c.id]!;
    }
    score /= total;
    if (score <= 0) continue;
    if (c.rank <= CONTEXT_RANK && !(opts.namedDocuments ?? []).includes(c.docId)) score *= UNNAMED_CONTEXT_FACTOR;
    if (opts.timed?.[c.id]) score *= TIMED_BOOST;
    // Authority: an operator's procedures placed above national guidance, statutory guidance above local guidance.
    score *= 1 + RANK_WEIGHT * (c.rank - STATUTORY_RANK);
    out.push({
      chunk: c.id,
      score,
      bankItem: bankItem[c.id]! >= 0 ? bankItem[c.id]! : null,
      bankDense: dense ? Math.max(0, bankDense[c.id]!) : 0,
      bankLexical: bankLex[c.id]!,
      sentence: sentence[c.id]! >= 0 ? sentence[c.id]! : null,
      sentenceDense: dense ? Math.max(0, sentenceDense[c.id]!) : 0,
      chunkLexical,
      sentenceLexical: sentenceLex[c.id]!,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Each sentence's chunk number, as one array, worked out once per index. */
function sentenceChunks(sentences: readonly SentenceRef[]): Int32Array {
  let known = SENTENCE_CHUNKS.get(sentences);
  if (!known) SENTENCE_CHUNKS.set(sentences, (known = Int32Array.from(sentences, (r) => r.chunk)));
  return known;
}
const SENTENCE_CHUNKS = new WeakMap<readonly SentenceRef[], Int32Array>();

/**
 * Each footnote's home: the passage of the same document and paragraph whose section path
 * is the footnote's without its last step ("… > Footnote 21"). Worked out once per index.
 */
export function footnoteHome(chunks: readonly Chunk[]): ReadonlyMap<number, number> {
  let known = HOMES.get(chunks);
  if (!known) {
    const key = (c: Chunk, section: readonly string[]) => `${c.docId}|${c.paragraph ?? ""}|${section.join(" > ")}`;
    const body = new Map<string, number>();
    for (const c of chunks) if (c.kind !== "footnote" && !body.has(key(c, c.section))) body.set(key(c, c.section), c.id);
    known = new Map(
      chunks.flatMap((c) => {
        const home = c.kind === "footnote" ? body.get(key(c, c.section.slice(0, -1))) : undefined;
        return home === undefined ? [] : [[c.id, home] as [number, number]];
      }),
    );
    HOMES.set(chunks, known);
  }
  return known;
}
const HOMES = new WeakMap<readonly Chunk[], ReadonlyMap<number, number>>();

/**
 * Merge two rankings of the same passages: one made from the clauses that ask, one from the
 * whole message. Each is scaled by its own best score and they are mixed (`wholeShare` of the
 * second), so a story's words cannot take the lead from the ask, yet a passage the story
 * points to (an unborn baby, a move to another area) still rises. Scores stay on the first
 * ranking's scale (its best keeps its score); evidence comes from the first ranking where it
 * holds the passage.
 */
export function mergeRankings(ask: ScoredChunk[], whole: ScoredChunk[], wholeShare: number): ScoredChunk[] {
  if (wholeShare <= 0 || whole.length === 0 || ask.length === 0) return ask;
  const top = ask[0]!.score;
  const wholeTop = whole[0]!.score;
  const byChunk = new Map<number, { a: ScoredChunk | null; w: ScoredChunk | null }>();
  for (const a of ask) byChunk.set(a.chunk, { a, w: null });
  for (const w of whole) byChunk.set(w.chunk, { a: byChunk.get(w.chunk)?.a ?? null, w });
  const out: ScoredChunk[] = [];
  for (const { a, w } of byChunk.values()) {
    const mixed = (1 - wholeShare) * ((a?.score ?? 0) / top) + wholeShare * ((w?.score ?? 0) / wholeTop);
    out.push({ ...(a ?? w)!, score: mixed * top });
  }
  return out.sort((x, y) => y.score - x.score);
}
