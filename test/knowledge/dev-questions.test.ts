import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { ingestCorpus } from "../../knowledge/corpus.js";
import { normaliseForMatch } from "../../knowledge/text.js";
import { sectionMatches } from "../../knowledge/questions/bank.js";

interface DevCase {
  id: string;
  question: string;
  kind: string;
  answer_facts: string[];
  source: { file: string | null; quote: string | null; section: string | null };
}

const cases = readFileSync(fromRoot("test", "knowledge", "dev-questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as DevCase);
const { chunks } = ingestCorpus();

describe("the development question set (test/knowledge/dev-questions.jsonl)", () => {
  it("has at least 40 answerable questions and 8 out-of-scope ones, with unique ids", () => {
    expect(cases.filter((c) => c.kind !== "out_of_scope").length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.kind === "out_of_scope").length).toBeGreaterThanOrEqual(8);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("every gold quote is verbatim in the named corpus file, under the named section", () => {
    for (const c of cases.filter((x) => x.kind !== "out_of_scope")) {
      const quote = normaliseForMatch(c.source.quote ?? "");
      const home = chunks.find((ch) => ch.file === c.source.file && normaliseForMatch(ch.text).includes(quote));
      expect(home, `${c.id}: quote not found in ${c.source.file}`).toBeDefined();
      expect(sectionMatches(c.source.section ?? "", home!.section, home!.paragraph), `${c.id}: ${home!.section.join(" > ")}`).toBe(true);
      expect(c.answer_facts.length, c.id).toBeGreaterThan(0);
    }
  });

  it("out-of-scope questions carry no facts and no source", () => {
    for (const c of cases.filter((x) => x.kind === "out_of_scope")) {
      expect(c.answer_facts).toEqual([]);
      expect(c.source.file).toBeNull();
    }
  });
});
