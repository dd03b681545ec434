import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { AppError } from "../core/errors.js";
import { sha256, type CorpusFile } from "./corpus.js";
import type { DocJurisdiction, DocumentMeta } from "./documents.js";
import { ingestDocument } from "./ingest.js";
import type { Chunk } from "./types.js";

/** File types an operator can drop into the local procedures folder. */
export const LOCAL_EXTENSIONS = [".md", ".markdown", ".txt", ".pdf", ".docx"];

/** Text of a local document, via the well-kept parsers (unpdf, mammoth) for PDF and Word. */
export async function extractLocalText(path: string, bytes: Uint8Array): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf") {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    // Pages are joined by a blank line so the structure parser sees paragraph ends.
    return text.join("\n\n");
  }
  if (ext === ".docx") {
    const mammoth = await import("mammoth");
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  }
  return Buffer.from(bytes).toString("utf8");
}

function titleOf(text: string, file: string): string {
  const heading = /^#{1,2}\s+(.+)$/m.exec(text)?.[1];
  const firstLine = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0 && l.length <= 120);
  return (heading ?? firstLine ?? basename(file, extname(file))).replace(/\*\*/g, "").trim();
}

/** List the local procedure files of a folder (sorted, so builds are reproducible). */
export function listLocalFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new AppError("config", "The local procedures folder (LOCAL_DOCS_DIR) cannot be read.", { cause: e });
  }
  return names
    .filter((n) => LOCAL_EXTENSIONS.includes(extname(n).toLowerCase()) && statSync(join(dir, n)).isFile())
    .sort();
}

/**
 * Ingest an authority's own procedures. They are cited like the national corpus and
 * ranked where the operator put them (above or below national guidance).
 */
export async function ingestLocalDocuments(opts: {
  dir: string;
  jurisdiction: DocJurisdiction;
  rank: number;
  debris: RegExp[];
  firstId: number;
}): Promise<{ documents: DocumentMeta[]; chunks: Chunk[]; files: CorpusFile[] }> {
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  const files: CorpusFile[] = [];
  for (const name of listLocalFiles(opts.dir)) {
    const bytes = readFileSync(join(opts.dir, name));
    files.push({ file: name, sha256: sha256(bytes) });
    let text: string;
    try {
      text = await extractLocalText(name, bytes);
    } catch (e) {
      throw new AppError("config", `A local procedure file could not be read: ${name}.`, { cause: e });
    }
    const meta: DocumentMeta = {
      id: `local:${name}`,
      file: name,
      title: titleOf(text, name),
      shortTitle: `your local procedures (${titleOf(text, name)})`,
      publisher: "Local authority (added by the operator)",
      date: statSync(join(opts.dir, name)).mtime.toISOString().slice(0, 10),
      jurisdiction: opts.jurisdiction,
      licence: "Local procedures",
      authority: "local_procedure",
      rank: opts.rank,
    };
    documents.push(meta);
    chunks.push(...ingestDocument(text, meta, { debris: opts.debris, firstId: opts.firstId + chunks.length }));
  }
  return { documents, chunks, files };
}
