import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const notesWith = (line: string) =>
  `Strategy discussion 10/03/2026 14:00 Teams\nPresent:\nAmy Rowe - TM (chair)\nKay Munro - SW\n${line}\nNisha Gill - HV\n\nConcerns:\nBruise to cheek.`;

// Forces, trusts and councils name their units by what they do, ending in the unit's noun; the words of such a name
// (child, sexual, abuse, investigation) are where the person works, not the words of a concern or a task.
describe("a team, unit or service written after a person", () => {
  const forms = [
    "DC Ola Reyes, Dyfed-Powys Police – Online Child Sexual Exploitation Team",
    "DC Ola Reyes – Paedophile Online Investigation Team – Police",
    "DC Ola Reyes, Gwent Police, Child Protection Investigation Unit",
    "DS Ola Reyes (Domestic Abuse Investigation team, police)",
    "DS Ola Reyes, Major Crime Investigation Team",
  ];
  for (const line of forms) {
    it(`when the list says "${line}", the officer took part and no police gap is raised`, () => {
      const d = draft(notesWith(line));
      const officer = d.record.attendees.find((a) => a.name?.includes("Ola Reyes"));
      expect(officer?.agency_code).toBe("police");
      expect(officer?.status).toBe("took_part");
      expect(d.gaps.map((g) => g.field)).not.toContain("attendees.police");
      // The list runs on past the team's name: the next person is still read.
      expect(d.record.attendees.map((a) => a.name)).toContain("Nisha Gill");
    });
  }
});

describe("words that are not a team's name", () => {
  it("when a line asks someone to contact a team, it stays a task and names nobody", () => {
    const d = draft(`${notesWith("DC Ola Reyes - CAIT")}\n\nActions:\nContact Child Protection Team re history - SW by 12/03/2026`);
    expect(d.record.actions.map((a) => a.action).join(" ")).toMatch(/Contact Child Protection Team/);
  });

  it("when the police are named only as a team with nobody from it, the police gap is still raised", () => {
    const d = draft(`${notesWith("Apologies: Online Child Sexual Exploitation Team")}`);
    expect(d.record.attendees.filter((a) => a.agency_code === "police" && a.status === "took_part")).toHaveLength(0);
    expect(d.gaps.map((g) => g.field)).toContain("attendees.police");
  });
});
