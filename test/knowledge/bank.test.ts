import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../core/errors.js";
import { ingestCorpus } from "../../knowledge/corpus.js";
import { bankCoverage, loadBank, loadOutOfScope, resolveBank, sectionMatches, type BankEntry } from "../../knowledge/questions/bank.js";

const { chunks } = ingestCorpus();
const bank = loadBank();
const { resolved, problems } = resolveBank(bank, chunks);
const outOfScope = loadOutOfScope();

describe("the question bank (knowledge/questions/*.jsonl)", () => {
  it("every entry is valid and every id is unique", () => {
    expect(bank.length).toBeGreaterThan(1500);
    expect(new Set(bank.map((e) => e.id)).size).toBe(bank.length);
  });

  it("every span (and every further span) is verbatim in the unit that ingestion gives for its paragraph or section", () => {
    expect(problems.map((p) => `${p.id}: ${p.problem}`)).toEqual([]);
    expect(resolved.length).toBe(bank.length);
  });

  it("every paragraph and section in scope has questions", () => {
    const coverage = bankCoverage(chunks, resolved);
    expect(coverage.missing.map((m) => `${m.part}: ${m.key}`)).toEqual([]);
    expect(coverage.covered).toBe(coverage.inScope);
    // Working Together's six chapters, its introduction and glossary, the Wales pages, the guide and the minutes.
    expect(coverage.parts.map((p) => p.part)).toEqual(
      expect.arrayContaining(["wt-intro", "wt-ch1", "wt-ch2", "wt-ch3", "wt-ch4", "wt-ch5", "wt-ch6", "wt-glossary", "wales-childrens-services", "wales-multi-agency-meetings", "good-practice-guide", "lewisham-minutes"]),
    );
  });

  it("every part of the corpus has questions in all three styles", () => {
    const styles = new Map<string, Set<string>>();
    for (const e of bank) styles.set(e.doc, (styles.get(e.doc) ?? new Set()).add(e.style));
    for (const [doc, s] of styles) expect([...s].sort(), doc).toEqual(["case", "formal", "shorthand"]);
  });

  it("a numbered entry names a paragraph ingestion holds, and a Wales page's entries are Wales questions", () => {
    for (const r of resolved) {
      const unit = chunks[r.chunk]!;
      if (r.entry.paragraph !== null) expect(unit.paragraph).toBe(r.entry.paragraph);
      expect(unit.jurisdiction === "wales" ? "wales" : "england", r.entry.id).toBe(r.entry.jurisdiction);
    }
  });
});

describe("placing an entry in the corpus", () => {
  const entry = (over: Partial<BankEntry>): BankEntry => ({
    id: "t-1",
    doc: "working-together-2023",
    paragraph: null,
    section: "Strategy discussion > Attendees",
    style: "formal",
    question: "Who must attend?",
    span: "A local authority social worker, health practitioners and a police representative should, as a minimum, be involved in the strategy discussion.",
    also: [],
    jurisdiction: "england",
    ...over,
  });

  it("an unnumbered entry is placed by its heading path, a numbered one by its paragraph", () => {
    expect(resolveBank([entry({})], chunks).problems).toEqual([]);
    const p153 = entry({ paragraph: "153", section: "Timeliness", span: "Within one working day of a referral being received" });
    expect(resolveBank([p153], chunks).problems).toEqual([]);
  });

  it("a span from another paragraph is reported with where it really is", () => {
    const wrong = entry({ paragraph: "152", section: "Timeliness", span: "Within one working day of a referral being received" });
    expect(resolveBank([wrong], chunks).problems[0]!.problem).toMatch(/span not in its unit.*paragraph 153/);
  });

  it("quotes, dashes, bold markers and footnote markers do not stop a span from matching", () => {
    const fancy = entry({ span: "A local authority social worker, health practitioners and a police representative should, as a **minimum**<sup>3</sup>, be involved in the strategy discussion." });
    expect(resolveBank([fancy], chunks).problems).toEqual([]);
  });

  it.each([
    ["Strategy discussion > Attendees", ["Chapter 3", "Section 3: Child protection", "Strategy discussion", "Attendees"], null, true],
    ["Strategy discussion > Attendees:", ["Chapter 3", "Strategy discussion", "Attendees"], null, true],
    ["Possible outcomes > Care and support plan", ["Care and support plan"], null, true],
    ["Minutes > Key points from discussion > 4.1", ["Minutes", "Key points from discussion"], "4.1", true],
    ["Strategy discussion > Purpose", ["Strategy discussion", "Attendees"], null, false],
  ])("the heading path %j names the unit under %j: %s", (entry, unit, paragraph, matches) => {
    expect(sectionMatches(entry, unit, paragraph)).toBe(matches);
  });
});

describe("loading a malformed bank", () => {
  const dir = mkdtempSync(join(tmpdir(), "bank-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a line that breaks the schema stops loading with its file and line", () => {
    writeFileSync(join(dir, "bad.jsonl"), `${JSON.stringify({ id: "x", doc: "d", paragraph: null, section: "S", style: "casual", question: "Why?", span: "Because.", jurisdiction: "england" })}\n`);
    writeFileSync(join(dir, "out-of-scope.jsonl"), "");
    expect(() => loadBank(dir)).toThrow(expect.objectContaining({ message: expect.stringMatching(/bad\.jsonl, line 1.*style/) }));
    try {
      loadBank(dir);
    } catch (e) {
      expect(isAppError(e) && e.code === "config").toBe(true);
    }
  });
});

describe("the out-of-scope bank (knowledge/questions/out-of-scope.jsonl)", () => {
  const topics = new Map<string, typeof outOfScope>();
  for (const o of outOfScope) topics.set(o.topic, [...(topics.get(o.topic) ?? []), o]);

  it("walks the topics practitioners ask about that the corpus does not cover, several phrasings each", () => {
    expect(topics.size).toBeGreaterThanOrEqual(25);
    for (const t of ["scotland", "northern-ireland", "adult-safeguarding", "private-family-law", "disclosure-schemes", "kcsie", "ofsted-inspection", "clinical", "immigration", "deprivation-of-liberty", "records-retention", "consent-competence", "local-contacts"]) {
      expect(topics.get(t)?.length ?? 0, t).toBeGreaterThanOrEqual(5);
    }
  });

  it("every topic says where to go instead, the same way for all its questions", () => {
    for (const [t, qs] of topics) expect(new Set(qs.map((q) => q.where)).size, t).toBe(1);
  });

  it("no out-of-scope question repeats a bank question", () => {
    const asked = new Set(bank.map((e) => e.question.toLowerCase()));
    expect(outOfScope.filter((o) => asked.has(o.question.toLowerCase()))).toEqual([]);
  });
});
