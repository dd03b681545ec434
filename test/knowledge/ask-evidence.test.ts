import { describe, expect, it } from "vitest";
import { readAskEvidence } from "../../knowledge/ask-evidence.js";
import type { QuestionReading } from "../../knowledge/reading.js";
import { stems } from "../../knowledge/text.js";

/** A term finder over a few procedure names that counts how often it is asked. */
function finder(names: string[]) {
  const counted = { calls: 0 };
  return Object.assign(counted, {
    find(text: string) {
      counted.calls++;
      const s = stems(text).join(" ");
      return names.filter((n) => s.includes(stems(n).join(" "))).map((n) => ({ stems: stems(n).join(" "), text: n }));
    },
  });
}

const reading = (core: string, text = core, context = ""): QuestionReading => ({ text, core, ask: core, context, terms: [] });

describe("what the coverage features read of the ask, once per message", () => {
  it("the procedures the ask names, how many, and the form of answer it asks for", () => {
    const lexicon = finder(["core group", "strategy discussion"]);
    const e = readAskEvidence(reading("how soon must the core group meet after the strategy discussion?"), lexicon);
    expect(e.terms).toEqual([stems("core group"), stems("strategy discussion")]);
    expect(e.named).toBe(2);
    expect(e.form).toBe("time");
  });

  it("an ask that names no procedure is judged on the story's, but counts as naming none", () => {
    const lexicon = finder(["core group"]);
    const e = readAskEvidence(reading("what do we do next?", "The core group has not met. What do we do next?", "The core group has not met."), lexicon);
    expect(e.terms).toEqual([stems("core group")]);
    expect(e.named).toBe(0);
  });

  it("reads the lexicon at most twice, whatever the rankings judged later", () => {
    const lexicon = finder(["core group"]);
    readAskEvidence(reading("who chairs it?", "The core group. Who chairs it?", "The core group."), lexicon);
    expect(lexicon.calls).toBeLessThanOrEqual(2);
  });
});
