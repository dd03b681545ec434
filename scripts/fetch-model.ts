/**
 * Download a transformers.js sentence-embedding model from the Hugging Face hub
 * into a local folder, for EMBEDDINGS_PROVIDER=transformers. Run it on a machine
 * that can reach the hub, then copy the folder to the server (which stays offline).
 *
 *   npx tsx scripts/fetch-model.ts [model-id] [target-dir]
 *   defaults: Xenova/all-MiniLM-L6-v2  models/all-MiniLM-L6-v2
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fromRoot } from "../core/paths.js";

/** The files TransformersEmbeddings needs, relative to the model folder. */
export const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"] as const;
export const DEFAULT_MODEL = "Xenova/all-MiniLM-L6-v2";
const HUB = "https://huggingface.co";

/** URL of one file of a hub model at its main revision. */
export function hubUrl(modelId: string, file: string): string {
  if (!/^[\w.-]+\/[\w.-]+$/.test(modelId)) throw new Error(`Not a hub model id (owner/name): ${modelId}`);
  return `${HUB}/${modelId}/resolve/main/${file}`;
}

/** Download every model file into `targetDir`; each file is written whole or not at all. */
export async function fetchModel(modelId: string, targetDir: string, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const written: string[] = [];
  for (const file of MODEL_FILES) {
    const url = hubUrl(modelId, file);
    const res = await fetchImpl(url);
    if (!res.ok) throw new Error(`Download failed (${res.status} ${res.statusText}): ${url}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const dest = join(targetDir, file);
    await mkdir(dirname(dest), { recursive: true });
    // Write to a temporary name first so an interrupted download never leaves a
    // truncated file that the loader would accept.
    await writeFile(`${dest}.part`, bytes);
    await rename(`${dest}.part`, dest);
    written.push(dest);
  }
  return written;
}

async function main(argv: string[]): Promise<void> {
  const modelId = argv[0] ?? DEFAULT_MODEL;
  const name = modelId.split("/").pop() ?? "model";
  const target = argv[1] ? resolve(argv[1]) : fromRoot("models", name);
  const files = await fetchModel(modelId, target);
  process.stdout.write(`Downloaded ${files.length} files to ${target}\nSet EMBEDDINGS_PROVIDER=transformers and TRANSFORMERS_MODEL_DIR=${target}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && /fetch-model\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
