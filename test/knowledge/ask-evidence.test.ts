import { describe, expect, it } from "vitest";
import { askSubject, readAskEvidence, subjectCoverage } from "../../knowledge/ask-evidence.js";
import { expandQuestion } from "../../knowledge/expand.js";
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

describe("what the ask asks about its procedure, the procedure's name left out", () => {
  const freq = { df: new Map(stems("designated officer allegation told within one working day band").map((s) => [s, 40] as [string, number])), n: 1000 };
  const concepts = (q: string) => expandQuestion(q).concepts;

  it("a question about a LADO's pay asks about a salary band, which no passage holds", () => {
    const lexicon = finder(["LADO"]);
    const e = readAskEvidence(reading("what salary band is a LADO usually on?"), lexicon, concepts("what salary band is a LADO usually on?"), freq);
    expect(e.subject.map((c) => c.word)).toContain("salary");
    expect(e.subject.map((c) => c.word)).not.toContain("lado");
    expect(e.known).toBeLessThan(0.5);
  });

  it("a question the corpus words answers keeps what it asks in the corpus", () => {
    const lexicon = finder(["LADO"]);
    const e = readAskEvidence(reading("must the LADO be told of an allegation within one working day?"), lexicon, concepts("must the LADO be told of an allegation within one working day?"), freq);
    expect(e.known).toBe(1);
  });

  it("an ask that names only its procedure has nothing else to find: its subject is wholly held", () => {
    const lexicon = finder(["LADO"]);
    const e = readAskEvidence(reading("what is a LADO?"), lexicon, concepts("what is a LADO?"), freq);
    expect(e.subject).toEqual([]);
    expect(e.known).toBe(1);
    expect(subjectCoverage(e.subject, new Set(), freq)).toBe(1);
  });

  it("a passage holds the subject in proportion to how rare the words it holds are", () => {
    const subject = askSubject(concepts("salary band"), []);
    expect(subjectCoverage(subject, new Set(stems("band")), freq)).toBeGreaterThan(0);
    expect(subjectCoverage(subject, new Set(stems("band")), freq)).toBeLessThan(0.5);
    expect(subjectCoverage(subject, new Set(stems("salary band")), freq)).toBe(1);
  });
});
