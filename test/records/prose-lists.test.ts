import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code]);

// An e-mail writes who took part as one sentence after an opener ("On Teams were", "Joined:"), the writer as
// "me (name, role, team)" and each person with a bracket saying who they are, sometimes in words of its own.
describe("who took part, written as a sentence in an e-mail", () => {
  const openers = ["On Teams were", "Joined:", "Present were", "On the phone were"];
  for (const opener of openers) {
    it(`when "${opener}" lists people with brackets holding commas and a team, each of them is read`, () => {
      const notes = `Hi all,\n\nNotes of yesterday's strategy discussion for K (14), ref 448120.\n\n${opener} me (Ann Lowe, SW, 16+ team), Ben Hart (my TM, chaired), DS Carl Ryde (Child Exploitation Team), Eve Moss (specialist nurse for young people, the health board).\n\nK was found at 2am.`;
      expect(people(notes)).toEqual([
        ["Ann Lowe", "social_worker"],
        ["Ben Hart", "team_manager"],
        ["DS Carl Ryde", "detective"],
        ["Eve Moss", "nurse"],
      ]);
    });
  }

  it("when one piece of the list is no person, the others are still read", () => {
    const notes = "Hi all,\n\nOn Teams were me (Ann Lowe, SW), Ben Hart (TM), DS Carl Ryde (CAIT) and the housing support provider.\n\nK was found at 2am.";
    expect(people(notes)).toEqual([
      ["Ann Lowe", "social_worker"],
      ["Ben Hart", "team_manager"],
      ["DS Carl Ryde", "detective"],
    ]);
  });
});
