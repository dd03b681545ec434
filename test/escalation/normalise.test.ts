import { describe, expect, it } from "vitest";
import { foldText, normaliseSentence, normaliseText, splitSentences, Speller } from "../../escalation/normalise.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

const model = loadRiskModel();
const opts = { speller: model.speller };

describe("foldText: what a filter-evader changes but a reader does not see", () => {
  it.each([
    ["zero-width space inside a word", "k\u200bnife", "knife"],
    ["zero-width joiner and non-joiner", "st\u200dab\u200cbing", "stabbing"],
    ["soft hyphen", "over\u00addose", "overdose"],
    ["word joiner and BOM", "\ufeffchok\u2060ing", "choking"],
    ["bidi marks and isolates", "\u202astran\u200fgling\u2069", "strangling"],
    ["variation selector", "kni\ufe0ffe", "knife"],
    ["fullwidth letters", "\uff4b\uff4e\uff49\uff46\uff45", "knife"],
    ["mathematical bold letters", "\ud835\udc24\ud835\udc27\ud835\udc22\ud835\udc1f\ud835\udc1e", "knife"],
    ["Cyrillic look-alikes", "kn\u0456f\u0435", "knife"],
    ["Greek look-alikes", "\u03bfverd\u03bfse", "overdose"],
    ["accents", "kn\u00eff\u00e9", "knife"],
    ["digits for letters inside a word", "k1ll", "kill"],
    ["symbols for letters inside a word", "st@bb1ng", "stabbing"],
  ])("%s", (_name, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("leaves numbers, ages and times alone", () => {
    expect(foldText("my 14yo left at 11pm on the m25")).toBe("my 14yo left at 11pm on the m25");
  });

  it("an obfuscated emergency is still an emergency", () => {
    expect(triageByRules("my dad has a k\u200bn\u0456fe and says he will k1ll us tonight").level).toBe("999");
  });
});

describe("normaliseSentence", () => {
  it.each([
    ["HELLPPP my bro is chokingg rn", " help my brother is choking right now "],
    ["plz hlp im 14", " please help i am 14 "],
    ["he's got a kinfe", " he has got a knife "],
    ["my sis took an od", " my sister took an overdose "],
    ["she's unconcious", " she is unconscious "],
    ["a 15yo in y9", " a 15 year old in year 9 "],
    ["sum1 is stabbin a boy", " someone is stabbing a boy "],
  ])("%s → %j", (input, expected) => {
    expect(normaliseSentence(input, opts)).toBe(expected);
  });

  it("does not turn ordinary words into danger words", () => {
    expect(normaliseSentence("she was showing people and sitting and cooking", opts)).toBe(" she was showing people and sitting and cooking ");
    expect(normaliseSentence("my sisters are breeding rabbits", opts)).toContain(" sisters are breeding ");
  });
});

describe("Speller", () => {
  it("corrects a one-letter slip in a vocabulary word and leaves inflections and protected words", () => {
    const s = new Speller(["strangling", "unconscious", "sister"], new Set(["sitting"]));
    expect(s.correct("stranglng")).toBe("strangling");
    expect(s.correct("unconcious")).toBe("unconscious");
    expect(s.correct("sisters")).toBe("sisters");
    expect(s.correct("sitting")).toBe("sitting");
  });
});

describe("splitSentences / normaliseText", () => {
  it("keeps every sentence of the input, in order", () => {
    const text = "First one. Second one! Third one?\nFourth; fifth - sixth";
    expect(splitSentences(text)).toEqual(["First one.", "Second one!", "Third one?", "Fourth", "fifth", "sixth"]);
    expect(normaliseText(text).map((s) => s.raw)).toEqual(splitSentences(text));
  });
});
