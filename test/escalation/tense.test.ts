import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { normaliseSentence } from "../../escalation/normalise.js";
import { triageByRules } from "../../escalation/triage.js";
import { aspectAt } from "../../escalation/tense.js";

/** The aspect of `match` inside `sentence`, as the reader asks for it. */
function aspect(sentence: string, match: string) {
  const norm = normaliseSentence(sentence);
  const at = norm.indexOf(` ${match} `);
  expect(at, `"${match}" in "${norm}"`).toBeGreaterThanOrEqual(0);
  return aspectAt(norm, at, match.length + 1);
}

describe("the aspect of the clause that carries a danger", () => {
  it.each([
    ["he is hitting her", "hitting her", "progressive"],
    ["he is in my room touching me", "touching me", "progressive"],
    ["she is being dragged into a car", "dragged into a car", "progressive"],
    ["he is drunk and hitting my mum", "hitting my mum", "progressive"],
    ["i can hear him hitting her", "hitting her", "progressive"],
    ["dad hitting mum", "hitting mum", "bare"],
    ["she will not wake up", "wake up", "present"],
    ["he has a knife", "knife", "present"],
    ["he has got a knife", "knife", "present"],
    ["she has taken 20 paracetamol", "taken 20 paracetamol", "perfect"],
    ["she has had an allergic reaction", "allergic reaction", "perfect"],
    ["he has been touching me for years", "touching me", "perfect_progressive"],
    ["he is going to kill us", "kill us", "future"],
    ["he will stab me", "stab me", "future"],
    ["he hit me", "hit me", "past"],
    ["my uncle touched me", "touched me", "past"],
    ["he was hitting her", "hitting her", "past"],
    ["he was on the roof", "roof", "past_state"],
    ["he had a knife", "knife", "past_state"],
    ["he hits me", "hits me", "habitual"],
    ["he keeps hitting me", "hitting me", "habitual"],
    ["he would hit me", "hit me", "conditional"],
    ["a conviction for hurting a child", "hurting a child", "gerund"],
  ] as const)("%s: %s is %s", (sentence, match, expected) => {
    expect(aspect(sentence, match).aspect).toBe(expected);
  });

  // A danger named by a noun phrase takes the tense of the verb it is the subject of; without a verb it stays bare.
  it.each([
    ["the baby was shaken by her dad", "the baby", "past"],
    ["someone got into the house last week", "someone", "past"],
    ["a man is in our garden", "a man", "present"],
    ["a man has been in the garden", "a man", "perfect"],
    ["the back door was kicked in", "back door", "past"],
    ["someone is trying to get in", "someone", "progressive"],
    ["someone in the house", "someone", "bare"],
    ["baby not breathing", "baby", "bare"],
    ["someone keeps trying the door handle", "someone", "bare"],
  ] as const)("a noun phrase told with its verb after it: %s: %s is %s", (sentence, match, expected) => {
    expect(aspect(sentence, match).aspect).toBe(expected);
  });

  it("a verb in the past joined to a pattern has a tense of its own, and 'just' is read with it", () => {
    const a = aspect("a man keeps following me home and just tried to pull me in", "tried to pull me");
    expect(a.aspect).toBe("past");
    expect(a.just).toBe(true);
    expect(aspect("he is drunk and hitting my mum", "hitting my mum").aspect).toBe("progressive");
    expect(aspect("he keeps hitting me", "hitting me").aspect).toBe("habitual");
  });

  it("a threat on a condition is marked conditional, before or after it", () => {
    expect(aspect("if i tell he will kill me", "kill me").conditional).toBe(true);
    expect(aspect("he will kill me if i tell", "kill me").conditional).toBe(true);
    expect(aspect("he is going to kill me and i am scared", "kill me").conditional).toBe(false);
  });

  it("a danger's clause ends where a clause with its own subject and verb begins, not at a clause that hangs on it", () => {
    const clause = (sentence: string, match: string) => {
      const norm = normaliseSentence(sentence);
      const r = aspect(sentence, match);
      return norm.slice(r.clause[0], r.clause[1]);
    };
    expect(clause("he is strangling her he did this once before", "strangling her")).not.toContain("once");
    expect(clause("he is shaking the baby the boyfriend was arrested before", "shaking the baby")).not.toContain("arrested");
    expect(clause("my step dad is abusing me since i was 8", "abusing me")).toContain("since i was 8");
  });

  it("'just' beside the verb is read as just happened", () => {
    expect(aspect("he has just hit her", "hit her").just).toBe(true);
    expect(aspect("my parents just laugh when he hits me", "hits me").just).toBe(false);
  });
});

interface Case {
  group: string;
  text: string;
  expected: string;
  why: string;
}
const cases = readCases<Case>("tense-cases.jsonl");

describe("live unless the grammar or the time words say otherwise (rules alone)", () => {
  it.each(cases.filter((c) => c.group === "present"))("a danger told in the present is 999: $text ($why)", (c) => {
    expect(triageByRules(c.text).level).toBe(c.expected);
  });
  it.each(cases.filter((c) => c.group === "not_live"))("a danger that is not happening now is not 999: $text ($why)", (c) => {
    expect(triageByRules(c.text).level).toBe(c.expected);
  });
});
