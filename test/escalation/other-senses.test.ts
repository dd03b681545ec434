import { beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/*
 * A danger word in another sense (cues.json other_senses): an idiom ("get in trouble"), a service or clinic named by a compound
 * ("sexual health clinic", "fire and rescue service"), fitness ("medically fit"), an adjective of degree ("faint red marks") and
 * "someone" as the one the writer wants to tell. Walked from English idiom and the names of NHS and fire and rescue services by
 * branch triage22 (round seventeen), not copied from any message; beside each, the same words in their danger sense stay 999.
 */

// The risk model compiles once, on first use: not inside one case's time.
beforeAll(() => {
  readMessage("warm up");
}, 180_000);

describe("a danger word in another sense (cues.json other_senses)", () => {
  it.each([
    ["intruder_break_in", "I'm 13. I don't want my mum to get in trouble."],
    ["intruder_break_in", "I'm scared I'll get into trouble if anyone finds out. I'm 12."],
    ["intruder_break_in", "I just need to tell someone. I'm 14."],
    ["intruder_break_in", "I just want someone to talk to who isn't my family."],
    ["sexual_assault_now", "Nurse at a sexual health clinic. A 15-year-old attended today for contraception."],
    ["dangerous_place", "Fire and rescue service here. We did a home fire safety visit today to a family with a 3-year-old."],
    ["medical_emergency", "He is medically fit for discharge and going home with his mum this afternoon."],
    ["medical_emergency", "I noticed faint red marks on the back of his hand in PE."],
  ])("%s is not read in: %s", (kind, text) => {
    expect(readMessage(text).hits.some((h) => h.kind === kind)).toBe(false);
  });

  it.each([
    "Someone is trying to get in through the back window right now.",
    "Our house is on fire and the kids are upstairs.",
    "She has collapsed and is not breathing.",
    "Someone is in the house right now, I need someone to help.",
  ])("the same words in their danger sense stay 999: %s", (text) => {
    expect(triageByRules(text).level).toBe("999");
  });
});
