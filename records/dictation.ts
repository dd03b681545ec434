/**
 * Notes dictated to voice-to-text software come out as one run of words: punctuation said
 * aloud ("full stop", "new line") or missing, numbers, dates and times in words ("the
 * fourteenth of may twenty twenty five at two thirty"), references read out a character at a
 * time ("c a r nine nine one"), names spelt out ("rhys spelt r h y s") and titles in full
 * ("doctor", "detective constable"). This turns such a run into the notes a practitioner would
 * have typed, so the one reader reads both. Typed notes are left as they are, except for the
 * spoken forms of dates and times, which typed notes never write another way.
 */


import { joinLetterNames, joinSpokenLetters, lexiconShortForms, peopleBreaks } from "./dictated-people.js";
import { isTitle } from "./titles.js";
import { isPhrase, vocabulary } from "./vocabulary.js";
import { readPersonTerms } from "../lexicon/index.js";
import { readSegment } from "./segment.js";

/** Text rewritten from the notes, each character keeping the span of the notes it came from. */
export interface Rewritten {
  text: string;
  from: number[];
  to: number[];
}

type Replacer = string | ((...args: string[]) => string);

function tracked(text: string): Rewritten {
  return { text, from: [...text].map((_c, i) => i), to: [...text].map((_c, i) => i + 1) };
}

function splice(t: Rewritten, edits: { at: number; len: number; text: string }[]): Rewritten {
  const out: Rewritten = { text: "", from: [], to: [] };
  const parts: string[] = [];
  let last = 0;
  for (const e of edits) {
    if (e.at < last) continue;
    parts.push(t.text.slice(last, e.at));
    out.from.push(...t.from.slice(last, e.at));
    out.to.push(...t.to.slice(last, e.at));
    const start = t.from[e.at] ?? t.to[e.at - 1] ?? 0;
    const end = e.len > 0 ? (t.to[e.at + e.len - 1] ?? start) : start;
    parts.push(e.text);
    for (let k = 0; k < e.text.length; k++) {
      out.from.push(start);
      out.to.push(end);
    }
    last = e.at + e.len;
  }
  parts.push(t.text.slice(last));
  out.from.push(...t.from.slice(last));
  out.to.push(...t.to.slice(last));
  out.text = parts.join("");
  return out;
}

function edit(t: Rewritten, re: RegExp, rep: Replacer): Rewritten {
  const edits: { at: number; len: number; text: string }[] = [];
  for (const m of t.text.matchAll(re)) {
    const args = [...m].map((x) => x as string);
    const text = typeof rep === "string" ? rep : rep(...args);
    if (text !== m[0]) edits.push({ at: m.index ?? 0, len: m[0].length, text });
  }
  return edits.length ? splice(t, edits) : t;
}

/** A rewrite written as a chain of replacements, as with strings. */
class Chain {
  constructor(readonly r: Rewritten) {}
  replace(re: RegExp, rep: Replacer): Chain {
    return new Chain(edit(this.r, re.global ? re : new RegExp(re.source, `${re.flags}g`), rep));
  }
}

/** The words of the notes a piece of the rewritten text came from (the piece itself when it cannot be found). */
export function originalWords(r: Rewritten, original: string, piece: string): string {
  const i = r.text.indexOf(piece);
  if (i < 0 || piece.length === 0) return piece;
  // The words a piece came from need not run in order: a chat's answer names who does a task asked
  // before it. The quote runs from the earliest of them to the latest.
  let from = Infinity;
  let to = -Infinity;
  for (let k = i; k < i + piece.length; k++) {
    from = Math.min(from, r.from[k] ?? Infinity);
    to = Math.max(to, r.to[k] ?? -Infinity);
  }
  return from < to ? original.slice(from, to).trim() : piece;
}

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINAL_UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30 };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const UNIT = Object.keys(UNITS).filter((w) => w !== "oh" && w !== "nought").join("|");
const TEN = Object.keys(TENS).join("|");
/** A cardinal from one to ninety-nine in words: "seven", "forty seven", "twenty-one". */
const CARDINAL = `(?:(?:${TEN})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|${UNIT})`;
/** An ordinal from first to thirty-first in words: "fourteenth", "twenty first", "thirtieth". */
const ORDINAL = `(?:(?:twenty|thirty)[ -](?:${Object.keys(ORDINAL_UNITS).slice(0, 9).join("|")})|${[...Object.keys(ORDINAL_TENS), ...Object.keys(ORDINAL_UNITS)].join("|")})`;
/** A year said aloud: "twenty twenty five", "two thousand and twenty five", "two thousand twenty-five". */
const YEAR = `(?:twenty (?:twenty|thirty)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|two thousand (?:and )?${CARDINAL})`;
const MONTH = MONTHS.join("|");
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

