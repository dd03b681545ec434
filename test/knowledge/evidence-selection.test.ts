import { describe, expect, it } from "vitest";
import { COVERAGE, selectEvidence } from "../../knowledge/answer.js";
import { expandQuestion } from "../../knowledge/expand.js";
import type { ScoredUnit } from "../../knowledge/search.js";
import { chunk, tinyIndex } from "./tiny-index.js";

/** One unit per chunk, ranked by the given scores (chunk i has ref i). */
const rankedBy = (scores: number[]): ScoredUnit[] =>
  scores.map((score, ref) => ({ ref, score, lexical: 0, dense: 0 })).sort((a, b) => b.score - a.score);

describe("evidence selection", () => {
  it("cites a third passage that scores a little lower when the whole answer stays short", () => {
    const index = tinyIndex([
      chunk(0, "The lead practitioner decides what to do after section 47 enquiries."),
      chunk(1, "Local authority social workers should lead section 47 enquiries."),
      chunk(2, "The lead practitioner for section 47 enquiries should be a social worker."),
    ]);
    const third = (COVERAGE.shortThirdPassage + COVERAGE.thirdPassage) / 2;
    const picks = selectEvidence(index, rankedBy([1, 0.95, third]));
    expect(picks.map((p) => p.chunk.id)).toEqual([0, 1, 2]);
  });

  it("does not cite that third passage when it would make the answer long", () => {
    const long = "The lead practitioner for section 47 enquiries should be a social worker, and ".repeat(20) + "so on.";
    const index = tinyIndex([
      chunk(0, "The lead practitioner decides what to do after section 47 enquiries."),
      chunk(1, "Local authority social workers should lead section 47 enquiries."),
      chunk(2, long),
    ]);
    const third = (COVERAGE.shortThirdPassage + COVERAGE.thirdPassage) / 2;
    const picks = selectEvidence(index, rankedBy([1, 0.95, third]));
    expect(picks.map((p) => p.chunk.id)).toEqual([0, 1]);
  });

  it("never cites a third passage well below the first, however short", () => {
    const index = tinyIndex([chunk(0, "First."), chunk(1, "Second."), chunk(2, "Third.")]);
    const picks = selectEvidence(index, rankedBy([1, 0.95, COVERAGE.shortThirdPassage - 0.05]));
    expect(picks.map((p) => p.chunk.id)).toEqual([0, 1]);
  });
});

describe("subjects the corpus does not hold", () => {
  it("treats a question about Ofsted's judgement grades as about a document the corpus does not hold", () => {
    expect(expandQuestion("What are the four Ofsted ILACS judgement grades?").externalDocument).not.toBeNull();
    expect(expandQuestion("what does requires improvement to be good mean for us").externalDocument).not.toBeNull();
    expect(expandQuestion("who attends a strategy discussion?").externalDocument).toBeNull();
  });
});
