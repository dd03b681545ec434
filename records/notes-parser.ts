import type { Clock } from "../core/clock.js";
import { isAppError } from "../core/errors.js";
import { emptyRecord, type StrategyRecord } from "./model.js";
import { parseAttendeeList } from "./attendees.js";
import { addDays, londonDate } from "../deadlines/index.js";
import { checkedIso, findDate, formatLong, meetingDayWord } from "./dates.js";
import { clauses, parseAction, parseActions, readDecisions } from "./decisions.js";

/**
 * Rough notes → a strategy discussion record. Notes are split at labels
 * ("Present:", "Apologies:", "Concerns:", "Agreed:", "Actions:"...); the text before the
 * first label is the header with the date, time and format. Pure: the clock only
 * resolves "today" and a missing year.
 */

type SectionKey =
  | "present" | "absent" | "concerns" | "information" | "decisions" | "actions" | "share"
  | "child" | "next" | "recorded_by" | "child_ref" | "date" | "time" | "format";

// Label words for each section, tried at the start of a line or sentence and followed by ":" or " - ".
const LABELS: [SectionKey, string][] = [
  ["present", "present|those present|attendees|attending|in attendance|attended by|attended|participants|who took part|people present|invitees? present"],
  ["absent", "apologies|apols|sent apologies|invited but did not attend|invited,? (?:but )?(?:did not|didn'?t) attend|did not attend|dna|not present|absent|unable to attend|declined|invited"],
  ["concerns", "concerns?|reason(?: for (?:the )?(?:discussion|strategy(?: discussion)?|meeting))?|summary|background|referral|presenting (?:issues?|concerns?)|incident|allegation"],
  ["information", "information shared|info(?:rmation)? shared|info|information|discussion|checks|agency checks"],
  ["decisions", "agreed|decisions?|outcomes?|outcome of (?:the )?discussion|agreed plan|plan|recommendations?|s\\.? ?47(?: decision)?|section 47(?: decision)?|criminal investigation|police decision|legal(?: action)?|legal planning"],
  ["actions", "actions?|tasks?|action plan|who does what(?: by when)?"],
  ["share", "(?:information )?shar(?:e|ing) with (?:the )?(?:child and )?(?:family|parents|carers)|information sharing|what (?:to|we) tell (?:the )?(?:family|parents)|family informed|parents informed"],
  ["child", "voice of (?:the )?child|child'?s views|child seen|seeing the child|child'?s welfare(?: and safety)?|welfare and safety|safety(?: plan)?"],
  ["next", "next steps?|review(?: date)?|next meeting|follow[ -]up"],
  ["recorded_by", "recorded by|minutes? (?:by|taken by)|minute taker|note taker|notes by|author|chair(?:ed by)?"],
  ["child_ref", "child ref(?:erence)?|child id|child|ref(?:erence)?|case (?:ref|number|no\\.?)|LCS(?: id)?|mosaic(?: id)?|ID"],
  ["date", "date(?: of (?:the )?(?:discussion|meeting|strategy(?: discussion)?))?"],
  ["time", "time"],
  ["format", "format|venue|location|held via|via"],
];
// Labels whose words carry meaning ("S47: yes") keep them in the section text.
const KEEP_LABEL = new Set<SectionKey>(["decisions", "share", "child", "absent"]);

// Runs of spaces are collapsed before this is used (see `normalise`), so each optional
// space below matches at most one character and the scan stays linear on hostile input.
const LABEL_RE = new RegExp(
  `(?:^|\\n|(?<=[.;]) )[ ]?[-*•]?[ ]?(${LABELS.map(([, l]) => `(?:${l})`).join("|")})[ ]?(?::|[ ][-–—][ ]|(?=\\n))`,
  "gi",
);

