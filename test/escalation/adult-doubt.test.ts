import { beforeAll, describe, expect, it } from "vitest";
import { applySafetyNets } from "../../escalation/decide.js";
import { readMessage } from "../../escalation/reader.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * An adult who is not a practitioner and is unsure what to do writes their doubt as a question about their own next step
 * (cues.json wants.advice): the deliberative modal in the progressive or the perfect ("should I be telling someone",
 * "should I have said something"), a course of action offered as a question ("do I mention it to anyone", "do I ring
 * someone or just leave it"), who to turn to asked with doubt ("who would I even tell", "is there anyone I ought to
 * tell"), whether it matters at all ("is that even allowed"), support for themselves or the family, unease that does not
 * settle, and what holds them back. Each form is crossed with concerns told by a parent, a grandparent, a neighbour and an
 * aunt: every one is the NSPCC's helpline, whatever the model proposes below 999. The same concern told with a decision to
 * report is a referral, and a practitioner's doubt is still a referral (every professional's report is).
 */
const CONCERNS = {
  parent: "My son is 12 and keeps coming home with expensive trainers he says a friend gave him.",
  grandparent: "My granddaughter, 7, told me her mum's boyfriend shouts at her and pushes her about.",
  neighbour: "The little boy next door, about 6, is often out in the street on his own after dark.",
  aunt: "My niece is 15 and has a boyfriend of 23 who picks her up from school.",
} as const;

const DOUBTS = [
  "Should I be telling someone?",
  "Should I have said something before now?",
  "Do I mention it to anyone?",
  "Do I ring someone or just leave it?",
  "Who would I even tell?",
  "Who could I ask about it?",
  "Is there anyone I ought to tell?",
  "Is there anything I should be doing?",
  "Is that even allowed?",
  "What should I be looking out for?",
  "Is there any support for families like this?",
  "It didn't sit right with me.",
  "I keep going over it.",
  "I don't want to go behind their back.",
  "Probably nothing, but how do I know?",
] as const;

// Compiling the risk model's phrases is the slow part of a cold start: done once, not inside the first case's time.
beforeAll(() => {
  loadRiskModel();
  readMessage("warm up");
}, 300_000);

const BELOW_999 = ["childline", "101_or_childrens_services", "nspcc_advice", "none"] as const;

describe("an adult unsure what to do, in the forms their doubt takes, gets the NSPCC's helpline", () => {
  for (const [writer, concern] of Object.entries(CONCERNS)) {
    it.each(DOUBTS.map((d) => [d]))(`${writer}: %s`, (doubt) => {
      const text = `${concern} ${doubt}`;
      const reading = readMessage(text);
      expect(reading.facts.has("advice"), "the doubt is read").toBe(true);
      expect(triageByRules(text).level).toBe("nspcc_advice");
      for (const proposed of BELOW_999) expect(applySafetyNets(proposed, reading).level, `proposed ${proposed}`).toBe("nspcc_advice");
    });
  }
});

describe("the same concerns without doubt, or from a practitioner, are referrals", () => {
  it.each(Object.entries(CONCERNS))("%s, decided to report: children's services", (_w, concern) => {
    expect(triageByRules(`${concern} I want to report it to children's services.`).level).toBe("101_or_childrens_services");
  });

  it.each(DOUBTS.map((d) => [d]))("a teacher's doubt is still a referral: %s", (doubt) => {
    const text = `I'm a class teacher. One of my Year 5 pupils keeps coming in hungry and says there's no food at home. ${doubt}`;
    for (const proposed of ["101_or_childrens_services", "nspcc_advice"] as const) expect(applySafetyNets(proposed, readMessage(text)).level, `proposed ${proposed}`).toBe("101_or_childrens_services");
    expect(triageByRules(text).level).toBe("101_or_childrens_services");
  });
});
