import type { Clock } from "../core/clock.js";
import type { Attendee, AttendeeCategory, Decisions, StrategyRecord } from "./model.js";
import { attendeeFrom } from "./attendees.js";
import { readPeopleList } from "./people.js";
import { readAttendanceProse } from "./prose.js";
import type { AttendanceStatus } from "./vocabulary.js";
import { londonDate } from "../deadlines/index.js";
import { dueFromText, findDate, meetingDayWord } from "./dates.js";
import { splitSections } from "./notes-parser.js";
import { spelled } from "./decisions.js";
import { minimumAttendees } from "./requirements.js";
import { clauses, readCriminalInvestigation, readLegalAction } from "./decisions.js";

/**
 * Reading the answers to the guided strategy record questions. The dialog only asks
 * and stores; these pure functions decide what an answer means.
 */

/** "skip", "none", "n/a" and the like: leave this part as a gap. */
export function isSkip(text: string): boolean {
  return /^\s*(skip|none|n\/?a|not known|unknown|don'?t know|nothing|pass|-)\s*\.?\s*$/i.test(text);
}

/** "done", "no more", "that's all": the end of a list. */
export function isDone(text: string): boolean {
  return /^\s*(done|finished|no more|that'?s (it|all)|none|no|nothing else|end)\s*\.?\s*$/i.test(text);
}

/**
 * The date of the discussion from an answer ("14/05/2025", "yesterday"). Null when it
 * cannot be read; throws invalid_input with the reason when the date is impossible.
 */
export function parseMeetingDate(text: string, clock: Clock): string | null {
  const today = londonDate(clock.now());
  const found = findDate(text, Number(today.slice(0, 4)));
  return found ? found.iso : meetingDayWord(text, today);
}

const LIST_STATUS: Record<string, AttendanceStatus> = { present: "took_part", apologies: "apologies", absent: "invited_absent", reports: "sent_report" };

/**
 * People from a "who took part" answer, typed on one line or several: those after
 * "Apologies:" or "invited:" (or "couldn't make it") do not count as taking part.
 */
export function parseAttendeesReply(text: string): Attendee[] {
  const { header, sections } = splitSections(text);
  const people = header.split("\n").flatMap((line) => readAttendanceProse(line, { meeting: false }) ?? readPeopleList(line, { status: "took_part", perLine: false }));
  for (const s of sections) {
    const status = LIST_STATUS[s.key];
    people.push(...readPeopleList(status ? s.text : `${s.label}: ${s.text}`, { status: status ?? "took_part", perLine: s.text.includes("\n") }));
  }
  return people.map(attendeeFrom);
}

/** Minimum attendee groups (social work, health, police) with nobody recorded as taking part. */
export function missingMinimum(record: StrategyRecord): AttendeeCategory[] {
  return minimumAttendees()
    .map((m) => m.category)
    .filter((c) => !record.attendees.some((a) => a.category === c && a.attended));
}

/** "a police representative and a health practitioner". */
export function describeCategories(cats: AttendeeCategory[]): string {
  const words = cats.map((c) => {
    const role = minimumAttendees().find((m) => m.category === c)?.role;
    return role ? `a ${role.toLowerCase()}` : c;
  });
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const STATUS_WORDS: Record<AttendanceStatus, string> = {
  took_part: "took part",
  apologies: "sent apologies, did not take part",
  invited_absent: "invited, did not take part",
  sent_report: "sent a report, did not take part",
};

/** One line per attendee, for confirming what was understood. */
export function describeAttendees(attendees: Attendee[]): string {
  return attendees
    .map((a) => `- ${[a.name, a.role, a.agency].filter(Boolean).join(", ") || "Not named"}: ${STATUS_WORDS[a.status]}`)
    .join("\n");
}

/** Answer to the section 47 choice. */
export function section47FromChoice(choice: string): Decisions["section47"] {
  if (/^y/i.test(choice)) return { decision: "yes", outcome: null, rationale: null, source: choice };
  if (/^no?\b/i.test(choice)) return { decision: "no", outcome: null, rationale: null, source: choice };
  return { decision: "undecided", outcome: null, rationale: "Not yet decided", source: choice };
}

/** Answer about a criminal investigation: "no", "not decided", or what was agreed. */
export function criminalFromAnswer(text: string): Decisions["criminal_investigation"] {
  const t = text.trim();
  if (/^\s*(no|none|not needed|no investigation)\b/i.test(t)) return { decision: "no", lead: null, lead_by: null, detail: t, source: t };
  if (/\b(not (yet )?decided|tbc|undecided|pending)\b/i.test(t)) return { decision: "undecided", lead: null, lead_by: null, detail: t, source: t };
  const read = readCriminalInvestigation(clauses(t));
  if (read.decision === "yes") return { ...read, source: t };
  const police = /\bpolice\b/.test(spelled(t));
  return { decision: "yes", lead: police ? "Police" : null, lead_by: police ? "police" : null, detail: t, source: t };
}

/** Answer about legal action: "no", "not decided", or what was agreed (EPO, legal planning meeting...). */
export function legalFromAnswer(text: string): Decisions["legal_action"] {
  const t = text.trim();
  if (/^\s*(no|none|not needed|not required)\b/i.test(t)) return { decision: "no", detail: t, source: t };
  if (/\b(not (yet )?decided|tbc|undecided|pending)\b/i.test(t)) return { decision: "undecided", detail: t, source: t };
  const read = readLegalAction(clauses(t));
  return read.decision === "yes" ? { ...read, source: t } : { decision: "yes", detail: t, source: t };
}

/** Actions missing an owner or a date, numbered as in the record (1-based), for one question. */
export function incompleteActions(record: StrategyRecord): string {
  return record.actions
    .map((a, i) => ({ a, n: i + 1 }))
    .filter(({ a }) => !a.owner || !a.due)
    .map(({ a, n }) => `${n}. ${a.action}: ${[a.owner ? null : "no owner", a.due ? null : "no date"].filter(Boolean).join(", ")}`)
    .join("\n");
}

/**
 * Apply "2: HV by 16/05/2025" style answers (one per line) to the record's actions:
 * the words before "by/on/before/today..." are the owner, the rest the due date.
 * Lines that name no existing action are ignored. Returns how many actions changed.
 */
export function applyActionFixes(record: StrategyRecord, reply: string, anchor: string): number {
  let changed = 0;
  for (const line of reply.split(/\n|;/)) {
    const m = /^\s*(?:action\s*)?(\d{1,2})\s*[:.)\-–]?\s+(.+)$/i.exec(line);
    const action = m ? record.actions[Number(m[1]) - 1] : undefined;
    if (!m || !action) continue;
    const rest = (m[2] ?? "").trim();
    const split = /^(.*?)(?:\s*,\s*|\s+)?\b(by|on|before|today|tomorrow|within|due)\b(.*)$/i.exec(rest);
    const ownerText = (split ? split[1] : rest)?.trim().replace(/[,\s]+$/, "");
    const due = dueFromText(rest, anchor);
    if (!action.owner && ownerText) action.owner = ownerText;
    if (!action.due && due.due) Object.assign(action, { due: due.due, due_text: due.due_text });
    changed++;
  }
  return changed;
}
