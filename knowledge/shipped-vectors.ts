import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fromRoot } from "../core/paths.js";

/**
 * Vectors shipped with the code: the bundled encoder's vectors of every text the index
 * embeds (corpus sentences and headings, bank questions), keyed by the text's hash and
 * stored as 8-bit integers with a scale per vector. `safeguard index` embeds only what is
 * not here (an operator's own procedures, a changed bank), so a fresh install builds in
 * seconds. `npm run vectors` rewrites them from a built index.
 */
export const SHIPPED_DIR = fromRoot("knowledge", "vectors");

interface ShippedManifest {
  embeddingsId: string;
  dimensions: number;
  hashes: string[];
}

const files = (id: string) => ({ manifest: join(SHIPPED_DIR, `${id}.json`), data: join(SHIPPED_DIR, `${id}.bin`) });

/** Write one vector at `at` as 8-bit integers after a float scale (4 + dimensions bytes). */
export function writeInt8Row(buf: Buffer, at: number, v: Float32Array, dimensions: number): void {
  let max = 0;
  for (let k = 0; k < dimensions; k++) max = Math.max(max, Math.abs(v[k]!));
  const scale = max > 0 ? max / 127 : 1;
  buf.writeFloatLE(scale, at);
  for (let k = 0; k < dimensions; k++) buf.writeInt8(Math.round(v[k]! / scale), at + 4 + k);
}

/** Read one vector written by writeInt8Row. */
export function readInt8Row(buf: Buffer, at: number, dimensions: number): Float32Array {
  const scale = buf.readFloatLE(at);
  const v = new Float32Array(dimensions);
  for (let k = 0; k < dimensions; k++) v[k] = buf.readInt8(at + 4 + k) * scale;
  return v;
}

/** The shipped vectors for an encoder, by text hash (empty when none are shipped for it). */
export function loadShippedVectors(embeddingsId: string, dimensions: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  const f = files(embeddingsId);
  if (!existsSync(f.manifest) || !existsSync(f.data)) return out;
  const manifest = JSON.parse(readFileSync(f.manifest, "utf8")) as ShippedManifest;
  if (manifest.embeddingsId !== embeddingsId || manifest.dimensions !== dimensions) return out;
  const buf = readFileSync(f.data);
  const stride = 4 + dimensions;
  manifest.hashes.forEach((h, i) => {
    const at = i * stride;
    out.set(h, readInt8Row(buf, at, dimensions));
  });
  return out;
}

/** Write vectors (by text hash) as the shipped set for an encoder: sorted by hash, so a rewrite changes little. */
export function writeShippedVectors(embeddingsId: string, dimensions: number, vectors: Map<string, Float32Array>): number {
  const f = files(embeddingsId);
  mkdirSync(SHIPPED_DIR, { recursive: true });
  const hashes = [...vectors.keys()].sort();
  const stride = 4 + dimensions;
  const buf = Buffer.alloc(hashes.length * stride);
  hashes.forEach((h, i) => {
    writeInt8Row(buf, i * stride, vectors.get(h)!, dimensions);
  });
  writeFileSync(f.data, buf);
  writeFileSync(f.manifest, JSON.stringify({ embeddingsId, dimensions, hashes } satisfies ShippedManifest) + "\n");
  return hashes.length;
}
