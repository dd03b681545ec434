import { describe, expect, it } from "vitest";
import { composeCovered, composeRefusal, contextOf, LENGTH, ownBestSentence, selectLead, supportCandidates, type SentenceScores } from "../../knowledge/answer.js";
import type { DocumentMeta } from "../../knowledge/documents.js";
import type { ScoredChunk } from "../../knowledge/search.js";
import { chunk, tinyIndex } from "./tiny-index.js";

const documents = [{ id: "wt", shortTitle: "Working Together 2023" }, { id: "wales", shortTitle: "the Wales guidance" }] as DocumentMeta[];
const scored = (c: number, bankItem: number | null = null): ScoredChunk => ({ chunk: c, score: 1, bankItem, bankDense: 0, bankLexical: 0, sentence: null, sentenceDense: 0, chunkLexical: 0, sentenceLexical: 0 });
const by = (sentences: number[], bank: number[] = []): SentenceScores => ({ sentence: (r) => sentences[r] ?? -1, bankItem: (i) => bank[i] ?? -1 });

const attendees = chunk(0, [
  { text: "A local authority social worker, health practitioners and a police representative should, as a minimum, be involved.", kind: "sentence" },
  { text: "Other practitioners may include, for example:", kind: "sentence" },
  { text: "the child's school or nursery", kind: "bullet", lead: 1 },
  { text: "youth justice practitioner", kind: "bullet", lead: 1 },
  { text: "All attendees should be sufficiently senior to make decisions.", kind: "sentence" },
], { section: ["Strategy discussion", "Attendees"] });

describe("choosing what to lead with", () => {
  it("the span of the best-matching bank question leads when it matches at least as well as any one sentence", () => {
    const index = tinyIndex([attendees], [{ chunk: 0, question: "who must attend?", span: attendees.units[0]!.text }]);
    const lead = selectLead(index, scored(0, 0), by([0.2, 0.1, 0.1, 0.1, 0.5], [0.8]));
    expect(lead.lines).toEqual([attendees.units[0]!.text]);
  });

  it("the best sentence leads when no bank question matches as well", () => {
    const index = tinyIndex([attendees], [{ chunk: 0, question: "who must attend?", span: attendees.units[0]!.text }]);
    const lead = selectLead(index, scored(0, 0), by([0.2, 0.1, 0.1, 0.1, 0.9], [0.3]));
    expect(lead.lines).toEqual(["All attendees should be sufficiently senior to make decisions."]);
  });

  it("a list item comes first after its lead-in, then the rest of its list; a lead-in brings its list", () => {
    const index = tinyIndex([attendees]);
    expect(selectLead(index, scored(0), by([0, 0, 0.1, 0.9, 0])).lines).toEqual(["Other practitioners may include, for example:", "- youth justice practitioner", "- the child's school or nursery"]);
    expect(selectLead(index, scored(0), by([0, 0.9, 0, 0, 0])).lines).toEqual(["Other practitioners may include, for example:", "- the child's school or nursery", "- youth justice practitioner"]);
  });

  it("a bank question with further spans shows them as its list", () => {
    const index = tinyIndex([attendees], [{ chunk: 0, question: "who else?", span: "Other practitioners may include, for example:", also: ["the child's school or nursery"] } as never]);
    expect(selectLead(index, scored(0, 0), by([0, 0, 0, 0, 0], [0.9])).lines).toEqual(["Other practitioners may include, for example:", "- the child's school or nursery"]);
  });

  it("when a bank question chose the lead, the paragraph's sentence that best matches this question is shown too", () => {
    const index = tinyIndex([attendees], [{ chunk: 0, question: "who must attend?", span: attendees.units[0]!.text }]);
    const scores = by([0.2, 0.1, 0.1, 0.1, 0.5], [0.8]);
    const lead = selectLead(index, scored(0, 0), scores);
    expect(ownBestSentence(index, lead, 0, scores)).toBe("All attendees should be sufficiently senior to make decisions.");
  });

  it("when the best-matching sentence leads, there is no other sentence of its own to add", () => {
    const index = tinyIndex([attendees], [{ chunk: 0, question: "who must attend?", span: attendees.units[0]!.text }]);
    const scores = by([0.2, 0.1, 0.1, 0.1, 0.9], [0.3]);
    expect(ownBestSentence(index, selectLead(index, scored(0, 0), scores), 0, scores)).toBeNull();
  });

  it("supporting sentences are plain sentences not already shown, best first", () => {
    const index = tinyIndex([attendees]);
    const lead = selectLead(index, scored(0), by([0.9, 0, 0, 0, 0.85]));
    const support = supportCandidates(index, lead.lines.join(" "), [scored(0)], by([0.9, 0.5, 0.5, 0.5, 0.85]));
    expect(support.map((s) => s.text)).toEqual(["All attendees should be sufficiently senior to make decisions."]);
  });
});

