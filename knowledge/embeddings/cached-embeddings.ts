import type { Embeddings } from "./embeddings.js";

/**
 * A call of more texts than this (never one of the bot's: the sentence net sends at most 80
 * sentences and the question) passes straight through, uncached.
 */
const MAX_CACHED_CALL = 100;

/**
 * Recently embedded texts, remembered (least recently used goes first): the same question
 * is often asked again, one message's text is embedded by more than one reader (the
 * assistant's question vector, triage), and the sentence net's sentences recur, within a
 * message (a question the reader also splits out as a sentence: the same text twice in one
 * call) and across messages (a greeting, a sign-off, "I'm the DSL"). Each text of a call is
 * looked up, and only those not remembered go to the model, once each. A vector is the
 * model's for its text alone, whatever else shares its call (BatchingEmbeddings already
 * mixes callers' texts). A call of more than MAX_CACHED_CALL texts passes straight through.
 * 512 floats a vector: the default 2,000 entries hold about 4 MB.
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
    if (texts.length > MAX_CACHED_CALL) return this.inner.embed(texts);
    const found = new Map<string, Float32Array>();
    const todo: string[] = [];
    for (const text of texts) {
      if (found.has(text) || todo.includes(text)) continue;
      const hit = this.entries.get(text);
      if (hit) {
        // Most recently used goes last.
        this.entries.delete(text);
        this.entries.set(text, hit);
        found.set(text, hit);
      } else todo.push(text);
    }
    if (todo.length) {
      const vectors = await this.inner.embed(todo);
      todo.forEach((text, i) => {
        const vector = vectors[i];
        if (!vector) return;
        found.set(text, vector);
        this.entries.delete(text);
        this.entries.set(text, vector);
      });
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return texts.flatMap((text) => {
      const vector = found.get(text);
      return vector ? [vector] : [];
    });
  }
}