/** The value of a cardinal in words ("forty seven" → 47), or null. */
export function cardinalValue(words: string): number | null {
  const ws = words.toLowerCase().split(/[ -]+/).filter((w) => w && w !== "and");
  let total = 0;
  let current = 0;
  for (const w of ws) {
    if (w in UNITS) current += UNITS[w] as number;
    else if (w in TENS) current += TENS[w] as number;
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w === "thousand") {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** The value of an ordinal in words ("twenty first" → 21), or null. */
export function ordinalValue(words: string): number | null {
  const ws = words.toLowerCase().split(/[ -]+/);
  const last = ws.pop() ?? "";
  const unit = ORDINAL_UNITS[last] ?? ORDINAL_TENS[last];
  if (unit === undefined) return null;
  const before = ws.length ? cardinalValue(ws.join(" ")) : 0;
  return before === null ? null : before + unit;
}

function yearValue(words: string): number | null {
  const w = words.toLowerCase();
  const m = /^twenty (.+)$/.exec(w);
  if (m && !w.startsWith("twenty twenty") === false) return 2000 + (cardinalValue(m[1] as string) ?? NaN);
  if (m && /^(?:thirty)/.test(m[1] as string)) return 2000 + (cardinalValue(m[1] as string) ?? NaN);
  const v = cardinalValue(w);
  return v !== null && v >= 2000 && v < 2100 ? v : null;
}

/** Hours and minutes said aloud to a 24-hour time; a bare hour from one to seven is in the afternoon (a working day). */
function clock(hour: number, minute: number, half: string | undefined): string | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let h = hour;
  const p = (half ?? "").toLowerCase().replace(/[ .]/g, "");
  if (h <= 12) {
    if (p === "pm" || /afternoon|evening/.test(p)) h = (h % 12) + 12;
    else if (p === "am" || /morning/.test(p)) h = h % 12;
    else if (h >= 1 && h <= 7) h += 12;
  }
  return `${String(h).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const HALF = `(?:\\s+(a\\.? ?m\\.?|p\\.? ?m\\.?|in the (?:morning|afternoon|evening)))?`;

/** Spoken dates and times to the figures typed notes use; safe on any notes. */
export function spokenDatesAndTimes(text: Rewritten): Rewritten {
  const ord = (s: string) => ordinalValue(s) ?? 0;
  return (
    new Chain(text)
      // "the fourteenth of may twenty twenty five", "tuesday the third of june", "fifteenth july 2025"
      .replace(new RegExp(`\\b(?:the )?(${ORDINAL})(?: of)? (${MONTH})\\b(?:,? (${YEAR})\\b)?`, "gi"), (_m, d: string, mo: string, y?: string) => {
        const year = y ? yearValue(y) : null;
        return `${ord(d)} ${mo}${year ? ` ${year}` : ""}`;
      })
      // "may the fourteenth"
      .replace(new RegExp(`\\b(${MONTH}) (?:the )?(${ORDINAL})\\b`, "gi"), (_m, mo: string, d: string) => `${ord(d)} ${mo}`)
      // "the sixth of the tenth twenty twenty five"
      .replace(new RegExp(`\\b(?:the )?(${ORDINAL}) of the (${ORDINAL})\\b(?: (${YEAR})\\b)?`, "gi"), (m, d: string, mo: string, y?: string) => {
        const month = ord(mo);
        if (month < 1 || month > 12) return m;
        const year = y ? yearValue(y) : null;
        return `${ord(d)}/${month}${year ? `/${year}` : ""}`;
      })
      // a year on its own after a month: "march 2026" from "march twenty twenty six"
      .replace(new RegExp(`\\b(${MONTH}) (${YEAR})\\b`, "gi"), (m, mo: string, y: string) => {
        const year = yearValue(y);
        return year ? `${mo} ${year}` : m;
      })
      // "by the twenty fourth", "on the nineteenth": a day of the month
      .replace(new RegExp(`\\b(by|on|until|before) the (${ORDINAL})\\b`, "gi"), (_m, p: string, d: string) => `${p} the ${ord(d)}${suffix(ord(d))}`)
      // "friday twentieth", "monday the twenty third": a weekday and its day of the month, said without the month
      .replace(new RegExp(`\\b(${WEEKDAY})( the)? (${ORDINAL})\\b(?! of)`, "gi"), (_m, day: string, the: string | undefined, d: string) => `${day}${the ?? ""} ${ord(d)}${suffix(ord(d))}`)
      // "half past ten", "quarter to four in the afternoon", "ten past two"
      .replace(new RegExp(`\\b(half|quarter|${CARDINAL}) (past|to) (${CARDINAL})\\b${HALF}`, "gi"), (m, mins: string, dir: string, hr: string, half?: string) => {
        const n = mins.toLowerCase() === "half" ? 30 : mins.toLowerCase() === "quarter" ? 15 : (cardinalValue(mins) ?? -1);
        const h = cardinalValue(hr) ?? -1;
        if (n < 1 || n > 30 || h < 1 || h > 12) return m;
        const t = dir.toLowerCase() === "past" ? clock(h, n, half) : clock(h === 1 ? 12 : h - 1, 60 - n, half);
        return t ?? m;
      })
      // "at half three": half past the hour, as people in Britain say it
      .replace(new RegExp(`\\b(at|time|from) half (${CARDINAL})\\b${HALF}`, "gi"), (m, p: string, hr: string, half?: string) => {
        const h = cardinalValue(hr) ?? -1;
        const t = h >= 1 && h <= 12 ? clock(h, 30, half) : null;
        return t ? `${p} ${t}` : m;
      })
      // "fourteen hundred hours", "oh nine hundred"
      .replace(new RegExp(`\\b(?:oh )?(${CARDINAL}) hundred(?: hours)?\\b`, "gi"), (m, h: string) => {
        const v = cardinalValue(h) ?? -1;
        return v >= 6 && v <= 23 ? `${String(v).padStart(2, "0")}:00` : m;
      })
      // "eleven o'clock", "nine a m", "one p m"
      .replace(new RegExp(`\\b(${CARDINAL})(?: o'?clock${HALF}|\\s+(a\\.? ?m\\.?|p\\.? ?m\\.?)(?![a-z]))`, "gi"), (m, h: string, half1?: string, half2?: string) => {
        const v = cardinalValue(h) ?? -1;
        return v >= 1 && v <= 12 ? (clock(v, 0, half1 ?? half2) ?? m) : m;
      })
      // "at two thirty", "time nine fifteen", "starting at eleven fifteen am"
      .replace(new RegExp(`\\b(at|time|from) (${CARDINAL}) (oh (?:one|two|three|four|five|six|seven|eight|nine)|${CARDINAL})\\b${HALF}`, "gi"), (m, p: string, h: string, mins: string, half?: string) => {
        const hv = cardinalValue(h) ?? -1;
        const mv = cardinalValue(mins.replace(/^oh /i, "")) ?? -1;
        if (hv < 1 || hv > 12 || mv < 1 || mv > 59) return m;
        const t = clock(hv, mv, half);
        return t ? `${p} ${t}` : m;
      })
      // "eleven fifteen am": hour and minutes with the half of the day said
      .replace(new RegExp(`\\b(${CARDINAL}) (${CARDINAL})\\s+(a\\.? ?m\\.?|p\\.? ?m\\.?)(?![a-z])`, "gi"), (m, h: string, mins: string, half: string) => {
        const hv = cardinalValue(h) ?? -1;
        const mv = cardinalValue(mins) ?? -1;
        return hv >= 1 && hv <= 12 && mv >= 1 && mv <= 59 ? (clock(hv, mv, half) ?? m) : m;
      })
      .replace(/\b(at|time) (midday|noon)\b/gi, (_m, p: string) => `${p} 12:00`)
      .replace(/(?<=, )(midday|noon)\b/gi, "12:00")
      // "at eleven", "time nine": a bare hour after the words that give a time
      .replace(new RegExp(`\\b(at|time) (${UNIT})\\b${HALF}(?! (?:year|month|week|day|hour|minute|of|children|child))`, "gi"), (m, p: string, h: string, half?: string) => {
        const hv = cardinalValue(h) ?? -1;
        if (hv < 1 || hv > 12) return m;
        const t = clock(hv, 0, half);
        return t ? `${p} ${t}` : m;
      })
  ).r;
}

