import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code, a.status]);

// Roles beyond the statutory agencies' practitioners that strategy discussion lists name: the business support
// officer who minutes it, a children's home's registered manager or key worker, an exploitation or trafficking
// advocate. Each is a role of its own ("other"), never a social worker read from the agency beside it.
const ROLES = ["business support", "Minute taker", "Registered Manager", "key worker", "residential worker", "CSE worker", "Independent Child Trafficking Guardian", "community FGM link worker"];

describe("support and residential roles in a list of who took part", () => {
  for (const role of ROLES) {
    it(`when a listed person's role is "${role}", they are kept with that role and the people after them too`, () => {
      const read = people(`Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - SW (chair)\nKay Munro - ${role} - Children's Social Care\nDC Sam Ito - CAIT\n\nConcerns:\nBruise.`);
      expect(read).toContainEqual(["Kay Munro", "other", "took_part"]);
      expect(read).toContainEqual(["DC Sam Ito", "detective", "took_part"]);
    });
  }

  it("when a social worker takes the minutes, they stay a social worker", () => {
    const read = people("Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - TM (chair)\nKay Munro - SW (minutes)\n\nConcerns:\nBruise.");
    expect(read).toContainEqual(["Kay Munro", "social_worker", "took_part"]);
  });
});

describe("the minute taker's own line", () => {
  it("when business support minutes the discussion and the list of who took part does not name them, they record it but are not an attendee", () => {
    const d = draft("Strategy discussion 10/03/2026\nChair: Amy Rowe, Team Manager\nMinutes: Kay Munro (business support)\n\nPresent:\nAmy Rowe - TM\nDC Sam Ito - CAIT\n\nConcerns:\nBruise.");
    expect(d.record.recorded_by).toBe("Kay Munro");
    expect(d.record.attendees.map((a) => a.name)).toEqual(["Amy Rowe", "DC Sam Ito"]);
  });

  it("when a practitioner minutes it from their own line, they are an attendee", () => {
    const d = draft("Strategy discussion 10/03/2026\nChair: Amy Rowe, Team Manager\nMinutes: Kay Munro (SW)\n\nPresent:\nAmy Rowe - TM\nDC Sam Ito - CAIT\n\nConcerns:\nBruise.");
    expect(d.record.attendees.map((a) => a.name)).toContain("Kay Munro");
  });

  it("when the list of who took part names the business support officer, they are an attendee", () => {
    const d = draft("Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - TM (chair)\nKay Munro - business support (minutes)\n\nConcerns:\nBruise.");
    expect(d.record.attendees.map((a) => [a.name, a.role_code])).toContainEqual(["Kay Munro", "other"]);
  });
});

