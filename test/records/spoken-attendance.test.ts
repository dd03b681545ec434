import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { minuteTaker } from "../../records/prose.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name?.toLowerCase() ?? null, a.role_code, a.status]);

describe("attendance said aloud: a pronoun between a person and their role", () => {
  it("when each person is followed by 'she's the' or 'he is the' and their role, the pronoun is no part of a name and the role is theirs", () => {
    expect(
      people(
        "strategy discussion on the tenth of march twenty twenty six at half ten in attendance sarah jones social worker who is the allocated worker mike obi he is the police officer from cait ruth bell she is the named nurse and jo king she's the head teacher",
      ),
    ).toEqual([
      ["sarah jones", "social_worker", "took_part"],
      ["mike obi", "police_officer", "took_part"],
      ["ruth bell", "nurse", "took_part"],
      ["jo king", "head_teacher", "took_part"],
    ]);
  });

  it("when a role is said before an honorific and a name ('the head teacher Mr Patel'), they are one person", () => {
    const read = people(
      "Strategy discussion held on Teams on the fourth of March twenty twenty six at nine thirty on the call were Lisa Wong she's the health visitor also on the call was the head teacher Mr Patel the school nurse sent her apologies",
    );
    expect(read).toContainEqual(["mr patel", "head_teacher", "took_part"]);
    expect(read).toContainEqual([null, "school_nurse", "apologies"]);
  });
});

describe("the chair said before the person", () => {
  it("when a dictated list says 'and the chair was X', X chairs and the person before is not the chair", () => {
    const d = draft(
      "strategy discussion today tenth of march twenty twenty six at eleven on the call were kate lloyd the allocated social worker pc dan evans from the police sue moss school nurse and the chair was helen price team manager",
    );
    expect(d.record.chair?.toLowerCase()).toBe("helen price");
    expect(d.record.attendees.map((a) => a.name?.toLowerCase())).toEqual(["kate lloyd", "pc dan evans", "sue moss", "helen price"]);
  });

  it("when 'chaired by' comes straight before the list's opener, the list is still read", () => {
    const read = people(
      "Strategy discussion for Leo Grant held on Teams on the fourth of March twenty twenty six at nine thirty chaired by Karen Oakes team manager on the call were Ben Stafford the allocated social worker PC Amy Dunne from the public protection unit",
    );
    expect(read).toContainEqual(["ben stafford", "social_worker", "took_part"]);
    expect(read).toContainEqual(["pc amy dunne", "police_officer", "took_part"]);
  });
});

describe("a minute taker named only in prose", () => {
  it.each([
    ["Minutes taken by Jo Bell.", { words: "Jo Bell", self: false }],
    ["Notes were typed up by Sgt P. Okafor", { words: "Sgt P. Okafor", self: false }],
    ["Ben is taking the minutes", { words: "Ben", self: false }],
    ["The minute taker was Abi Stone", { words: "Abi Stone", self: false }],
    ["I'll type these up", { words: null, self: true }],
    ["I took the notes", { words: null, self: true }],
    ["I'll type these up — JB", { words: "JB", self: false }],
  ])("%s", (text, want) => {
    expect(minuteTaker(text)).toMatchObject(want);
  });

  it("words about notes that name no minute taker are not read as one", () => {
    for (const text of ["Mum kept a diary of the bruises", "Police took a statement", "Injuries noted by the school nurse"]) expect(minuteTaker(text)).toBeNull();
  });

  it("when the notes say 'ben is taking the minutes', the minute taker is the one Ben the notes list", () => {
    const d = draft("strategy discussion 23 february 2026 at 2pm. present karen oakes team manager, ben stafford social worker, amy dunne police officer. ben is taking the minutes");
    expect(d.record.recorded_by).toBe("ben stafford");
  });

  it("when the writer says 'I took the notes' before naming the chair, both are read and the writer is the minute taker", () => {
    const d = draft(
      "From: Natasha Byrne\nSubject: Strategy discussion 17/02/2026\n\nHi all,\n\nI took the notes; Tom Greaves (Team Manager) chaired.\n\nThanks,\nNatasha Byrne\nSocial Worker",
    );
    expect(d.record.recorded_by).toBe("Natasha Byrne");
    expect(d.record.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["Tom Greaves", "Natasha Byrne"]));
  });

  it("a minute taker written with an initial ('Sgt P. Okafor') is the person listed in full, not a second one", () => {
    const d = draft("Strategy discussion 12/12/2026 19:20, typed up by Sgt P. Okafor\nPresent: Sgt Peter Okafor (Response) – chair; Dr Laila Haddad (ED consultant)");
    expect(d.record.attendees.filter((a) => /okafor/i.test(a.name ?? ""))).toHaveLength(1);
  });
});

describe("dictated layout and dates", () => {
  it("when the child's birth date is said with 'born on', the meeting's date is the one the discussion was held on", () => {
    const d = draft(
      "okay so strategy discussion for baby ellie born on the second of january twenty twenty six held on the twenty third of february at two o'clock present were sarah jones social worker ruth bell health visitor",
    );
    expect(d.record.date).toBe("2026-02-23");
  });

  it("a heading said before 'new line' heads what follows it", () => {
    const read = people(
      "strategy discussion notes new line date the third of march new line time ten thirty new line present new line sarah jones social worker new line d c amy hall new line apologies new line ruth bell health visitor",
    );
    expect(read).toContainEqual(["sarah jones", "social_worker", "took_part"]);
    expect(read).toContainEqual(["ruth bell", "health_visitor", "apologies"]);
  });
});
