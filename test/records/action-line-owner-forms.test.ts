import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

/**
 * Working Together 2023 (ch. 3) has the strategy discussion agree "who will do what by when". Practitioners set the three
 * out in any order, apart by dashes, arrows or semicolons, one line per person, and pair workers for joint visits and
 * interviews. Forms written from those layouts, with made-up people; in each direction, a task whose owner is written
 * must read that owner, and one whose owner is not written must not get one.
 */
const deps = { clock: fixedClock("2026-03-10T12:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD =
  "Strategy discussion 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Penn HV, Tariq Shah DSL\nConcerns: bruise to the cheek of a 5 year old\nDecisions: s47 agreed. Police to lead criminal investigation. No legal action. Child with gran tonight.\nActions:\n";
const acts = (lines: string) => draftFromNotes(`${HEAD}${lines}\n`, deps).record.actions;

describe("an action line's owner wherever the writer put it", () => {
  it.each([
    ["- by 16/03 (after the medical) – Jo – review strategy", ["Jo"]],
    ["- Joint visit Jo/Amy – Thu 12/03", ["Jo/Amy"]],
    ["- home visit tomorrow me + DC Hall", ["me + DC Hall"]],
    ["- Reconvene strategy discussion – Jo, date tbc", ["Jo"]],
    ["- Ruth to check records for the sister (Mia, 7) and feed back within 3 working days", ["Ruth"]],
  ])("'%s' reads owners %j", (line, owners) => {
    const a = acts(line);
    expect(a.map((x) => x.owner).map((o) => (o === "Joanne Bell" ? "me" : o))).toEqual(owners);
  });

  it.each([
    "- Amy – ABE 12/03; CP medical – owner TBC",
    "- Amy – ABE 12/03. 2) CP medical by Fri",
    "- home visit tomorrow with Jo and Amy",
    "- see mum and dad today",
  ])("'%s' leaves the task with no written owner unowned", (line) => {
    const a = acts(line);
    expect(a[a.length - 1]?.owner ?? null).toBeNull();
  });
});

/**
 * A task with no doer of its own is given nobody's name: in a list of the meeting's tasks the record must still ask who
 * owns it (round sixteen hid "share chronology" behind the social worker who opened the line).
 */
describe("a task with no doer of its own keeps no owner", () => {
  it.each([
    ["- SW to visit child today; share chronology; police to check PNC", ["Share chronology"]],
    ["- Jo: visit child today; DC Hall to check PNC; update chrono", ["Update chrono"]],
    ["- Jo: visit child today; call school; HV records to SW by Fri", ["Call school"]],
    ["- Jo to visit child today; call school", ["Call school"]],
    ["- Jo: visit child today. Call school.", ["Call school"]],
  ])("'%s': %j keep no owner", (lines, unowned) => {
    const a = acts(lines);
    for (const what of unowned) expect(a.find((x) => x.action === what)?.owner).toBeNull();
  });
});

/**
 * A question mark in the owner's place says nobody was agreed ("GP check - ??", "GP records - ? - by 13/03"): the task has
 * no owner, and the record asks. After an owner's field the question mark is the date's ("ABE - Amy - ?").
 */
describe("question marks in the owner's place", () => {
  it.each([
    ["- GP check re mum's mood - ??", "GP check re mum's mood", null],
    ["- GP records and attendance history - ? - by 13/03", "GP records and attendance history", "2026-03-13"],
  ])("'%s' is %s with no owner", (line, what, due) => {
    const a = acts(line);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ action: what, owner: null, due });
  });

  it("when the question mark follows the owner's field, the owner stays", () => {
    expect(acts("- ABE - Amy - ?")[0]?.owner).toBe("Amy");
  });
});

