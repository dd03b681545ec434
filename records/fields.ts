import type { Clock } from "../core/clock.js";
import { isAppError } from "../core/errors.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { londonDate } from "../deadlines/index.js";
import { criminalFromAnswer, legalFromAnswer, missingMinimum, parseAttendeesReply, parseMeetingDate, section47FromChoice } from "./answers.js";
import { actionItems, readAction } from "./actions.js";
import { checkRecord } from "./check.js";
import { findChildRef, findFormat, findTime } from "./meeting.js";
import type { MissingField, StrategyRecord } from "./model.js";
import type { RecordMessageId } from "./messages.js";
import type { RequirementId } from "./requirements.js";

/**
 * The strategy discussion record as a list of fields, each with the message that asks
 * for it, the function that reads an answer, where it goes in the record and the
 * guidance it rests on. One guided dialog walks this list (STYLE 5c); `missingFields`
 * says which are still empty, so the dialog can ask about every one before it finishes.
 */

export const RECORD_FIELD_IDS = [
  "date", "time", "format", "child_ref", "attendees", "concerns", "information_shared", "section47",
  "criminal_investigation", "legal_action", "actions", "share_with_family", "child_welfare", "next_steps", "recorded_by", "chair",
] as const;
export type RecordFieldId = (typeof RECORD_FIELD_IDS)[number];

/** What a field reader needs besides the answer. */
export interface FieldContext {
  clock: Clock;
  jurisdiction?: Jurisdiction;
}

/** An answer read into the record (a new record: the one given is not changed), or why it could not be. */
export type FieldRead = { ok: true; record: StrategyRecord } | { ok: false; error: RecordMessageId; detail?: string };

export interface RecordField {
  id: RecordFieldId;
  /** The message that asks for it. */
  prompt: RecordMessageId;
  /** The message naming it in a list of what is missing. */
  label: RecordMessageId;
  /** Where it goes in the record ("decisions.section47"). */
  path: string;
  /** How the answer is given: free text, a date, a choice, or several lines. */
  input: "text" | "date" | "choice" | "list";
  /** The answers offered for a choice (message ids of their words). */
  choices?: readonly { value: string; label: RecordMessageId; synonyms: readonly string[] }[];
  /** The cited requirement it rests on, when it is one (see requirements.ts). */
  citation: RequirementId | null;
  /** Asked for when the dialog has time, but never listed as missing (who chaired). */
  optional?: boolean;
  /** Whether the field applies to this record (legal action only once section 47 enquiries start). */
  applies(record: StrategyRecord): boolean;
  /** Whether the record still lacks it. */
  isMissing(record: StrategyRecord): boolean;
  /** Read an answer into a copy of the record; the answer is kept as the field's source. */
  read(answer: string, record: StrategyRecord, ctx: FieldContext): FieldRead;
}

const copy = (r: StrategyRecord): StrategyRecord => structuredClone(r);
const always = () => true;

function textField(id: RecordFieldId, path: keyof StrategyRecord & string, citation: RequirementId | null): RecordField {
  return {
    id,
    prompt: `record.prompt.${id}` as RecordMessageId,
    label: `record.field.${id}` as RecordMessageId,
    path,
    input: "text",
    citation,
    applies: always,
    isMissing: (r) => !r[path],
    read(answer, record) {
      const t = answer.trim();
      if (!t) return { ok: false, error: "record.error.empty" };
      const r = copy(record);
      (r as unknown as Record<string, unknown>)[path] = t;
      r.source[path] = t;
      return { ok: true, record: r };
    },
  };
}

function decisionText(id: "share_with_family" | "child_welfare", citation: RequirementId): RecordField {
  return {
    ...textField(id, "concerns", citation),
    path: `decisions.${id}`,
    isMissing: (r) => !r.decisions[id],
    read(answer, record) {
      const t = answer.trim();
      if (!t) return { ok: false, error: "record.error.empty" };
      const r = copy(record);
      r.decisions[id] = t;
      r.source[id] = t;
      return { ok: true, record: r };
    },
  };
}

