import type { Clock } from "../core/clock.js";
import { AppError, invalidInput, isAppError } from "../core/errors.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import type { DeadlineCalculator } from "../deadlines/index.js";
import type { Check, DraftResult, RecordDeadline, StrategyRecord } from "./model.js";
import { checkRecord } from "./check.js";
import { missingFields } from "./fields.js";
import { parseNotes } from "./notes-parser.js";
import { recordFromJson } from "./json-record.js";

/** Longest notes accepted: one strategy discussion, not a case file. */
export const MAX_NOTES_CHARS = 50_000;

/** What drafting needs: a clock for "today" and a deadline calculator for the ICPC date. */
export interface DraftDeps {
  clock: Clock;
  calculator: DeadlineCalculator;
}

/** Which jurisdiction the discussion was in: the caller's word wins; otherwise read from the notes (England if they say nothing). */
export interface DraftOptions {
  jurisdiction?: Jurisdiction;
}

/**
 * Draft a strategy discussion record from pasted notes (free text or a JSON record),
 * with its gaps and, when section 47 enquiries were initiated, the ICPC due date.
 * Throws invalid_input for empty or oversized notes and for an impossible date.
 */
export function draftFromNotes(notes: string, deps: DraftDeps, opts: DraftOptions = {}): DraftResult {
  const parsed = readNotes(notes, deps.clock);
  return completeDraft(parsed.record, deps, opts, parsed.warnings, parsed.checks);
}

/**
 * Notes (free text or a JSON record) → a record, without gaps or deadlines. Throws
 * invalid_input for empty or oversized notes and for a broken JSON record; anything in
 * free-text notes degrades gracefully: an impossible date of the discussion is left empty
 * with a check (or, with `impossibleDate: "error"`, refused).
 */
export function readNotes(
  notes: string,
  clock: Clock,
  opts: { impossibleDate?: "error" | "gap" } = {},
): { record: StrategyRecord; warnings: string[]; checks: Check[] } {
  if (typeof notes !== "string" || notes.trim().length === 0) {
    throw invalidInput("The notes are empty. Paste the notes of the strategy discussion, or answer the questions one at a time.");
  }
  if (notes.length > MAX_NOTES_CHARS) {
    throw invalidInput(
      `The notes are too long: the limit is ${MAX_NOTES_CHARS.toLocaleString("en-GB")} characters. Paste the notes of one strategy discussion.`,
    );
  }
  const trimmed = notes.trim();
  return trimmed.startsWith("{") ? { ...fromJsonText(trimmed, clock), checks: [] } : parseNotes(notes, clock, opts);
}

function fromJsonText(text: string, clock: Clock): ReturnType<typeof recordFromJson> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw invalidInput("The notes look like a JSON record but are not valid JSON. Check the brackets and quotes, or paste the notes as plain text.", cause);
  }
  return recordFromJson(value, clock);
}

/**
 * Gaps and deadlines for a record already built (by the notes parser, a JSON record
 * or the guided dialog).
 */
export function completeDraft(record: StrategyRecord, deps: DraftDeps, opts: DraftOptions = {}, warnings: string[] = [], checks: Check[] = []): DraftResult {
  const out: DraftResult = { record, gaps: [], missing: [], deadlines: [], warnings: [...warnings], checks: [] };
  const read = record.jurisdiction;
  if (opts.jurisdiction) {
    // The caller says where the discussion was; what the notes suggest is kept as evidence and mentioned if it differs.
    if (read?.from === "notes" && read.value !== opts.jurisdiction) {
      out.warnings.push(
        `The notes mention ${read.evidence.map((e) => `"${e.words}"`).join(", ")}, which suggests ${read.value === "wales" ? "Wales" : "England"}, but the record was drafted for ${opts.jurisdiction === "wales" ? "Wales" : "England"} as asked.`,
      );
    }
    record.jurisdiction = { value: opts.jurisdiction, from: "caller", evidence: read?.evidence ?? [] };
  } else if (!read) {
    record.jurisdiction = { value: "england", from: "default", evidence: [] };
  }
  const jurisdiction = record.jurisdiction?.value ?? "england";
  // A part read without confidence is a check, not a gap; a check whose part has since been filled (by an answer) is dropped.
  const gaps = checkRecord(record, { jurisdiction });
  const open = new Set(gaps.map((g) => g.field));
  out.checks = checks.filter((c) => open.has(c.field));
  const checked = new Set(out.checks.map((c) => c.field));
  out.gaps = gaps.filter((g) => !checked.has(g.field));
  out.missing = missingFields(record, { jurisdiction });
  if (jurisdiction === "wales") {
    const why =
      record.jurisdiction?.from === "notes" ? ` The notes were read as Wales from ${record.jurisdiction.evidence.map((e) => `"${e.words}"`).join(", ")}.` : "";
    out.warnings.push(
      `These checks follow Working Together 2023, which is guidance for England. In Wales, check the record against the Wales Safeguarding Procedures.${why}`,
    );
  }
  if (record.decisions.section47.decision === "yes" && record.date) {
    out.deadlines = icpcDeadlines(record.date, deps.calculator, jurisdiction, out.warnings);
  }
  return out;
}

function icpcDeadlines(date: string, calculator: DeadlineCalculator, jurisdiction: Jurisdiction, warnings: string[]): RecordDeadline[] {
  try {
    const result = calculator.deadlinesFor("strategy_discussion", date, { jurisdiction });
    warnings.push(...result.warnings);
    return result.deadlines;
  } catch (e) {
    // A date the calendar cannot handle is worth a warning, not a lost draft.
    if (isAppError(e) && e.code !== "internal") {
      warnings.push(`The ICPC due date could not be worked out: ${e.message}`);
      return [];
    }
    throw isAppError(e) ? e : new AppError("internal", "The ICPC due date could not be worked out.", { cause: e });
  }
}
