import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { cardinalValue, fromDictation, looksDictated, ordinalValue, originalWords } from "../../records/dictation.js";
import { parseNotes } from "../../records/index.js";

const cases = JSON.parse(readFileSync(new URL("./dictation-cases.json", import.meta.url), "utf8")) as {
  datesAndTimes: [string, string][];
  dictated: [string, string][];
  typedUnchanged: string[];
};

describe("numbers said in words", () => {
  it.each([
    ["seven", 7],
    ["forty seven", 47],
    ["twenty-one", 21],
    ["two thousand and twenty five", 2025],
    ["one hundred and twelve", 112],
  ])("the cardinal %s is %i", (words, n) => expect(cardinalValue(words)).toBe(n));
  it.each([
    ["first", 1],
    ["fourteenth", 14],
    ["twenty second", 22],
    ["thirtieth", 30],
    ["thirty first", 31],
  ])("the ordinal %s is %i", (words, n) => expect(ordinalValue(words)).toBe(n));
});

describe("spoken dates and times", () => {
  it.each(cases.datesAndTimes)("'%s' reads as '%s'", (said, typed) => expect(fromDictation(said).text).toBe(typed));
});

describe("dictated notes", () => {
  it.each(cases.dictated)("'%s' is read as typed notes", (said, typed) => {
    expect(looksDictated(said)).toBe(true);
    expect(fromDictation(said).text).toBe(typed);
  });

  it.each(cases.typedUnchanged)("typed notes are left as they are: %s", (typed) => {
    expect(looksDictated(typed)).toBe(false);
    expect(fromDictation(typed).text).toBe(typed);
  });

  it("a piece of the rewritten notes quotes the words that were said", () => {
    const said = "strategy discussion full stop present the social worker full stop doctor anita bose will do the medical by the fifteenth of may full stop";
    const r = fromDictation(said);
    expect(originalWords(r, said, "Dr anita bose will do the medical by 15 may.")).toBe("doctor anita bose will do the medical by the fifteenth of may full stop");
  });

  it("when the notes are dictated, the draft reads the people, the date and the actions, and every source is the notes' words", () => {
    const notes =
      "strategy discussion held on the fourteenth of may twenty twenty five at two thirty on teams full stop present were sarah jones the social worker and " +
      "detective constable paul grey full stop apologies from the health visitor full stop section forty seven enquiries agreed full stop " +
      "sarah is going to visit the home with paul grey by friday full stop";
    const { record } = parseNotes(notes, fixedClock("2025-05-15T12:00:00Z"));
    expect(record.date).toBe("2025-05-14");
    expect(record.time).toBe("14:30");
    expect(record.attendees.map((a) => [a.role_code, a.status])).toEqual([
      ["social_worker", "took_part"],
      ["detective", "took_part"],
      ["health_visitor", "apologies"],
    ]);
    expect(record.decisions.section47.decision).toBe("yes");
    expect(record.actions).toHaveLength(1);
    expect(record.actions[0]?.due).toBe("2025-05-16");
    for (const s of [...record.attendees.map((a) => a.source), ...record.actions.map((a) => a.source)]) expect(notes).toContain(s);
  });
});

describe("notes that speech software punctuated itself", () => {
  const clock = fixedClock("2025-05-15T12:00:00Z");
  const notes =
    "Strategy discussion on the 14th of May 2025 at 10:00. Present were Sarah Jones social worker DC Mike Evans police Dr Patel paediatrician. " +
    "Threshold for section 47 is met. Sarah Jones will visit the family. By Friday. DC Evans will do police checks, by the 16th. Dr Patel to complete CP medical. On Thursday.";

  it("when it adds full stops, commas and figures, the notes are still read as dictated", () => {
    expect(looksDictated(notes)).toBe(true);
  });

  it("typed notes with a label's colon or a line break are not taken for dictation", () => {
    expect(looksDictated("Strategy discussion 14/05/2025. Present: Sarah Jones SW, DC Mike Evans police, Dr Patel paediatrician. Sarah to visit the family by Friday, DC Evans police checks by the 16th.")).toBe(false);
  });

  it("when a full stop or comma falls between a task and its due date, the date is still the task's", () => {
    const { record } = parseNotes(notes, clock);
    expect(record.actions.map((a) => [a.owner, a.due])).toEqual([
      ["Sarah Jones", "2025-05-16"],
      ["DC Evans", "2025-05-16"],
      ["Dr Patel", "2025-05-15"],
    ]);
    expect(record.actions[0]?.action).toBe("Visit the family");
    for (const a of record.actions) expect(notes).toContain(a.source);
  });
});

describe("a heading said aloud", () => {
  it("when 'actions agreed' is said on its own, it is not a task, and the tasks after it are read", () => {
    const notes =
      "strategy discussion on the fourth of may twenty twenty five present were sarah jones social worker and tom reed police threshold for section forty seven is met actions agreed sarah jones will visit by friday tom reed to do checks by monday";
    const { record } = parseNotes(notes, fixedClock("2025-05-05T12:00:00Z"));
    expect(record.actions.map((a) => [a.owner, a.due])).toEqual([
      ["sarah jones", "2025-05-09"],
      ["tom reed", "2025-05-05"],
    ]);
  });
});
