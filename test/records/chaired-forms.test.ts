import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseNotes } from "../../records/notes-parser.js";

/** Who chaired, said in an e-mail's prose with the person before the verb ("Rob Baines chaired."). */
const clock = fixedClock("2026-07-08T12:00:00Z");
const read = (body: string) => parseNotes(`From: Gemma Carter\nSubject: strategy discussion notes\n\nHi all,\n\n${body}\n\nThanks,\nGemma`, clock).record;

describe("when an e-mail says who chaired with the person before 'chaired', that person chaired and took part", () => {
  it.each([
    ["Here are my notes from yesterday's strategy meeting (started about 3pm, at County Hall). Rob Baines chaired.", "Rob Baines"],
    ["We held the strategy discussion on Monday at 2pm over Teams. Carys Jenkins (TM) chaired and I took the notes.", "Carys Jenkins"],
    ["I chaired (Sam Fletcher, Team Manager, Family Safeguarding Team) and Marcus Reid (social worker) took the notes.", "Sam Fletcher"],
  ])("'%s'", (body, chair) => {
    const r = read(body);
    expect(r.chair).toBe(chair);
    expect(r.attendees.map((a) => a.name)).toContain(chair);
  });

  it("the one who took the notes in the same sentence took part too", () => {
    const r = read("I chaired (Sam Fletcher, Team Manager, Family Safeguarding Team) and Marcus Reid (social worker) took the notes.");
    expect(r.attendees.find((a) => a.name === "Marcus Reid")?.role).toBe("Social worker");
  });

  it("'chaired' inside a list's bracket, or before others said another way, leaves the list read as before", () => {
    const listed = read("Joined: me (Gemma Carter, SW, chaired), Rachel Quinn (my TM), DS Lee Hartley (Child Exploitation Team).");
    expect(listed.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["Rachel Quinn", "DS Lee Hartley"]));
    const joined = read("We spoke by phone at 2pm. I chaired; Ellie Marsh (TM) and PC Reeve (PPU) joined.");
    expect(joined.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["Ellie Marsh", "PC Reeve"]));
  });
});
