import { describe, expect, it } from "vitest";
import { conceptScorer, selectEvidence } from "../../knowledge/answer.js";
import { expandQuestion } from "../../knowledge/expand.js";
import { sectionHeadings } from "../../knowledge/knowledge-base.js";
import { fuseScores, type HybridIndex, type RawScores } from "../../knowledge/search.js";
import { stems } from "../../knowledge/text.js";
import type { Chunk } from "../../knowledge/types.js";

/** A chunk of one sentence, England, statutory rank. */
function chunk(id: number, text: string, over: Partial<Chunk> = {}): Chunk {
  return {
    id,
    docId: "wt",
    file: "wt.txt",
    title: "Working Together",
    section: ["Some section"],
    paragraph: null,
    jurisdiction: "england",
    rank: 3,
    kind: "text",
    text,
    units: [{ text, kind: "sentence" }],
    leadIn: null,
    ...over,
  };
}

/** A tiny index: only what fusion and selection read. */
function tinyIndex(chunks: Chunk[]): HybridIndex {
  return {
    chunks,
    refs: chunks.map((c) => ({ chunk: c.id, unit: 0, heading: c.id })),
    unitVectors: [],
    headingVectors: [],
  } as unknown as HybridIndex;
}

const equal = (n: number): RawScores => ({ lexical: new Float32Array(n).fill(0.8), dense: new Float32Array(n).fill(0.5) });

describe("fusion of the evidence", () => {
  it("when two sentences match equally, the one whose section heading names the question's subject ranks first", () => {
    const index = tinyIndex([chunk(0, "Allegations should be reported."), chunk(1, "Allegations should be reported too.")]);
    const ranked = fuseScores(index, equal(2), { headings: Float32Array.from([0, 1]) });
    expect(ranked[0]!.ref).toBe(1);
  });

  it("when a numbered paragraph and a summary bullet say the same thing, the numbered paragraph ranks first", () => {
    const index = tinyIndex([
      chunk(0, "Assessment within 45 working days.", { kind: "list", units: [{ text: "Assessment within 45 working days.", kind: "bullet" }] }),
      chunk(1, "Assessment within 45 working days.", { paragraph: "155" }),
    ]);
    expect(fuseScores(index, equal(2))[0]!.ref).toBe(1);
  });
});

describe("selection of the evidence", () => {
  it("when the same sentence is published on two pages, it is selected once", () => {
    const same = "The care and support plan must be child-centred.";
    const index = tinyIndex([
      chunk(0, same, { file: "a.txt" }),
      chunk(1, same, { file: "b.txt" }),
      chunk(2, "Your child should be given a named social worker.", { file: "a.txt" }),
    ]);
    const ranked = [0.9, 0.89, 0.8].map((score, ref) => ({ ref, score, lexical: 0, dense: 0 }));
    const picks = selectEvidence(index, ranked);
    expect(picks.map((p) => p.chunk.id)).toEqual([0, 2]);
  });
});

describe("the heading match", () => {
  it("a question about an allegation for the LADO matches the heading 'People in positions of trust'", () => {
    const heading = chunk(0, "x", { section: ["Working Together", "People in positions of trust"] });
    const score = conceptScorer(expandQuestion("what counts as an allegation for LADO purposes?"), { df: new Map(), n: 100 });
    expect(sectionHeadings(heading)).toBe("People in positions of trust");
    expect(score(new Set(stems(sectionHeadings(heading))))).toBeGreaterThan(0);
    expect(score(new Set(stems("Early years and childcare")))).toBe(0);
  });
});
