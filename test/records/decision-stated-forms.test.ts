import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { clauses, readSection47 } from "../../records/decisions.js";

/**
 * A recorded decision is one stated, not proposed, asked, deferred or cited. Working Together 2023 (ch. 3) has the
 * strategy discussion decide whether section 47 enquiries are made; minutes that carry only one agency's wish, the
 * question, the decision as a task for later, or the Act cited under the title record no decision, and the draft must
 * flag it. Each form is written from how minutes put it, in both directions.
 */
const deps = { clock: fixedClock("2026-03-10T09:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD = "Strategy discussion Tuesday 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to the cheek of a 5 year old\n";
const s47 = (text: string) => readSection47(clauses(text)).decision;

describe("section 47 mentioned without a decision stated", () => {
  it.each([
    // One agency's wish or proposal, with the decision left to be made (a view alone stays the decision, as before).
    ["police would like s47. S47 – TM to decide tomorrow", "undecided"],
    ["Health recommend s47. No agreement – s47 to go to the service manager", "undecided"],
    // The question asked of the case.
    ["we need to think about whether this should be a section 47 or stay as child in need", "undecided"],
    ["discussed whether it meets s47 – to be looked at again after the medical", "undecided"],
    // The decision named as a task, with who and when but no answer.
    ["s47 decision – Kay – Friday 13/03", "undecided"],
    ["- s47 decision: TM by 12/03", "undecided"],
    // The decision not reached at the meeting, or not yet in a place to be made.
    ["Section 47: not agreed at the meeting – Sam to decide once the checks are back", "undecided"],
    ["Not ready to say s47 or an assessment – I'll decide after tomorrow's visit", "undecided"],
    ["S47 could not be agreed – manager to review", "undecided"],
    // Handed "for" the one who decides, in Working Together's words ("It is for the local authority to decide").
    ["s47 – for TM", "undecided"],
    ["S47: for CSC", "undecided"],
    ["s47 for the duty team manager", "undecided"],
  ])("'%s' is %s", (line, expected) => {
    expect(s47(line)).toBe(expected);
  });

  it.each([
    // Stated decisions stay decided.
    ["s47 decision: yes – threshold met", "yes"],
    ["S47 decision – agreed, Jo to lead", "yes"],
    ["s47 not agreed – threshold not met, CIN assessment instead", "no"],
    ["Police want s47 and all agreed – joint enquiries", "yes"],
    ["everyone felt s47 is needed", "yes"],
    ["Section 47 Children Act 1989 enquiries to start today", "yes"],
    ["s47 enquiries for both children – agreed", "yes"],
  ])("'%s' stays %s", (line, expected) => {
    expect(s47(line)).toBe(expected);
  });

  it.each([
    // Deferred: on hold, waiting, to revisit or reconvene, outstanding, open, not known, not ruled out.
    "S47: on hold until police have spoken to the neighbour",
    "s47 – wait for the CP medical",
    "s47 – revisit Monday",
    "Section 47 – reconvene Thursday once the school has been seen",
    "S47 – outstanding",
    "s47 – open",
    "S47 – n/k",
    "s47 may be needed",
    "s47 not ruled out",
    // Only talked over.
    "s47 threshold discussed",
    "Section 47 option discussed with the TM",
    // Made to hang on something still to happen.
    "s47 if the medical finds a non-accidental injury",
    "S47 if mum doesn't engage with the plan",
    "s47 subject to the medical outcome",
  ])("'%s' is a decision left for later", (line) => {
    expect(s47(line)).toBe("undecided");
  });

  it.each([
    ["s47 agreed – review strategy discussion in 10 days", "yes"],
    ["s47 discussed and agreed, Jo to lead", "yes"],
    ["Threshold discussed – met, s47 to start today", "yes"],
    ["s47 not met – discussed, CIN assessment instead", "no"],
  ])("'%s' states its answer beside the deferral word: %s", (line, expected) => {
    expect(s47(line)).toBe(expected);
  });

  it("the Act cited under the minutes' title is no decision, and the gap is raised", () => {
    const notes = `MULTI-AGENCY STRATEGY DISCUSSION\nSection 47 Children Act 1989 / Working Together 2023\n${HEAD}Decisions: police to take a first account. Child stays with grandmother tonight.\nActions: Jo Bell to visit by 12/03/2026\n`;
    const d = draftFromNotes(notes, deps);
    expect(d.record.decisions.section47.decision).toBe("undecided");
    expect(d.gaps.map((g) => g.field)).toContain("decisions.section47");
  });
});