function suffix(n: number): string {
  if (n % 10 === 1 && n !== 11) return "st";
  if (n % 10 === 2 && n !== 12) return "nd";
  if (n % 10 === 3 && n !== 13) return "rd";
  return "th";
}

const SPOKEN_MARKS: [RegExp, string][] = [
  [/\s*\b(?:new paragraph|next paragraph|new line|next line)\b\s*/gi, "\n"],
  [/\s*\b(?:full stop|period)\b[ \t]*/gi, ". "],
  [/\s*\bcomma\b[ \t]*/gi, ", "],
  [/\s*\bsemicolon\b[ \t]*/gi, "; "],
  [/\s*\bcolon\b[ \t]*/gi, ": "],
  [/\s+\bdash\b\s+/gi, " - "],
  [/\s*\bquestion mark\b[ \t]*/gi, "? "],
];

/** Dictated notes: punctuation said aloud, or a long run of words with next to no punctuation. */
export function looksDictated(text: string): boolean {
  // A line break pasted after the last word (or before the first) is not layout, and neither is a blank line between
  // paragraphs: speech software starts a new paragraph when told to ("new paragraph") or at a long pause.
  text = text.trim().replace(/[ \t]*\n[ \t]*\n\s*/g, " ");
  const spoken = (text.match(/\b(?:full stop|new line|new paragraph|comma)\b/gi) ?? []).length;
  if (spoken >= 3) return true;
  const words = text.split(/\s+/).filter(Boolean).length;
  const marks = (text.match(/[.;:!?,()/\n|\t•-]/g) ?? []).length;
  if (words >= 60 && marks * 25 < words) return true;
  // Speech software writes words, full stops and capitals, nothing a keyboard adds: no comma, colon, bracket,
  // slash, dash, bullet, line break or figure.
  if (words >= 15 && !/[,;:()/\n|\t•\-–\d&]/.test(text)) return true;
  // Speech software that punctuates for itself adds full stops and commas where the speaker paused, and writes
  // dates, times and references in figures ("17th of March", "2:30", "C-20992"); what it does not write unasked
  // is the layout a keyboard gives notes: a line break, a label's colon, a bracket, a slash, a bullet, a dash
  // between words.
  const layout = text.replace(/\b\d{1,2}:\d{2}\b/g, "").replace(/(?<=\w)-(?=\w)/g, "");
  return words >= 25 && !/[\n;:()/|\t•–&]|\s-\s/.test(layout);
}

