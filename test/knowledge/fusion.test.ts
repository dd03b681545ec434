import { describe, expect, it } from "vitest";
import { chunk, equal, tinyIndex } from "./tiny-index.js";
import { composeAnswer, conceptScorer, selectEvidence } from "../../knowledge/answer.js";
import { expandQuestion } from "../../knowledge/expand.js";
import { sectionHeadings } from "../../knowledge/knowledge-base.js";
import { fuseScores, type HybridIndex, type RawScores } from "../../knowledge/search.js";
import { stems } from "../../knowledge/text.js";




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

describe("definition questions", () => {
  it("when the question asks what counts as something, the sentence that sets the criteria ranks first", () => {
    const index = tinyIndex([
      chunk(0, "Allegations should be dealt with without delay."),
      chunk(1, "Serious harm includes long-term impairment of a child's mental health."),
    ]);
    expect(fuseScores(index, equal(2), { definition: true })[0]!.ref).toBe(1);
    expect(fuseScores(index, equal(2), { definition: false })[0]!.ref).toBe(0);
  });

  it("what counts as an allegation is recognised as a definition question; how fast to report one is not", () => {
    expect(expandQuestion("what counts as an allegation for LADO purposes?").asksDefinition).toBe(true);
    expect(expandQuestion("how fast does the LADO need to know about an allegation?").asksDefinition).toBe(false);
  });
});

describe("committee papers", () => {
  it("when the question does not name a council's papers, statutory guidance outranks them on equal evidence", () => {
    const index = tinyIndex([chunk(0, "MASH reviews referrals.", { docId: "council", rank: 1 }), chunk(1, "MASH reviews referrals.", { rank: 1.2 })]);
    expect(fuseScores(index, equal(2))[0]!.ref).toBe(1);
    expect(fuseScores(index, equal(2), { namedDocuments: [] })[0]!.ref).toBe(1);
    const unnamed = fuseScores(index, equal(2), { namedDocuments: [] }).find((s) => s.ref === 0)!.score;
    const named = fuseScores(index, equal(2), { namedDocuments: ["council"] }).find((s) => s.ref === 0)!.score;
    expect(named).toBeGreaterThan(unnamed);
  });
});

describe("committee papers as supporting passages", () => {
  const council = "herefordshire-cyp-scrutiny-2024-07-30";
  const index = tinyIndex([
    chunk(0, "Referrals to the MASH are screened the same day."),
    chunk(1, "Referrals to the MASH were screened the same day in Herefordshire.", { docId: council, rank: 1 }),
  ]);
  const ranked = [0.9, 0.85].map((score, ref) => ({ ref, score, lexical: 0, dense: 0 }));
  const answer = (q: string) =>
    composeAnswer({ index, documents: [], question: expandQuestion(q), ranked, asked: null, freq: { df: new Map(), n: 10 } });

  it("when a procedure question does not name the council, its committee papers are not cited in support", () => {
    const a = answer("are MASH referrals screened the same day?");
    expect(a.citations.map((c) => c.quote)).toEqual(["Referrals to the MASH are screened the same day."]);
  });

  it("when the question names the council, its committee papers may support the answer", () => {
    const a = answer("are MASH referrals screened the same day in Herefordshire?");
    expect(a.citations).toHaveLength(2);
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
