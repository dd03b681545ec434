import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import type { Concept } from "./expand.js";
import { stems } from "./text.js";
import type { Chunk } from "./types.js";
import { RerankSchema } from "./rerank-model.js";

/**
 * Whether the corpus covers a question is decided from the evidence, by a logistic model.
 * The features: how the question's words lean between the two banks (`topic`, naive Bayes
 * log-odds, in tens); the nearest bank question's similarity less the nearest out-of-scope
 * question's (`margin`); the share of the question's
 * nearest neighbours, across both banks, that are in scope (`neighbours`); the best
 * sentence's similarity (`sentence`); the share of the question's concepts the best passage
 * holds (`concepts`); and how much of the lexical match goes to out-of-scope questions
 * (`lexicalOutOfScope`). Its weights and threshold are calibrated
 * whose weights and threshold are calibrated by cross-validation on the question bank
 * and the out-of-scope bank (scripts/calibrate-knowledge.ts writes knowledge/calibration.json).
 */
export const FEATURES = ["topic", "margin", "neighbours", "sentence", "concepts", "lexicalOutOfScope"] as const;
export type Feature = (typeof FEATURES)[number];
export type CoverageFeatures = Record<Feature, number>;

const Range = z.tuple([z.number(), z.number()]);
export const CalibrationSchema = z.object({
  fusion: z.object({
    bankDense: z.number(),
    sentenceDense: z.number(),
    chunkLexical: z.number(),
    bankLexical: z.number(),
    sentenceLexical: z.number(),
    bankVote: z.number().default(0),
    bankRange: Range,
    sentenceRange: Range,
  }),
  coverage: z.object({
    weights: z.object(Object.fromEntries(FEATURES.map((f) => [f, z.number()])) as Record<Feature, z.ZodNumber>),
    bias: z.number(),
    threshold: z.number(),
  }),
  /** Answer from lexical and bank matches alone (no embedding) when all of these hold. */
  fastPath: z.object({
    enabled: z.boolean(),
    minConcepts: z.number(),
    minBankLexical: z.number(),
    minMargin: z.number(),
    maxLexicalOutOfScope: z.number(),
  }),
  /** The re-ranker of the first few passages (knowledge/rerank.ts); absent, the fused ranking stands. */
  rerank: RerankSchema.optional(),
  /** How the figures were obtained (kept with them so nobody mistakes them for hand-set values). */
  provenance: z.string(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

let cached: Calibration | undefined;

/** The calibrated weights and thresholds (knowledge/calibration.json). */
export function loadCalibration(path = fromRoot("knowledge", "calibration.json")): Calibration {
  if (path === fromRoot("knowledge", "calibration.json") && cached) return cached;
  const c = CalibrationSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  if (path === fromRoot("knowledge", "calibration.json")) cached = c;
  return c;
}

/** Probability that the corpus answers the question, from its features. */
export function coverageProbability(f: CoverageFeatures, model: Calibration["coverage"]): number {
  let z = model.bias;
  for (const k of FEATURES) z += model.weights[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/** Document frequency of each stem over chunks (text and headings), for weighting a question's concepts. */
export function chunkFrequencies(chunks: readonly Chunk[]): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  for (const c of chunks) for (const s of new Set(stems(`${c.text} ${c.section.join(" ")}`))) df.set(s, (df.get(s) ?? 0) + 1);
  return { df, n: chunks.length };
}

/**
 * IDF-weighted share of the question's concepts found in a text's stems. A concept the
 * corpus never uses weighs most: a question about something the corpus never names is
 * not covered by a passage that shares its common words.
 */
export function conceptCoverage(concepts: readonly Concept[], have: Set<string>, freq: { df: Map<string, number>; n: number }): number {
  if (concepts.length === 0) return 1;
  const idf = (s: string) => Math.log(1 + freq.n / (1 + (freq.df.get(s) ?? 0)));
  let total = 0;
  let matched = 0;
  for (const c of concepts) {
    const w = Math.max(...c.alternatives.map((a) => Math.min(...a.map(idf))));
    total += w;
    // A one-word alternative must be present; a phrase counts when most of its words are.
    if (c.alternatives.some((a) => (a.length === 1 ? have.has(a[0]!) : a.filter((s) => have.has(s)).length * 2 > a.length))) matched += w;
  }
  return total > 0 ? matched / total : 1;
}
