import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const notesWith = (line: string) =>
  `Strategy discussion 10/03/2026 14:00 Teams\nPresent:\nAmy Rowe, TM (chair)\nKay Munro, SW\nDC Ola Reyes, CAIT\n${line}\nRuth Okafor, DSL\n\nConcerns:\nBruise to cheek.`;

// Minutes note when someone came or went ("joined 10:15", "left at 11.00"): the time is when, and the person took part.
describe("a time after joining or leaving", () => {
  for (const line of ["Lena Byrne, CAMHS nurse – attended, joined 14:20", "Lena Byrne – HV (joined 14:25)", "Lena Byrne, school nurse (left at 14.40)", "Lena Byrne (GP) - dialled in 2.10"]) {
    it(`when the list says "${line}", she took part and no health gap is raised`, () => {
      const d = draft(notesWith(line));
      const who = d.record.attendees.find((a) => a.name?.includes("Lena Byrne"));
      expect(who?.agency_code).toBe("health");
      expect(who?.status).toBe("took_part");
      expect(d.gaps.map((g) => g.field)).not.toContain("attendees.health");
    });
  }
});
