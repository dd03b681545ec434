import { readFileSync } from "node:fs";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";

export const DocJurisdictionSchema = z.enum(["england", "wales", "both"]);
export type DocJurisdiction = z.infer<typeof DocJurisdictionSchema>;

export const AuthoritySchema = z.enum([
  "local_procedure",
  "statutory",
  "national_guidance",
  "local_guidance",
  "committee_papers",
]);
export type Authority = z.infer<typeof AuthoritySchema>;

/** Provenance of one document: shown with every citation. */
export const DocumentMetaSchema = z.object({
  id: z.string().min(1),
  /** Corpus file the text is in (several documents may share one file). */
  file: z.string().min(1),
  title: z.string().min(1),
  /** How an answer names it in a sentence ("Working Together 2023"). */
  shortTitle: z.string().min(1),
  publisher: z.string().min(1),
  date: z.string().min(1),
  jurisdiction: DocJurisdictionSchema,
  licence: z.string().min(1),
  authority: AuthoritySchema,
  /** The document is the part of the file from this line to endMarker (inclusive). */
  startMarker: z.string().optional(),
  endMarker: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema> & { rank: number };

const CatalogueSchema = z.object({
  authorityRanks: z.record(z.string(), z.number()),
  excludeSections: z.array(z.string()),
  debrisLines: z.array(z.string()),
  documents: z.array(DocumentMetaSchema).min(1),
});

export interface Catalogue {
  documents: DocumentMeta[];
  /** Headings whose content is a reading list or contents page, not guidance. */
  excludeSections: string[];
  /** Whole lines that are conversion debris (navigation, page numbers), as regular expressions. */
  debris: RegExp[];
  ranks: Record<string, number>;
}

/** Rank of an operator's own procedures relative to national guidance. */
export function localDocsRank(ranks: Record<string, number>, placement: "above_national" | "below_national"): number {
  const statutory = ranks["statutory"] ?? 3;
  return placement === "above_national" ? statutory + 1 : (ranks["local_guidance"] ?? 2) + 0.25;
}

/** Load and validate the corpus catalogue (knowledge/corpus/documents.json). */
export function loadCatalogue(path = fromRoot("knowledge", "corpus", "documents.json")): Catalogue {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new AppError("config", "The corpus catalogue (knowledge/corpus/documents.json) is missing or not valid JSON.", { cause: e });
  }
  const parsed = CatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("config", "The corpus catalogue (knowledge/corpus/documents.json) is malformed.", { cause: parsed.error });
  }
  const ranks = parsed.data.authorityRanks;
  return {
    ranks,
    excludeSections: parsed.data.excludeSections,
    debris: parsed.data.debrisLines.map((r) => new RegExp(r)),
    documents: parsed.data.documents.map((d) => ({ ...d, rank: ranks[d.authority] ?? 1 })),
  };
}

/**
 * Split a file's text among the documents it holds: a document with markers takes
 * its marked lines; a document without markers takes the rest of the file.
 */
export function splitFile(text: string, docs: DocumentMeta[]): Map<string, string> {
  const lines = text.split(/\r?\n/);
  const owner: (string | undefined)[] = new Array(lines.length).fill(undefined);
  for (const d of docs) {
    if (!d.startMarker) continue;
    const start = lines.findIndex((l) => l.trim() === d.startMarker!.trim());
    if (start < 0) throw new AppError("config", `The start of "${d.title}" was not found in ${d.file}.`);
    let end = lines.length - 1;
    if (d.endMarker) {
      const e = lines.findIndex((l, i) => i > start && l.includes(d.endMarker!));
      if (e >= 0) end = e;
    }
    for (let i = start; i <= end; i++) owner[i] = d.id;
  }
  const rest = docs.find((d) => !d.startMarker);
  const out = new Map<string, string[]>();
  lines.forEach((l, i) => {
    const id = owner[i] ?? rest?.id;
    if (!id) return;
    const arr = out.get(id) ?? [];
    // A gap where another document was cut out must not join two paragraphs.
    if (i > 0 && owner[i - 1] !== owner[i] && arr.length) arr.push("");
    arr.push(l);
    out.set(id, arr);
  });
  return new Map([...out].map(([k, v]) => [k, v.join("\n")]));
}
