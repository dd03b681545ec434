import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code, a.status]);
const listed = (line: string) => `Strategy discussion 10/03/2026 10:00 Teams\nPresent:\nAmy Rowe - SW (chair)\n${line}\n\nConcerns:\nBruise to cheek.`;

// How a practitioner who cannot take part is written as contributing in writing: a verb of sending and the thing
// sent, either way round, with words between, and when and how after it (Working Together 2023 ch. 3).
const SENDINGS = [
  "sent incident log, did not join",
  "not able to attend, written report submitted",
  "not on the call, summary sent by email 09/03 16:05",
  "report emailed 09/03 at 14:50, not on call",
  "records summary emailed",
  "sent a chronology",
  "history forwarded before the call",
];

describe("a written contribution in someone's entry", () => {
  for (const words of SENDINGS) {
    it(`when a listed person's entry says "${words}", they are kept and sent a report`, () => {
      expect(people(listed(`Dr Kay Munro - GP - ${words}`))).toContainEqual(["Dr Kay Munro", "gp", "sent_report"]);
    });
  }

  it("when the contribution is the thing sent 'only' in a table's attendance column, the person sent a report", () => {
    const notes = "Strategy discussion 10/03/2026\n| Name | Role | Agency | Attendance |\n|---|---|---|---|\n| Amy Rowe | SW | CSC | attended |\n| Dr Kay Munro | GP | Health | report only |\n\nConcerns: bruise";
    expect(people(notes)).toContainEqual(["Dr Kay Munro", "gp", "sent_report"]);
  });

  it("when prose says someone could not attend but sent something written, they sent a report", () => {
    const notes =
      "Strategy discussion on Teams 10/03/2026. Present: Amy Rowe (SW), DC Sam Ito (CAIT). Lia Parr, the family's health visitor, couldn't attend but sent a written summary of her contacts beforehand. Ben Tate (DSL) sent apologies but emailed the school's records over before the call.\n\nConcerns: bruise";
    const read = people(notes);
    expect(read).toContainEqual(["Lia Parr", "health_visitor", "sent_report"]);
    expect(read).toContainEqual(["Ben Tate", "dsl", "sent_report"]);
  });

  it("when someone who took part is to send something later, it is a task, not a report instead of attending", () => {
    const read = people(listed("DC Sam Ito - CAIT - to send PNC checks by Friday"));
    expect(read.filter(([, , status]) => status === "sent_report")).toEqual([]);
  });

  it("when someone sent nothing, no report is read", () => {
    const read = people(listed("Dr Kay Munro - GP - apologies, sent nothing"));
    expect(read).toContainEqual(["Dr Kay Munro", "gp", "apologies"]);
  });
});

describe("taking part denied", () => {
  for (const words of ["not on the call", "not on call", "wasn't present", "not able to attend"]) {
    it(`when a listed person's entry says "${words}", they did not take part`, () => {
      expect(people(listed(`Dr Kay Munro - GP - ${words}`))).toContainEqual(["Dr Kay Munro", "gp", "invited_absent"]);
    });
  }
});

describe("a written contribution said aloud", () => {
  it("when dictation says someone sent a report, the name before it and the person after it stay people", () => {
    const read = people(
      "strategy discussion on the tenth of march twenty twenty six present were amy rowe social worker who chaired the school nurse olu dunn sent a report ben tate the police officer",
    );
    expect(read).toContainEqual(["olu dunn", "school_nurse", "sent_report"]);
  });
});