const S47_CHOICES = [
  { value: "yes", label: "record.choice.yes", synonyms: ["y", "yes", "s47", "section 47", "agreed", "threshold met"] },
  { value: "no", label: "record.choice.no", synonyms: ["n", "no", "nfa", "no further action", "section 17", "s17", "threshold not met"] },
  { value: "undecided", label: "record.choice.undecided", synonyms: ["not decided", "undecided", "tbc", "pending", "not yet"] },
] as const;

/** The fields of a strategy discussion record, in the order a practitioner would give them. */
export const RECORD_FIELDS: readonly RecordField[] = [
  {
    id: "date",
    prompt: "record.prompt.date",
    label: "record.field.date",
    path: "date",
    input: "date",
    citation: "icpc_timescale",
    applies: always,
    isMissing: (r) => !r.date,
    read(answer, record, ctx) {
      try {
        const iso = parseMeetingDate(answer, ctx.clock);
        if (!iso) return { ok: false, error: "record.error.date" };
        const r = copy(record);
        r.date = iso;
        r.source.date = answer.trim();
        return { ok: true, record: r };
      } catch (e) {
        if (!isAppError(e)) throw e;
        return { ok: false, error: "record.error.date", detail: e.message };
      }
    },
  },
  {
    id: "time",
    prompt: "record.prompt.time",
    label: "record.field.time",
    path: "time",
    input: "text",
    citation: null,
    applies: always,
    isMissing: (r) => !r.time,
    read(answer, record) {
      const t = findTime(answer);
      if (!t) return { ok: false, error: "record.error.time" };
      const r = copy(record);
      r.time = t.time;
      r.source.time = answer.trim();
      return { ok: true, record: r };
    },
  },
  {
    id: "format",
    prompt: "record.prompt.format",
    label: "record.field.format",
    path: "format",
    input: "text",
    citation: null,
    applies: always,
    isMissing: (r) => !r.format,
    read(answer, record) {
      const f = findFormat(answer) ?? (/\bmeeting\b/i.test(answer) ? { format: "meeting" as const, words: answer } : null);
      if (!f) return { ok: false, error: "record.error.format" };
      const r = copy(record);
      r.format = f.format;
      r.source.format = answer.trim();
      return { ok: true, record: r };
    },
  },
  {
    id: "child_ref",
    prompt: "record.prompt.child_ref",
    label: "record.field.child_ref",
    path: "child_ref",
    input: "text",
    citation: "record_decisions",
    applies: always,
    isMissing: (r) => !r.child_ref,
    read(answer, record) {
      const found = findChildRef(answer, true) ?? findChildRef(answer, false);
      if (!found) return { ok: false, error: "record.error.child_ref" };
      const r = copy(record);
      r.child_ref = found.ref;
      r.source.child_ref = answer.trim();
      return { ok: true, record: r };
    },
  },
  {
    id: "attendees",
    prompt: "record.prompt.attendees",
    label: "record.field.attendees",
    path: "attendees",
    input: "list",
    citation: "minimum_attendees",
    applies: always,
    isMissing: (r) => r.attendees.length === 0 || missingMinimum(r).length > 0,
    read(answer, record) {
      const people = parseAttendeesReply(answer);
      if (people.length === 0) return { ok: false, error: "record.error.attendees" };
      const r = copy(record);
      r.attendees.push(...people);
      return { ok: true, record: r };
    },
  },
  textField("concerns", "concerns", "reason"),
  textField("information_shared", "information_shared", null),
  {
    id: "section47",
    prompt: "record.prompt.section47",
    label: "record.field.section47",
    path: "decisions.section47",
    input: "choice",
    choices: S47_CHOICES,
    citation: "section47_decision",
    applies: always,
    isMissing: (r) => r.decisions.section47.decision === "undecided",
    read(answer, record) {
      const a = answer.trim().toLowerCase();
      const choice = S47_CHOICES.find((c) => c.value === a || c.synonyms.some((s) => a === s || a.startsWith(`${s} `)));
      if (!choice) return { ok: false, error: "record.error.section47" };
      const r = copy(record);
      r.decisions.section47 = { ...section47FromChoice(choice.value), source: answer.trim() };
      return { ok: true, record: r };
    },
  },
  {
    id: "criminal_investigation",
    prompt: "record.prompt.criminal_investigation",
    label: "record.field.criminal_investigation",
    path: "decisions.criminal_investigation",
    input: "text",
    citation: "criminal_investigation",
    applies: always,
    isMissing: (r) => r.decisions.criminal_investigation.decision === "undecided",
    read(answer, record) {
      if (!answer.trim()) return { ok: false, error: "record.error.empty" };
      const r = copy(record);
      r.decisions.criminal_investigation = criminalFromAnswer(answer);
      return { ok: true, record: r };
    },
  },
  {
    id: "legal_action",
    prompt: "record.prompt.legal_action",
    label: "record.field.legal_action",
    path: "decisions.legal_action",
    input: "text",
    citation: "legal_action",
    applies: (r) => r.decisions.section47.decision === "yes",
    isMissing: (r) => r.decisions.legal_action.decision === "undecided",
    read(answer, record) {
      if (!answer.trim()) return { ok: false, error: "record.error.empty" };
      const r = copy(record);
      r.decisions.legal_action = legalFromAnswer(answer);
      return { ok: true, record: r };
    },
  },
  {
    id: "actions",
    prompt: "record.prompt.actions",
    label: "record.field.actions",
    path: "actions",
    input: "list",
    citation: "actions",
    applies: always,
    isMissing: (r) => r.actions.length === 0 || r.actions.some((a) => !a.owner || !a.due),
    read(answer, record, ctx) {
      const anchor = record.date ?? londonDate(ctx.clock.now());
      const names = record.attendees.map((a) => a.name).filter((n): n is string => Boolean(n));
      const found = answer
        .split("\n")
        .flatMap(actionItems)
        .map((line) => readAction(line, { names, author: null, anchor, year: Number(anchor.slice(0, 4)) }))
        .filter((a) => a !== null);
      if (found.length === 0) return { ok: false, error: "record.error.actions" };
      const r = copy(record);
      r.actions.push(...found);
      return { ok: true, record: r };
    },
  },
  decisionText("share_with_family", "share_with_family"),
  decisionText("child_welfare", "child_welfare"),
  textField("next_steps", "next_steps", null),
  textField("recorded_by", "recorded_by", null),
  { ...textField("chair", "chair", null), optional: true },
];

