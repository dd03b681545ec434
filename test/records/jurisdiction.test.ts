import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes, renderRecord } from "../../records/index.js";

const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };
const CARDIFF =
  "Strat 14/5/25 10am Teams, Cardiff Children's Services. Present: Cerys Morgan SW, PC Lewis (South Wales Police), HV Ann Lee. Agreed: s47, joint investigation, no legal action. Mum told today. Actions: Cerys to visit today.";

describe("the jurisdiction read from the notes", () => {
  it("notes naming a Welsh council and force are drafted for Wales, saying the words they were read from", () => {
    const d = draftFromNotes(CARDIFF, deps);
    expect(d.record.jurisdiction).toMatchObject({ value: "wales", from: "notes" });
    expect(d.record.jurisdiction?.evidence.map((e) => e.words)).toEqual(["Cardiff", "South Wales Police"]);
    expect(d.warnings.join(" ")).toMatch(/read as Wales from "Cardiff", "South Wales Police"/);
  });

  it("a Wales record carries no England timescale as a rule: no ICPC date, and the date gap does not state 15 working days", () => {
    const d = draftFromNotes(CARDIFF, deps);
    expect(d.record.decisions.section47.decision).toBe("yes");
    expect(d.deadlines).toEqual([]);
    const undated = draftFromNotes(CARDIFF.replace("14/5/25 ", ""), deps);
    const gap = undated.gaps.find((g) => g.field === "date");
    expect(gap?.message).not.toMatch(/15 working days|initial child protection conference is due/);
    expect(undated.deadlines).toEqual([]);
  });

  it("the same notes in England get the ICPC date and the England wording", () => {
    const d = draftFromNotes(CARDIFF.replace("Cardiff", "Leeds").replace("South Wales Police", "West Yorkshire Police"), deps);
    expect(d.record.jurisdiction).toMatchObject({ value: "england", from: "notes" });
    expect(d.deadlines.map((x) => x.due)).toEqual(["2025-06-05"]);
  });

  it("notes that name no place are England by default, and say so", () => {
    const d = draftFromNotes("Strat 14/5/25. Present: Jo SW, HV Lee, DC Patel. Agreed: s47.", deps);
    expect(d.record.jurisdiction).toEqual({ value: "england", from: "default", evidence: [] });
  });

  it("the caller's jurisdiction overrides the notes, keeps their evidence and says they differ", () => {
    const d = draftFromNotes(CARDIFF, deps, { jurisdiction: "england" });
    expect(d.record.jurisdiction).toMatchObject({ value: "england", from: "caller" });
    expect(d.record.jurisdiction?.evidence.map((e) => e.words)).toEqual(["Cardiff", "South Wales Police"]);
    expect(d.warnings.join(" ")).toMatch(/suggests Wales, but the record was drafted for England as asked/);
    expect(d.deadlines.map((x) => x.due)).toEqual(["2025-06-05"]);
  });

  it("Markdown, HTML and Word show the jurisdiction and the words it was read from", async () => {
    const d = draftFromNotes(CARDIFF, deps);
    const expected = 'Wales (read from the notes: "Cardiff", "South Wales Police")';
    expect(String(await renderRecord(d, "md"))).toContain("Wales (read from the notes: \"Cardiff\", \"South Wales Police\")");
    expect(String(await renderRecord(d, "html"))).toContain(expected.replaceAll('"', "&quot;"));
    const { value } = await mammoth.extractRawText({ buffer: (await renderRecord(d, "docx")) as Buffer });
    expect(value).toContain(expected);
  });
});
