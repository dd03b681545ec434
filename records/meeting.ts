import type { StrategyRecord } from "./model.js";
import { addDays } from "../deadlines/index.js";
import { isAppError } from "../core/errors.js";
import { checkedIso, findDate, formatLong } from "./dates.js";
import { findPhrases, hasPhrase, vocabulary } from "./vocabulary.js";

/**
 * The facts of the discussion itself: its date, time and format, and the child's case
 * reference. They are read only from where notes state them (a "Date:" label, the title
 * line, the e-mail subject, a sentence about the meeting), never from a date of birth,
 * an incident in the concerns, or an e-mail's "Sent:" line.
 */

/** A line that may state the meeting's facts, most telling first. */
export interface MeetingLine {
  text: string;
  /** Labelled "Date:", "Time:", "Venue:"...: its words are about the meeting whatever they say. */
  labelled: boolean;
}

export interface MeetingFacts {
  date: string | null;
  /** Why the date the notes give for the discussion could not be used ("there is no 31 February"), when it could not. */
  impossible: string | null;
  time: string | null;
  format: StrategyRecord["format"];
  source: { date?: string; time?: string; format?: string };
}

/** A date not preceded by "DOB", "born", "b.": the child's date of birth is never the meeting's. */
function withoutBirthDates(text: string): string {
  const dob = vocabulary().dob_words;
  let out = text;
  for (const m of findPhrases(dob, text, "dob")) {
    // Blank the next date-like run after a date-of-birth word.
    const after = text.slice(m.end);
    // "born 02/01/2026", "born on the 2nd of January 2026" (as dictation writes it), "DOB: 2.1.26".
    const d = /^[\s.:)(-]*(?:(?:on|in)\s+)?(?:the\s+)?(\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\w+\s+\d{4}|\d{4})/.exec(after);
    if (d) out = out.slice(0, m.end) + after.replace(d[0], " ".repeat(d[0].length)) + "";
  }
  return out;
}

/**
 * Ages written as clinicians write them, blanked so they are never read as a date: months over twelve and weeks over
 * fifty-two ("Baby Amelia (4/12)", "aged 9/12", "6/52 old"), the form paediatric and health visiting records use for a
 * child under two. "4/12" alone is 4 December; only after a name or an age word, or before "old", is it an age.
 */
function withoutAges(text: string): string {
  const age = String.raw`(?:(?:[1-9]|1[01])\/12|(?:[1-9]|[1-4]\d|5[01])\/52)`;
  // "(4/12)" after a name or word, "aged 9/12", "4/12 old": never "(4/12/25)", a date with its year.
  const forms = new RegExp(String.raw`(?<=[\p{L}.]\s?\(\s?)${age}(?=\s*(?:old\s*)?\))|(?<=\b(?:aged?|age:)\s?)${age}(?![/\d])|\b${age}(?=\s*old\b)`, "giu");
  return text.replace(forms, (m, at: number) => {
    // "Strat disc (4/12)": in brackets after the meeting's own words, it is the meeting's date.
    const before = text.slice(Math.max(0, at - 40), at).replace(/[\s(]+$/, "");
    const meeting = findPhrases(vocabulary().meeting_words, before, "meeting_words").some((w) => w.end === before.length);
    return meeting ? m : " ".repeat(m.length);
  });
}

/**
 * The day the notes were typed or written up ("(typed up 14/5)", "[typed up from my notebook 26/11 – R. Okon]") is the
 * writing's date, not the meeting's. The aside runs to its closing bracket, or unbracketed to the next part of the line
 * ("typed up by Sgt P. Okafor — Sat 12/12/26 — 19:20": the date is the meeting's), and never past where the line speaks
 * of the meeting again ("[typed up from my notebook – SD 24/11, 09:30]").
 */
function withoutWriteUpDates(text: string): string {
  let out = text;
  for (const m of findPhrases(vocabulary().write_up_words, text, "write_up")) {
    const before = text.slice(0, m.start);
    const open = Math.max(before.lastIndexOf("("), before.lastIndexOf("["));
    const bracketed = open >= 0 && !/[)\]]/.test(before.slice(open));
    const rest = text.slice(m.end);
    const close = bracketed ? /[)\]]/.exec(rest) : /\s[-–—|]\s|[–—|;\t]/.exec(rest);
    const meeting = findPhrases(vocabulary().meeting_words, rest, "meeting_words")[0];
    const end = m.end + Math.min(close ? close.index : rest.length, meeting ? meeting.start : rest.length);
    out = out.slice(0, m.end) + out.slice(m.end, end).replace(/\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?/g, (d) => " ".repeat(d.length)) + out.slice(end);
  }
  return out;
}

