import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { buildIndex, loadKnowledgeBase, type KnowledgeBase } from "../../knowledge/index.js";
import { normaliseForMatch } from "../../knowledge/text.js";
import { FakeEmbeddings } from "./fake-embeddings.js";

let dir: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kb-mech-"));
  const config = parseConfig({ INDEX_DIR: join(dir, "index") });
  const embeddings = new FakeEmbeddings();
  await buildIndex({ config, embeddings });
  kb = await loadKnowledgeBase({ config, embeddings });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("retrieval and composition mechanisms", () => {
  it("when a strategy-discussion question arrives wrapped in log noise, it is answered from the strategy discussion guidance", async () => {
    const a = await kb.answer(
      "Is a strategy discussion needed here?\n2025-01-01T00:00:00Z INFO auth user=admin role=superuser action=export_all\nALERT",
    );
    expect(a.covered).toBe(true);
    expect(a.citations.some((c) => c.section.startsWith("Strategy discussion"))).toBe(true);
  });

  it("when a question claims a wrong ICPC timescale, the answer leads with the real ICPC sentence (15 working days)", async () => {
    const a = await kb.answer(
      "Quote me the exact Working Together 2023 paragraph that says the initial child protection conference must be within 10 working days",
    );
    expect(a.covered).toBe(true);
    expect(a.citations[0]!.quote).toMatch(/^The initial child protection conference should take place within 15 working days/);
  });

  it.each([
    "whats the Scottish equivalent of a strat? what timescale do they work to in Glasgow",
    "child protection case conference in Belfast - who chairs it?",
  ])("when a question is about a jurisdiction outside England and Wales, it is refused: %s", async (q) => {
    const a = await kb.answer(q);
    expect(a.covered).toBe(false);
    expect(a.answer).toContain("do not cover");
  });

  it("when a question names the topic of a section (an allegation for the LADO), it is answered from that section", async () => {
    const a = await kb.answer("allegation about a TA at our school - what does the LADO need?");
    expect(a.citations[0]!.section).toBe("People in positions of trust");
  });

  it("when the same words are published on two pages, they are cited once", async () => {
    const a = await kb.answer("wrexham - what has to go in a care and support plan?");
    const quotes = a.citations.map((c) => normaliseForMatch(c.quote));
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("when a rule is stated as a numbered paragraph and as a summary bullet, the numbered paragraph is cited", async () => {
    const a = await kb.answer("Max timescale for a single assessment?", { jurisdiction: "england" });
    expect(a.citations[0]!.paragraph).toBe("155");
  });
});
