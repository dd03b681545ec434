import { groupOf, readPersonTerms } from "../lexicon/index.js";
import type { Attendee, AttendeeCategory } from "./model.js";
import { readPeopleList, readSegment, type Person } from "./people.js";
import type { AttendanceStatus } from "./vocabulary.js";

/**
 * Attendees as the record keeps them, from people read out of the notes (people.ts) or
 * named in a JSON record. Whether someone counts as involved is decided here, once: only
 * those who took part count towards the minimum attendees.
 */

/** The minimum-attendee group (or education/other) of a role and agency. */
function categoryOf(role: ReturnType<typeof readPersonTerms>["role"], agency: ReturnType<typeof readPersonTerms>["agency"]): AttendeeCategory {
  return groupOf(role, agency) ?? (agency?.code === "education" ? "education" : "other");
}

/** Which category and which role/agency words a piece of text implies ("DC Patel" → police). */
export function classify(text: string): { role: string | null; agency: string | null; category: AttendeeCategory } {
  const t = readPersonTerms(text, "list");
  return { role: t.role?.label ?? null, agency: t.agency?.label ?? null, category: categoryOf(t.role, t.agency) };
}

/** The status an attendance note states ("invited - did not attend" → invited_absent), or took part when it says nothing else. */
export function statusFrom(note: string | null | undefined): AttendanceStatus {
  if (!note || !note.trim()) return "took_part";
  const t = note.trim();
  if (/^(yes|y|true)$/i.test(t)) return "took_part";
  if (/^(no|n|false)$/i.test(t)) return "invited_absent";
  const found = readSegment(t).statuses.map((s) => s.status);
  for (const s of ["sent_report", "apologies", "invited_absent", "took_part"] as const) if (found.includes(s)) return s;
  return "took_part";
}

/** Whether an attendance phrase ("invited - did not attend", "apologies") means the person took part. */
export function attendedFrom(note: string | null | undefined): boolean {
  return statusFrom(note) === "took_part";
}

/** A person read from the notes as a record attendee. */
export function attendeeFrom(p: Person): Attendee {
  return {
    name: p.name,
    role: p.role?.label ?? null,
    agency: p.agency?.label ?? null,
    attended: p.status === "took_part",
    status: p.status,
    attendance_note: p.status === "took_part" ? null : (p.note ?? null),
    category: categoryOf(p.role, p.agency),
    role_code: p.role?.code ?? null,
    agency_code: p.agency?.code ?? null,
    source: p.source,
  };
}

/** Everyone in a "Present:" / "Apologies:" list. `defaultAttended` false reads the list as apologies. */
export function parseAttendeeList(text: string, defaultAttended: boolean, defaultNote?: string): Attendee[] {
  const status: AttendanceStatus = defaultAttended ? "took_part" : statusFrom(defaultNote ?? "apologies");
  const perLine = text.split("\n").filter((l) => l.trim()).length >= 2;
  return readPeopleList(text, { status: status === "took_part" && !defaultAttended ? "apologies" : status, perLine }).map((p) => {
    const a = attendeeFrom(p);
    if (!a.attended && !a.attendance_note) a.attendance_note = defaultNote ?? "did not take part";
    return a;
  });
}
