import type { HybridIndex, RawScores } from "../../knowledge/search.js";
import type { Chunk } from "../../knowledge/types.js";

/** A chunk of one sentence, England, statutory rank, unless `over` says otherwise. */
export function chunk(id: number, text: string, over: Partial<Chunk> = {}): Chunk {
  return {
    id,
    docId: "wt",
    file: "wt.txt",
    title: "Working Together",
    section: ["Some section"],
    paragraph: null,
    jurisdiction: "england",
    rank: 3,
    kind: "text",
    text,
    units: [{ text, kind: "sentence" }],
    leadIn: null,
    ...over,
  };
}

/** A tiny index of the given chunks, one ref per unit: only what fusion and selection read. */
export function tinyIndex(chunks: Chunk[]): HybridIndex {
  const refs = chunks.flatMap((c) => c.units.map((_, u) => ({ chunk: c.id, unit: u, heading: c.id })));
  return { chunks, refs, unitVectors: [], headingVectors: [] } as unknown as HybridIndex;
}

/** Raw scores where every unit matches the question equally well. */
export const equal = (n: number): RawScores => ({ lexical: new Float32Array(n).fill(0.8), dense: new Float32Array(n).fill(0.5) });