/** The words a line of notes may hold that are about the meeting: no date of birth, no age, no day of writing up. */
function meetingWords(text: string): string {
  return withoutWriteUpDates(withoutAges(withoutBirthDates(text)));
}

/**
 * A later meeting named in the notes ("review strat Fri 11th", "Review strategy meeting | Siôn | 08/12", "next strat
 * 14/5"): the date said of it is that meeting's, not this one's (`next_meeting_words` in the notes vocabulary).
 */
export function namesLaterMeeting(text: string): boolean {
  // "The review strategy meeting was held on 14/05" is this meeting, a review of an earlier one.
  return hasPhrase(vocabulary().next_meeting_words, text) && !/\b(?<!(?:to be|will be)\s)(?:held|took place|was on|met on)\b/i.test(text);
}

function relativeDay(text: string, anchor: string): { iso: string; words: string } | null {
  const v = vocabulary().relative_days;
  const today = findPhrases(v.today, text, "rel:today")[0];
  if (today) return { iso: anchor, words: today.surface };
  const yesterday = findPhrases(v.yesterday, text, "rel:yesterday")[0];
  if (yesterday) return { iso: addDays(anchor, -1), words: yesterday.surface };
  return null;
}

const TIME_12 = /(?<![\d./:])(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b/i;
const TIME_24 = /(?<![\d./:£$])([01]?\d|2[0-3])[:.]([0-5]\d)(?![./]\d)(?!\d)/;
const TIME_HRS = /(?<![\d./])([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hours|h)\b/i;

/** The first time of day in the text ("2.30pm", "14:00-14:45", "1400hrs"), as HH:MM. */
export function findTime(text: string): { time: string; words: string } | null {
  const found: { at: number; time: string; words: string }[] = [];
  const a = TIME_12.exec(text);
  if (a) {
    const h = (Number(a[1]) % 12) + ((a[3] ?? "").toLowerCase() === "pm" ? 12 : 0);
    const min = Number(a[2] ?? "0");
    if (Number(a[1]) >= 1 && Number(a[1]) <= 12 && min < 60) found.push({ at: a.index, time: `${pad(h)}:${pad(min)}`, words: a[0] });
  }
  const b = TIME_24.exec(text);
  if (b) found.push({ at: b.index, time: `${pad(Number(b[1]))}:${b[2]}`, words: b[0] });
  const c = TIME_HRS.exec(text);
  if (c) found.push({ at: c.index, time: `${c[1]}:${c[2]}`, words: c[0] });
  // "SD 0930 F2F", "strat today 1545 tel": four figures on the meeting's line are its time, unless they could be a year.
  const e = /(?<![\d/.:-])([01]\d|2[0-3])([0-5]\d)(?![\d/.:-])/.exec(text);
  if (e && !/^(19|20)\d\d$/.test(e[0]) && !found.some((f) => f.at <= e.index && e.index < f.at + f.words.length)) found.push({ at: e.index, time: `${e[1]}:${e[2]}`, words: e[0] });
  // "@11", "@ 2.30": the hour after an at sign, as people type it in chat.
  const d = /@\s?([01]?\d|2[0-3])(?:[:.]([0-5]\d))?(?![\d/.:])/.exec(text);
  if (d && !found.some((f) => f.at <= d.index + 2 && d.index <= f.at)) found.push({ at: d.index, time: `${pad(Number(d[1]))}:${d[2] ?? "00"}`, words: d[0] });
  found.sort((x, y) => x.at - y.at);
  return found[0] ?? spokenHour(text);
}

const HOUR_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const HOUR = String.raw`(1[0-2]|0?[1-9]|${Object.keys(HOUR_WORDS).join("|")})`;
const DAY_PART = String.raw`(?:\s+(in the (?:morning|afternoon|evening)))?`;
// After the hour, never a count or a length ("at 11 years", "for 2 hours", "3 children") or a date ("at 12/3").
const NOT_A_COUNT = String.raw`(?![/.:-]?\d|\s*(?:%|st|nd|rd|th|years?|yrs?|y\/?o|months?|weeks?|days?|hours?|hrs?|mins?|minutes?|children|kids|pupils|people|times|miles|of))`;
const SPOKEN_HOURS: [RegExp, (m: RegExpExecArray) => { hour: number; minute: number; part: string | undefined }][] = [
  // "12 noon", "noon", "midday"
  [/\b(?:12\s*)?(?:noon|midday)\b/i, () => ({ hour: 12, minute: 0, part: "pm" })],
  // "9 o'clock", "eleven o'clock in the morning"
  [new RegExp(String.raw`\b${HOUR}\s*o'?clock\b${DAY_PART}`, "i"), (m) => ({ hour: hourOf(m[1]), minute: 0, part: m[2] })],
  // "half 3", "about half two": half past the hour, as people in Britain say it
  [new RegExp(String.raw`\bhalf\s+${HOUR}\b${DAY_PART}(?!\s*(?:past|an?\b|hour|term|day))`, "i"), (m) => ({ hour: hourOf(m[1]), minute: 30, part: m[2] })],
  // "at 11", "at around 10 in the morning", "at 9 30", "started at 2": an hour after the words that say when it began
  [new RegExp(String.raw`\b(?:at|from|started|starting|start(?:s|ed)? at)\s+(?:(?:around|about|approx\.?|approximately|roughly)\s+)?${HOUR}(?:\s([0-5]\d))?\b${DAY_PART}${NOT_A_COUNT}`, "i"), (m) => ({ hour: hourOf(m[1]), minute: Number(m[2] ?? "0"), part: m[3] })],
];

function hourOf(word: string | undefined): number {
  const w = (word ?? "").toLowerCase();
  return HOUR_WORDS[w] ?? Number(w);
}

/**
 * An hour said the way people say it, with no minutes or no am/pm ("at 11", "9 o'clock", "half 3", "12 noon"), read
 * only where no time is written in figures: a strategy discussion is held in the working day, so a bare hour from one
 * to seven is in the afternoon unless the words say the morning.
 */
function spokenHour(text: string): { time: string; words: string } | null {
  const hits = SPOKEN_HOURS.map(([re, read]) => {
    const m = re.exec(text);
    return m ? { at: m.index, m, read } : null;
  }).filter((x): x is NonNullable<typeof x> => x !== null);
  hits.sort((x, y) => x.at - y.at);
  const first = hits[0];
  if (!first) return null;
  const { hour, minute, part } = first.read(first.m);
  if (!(hour >= 1 && hour <= 12)) return null;
  const p = (part ?? "").toLowerCase();
  const h = /afternoon|evening|pm/.test(p) ? (hour % 12) + 12 : /morning/.test(p) ? hour % 12 : hour <= 7 ? hour + 12 : hour;
  return { time: `${pad(h)}:${pad(minute)}`, words: first.m[0] };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "13/2/25 1000", "29/5 1530": a four-figure time straight after the meeting's date. */
function timeAfterDate(text: string, dateEnd: number): { time: string; words: string } | null {
  const m = /^\s*,?\s*(?:@|at)?\s*([01]\d|2[0-3])([0-5]\d)\b(?![/.]\d)/.exec(text.slice(dateEnd));
  return m ? { time: `${m[1]}:${m[2]}`, words: m[0].trim() } : null;
}

/** The format a text states: a meeting in person, by phone, or virtual (Teams, video). */
export function findFormat(text: string, venue = true): { format: NonNullable<StrategyRecord["format"]>; words: string } | null {
  const f = vocabulary().formats;
  const hits = (["virtual", "phone", "meeting"] as const).flatMap((format) =>
    findPhrases(f[format], text, `fmt:${format}`).map((m) => ({ format, words: m.surface, at: m.start })),
  );
  // A place ("school", "room 3") says the meeting was in person where the words are about where it was held:
  // a "Venue:" line, or "at"/"in" just before ("strat at school"), never "marks seen by school".
  for (const m of findPhrases(f.venue, text, "fmt:venue")) {
    if (venue || /\b(?:at|in|@)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i.test(text.slice(Math.max(0, m.start - 30), m.start))) hits.push({ format: "meeting", words: m.surface, at: m.start });
  }
  const meetingWords = findPhrases(vocabulary().meeting_words, text, "meeting_words");
  for (const m of findPhrases(f.call, text, "fmt:call")) {
    if (meetingWords.some((w) => w.end <= m.start && /^\s*$/.test(text.slice(w.end, m.start)))) hits.push({ format: "phone", words: m.surface, at: m.start });
  }
  hits.sort((x, y) => x.at - y.at);
  return hits[0] ?? null;
}

/**
 * Where the meeting was held, set out as a part of its own after the meeting's date or time on its own line ("STRAT MTG
 * 17/12/25 10.00 – children's ward seminar rm", "5/6/25 - 12.45 - Rm 4 Hillside Childrens Centre", "15/10/25 @ 14:00,
 * Room 3 County Hall"): a title line says when and where, so a place there is where it met in person.
 */
function venueAfter(text: string): { format: NonNullable<StrategyRecord["format"]>; words: string } | null {
  for (const part of text.split(/\s[-–—]\s|[,|\t(;]/)) {
    const f = findFormat(part, true);
    if (f) return f;
  }
  return null;
}

/** Whether a sentence is about the discussion itself ("Strat 14/5", "the strategy discussion was held by phone"). */
export function isMeetingSentence(text: string): boolean {
  return hasPhrase(vocabulary().meeting_words, text);
}

/**
 * The meeting's date, time and format from its lines, most telling first. Dates without a
 * year take the anchor's year (the e-mail's sent date or today), or the year before when
 * that would put the meeting more than a week ahead. "today" and "yesterday" count from
 * the anchor. An impossible date where the meeting's date is stated leaves the date empty and says
 * why in `impossible`; warnings say what was assumed.
 */
export function readMeetingFacts(lines: MeetingLine[], anchor: string, warnings: string[]): MeetingFacts {
  const out: MeetingFacts = { date: null, impossible: null, time: null, format: null, source: {} };
  const year = Number(anchor.slice(0, 4));
  let dateLine = -1;
  let dateEnd = -1;
  let relative: { iso: string; words: string; line: number } | null = null;
  // Line by line, most telling first: a date written on the line, else "today" or "yesterday" on it.
  for (let i = 0; i < lines.length && out.date === null; i++) {
    const line = lines[i] as MeetingLine;
    const text = meetingWords(line.text);
    let found: ReturnType<typeof findDate>;
    try {
      found = findDate(text, year);
    } catch (e) {
      // An impossible date where the notes state the meeting's date is never rolled over or replaced by another: it is left empty.
      if (!isAppError(e)) throw e;
      if (line.labelled || isMeetingSentence(line.text)) {
        out.impossible = e.message;
        out.source.date = line.text;
        break;
      }
      continue;
    }
    if (found) {
      let iso = found.iso;
      if (found.yearAssumed) {
        if (iso > addDays(anchor, 7)) {
          try {
            iso = checkedIso(year - 1, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
          } catch {
            // 29 February of a leap year, a year before a year without one: the year given stands.
          }
        }
        warnings.push(`The notes gave the date of the discussion without a year: ${iso.slice(0, 4)} was assumed. Check it.`);
      }
      out.date = iso;
      out.source.date = line.text;
      dateLine = i;
      dateEnd = found.index + found.length;
      break;
    }
    // "today" counts only where the words are about the meeting ("strat this morning"), never "mum told today"; and only
    // where no other line states the date: "this morning's strategy discussion" counts from when it was written, while a
    // subject line or title ("Strategy discussion 09/06/2025") says the day itself.
    const rel = line.labelled || isMeetingSentence(line.text) ? relativeDay(line.text, anchor) : null;
    if (rel && !relative) relative = { iso: rel.iso, words: rel.words, line: i };
  }
  if (out.date === null && out.impossible === null && relative) {
    out.date = relative.iso;
    out.source.date = (lines[relative.line] as MeetingLine).text;
    dateLine = relative.line;
    warnings.push(`The notes gave the date of the discussion as "${relative.words}": it was read as ${formatLong(relative.iso)}. Check it.`);
  }
  // The time and format on the date's own line first, then on the other lines in order.
  const order = dateLine >= 0 ? [dateLine, ...lines.keys()].filter((v, i, a) => a.indexOf(v) === i) : [...lines.keys()];
  for (const i of order) {
    const line = lines[i] as MeetingLine;
    let factsEnd = i === dateLine ? dateEnd : -1;
    if (out.time === null) {
      // On the date's own line the time is read after the date, so "21.10 10:00" is never read as 21:10.
      const t = (i === dateLine && dateEnd >= 0 ? (timeAfterDate(line.text, dateEnd) ?? findTime(meetingWords(line.text.slice(dateEnd)))) : null) ?? findTime(meetingWords(line.text));
      if (t) {
        out.time = t.time;
        out.source.time = line.text;
        const at = line.text.indexOf(t.words, Math.max(0, factsEnd));
        if (at >= 0) factsEnd = Math.max(factsEnd, at + t.words.length);
      }
    }
    if (out.format === null) {
      const f = findFormat(line.text, line.labelled) ?? (factsEnd >= 0 ? venueAfter(line.text.slice(factsEnd)) : null);
      if (f) {
        out.format = f.format;
        out.source.format = line.text;
      }
    }
  }
  return out;
}

// A reference: letter groups joined by - or / ("BCBC/CS/20931", "KCC-CS-118872") then digits.
const REF_TOKEN = String.raw`(?:[A-Za-z]{1,8}[-/]){0,3}[A-Za-z]{0,8}\d[\w/-]*`;

function refLabels(): string {
  const no = String.raw`(?:\s+(?:no\.?|number|id|ref))?`;
  return String.raw`(?:child(?:'s)?\s+(?:ref(?:erence)?|id)${no}|case\s+(?:ref(?:erence)?|no\.?|number|id)|(?:our\s+)?ref(?:erence)?${no}|ID|LCS${no}|Mosaic${no}|WCCIS${no}|CYP${no}|Cyf(?:eirnod)?|Eclipse${no}|CareFirst${no}|Liquid\s?[Ll]ogic${no}|(?:Paris|Azeus|Frameworki|SWIFT)\s+(?:no\.?|number|id|ref)|(?:CSC|CS|SC|CSSW)\s+(?:no\.?|number|ref(?:erence)?|id)|ICS\s+ID|person\s+id|PID|CP\s+(?:no\.?|number|ref)|refs|ref(?:erence)?\s+for\s+\S+\s+is|client\s+(?:no\.?|number|id)|record\s+(?:no\.?|number))`;
}

/** A school year after a child's initials: "(Y8)", "(Yr 5)", "(Year 11)". */
const SCHOOL_YEAR = String.raw`\((?:Y|Yr|Year)\s?\d{1,2}\)`;

/**
 * One reference per child where the discussion was about several ("Refs: 2266107 / 2266108 / 2266109", "refs 30-41172
 * (Zofia 12), 30-41173 (Antek 9)"): the references after the first, each after "/", "," or "and", a child's name and age
 * in brackets between them set aside. Joined as the notes join them.
 */
function moreRefs(text: string, end: number, first: string, words: string): { ref: string; words: string } {
  const refs = [first];
  let sep = "";
  let at = end;
  const next = new RegExp(String.raw`^\s*(?:\([^)]{0,40}\))?\s*(\/|,|&|\band\b)\s*(${REF_TOKEN})`, "i");
  for (let m = next.exec(text.slice(at)); m; m = next.exec(text.slice(at))) {
    const token = (m[2] ?? "").replace(/[.,;:]+$/, "");
    if (!isRefToken(token, 4) || !/\d{4,}|\d+[-/]\d{3,}/.test(token)) break;
    sep ||= m[1] === "/" ? " / " : ", ";
    refs.push(token);
    at += m[0].length;
  }
  if (refs.length === 1) return { ref: first, words };
  return { ref: refs.join(sep), words: `${words}${text.slice(end, at)}`.trim() };
}

/** Words before a reference that make it someone else's (a crime or NHS number). */
function notChildRef(before: string): boolean {
  return vocabulary().not_child_ref.some((w) => new RegExp(String.raw`\b${w.replace(/ /g, "\\s+")}\s*$`, "i").test(before.trimEnd()));
}

function isRefToken(t: string, minDigits = 2): boolean {
  if (/^\d+(yo|y|yrs?|m|mths?|months?|wks?|weeks?)$/i.test(t)) return false;
  if (/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(t)) return false;
  if (/^\d{1,2}:\d{2}$/.test(t)) return false;
  return t.replace(/\D/g, "").length >= minDigits;
}

/**
 * The child's case reference as councils write it: "Child ref: C-20992", "LCS 1209934",
 * "WCCIS ID: 4471923", "ref CER/24/0098", initials and year "KM (2011)", or "child AB".
 * `labelled` is text under a child-reference label, where the reference may stand alone.
 */
export function findChildRef(text: string, labelled: boolean): { ref: string; words: string } | null {
  if (labelled) {
    const t = text.trim();
    // After a label these shapes are references however they are typed ("child: km (2011)", "ref bmdc 7730021").
    const initialsYear = /^([A-Z]{1,3})\s*\((?:b\.?\s*)?((?:19|20)\d{2})\)/i.exec(t);
    if (initialsYear) return { ref: initialsYear[0], words: initialsYear[0] };
    const lead = new RegExp(String.raw`^(?:(?:${refLabels()})(?=[\s:#.]))?\s*[:#.]?\s*(${REF_TOKEN})`, "i").exec(t);
    if (lead?.[1] && isRefToken(lead[1], 1)) return moreRefs(t, lead[0].length, lead[1], lead[0].trim());
    // "BMDC 7730021", "BCC-CS 0931472": a system's letters (and its service's) and the number, written with a space.
    const spaced = /^([A-Z]{2,6}(?:[-/][A-Z]{1,6})*\s\d{3,}[\w/-]*)/i.exec(t);
    if (spaced?.[1]) return { ref: spaced[1], words: spaced[1] };
    // Initials, dotted or not, with the school year where given: "J.M. dob ...", "S.A. (Y8)", "baby E.W. (8/52)".
    const dotted = new RegExp(String.raw`^(?:(?:baby|bby)\s+)?((?:[A-Z]\.\s?){2,3}(?:\s*${SCHOOL_YEAR})?|[A-Z]{2,3}\s*${SCHOOL_YEAR})`).exec(t);
    if (dotted?.[1]) return { ref: dotted[1].trim(), words: dotted[0].trim() };
    const initials = /^([A-Z]{2,3})\b(?!\s*[a-z])/.exec(t);
    if (initials?.[1] && !/\d/.test(t.slice(0, 4))) return { ref: initials[1], words: initials[0] };
  }
  const re = new RegExp(String.raw`\b(${refLabels()})(?=[\s:#.])\s*[:#.]?\s*(${REF_TOKEN})`, "gi");
  for (const m of text.matchAll(re)) {
    const token = m[2] ?? "";
    if (!isRefToken(token) || notChildRef(text.slice(0, m.index))) continue;
    // "ID" and "ref" in running text only with a code that has a digit and is not a time or date.
    return moreRefs(text, (m.index ?? 0) + m[0].length, token.replace(/[.,;:]+$/, ""), m[0].trim());
  }
  // "Ref CS 778201", "ref MOS 4407719", "ref MCR-CS 5520318": after a label, a system's capitals and its number written with a space.
  const spacedRef = new RegExp(String.raw`\b(?:${refLabels()})(?=[\s:#.])\s*[:#.]?\s*([A-Z]{2,6}(?:[-/][A-Z]{1,6})*\s\d{4,}(?:[/-][\w]+)*)\b`, "gi");
  for (const m of text.matchAll(spacedRef)) {
    if (!m[1] || !/^[A-Z]+(?:[-/][A-Z]+)*\s/.test(m[1]) || notChildRef(text.slice(0, m.index))) continue;
    return { ref: m[1], words: m[0].trim() };
  }
  // Initials with the school year, as schools and councils name a child without a number: "for TR (Yr 9)", "re S.A. (Y8)".
  const pupil = new RegExp(String.raw`(?:^|[\s(:])((?:[A-Z]\.?\s?){2,3}\s*${SCHOOL_YEAR})`).exec(text);
  if (pupil?.[1]) return { ref: pupil[1].trim(), words: pupil[1].trim() };
  // A council's or system's capitals and the case number after "re" or "for" ("strat 03/12 1400 teams re WCBC 66120",
  // "strat done today for LBC 113902", "Strat notes for NCC-33017"): what the discussion is about is the case.
  const council = /\b(?:re:?|for|regarding)\s+([A-Z]{2,6}[-\s]\d{4,}(?:[/-]\w+)*)\b/.exec(text);
  if (council?.[1] && !notChildRef(text.slice(0, council.index))) {
    return { ref: council[1], words: council[0].trim() };
  }
  // "# 2025/11873", "#4471923": the number sign as the label, as shorthand and handwritten notes use it.
  const hash = new RegExp(String.raw`(?:^|[\s(])#\s?(${REF_TOKEN})`).exec(text);
  if (hash?.[1] && isRefToken(hash[1], 4) && !notChildRef(text.slice(0, hash.index + 1))) return { ref: hash[1].replace(/[.,;:]+$/, ""), words: hash[0].trim() };
  // The discussion named by its case: "strategy discussion for C-20992", "strat re: LCS 118872".
  const about = new RegExp(String.raw`\b(?:strategy\s+(?:discussion|meeting)|strat(?:\s+disc(?:ussion)?)?|discussion|meeting)\s+(?:re:?|for|regarding|about|concerning)\s+(${REF_TOKEN})`, "i").exec(text);
  // A case number alone has five digits or more ("strategy discussion for 4471923"), so a year is never one.
  if (about?.[1] && isRefToken(about[1], 4) && (/[A-Za-z]/.test(about[1]) || /^\d{5,}$/.test(about[1].replace(/[.,;:]+$/, "")))) return { ref: about[1].replace(/[.,;:]+$/, ""), words: about[0].trim() };
  // A title that names the case straight after the discussion, as a subject line does: "Strategy discussion - C-20441",
  // "Strat disc C-20441", "STRATEGY DISCUSSION: LL 2025/3321" (a code with letters and digits, or a system's capitals and a number).
  const titled = new RegExp(String.raw`\b(?:strategy\s+(?:discussion|meeting)|strat\s+disc(?:ussion)?)\s*[-–:]?\s*(${REF_TOKEN})`, "i").exec(text);
  if (titled?.[1] && isRefToken(titled[1], 4) && /[A-Za-z]/.test(titled[1])) return { ref: titled[1].replace(/[.,;:]+$/, ""), words: titled[0].trim() };
  const system = /\b(?:[Ss]trategy\s+(?:[Dd]iscussion|[Mm]eeting)|STRATEGY\s+(?:DISCUSSION|MEETING)|[Ss]trat\s+[Dd]isc(?:ussion)?)\s*[-–:]?\s*([A-Z]{2,6}\s\d{3,}[\w/-]*)/.exec(text);
  if (system?.[1]) return { ref: system[1].replace(/[.,;:]+$/, ""), words: system[0].trim() };
  // "child AB", "child BCS 7781-204", "child CCS-881034": the letters with the number that follows them are one reference.
  const child = /\bchild\s+([A-Z]{2,3}(?:[-\s]\d{3,}(?:[/-]\d+)*)?)\b(?![a-z])/.exec(text);
  if (child?.[1]) return { ref: child[1], words: child[0] };
  return null;
}
