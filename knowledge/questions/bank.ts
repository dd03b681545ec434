import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../../core/errors.js";
import { fromRoot } from "../../core/paths.js";
import { cleanInline } from "../clean.js";
import { fold } from "../text.js";
import type { Chunk } from "../types.js";

/** Where the question bank lives: one JSON Lines file per part of the corpus, plus the out-of-scope bank. */
export const BANK_DIR = fromRoot("knowledge", "questions");
export const OUT_OF_SCOPE_FILE = "out-of-scope.jsonl";

/**
 * One question a practitioner would type, with the verbatim span of the corpus that
 * answers it. `paragraph` is Working Together 2023's paragraph number, or null for
 * unnumbered text, which `section` (the heading path, outermost first) locates.
 */
export const BankEntrySchema = z.object({
  id: z.string().min(1),
  doc: z.string().min(1),
  paragraph: z.string().min(1).nullable(),
  section: z.string().min(1),
  style: z.enum(["formal", "shorthand", "case"]),
  question: z.string().min(3),
  span: z.string().min(3),
  also: z.array(z.string().min(3)).default([]),
  jurisdiction: z.enum(["england", "wales"]),
});
export type BankEntry = z.infer<typeof BankEntrySchema>;

/** A question the corpus does not answer, with where a practitioner should go instead. */
export const OutOfScopeEntrySchema = z.object({
  id: z.string().min(1),
  /** What it is about ("scotland", "care-act", "clares-law"): cross-validation leaves whole topics out. */
  topic: z.string().min(1),
  question: z.string().min(3),
  /** Where to go instead, in a sentence a practitioner can act on. */
  where: z.string().min(10),
  /**
   * Out of scope for this jurisdiction only: Wales's own procedures (conference and core group
   * timescales, Child Practice Reviews) are not in the Wales pages, while Working Together answers the
   * same questions for England, so such an entry never counts against a question asked about England.
   */
  jurisdiction: z.enum(["england", "wales"]).optional(),
});
export type OutOfScopeEntry = z.infer<typeof OutOfScopeEntrySchema>;

function readJsonl<T>(path: string, schema: z.ZodType<T>, label: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new AppError("config", `The question bank file ${label} cannot be read.`, { cause: e });
  }
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new AppError("config", `The question bank file ${label}, line ${i + 1}, is not valid JSON.`, { cause: e });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("config", `The question bank file ${label}, line ${i + 1}, is malformed (${issue?.path.join(".") || "entry"}: ${issue?.message ?? "invalid"}).`, {
        cause: parsed.error,
      });
    }
    out.push(parsed.data);
  });
  return out;
}

/** Every in-scope bank entry (all *.jsonl files but the out-of-scope bank), validated; ids must be unique. */
export function loadBank(dir = BANK_DIR): BankEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl") && f !== OUT_OF_SCOPE_FILE).sort();
  const entries = files.flatMap((f) => readJsonl(join(dir, f), BankEntrySchema, `knowledge/questions/${f}`));
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new AppError("config", `The question bank has two entries with id ${e.id}.`);
    seen.add(e.id);
  }
  return entries;
}

/** The out-of-scope bank. */
export function loadOutOfScope(dir = BANK_DIR): OutOfScopeEntry[] {
  return readJsonl(join(dir, OUT_OF_SCOPE_FILE), OutOfScopeEntrySchema, `knowledge/questions/${OUT_OF_SCOPE_FILE}`);
}

