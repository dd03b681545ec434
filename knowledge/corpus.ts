import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { loadCatalogue, splitFile, type Catalogue, type DocumentMeta } from "./documents.js";
import { ingestDocument } from "./ingest.js";
import type { Chunk } from "./types.js";

export const CORPUS_DIR = fromRoot("knowledge", "corpus");

export interface CorpusFile {
  file: string;
  sha256: string;
}

/** The national corpus as chunks, with the hash of each file (for the index manifest). */
export function ingestCorpus(
  catalogue: Catalogue = loadCatalogue(),
  dir = CORPUS_DIR,
): { documents: DocumentMeta[]; chunks: Chunk[]; files: CorpusFile[] } {
  const chunks: Chunk[] = [];
  const files: CorpusFile[] = [];
  for (const file of [...new Set(catalogue.documents.map((d) => d.file))]) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), "utf8");
    } catch (e) {
      throw new AppError("config", `A corpus file is missing: knowledge/corpus/${file}.`, { cause: e });
    }
    files.push({ file, sha256: sha256(text) });
    const docs = catalogue.documents.filter((d) => d.file === file);
    const parts = splitFile(text, docs);
    for (const d of docs) {
      chunks.push(
        ...ingestDocument(parts.get(d.id) ?? "", d, {
          debris: catalogue.debris,
          excludeSections: catalogue.excludeSections,
          firstId: chunks.length,
        }),
      );
    }
  }
  return { documents: catalogue.documents, chunks, files };
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}
