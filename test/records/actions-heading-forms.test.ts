import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const notesWith = (heading: string) =>
  `Strategy discussion 10/03/2026 10:00 Teams\nPresent: Amy Rowe TM (chair), Kay Munro SW, DC Ola Reyes, Lena Byrne HV\ns47 agreed.\n${heading}\n1. CP medical today - Lena\n2. Joint visit - Kay + DC Reyes - 11/03/2026`;

// People qualify the actions' heading ("so far", "as I noted them", "to confirm"): those words are about the list, not a
// task in it, so they are no action without an owner or a date.
describe("the actions' heading written with words of its own", () => {
  for (const heading of ["ACTIONS so far:", "Actions as I noted them:", "Actions (to confirm):", "Actions pls confirm:", "Actions from today:"]) {
    it(`when the heading is "${heading}", only the two tasks are actions and no owner or date gap is raised`, () => {
      const d = draft(notesWith(heading));
      expect(d.record.actions).toHaveLength(2);
      const fields = d.gaps.map((g) => g.field);
      expect(fields).not.toContain("actions.owner");
      expect(fields).not.toContain("actions.due");
    });
  }
});
