import type { Embeddings } from "./embeddings.js";

/**
 * Recently embedded short texts, remembered (least recently used goes first): the
 * same question is often asked again, and one message's text is embedded by more
 * than one reader (the assistant's question vector, triage). Only single-text calls
 * are cached; a batch (building an index) passes straight through. 512 floats a
 * vector: the default 2,000 entries hold about 4 MB.
 */
export class CachedEmbeddings implements Embeddings {
  private readonly entries = new Map<string, Float32Array>();

  constructor(
    private readonly inner: Embeddings,
    private readonly capacity = 2000,
  ) {}

  get id(): string {
    return this.inner.id;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length !== 1) return this.inner.embed(texts);
    const text = texts[0]!;
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return [hit];
    }
    const [vector] = await this.inner.embed(texts);
    if (vector) {
      this.entries.set(text, vector);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return vector ? [vector] : [];
  }
}
