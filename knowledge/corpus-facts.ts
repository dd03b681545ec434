import { chunkFrequencies } from "./coverage.js";
import { loadQuestionTerms } from "./expand.js";
import { stems, words } from "./text.js";
import type { Chunk } from "./types.js";

const factsCache = new WeakMap<readonly Chunk[], { freq: ReturnType<typeof chunkFrequencies>; chunkStems: Set<string>[]; vocabulary: Set<string> }>();

/** What the coverage test and the question reading need to know of the corpus, computed once per set of chunks. */
export function corpusFacts(chunks: readonly Chunk[]) {
  let f = factsCache.get(chunks);
  if (!f) {
    const terms = loadQuestionTerms();
    f = {
      freq: chunkFrequencies(chunks),
      chunkStems: chunks.map((c) => new Set(stems(`${c.text} ${c.section.join(" ")}`))),
      // Words a question can use that are not a case's names: the corpus's own, and the field's shorthand and place cues.
      vocabulary: new Set([
        ...chunks.flatMap((c) => words(`${c.text} ${c.section.join(" ")}`)),
        ...terms.stopwords,
        ...Object.keys(terms.expansions).flatMap(words),
        ...terms.walesCues.flatMap(words),
        ...terms.englandCues.flatMap(words),
        ...terms.otherJurisdictionCues.flatMap(words),
      ]),
    };
    factsCache.set(chunks, f);
  }
  return f;
}

