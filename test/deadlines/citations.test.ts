import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CitationSchema } from "../../core/citation.js";
import { fromRoot } from "../../core/paths.js";
import { RULE_IDS, loadRuleBook } from "../../deadlines/index.js";

const normalise = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
const rules = [...loadRuleBook().rules.values()];
const citations = rules.flatMap((r) => r.citations.map((c) => ({ rule: r.id, ...c })));

describe("deadline rule citations", () => {
  it("every rule has at least one citation", () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of rules) expect(r.citations.length).toBeGreaterThan(0);
  });

  it.each(citations.map((c) => [c.rule, c.quote.slice(0, 50), c] as const))("%s: the quote \"%s…\" is verbatim in the corpus", (_rule, _q, c) => {
    expect(CitationSchema.safeParse(c).success).toBe(true);
    const corpus = normalise(readFileSync(fromRoot("knowledge", "corpus", c.file), "utf8"));
    expect(corpus).toContain(normalise(c.quote));
  });

  it.each(citations.map((c) => [c.rule, c.section, c] as const))("%s: every part of the section path \"%s\" is a heading in the corpus", (_rule, _s, c) => {
    const headings = readFileSync(fromRoot("knowledge", "corpus", c.file), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("#"))
      .map((l) => normalise(l.replace(/^#+\s*/, "")));
    for (const part of c.section.split(" > ")) expect(headings).toContain(part);
  });

  it.each(citations.filter((c) => c.paragraph).map((c) => [c.rule, c.paragraph, c] as const))("%s: paragraph %s starts with the quote", (_rule, _p, c) => {
    const corpus = normalise(readFileSync(fromRoot("knowledge", "corpus", c.file), "utf8"));
    const start = corpus.indexOf(`${c.paragraph}. `);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(corpus.slice(start, start + 2000)).toContain(normalise(c.quote));
  });
});
