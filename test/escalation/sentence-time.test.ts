import { describe, expect, it } from "vitest";
import { readMessage, type SentenceTime } from "../../escalation/reader.js";
import { netSentences } from "../../escalation/sentence-net.js";
import { toldAsPattern } from "../../escalation/tense.js";
import { normaliseText } from "../../escalation/normalise.js";

const times = (text: string): SentenceTime[] => {
  const r = readMessage(text);
  return r.sentences.map((_, i) => r.timeOf(i));
};

describe("each sentence is placed in time by its own words", () => {
  it("when a past sentence stands before a present one, each keeps its own time", () => {
    expect(times("Last year my dad hit my mum. He is shouting at her now.")).toEqual(["past", "now"]);
  });
  it("when a sentence tells a habit, an age in the past or a time far ahead, it is not now", () => {
    expect(times("He keeps walking in on me in the shower.")).toEqual(["pattern"]);
    expect(times("When the baby was eight weeks old she had a bruise on her ear.")).toEqual(["past"]);
    expect(times("My mum's boyfriend scares me and he's moving in next week.")).toEqual(["later"]);
  });
  it("when a sentence says now as well as a past time, it is now", () => {
    expect(times("He hurt her last year and he is here now with a knife.")).toEqual(["now"]);
  });
  it("when the finite verbs are all the present simple of an action the sentence is a pattern, and with 'is' it is not", () => {
    const norm = (s: string) => normaliseText(s)[0]!.norm;
    expect(toldAsPattern(norm("He comes into my room at night."))).toBe(true);
    expect(toldAsPattern(norm("He is hitting her."))).toBe(false);
    expect(toldAsPattern(norm("She won't wake up."))).toBe(false);
  });
});

describe("the sentence net compares only sentences that may be now", () => {
  it("when a message mixes a past or habitual sentence with a present one, only the present one is compared", () => {
    const r = readMessage("A few weeks ago some older lads jumped me outside the chip shop. They are outside my house right now.");
    expect(netSentences(r)).toEqual(["They are outside my house right now."]);
  });
});

describe("a danger's place and its condition are read together only when told close together", () => {
  it("when 'next door' and a break-in of years ago are two sentences apart, no danger is read now", () => {
    const r = readMessage(
      "I want to explain what has been going on next door. I saw the little boy at the bus stop on Monday. I live next door to this family and have done for three years. I do not know them well, we just say hello. Two years ago someone broke into the flat while the children were asleep; nobody was hurt and the locks were changed.",
    );
    expect(r.hits.filter((h) => h.live)).toEqual([]);
  });
  it("when someone is kicking the door in now, it is read live", () => {
    const r = readMessage("Someone is kicking our front door in and the kids are upstairs");
    expect(r.facts.has("danger_live")).toBe(true);
  });
  it("when a child has been cutting for months, it is a pattern up to now and not danger now; for ten minutes it is now", () => {
    expect(readMessage("I've been cutting my arms for a few months and I don't know how to stop").facts.has("danger_live")).toBe(false);
  });
});
