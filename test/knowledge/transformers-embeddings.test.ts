import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.js";
import { checkModelDir, TransformersEmbeddings } from "../../knowledge/embeddings/transformers-embeddings.js";
import { fetchModel, hubUrl, MODEL_FILES } from "../../scripts/fetch-model.js";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "tfm-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function loadError(dir: string): Promise<AppError> {
  const err = await TransformersEmbeddings.load(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("TransformersEmbeddings.load", () => {
  it("when the model folder does not exist, fails with a config error naming the folder and the fixes", async () => {
    const missing = join(tempDir(), "no-such-model");
    const err = await loadError(missing);
    expect(err.code).toBe("config");
    expect(err.message).toContain(missing);
    expect(err.message).toContain("TRANSFORMERS_MODEL_DIR");
    expect(err.message).toContain("not found");
    expect(err.message).toContain("npm run fetch-model");
    expect(err.message).toContain("EMBEDDINGS_PROVIDER=use");
  });

  it("when the folder has a config but no onnx weights, fails with a config error naming the missing weights", async () => {
    const dir = join(tempDir(), "all-MiniLM-L6-v2");
    mkdirSync(dir);
    writeFileSync(join(dir, "config.json"), JSON.stringify({ hidden_size: 384 }));
    writeFileSync(join(dir, "tokenizer.json"), "{}");
    const err = await loadError(dir);
    expect(err.code).toBe("config");
    expect(err.message).toContain(dir);
    expect(err.message).toContain("onnx/model_quantized.onnx");
    expect(err.message).toContain("npm run fetch-model");
  });

  it("when the folder lacks the tokenizer, names tokenizer.json as missing", async () => {
    const dir = join(tempDir(), "m");
    mkdirSync(join(dir, "onnx"), { recursive: true });
    writeFileSync(join(dir, "config.json"), "{}");
    writeFileSync(join(dir, "onnx", "model.onnx"), "");
    const err = await loadError(dir);
    expect(err.message).toContain("tokenizer.json");
    expect(err.message).not.toContain("model_quantized");
  });

  it("when no folder is given, fails with a config error rather than loading anything", async () => {
    const err = await loadError("");
    expect(err.code).toBe("config");
    expect(err.message).toContain("TRANSFORMERS_MODEL_DIR");
  });
});

describe("fetch-model", () => {
  it("builds hub URLs at the main revision and refuses ids that are not owner/name", () => {
    expect(hubUrl("Xenova/all-MiniLM-L6-v2", "onnx/model_quantized.onnx")).toBe(
      "https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/main/onnx/model_quantized.onnx",
    );
    expect(() => hubUrl("../etc/passwd", "config.json")).toThrow(/owner\/name/);
  });

  it("writes every model file the loader needs into the target folder (fake hub, no network)", async () => {
    const target = join(tempDir(), "model");
    const requested: string[] = [];
    const fakeFetch = (async (url: string) => {
      requested.push(url);
      return new Response(url.endsWith(".json") ? "{}" : new Uint8Array([1, 2, 3]));
    }) as unknown as typeof fetch;
    const written = await fetchModel("Xenova/all-MiniLM-L6-v2", target, fakeFetch);
    expect(written).toEqual(MODEL_FILES.map((f) => join(target, f)));
    expect(requested).toHaveLength(MODEL_FILES.length);
    // The downloaded folder passes the loader's file check: the next failure would be the model itself.
    expect(checkModelDir(target)).toBe(target);
  });

  describe("a folder whose files are all there but are not a model", () => {
    // transformers.js (FileResponse in utils/hub.js) starts reading every file it opens
    // without a catch, and keeps reading after the pipeline has already failed. Removing
    // the folder straight after the test (afterEach) made that read fail as an unhandled
    // error, so this folder lives until the file's tests are done and its reads have settled.
    const kept = mkdtempSync(join(tmpdir(), "tfm-kept-"));
    afterAll(async () => {
      await new Promise((r) => setTimeout(r, 100));
      rmSync(kept, { recursive: true, force: true });
    });

    it("fails with a config error saying the model could not be loaded", async () => {
      const target = join(kept, "model");
      const fakeFetch = (async (url: string) => new Response(url.endsWith(".json") ? "{}" : new Uint8Array([1, 2, 3]))) as unknown as typeof fetch;
      await fetchModel("Xenova/all-MiniLM-L6-v2", target, fakeFetch);
      const err = await loadError(target);
      expect(err.code).toBe("config");
      expect(err.message).toMatch(/could not be loaded/);
      expect(err.message).toContain(target);
    });
  });

  it("when the hub answers with an error, stops with the status and URL", async () => {
    const fakeFetch = (async () => new Response("nope", { status: 404, statusText: "Not Found" })) as unknown as typeof fetch;
    await expect(fetchModel("Xenova/x", join(tempDir(), "m"), fakeFetch)).rejects.toThrow(/404.*huggingface\.co\/Xenova\/x/);
  });
});
