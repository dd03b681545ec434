import { beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";

/**
 * Three readings of when a danger happened, walked as classes (round fifteen):
 * - a telling passed on ("she told me he choked her"): the past of a harm done in an encounter with a person, inside a report,
 *   happened before the telling (cues.json reported_past); the report's own now, tonight, a telling just made, the danger going on,
 *   and harm that lasts inside the body keep it live;
 * - an adverb between a subject and its verb ("she nearly passed out") leaves the verb its tense, so an ending can speak for it;
 * - a sentence of its own that dates the one before ("That was three weeks ago.", cues.json dating_sentence).
 */
const live = (text: string) => readMessage(text).hits.some((h) => h.live);
const found = (text: string) => readMessage(text).hits.length > 0;

// The risk model compiles once, on first use: not inside one case's time.
beforeAll(() => {
  readMessage("warm up");
}, 180_000);

/** Past tellings of the three kinds whose past in a report is an event: strangulation, a break-in, a weapon. */
const PAST_DANGERS = ["her stepdad choked her", "someone kicked the back door in", "her dad held a knife to her"];
/** Finite reporting verbs, as adults pass a telling on. */
const REPORTS = ["she told me", "she told me that", "a pupil told staff", "she says", "she said", "she disclosed that", "the student disclosed to me that", "she mentioned that", "her mum has told me", "he admitted that", "she alleged that"];

describe("a telling passed on dates the harm before the telling", () => {
  for (const danger of PAST_DANGERS) {
    it(`'${danger}' is live told plainly (a lasting harm's past) and past inside every report`, () => {
      expect(live(`${danger}.`)).toBe(true);
      for (const report of REPORTS) {
        const text = `${report} ${danger}.`;
        expect(found(text), text).toBe(true);
        expect(live(text), text).toBe(false);
      }
    });

    it(`'${danger}' in a report stays live when the report says now, tonight, just, or that it goes on`, () => {
      for (const text of [
        `she told me ${danger} tonight`,
        `she told me ${danger} just now`,
        `she has just told me ${danger}`,
        `she told me ${danger} and he is still in the house`,
        `she is telling me ${danger}`,
        `she rang me saying ${danger}`,
      ]) expect(live(text), text).toBe(true);
    });
  }

  it("a report whose danger goes on in a clause of its own subject is live ('someone broke in and is downstairs')", () => {
    expect(live("mum said someone broke in and is downstairs")).toBe(true);
  });

  it("harm that lasts inside the body, a child taken or away, stays live inside a report", () => {
    for (const text of ["she told me she took 30 paracetamol", "he said a man took his little sister", "she told me her son went missing with an older man"]) {
      expect(found(text), text).toBe(true);
      expect(live(text), text).toBe(true);
    }
  });

  it("an order or a scolding is not a report, and an act joined on by 'and' may be the reporter's own", () => {
    for (const text of ["my stepdad told me to shut up and choked me", "he told me off then choked me", "he said sorry and choked me"]) expect(live(text), text).toBe(true);
  });
});

describe("an adverb between a subject and its verb leaves the verb its tense", () => {
  it("'until she nearly passed out' is past, so an ending in the next sentence ends it", () => {
    const text = "Her partner grabbed her by the throat until she nearly passed out. She was checked over at hospital and he has been arrested.";
    expect(found(text)).toBe(true);
    expect(live(text)).toBe(false);
  });

  it("the same danger with no ending, or going on, is live", () => {
    expect(live("Her partner grabbed her by the throat until she nearly passed out.")).toBe(true);
    expect(live("he suddenly grabbed her by the throat and he is still here")).toBe(true);
    expect(live("he just hit her")).toBe(true);
  });
});

describe("a sentence of its own that dates the one before", () => {
  for (const dating of ["That was three weeks ago.", "It happened last year.", "was a month ago and they have split up.", "This was back in March."]) {
    it(`'${dating}' dates a lasting harm told just before it`, () => {
      for (const danger of ["Someone kicked the back door in while the kids were inside.", "He grabbed her by the throat."]) {
        const text = `${danger} ${dating}`;
        expect(found(text), text).toBe(true);
        expect(live(text), text).toBe(false);
        expect(live(danger), danger).toBe(true);
      }
    });
  }

  it("a dating sentence that says just now keeps it live, and one two sentences on dates nothing", () => {
    expect(live("Someone kicked the back door in. It was ten minutes ago.")).toBe(true);
    expect(live("Someone kicked the back door in. I am scared. That was the worst day of my life.")).toBe(true);
  });
});
