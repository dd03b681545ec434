import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

/**
 * Notes that say the actions are written later or elsewhere record no actions: the record's own words (actions, action
 * log, notes, minutes, write-up) added, confirmed, agreed or sent later, a pointer to another page or another person's
 * notes, or no time to agree them. None of these is a task, and the "no actions" gap stands. A task that names a plan
 * of its own ("agree the safety plan with mum") stays a task.
 */
const deps = { clock: fixedClock("2025-07-14T12:00:00Z"), calculator: createDeadlineCalculator() };
const TOP = "Strategy discussion 14/07/2025 10:00 Teams\nPresent: Jo Bell SW, PC Amy Ray, Dr Kaur GP\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\n";
const draft = (tail: string) => draftFromNotes(`${TOP}${tail}`, deps);

describe("actions written later or elsewhere are no actions", () => {
  it.each([
    "Actions:\nto follow -> see Amy's notes",
    "Actions -\n→ see p4",
    "Actions: see over",
    "Actions will be agreed once I have spoken to dad.",
    "Actions - ran out of time - to agree at the review",
    "I'll add the actions tomorrow when I'm back in the office.",
    "I'll do the full write-up later today.",
    "We'll pick up the actions offline, Jo will circulate.",
    "The action log will be circulated by the chair.",
  ])("'%s' records no task and the actions gap is raised", (tail) => {
    const d = draft(tail);
    expect(d.record.actions).toEqual([]);
    expect(d.gaps.map((g) => g.field)).toContain("actions");
  });

  it.each([
    ["Actions:\nJo to agree the safety plan with mum – 15/07", "Jo"],
    ["Actions:\nPC Ray to confirm bail conditions – 15/07", "PC Ray"],
    ["Actions:\nJo to send the chronology to the GP by 16/07", "Jo"],
  ])("a task that names its own work stays a task: '%s'", (tail, owner) => {
    const d = draft(tail);
    expect(d.record.actions.length).toBe(1);
    expect(d.record.actions[0]?.owner).toBe(owner);
  });
});
