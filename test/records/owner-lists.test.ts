import { describe, expect, it } from "vitest";
import type { OwnerContext } from "../../records/actions.js";
import { listLabel, ownersOfList, personHeading, type ListedTask } from "../../records/owner-lists.js";

/**
 * One person's list, read from its parts: the label that opens a line, the heading over tasks, and the rule that a list
 * with any other doer in it gives nobody an owner (a hidden owner gap is worse than a question).
 */
const ctx: OwnerContext = { names: ["Sioned Rees", "DC Amy Hall", "Ruth Penn"], author: null, anchor: "2026-03-10", year: 2026 };
const task = (action: string, owner: string | null, listed = true, clause = action): ListedTask => ({
  action: { action, owner, due: null, due_text: null, source: action },
  listed,
  clause,
});

describe("listLabel", () => {
  it.each([
    ["Sioned: visit; call school", "Sioned"],
    ["- DC Hall – ABE 12/03; seize phone", "DC Hall"],
    ["Ruth → records by Fri; growth chart", "Ruth"],
  ])("when a person labels the line ('%s'), the label is %s", (line, label) => {
    expect(listLabel(line, ctx)).toBe(label);
  });

  it.each(["SW to visit child today; share chronology", "CP medical – owner TBC", "by 8/4 – Sioned – reconvene"])(
    "when the line opens with a doer or a task ('%s'), there is no label",
    (line) => {
      expect(listLabel(line, ctx)).toBeNull();
    },
  );
});

describe("personHeading", () => {
  it("when a person's line ends with a colon and tasks follow, it heads them", () => {
    expect(personHeading("Sioned:", { bullet: true }, false, ctx)).toBe("Sioned");
  });

  it("when a plain person's line stands above bullets, it heads them", () => {
    expect(personHeading("DC Hall", { bullet: true }, false, ctx)).toBe("DC Hall");
  });

  it("when nothing follows, or the line holds a task, it heads nothing", () => {
    expect(personHeading("Sioned:", undefined, false, ctx)).toBeNull();
    expect(personHeading("Sioned: visit today", { bullet: true }, false, ctx)).toBeNull();
    expect(personHeading("Sioned", { bullet: false }, false, ctx)).toBeNull();
  });
});

describe("ownersOfList", () => {
  it("when every task is the person's or has no doer, the tasks with no doer are theirs", () => {
    const out = ownersOfList([task("Visit child", "Sioned"), task("Call school", null), task("Update chrono", null)], "Sioned");
    expect(out.map((a) => a.owner)).toEqual(["Sioned", "Sioned", "Sioned"]);
  });

  it("when another task names its own doer, no task is given an owner", () => {
    const out = ownersOfList([task("Visit child", "Sioned"), task("Check PNC", "DC Hall"), task("Update chrono", null)], "Sioned");
    expect(out.map((a) => a.owner)).toEqual(["Sioned", "DC Hall", null]);
  });

  it("when a task is said to have no owner, or is not on the list, it keeps none", () => {
    const out = ownersOfList([task("Visit child", "Sioned"), task("CP medical", null, true, "CP medical – owner TBC"), task("Call school", null, false)], "Sioned");
    expect(out.map((a) => a.owner)).toEqual(["Sioned", null, null]);
  });
});
