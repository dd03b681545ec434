import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { isAppError } from "../../core/errors.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes, MAX_NOTES_CHARS, renderMarkdown, StrategyRecordSchema, type DraftResult } from "../../records/index.js";
import { damage, seeded, vary, VARIATIONS } from "../../scripts/note-variations.js";

/**
 * Nothing in a real-looking note turns into an error: every note of the team's three sets,
 * rewritten the ways practitioners type (one line, bullets, capitals, lower case...) and
 * broken the ways pasted text breaks (cut short, lines lost or shuffled, odd characters,
 * impossible dates), comes back as a draft that validates and renders.
 */

interface NoteCase {
  id: string;
  today: string;
  notes: string;
}

const sets = ["notes-corpus.jsonl", "notes-fresh.jsonl", "notes-devcheck.jsonl"].flatMap((f) =>
  readFileSync(new URL(`./${f}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NoteCase),
);
const calculator = createDeadlineCalculator();

function draftOrRefusal(notes: string, today: string): DraftResult | "refused" {
  try {
    return draftFromNotes(notes, { clock: fixedClock(`${today}T12:00:00Z`), calculator });
  } catch (e) {
    // Only empty or oversized notes are refused, with a clear error.
    if (isAppError(e) && e.code === "invalid_input" && (notes.trim() === "" || notes.length > MAX_NOTES_CHARS)) return "refused";
    throw e;
  }
}

function expectSound(draft: DraftResult | "refused", label: string): void {
  if (draft === "refused") return;
  expect(StrategyRecordSchema.safeParse(draft.record).success, label).toBe(true);
  expect(() => renderMarkdown(draft), label).not.toThrow();
  // A part to check is never also flagged as missing.
  const checked = new Set((draft.checks ?? []).map((c) => c.field));
  expect(draft.gaps.filter((g) => checked.has(g.field)), label).toEqual([]);
}

describe("notes the reader has not seen in this shape still give a draft", () => {
  it.each(VARIATIONS)("team notes rewritten as %s are drafted", (kind) => {
    // A quarter of the notes for each rewriting, a different quarter each time: every note is rewritten somehow.
    sets.forEach((c, i) => {
      if ((i + VARIATIONS.indexOf(kind)) % 4 !== 0) return;
      const notes = vary(c.notes, kind, seeded(1000 + i));
      expectSound(draftOrRefusal(notes, c.today), `${c.id} ${kind}`);
    });
  });

  it("every team note broken two ways is drafted, or refused only when empty or too long", () => {
    sets.forEach((c, i) => {
      for (let k = 0; k < 2; k++) {
        const notes = damage(c.notes, seeded(i * 7919 + k));
        expectSound(draftOrRefusal(notes, c.today), `${c.id} damage ${k}`);
      }
    });
  });

  it("an impossible date, a date of birth and a future year do not stop a draft", () => {
    for (const notes of [
      "Strat 30/02/2025. Present: SW Jo, DC Lee, HV Ann. S47 agreed. Jo to visit by 31/04.",
      "Date: 45/13/2025\nPresent: Jo Smith SW\nChild DOB 29/02/2023",
      "strat 2099-01-01 10am - sw, dc, hv. s47 yes. sw to visit 0/0",
    ]) {
      const draft = draftOrRefusal(notes, "2025-05-14");
      expectSound(draft, notes);
      expect(draft).not.toBe("refused");
    }
  });
});
