import { describe, expect, it } from "vitest";
import { TopicModel, topicWords } from "../../knowledge/topic.js";

// Twenty in-scope questions and ten out-of-scope ones, in the proportion the two banks keep.
const inScope = [
  ...Array.from({ length: 10 }, () => "who attends a strategy discussion"),
  ...Array.from({ length: 9 }, () => "when is the initial child protection conference held"),
  "can we translate the plan for the family",
];
const outOfScope = [
  ...Array.from({ length: 8 }, () => "what grade did ofsted give"),
  "my manager will translate tomorrow",
  "what does the ofsted report say",
];
const model = TopicModel.fromQuestions(inScope, outOfScope);
const score = (q: string) => model.score(topicWords(q));

describe("the topic model's evidence from a word (knowledge/topic.ts)", () => {
  it("when a word is seen many times on one side only, it leans the question that way", () => {
    expect(score("ofsted")).toBeLessThan(-1);
    expect(score("strategy discussion")).toBeGreaterThan(1);
  });

  it("when a word is seen only once or twice, it weighs far less than a topic's name", () => {
    expect(Math.abs(score("tomorrow"))).toBeLessThan(Math.abs(score("ofsted")) / 2);
    expect(Math.abs(score("translate"))).toBeLessThan(0.5);
  });

  it("a story's one-off words do not outweigh what the question asks about", () => {
    expect(score("translate tomorrow who attends a strategy discussion")).toBeGreaterThan(0);
  });

  it("when the banks have never seen a word, it weighs nothing", () => {
    expect(score("zebra")).toBe(0);
  });

  it("leaving a question out removes its words' evidence", () => {
    const before = score("tomorrow");
    expect(model.score(topicWords("tomorrow"), { outOfScope: [8] })).toBe(0);
    expect(before).toBeLessThan(0);
  });
});
