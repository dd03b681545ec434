import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const notesWith = (line: string) =>
  `Strategy discussion 10/03/2026 14:00 Teams\nPresent:\nAmy Rowe, TM (chair)\nKay Munro, SW\nDC Ola Reyes, CAIT\n${line}\nRuth Okafor, DSL\n\nConcerns:\nBruise to cheek.`;

// Health and council job titles carry their specialty or remit: before the role in lower case, or as "for safeguarding
// children" (the Intercollegiate Document's named and designated professionals). Those words are the role's; the person
// is still the health member of the discussion.
describe("a health role written with its specialty or remit", () => {
  const forms = [
    "Lena Byrne, respiratory specialist nurse",
    "Lena Byrne, epilepsy nurse specialist",
    "Lena Byrne, Named Nurse for Safeguarding Children",
    "Lena Byrne, Designated Nurse Safeguarding Children, ICB",
  ];
  for (const line of forms) {
    it(`when the list says "${line}", she took part for health and no health gap is raised`, () => {
      const d = draft(notesWith(line));
      const nurse = d.record.attendees.find((a) => a.name?.includes("Lena Byrne"));
      expect(nurse?.agency_code).toBe("health");
      expect(nurse?.status).toBe("took_part");
      expect(d.gaps.map((g) => g.field)).not.toContain("attendees.health");
      expect(d.record.attendees.map((a) => a.name)).toContain("Ruth Okafor");
    });
  }

  it("when the words before a role are a task, they stay a task", () => {
    const d = draft(`${notesWith("Lena Byrne, HV")}\n\nActions:\nKay - speak to school nurse re attendance by 12/03/2026`);
    expect(d.record.actions.map((a) => a.owner)).toContain("Kay");
  });

  it("when a bracket after the role says she was unwell, she is not read as taking part", () => {
    const d = draft(notesWith("Lena Byrne, HV (unwell)"));
    expect(d.record.attendees.filter((a) => a.name?.includes("Lena Byrne") && a.status === "took_part")).toHaveLength(0);
  });
});
