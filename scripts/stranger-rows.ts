/**
 * Strangers' questions as coverage rows for scripts/calibrate-knowledge.ts (`--strangers MANIFEST`).
 *
 * The team's bank and out-of-scope bank are worded as the team words questions; the coverage model
 * fitted on them alone refused one covered question in five of the outside authors' (held-out sets,
 * aggregates). The retired held-out QA sets of the study pool (#1-#10 since round fifteen) were written by outside
 * authors who never saw the code: each question is read and ranked by the pipeline as a user's
 * message is (embedded live, the whole bank in place, for the question was never in it) and
 * labelled by its set's own line: in scope when its source quote is in the corpus, out of scope
 * when the author wrote it so. The set each row comes from is kept, so the decision can be
 * cross-validated with one author's set left out at a time.
 *
 * The manifest names the sets by path in the repository, so a fit is a pure function of committed
 * files. Only sets retired into the study pool may be named (core/study-sets.ts).
 */
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import { isStudySet, LAST_STUDY_SET } from "../core/study-sets.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import type { CoverageFeatures } from "../knowledge/coverage.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { loadCases } from "./eval.js";
import { holdsQuote } from "./eval-score.js";

const ManifestSchema = z.object({
  about: z.string().optional(),
  sets: z.array(z.object({ name: z.string().min(1), file: z.string().min(1) })).min(2),
});


/** One stranger's question, read by the pipeline. */
export interface StrangerRow {
  f: CoverageFeatures;
  y: number;
  /** The set (its author) the question comes from: the cross-validation fold. */
  set: string;
  style: string;
  /** Refused whatever the model says (the question asks about another nation's law, or nothing ranked). */
  blocked: boolean;
  /** The decision of the calibration the rows were read under (the "before" of a refit). */
  covered: boolean;
  /** For an in-scope question: whether the passage holding its quote is among the first three ranked. */
  found: boolean | null;
}

/** The manifest's sets, each checked to be a retired study set (core/study-sets.ts). */
export function loadManifest(path: string): { name: string; file: string }[] {
  const m = ManifestSchema.parse(JSON.parse(readFileSync(isAbsolute(path) ? path : fromRoot(path), "utf8")));
  for (const s of m.sets) {
    if (!isStudySet(s.file, "qa")) throw new Error(`${path}: ${s.file} is not one of the retired study sets (qa-heldout.jsonl, -2 … -${LAST_STUDY_SET})`);
  }
  return m.sets;
}

/** Every question of the manifest's sets with its set, read as a user's message is (embedded live) through `kb`. */
export async function* strangerQuestions(kb: KnowledgeBase, manifest: string) {
  for (const set of loadManifest(manifest)) {
    for (const c of loadCases(fromRoot(set.file))) {
      const j = c.jurisdiction === "england" || c.jurisdiction === "wales" ? (c.jurisdiction as Jurisdiction) : undefined;
      yield { set: set.name, c, a: await kb.analyse(c.question, { jurisdiction: j, dense: true }) };
    }
  }
}

/** Read every question of the manifest's sets through `kb` (the calibration being refitted). */
export async function strangerRows(kb: KnowledgeBase, manifest: string): Promise<StrangerRow[]> {
  const chunks = kb.index.chunks;
  const rows: StrangerRow[] = [];
  for await (const { set, c, a } of strangerQuestions(kb, manifest)) {
    const inScope = c.kind !== "out_of_scope";
    let found: boolean | null = null;
    if (inScope && c.source?.file && c.source.quote) {
      const holds = holdsQuote({ file: c.source.file, quote: c.source.quote });
      found = a.ranked.slice(0, 3).some((r) => holds(chunks[r.chunk]!));
    }
    rows.push({ f: a.features, y: inScope ? 1 : 0, set, style: c.style ?? "-", blocked: Boolean(a.whole.otherJurisdiction) || a.ranked.length === 0, covered: a.covered, found });
  }
  return rows;
}
