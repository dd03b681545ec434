import { describe, expect, it } from "vitest";
import { seeded } from "../../core/random.js";
import { readQuestion } from "../../knowledge/reading.js";
import { wrapAll, wrapInCase } from "../../scripts/case-wrap.js";

const known = (w: string) => ["icpc", "the", "lado", "conference"].includes(w);

describe("case-wrapped variants of bank questions", () => {
  it("the same seed gives the same variants, and every variant keeps the question's words", () => {
    const qs = ["When must the ICPC be held?", "who chairs the conference", "LADO timescale for an allegation?"];
    expect(wrapAll(qs, 4)).toEqual(wrapAll(qs, 4));
    wrapAll(qs, 4).forEach((w, i) => expect(w.toLowerCase()).toContain(qs[i]!.toLowerCase().slice(1)));
  });

  it("whatever way the story is joined to the ask, the reading finds the ask and leaves the story as context", () => {
    const rng = seeded(1);
    for (let k = 0; k < 200; k++) {
      const r = readQuestion(wrapInCase("When must the ICPC be held?", rng), known);
      expect(r.core.toLowerCase()).toMatch(/when must the icpc be held\?$/);
      expect(r.core).not.toMatch(/\b(mum|dad|nan|whose|I've|I'm)\b/);
    }
  });
});
