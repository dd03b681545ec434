import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../scripts/stranger-rows.js";
import { LAST_STUDY_SET } from "../../core/study-sets.js";

function manifestOf(...files: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "study-sets-")), "sets.json");
  writeFileSync(path, JSON.stringify({ sets: files.map((file, i) => ({ name: `s${i + 1}`, file })) }));
  return path;
}

describe("the strangers' sets calibrate-knowledge fits on", () => {
  it("when the repository's manifest is read, it names the retired study sets (#1 to LAST_STUDY_SET) and nothing else", () => {
    const sets = loadManifest("test/heldout/qa-study-sets.json");
    expect(sets.map((s) => s.file)).toEqual(["test/heldout/qa-heldout.jsonl", ...Array.from({ length: LAST_STUDY_SET - 1 }, (_, i) => `test/heldout/qa-heldout-${i + 2}.jsonl`)]);
  });

  it("when a manifest names a check-pool set or the real held-out set, it is refused before anything is read", () => {
    expect(() => loadManifest(manifestOf("test/heldout/qa-heldout.jsonl", "test/heldout/qa-heldout-11.jsonl"))).toThrow(/not one of the retired study sets/);
    expect(() => loadManifest(manifestOf("test/heldout/qa-heldout-2.jsonl", "test/heldout/qa-heldout-14.jsonl"))).toThrow(/qa-heldout-14/);
  });

  it("when a manifest names a file that is no held-out QA set, it is refused", () => {
    expect(() => loadManifest(manifestOf("test/heldout/qa-heldout.jsonl", "test/knowledge/qa-dev-9.jsonl"))).toThrow(/not one of the retired study sets/);
  });
});
