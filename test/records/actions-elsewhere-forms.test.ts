import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

/**
 * Working Together 2023 (ch. 3) has the strategy discussion agree "who will do what by when". Notes often close by
 * promising the actions later or pointing to them somewhere else; such a line records no task, and the record must
 * still say that no actions are recorded. Forms written from how notes close, in both directions.
 */
const deps = { clock: fixedClock("2026-03-10T12:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD =
  "Strategy discussion 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to the cheek of a 5 year old\nDecisions: s47 agreed. Police to lead criminal investigation. No legal action. Child with gran tonight.\n";
const read = (tail: string) => draftFromNotes(`${HEAD}${tail}\n`, deps);

describe("the actions promised later or pointed to elsewhere", () => {
  it.each([
    "Actions will be confirmed once I have spoken to the family.",
    "I'll add the actions when I'm back at my desk",
    "Actions –\n~~to follow~~ -> see Sam's notes",
    "Actions —\n→ see p4",
    "Actions - ran out of time - to agree when the duty team call back",
    "That's all for now, I'll do the full write-up tomorrow.",
    "Thanks all - we'll pick up the actions offline, Priya will circulate",
    "Actions: as discussed",
    "Actions: see email",
    "Actions - in the Teams chat",
    "Actions: to be agreed at the next meeting",
    "Actions: none agreed yet",
    "Actions – I'll email them round later",
  ])("'%s' records no action, and the gap is raised", (tail) => {
    const d = read(tail);
    expect(d.record.actions).toEqual([]);
    expect(d.gaps.map((g) => g.field)).toContain("actions");
  });

  it.each([
    ["Actions: Jo to see the child in school 12/03", "Jo"],
    ["Actions: SW – see mum and child today", "SW"],
    ["Actions: Ruth to send the health records round by Friday", "Ruth"],
    ["Actions: DC Hall to circulate the photo to patrols today", "DC Hall"],
  ])("'%s' stays an action owned by %s", (tail, owner) => {
    const d = read(tail);
    expect(d.record.actions.map((a) => a.owner)).toContain(owner);
  });
});
