import { describe, expect, it } from "vitest";
import { denseEvidence, footnoteHome, fuseChunks, lexicalEvidence, mergeRankings, type FusionWeights } from "../../knowledge/search.js";
import { WHOLE_SHARE } from "../../knowledge/knowledge-base.js";
import { axis, chunk, tinyIndex } from "./tiny-index.js";

const weights: FusionWeights = { bankDense: 0.3, sentenceDense: 0.2, chunkLexical: 0.3, bankLexical: 0.1, sentenceLexical: 0.1, bankVote: 0, bankRange: [0.2, 0.9], sentenceRange: [0.2, 0.9] };
const ask = (q: string) => ({ core: q, context: "" });

describe("fusing lexical, bank and sentence evidence per passage", () => {
  const chunks = [
    chunk(0, "The core group should meet within 10 working days of the conference."),
    chunk(1, "A strategy discussion should include the police and health."),
    chunk(2, "Children's Services lead the strategy meeting in Wales.", { jurisdiction: "wales", docId: "wales" }),
  ];

  it("a passage whose words and bank questions match the question ranks first", () => {
    const index = tinyIndex(chunks, [{ chunk: 1, question: "who comes to a strat?", span: chunks[1]!.text }]);
    const ranked = fuseChunks(index, lexicalEvidence(index, ask("who comes to a strategy discussion")), null, weights);
    expect(ranked[0]!.chunk).toBe(1);
  });

  it("the bank's nearest question carries a passage the words alone miss", () => {
    const index = tinyIndex(chunks, [{ chunk: 0, question: "how soon after the ICPC", span: chunks[0]!.text }], {
      sentences: [axis(3), axis(3), axis(3)],
      bank: [axis(0)],
    });
    const lexical = lexicalEvidence(index, ask("strategy discussion first meeting after conference"));
    const dense = denseEvidence(index, axis(0));
    expect(fuseChunks(index, lexical, dense, weights)[0]!.chunk).toBe(0);
  });

  it("in the jurisdiction asked about, only its passages are ranked, and their words are judged among themselves", () => {
    const index = tinyIndex(chunks);
    const wales = fuseChunks(index, lexicalEvidence(index, ask("strategy meeting")), null, weights, { jurisdiction: "wales" });
    expect(wales.map((r) => r.chunk)).toEqual([2]);
    expect(wales[0]!.chunkLexical).toBe(1);
  });

  it("bank questions left out (cross-validation) give their passage nothing", () => {
    const index = tinyIndex(chunks, [{ chunk: 0, question: "strategy discussion", span: chunks[0]!.text }]);
    const lexical = lexicalEvidence(index, ask("strategy discussion"));
    const kept = fuseChunks(index, lexical, null, { ...weights, chunkLexical: 0, sentenceLexical: 0 });
    const leftOut = fuseChunks(index, lexical, null, { ...weights, chunkLexical: 0, sentenceLexical: 0 }, { exclude: () => true });
    expect(kept[0]!.chunk).toBe(0);
    expect(leftOut.find((r) => r.chunk === 0)).toBeUndefined();
  });

  it("committee papers the question does not name are weighed down; named, they are not", () => {
    const papers = [chunk(0, "The strategy discussion panel met monthly.", { rank: 1, docId: "minutes" }), chunk(1, "A strategy discussion is held when harm is suspected.")];
    const index = tinyIndex(papers);
    const lexical = lexicalEvidence(index, ask("strategy discussion panel met"));
    const plain = fuseChunks(index, lexical, null, weights);
    const named = fuseChunks(index, lexical, null, weights, { namedDocuments: ["minutes"] });
    expect(plain.find((r) => r.chunk === 0)!.score).toBeLessThan(named.find((r) => r.chunk === 0)!.score);
  });

  it("the case narrative counts for less than the question it wraps", () => {
    const index = tinyIndex(chunks);
    const ranked = fuseChunks(index, lexicalEvidence(index, { core: "core group conference", context: "strategy police" }), null, weights);
    expect(ranked[0]!.chunk).toBe(0);
  });
});

