import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCases } from "../../scripts/eval.js";

const line = (id: string, kind: string, source: unknown) =>
  JSON.stringify({ id, question: "q", jurisdiction: "england", answer_facts: [], source, kind, chapter: "x", style: "formal" });
const quoted = { file: "f.txt", quote: "a quote", section: "1" };

function setOf(...lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "qa-set-")), "set.jsonl");
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

describe("loadCases: out of scope is read from the source and the kind together", () => {
  it("accepts a set whose lines with no source are the out_of_scope ones", () => {
    expect(loadCases(setOf(line("a", "timescale", quoted), line("b", "out_of_scope", null))).map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("refuses a line with no source whose kind is spelt another way, naming it", () => {
    expect(() => loadCases(setOf(line("a", "timescale", quoted), line("b", "out-of-scope", null)))).toThrow(/1 line\(s\).*: b$/);
  });

  it("refuses an out_of_scope line that cites a source", () => {
    expect(() => loadCases(setOf(line("c", "out_of_scope", quoted)))).toThrow(/: c$/);
  });

  it("accepts every QA set the team scores on", () => {
    for (const f of ["test/eval/qa.jsonl", "test/knowledge/dev-questions.jsonl", "test/knowledge/qa-dev-9.jsonl", "test/knowledge/qa-dev-10.jsonl"]) {
      expect(loadCases(f).length).toBeGreaterThan(0);
    }
  });
});
