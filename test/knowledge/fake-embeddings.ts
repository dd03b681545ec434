import { normalise, type Embeddings } from "../../knowledge/embeddings/embeddings.js";
import { stems } from "../../knowledge/text.js";

/** A deterministic bag-of-stems embedding: fast, offline, good enough to test plumbing. */
export class FakeEmbeddings implements Embeddings {
  readonly dimensions = 256;
  calls = 0;
  constructor(readonly id = "fake-bag-of-words") {}

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls += texts.length;
    return texts.map((t) => {
      const v = new Float32Array(this.dimensions);
      for (const s of stems(t)) {
        let h = 2166136261;
        for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
        v[(h >>> 0) % this.dimensions]! += 1;
      }
      return normalise(v);
    });
  }
}
