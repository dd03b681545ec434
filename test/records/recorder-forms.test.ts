import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const LIST = "Present:\nAmy Rowe - TM (chair)\nKay Munro - SW\nDC Sam Ito - CAIT\n\nConcerns:\nBruise.";

// Recorded by is the person who made the record of the discussion, as the notes state it: a label, someone said to be
// minuting or recording, the one who dictated or typed the notes. Never the chair for chairing, never guessed.
describe("who recorded the discussion, from a label", () => {
  for (const label of ["Record taken by", "Rec'd by", "Recorded", "Written by", "Typed by", "Typed up by", "Notes typed by", "recd"]) {
    it(`when the notes say "${label}: Kay Munro (SW)", Kay Munro recorded it`, () => {
      const d = draft(`Strategy discussion 10/03/2026\n${label}: Kay Munro (SW)\n${LIST}`);
      expect(d.record.recorded_by).toBe("Kay Munro");
      expect(d.record.source.recorded_by).toContain("Kay Munro");
    });
  }
});

describe("who recorded the discussion, in prose", () => {
  for (const line of ["Kay is minuting.", "I'm chairing, Kay's recording.", "Amy chairing; Kay is minuting in here as we go.", "Notes dictated by Kay Munro, social worker."]) {
    it(`when the notes say "${line}", Kay Munro recorded it`, () => {
      expect(draft(`Strategy discussion 10/03/2026\n${line}\n${LIST}`).record.recorded_by).toBe("Kay Munro");
    });
  }

  it("when a dictating writer says their name and that they are doing the notes, they recorded it and took part", () => {
    const d = draft("strategy discussion notes on 10/03/2026 new line present were Amy Rowe team manager chairing and DC Sam Ito full stop new line my name is Kay Munro social worker I'm doing the notes new line the child rang the school");
    expect(d.record.recorded_by).toBe("Kay Munro");
    expect(d.record.attendees.map((a) => [a.name, a.role_code])).toContainEqual(["Kay Munro", "social_worker"]);
  });

  it("when the notes speak of a recording of an interview, nobody is the recorder", () => {
    expect(draft(`Strategy discussion 10/03/2026\nKay's recording of the ABE was reviewed.\n${LIST}`).record.recorded_by).toBeNull();
  });

  it("when the only word about the notes is who chaired, recorded by stays empty", () => {
    expect(draft(`Strategy discussion 10/03/2026\n${LIST}`).record.recorded_by).toBeNull();
  });
});

describe("who recorded the discussion, in a chat log", () => {
  it("when a sender says they will minute, they recorded it and no unnamed attendee is added", () => {
    const log = [
      "[10:00] Amy Rowe (TM): Strategy discussion for J (6). I'm chairing.",
      "[10:01] Kay Munro (SW): joining now, I'll minute",
      "[10:02] DC Sam Ito (CAIT): present",
      "[10:05] Amy Rowe (TM): Decision: s47 yes. Police lead.",
    ].join("\n");
    const d = draft(log);
    expect(d.record.recorded_by).toBe("Kay Munro");
    expect(d.record.attendees.every((a) => a.name !== null)).toBe(true);
  });
});
