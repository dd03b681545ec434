import { describe, expect, it } from "vitest";
import { BatchingEmbeddings } from "../../knowledge/embeddings/batching-embeddings.js";
import { CachedEmbeddings } from "../../knowledge/embeddings/cached-embeddings.js";
import type { Embeddings } from "../../knowledge/embeddings/embeddings.js";
import { FakeEmbeddings } from "./fake-embeddings.js";

/** Counts the model calls and their sizes. */
class Recording implements Embeddings {
  readonly calls: number[] = [];
  private readonly inner = new FakeEmbeddings();
  readonly id = this.inner.id;
  readonly dimensions = this.inner.dimensions;
  embed(texts: readonly string[]) {
    this.calls.push(texts.length);
    return this.inner.embed(texts);
  }
}

describe("batching model calls", () => {
  it("texts asked for at the same moment share one model call, and each caller gets its own vectors", async () => {
    const model = new Recording();
    const batching = new BatchingEmbeddings(model);
    const texts = ["who chairs an ICPC?", "what is a core group?", "when is the RCPC due?"];
    const results = await Promise.all(texts.map((t) => batching.embed([t])));
    expect(model.calls).toEqual([3]);
    const direct = await new FakeEmbeddings().embed(texts);
    results.forEach((r, i) => expect(Array.from(r[0]!)).toEqual(Array.from(direct[i]!)));
  });

  it("a call alone runs alone, and a large call goes straight through", async () => {
    const model = new Recording();
    const batching = new BatchingEmbeddings(model);
    await batching.embed(["one"]);
    await batching.embed(Array.from({ length: 50 }, (_, i) => `text ${i}`));
    expect(model.calls).toEqual([1, 50]);
  });

  it("with one model call allowed at a time, texts that arrive while it runs go together in the next call", async () => {
    const model = new Recording();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The first model call holds until released; later ones answer at once.
    const slow: Embeddings = {
      id: model.id,
      dimensions: model.dimensions,
      embed: async (texts) => {
        const first = model.calls.length === 0;
        const vectors = model.embed(texts);
        if (first) await gate;
        return vectors;
      },
    };
    const batching = new BatchingEmbeddings(slow, 1);
    const first = batching.embed(["who chairs an ICPC?"]);
    await new Promise((r) => setImmediate(r));
    // The model is busy with the first text: these three wait for it, then share one call.
    const later = ["what is a core group?", "when is the RCPC due?", "who attends a strategy discussion?"].map((t) => batching.embed([t]));
    await new Promise((r) => setImmediate(r));
    expect(model.calls).toEqual([1]);
    release();
    const results = await Promise.all([first, ...later]);
    expect(model.calls).toEqual([1, 3]);
    const direct = await new FakeEmbeddings().embed(["what is a core group?"]);
    expect(Array.from(results[1]![0]!)).toEqual(Array.from(direct[0]!));
  });

  it("no model call holds more than four texts", async () => {
    const model = new Recording();
    const batching = new BatchingEmbeddings(model);
    await Promise.all(Array.from({ length: 20 }, (_, i) => batching.embed([`question ${i}`])));
    expect(Math.max(...model.calls)).toBeLessThanOrEqual(4);
    expect(model.calls.reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe("remembering vectors", () => {
  it("a text embedded again is not sent to the model again; batches are never cached", async () => {
    const model = new Recording();
    const cached = new CachedEmbeddings(model);
    const [a] = await cached.embed(["what is a strategy discussion?"]);
    const [b] = await cached.embed(["what is a strategy discussion?"]);
    expect(b).toBe(a);
    await cached.embed(["x", "y"]);
    await cached.embed(["x", "y"]);
    expect(model.calls).toEqual([1, 2, 2]);
  });

  it("only the most recent texts are kept", async () => {
    const model = new Recording();
    const cached = new CachedEmbeddings(model, 2);
    for (const t of ["a", "b", "c", "a"]) await cached.embed([t]);
    expect(model.calls).toEqual([1, 1, 1, 1]);
  });
});
