import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
// Tuesday 10 March 2026.
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const HEAD = "Strategy discussion Tuesday 10/03/2026 10:00 Teams\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to cheek\n";

describe("a section 47 decision left open, in the ways people write it", () => {
  it.each([
    "Threshold for s47 to be reviewed after the medical",
    "s47? TM to confirm",
    "Consider s47 after ABE",
    "s47 - TM to make decision by 5pm",
    "No decision yet on s47, pending the CP medical",
    "Possible s47 - TM will decide",
  ])("'%s' is not a decision", (line) => {
    const d = draft(`${HEAD}Decisions:\n- ${line}`);
    expect(d.record.decisions.section47.decision).toBe("undecided");
    expect(d.gaps.map((g) => g.field)).toContain("decisions.section47");
  });

  it.each([
    ["s47 agreed", "yes"],
    ["s47? Y", "yes"],
    ["s47 agreed - NAI?", "yes"],
    ["s47 not agreed - single assessment", "no"],
  ])("'%s' is a decision", (line, want) => {
    expect(draft(`${HEAD}Decisions:\n- ${line}`).record.decisions.section47.decision).toBe(want);
  });
});

describe("section 47 when nobody from children's social care took part", () => {
  it("when the notes record s47 agreed but only police and health took part, the decision is flagged for the local authority", () => {
    const d = draft("Strategy discussion 10/03/2026 10:00 Teams\nPresent: DC Amy Hall CAIT, Ruth Bell HV\nApologies: Jo Bell SW\nConcerns: bruise\nDecisions:\n- s47 agreed");
    expect(d.record.decisions.section47.decision).toBe("yes");
    const g = d.gaps.find((x) => x.field === "decisions.section47");
    expect(g?.message).toMatch(/children's social care/);
  });

  it("when a social worker took part, an agreed s47 raises no section 47 gap", () => {
    const d = draft(`${HEAD}Decisions:\n- s47 agreed`);
    expect(d.gaps.map((g) => g.field)).not.toContain("decisions.section47");
  });
});

describe("due dates in more of the ways actions are written", () => {
  it.each([
    ["Jo Bell to visit child. Timescale: 24hrs", "2026-03-11"],
    ["Jo Bell to visit child (timescale: today)", "2026-03-10"],
    ["Jo Bell to visit child - week commencing 16 March", "2026-03-16"],
    ["Jo Bell to visit child by the weekend", "2026-03-13"],
    ["Jo Bell to visit child within the next 24 hours", "2026-03-11"],
    ["Jo Bell to visit child over the next 2 days", "2026-03-12"],
    ["CP medical – Dr Shah – 48 hrs", "2026-03-12"],
  ])("%s → %s", (line, due) => {
    const a = draft(`${HEAD}Actions:\n- ${line}`).record.actions[0];
    expect(a?.due).toBe(due);
    expect(a?.action).not.toMatch(/timescale|\($/i);
  });

  it("hours said in passing in an action are no due date", () => {
    expect(draft(`${HEAD}Actions:\n- Jo Bell to ask about the bruise seen 24 hours earlier at nursery`).record.actions[0]?.due).toBeNull();
  });

  it("a Friday's 'tomorrow' and 'within 24 hours' are the Saturday; only working days skip the weekend", () => {
    const fri = (line: string) =>
      draftFromNotes(`Strategy discussion Friday 13/03/2026 10:00\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nActions:\n- ${line}`, { clock: fixedClock("2026-03-13T12:00:00Z"), calculator }).record.actions[0]?.due;
    expect(fri("Jo Bell to visit child tomorrow")).toBe("2026-03-14");
    expect(fri("Jo Bell to visit child within 24hrs")).toBe("2026-03-14");
    expect(fri("Jo Bell to visit child within 1 working day")).toBe("2026-03-16");
  });
});

describe("decisions answered straight after their topic (round ten)", () => {
  it.each([
    ["Crim Y – jt inv. Legal N @ this stage.", "yes", "no"],
    ["crim – NO (no new offence; licence breach = probation matter). legal – no", "no", "no"],
    ["crim investigation: YES – joint w/ CSC once EDT on board. Legal: none", "yes", "no"],
  ])("'%s' reads criminal %s and legal %s", (line, crime, legal) => {
    const d = draft(`${HEAD}Decisions:\ns47 Y\n${line}`);
    expect(d.record.decisions.criminal_investigation.decision).toBe(crime);
    expect(d.record.decisions.legal_action.decision).toBe(legal);
  });

  it.each([
    "Stacey to be told today – everything, incl. that probation and police share info",
    "Donna told today by OT + DC Bell after school",
    "Today's outcome will be shared with her by Jo this afternoon",
  ])("'%s' says what the family will be told, with the parent named by name", (line) => {
    const d = draft(`${HEAD}Decisions:\ns47 agreed\n${line}\nActions: Jo - visit - today`);
    expect(d.gaps.map((g) => g.field)).not.toContain("decisions.share_with_family");
  });

  it("a child telling a professional is a disclosure, not sharing with the family", () => {
    const d = draft(`${HEAD}Decisions:\ns47 agreed\nMegan told SN at drop-in that she is scared\nActions: Jo - visit - today`);
    expect(d.record.decisions.share_with_family).toBeNull();
  });

  it("when children's social care agreed s47 by e-mail and did not join, the decision is theirs and raises no gap", () => {
    const d = draft("Strategy discussion 10/03/2026 10:00 Teams\nPresent: DC Amy Hall CAIT, Ruth Bell HV\nReports: Shaun Price TM - emailed 10:10\nConcerns: bruise to cheek\nDecisions: s47 - agreed (TM email 10:10)");
    expect(d.gaps.map((g) => g.field)).not.toContain("decisions.section47");
  });
});

describe("decisions written among the concerns (round ten)", () => {
  it("when the decisions heading is lost, a criminal investigation and legal action said as decided are still read", () => {
    const d = draft("Strategy discussion Tuesday 10/03/2026 10:00 Teams\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to cheek of a 5 year old. section 47 enquiries agreed. police investigation into the adults, police lead. no legal action, mum working with us.");
    expect(d.record.decisions.criminal_investigation.decision).toBe("yes");
    expect(d.record.decisions.legal_action.decision).toBe("no");
  });

  it("background about a past arrest among the concerns is no decision on a criminal investigation", () => {
    const d = draft("Strategy discussion Tuesday 10/03/2026 10:00 Teams\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to cheek of a 5 year old. Dad was arrested in 2023 for assault. section 47 enquiries agreed.");
    expect(d.record.decisions.criminal_investigation.decision).toBe("undecided");
  });
});
