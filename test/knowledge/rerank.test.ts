import { describe, expect, it } from "vitest";
import { chunkFrequencies, loadCalibration } from "../../knowledge/coverage.js";
import { expandQuestion } from "../../knowledge/expand.js";
import { RERANK_FEATURES, rerank, rerankFeatures, RerankSchema, type RerankModel, type RerankQuestion } from "../../knowledge/rerank.js";
import type { ScoredChunk } from "../../knowledge/search.js";
import { chunk, tinyIndex } from "./tiny-index.js";

const chunks = [
  chunk(0, "Lead practitioners should convene a strategy discussion with the police and health.", { section: ["Strategy discussion"] }),
  chunk(1, "The initial child protection conference should take place within 15 working days of the strategy discussion.", { section: ["Initial child protection conferences"] }),
  chunk(2, "The conference chair is accountable to the Director of Children's Services.", { section: ["Initial child protection conferences", "The conference chair"] }),
];
const index = tinyIndex(chunks);
const freq = chunkFrequencies(chunks);
const scored = (chunk: number, score: number): ScoredChunk => ({ chunk, score, bankItem: null, bankDense: 0, bankLexical: 0, sentence: chunk, sentenceDense: 0, chunkLexical: 0, sentenceLexical: 0 });
const question = (ask: string, story = ""): RerankQuestion => {
  const e = expandQuestion(ask);
  return { ask, concepts: e.concepts, wholeConcepts: story ? expandQuestion(`${story} ${ask}`).concepts : e.concepts, terms: [], story: story !== "" };
};
const only = (weights: Partial<RerankModel["weights"]>): RerankModel => ({
  k: 3,
  weights: { ...(Object.fromEntries(RERANK_FEATURES.map((f) => [f, 0])) as RerankModel["weights"]), logScore: 1, ...weights },
});

describe("the re-ranker of the first passages", () => {
  it("with only the fused score weighed, the ranking and its scores are unchanged", () => {
    const ranked = [scored(0, 0.9), scored(1, 0.8), scored(2, 0.5)];
    expect(rerank(index, ranked, question("when must the ICPC be held?"), only({}), freq)).toEqual(ranked);
  });

  it("for a question asking for a time, a passage that states one rises above one that does not", () => {
    const ranked = [scored(0, 0.9), scored(1, 0.8), scored(2, 0.5)];
    const out = rerank(index, ranked, question("how soon must the conference be held?"), only({ timeFit: 1 }), freq);
    expect(out.map((r) => r.chunk)).toEqual([1, 0, 2]);
    expect(out[0]!.score).toBeCloseTo(0.9);
  });

  it("a passage whose own section heading names what is asked about gains on one that only mentions it", () => {
    const f = rerankFeatures(index, [scored(0, 0.9), scored(2, 0.8)], question("who chairs the conference?"), 2, freq);
    expect(f[1]!.headingConcepts).toBeGreaterThan(f[0]!.headingConcepts);
    expect(f[1]!.whoFit).toBe(1);
  });

  it("only the first k passages are reordered, and none falls below the first passage it passed over", () => {
    const ranked = [scored(0, 0.9), scored(1, 0.85), scored(2, 0.5)];
    const out = rerank(index, ranked, question("how soon?"), { ...only({ timeFit: 5 }), k: 2 }, freq);
    expect(out.map((r) => r.chunk)).toEqual([1, 0, 2]);
    expect(out.every((r, i) => i === 0 || r.score <= out[i - 1]!.score)).toBe(true);
    expect(out[1]!.score).toBe(ranked[2]!.score);
    expect(out[2]).toEqual(ranked[2]);
  });

  it("the story's concepts count only for a message that tells one", () => {
    const plain = rerankFeatures(index, [scored(1, 1)], question("what now?"), 1, freq)[0]!;
    const told = rerankFeatures(index, [scored(1, 1)], question("what now?", "the strategy discussion agreed a conference"), 1, freq)[0]!;
    expect(plain.storyTextConcepts).toBe(0);
    expect(told.storyTextConcepts).toBeGreaterThan(0);
  });

  it("the shipped re-ranker reorders the first ten and leaves a clear leader first, whatever the others' features", () => {
    const shipped = loadCalibration().rerank;
    expect(shipped?.k).toBe(10);
    expect(shipped?.weights.logScore).toBe(1);
    // The learnt features refine near ties (a neighbour paragraph, a list, another document close behind); a passage
    // with a third of the leader's fused score is not lifted over it, however well it fits the question's kind.
    const ranked = [scored(0, 0.9), scored(1, 0.3), scored(2, 0.28)];
    expect(rerank(index, ranked, question("how soon must the conference be held?"), shipped!, freq)[0]!.chunk).toBe(0);
  });

  it("a model's weights are checked at load: every feature must be weighed", () => {
    expect(() => RerankSchema.parse(only({}))).not.toThrow();
    const { timeFit: _dropped, ...missing } = only({}).weights;
    expect(() => RerankSchema.parse({ k: 5, weights: missing })).toThrow();
  });
});
