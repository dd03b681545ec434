import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { AppError } from "../../core/errors.js";
import { normalise, type Embeddings } from "./embeddings.js";

/** Files a local transformers.js feature-extraction model folder must hold. */
const REQUIRED_FILES = ["config.json", "tokenizer.json"] as const;
/** Either weight file will do; the quantised one is what `npm run fetch-model` downloads. */
const WEIGHT_FILES = ["onnx/model_quantized.onnx", "onnx/model.onnx"] as const;
/** Texts per forward pass: the pipeline pads a batch to its longest text. */
const BATCH = 16;

/** The part of a transformers.js pipeline output we read. */
interface Tensor {
  readonly data: ArrayLike<number>;
  readonly dims: readonly number[];
}
type Extractor = (texts: string[], options: { pooling: "mean"; normalize: boolean }) => Promise<Tensor>;

function missingModel(modelDir: string, what: string): AppError {
  return new AppError(
    "config",
    `The embeddings model set by TRANSFORMERS_MODEL_DIR cannot be used: folder '${modelDir}' ${what}. ` +
      "Run `npm run fetch-model` on a machine that can reach the model hub and copy the folder here, " +
      "or set EMBEDDINGS_PROVIDER=use to use the built-in model.",
  );
}

/**
 * Check a model folder before anything heavy is imported, so a wrong path fails
 * fast with a message an operator can act on. Returns the absolute folder path.
 */
export function checkModelDir(modelDir: string): string {
  if (modelDir.trim() === "") throw missingModel("(empty)", "was not given (not found)");
  const dir = resolve(modelDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw missingModel(dir, "was not found");
  const missing: string[] = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f)));
  if (!WEIGHT_FILES.some((f) => existsSync(join(dir, f)))) missing.push(WEIGHT_FILES.join(" or "));
  if (missing.length > 0) throw missingModel(dir, `is missing model files (not found: ${missing.join(", ")})`);
  return dir;
}

function hiddenSize(dir: string): number | undefined {
  try {
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as { hidden_size?: unknown; dim?: unknown };
    const n = config.hidden_size ?? config.dim;
    return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined;
  } catch (e) {
    throw new AppError("config", `The model config in '${dir}' is not valid JSON.`, { cause: e });
  }
}

/**
 * Sentence embeddings from a local transformers.js model folder (for example
 * all-MiniLM-L6-v2), fully offline: remote downloads are switched off.
 */
export class TransformersEmbeddings implements Embeddings {
  private constructor(
    readonly id: string,
    readonly dimensions: number,
    private readonly extractor: Extractor,
  ) {}

  /**
   * Load the model in `modelDir`. Throws AppError("config") naming the folder when
   * it or its model files are missing; @xenova/transformers is only imported after that check.
   */
  static async load(modelDir: string): Promise<TransformersEmbeddings> {
    const dir = checkModelDir(modelDir);
    const declared = hiddenSize(dir);
    const { env, pipeline } = await import("@xenova/transformers");
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    // transformers.js resolves a model id against localModelPath, so we point it at
    // the parent folder and load the model by its folder name.
    env.localModelPath = dirname(dir) + "/";
    const quantized = existsSync(join(dir, "onnx/model_quantized.onnx"));
    let extractor: Extractor;
    try {
      extractor = (await pipeline("feature-extraction", basename(dir), { quantized })) as unknown as Extractor;
    } catch (e) {
      throw new AppError("config", `The embeddings model in '${dir}' could not be loaded.`, { cause: e });
    }
    let dimensions = declared;
    if (dimensions === undefined) {
      const probe = await extractor(["probe"], { pooling: "mean", normalize: true });
      dimensions = probe.dims[probe.dims.length - 1] ?? probe.data.length;
    }
    return new TransformersEmbeddings(`transformers:${basename(dir)}`, dimensions, extractor);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => (t.trim() === "" ? "." : t));
      const tensor = await this.extractor(batch, { pooling: "mean", normalize: true });
      const width = tensor.dims[tensor.dims.length - 1] ?? this.dimensions;
      const data = tensor.data instanceof Float32Array ? tensor.data : Float32Array.from(tensor.data);
      for (let r = 0; r < batch.length; r++) {
        // The pipeline already normalises; normalising again guards against a model
        // config that ignores the option, and keeps the interface's promise.
        out.push(normalise(data.slice(r * width, (r + 1) * width)));
      }
    }
    return out;
  }
}