/** Sentence starts a speaker leaves unmarked: the next part of the record, or a person and what they will do. */
const CLAUSE_STARTS = [
  "present", "those present", "attending", "in attendance", "also present", "apologies", "invited but", "chaired by", "chair was", "the chair (?:was|is|today was)",
  "concerns?", "the concerns? (?:is|are|was|were)", "reference", "case number", "child reference", "section 47", "criminal investigation", "joint investigation",
  "police (?:will|to|are going to) (?:lead|investigate)", "no legal", "legal planning", "legal action", "threshold", "no criminal",
  "(?:it will be a )?joint investigation", "we agreed", "it was agreed", "agreed that", "actions?", "decisions?", "parents?(?: will| to| told| not)", "mum (?:will|to|told|informed)",
  "dad (?:will|to|not|is not|is to)", "(?:mum|parents?) (?:is|are) (?:not|to) be", "(?:notes|minutes) (?:taken|recorded|written) by", "someone (?:needs|has|will need) to", "nobody (?:has|is)",
  // the speaker on what they will do, or on the notes themselves ("... joan fry the dsl and i'll type these up")
  "i'll", "i will", "i'm going to", "i am going to", "i'll be", "i will be",
];

/**
 * Sentence starts about the people a discussion speaks of but who were not at it (Working Together 2023 ch. 3: the
 * child, the family; a practitioner still to be contacted): "the child is ...", "this is about ...", "mum sarah wood is
 * aware", "dad wasn't invited", "the gp doctor hughes is to be contacted", "we need to contact ...". Unsaid, a run of
 * people said before them ran on into the child and the family, who were then read as attendees.
 */
