import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes, parseAction } from "../../records/index.js";

/**
 * "task – owner – when", as minutes and shorthand lay an action out: the last part is when, whole, whatever the writer
 * adds to the date (a note in brackets, "start", the time and place, a Welsh word before the English). The owner is
 * the part between. A time after a date ("9 July, 10am") is never the date's year.
 */
describe("an action in three parts: the task, the owner and when", () => {
  it.each([
    ["refer to MACE – Lauren – by Tues 26/5 (Mon is bank hol)", "Refer to MACE", "Lauren", "2026-05-26"],
    ["C&F assmt - Liam - start 30/5", "C&F assmt", "Liam", "2026-05-30"],
    ["Child protection medical – Dr Oyelaran – Thursday 9 July, 10am, Jenny Lind", "Child protection medical", "Dr Oyelaran", "2026-07-09"],
    ["Shotguns removed pending licensing review – PC Lloyd – heddiw / today", "Shotguns removed pending licensing review", "PC Lloyd", "2026-05-20"],
    ["Tell Tom immediately of any travel dates – Mrs Kenny – from 15/07/2026", "Tell Tom immediately of any travel dates", "Mrs Kenny", "2026-07-15"],
    ["Dr Evans - CP medical incl. skeletal survey - 21/05 pm", "CP medical incl. skeletal survey", "Dr Evans", "2026-05-21"],
  ])("'%s' is %s, owned by %s, due %s", (line, what, owner, due) => {
    const a = parseAction(line, "2026-05-20");
    expect(a?.action).toBe(what);
    expect(a?.owner).toBe(owner);
    expect(a?.due).toBe(due);
  });

  it("a last part that is a task with its date is not cut off as when", () => {
    const a = parseAction("Cafcass – Catrin – notify Cafcass Cymru of the s47 outcome by Fri please", "2026-05-20");
    expect(a?.action ?? "").toMatch(/notify Cafcass Cymru/);
  });
});

describe("a last part that names someone is not only when", () => {
  it("'DM – health chrono → BD 4/12' sends the chronology to BD, and the next task on the line stays its own", () => {
    const notes = "Strategy discussion 02/12/2026 10:00 Teams\nRef C-20441\nPresent: Beth Davies (BD) SW, Dan Morgan (DM) school nurse, PC Amy Hall\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\nActions: BD – see kids alone – today pm / DM – health chrono → BD 4/12";
    const d = draftFromNotes(notes, { clock: fixedClock("2026-12-02T09:00:00Z"), calculator: createDeadlineCalculator() });
    expect(d.record.actions.map((a) => a.due)).toEqual(["2026-12-02", "2026-12-04"]);
  });
});

describe("an abbreviation inside a task does not end it", () => {
  it.each(["CP medical incl. skeletal survey", "health records inc. A&E attendances", "referral to CAMHS esp. re sleep"])("'Dr Evans - %s - 14/03 pm' is one action", (task) => {
    const notes = `Strategy discussion 14/03/2025 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, Dr Evans paeds, PC Amy Ray\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\nActions:\n1. Dr Evans - ${task} - 14/03 pm`;
    const d = draftFromNotes(notes, { clock: fixedClock("2025-03-14T09:00:00Z"), calculator: createDeadlineCalculator() });
    expect(d.record.actions).toHaveLength(1);
    expect(d.record.actions[0]?.owner).toBe("Dr Evans");
    expect(d.record.actions[0]?.due).toBe("2025-03-14");
  });
});
