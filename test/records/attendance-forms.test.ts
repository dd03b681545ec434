import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { keyTable } from "../../records/initials.js";
import { heldTogether } from "../../records/people.js";
import { heldRolePairs, vocabulary } from "../../records/vocabulary.js";
import { seeded } from "../../core/random.js";
import { ATTENDANCE_FORMATS, writeAttendanceNotes } from "../../scripts/note-attendance.js";

const calculator = createDeadlineCalculator();
const people = (notes: string) =>
  draftFromNotes(notes, { clock: fixedClock("2025-03-17T12:00:00Z"), calculator }).record.attendees.map((a) => [a.name, a.role_code, a.status]);

describe("one person holding two roles is one attendee", () => {
  it("every pair of the vocabulary's compound roles is read as role ids both ways round", () => {
    const pairs = heldRolePairs();
    expect(pairs.has("head_teacher+dsl")).toBe(true);
    expect(pairs.has("dsl+head_teacher")).toBe(true);
    // Each listed pair names two roles the lexicon knows.
    expect(pairs.size).toBeGreaterThanOrEqual(2 * 3);
  });

  it("'deputy head and DSL' in a typed list is one person, recorded as the DSL", () => {
    for (const joiner of ["and", "&", "/"]) {
      expect(people(`Strategy discussion 17/03/2025\nPresent: Jo Smith SW (chair), Mrs Ann Lee deputy head ${joiner} DSL, DC Paul Reed CAIT`)).toEqual([
        ["Jo Smith", "social_worker", "took_part"],
        ["Mrs Ann Lee", "dsl", "took_part"],
        ["DC Paul Reed", "detective", "took_part"],
      ]);
    }
  });

  it("the same said aloud in a dictated list is one person", () => {
    const got = people("strategy discussion on the seventeenth of march present were jo smith social worker and ann lee deputy head and designated safeguarding lead and detective constable paul reed from cait");
    expect(got.map((p) => p[1])).toEqual(["social_worker", "dsl", "detective"]);
  });

  it("two roles that are two people stay two people ('SW and TM')", () => {
    expect(heldTogether("SW and TM")).toEqual([]);
    expect(heldTogether("SENCO and DSL")).toHaveLength(1);
  });
});

describe("a key to initials names the people written by them", () => {
  it("reads 'XX = Name', 'XX - Name', 'XX: Name' and 'Name (XX)', and only where the letters are the name's own", () => {
    const key = keyTable("AN = Alys Norris, WH - Wyn Hartley; PR: Paul Reed, Ann Lee (AL), ZZ = Jo Smith");
    expect([...key]).toEqual([["AN", "Alys Norris"], ["WH", "Wyn Hartley"], ["PR", "Paul Reed"], ["AL", "Ann Lee"]]);
  });

  it("shorthand with a key gives each person's full name, even initials that spell a title", () => {
    const notes = "Strat disc 17/3/25 10am Teams\nPres: JS SW (ch), DC police officer, AL DSL\nKey: JS = Jo Smith, DC = Delyth Carter, AL = Ann Lee\ns47 - Y";
    expect(people(notes)).toEqual([
      ["Jo Smith", "social_worker", "took_part"],
      ["Delyth Carter", "police_officer", "took_part"],
      ["Ann Lee", "dsl", "took_part"],
    ]);
  });
});

describe("initials and titles beside the name", () => {
  it("a list giving each person's initials before their name ('JW – Jenny Walsh, TM') lists the name once", () => {
    expect(people("Strategy discussion 3/3/25 09:30 Teams\nAttendees:\n- JW – Jenny Walsh, TM (chair)\n- SO – Sam Osei, SW (notes)\n- PC Hannah Cole (police MASH)")).toEqual([
      ["Jenny Walsh", "team_manager", "took_part"],
      ["Sam Osei", "social_worker", "took_part"],
      ["PC Hannah Cole", "police_officer", "took_part"],
    ]);
  });

  it("in a table, a title that names a role outranks a role cell that names only a team or another agency's role", () => {
    const table = "Strategy discussion 3/3/25\n\nAttendee\tRole\tAgency\tPresent\nFarah Lindsay\tTeam Manager\tEssex CSC\tY\nDC Kieran West\tExploitation team\tEssex Police\tY\nPC Sarah Bell\tSafeguarding officer\tGMP\tY\nDr Ann Lee\tCommunity paediatrician\tNHS\tY\n";
    expect(people(table).map((p) => p[1])).toEqual(["team_manager", "detective", "police_officer", "paediatrician"]);
  });
});

describe("statuses written beside each person", () => {
  it("under 'Invited:' with some people marked, the unmarked and the chair took part", () => {
    const notes = "Strategy discussion 17/03/2025 10:00\nInvited:\n- Jo Smith, team manager (chair)\n- DC Paul Reed\n- Ann Lee (HV) - apologies\n- Sam Hill, school nurse - left early";
    expect(people(notes).map((p) => p[2])).toEqual(["took_part", "took_part", "apologies", "took_part"]);
  });

  it("under 'Invited:' with nobody marked, nothing is said of who came and the list stays invited", () => {
    const notes = "Strategy discussion 17/03/2025 10:00\nInvited:\n- Jo Smith, team manager\n- DC Paul Reed";
    expect(people(notes).map((p) => p[2])).toEqual(["invited_absent", "invited_absent"]);
  });

  it("someone who joined late under an absence heading took part", () => {
    const notes = "Strategy discussion 17/03/2025 10:00\nPresent: Jo Smith SW, DC Paul Reed\nInvited but did not attend:\n- Ann Lee (HV) (joined late)\n- Dr Khan, paediatrician";
    expect(people(notes).map((p) => p[2])).toEqual(["took_part", "took_part", "took_part", "invited_absent"]);
  });
});

