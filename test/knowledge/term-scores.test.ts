import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { miniSearchOptions, type SearchDoc } from "../../knowledge/search.js";
import { stem } from "../../knowledge/text.js";
import { addTermScores, type TermQuery } from "../../knowledge/term-scores.js";

/** A real index: the paragraphs of two corpus documents, with a heading field, as the knowledge base indexes text. */
function corpusMini(options = miniSearchOptions()): MiniSearch<SearchDoc> {
  const paragraphs = ["cascade-wales-multi-agency-meetings.txt", "multi-agency-meetings-good-practice-guide-2017.txt"]
    .flatMap((f) => readFileSync(fromRoot("knowledge", "corpus", f), "utf8").split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter(Boolean);
  const mini = new MiniSearch<SearchDoc>(options);
  mini.addAll(paragraphs.map((text, id) => ({ id, text, heading: text.split("\n")[0]!.slice(0, 60) })));
  return mini;
}

/** What the lexical evidence did before: MiniSearch's own search, each result added at its weight. */
function bySearch(mini: MiniSearch<SearchDoc>, query: string, q: TermQuery, weight: number, out: Float32Array): void {
  for (const r of mini.search(query, { boost: q.boost, combineWith: "OR", processTerm: q.processTerm, boostTerm: q.boostTerm })) out[r.id as number]! += weight * r.score;
}

const QUERIES = [
  "When must the strategy discussion be held after a referral?",
  "Who attends a strategy meeting? Who chairs the strategy meeting, and who records the meeting?",
  "meeting meeting meeting agency",
  "the of and",
  "",
  "Child protection conference within 15 working days of the strategy discussion: what happens next?",
  "xyzzy unknownword",
];

const STOP = new Set(["the", "of", "and", "a", "to", "what", "who"]);
const query: TermQuery = {
  boost: { text: 1, heading: 2 },
  processTerm: (t) => (STOP.has(t) ? null : stem(t)),
  // A story word counts less, as in lexicalEvidence.
  boostTerm: (t) => (t === stem("meeting") ? 0.3 : 1),
};

describe("BM25 scores worked out term by term (addTermScores)", () => {
  it("gives every document the score MiniSearch's search gives it, to the bit, asked twice (the second time from remembered terms) and added at two weights", () => {
    const mini = corpusMini();
    for (let round = 0; round < 2; round++) {
      for (const text of QUERIES) {
        const want = new Float32Array(mini.documentCount);
        const got = new Float32Array(mini.documentCount);
        bySearch(mini, text, query, 1, want);
        addTermScores(mini, text, query, 1, got);
        expect(Array.from(got)).toEqual(Array.from(want));
        expect(want.some((x) => x > 0)).toBe(text !== "" && text !== "the of and" && !text.startsWith("xyzzy"));
        bySearch(mini, "agency referral", query, 0.1, want);
        addTermScores(mini, "agency referral", query, 0.1, got);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });

  it("a term's remembered scores are kept apart by field boost and term boost", () => {
    const mini = corpusMini();
    const other: TermQuery = { ...query, boost: { text: 1, heading: 1 }, boostTerm: () => 2 };
    for (const q of [query, other, query]) {
      const want = new Float32Array(mini.documentCount);
      const got = new Float32Array(mini.documentCount);
      bySearch(mini, QUERIES[1]!, q, 1, want);
      addTermScores(mini, QUERIES[1]!, q, 1, got);
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it("an index searched by prefix is left to MiniSearch, with the same scores", () => {
    const mini = corpusMini({ ...miniSearchOptions(), searchOptions: { prefix: true } });
    const want = new Float32Array(mini.documentCount);
    const got = new Float32Array(mini.documentCount);
    bySearch(mini, "strat meet", query, 1, want);
    addTermScores(mini, "strat meet", query, 1, got);
    expect(Array.from(got)).toEqual(Array.from(want));
    expect(want.some((x) => x > 0)).toBe(true);
  });
});
