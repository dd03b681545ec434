import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";
import { fromRoot } from "../../core/paths.js";

/**
 * The writer's own state or place ("I'm at home now", "I am safe", "I got away": cues.json safe_now.self) is the child's
 * safety only when the child is the one writing. An adult's own safety says nothing about a child in danger elsewhere, and
 * a missed 999 is the worst failure. Walked over every phrase of the list × adult writers × live dangers of several
 * kinds, and the same phrases from a child writing about themselves, where they still end the danger.
 */
const SELF: string[] = (JSON.parse(readFileSync(fromRoot("escalation", "data", "cues.json"), "utf8")) as { safe_now: { self: string[] } }).safe_now.self
  // Phrases written to run on into the next words ("i ran away and") need a clause after them; they are read in context below.
  .filter((p) => !p.endsWith(" and"));

const ADULT_DANGERS: readonly [string, string][] = [
  ["a professional, a pupil's text", "my year 9 pupil has just texted me that her dad is hitting her and her mum right now"],
  ["an aunt, a phone call", "my niece just rang me screaming, her stepdad is punching her"],
  ["a neighbour, next door", "the man next door is smashing the place up and the kids are screaming"],
  ["a youth worker, a break-in", "one of my young people says a man is trying to get into her house and she is alone"],
];

describe("an adult's own safety is not the child's", () => {
  it("the list is there to walk", () => {
    expect(SELF.length).toBeGreaterThan(15);
  });

  for (const [who, danger] of ADULT_DANGERS) {
    it(`${who}: every 'I am …' phrase before the danger leaves it live, and the level 999`, () => {
      for (const self of SELF) {
        const text = `${self}. ${danger}`;
        const r = readMessage(text);
        expect(r.hits.some((h) => h.live), text).toBe(true);
        expect(triageByRules(text).level, text).toBe("999");
      }
    });
  }

  it("a child writing of their own danger that is over is still read as safe by the same phrases", () => {
    for (const self of ["i am safe now", "i am at my nans", "i am with my mum now", "i am back home", "i got away"]) {
      const text = `my dad hit me last night and i am scared of him. ${self}`;
      const r = readMessage(text);
      expect(r.hits.length, text).toBeGreaterThan(0);
      expect(r.hits.some((h) => h.live), text).toBe(false);
      expect(triageByRules(text).level, text).not.toBe("999");
    }
  });

  it("an adult saying the child is safe ('she is safe with me now') still ends the danger", () => {
    const text = "my niece rang me earlier, her stepdad hit her. she is safe with me now";
    expect(readMessage(text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(text).level).not.toBe("999");
  });
});
