import { describe, expect, it } from "vitest";
import { cleanText, flattenTables } from "../../knowledge/clean.js";
import { ingestCorpus } from "../../knowledge/corpus.js";
import { loadCatalogue, type DocumentMeta } from "../../knowledge/documents.js";
import { ingestDocument, splitSentences } from "../../knowledge/ingest.js";

const { chunks } = ingestCorpus();
const debris = loadCatalogue().debris;
const find = (text: string) => chunks.filter((c) => c.text.includes(text));

const meta: DocumentMeta = {
  id: "t",
  file: "t.txt",
  title: "Test guidance",
  shortTitle: "the test guidance",
  publisher: "Test",
  date: "2024",
  jurisdiction: "england",
  licence: "test",
  authority: "statutory",
  rank: 3,
};

describe("ingestion cleaning", () => {
  it("when a paragraph is split by a page break and footnotes, it is rejoined and the footnotes lifted out", () => {
    const raw = [
      "## Section",
      "",
      "12. The practitioner should refer the child<sup>7</sup> to children's social care and",
      "",
      "---",
      "",
      "<sup>7</sup> A footnote about referral.",
      "",
      "record the decision.",
    ].join("\n");
    const out = cleanText(raw, debris);
    expect(out.footnotes).toEqual([{ n: "7", text: "A footnote about referral." }]);
    const parsed = ingestDocument(raw, meta, { debris });
    const body = parsed.find((c) => c.kind === "text")!;
    expect(body.text).toBe("The practitioner should refer the child to children's social care and record the decision.");
    expect(body.paragraph).toBe("12");
    const note = parsed.find((c) => c.kind === "footnote")!;
    expect(note.text).toBe("A footnote about referral.");
    expect(note.section).toEqual(["Section", "Footnote 7"]);
  });

  it("when a footnote runs over a page break, its tail joins the footnote, not the body", () => {
    const raw = ["Body text ends here.<sup>3</sup>", "", "---", "", "<sup>3</sup> The footnote starts", "", "---", "", "and ends here.", "", "<sup>4</sup> Next note.", "", "Next body paragraph."].join("\n");
    const out = cleanText(raw, debris);
    expect(out.footnotes[0]).toEqual({ n: "3", text: "The footnote starts and ends here." });
    expect(out.lines.join(" ")).not.toContain("ends here. <sup>");
    expect(out.lines.some((l) => l.includes("Next body paragraph."))).toBe(true);
  });

  it("when a page break leaves the end of a sentence after a blank line, it rejoins its paragraph", () => {
    const raw = ["## Relevant agencies", "", "75. Relevant agencies should be provided with information about how to escalate", "", "concerns and how any disputes will be resolved.", "", "76. A new paragraph."].join("\n");
    const parsed = ingestDocument(raw, meta, { debris });
    expect(parsed.map((c) => c.paragraph)).toEqual(["75", "76"]);
    expect(parsed[0]!.text).toBe("Relevant agencies should be provided with information about how to escalate concerns and how any disputes will be resolved.");
  });

  it("a lower-case line after a finished sentence stays a block of its own", () => {
    const raw = ["## Section", "", "12. The rule ends here.", "", "and this is a new line."].join("\n");
    expect(ingestDocument(raw, meta, { debris }).length).toBe(2);
  });

  it("navigation debris, contents-page lines and page numbers are dropped", () => {
    const out = cleanText("Skip to main content\nMenu\nIntroduction\t7\n174\nReal text.", debris);
    expect(out.lines).toEqual(["Real text."]);
  });

  it("HTML tables become one line per row", () => {
    expect(flattenTables("<table><tr><th>Step</th><th>When</th></tr><tr><td>ICPC</td><td>15 days</td></tr></table>")).toBe(
      "Step | When\n\nICPC | 15 days",
    );
  });

  it("sentences are split without breaking abbreviations such as e.g.", () => {
    expect(splitSentences("Agencies, e.g. health, attend. The police lead.")).toEqual(["Agencies, e.g. health, attend.", "The police lead."]);
  });

  it("no chunk keeps conversion debris", () => {
    for (const c of chunks) {
      expect(c.text).not.toMatch(/<sup>|<\/?[a-z]+>|\*\*|^---$|Skip to main content/m);
    }
  });

  it("the Working Together contents page does not become chunks", () => {
    expect(chunks.some((c) => c.section.includes("Table of Contents"))).toBe(false);
    expect(chunks.some((c) => /\t\d+$/.test(c.text))).toBe(false);
  });
});

describe("chunk metadata", () => {
  it("Working Together is cited as its own document with its numbered paragraphs, in the Herefordshire file", () => {
    const [p153] = find("Within one working day of a referral being received");
    expect(p153).toMatchObject({
      title: "Working Together to Safeguard Children 2023",
      file: "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt",
      paragraph: "153",
      jurisdiction: "england",
      section: ["Timeliness"],
    });
  });

  it("a bullet list stays with its heading, and generic sub-headings nest under their section", () => {
    const [health] = find("advise about the appropriateness or otherwise of medical assessments");
    expect(health!.section).toEqual(["Strategy discussion", "Tasks", "Health practitioners should"]);
    expect(health!.units.filter((u) => u.kind === "bullet")).toHaveLength(4);
    const [core] = find("further develop the outline child protection plan");
    expect(core!.section[core!.section.length - 1]).toBe("The core group should");
  });

  it("a bold topic line after a role label is a new topic, not part of the label", () => {
    const [icpc] = find("convene an initial child protection conference (see next section for details)");
    expect(icpc!.section[1]).toMatch(/^Where concerns of significant harm are substantiated/);
    expect(icpc!.section[2]).toBe("Lead practitioners should");
  });

  it("a numbered paragraph keeps its lead-in with its bullets", () => {
    const [p223] = find("behaved or may have behaved in a way that indicates they may not be suitable");
    expect(p223!.paragraph).toBe("223");
    expect(p223!.leadIn).not.toBeNull();
    expect(p223!.units[p223!.leadIn!]!.kind).toBe("sentence");
  });

  it("Lewisham minutes keep their 4.x paragraph numbers and rank below statutory guidance", () => {
    const [m] = find("The MACE was not used for individual case management");
    expect(m!.paragraph).toBe("4.17");
    const [wt] = find("Within one working day of a referral being received");
    expect(m!.rank).toBeLessThan(wt!.rank);
  });

  it("the Wales pages are Wales documents and their bullets are list items", () => {
    const [w] = find("the multi-agency meeting should be held in the geographical area");
    expect(w!.jurisdiction).toBe("wales");
    const [aims] = chunks.filter((c) => c.docId === "wales-multi-agency-meetings" && c.kind === "list");
    expect(aims!.units.some((u) => u.kind === "bullet" && u.text === "share information")).toBe(true);
  });

  it("footnotes that carry content are chunks of their own under the citing section", () => {
    const [f] = find("before the start of the next school day");
    expect(f!.kind).toBe("footnote");
    expect(f!.section[f!.section.length - 1]).toBe("Footnote 52");
    expect(f!.text).toContain("Operation Encompass");
  });

  it("the council papers around Working Together are a separate, lower-ranked document", () => {
    const council = chunks.filter((c) => c.docId === "herefordshire-cyp-scrutiny-2024-07-30");
    expect(council.length).toBeGreaterThan(10);
    expect(council.every((c) => c.rank < 3 && c.title.startsWith("Herefordshire"))).toBe(true);
    expect(council.some((c) => c.text.includes("Within one working day of a referral"))).toBe(false);
  });
});
