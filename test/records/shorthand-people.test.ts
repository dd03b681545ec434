import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { asInitials, expandInitials, initialsTable } from "../../records/initials.js";
import { withoutAside } from "../../records/people.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string, now = "2026-09-09T12:00:00Z") => draftFromNotes(notes, { clock: fixedClock(now), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code, a.status]);

describe("people written by their initials are the people the notes name elsewhere", () => {
  it("initials match one full name only; a set that fits two names, or none, is left as written", () => {
    const table = initialsTable(["Adele Burns", "Jo Cartwright", "Mr Quinton", "Amy Brown", "Alan Booth"]);
    expect(expandInitials("JC", table)).toBe("Jo Cartwright");
    expect(expandInitials("Mr Q", table)).toBe("Mr Quinton");
    expect(expandInitials("AB", table)).toBeNull();
    expect(expandInitials("ZZ", table)).toBeNull();
    expect(asInitials("Jo")).toBeNull();
  });

  it("when the list gives initials and the chair's and minute taker's lines the names, each person is read once with name and role", () => {
    const notes = [
      "SD 9/9/26 1400 Teams. Ref CS 778201",
      "Ch: AB (Adele Burns TM). Mins: JC (Jo Cartwright SW)",
      "Pres: AB, JC, DS PK (Paul Kerr CAIT), HV TM (Tina Marsh)",
      "Dec: s47 Y. Crim Y – jt inv. Legal N.",
      "Acts:",
      "JC + PK – jt visit mum 1630 today",
    ].join("\n");
    const d = draft(notes);
    expect(people(notes)).toEqual([
      ["Adele Burns", "team_manager", "took_part"],
      ["Jo Cartwright", "social_worker", "took_part"],
      ["Paul Kerr", "detective", "took_part"],
      ["Tina Marsh", "health_visitor", "took_part"],
    ]);
    expect(d.record.chair).toBe("Adele Burns");
    expect(d.record.recorded_by).toBe("Jo Cartwright");
    expect(d.record.child_ref).toBe("CS 778201");
    expect(d.record.actions[0]).toMatchObject({ owner: "JC + PK", due: "2026-09-09" });
  });

  it("a chair and minute taker on one line split by a pipe or a slash are two facts", () => {
    const piped = draft("Strategy disc — 28.10.26 — 15:15 — Teams\nCh: Ceri Watkins (TM)  |  rec: Jess Probert (SW)\nPresent: CW, JP, PC Liam Ford", "2026-10-28T12:00:00Z");
    expect(piped.record.chair).toBe("Ceri Watkins");
    expect(piped.record.recorded_by).toBe("Jess Probert");
    const slashed = draft("strat 21.10 10:00 f2f MASH\nchair – LM (Lisa Moran TM) / notes – SH (Steph Holden SW)", "2026-10-21T12:00:00Z");
    expect(slashed.record).toMatchObject({ chair: "Lisa Moran", recorded_by: "Steph Holden", date: "2026-10-21", time: "10:00" });
  });

  it("'Notes:' over the notes themselves is no minute taker", () => {
    const d = draft("Strategy discussion 9/9/26 10:00\nPresent: Jo Hart SW, DC Amy Shaw\nNotes:\nmum said she was worried about the boyfriend");
    expect(d.record.recorded_by).toBeNull();
  });
});

describe("attendance asides", () => {
  it("an aside on when someone came or went is set aside; one saying they did not take part stays", () => {
    expect(withoutAside("DC Laura Price – CAIT (joined 11:40, IT issues)")).toBe("DC Laura Price – CAIT");
    expect(withoutAside("Mr Bell – DSL (left 10:25 after school info given)")).toBe("Mr Bell – DSL");
    expect(withoutAside("Dr Rao – paeds (sent report 10:00)")).toBe("Dr Rao – paeds (sent report 10:00)");
  });

  it("when a police officer joined late with a reason in brackets, the list keeps them and nobody else is read from the aside", () => {
    const notes = "Strategy discussion 10/03/26 11:30 Teams\nAttendees\n- Helen Aspinall – TM, CSC\n- DC Laura Price – CAIT (joined 11:40, IT issues)\n- Sue Kaur – school nurse";
    expect(people(notes)).toEqual([
      ["Helen Aspinall", "team_manager", "took_part"],
      ["DC Laura Price", "detective", "took_part"],
      ["Sue Kaur", "school_nurse", "took_part"],
    ]);
  });

  it("in prose, a relative clause after a person is about them, not another person", () => {
    const notes = "Present were Tom Greaves TM, DS Anita Khan from CAIT and Mrs Sandhu, DSL at Oakfield Academy, who joined for the first 15 minutes and then had to leave.";
    expect(people(notes).map((p) => p[0])).toEqual(["Tom Greaves", "DS Anita Khan", "Mrs Sandhu"]);
  });
});

describe("actions in a pasted chat", () => {
  it("a message that lists the actions keeps every line, including one that names its sender", () => {
    const log = [
      "[14:00] Nerys Hughes (Team Manager): let's start. I'll chair.",
      "[14:01] Rhys Ellis (SW): here",
      "[14:01] DC Alys Morgan (PPU): here",
      "[14:27] Rhys Ellis (SW): Actions",
      "- Rhys + DC Morgan – joint visit mum 16:00 today",
      "- DC Morgan – ABE – arrange by Thurs 19/11",
      "- Rhys – Nain's home checks today",
    ].join("\n");
    const d = draft(`[Mon 16/11/2026]\n${log}`, "2026-11-16T15:00:00Z");
    expect(d.record.actions.map((a) => [a.owner, a.due])).toEqual([
      ["Rhys + DC Morgan", "2026-11-16"],
      ["DC Morgan", "2026-11-19"],
      ["Rhys", "2026-11-16"],
    ]);
  });
});
