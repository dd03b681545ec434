import { words } from "../lexicon/index.js";
import { dueUnreadable } from "./dates.js";
import { isTitle } from "./titles.js";
import type { AttendeeCategory, Check, StrategyRecord } from "./model.js";
import { minimumAttendees } from "./requirements.js";

/**
 * How sure the reading is that something is absent. A gap says the notes do not give
 * a part of the record; it is raised only when the reader looked everywhere and found
 * nothing. Where the notes seem to give it but it could not be read with confidence, the
 * draft says so as a check instead: someone took part with no role or agency (they may
 * be the police), an action names a person who took part but not as its doer, a due date
 * is written but cannot be counted. Messages name parts of the record, never the notes' words.
 */

const GROUP_WORDS: Partial<Record<AttendeeCategory, string>> = {
  social_work: "children's social care",
  health: "health",
  police: "the police",
};

/** Checks for who took part: a minimum group with nobody read, while someone who took part has no role or agency. */
export function attendeeChecks(record: StrategyRecord): Check[] {
  const unknown = record.attendees.filter((a) => a.attended && !a.role_code && !a.agency_code && a.category === "other");
  if (unknown.length === 0) return [];
  const out: Check[] = [];
  for (const m of minimumAttendees()) {
    if (record.attendees.some((a) => a.category === m.category && a.attended)) continue;
    const n = unknown.length;
    out.push({
      field: `attendees.${m.category}`,
      message: `${n === 1 ? "One person" : `${n} people`} who took part ${n === 1 ? "is" : "are"} recorded without a role or agency, so it is not clear whether ${GROUP_WORDS[m.category] ?? m.role.toLowerCase()} took part. Check who ${n === 1 ? "they were" : "they were"} and add their role.`,
    });
  }
  return out;
}

/** Whether some words name one of the people who took part (a name of two letters or more, matched whole). */
function namesAttendee(text: string, record: StrategyRecord): boolean {
  const ws = new Set(words(text).map((w) => w.folded));
  return record.attendees.some((a) => {
    const parts = words(a.name ?? "").map((w) => w.folded).filter((w) => w.length >= 3 && !isTitle(w));
    return parts.length > 0 && parts.some((w) => ws.has(w));
  });
}

/** Checks for actions: a doer who may be named in the action's words, a due date written but not counted. */
export function actionChecks(record: StrategyRecord): Check[] {
  const out: Check[] = [];
  record.actions.forEach((a, i) => {
    const n = i + 1;
    if (!a.owner && namesAttendee(`${a.action} ${a.source ?? ""}`, record)) {
      out.push({ field: `actions[${i}].owner`, message: `Action ${n} mentions someone who took part, but not clearly as the person who will do it. Check who will.` });
    }
    if (!a.due && a.due_text && dueUnreadable(a.source ?? a.due_text, record.date)) {
      out.push({
        field: `actions[${i}].due`,
        message: record.date
          ? `Action ${n} has a date to be done by that could not be read as a real date. Check it.`
          : `Action ${n} has a date to be done by that counts from the day of the discussion, which is not recorded. Check it once the date is added.`,
      });
    }
  });
  return out;
}
