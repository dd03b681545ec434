/**
 * One interface for every sentence-embedding provider, so retrieval and triage do
 * not care which model runs. Vectors are L2-normalised: cosine similarity is a dot product.
 */
export interface Embeddings {
  /** Stable id of the model; an index built with one model is refused by another. */
  readonly id: string;
  readonly dimensions: number;
  /** Embed texts in order. Callers keep texts short (a sentence or heading). */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** The bundled model's identity (use-embeddings.ts), known without loading it. */
export const USE_LITE = { id: "use-lite-512", dimensions: 512 } as const;

/** Dot product of two L2-normalised vectors (their cosine similarity). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** Scale a vector to unit length in place and return it. */
export function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}
