import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { AppError } from "../../core/errors.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MAX_NOTES_CHARS, draftFromNotes, saveRecord } from "../../records/index.js";

const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("draftFromNotes input checks", () => {
  it("when the notes are empty, it says so as invalid input", () => {
    const e = errorOf(() => draftFromNotes("   \n ", deps));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toMatch(/notes are empty/);
  });

  it("when the notes are too long, it names the limit", () => {
    const e = errorOf(() => draftFromNotes("x".repeat(MAX_NOTES_CHARS + 1), deps));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toMatch(/50,000 characters/);
  });

  it("when the date of the discussion is impossible, the draft leaves it empty and asks for it to be checked, never a rolled-over date", () => {
    const draft = draftFromNotes("Strat 31/02/2025 Teams. Present: SW, HV, DC Lee. Agreed: s47.", deps);
    expect(draft.record.date).toBeNull();
    expect(draft.record.attendees).toHaveLength(3);
    const check = draft.checks?.find((c) => c.field === "date");
    expect(check?.message).toMatch(/February 2025 has 28 days/);
    expect(check?.message).not.toContain("Strat");
    // A part to check is not also flagged as missing.
    expect(draft.gaps.map((g) => g.field)).not.toContain("date");
    expect(draft.deadlines).toEqual([]);
  });

  it("when a JSON record is broken, it asks for valid JSON without echoing it", () => {
    const e = errorOf(() => draftFromNotes('{"date": "2025-05-14", "child_ref": "C-1"', deps));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toMatch(/not valid JSON/);
    expect(e.message).not.toContain("C-1");
  });

  it("when JSON is not a record at all, it says so", () => {
    expect(errorOf(() => draftFromNotes('{"hello": "world"}', deps)).message).toMatch(/not a strategy discussion record/);
  });

  it("when the record is a full StrategyRecord (as the CLI writes it), it round-trips", () => {
    const first = draftFromNotes("Strat 14/5/25 10am. Present: Jo SW, HV Lee, DC Patel. Agreed: s47. Child ref: C-77", deps);
    const again = draftFromNotes(JSON.stringify(first.record), deps);
    expect(again.record).toEqual(first.record);
    expect(again.gaps).toEqual(first.gaps);
  });

  it("when the discussion is in Wales, the draft says the checks follow England's guidance and gives no England deadline", () => {
    const d = draftFromNotes("Strat 14/5/25. Present: Jo SW, HV Lee, DC Patel. Agreed: s47.", deps, { jurisdiction: "wales" });
    expect(d.warnings.join(" ")).toMatch(/Wales Safeguarding Procedures/);
    expect(d.deadlines).toEqual([]);
  });

  it("when the notes date the discussion \"yesterday\", the date is worked out from the clock and the reading is stated", () => {
    const d = draftFromNotes("Strat yesterday 2pm. Present: Jo SW.", deps);
    expect(d.record.date).toBe("2025-05-19");
    expect(d.warnings.join(" ")).toMatch(/read as Monday 19 May 2025/);
  });

  it("when a JSON record gives a name as the child reference, a warning asks for the case reference", () => {
    const d = draftFromNotes(JSON.stringify({ date: "2025-05-14", child_ref: "Jane Doe", attendees: [], decision: "s47" }), deps);
    expect(d.warnings.join(" ")).toMatch(/looks like a name/);
    expect(d.warnings.join(" ")).not.toContain("Jane");
  });

  it("when the notes mention a date of birth, a warning asks to keep to the case reference", () => {
    const d = draftFromNotes("Strat 14/5/25. Child: DOB 01/02/2020. Present: Jo SW.", deps);
    expect(d.warnings.join(" ")).toMatch(/date of birth/);
  });
});

describe("saveRecord", () => {
  it("writes the draft as JSON in the records folder with a name that carries no personal data", async () => {
    const dir = await mkdtemp(join(tmpdir(), "records-"));
    try {
      const draft = draftFromNotes("Strat 14/5/25. Present: Jo Smith SW. Child ref: C-9", deps);
      const file = await saveRecord(join(dir, "out"), draft);
      expect(await readdir(join(dir, "out"))).toHaveLength(1);
      expect(file).not.toContain("Smith");
      expect(file).toMatch(/strategy-record-2025-05-14-/);
      expect(JSON.parse(await readFile(file, "utf8")).record.child_ref).toBe("C-9");
      expect((await stat(file)).mode & 0o077).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("hostile notes", () => {
  it.each([
    ["one long word", "a".repeat(49_999)],
    ["unclosed brackets", `Present: ${"(".repeat(49_000)}`],
    ["runs of spaces", `x${" ".repeat(49_990)}y`],
    ["repeated labels", "Agreed: ".repeat(6_000)],
    ["a long attendee list", `Present:\n${"- Jo SW\n".repeat(6_000)}`],
  ])("%s near the size limit are drafted in well under a second", (_name, notes) => {
    const t = performance.now();
    const d = draftFromNotes(notes, deps);
    expect(performance.now() - t).toBeLessThan(1500);
    expect(Array.isArray(d.gaps)).toBe(true);
  });

  it("CR/LF and terminal escape codes in the notes do not reach the record", () => {
    const d = draftFromNotes("Strat 14/5/25\r\nConcerns: bruising\u001b[2J\u001b[31m red\r\nAgreed: s47", deps);
    expect(d.record.concerns).not.toMatch(/[\u0000-\u001f]/);
    expect(d.record.decisions.section47.decision).toBe("yes");
  });
});