/** Line breaks to "\n", runs of spaces and tabs to one space, control characters dropped. */
export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
    // Markdown emphasis and headings around labels ("**Present:**", "## Actions").
    .replace(/\*\*|__/g, "")
    .replace(/^#{1,6} /gm, "")
    .replace(/[\t \u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n");
}

interface Section {
  key: SectionKey;
  label: string;
  text: string;
}

function keyOf(label: string): SectionKey {
  for (const [key, words] of LABELS) {
    if (new RegExp(`^(?:${words})$`, "i").test(label.trim())) return key;
  }
  return "information";
}

/** The labelled sections of the notes, in order, and the header before the first label. */
export function splitSections(text: string): { header: string; sections: Section[] } {
  const notes = normalise(text);
  const matches = [...notes.matchAll(LABEL_RE)];
  const header = notes.slice(0, matches[0]?.index ?? notes.length).trim();
  const sections: Section[] = matches.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? notes.length;
    const label = m[1] ?? "";
    return { key: keyOf(label), label, text: notes.slice(start, end).trim().replace(/[.\s]+$/, "") };
  });
  return { header, sections };
}

function parseTime(text: string): string | null {
  const ampm = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b/i.exec(text);
  if (ampm) {
    let h = Number(ampm[1]) % 12;
    if ((ampm[3] ?? "").toLowerCase() === "pm") h += 12;
    const min = Number(ampm[2] ?? "0");
    if (h < 24 && min < 60) return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  }
  const hhmm = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?![./-]\d)/.exec(text) ?? /\b([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hours|h)\b/i.exec(text);
  if (hhmm) return `${(hhmm[1] ?? "").padStart(2, "0")}:${hhmm[2]}`;
  return null;
}

function parseFormat(text: string): StrategyRecord["format"] {
  if (/\b(teams|virtual|video|zoom|online|webex|skype)\b/i.test(text)) return "virtual";
  if (/\b(phone|telephone|tel|call|conference call|by phone)\b/i.test(text)) return "phone";
  if (/\b(meeting|in person|face[- ]to[- ]face|f2f|room|office)\b/i.test(text)) return "meeting";
  return null;
}

const REF_TOKEN = /\b(?=[A-Z0-9\-/]*\d)[A-Z]{0,4}[-/]?\d[A-Z0-9\-/]*\b/gi;

/** A case reference in a "Child ref:" line: letters and digits, not an age ("3yo") or a date. */
export function findReference(text: string): string | null {
  for (const m of text.matchAll(REF_TOKEN)) {
    const t = m[0];
    if (/^\d+(yo|y|yrs?|m|mths?|months?|weeks?|wks?)$/i.test(t)) continue;
    if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) continue;
    if (t.replace(/\D/g, "").length === 0 || t.length < 2) continue;
    return t;
  }
  return null;
}