let spokenOf: string[] | null = null;
function spokenOfStarts(): string[] {
  if (spokenOf) return spokenOf;
  const v = vocabulary();
  const family = v.family_words.filter((w) => /^[a-z]+$/.test(w) && w.length > 2 && !["child", "family", "families", "household", "partner"].includes(w));
  const child = v.child_words.filter((w) => /^[a-z ]+$/.test(w) && w.length > 3 && !["them", "pupil", "student"].includes(w));
  // What is said of them, never a verb of a clause running on ("what the children had said").
  const verb = "(?:is|was|are|were|isn't|wasn't|aren't|weren't|hasn't|has not|haven't|have not|not|will not|won't)\\b";
  // Not a clause inside a sentence: "what the children were doing", "that mum is".
  const inside = "(?<!\\b(?:what|that|which|when|where|how|if|whether|as|because|and|or|but)\\s+)";
  spokenOf = [
    `${inside}(?:the )?(?:${child.join("|")}) ${verb}`,
    `this is (?:about|regarding|in relation to|concerning)`,
    // a family member said with or without their name before what is said of them: "mum sarah wood is aware"
    `${inside}(?:${family.join("|")})(?: [a-z]+){0,2} ${verb}`,
    `we (?:need|needed|still need|have) to (?:contact|speak to|inform|update|tell|ring|call)`,
    `the (?:gp|school nurse|health visitor|midwife|school)(?: (?:doctor|dr|Dr|mr|mrs|ms) [a-z]+)? (?:is|are|needs|need) to be`,
    // the GP named before their role, still to be asked for records: "doctor patel the gp hasn't been spoken to yet"
    `(?:doctor|dr|Dr) [a-z]+ the (?:gp|family doctor) (?:${verb}|is to be|needs to be|has not|hasn't)`,
  ];
  return spokenOf;
}

/**
 * A due date said at the end of a task ends it: "... do the checks by friday request the chronology ..." is two tasks.
 * Only the words that can only be a due date, before a word that starts something new (not "at", "morning", ...).
 */
const DUE_END = new RegExp(
  String.raw`\b((?:by|on|before) (?:(?:this |next )?(?:monday|tuesday|wednesday|thursday|friday)|tomorrow|the end of (?:the )?(?:day|today|week)|end of (?:the )?(?:day|week)|the \d{1,2}(?:st|nd|rd|th)(?: of [a-z]+)?|\d{1,2} [a-z]+ \d{4}|\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)))(?= (?!(?:at|in|and|or|the morning|the afternoon|morning|afternoon|pm|am|a m|p m|latest|at the latest|of|if|when|after|with|to|for|full|new)\b|the \d)[a-z])`,
  "gi",
);

function numbersToFigures(text: Rewritten): Rewritten {
  return (
    new Chain(text)
      // "section forty seven", "fifteen year old": cardinals before what they count
      .replace(new RegExp(`\\b(${CARDINAL})(?= (?:working )?(?:year|month|week|day|hour|minute)s?\\b)`, "gi"), (m) => String(cardinalValue(m) ?? m))
      .replace(new RegExp(`\\bsection (${CARDINAL})\\b`, "gi"), (m, n: string) => `section ${cardinalValue(n) ?? n}`)
      // The Children Act's sections as speech software mishears them ("sexton forty seven", "s forty seven", "ess 47").
      .replace(/\b(?:sexton|s|ess)\s+(forty seven|forty six|forty four|thirty eight|thirty one|twenty|seventeen|47|46|44|38|31|20|17)\b/gi, (_m, n: string) => `section ${cardinalValue(n) ?? n}`)
      // a run of single digits said one by one: "six six one one zero nine three", "two zero two five stroke eight eight"
      .replace(/\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:\s+|\s*(?:stroke|slash)\s*)){2,}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/gi, (m) =>
        m
          .split(/\s+/)
          .map((w) => (/^(stroke|slash)$/i.test(w) ? "/" : String(UNITS[w.toLowerCase()] ?? w)))
          .join(""),
      )
      // letters read out before figures after the word that labels a reference: "reference c a r 99123" → "CAR99123"
      .replace(/\b(reference|ref|number|case)(:? )((?:[a-z] ){1,4})(\d{3,}(?:\/\d+)?)\b/gi, (_m, label: string, sep: string, letters: string, digits: string) => `${label}${sep}${letters.replace(/ /g, "").toUpperCase()}${digits}`)
  ).r;
}

/**
 * The notes as a practitioner would have typed them when they were dictated; other notes with
 * their spoken dates, times and read-out references in figures. Each character of the result
 * keeps the span of the notes it came from, so a field can quote the words that were said.
 */
