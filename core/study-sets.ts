/**
 * Which retired held-out sets (test/heldout/README.md) are in the study pool: the sets engineers may read,
 * train and fit on. Each held-out set is reported once as a fresh set, then moves to the check pool (run for
 * aggregates only) and later to the study pool. The boundary is one number so the triage manifest's loader
 * (escalation/labelled.ts) and the QA strangers' loader (scripts/stranger-rows.ts) cannot disagree on it.
 *
 * Round seventeen: study = #1-#10, check = #11-#15, #16 held out (round sixteen: check #11-#14, #15 held out; round
 * fifteen: check #11-#13, #14 held out).
 */
export const LAST_STUDY_SET = 10;

/**
 * The held-out set number of a file under test/heldout (`kind-heldout.jsonl` is #1, `kind-heldout-N.jsonl` is #N),
 * or null when the path is not a held-out set of that kind.
 */
export function heldoutSetNumber(file: string, kind: "triage" | "qa" | "notes"): number | null {
  const m = new RegExp(`^test/heldout/${kind}-heldout(?:-(\\d+))?\\.jsonl$`).exec(file);
  return m ? Number(m[1] ?? "1") : null;
}

/** Whether `file` is a held-out set of `kind` retired into the study pool. */
export function isStudySet(file: string, kind: "triage" | "qa" | "notes"): boolean {
  const n = heldoutSetNumber(file, kind);
  return n !== null && n <= LAST_STUDY_SET;
}