describe("merging the ask's ranking with the whole message's", () => {
  const scored = (chunk: number, score: number) => ({ chunk, score, bankItem: null, bankDense: 0, bankLexical: 0, sentence: null, sentenceDense: 0, chunkLexical: 0, sentenceLexical: 0 });

  it("with no share for the whole message, the ask's ranking stands", () => {
    const ask = [scored(1, 0.8), scored(2, 0.4)];
    expect(mergeRankings(ask, [scored(2, 0.9)], 0)).toBe(ask);
  });

  it("the ask leads; a passage only the story points to rises, but not past a clear answer to the ask", () => {
    const merged = mergeRankings([scored(1, 0.8), scored(2, 0.2)], [scored(3, 0.9), scored(2, 0.5)], 0.3);
    expect(merged.map((m) => m.chunk)).toEqual([1, 2, 3]);
    expect(merged[0]!.score).toBeCloseTo(0.8 * 0.7);
  });

  it("at the shipped share, an ask that barely prefers one passage yields to the passage the whole message ranks first", () => {
    // "... dad keeps cancelling - what do I need to do?": the clause that asks names nothing, the story names the procedure.
    const ask = [scored(1, 0.8), scored(2, 0.6)];
    const whole = [scored(2, 0.9), scored(1, 0.4)];
    expect(mergeRankings(ask, whole, WHOLE_SHARE)[0]!.chunk).toBe(2);
    expect(mergeRankings(ask, whole, 0.3)[0]!.chunk).toBe(1);
  });

  it("two passages close on the ask are told apart by the whole message", () => {
    const merged = mergeRankings([scored(1, 0.8), scored(2, 0.78)], [scored(2, 0.9), scored(1, 0.3)], 0.3);
    expect(merged[0]!.chunk).toBe(2);
  });
});

describe("story words in lexical matching", () => {
  it("a story's kin and telling words weigh less than the words of the ask", () => {
    const chunks = [chunk(0, "The mum and dad of the boy told the teacher about it."), chunk(1, "The designated officer is told of an allegation within one working day.")];
    const index = tinyIndex(chunks, []);
    const q = ask("mum dad boy told allegation officer");
    const light = lexicalEvidence(index, q);
    const full = lexicalEvidence(index, q, 1);
    expect(light.chunks[1]! / light.chunks[0]!).toBeGreaterThan(full.chunks[1]! / full.chunks[0]!);
    expect(light.chunks[1]!).toBeGreaterThan(light.chunks[0]!);
  });
});

describe("a footnote is read as part of the paragraph it hangs on", () => {
  const section = ["Chapter 2", "Delivering arrangements"];
  const chunks = [
    chunk(0, "The lead safeguarding partners should delegate their functions to a senior officer.", { paragraph: "57", section }),
    chunk(1, "For the police this should be an officer of at least the rank of Chief Superintendent.", { paragraph: "57", section: [...section, "Footnote 21"], kind: "footnote" }),
    chunk(2, "Relevant agencies must act in accordance with the arrangements.", { paragraph: "70", section: ["Chapter 2", "Relevant agencies"] }),
  ];

  it("each footnote's home is the passage of its paragraph and section", () => {
    expect([...footnoteHome(chunks)]).toEqual([[1, 0]]);
  });

  it("the bank's questions on a paragraph carry its footnote, and the footnote's own sentence decides between them", () => {
    // The bank walked paragraphs only: its question about the police officer's rank belongs to paragraph 57.
    const index = tinyIndex(chunks, [{ chunk: 0, question: "how senior must the police delegated safeguarding partner be", span: chunks[0]!.text }], {
      sentences: [axis(1), axis(0), axis(2)],
      bank: [axis(0)],
    });
    const q = "how senior must the police delegated safeguarding partner be";
    const ranked = fuseChunks(index, lexicalEvidence(index, ask(q)), denseEvidence(index, axis(0)), weights);
    expect(ranked[0]!.chunk).toBe(1);
    const note = ranked.find((r) => r.chunk === 1)!;
    const home = ranked.find((r) => r.chunk === 0)!;
    expect(note.bankDense).toBe(home.bankDense);
  });
});