/** Text as a reader reads it, for span matching: inline markup gone, quotes and dashes folded, bullets unmarked, spaces collapsed. */
export function readerText(s: string): string {
  return fold(
    s
      .split("\n")
      .map((l) => cleanInline(l.replace(/^\s*-\s+/, "")))
      .join(" "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const headingKey = (s: string) => fold(cleanInline(s)).replace(/:$/, "").replace(/\s+/g, " ").trim();

/**
 * Whether a bank entry's heading path names this unit: its headings appear in the unit's
 * path in order (a numbered item's number counts as its last heading), or its last
 * heading is the unit's own. Plain-text pages lose their heading levels in conversion, so
 * an author may nest a heading the text does not.
 */
export function sectionMatches(entrySection: string, unitSection: readonly string[], paragraph: string | null = null): boolean {
  const want = entrySection.split(" > ").map(headingKey).filter(Boolean);
  const have = [...unitSection, ...(paragraph ? [paragraph] : [])].map(headingKey);
  let k = 0;
  for (const h of have) if (k < want.length && h === want[k]) k++;
  return k === want.length || (want.length > 0 && want[want.length - 1] === have[have.length - 1]);
}

export interface ResolvedEntry {
  entry: BankEntry;
  /** The chunk (unit) that holds the span. */
  chunk: number;
}

export interface BankProblem {
  id: string;
  problem: string;
}

/**
 * Find each entry's unit: the paragraph it names (numbered) or a unit under its heading
 * path (unnumbered), whose text holds the span and every `also` span.
 */
export function resolveBank(entries: readonly BankEntry[], chunks: readonly Chunk[]): { resolved: ResolvedEntry[]; problems: BankProblem[] } {
  const body = chunks.filter((c) => c.kind !== "footnote");
  const texts = new Map(body.map((c) => [c.id, readerText(c.text)]));
  const byDoc = new Map<string, Chunk[]>();
  for (const c of body) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  const resolved: ResolvedEntry[] = [];
  const problems: BankProblem[] = [];
  for (const e of entries) {
    const doc = byDoc.get(e.doc);
    if (!doc) {
      problems.push({ id: e.id, problem: `unknown document ${e.doc}` });
      continue;
    }
    const spans = [e.span, ...e.also].map(readerText);
    const holds = (c: Chunk) => spans.every((s) => texts.get(c.id)!.includes(s));
    const candidates = e.paragraph !== null ? doc.filter((c) => c.paragraph === e.paragraph) : doc.filter((c) => sectionMatches(e.section, c.section, c.paragraph));
    if (candidates.length === 0) {
      problems.push({ id: e.id, problem: e.paragraph !== null ? `no paragraph ${e.paragraph}` : `no unit under "${e.section}"` });
      continue;
    }
    const unit = candidates.find(holds);
    if (!unit) {
      const missing = spans.find((s) => !candidates.some((c) => texts.get(c.id)!.includes(s)))!;
      const elsewhere = doc.find((c) => texts.get(c.id)!.includes(missing));
      const where = elsewhere ? ` (it is in ${elsewhere.paragraph ? `paragraph ${elsewhere.paragraph}` : `"${elsewhere.section.join(" > ")}"`})` : " (not found in the document)";
      problems.push({ id: e.id, problem: `span not in its unit: "${missing.slice(0, 70)}"${where}` });
      continue;
    }
    resolved.push({ entry: e, chunk: unit.id });
  }
  return { resolved, problems };
}

/**
 * The part of the corpus a unit belongs to, named as the evaluation sets name them:
 * `wt-intro`, `wt-ch1` … `wt-ch6`, `wt-glossary`, the Wales pages, the good practice
 * guide and the Lewisham minutes; null for text outside the bank's scope (the council's
 * own papers around Working Together, footnotes).
 */
export function partOf(chunk: Chunk): string | null {
  if (chunk.kind === "footnote") return null;
  switch (chunk.docId) {
    case "wales-childrens-services":
    case "wales-multi-agency-meetings":
      return chunk.docId;
    case "multi-agency-meetings-guide-2017":
      return "good-practice-guide";
    case "lewisham-mace-minutes":
      return "lewisham-minutes";
    case "working-together-2023": {
      const top = chunk.section[0] ?? "";
      const chapter = /^Chapter (\d+)/.exec(top);
      if (chapter) return `wt-ch${chapter[1]}`;
      if (/^Appendix A/.test(top)) return "wt-glossary";
      if (top === chunk.title) return null; // the title page
      return "wt-intro";
    }
    default:
      return null;
  }
}

/** What the bank must cover in a unit: its paragraph number, or its heading path where it has none. */
export function scopeKey(chunk: Chunk): string {
  return chunk.paragraph !== null && chunk.docId === "working-together-2023" ? `paragraph ${chunk.paragraph}` : chunk.section.join(" > ");
}

export interface CoverageReport {
  inScope: number;
  covered: number;
  parts: { part: string; inScope: number; covered: number }[];
  /** Paragraphs and sections in scope that no bank question answers from. */
  missing: { part: string; key: string }[];
}

/**
 * The bank's coverage: Working Together's paragraphs (and its unnumbered descriptors and
 * glossary terms), and every section of the Wales pages, the good practice guide and the
 * Lewisham minutes, with at least one bank question answered from them.
 */
export function bankCoverage(chunks: readonly Chunk[], resolved: readonly { chunk: number }[]): CoverageReport {
  const scope = new Map<string, string>();
  for (const c of chunks) {
    const part = partOf(c);
    if (part) scope.set(`${part}\u0000${scopeKey(c)}`, part);
  }
  const covered = new Set(resolved.map((r) => `${partOf(chunks[r.chunk]!)}\u0000${scopeKey(chunks[r.chunk]!)}`));
  const parts = new Map<string, { inScope: number; covered: number }>();
  const missing: { part: string; key: string }[] = [];
  for (const [key, part] of scope) {
    const p = parts.get(part) ?? { inScope: 0, covered: 0 };
    p.inScope++;
    if (covered.has(key)) p.covered++;
    else missing.push({ part, key: key.split("\u0000")[1]! });
    parts.set(part, p);
  }
  return {
    inScope: scope.size,
    covered: [...scope.keys()].filter((k) => covered.has(k)).length,
    parts: [...parts].map(([part, p]) => ({ part, ...p })).sort((a, b) => a.part.localeCompare(b.part, "en", { numeric: true })),
    missing,
  };
}