export function fromDictation(text: string): Rewritten {
  const start = tracked(text);
  if (!looksDictated(text)) return numbersToFigures(spokenDatesAndTimes(start));
  let c = new Chain(start);
  for (const [re, mark] of SPOKEN_MARKS) c = c.replace(re, mark);
  c = c
    // "rhys spelt r h y s": the spelling is said for the typist, not part of the notes
    .replace(/\s+(?:that's |that is )?(?:spelt|spelled)\s+(?:[a-z]\s+)*[a-z]\b/gi, "")
    // fillers a speaker leaves in
    .replace(/\b(?:um+|er+m?|uh)\b\s*/gi, "")
    .replace(/\b(?:okay so|so)\s+(?=this is|present|the concern|section|actions|I will)/gi, "")
    // A title said in full before a name ("doctor anita bose"), not a role said on its own ("the family doctor from the surgery").
    .replace(new RegExp(`\\bdoctor\\s+(?=[a-z])${BEFORE_NAME}`, "gi"), "Dr ")
    .replace(new RegExp(`\\bdetective constable\\s+${BEFORE_NAME}`, "gi"), "DC ")
    .replace(new RegExp(`\\bdetective sergeant\\s+${BEFORE_NAME}`, "gi"), "DS ")
    .replace(new RegExp(`\\bpolice constable\\s+${BEFORE_NAME}`, "gi"), "PC ")
    .replace(new RegExp(`\\b(?<!detective )sergeant\\s+${BEFORE_NAME}`, "gi"), "Sgt ")
    .replace(new RegExp(`\\bmister\\s+${BEFORE_NAME}`, "gi"), "Mr ")
    .replace(new RegExp(`\\b(?:missus|missis)\\s+${BEFORE_NAME}`, "gi"), "Mrs ")
    // "this is jo smith social worker i chaired sergeant archer ...": the speaker saying they chair ends their sentence.
    .replace(/\b((?:i am|i'm|i’m|i was) chairing|i chaired|i was (?:the )?chair|i am (?:the )?chair)\s+(?=[a-z])/gi, (_m, w: string) => `${w}. `)
    // "present are owen davies ...": the list the words introduce
    .replace(/\b(present|attending|in attendance)\s+(?:were|are|was|is)\s+/gi, (_m, w: string) => `${w}: `);
  c = new Chain(numbersToFigures(spokenDatesAndTimes(c.r))).replace(/\ba and e\b/gi, "A&E");
  // "d c patel", "the h v": short forms said a letter at a time.
  c = new Chain(splice(c.r, joinSpokenLetters(c.r.text)));
  // "dee ess ell", "tee em": the same short forms said by their letters' names.
  c = new Chain(splice(c.r, joinLetterNames(c.r.text)));
  // Sentence boundaries the speaker did not say.
  const starts = new RegExp(`(?<![.:\\n]\\s*)(?<!\\b(?:those|also|were|was|not|the|are|legal|further|at|a|an|young|child|no|for|of|under|with|by|about|on|all|their|her|his|my|our|sent|gave|send|request|requesting|arrange|book|hold|convene|to)\\s*)\\s+(?=\\b(?:${[...CLAUSE_STARTS, ...spokenOfStarts()].join("|")})\\b)`, "gi");
  c = c
    .replace(starts, ". ")
    // "... sarah jones the social worker and mike allen ...": people joined by "as well as", "also"
    .replace(/\s+(?:as well as|and also|also)\s+(?!present|on the call|attending|in attendance|joining|taking part)(?=(?:the |Dr |DC |DS |PC )?[a-z]+ [a-z]+)/gi, ", ");
  c = c.replace(DUE_END, (due: string) => `${due}.`);
  // "present were a social worker b team manager ...": where each person of a list begins.
  const known = new Set<string>();
  c = new Chain(splice(c.r, peopleBreaks(c.r, known)));
  return new Chain(personClauses(c.r, known))
    .replace(/,\s*(?=\.)/g, "")
    .replace(/\.(?:\s*\.)+/g, ".")
    // A heading said on its own ("actions agreed", "next steps") ends up a sentence of its own and says nothing
    // itself: it is not a task ("agreed") nor a heading over the rest of the run, whose sentences are read as they are.
    .replace(spokenHeading(), (_m: string, lead: string) => lead)
    // "... time ten thirty new line present new line sarah jones ...": a heading said before "new line" starts its own
    // line, so what follows is under it rather than run into the sentence before.
    .replace(headingBeforeBreak(), (_m: string, stop: string, heading: string) => `${stop}\n${heading}`)
    .replace(/ {2,}/g, " ")
    .replace(/ +(?=\n)|^\s+|\s+$/g, "").r;
}

const TITLE = { test: (w: string) => isTitle(w) };

let headingRe: RegExp | null = null;
/** A sentence that is only one of the notes vocabulary's headings of more than one word, or of the record's parts. */
function spokenHeading(): RegExp {
  if (!headingRe) {
    const phrases = Object.values(vocabulary().headings)
      .flat()
      .filter((h) => /^[a-z][a-z ]+$/i.test(h) && (h.includes(" ") || /^(?:actions|decisions|concerns|attendees|apologies)$/i.test(h)))
      .sort((a, b) => b.length - a.length)
      .map((h) => h.replace(/ /g, "\\s+"));
    headingRe = new RegExp(`(^|[.!?]\\s+)(${phrases.join("|")})\\.(?=\\s|$)`, "gi");
  }
  return headingRe;
}
let breakRe: RegExp | null = null;
/** A heading of the notes vocabulary after a sentence's end and before a line break ("... 10:30. present\n"). */
function headingBeforeBreak(): RegExp {
  if (!breakRe) {
    const phrases = Object.values(vocabulary().headings)
      .flat()
      .filter((h) => /^[a-z][a-z ]+$/i.test(h) && h.length > 3)
      .sort((a, b) => b.length - a.length)
      .map((h) => h.replace(/ /g, "\\s+"));
    breakRe = new RegExp(`([.!?])[ \\t]+(${phrases.join("|")})(?=[ \\t]*\\n)`, "gi");
  }
  return breakRe;
}
/** The words after a title that say it is not before a name. */
const BEFORE_NAME = "(?!(?:from|at|the|who|is|was|and|with|to|will|said|sent|for|of|in|on|by|has|had|did|also)\\b)";
const JOINERS = new Set(["and", "then", "also", "so"]);
/** Words before "will" that are not a person who will do something. */
const NOT_A_NAME = new Set(["person", "people", "it", "this", "that", "which", "who", "what", "there", "investigation", "meeting", "decision", "assessment", "plan", "also", "and", "then"]);

/** "kate will visit ... james is going to check": a new sentence where a person says what they will do. */
function personClauses(t: Rewritten, known: Set<string>): Rewritten {
  const shortForms = new Set(lexiconShortForms().values());
  const words = [...t.text.matchAll(/\S+/g)].map((m) => ({ w: m[0], at: m.index ?? 0 }));
  const breakBefore = new Set<number>();
  // Where a role said in words ends at word i ("the designated safeguarding lead", "detective constable", "all agencies"),
  // the first word of it (with its article), else -1: the doer is the whole role, never its last word.
  const roleEndingAt = (i: number): number => {
    for (let k = Math.min(4, i + 1); k >= 1; k--) {
      const from = i - k + 1;
      const said = words.slice(from, i + 1).map((x) => x.w).join(" ");
      if (/[.,:;]/.test(said.slice(0, -1))) continue;
      const whole = isPhrase(vocabulary().collective_owners, said, "collective") || readPersonTerms(said, "list").matches.some((m) => m.start === 0 && m.end >= said.replace(/[.,:;]+$/, "").length);
      if (!whole) continue;
      return from > 0 && /^(?:the|a|our)$/i.test(words[from - 1]?.w ?? "") ? from - 1 : from;
    }
    return -1;
  };
  // The first word of the person whose words end at i: a role in words, a known first name and surname, or a name.
  const personStartingBefore = (i: number): number => {
    const role = roleEndingAt(i);
    if (role >= 0) return role;
    const w = (words[i]?.w ?? "").toLowerCase();
    if (known.has(w) && /^[a-z']+$/i.test(w)) return known.has((words[i - 1]?.w ?? "").toLowerCase()) ? i - 1 : i;
    if (known.has((words[i - 1]?.w ?? "").toLowerCase()) && /^[a-z']+$/i.test(w)) return i - 1;
    // A sentence that opens with a name ("... notes. mark adeyemi and the d c will ..."): the speaker's own name, say.
    for (let k = i; k >= Math.max(0, i - 2); k--) {
      if (k > 0 && !/[.:;]$/.test(words[k - 1]?.w ?? "")) continue;
      const run = words.slice(k, i + 1).map((x) => x.w).join(" ");
      const seg = readSegment(run, true);
      if (seg.name && seg.foreign.length === 0 && seg.statuses.length === 0) return k;
    }
    return -1;
  };
  for (let i = 1; i < words.length - 1; i++) {
    const next = (words[i + 1]?.w ?? "").toLowerCase();
    const after = `${next} ${(words[i + 2]?.w ?? "").toLowerCase()} ${(words[i + 3]?.w ?? "").toLowerCase()}`;
    const name = words[i]?.w ?? "";
    // "bethan to ring mum", "SW to visit": someone named in the lists, or a role by its short form, and what they are to do.
    const to = next === "to" && (known.has(name.toLowerCase()) || shortForms.has(name) || roleEndingAt(i) >= 0);
    // "sergeant hall said they'd do the checks": a promise reported is what they will do.
    const said = next === "said" && /^(?:they|he|she)(?:['’]d| would| will)\b/.test(after.slice(5));
    if (next !== "will" && after !== "is going to" && !to && !said) continue;
    if (!/^[A-Za-z][a-z']*$|^I$/.test(name)) continue;
    if (NOT_A_NAME.has(name.toLowerCase())) continue;
    let start = i;
    const prev = words[i - 1]?.w ?? "";
    if (/[.,:;]$/.test(prev)) continue;
    // "amira from social care will", "claire from the school will": the person is named before "from".
    const from = [1, 2, 3].find((k) => (words[i - k]?.w ?? "").toLowerCase() === "from");
    if (from !== undefined && i - from - 1 > 0 && /^[a-z][a-z']*$/i.test(words[i - from - 1]?.w ?? "") && !JOINERS.has((words[i - from - 1]?.w ?? "").toLowerCase())) {
      start = i - from - 1;
      const first = words[start - 1]?.w ?? "";
      if (known.has(first.toLowerCase()) && !JOINERS.has(first.toLowerCase())) start -= 1;
      const before = words[start - 1]?.w ?? "";
      if (start > 0 && !/[.,:;]$/.test(before) && !/\n/.test(t.text.slice((words[start - 1]?.at ?? 0) + before.length, words[start]?.at ?? 0))) breakBefore.add(JOINERS.has(before.toLowerCase()) ? start - 1 : start);
      continue;
    }
    const prev2 = words[i - 2]?.w ?? "";
    const role = roleEndingAt(i);
    if (role >= 0 && role < i) start = role;
    else if (TITLE.test(prev)) start = i - 1;
    // "the parents will", "her aunt will": the article belongs to who will do it.
    else if (/^(?:the|a|an|her|his|their|our)$/i.test(prev)) start = i - 1;
    // "amira hussain to see the child": a first name known from the lists goes with the surname.
    else if (known.has(prev.toLowerCase()) && !JOINERS.has(prev.toLowerCase())) start = i - 1;
    // "Dr anita bose will", "sarah jones will" at the start of a sentence: the whole name
    else if (/^[a-z]+$/i.test(prev) && (TITLE.test(prev2) || /[.:]$/.test(prev2))) start = TITLE.test(prev2) ? i - 2 : i - 1;
    else if (/^[A-Z][a-z]+$/.test(prev) && /^[A-Z][a-z]+$/.test(name)) start = i - 1;
    else if (/^[a-z]+$/.test(prev) && !JOINERS.has(prev) && JOINERS.has((words[i - 2]?.w ?? "").toLowerCase())) start = i - 1;
    // "mark adeyemi and the detective constable will ...": two people joined by "and" own the task together.
    if ((words[start - 1]?.w ?? "").toLowerCase() === "and") {
      const other = personStartingBefore(start - 2);
      if (other >= 0) start = other;
    }
    const before = words[start - 1]?.w ?? "";
    if (start === 0 || /[.,:;]$/.test(before)) continue;
    if (/\n/.test(t.text.slice((words[start - 1]?.at ?? 0) + before.length, words[start]?.at ?? 0))) continue;
    breakBefore.add(JOINERS.has(before.toLowerCase()) ? start - 1 : start);
  }
  const edits: { at: number; len: number; text: string }[] = [];
  for (const k of [...breakBefore].sort((a, b) => a - b)) {
    const w = words[k];
    const prev = words[k - 1];
    if (!w || !prev) continue;
    const from = prev.at + prev.w.length;
    // "..., and james will": the joining word gives way to the full stop
    const to = JOINERS.has(w.w.toLowerCase()) ? (words[k + 1]?.at ?? w.at) : w.at;
    edits.push({ at: from, len: to - from, text: ". " });
  }
  return splice(t, edits);
}
