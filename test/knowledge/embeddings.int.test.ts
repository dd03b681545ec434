import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosine } from "../../knowledge/embeddings/embeddings.js";
import { parseConfig } from "../../core/config.js";
import { createBulkEmbeddings } from "../../knowledge/embeddings/index.js";
import type { Embeddings } from "../../knowledge/embeddings/embeddings.js";
import { UseEmbeddings } from "../../knowledge/embeddings/use-embeddings.js";
import { loadShippedVectors } from "../../knowledge/shipped-vectors.js";
import { encoderText, textHash } from "../../knowledge/store.js";

let single: UseEmbeddings;
let parallel: Embeddings;
let close: () => Promise<void>;

beforeAll(async () => {
  single = await UseEmbeddings.load();
  ({ embeddings: parallel, close } = await createBulkEmbeddings(parseConfig({})));
}, 60_000);
afterAll(() => close());

const texts = Array.from({ length: 120 }, (_, i) => `Question ${i}: who has to attend a strategy discussion about child ${i}?`);

describe("embedding on worker threads", () => {
  it("gives the same vectors as the model on the main thread, in the order of the texts", async () => {
    const a = await single.embed(texts);
    const b = await parallel.embed(texts);
    expect(b).toHaveLength(texts.length);
    for (let i = 0; i < texts.length; i += 17) expect(cosine(a[i]!, b[i]!)).toBeGreaterThan(0.9999);
  }, 60_000);
});

describe("the shipped 8-bit vectors", () => {
  it("are within rounding of the model's own vectors", async () => {
    const shipped = loadShippedVectors(single.id, single.dimensions);
    const q = encoderText("Who must be involved in a strategy discussion as a minimum?");
    const [fresh] = await single.embed([q]);
    const kept = shipped.get(textHash(q));
    if (kept) expect(cosine(fresh!, kept)).toBeGreaterThan(0.999);
    const any = [...shipped.values()][0]!;
    let norm = 0;
    for (const x of any) norm += x * x;
    expect(Math.sqrt(norm)).toBeCloseTo(1, 2);
  }, 60_000);
});
