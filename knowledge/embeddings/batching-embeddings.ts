import type { Embeddings } from "./embeddings.js";

/** Texts per model call when batching: past four, padding eats what batching saves, and the model's memory grows (measured on USE-lite). */
const MAX_BATCH = 4;

interface Waiting {
  texts: readonly string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (e: unknown) => void;
}

/**
 * Embeds the texts of calls made at about the same moment in one model call. The
 * model's fixed cost per call (graph set-up in tfjs) is most of the cost of one short
 * text, so under load two to four questions batched cost little more than one. Calls
 * wait at most one turn of the event loop; alone, a call runs alone.
 *
 * A call of more than four texts (triage's sentence net reads up to 80 sentences of a long
 * paste) is sent four texts at a time, each piece after the one before has come back: one
 * model call of 64 sentences held the model thread for about a second, and every other
 * turn's question waited behind it. Now another turn's call waits at most for one piece.
 * Pieces of four also keep the model's WebAssembly heap, which grows to fit its largest
 * batch and never shrinks, at the size ordinary turns need. Building the index does not
 * come through here (createBulkEmbeddings).
 */
export class BatchingEmbeddings implements Embeddings {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly inner: Embeddings) {}

  get id(): string {
    return this.inner.id;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length <= MAX_BATCH) return this.enqueue(texts);
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += MAX_BATCH) out.push(...(await this.enqueue(texts.slice(i, i + MAX_BATCH))));
    return out;
  }

  private enqueue(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === MAX_BATCH) return this.inner.embed(texts);
    return new Promise((resolve, reject) => {
      this.waiting.push({ texts, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the messages already waiting in this thread have had their turn to join.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.waiting.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (this.waiting.length > 0 && size + this.waiting[0]!.texts.length <= MAX_BATCH) {
        const w = this.waiting.shift()!;
        batch.push(w);
        size += w.texts.length;
      }
      void this.run(batch);
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const vectors = await this.inner.embed(batch.flatMap((w) => w.texts));
      let at = 0;
      for (const w of batch) {
        w.resolve(vectors.slice(at, at + w.texts.length));
        at += w.texts.length;
      }
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