describe("attendance said in prose and dictation", () => {
  it("'X could not attend but sent a report' is X's report", () => {
    expect(people("Strategy discussion 17/03/2025 10:00\nPresent: Jo Smith (SW), DC Paul Reed\nTegan Bevan (HV) could not attend but sent a report.")[2]).toEqual(["Tegan Bevan", "health_visitor", "sent_report"]);
  });

  it("'A report was received from X' under the attendee list is X's report", () => {
    expect(people("Attendees:\n- Jo Smith (SW)\n- DC Paul Reed\nA report was received from Tegan Bevan (HV).")[2]).toEqual(["Tegan Bevan", "health_visitor", "sent_report"]);
  });

  it("the practitioner who names themselves with their role as they dictate took part, and chairs when they say so", () => {
    for (const notes of [
      "this is jo smith team manager chairing the strategy discussion on the seventeenth of march. present were dc paul reed and ann lee the health visitor. section 47 agreed.",
      "strategy discussion seventeenth of march at ten on teams this is jo smith team manager i am chairing also present dc paul reed from cait section 47 agreed",
    ]) {
      const d = draftFromNotes(notes, { clock: fixedClock("2025-03-17T12:00:00Z"), calculator });
      expect(d.record.attendees[0]).toMatchObject({ name: "jo smith", role_code: "team_manager", status: "took_part" });
      expect(d.record.chair).toBe("jo smith");
    }
  });

  it("'this is X social worker, chair Y' names Y as chair, and both took part", () => {
    const d = draftFromNotes("strategy discussion seventeenth of march at ten on teams this is jo smith social worker chair tom reed team manager also present dc paul reed from cait section 47 agreed", { clock: fixedClock("2025-03-17T12:00:00Z"), calculator });
    expect(d.record.attendees.map((a) => [a.name, a.role_code])).toEqual([["jo smith", "social_worker"], ["tom reed", "team_manager"], ["dc paul reed", "detective"]]);
    expect(d.record.chair).toBe("tom reed");
  });

  it("dictated notes in paragraphs (a blank line between them) are still read as dictated", () => {
    const notes = [
      "ok this is the strategy discussion for the two boys it was by phone anyway chaired by me karen oakes team manager i'm dictating these for the file",
      "",
      "on the call were myself ben stafford the allocated social worker pc amy dunne from the mash police desk and also the school nurse jo kent",
      "",
      "section 47 agreed",
    ].join("\n");
    expect(people(notes).map((p) => p[1])).toEqual(["team_manager", "social_worker", "police_officer", "school_nurse"]);
  });

  it("'this is a strategy discussion on ...' names no speaker", () => {
    const got = people("This is a strategy discussion on the second of March twenty twenty six at the council offices. Those present were Priya Shah social worker and Tom Reed team manager chairing.");
    expect(got.map((p) => p[0])).toEqual(["Priya Shah", "Tom Reed"]);
  });
});

describe("who attended, said in a chat log", () => {
  it("the chair's role given as they say they chair, a sender 'joining', and someone invited who 'hasn't joined' are all read", () => {
    const log = [
      "[10:00] Kofi Morgan: Hi all, I'll chair today (duty SW)",
      "[10:01] Usha Malik: Hi, PC joining",
      "[10:02] Kofi Morgan: Wyn Pugh (specialist MW) was invited but hasn't joined",
      "[10:03] Kofi Morgan: s47 agreed",
    ].join("\n");
    expect(people(log)).toEqual([
      ["Kofi Morgan", "social_worker", "took_part"],
      ["Usha Malik", "police_officer", "took_part"],
      ["Wyn Pugh", "midwife", "invited_absent"],
    ]);
  });

  it("a system line that someone joined the meeting is still read as them taking part, not as a message", () => {
    const log = [
      "Wyn Hale joined the meeting",
      "[10:00] Kofi Morgan: Hi all, I'll chair today (duty SW)",
      "[10:01] Usha Malik: Hi, PC joining",
      "[10:02] Kofi Morgan: s47 agreed",
    ].join("\n");
    expect(people(log).map((p) => [p[0], p[2]])).toEqual([["Kofi Morgan", "took_part"], ["Usha Malik", "took_part"], ["Wyn Hale", "took_part"]]);
  });
});

describe("the attendance walk", () => {
  it("writes every format with a gold list, and never lists anyone only spoken of", () => {
    const notes = writeAttendanceNotes(seeded(3), 2);
    expect(new Set(notes.map((n) => n.format))).toEqual(new Set(ATTENDANCE_FORMATS));
    for (const n of notes) {
      expect(n.gold.attendees.length).toBeGreaterThanOrEqual(3);
      // The child and the parents the note speaks of are no attendees.
      expect(n.gold.attendees.some((a) => /^(Ella|Jayden|Mia|Kai|Lily|Sarah|Kelly|Dawn) /.test(a.name ?? ""))).toBe(false);
    }
    expect(vocabulary().attendance_forms.mentioned_only.length).toBeGreaterThan(5);
  });
});
