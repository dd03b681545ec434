import { describe, expect, it } from "vitest";
import { normaliseSentence, normaliseText, splitSentences } from "../../escalation/normalise.js";

describe("normaliseSentence", () => {
  it.each([
    ["HELLPPP my bro is chokingg rn", " help my brother is choking right now "],
    ["plz hlp im 14", " please help i am 14 "],
    ["he's got a kinfe", " he is got a knife "],
    ["my sis took an od", " my sister took an overdose "],
    ["she’s unconcious", " she is unconscious "],
    ["a 15yo in y9", " a 15 year old in year 9 "],
    ["Mae gan ei dad gyllell", " mae gan ei dad cyllell "],
  ])("%s → %j", (input, expected) => {
    expect(normaliseSentence(input)).toBe(expected);
  });

  it("does not turn ordinary words into danger words", () => {
    expect(normaliseSentence("someone is breaking into the house")).toContain(" breaking into ");
    expect(normaliseSentence("she was sitting and cooking")).toBe(" she was sitting and cooking ");
  });
});

describe("splitSentences / normaliseText", () => {
  it("keeps every sentence of the input, in order", () => {
    const text = "First one. Second one! Third one?\nFourth; fifth - sixth";
    expect(splitSentences(text)).toEqual(["First one.", "Second one!", "Third one?", "Fourth", "fifth", "sixth"]);
    expect(normaliseText(text).map((s) => s.raw)).toEqual(splitSentences(text));
  });
});
