import { describe, expect, it } from "vitest";
import { heldoutSetNumber, isStudySet, LAST_STUDY_SET } from "../../core/study-sets.js";

describe("the study pool's boundary", () => {
  it("numbers held-out files the way test/heldout names them (no suffix is set #1)", () => {
    expect(heldoutSetNumber("test/heldout/triage-heldout.jsonl", "triage")).toBe(1);
    expect(heldoutSetNumber("test/heldout/qa-heldout-12.jsonl", "qa")).toBe(12);
    expect(heldoutSetNumber("test/heldout/qa-heldout-12.jsonl", "triage")).toBeNull();
    expect(heldoutSetNumber("test/knowledge/qa-dev-9.jsonl", "qa")).toBeNull();
    expect(heldoutSetNumber("/abs/test/heldout/qa-heldout-2.jsonl", "qa")).toBeNull();
  });

  it("lets in sets #1 to the last retired one and never a check-pool or held-out set", () => {
    for (let n = 1; n <= LAST_STUDY_SET; n++) expect(isStudySet(`test/heldout/triage-heldout${n === 1 ? "" : `-${n}`}.jsonl`, "triage")).toBe(true);
    for (const n of [LAST_STUDY_SET + 1, 12, 13]) expect(isStudySet(`test/heldout/qa-heldout-${n}.jsonl`, "qa")).toBe(false);
  });
});
