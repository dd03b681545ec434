import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import type { Embeddings } from "../knowledge/embeddings/embeddings.js";
import { LEVELS, type TriageLevel } from "./levels.js";

const ExampleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  level: z.enum(LEVELS as [TriageLevel, ...TriageLevel[]]),
  /** `train` examples are the exemplars; `heldout` ones only check that the rules generalise. */
  split: z.enum(["train", "heldout"]),
  text: z.string().min(1),
});
/** One labelled message: an exemplar for similarity and a test case. */
export type LabelledExample = z.infer<typeof ExampleSchema>;

/** Load the labelled examples (escalation/examples.jsonl), validated line by line. */
export function loadExamples(path: string = fromRoot("escalation", "examples.jsonl")): LabelledExample[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const out: LabelledExample[] = [];
  const ids = new Set<string>();
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const parsed = ExampleSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new AppError("internal", `Triage example on line ${i + 1} is invalid.`, { cause: parsed.error });
    if (ids.has(parsed.data.id)) throw new AppError("internal", `Triage example id '${parsed.data.id}' is repeated.`);
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  return out;
}

/** Exemplars with their vectors, ready for nearest-neighbour search. */
export interface ExemplarIndex {
  readonly ids: readonly string[];
  readonly levels: readonly TriageLevel[];
  readonly vectors: readonly Float32Array[];
}

const CacheSchema = z.object({ key: z.string(), dimensions: z.number().int().positive(), vectors: z.array(z.string()) });

function cacheKey(embeddings: Embeddings, exemplars: readonly LabelledExample[]): string {
  const h = createHash("sha256").update(embeddings.id);
  for (const e of exemplars) h.update(`\u0000${e.id}\u0000${e.level}\u0000${e.text}`);
  return h.digest("hex").slice(0, 16);
}

function toBase64(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}

function fromBase64(s: string, dimensions: number): Float32Array {
  const buf = Buffer.from(s, "base64");
  const out = new Float32Array(dimensions);
  new Uint8Array(out.buffer).set(buf.subarray(0, dimensions * 4));
  return out;
}

/**
 * Create a folder and its missing parents one level at a time. Node's own
 * `mkdir({ recursive: true })` can hang for ever on some paths (under /proc, for
 * one), and a cache must never stop triage from starting.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = resolve(dir);
  while (!existsSync(d)) {
    missing.unshift(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing) await mkdir(m);
}

/** Remove caches for the same model written for older examples: they can never match again. */
async function removeStale(dir: string, prefix: string, keep: string): Promise<void> {
  for (const f of await readdir(dir)) {
    const path = join(dir, f);
    if (f.startsWith(prefix) && f.endsWith(".json") && path !== keep) await unlink(path);
  }
}

/**
 * Embed the exemplars, or read their vectors from `cacheDir` when a cache written
 * for the same model and the same examples is there (embedding ~200 sentences takes
 * seconds; reading them back, milliseconds). A cache that cannot be written is not
 * an error: triage still works, start-up is just slower next time.
 */
export async function buildExemplarIndex(
  embeddings: Embeddings,
  exemplars: readonly LabelledExample[],
  cacheDir?: string,
): Promise<ExemplarIndex> {
  const key = cacheKey(embeddings, exemplars);
  const prefix = `triage-exemplars-${embeddings.id.replace(/[^\w.-]+/g, "_")}-`;
  const file = cacheDir ? join(cacheDir, `${prefix}${key}.json`) : undefined;
  let vectors: Float32Array[] | undefined;
  if (file) {
    const raw = await readFile(file, "utf8").catch(() => undefined);
    const parsed = raw === undefined ? undefined : CacheSchema.safeParse(JSON.parse(raw));
    if (parsed?.success && parsed.data.key === key && parsed.data.vectors.length === exemplars.length) {
      vectors = parsed.data.vectors.map((s) => fromBase64(s, parsed.data.dimensions));
    }
  }
  if (!vectors) {
    vectors = await embeddings.embed(exemplars.map((e) => e.text));
    if (file && cacheDir) {
      const body = JSON.stringify({ key, dimensions: vectors[0]?.length ?? embeddings.dimensions, vectors: vectors.map(toBase64) });
      await makeDirs(cacheDir)
        .then(() => writeFile(`${file}.tmp`, body))
        .then(() => rename(`${file}.tmp`, file))
        .then(() => removeStale(cacheDir, prefix, file))
        // The cache is optional: a read-only or full disk only costs start-up time.
        .catch(() => undefined);
    }
  }
  return { ids: exemplars.map((e) => e.id), levels: exemplars.map((e) => e.level), vectors };
}