/** One field by id. */
export function recordField(id: RecordFieldId): RecordField {
  const f = RECORD_FIELDS.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown record field ${id}`);
  return f;
}

// The gap codes the checker raises for each field (attendees and actions raise several).
const GAP_PREFIX: Partial<Record<RecordFieldId, string[]>> = {
  date: ["date"],
  child_ref: ["child_ref"],
  attendees: ["attendees."],
  concerns: ["concerns"],
  section47: ["decisions.section47"],
  criminal_investigation: ["decisions.criminal_investigation"],
  legal_action: ["decisions.legal_action"],
  actions: ["actions"],
  share_with_family: ["decisions.share_with_family"],
  child_welfare: ["decisions.child_welfare"],
};

/**
 * Every field the record still lacks, in the order of the form, with the gap code the
 * checker raises for it (null for details no guidance requires: time, format, information
 * shared, next steps, who recorded or chaired it). The guided draft shows all of them.
 */
export function missingFields(record: StrategyRecord, opts: { jurisdiction?: Jurisdiction } = {}): MissingField[] {
  const gaps = checkRecord(record, opts).map((g) => g.field.replace(/\[\d+\]/, ""));
  const out: MissingField[] = [];
  for (const f of RECORD_FIELDS) {
    if (f.optional || !f.applies(record) || !f.isMissing(record)) continue;
    const prefixes = GAP_PREFIX[f.id] ?? [];
    const gap = gaps.find((g) => prefixes.some((p) => g === p || g.startsWith(p))) ?? null;
    out.push({ field: f.id, gap });
  }
  return out;
}
