import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { loadCatalogue } from "../../knowledge/documents.js";
import { buildIndex, loadKnowledgeBase } from "../../knowledge/index.js";
import { ingestLocalDocuments } from "../../knowledge/local-docs.js";
import { FakeEmbeddings } from "./fake-embeddings.js";

let dir: string;

async function makePdf(path: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = ["Borsetshire Escalation Protocol", "", "Stage one: the practitioner raises the disagreement with their", "counterpart within two working days."];
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 780 - i * 18, size: 12, font }));
  writeFileSync(path, await pdf.save());
}

async function makeDocx(path: string): Promise<void> {
  const doc = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: "Borsetshire Strategy Discussion Standard", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "The strategy discussion in Borsetshire is chaired by a children's services team manager." }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "local-docs-"));
  writeFileSync(
    join(dir, "borsetshire-core-groups.md"),
    "# Borsetshire Core Group Procedure\n\n## Frequency\n\n1. In Borsetshire the core group meets every four weeks.\n",
  );
  await makePdf(join(dir, "borsetshire-escalation.pdf"));
  await makeDocx(join(dir, "borsetshire-strategy.docx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("local procedures", () => {
  it("Markdown, PDF and Word files are read into cited chunks with their own titles", async () => {
    const cat = loadCatalogue();
    const { documents, chunks } = await ingestLocalDocuments({ dir, jurisdiction: "england", rank: 4, debris: cat.debris, firstId: 0 });
    expect(documents.map((d) => d.file)).toEqual([
      "borsetshire-core-groups.md",
      "borsetshire-escalation.pdf",
      "borsetshire-strategy.docx",
    ]);
    const md = chunks.find((c) => c.file === "borsetshire-core-groups.md")!;
    expect(md).toMatchObject({ title: "Borsetshire Core Group Procedure", section: ["Frequency"], paragraph: "1", rank: 4 });
    const pdf = chunks.filter((c) => c.file === "borsetshire-escalation.pdf").map((c) => c.text).join(" ");
    expect(pdf).toContain("within two working days");
    const docx = chunks.find((c) => c.file === "borsetshire-strategy.docx" && c.text.includes("team manager"))!;
    expect(docx.title).toBe("Borsetshire Strategy Discussion Standard");
  });

  it("after `safeguard index`, a local procedure ranked above national guidance is cited for its subject", async () => {
    const config = parseConfig({ INDEX_DIR: join(dir, "index"), LOCAL_DOCS_DIR: dir, LOCAL_DOCS_RANK: "above_national" });
    const embeddings = new FakeEmbeddings();
    const stats = await buildIndex({ config, embeddings });
    expect(stats.documents).toBe(9);
    const kb = await loadKnowledgeBase({ config, embeddings });
    expect(kb.documents.some((d) => d.file === "borsetshire-strategy.docx")).toBe(true);
    const a = await kb.answer("How often does the core group meet in Borsetshire?");
    expect(a.citations[0]?.file).toBe("borsetshire-core-groups.md");
    expect(a.answer).toContain("every four weeks");
  });
});
