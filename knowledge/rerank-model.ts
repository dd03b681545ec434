import { z } from "zod";

/**
 * The re-ranker's features and the shape of its weights in knowledge/calibration.json
 * (knowledge/rerank.ts computes the features and applies the model).
 */
export const RERANK_FEATURES = [
  "logScore",
  "bankDense",
  "sentenceDense",
  "chunkLexical",
  "sentenceLexical",
  "timeFit",
  "whoFit",
  "definitionFit",
  "nextFit",
  "bestFitsKind",
  "headingConcepts",
  "headingTerms",
  "textTerms",
  "textConcepts",
  "firstInSection",
  "position",
  "length",
  "list",
  "context",
  "storyScore",
  "storyHeading",
  "storyTextConcepts",
  "storyHeadingConcepts",
  "ownHeadingConcepts",
  "obligationFit",
] as const;
export type RerankFeature = (typeof RERANK_FEATURES)[number];

export const RerankSchema = z.object({
  /** How many of the first passages are reordered. */
  k: z.number().int().min(2),
  /** Weights over the features, with `logScore`'s scaled to 1 (so scores keep the fusion's scale). */
  weights: z.object(Object.fromEntries(RERANK_FEATURES.map((f) => [f, z.number()])) as Record<RerankFeature, z.ZodNumber>),
  /** How the weights were learnt. */
  provenance: z.string().optional(),
});
export type RerankModel = z.infer<typeof RerankSchema>;