describe("the sentences around a lone lead", () => {
  const review = chunk(0, [
    { text: "Rapid reviews should be submitted to the panel within 15 working days of the incident.", kind: "sentence", block: 0 },
    { text: "This is a non-statutory requirement.", kind: "sentence", block: 1 },
    { text: "A later step is set out further down.", kind: "sentence", block: 3 },
  ]);

  it("when the next line of the passage continues the lead, it is offered as context", () => {
    const lead = { chunk: review, lines: [review.units[0]!.text], quote: review.units[0]!.text };
    expect(contextOf(lead)).toEqual(["This is a non-statutory requirement."]);
  });

  it("when a line further away says something else, it is not offered", () => {
    const lead = { chunk: review, lines: [review.units[1]!.text], quote: review.units[1]!.text };
    expect(contextOf(lead)).toEqual(["Rapid reviews should be submitted to the panel within 15 working days of the incident."]);
  });
});

describe("composing the answer", () => {
  const index = tinyIndex([attendees]);

  it("leads with the span, then says which document, section and jurisdiction it comes from, and cites the whole passage", () => {
    const lead = selectLead(index, scored(0), by([0.9, 0, 0, 0, 0]));
    const a = composeCovered({ documents, selections: [lead], support: [], asked: null });
    expect(a.answer.startsWith("A local authority social worker")).toBe(true);
    expect(a.answer).toMatch(/From Working Together 2023 \(England\): Strategy discussion > Attendees\.$/);
    expect(a.jurisdiction).toBe("england");
    expect(a.covered).toBe(true);
    expect(a.citations[0]).toMatchObject({ section: "Strategy discussion > Attendees", quote: attendees.units[0]!.text, passage: attendees.text });
  });

  it("an answer is never longer than the limit", () => {
    const long = chunk(1, Array.from({ length: 40 }, (_, i) => ({ text: `Sentence ${i} says something about a strategy discussion and who should take part in it.`, kind: "sentence" as const })));
    const sel = { chunk: long, lines: long.units.map((u) => u.text), quote: long.units[0]!.text };
    expect(composeCovered({ documents, selections: [sel], support: [], asked: "england" }).answer.length).toBeLessThanOrEqual(LENGTH.max);
  });

  it("a refusal says it is not covered, where to go, and names no rule", () => {
    const r = composeRefusal({ asked: null, where: "Ask the police about the disclosure scheme." });
    expect(r.covered).toBe(false);
    expect(r.answer).toMatch(/do not cover/);
    expect(r.answer).toContain("Ask the police about the disclosure scheme.");
    expect(r.answer).toContain("0808 800 5000");
    expect(r.citations).toEqual([]);
  });

  it("a question about another UK nation is refused as outside England and Wales", () => {
    expect(composeRefusal({ asked: null, otherJurisdiction: "scotland" }).answer).toMatch(/England and Wales, not Scotland/);
  });
});
