import { describe, expect, it } from "vitest";
import { chunk, equal, tinyIndex } from "./tiny-index.js";
import { expandQuestion, loadQuestionTerms } from "../../knowledge/expand.js";
import { fuseScores, intentMatch, negationMatch, type HybridIndex, type RawScores } from "../../knowledge/search.js";




describe("negated outcomes in a question", () => {
  it.each([
    ["what happens if s47 concerns aren't substantiated?", ["substantiat"]],
    ["what if the concerns are not substantiated?", ["substantiat"]],
    ["what if the allegation was never proven?", ["proven"]],
    ["what happens if concerns are substantiated?", []],
    // "No strat" is the absence of a thing, not a negated outcome: the strategy discussion must still be found.
    ["police took a child into police protection with no strat. is that allowed?", []],
  ])("when asked '%s', the negated outcomes are %j", (q, negated) => {
    expect(expandQuestion(q).negated).toEqual(negated);
  });

  it("when a heading says 'not substantiated' or 'unsubstantiated' it is the negated case; 'substantiated' alone is the positive case", () => {
    expect(negationMatch("substantiat", "where concerns of significant harm are not substantiated")).toBe(1);
    expect(negationMatch("substantiat", "the allegation was unsubstantiated")).toBe(1);
    expect(negationMatch("substantiat", "where concerns of significant harm are substantiated")).toBe(-1);
    expect(negationMatch("substantiat", "convene an initial child protection conference")).toBe(0);
  });

  it("when asked what happens if concerns aren't substantiated, the 'not substantiated' section outranks the 'substantiated' one", () => {
    const index = tinyIndex([
      chunk(0, "convene an initial child protection conference", { section: ["Outcome of section 47 enquiries", "Where concerns of significant harm are substantiated"] }),
      chunk(1, "discuss the case with the child, parents and other practitioners", { section: [
        "Outcome of section 47 enquiries",
        "Where concerns of significant harm are not substantiated",
      ] }),
    ]);
    const raw = equal(2);
    expect(fuseScores(index, raw)[0]!.ref).toBe(0);
    const negated = expandQuestion("what happens if s47 concerns aren't substantiated?").negated;
    expect(fuseScores(index, raw, { negated })[0]!.ref).toBe(1);
  });
});

describe("questions about when something may be done", () => {
  const conditions = loadQuestionTerms().intents["conditions"]!;

  it("when asked 'when can police use police protection?', the question asks for conditions, not a timescale", () => {
    const e = expandQuestion("when can police use police protection?");
    expect(e.intents).toContain("conditions");
    expect(e.asksTimescale).toBe(false);
  });

  it("when a sentence limits a power to exceptional circumstances after naming it, it still answers the conditions question", () => {
    const text = "police powers to remove a child in an emergency should be used only in exceptional circumstances.";
    expect(intentMatch(conditions, "immediate protection", text, ["police powers of protection"])).toBe(2);
  });

  it("when the question says 'use' and the sentence says 'used', the word counts as the same concept", () => {
    const use = expandQuestion("when can police use police protection?").concepts.find((c) => c.word === "use");
    expect(use?.alternatives).toContainEqual(["used"]);
  });

  it("when two sentences match equally, the conditions question ranks the 'only in exceptional circumstances' sentence first", () => {
    const index = tinyIndex([
      chunk(0, "The police should use their statutory powers to act immediately.", { section: ["Immediate protection"] }),
      chunk(1, "Police powers should be used only in exceptional circumstances where there is insufficient time to seek an EPO.", { section: ["Immediate protection"] }),
    ]);
    const e = expandQuestion("when can police use police protection?");
    const intents = e.intents.flatMap((n) => loadQuestionTerms().intents[n] ?? []);
    expect(fuseScores(index, equal(2), { intents, subjects: e.subjects })[0]!.ref).toBe(1);
  });
});

describe("decide and decisions", () => {
  it("when asked what the ICPC decides, a sentence about the conference making decisions holds the question's concept", () => {
    const decide = expandQuestion("what does the ICPC decide?").concepts.find((c) => c.word === "decide");
    expect(decide?.alternatives).toContainEqual(["decision"]);
  });
});