/** The meeting date from the header or a "Date:" label. Throws invalid_input when it is impossible. */
function meetingDate(header: string, dateSection: string | undefined, clock: Clock, warnings: string[]): string | null {
  const today = londonDate(clock.now());
  for (const text of [header, dateSection ?? ""]) {
    if (!text) continue;
    const found = findDate(text, Number(today.slice(0, 4)));
    if (found) {
      let iso = found.iso;
      if (found.yearAssumed) {
        // A meeting being recorded has happened: a date later than today is last year's.
        if (iso > addDays(today, 7)) iso = checkedIso(Number(today.slice(0, 4)) - 1, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
        warnings.push(`The notes gave the date of the discussion without a year: ${iso.slice(0, 4)} was assumed. Check it.`);
      }
      return iso;
    }
    const relative = meetingDayWord(text, today);
    if (relative) {
      warnings.push(`The notes gave the date of the discussion as a relative day: it was read as ${formatLong(relative)}. Check it.`);
      return relative;
    }
  }
  return null;
}

/**
 * Parse rough notes into a record. An impossible date of the discussion is never rolled
 * over: it throws invalid_input, or with `impossibleDate: "gap"` leaves the date empty
 * with a warning. Everything else missing is a gap.
 */
export function parseNotes(
  notes: string,
  clock: Clock,
  opts: { impossibleDate?: "error" | "gap" } = {},
): { record: StrategyRecord; warnings: string[] } {
  const warnings: string[] = [];
  const record = emptyRecord();
  const { header, sections } = splitSections(notes);
  notes = normalise(notes);
  const all = (key: SectionKey) => sections.filter((s) => s.key === key);
  const textOf = (key: SectionKey, keepLabel = KEEP_LABEL.has(key)) =>
    all(key).map((s) => (keepLabel ? `${s.label}: ${s.text}` : s.text)).join("\n");

  try {
    record.date = meetingDate(header, all("date")[0]?.text, clock, warnings);
  } catch (e) {
    // The CLI wants the error; the dialog keeps the rest of the notes and asks for the date again.
    if (opts.impossibleDate !== "gap" || !isAppError(e)) throw e;
    warnings.push(`The date of the discussion in the notes is not a real date. ${e.message}`);
  }
  const anchor = record.date ?? londonDate(clock.now());
  const headerish = [header, textOf("time"), textOf("format"), textOf("date")].join(" ");
  record.time = parseTime(headerish);
  record.format = parseFormat(headerish);

  const refText = all("child_ref").map((s) => s.text).join(" ");
  record.child_ref = findReference(refText);
  if (refText && !record.child_ref) warnings.push("The child was described without a reference number. Use the case reference, not a name.");

  for (const s of all("present")) record.attendees.push(...parseAttendeeList(s.text, true));
  for (const s of all("absent")) record.attendees.push(...parseAttendeeList(s.text, false, s.label.toLowerCase()));

  record.concerns = textOf("concerns", false) || null;
  record.information_shared = textOf("information", false) || null;
  record.recorded_by = all("recorded_by")[0]?.text.split(/[\n.]/)[0]?.trim() || null;
  const next = textOf("next", false);
  record.next_steps = next || null;
  if (next) {
    try {
      record.review_date = findDate(next, Number(anchor.slice(0, 4)))?.iso ?? null;
    } catch {
      warnings.push("The review date in the notes is not a real date. Check it.");
    }
  }

  const actionText = textOf("actions", false);
  record.actions = parseActions(actionText, anchor);
  // Decisions are read from the decision sections; without any, from the whole notes,
  // because rough notes are often unlabelled.
  const decisionText = [textOf("decisions"), textOf("share"), textOf("child")].join("\n").trim();
  const decisionClauses = clauses(decisionText || notesWithout(notes, header, sections));
  if (record.actions.length === 0) {
    // Unlabelled actions ("SW to visit today") inside the decisions.
    record.actions = decisionClauses
      .filter(
        (c) =>
          /^\S+(\s\S+){0,3}\s+(to|will)\s+\w/i.test(c) &&
          !/^(agreed|decided|plan|need|needs)\b/i.test(c) &&
          // "mum to be told tomorrow" is a decision about the family, not an action.
          !/^\S+(\s\S+){0,3}\s+to be\b/i.test(c) &&
          !/^(the )?(mum|mother|dad|father|parents?|carers?|family|child)\b/i.test(c),
      )
      .map((c) => parseAction(c, anchor))
      .filter((a) => a !== null);
  }
  const wider = [...decisionClauses, ...clauses(actionText), ...clauses(next)];
  record.decisions = readDecisions(decisionClauses, wider, { share_with_family: textOf("share", false), child_welfare: textOf("child", false) });

  if (/\b(d\.?o\.?b\.?|date of birth|born on)\b/i.test(notes)) {
    warnings.push("The notes seem to include a date of birth. Keep personal details to the case reference in the record.");
  }
  return { record, warnings };
}

// Without a decisions label, decisions are looked for everywhere except in the lists of
// people, actions and the concerns (where "police investigating" describes the past).
function notesWithout(notes: string, header: string, sections: Section[]): string {
  if (sections.length === 0) return notes;
  const skip: SectionKey[] = ["present", "absent", "actions", "concerns", "information", "child_ref", "recorded_by"];
  return [header, ...sections.filter((s) => !skip.includes(s.key)).map((s) => s.text)].join("\n");
}
