import { buildChunkMini, buildQuestionMini, buildSentenceMini, type BankItem, type HybridIndex, type SentenceRef } from "../../knowledge/search.js";
import type { Chunk, Unit } from "../../knowledge/types.js";

/** A chunk of the given sentences, England, statutory rank, unless `over` says otherwise. */
export function chunk(id: number, text: string | Unit[], over: Partial<Chunk> = {}): Chunk {
  const units: Unit[] = typeof text === "string" ? [{ text, kind: "sentence" }] : text;
  return {
    id,
    docId: "wt",
    file: "wt.txt",
    title: "Working Together",
    section: ["Some section"],
    paragraph: null,
    jurisdiction: "england",
    rank: 3,
    kind: units.some((u) => u.kind === "bullet") ? "list" : "text",
    text: units.map((u) => (u.kind === "bullet" ? `- ${u.text}` : u.text)).join("\n"),
    units,
    ...over,
  };
}

/** A tiny index of the given chunks and bank questions, with unit vectors given per sentence, bank question and out-of-scope question. */
export function tinyIndex(
  chunks: Chunk[],
  bank: Omit<BankItem, "id" | "style" | "also">[] = [],
  vectors: { sentences?: Float32Array[]; bank?: Float32Array[]; outOfScope?: Float32Array[] } = {},
): HybridIndex {
  const sentences: SentenceRef[] = chunks.flatMap((c) => c.units.map((_, u) => ({ chunk: c.id, unit: u, heading: 0 })));
  const items: BankItem[] = bank.map((b, i) => ({ id: `b${i}`, style: "formal", also: [], ...b }));
  const zero = new Float32Array(4);
  return {
    chunks,
    sentences,
    sentenceVectors: vectors.sentences ?? sentences.map(() => zero),
    headingVectors: [zero],
    bank: items,
    bankVectors: vectors.bank ?? items.map(() => zero),
    outOfScope: (vectors.outOfScope ?? []).map((_, i) => ({ id: `o${i}`, topic: "t", question: "q", where: "elsewhere" })),
    outOfScopeVectors: vectors.outOfScope ?? [],
    chunkMini: buildChunkMini(chunks, chunks.map((c) => items.filter((b) => b.chunk === c.id).map((b) => b.question))),
    sentenceMini: buildSentenceMini(chunks, sentences),
    bankMini: buildQuestionMini(items.map((b) => b.question)),
    outOfScopeMini: buildQuestionMini([]),
  };
}

/** A unit vector along one axis: similarity 1 with itself, 0 with the others. */
export const axis = (k: number, n = 4): Float32Array => Float32Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
