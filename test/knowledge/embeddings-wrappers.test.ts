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

  it("a call alone runs alone, and a large call goes to the model four texts at a time, in order", async () => {
    const model = new Recording();
    const batching = new BatchingEmbeddings(model);
    await batching.embed(["one"]);
    const texts = Array.from({ length: 10 }, (_, i) => `text number ${i}`);
    const vectors = await batching.embed(texts);
    expect(model.calls).toEqual([1, 4, 4, 2]);
    const direct = await new FakeEmbeddings().embed(texts);
    vectors.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(direct[i]!)));
  });

  it("a question asked while a long paste is being embedded is not held behind all of the paste", async () => {
    // One model thread: calls run one after another, in the order they were made, each text taking a moment.
    const order: string[] = [];
    let free: Promise<unknown> = Promise.resolve();
    const slow: Embeddings = {
      id: "slow",
      dimensions: 4,
      embed: (texts) => {
        const done = free.then(async () => {
          await new Promise((r) => setTimeout(r, texts.length));
          order.push(...texts);
          return texts.map(() => new Float32Array(4));
        });
        free = done;
        return done;
      },
    };
    const batching = new BatchingEmbeddings(slow);
    const paste = batching.embed(Array.from({ length: 40 }, (_, i) => `sentence ${i}`));
    await new Promise((r) => setTimeout(r, 1));
    await batching.embed(["who chairs an ICPC?"]);
    const asked = order.indexOf("who chairs an ICPC?");
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(asked).toBeLessThan(12);
    expect(await paste).toHaveLength(40);
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
    expect(model.calls).toEqual([1, 2]);
  });

  it("a text repeated within a call, or remembered from an earlier one, goes to the model once, and each place gets its text's vector", async () => {
    const model = new Recording();
    const cached = new CachedEmbeddings(model);
    const question = "do we still need a strategy discussion?";
    const first = await cached.embed([question, "My manager is off today.", question]);
    expect(model.calls).toEqual([2]);
    expect(first[2]).toBe(first[0]);
    const second = await cached.embed(["who has to be at a strategy discussion?", "My manager is off today."]);
    expect(model.calls).toEqual([2, 1]);
    expect(second[1]).toBe(first[1]);
    const direct = await new FakeEmbeddings().embed([question, "My manager is off today.", "who has to be at a strategy discussion?"]);
    expect([first[0], first[1], second[0]].map((v) => Array.from(v!))).toEqual(direct.map((v) => Array.from(v)));
  });

  it("only the most recent texts are kept", async () => {
    const model = new Recording();
    const cached = new CachedEmbeddings(model, 2);
    for (const t of ["a", "b", "c", "a"]) await cached.embed([t]);
    expect(model.calls).toEqual([1, 1, 1, 1]);
  });
});
