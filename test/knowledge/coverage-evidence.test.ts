import { describe, expect, it } from "vitest";
import { askedForm, holdsForm } from "../../knowledge/answer-type.js";
import { CalibrationSchema, FEATURES, retrievalAgreement, termCoverage } from "../../knowledge/coverage.js";
import { stems } from "../../knowledge/text.js";

const df = (text: string, n: number) => stems(text).map((s) => [s, n] as [string, number]);
// "core group" is rare in this made-up corpus, "strategy discussion" common.
const freq = { df: new Map([...df("core group", 5), ...df("strategy discussion", 400)]), n: 1000 };
const have = (text: string) => new Set(stems(text));
const term = (text: string) => stems(text);

describe("whether a passage's own words hold the procedures a question names", () => {
  it("a passage that names every procedure asked about covers them all; one that names none covers nothing", () => {
    const terms = [term("core group"), term("strategy discussion")];
    expect(termCoverage(terms, have("The core group should meet within ten working days after a strategy discussion."), freq)).toBe(1);
    expect(termCoverage(terms, have("Parents should be told what will happen next."), freq)).toBe(0);
  });

  it("a rarer procedure weighs more than a common one, and a term counts only when all its words are there", () => {
    const terms = [term("core group"), term("strategy discussion")];
    const coreOnly = termCoverage(terms, have("The core group meets."), freq);
    const strategyOnly = termCoverage(terms, have("A strategy discussion is held."), freq);
    expect(coreOnly).toBeGreaterThan(0.5);
    expect(strategyOnly).toBeLessThan(0.5);
    expect(termCoverage([term("core group")], have("The group met."), freq)).toBe(0);
  });

  it("a question that names no procedure has no share to judge (0; `named` says it named none)", () => {
    expect(termCoverage([], have("anything"), freq)).toBe(0);
  });
});

describe("whether meaning and words pick the same passage", () => {
  const p = (chunk: number, sentenceDense: number, chunkLexical: number, sentenceLexical = 0) => ({ chunk, sentenceDense, chunkLexical, sentenceLexical });

  it("when both put the same passage first, they agree fully", () => {
    expect(retrievalAgreement([p(1, 0.8, 0.9), p(2, 0.5, 0.4), p(3, 0.4, 0.2)])).toBe(1);
  });

  it("when each puts a passage the other ranks low first, they hardly agree", () => {
    const ranked = [p(1, 0.9, 0.0), p(2, 0.1, 1.0), p(3, 0.5, 0.5), p(4, 0.6, 0.6), p(5, 0.7, 0.7)];
    expect(retrievalAgreement(ranked)).toBeLessThanOrEqual(0.25);
  });

  it("no passages, no agreement", () => {
    expect(retrievalAgreement([])).toBe(0);
  });
});

describe("the form of answer a question asks for, and whether a passage holds it", () => {
  it("reads a time, a role and a list from the asking words; a yes/no question asks for no particular form", () => {
    expect(askedForm("how soon must the LADO be told?")).toBe("time");
    expect(askedForm("who chairs the ICPC")).toBe("who");
    expect(askedForm("what goes in a referral to children's social care?")).toBe("list");
    expect(askedForm("what should the child protection plan include?")).toBe("list");
    expect(askedForm("can a parent bring a supporter to conference")).toBe("none");
  });

  it("a passage without a time does not hold the answer to a 'how soon' question; one with a list holds a list", () => {
    const untimed = [{ text: "The LADO should be informed of all allegations.", kind: "sentence" }];
    const timed = [{ text: "The LADO should be informed within one working day.", kind: "sentence" }];
    expect(holdsForm("time", untimed)).toBe(false);
    expect(holdsForm("time", timed)).toBe(true);
    expect(holdsForm("list", untimed)).toBe(false);
    expect(holdsForm("list", [{ text: "A referral should include:", kind: "sentence" }, { text: "the child's name", kind: "bullet" }])).toBe(true);
    expect(holdsForm("none", untimed)).toBe(true);
  });
});

describe("a calibration written before the corpus features existed", () => {
  it("still loads, and the features it predates weigh nothing", () => {
    const old = {
      fusion: { bankDense: 0.3, sentenceDense: 0.6, chunkLexical: 0.7, bankLexical: 0.05, sentenceLexical: 0.2, bankRange: [0.4, 0.9], sentenceRange: [0.3, 0.7] },
      coverage: { weights: { topic: 1, margin: 1, neighbours: 0, sentence: 1, concepts: 1, lexicalOutOfScope: -1 }, bias: 0, threshold: 0.5 },
      fastPath: { enabled: false, minConcepts: 1, minBankLexical: 1, minMargin: 1, maxLexicalOutOfScope: 0 },
      provenance: "test",
    };
    const c = CalibrationSchema.parse(old);
    expect(Object.keys(c.coverage.weights).sort()).toEqual([...FEATURES].sort());
    expect(c.coverage.weights.terms).toBe(0);
    expect(c.coverage.weights.agree).toBe(0);
  });
});
