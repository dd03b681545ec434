import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import type { Clock } from "../core/clock.js";
import { emptyRecord, StrategyRecordSchema, type Attendee, type StrategyRecord } from "./model.js";
import { statusFrom } from "./attendees.js";
import { groupOf, readPersonTerms, readJurisdiction } from "../lexicon/index.js";
import { londonDate } from "../deadlines/index.js";
import { findDate } from "./dates.js";
import { clauses, parseAction, readDecisions } from "./decisions.js";

/**
 * A record pasted as JSON: either our full StrategyRecord, or the short form other
 * systems export ({date, child_ref, attendees:[{name, role, agency, attendance?}],
 * summary, decision}). Both become a StrategyRecord; the short form's free-text
 * decision is read with the same readers as notes.
 */

const str = z.string().nullish();
const LooseAttendee = z.object({
  name: str,
  role: str,
  agency: str,
  attendance: str,
  attended: z.union([z.boolean(), z.string()]).nullish(),
  category: z.enum(["social_work", "health", "police", "education", "other"]).nullish(),
});
const LooseAction = z.union([
  z.string(),
  z.object({ action: str, task: str, owner: str, who: str, due: str, by: str, when: str }),
]);
const LooseRecord = z.object({
  date: str,
  time: str,
  format: str,
  child_ref: str,
  childRef: str,
  child_reference: str,
  summary: str,
  concerns: str,
  reason: str,
  information_shared: str,
  attendees: z.array(z.union([LooseAttendee, z.string()])).nullish(),
  decision: z.union([z.string(), z.array(z.string())]).nullish(),
  decisions: z.union([z.string(), z.array(z.string())]).nullish(),
  actions: z.array(LooseAction).nullish(),
  share_with_family: str,
  child_welfare: str,
  next_steps: str,
  review_date: str,
  recorded_by: str,
});

const NOT_A_RECORD = "The JSON given is not a strategy discussion record. It needs at least a date, attendees or a decision.";

function nz(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

function attendee(a: z.infer<typeof LooseAttendee> | string): Attendee {
  const described = typeof a === "string" ? a : [a.role, a.agency, a.name].filter(Boolean).join(", ");
  const terms = readPersonTerms(described, "list");
  const category = (typeof a !== "string" && a.category) || (groupOf(terms.role, terms.agency) ?? (terms.agency?.code === "education" ? "education" : "other"));
  if (typeof a === "string") {
    return {
      name: nz(a), role: terms.role?.label ?? null, agency: terms.agency?.label ?? null, attended: true, status: "took_part", attendance_note: null,
      category, role_code: terms.role?.code ?? null, agency_code: terms.agency?.code ?? null, source: a,
    };
  }
  const note = nz(a.attendance) ?? (typeof a.attended === "string" ? nz(a.attended) : null);
  const status = typeof a.attended === "boolean" ? (a.attended ? "took_part" : statusFrom(note) === "took_part" ? "invited_absent" : statusFrom(note)) : statusFrom(note);
  const attended = status === "took_part";
  return {
    name: nz(a.name),
    role: nz(a.role) ?? terms.role?.label ?? null,
    agency: nz(a.agency) ?? terms.agency?.label ?? null,
    attended,
    status,
    attendance_note: attended ? null : (note ?? "did not take part"),
    category,
    role_code: terms.role?.code ?? null,
    agency_code: terms.agency?.code ?? null,
    source: null,
  };
}

/** A record from parsed JSON. Throws invalid_input (never echoing the input) when it is not one. */
export function recordFromJson(value: unknown, clock: Clock): { record: StrategyRecord; warnings: string[] } {
  let v = value;
  // Accept a wrapper such as {"record": {...}} or {"input": {"record": {...}}}.
  for (let i = 0; i < 2 && v && typeof v === "object" && !Array.isArray(v); i++) {
    const o = v as Record<string, unknown>;
    if (o.record && typeof o.record === "object") v = o.record;
    else if (o.input && typeof o.input === "object") v = o.input;
    else break;
  }
  const full = StrategyRecordSchema.safeParse(v);
  if (full.success) return { record: full.data, warnings: [] };

  const parsed = LooseRecord.safeParse(v);
  if (!parsed.success || typeof v !== "object" || v === null || Array.isArray(v)) throw invalidInput(NOT_A_RECORD);
  const r = parsed.data;
  if (!r.date && !r.attendees && !r.decision && !r.decisions) throw invalidInput(NOT_A_RECORD);

  const warnings: string[] = [];
  const record = emptyRecord();
  const today = londonDate(clock.now());
  if (nz(r.date)) {
    const found = findDate(r.date ?? "", Number(today.slice(0, 4)));
    if (!found) throw invalidInput("The date in the record could not be read. Give it as YYYY-MM-DD.");
    record.date = found.iso;
    if (found.yearAssumed) warnings.push(`The date of the discussion had no year: ${found.iso.slice(0, 4)} was assumed. Check it.`);
  }
  const time = /^(\d{1,2}):(\d{2})/.exec(r.time ?? "");
  record.time = time ? `${(time[1] ?? "").padStart(2, "0")}:${time[2]}` : null;
  const fmt = (r.format ?? "").toLowerCase();
  record.format = /virtual|teams|video|online/.test(fmt) ? "virtual" : /phone|call/.test(fmt) ? "phone" : /meet|person/.test(fmt) ? "meeting" : null;
  record.child_ref = nz(r.child_ref ?? r.childRef ?? r.child_reference);
  if (record.child_ref && !/\d/.test(record.child_ref)) {
    warnings.push("The child reference looks like a name. Use the case reference number in the record, not the child's name.");
  }
  if (/\b(d\.?o\.?b\.?|date of birth|born on)\b/i.test(JSON.stringify(r))) {
    warnings.push("The record seems to include a date of birth. Keep personal details to the case reference in the record.");
  }
  record.concerns = nz(r.concerns ?? r.summary ?? r.reason);
  record.information_shared = nz(r.information_shared);
  record.attendees = (r.attendees ?? []).map(attendee);
  record.next_steps = nz(r.next_steps);
  record.recorded_by = nz(r.recorded_by);
  if (nz(r.review_date)) record.review_date = findDate(r.review_date ?? "", Number(today.slice(0, 4)))?.iso ?? null;

  const anchor = record.date ?? today;
  record.actions = (r.actions ?? [])
    .map((a) => {
      if (typeof a === "string") return parseAction(a, anchor);
      const text = nz(a.action ?? a.task);
      if (!text) return null;
      const dueText = nz(a.due ?? a.by ?? a.when);
      const parsed = dueText ? parseAction(`${text} by ${dueText}`, anchor) : null;
      return { action: text, owner: nz(a.owner ?? a.who), due: parsed?.due ?? null, due_text: dueText, source: null };
    })
    .filter((a) => a !== null);

  const decisionText = [r.decision ?? [], r.decisions ?? []].flat().join("\n");
  const cs = clauses(decisionText);
  const wider = [...cs, ...record.actions.map((a) => `${a.owner ?? ""} to ${a.action}`)];
  record.decisions = readDecisions(cs, wider, { share_with_family: nz(r.share_with_family), child_welfare: nz(r.child_welfare) });
  const j = readJurisdiction(JSON.stringify(r));
  record.jurisdiction = j.jurisdiction
    ? { value: j.jurisdiction, from: "notes", evidence: j.evidence.filter((e) => e.jurisdiction === j.jurisdiction).map(({ words, cue, kind, jurisdiction }) => ({ words, cue, kind, jurisdiction })) }
    : null;
  return { record, warnings };
}
