import { describe, expect, it } from "vitest";
import { cleanText, flattenTables, splitGluedHeading } from "../../knowledge/clean.js";
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
      "<sup>7</sup> A footnote that says referral is needed.",
      "",
      "record the decision.",
    ].join("\n");
    const out = cleanText(raw, debris);
    expect(out.footnotes).toEqual([{ n: "7", text: "A footnote that says referral is needed." }]);
    const parsed = ingestDocument(raw, meta, { debris });
    const body = parsed.find((c) => c.kind === "text")!;
    expect(body.text).toBe("The practitioner should refer the child to children's social care and record the decision.");
    expect(body.paragraph).toBe("12");
    const note = parsed.find((c) => c.kind === "footnote")!;
    expect(note.text).toBe("A footnote that says referral is needed.");
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

  it("a numbered paragraph keeps every line up to the next numbered paragraph or heading", () => {
    const raw = ["## Section", "", "12. The rule ends here.", "", "Children have said that they need:", "", "- vigilance", "", "13. Next."].join("\n");
    const parsed = ingestDocument(raw, meta, { debris });
    expect(parsed.map((c) => c.paragraph)).toEqual(["12", "13"]);
    expect(parsed[0]!.text).toBe("The rule ends here.\nChildren have said that they need:\n- vigilance");
  });

  it("a footnote that runs on after a hard line break does not cut its paragraph from the bullets after it", () => {
    const raw = [
      "## Relevant agencies",
      "",
      "70. An organisation must act in accordance with local arrangements<sup>26</sup>. As part of this, the organisation should:",
      "",
      "---",
      "",
      "<sup>22</sup> [The Regulations](#)",
      "",
      "<sup>23</sup> [Statutory framework](#) <sup>26</sup>  ",
      "[Children's Act 2004 Section 16G \\(4\\)](#)",
      "",
      "- have a clear understanding of its responsibilities",
      "- co-operate with safeguarding partners",
      "",
      "71. Next paragraph.",
    ].join("\n");
    const out = cleanText(raw, debris);
    expect(out.footnotes.map((f) => f.n)).toEqual(["22", "23", "26"]);
    expect(out.footnotes[2]!.text).toBe("Children's Act 2004 Section 16G (4)");
    const [p70] = ingestDocument(raw, meta, { debris });
    expect(p70!.paragraph).toBe("70");
    expect(p70!.text).toBe(
      "An organisation must act in accordance with local arrangements. As part of this, the organisation should:\n- have a clear understanding of its responsibilities\n- co-operate with safeguarding partners",
    );
    expect(p70!.units.filter((u) => u.kind === "bullet").every((u) => u.lead === 1)).toBe(true);
  });

  it("a heading glued onto the end of a line becomes a heading of its own", () => {
    expect(splitGluedHeading("Tell them about any warning signs you have noticed.Multi-agency strategy discussion or meeting")).toEqual([
      "Tell them about any warning signs you have noticed.",
      "Multi-agency strategy discussion or meeting",
    ]);
    expect(splitGluedHeading("Section 47 of the Children Act 1989 applies.")).toBeNull();
    const raw = ["Intro", "", "You should tell them what you have noticed.Strategy meeting", "", "A meeting must be held."].join("\n");
    const parsed = ingestDocument(raw, { ...meta, title: "Plain page" }, { debris });
    expect(parsed.map((c) => c.section.at(-1))).toEqual(["Intro", "Strategy meeting"]);
    expect(parsed[1]!.text).toBe("A meeting must be held.");
  });

  it("a list numbered inside a run of numbered paragraphs is a list, not paragraphs", () => {
    const raw = ["## Part", "", "50. Partners should meet.", "", "## Joint functions", "", "1. Set the direction.", "2. Lead the work.", "", "51. Next."].join("\n");
    const parsed = ingestDocument(raw, meta, { debris });
    expect(parsed.map((c) => c.paragraph)).toEqual(["50", null, "51"]);
    expect(parsed[1]!.units.map((u) => u.kind)).toEqual(["bullet", "bullet"]);
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
  const wt = (n: string) => chunks.find((c) => c.docId === "working-together-2023" && c.paragraph === n && c.kind !== "footnote")!;

  it("Working Together is cited as its own document with its numbered paragraphs and full heading path, in the Herefordshire file", () => {
    const [p153] = find("Within one working day of a referral being received");
    expect(p153).toMatchObject({
      title: "Working Together to Safeguard Children 2023",
      file: "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt",
      paragraph: "153",
      jurisdiction: "england",
      section: ["Chapter 3: Providing help, support and protection", "Section 2: Safeguarding and promoting the welfare of children", "Timeliness"],
    });
  });

  it("paragraph 70 keeps the bullets its lead-in introduces, across the footnotes of a page break", () => {
    const p70 = wt("70");
    expect(p70.units.filter((u) => u.kind === "bullet")).toHaveLength(4);
    expect(p70.text).not.toContain("16G");
  });

  it("when a page break cuts a sentence before a number that is not a paragraph's, the number rejoins its sentence", () => {
    const raw = ["## The Prison Service", "", "264. The Prison Service is subject to the section", "", "---", "", "11 duties set out in this chapter. Staff should act.", "", "265. A new paragraph."].join("\n");
    const parsed = ingestDocument(raw, meta, { debris });
    expect(parsed.map((c) => c.paragraph)).toEqual(["264", "265"]);
    expect(parsed[0]!.units.map((u) => u.text)).toEqual(["The Prison Service is subject to the section 11 duties set out in this chapter.", "Staff should act."]);
    expect(wt("264").units[0]!.text).toBe("The Prison Service, including privately managed prisons, is subject to the section 11 duties set out in this chapter.");
  });

  it("a paragraph split by a page break is one unit, with the words after the break", () => {
    expect(wt("1").text).toContain("within the local authority area) to make arrangements to work together");
    expect(wt("49").text).toMatch(/As leaders of their organisations.*arrangements are effective and keep children safe/);
  });

  it("the child protection descriptors are units by their headings, nested under their section", () => {
    const [health] = find("advise about the appropriateness or otherwise of medical assessments");
    expect(health!.section.slice(-3)).toEqual(["Strategy discussion", "Tasks", "Health practitioners should"]);
    expect(health!.paragraph).toBeNull();
    expect(health!.units[0]!.text).toBe("Health practitioners should:");
    expect(health!.units.filter((u) => u.kind === "bullet")).toHaveLength(4);
    const [attendees] = find("should, as a minimum, be involved in the strategy discussion");
    expect(attendees!.section.slice(-2)).toEqual(["Strategy discussion", "Attendees"]);
    const [core] = find("further develop the outline child protection plan");
    expect(core!.section.slice(-3)).toEqual(["The child protection plan", "Actions and responsibilities following the initial child protection conference", "The core group should"]);
  });

  it("a bold topic line after a role label is a new topic, not part of the label", () => {
    const [icpc] = find("convene an initial child protection conference (see next section for details)");
    expect(icpc!.section.at(-3)).toBe("Outcome of section 47 enquiries");
    expect(icpc!.section.at(-2)).toMatch(/^Where concerns of significant harm are substantiated/);
    expect(icpc!.section.at(-1)).toBe("Lead practitioners should");
  });

  it("a heading listed twice in the contents is placed where the text puts it", () => {
    const [howTo] = chunks.filter((c) => c.section.at(-1) === "The rapid review" && c.paragraph === null && c.kind !== "footnote");
    expect(howTo!.section.at(-2)).toBe("How to notify a serious incident, rapid review, and local child safeguarding practice review");
  });

  it("the glossary is ingested, one unit per term", () => {
    const [lado] = chunks.filter((c) => c.section.join(" > ") === "Appendix A: Glossary > Local authority designated officer (LADO)");
    expect(lado!.text).toMatch(/^County level and unitary local authorities should ensure/);
    const [neglect] = chunks.filter((c) => c.section.join(" > ") === "Appendix A: Glossary > Neglect");
    expect(neglect!.units.filter((u) => u.kind === "bullet")).toHaveLength(5);
  });

  it("Lewisham minutes keep their 4.x paragraph numbers and rank below statutory guidance", () => {
    const [m] = find("The MACE was not used for individual case management");
    expect(m!.paragraph).toBe("4.17");
    expect(m!.section.at(-1)).toBe("Key points from discussion");
    const [wt153] = find("Within one working day of a referral being received");
    expect(m!.rank).toBeLessThan(wt153!.rank);
  });

  it("the Wales pages are split by their own headings, including one glued onto a line", () => {
    const [w] = find("the multi-agency meeting should be held in the geographical area");
    expect(w!.jurisdiction).toBe("wales");
    const [strategy] = chunks.filter((c) => c.docId === "wales-childrens-services" && c.section.at(-1) === "Multi-agency strategy discussion or meeting");
    expect(strategy!.text).toMatch(/^Under section 47 of the Children Act 1989, a multi-agency strategy discussion or meeting must be held/);
    const [referral] = chunks.filter((c) => c.docId === "wales-childrens-services" && c.section.at(-1) === "Responding to a referral");
    expect(referral!.text.endsWith("any warning signs you have noticed.")).toBe(true);
    const [aims] = chunks.filter((c) => c.docId === "wales-multi-agency-meetings" && c.kind === "list");
    expect(aims!.units.some((u) => u.kind === "bullet" && u.text === "share information")).toBe(true);
  });

  it("the good practice guide is split by its headings", () => {
    const sections = chunks.filter((c) => c.docId === "multi-agency-meetings-guide-2017" && c.kind !== "footnote").map((c) => c.section.join(" > "));
    expect(sections).toEqual(
      expect.arrayContaining(["Which meetings can the Good Practice Guide cover?", "Preparation > Timescales", "Preparation > Who needs to attend?", "Successful Multi-Agency Meetings > What if progress is not being made?"]),
    );
  });

  it("footnotes that carry content are chunks of their own under the citing paragraph; bare source titles are dropped", () => {
    const [f] = find("before the start of the next school day");
    expect(f!.kind).toBe("footnote");
    expect(f!.section.at(-1)).toBe("Footnote 52");
    expect(f!.text).toContain("Operation Encompass");
    expect(chunks.some((c) => c.kind === "footnote" && c.text === "Children Act 1989")).toBe(false);
  });

  it("the council papers around Working Together are a separate, lower-ranked document", () => {
    const council = chunks.filter((c) => c.docId === "herefordshire-cyp-scrutiny-2024-07-30");
    expect(council.length).toBeGreaterThan(10);
    expect(council.every((c) => c.rank < 3 && c.title.startsWith("Herefordshire"))).toBe(true);
    expect(council.some((c) => c.text.includes("Within one working day of a referral"))).toBe(false);
  });
});
