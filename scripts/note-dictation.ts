/**
 * Strategy discussion notes as voice-to-text software writes them, for measuring the dictation
 * reader on far more than the twelve dictated notes written by hand. Two sources, each in every
 * speech style:
 * - `speakRecord`: a team gold record said aloud (the gold is the record itself, so it holds by
 *   construction): who was there with the role before or after the name, spelt out ("d c patel",
 *   "the h v") or in words ("detective constable"), joined by "and" or by nothing, "present were",
 *   "also on the call", "sent apologies", "was invited but did not join", "sent a report"; the
 *   chair; dates, times, days and references in words; decisions and actions as people say them.
 * - `speakNotes`: a team note read out as it was typed (headings said as words, punctuation said
 *   or dropped, short forms spelt out, dates, times and figures in words); its gold unchanged.
 *
 * Styles (what the software does with punctuation and capitals):
 *   `spoken`: punctuation said aloud ("full stop", "comma", "new line"), lower case;
 *   `bare`: no punctuation at all, lower case, one run of words;
 *   `caps`: sentences capitalised and ended with a full stop at each pause, no commas;
 *   `letters`: like `bare`, but every short form is said letter by letter ("p c", "s w", "d s l").
 */
import { rolesData } from "../lexicon/index.js";
import type { Gold, GoldAction, GoldAttendee } from "./note-writer.js";
import { chance, pick, type Rng } from "../core/random.js";


export const SPEECH_STYLES = ["spoken", "bare", "caps", "letters"] as const;
export type SpeechStyle = (typeof SPEECH_STYLES)[number];


const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** 0–99 in words. */
export function cardinal(n: number): string {
  if (n < 20) return UNITS[n] as string;
  const t = TENS[Math.floor(n / 10)] as string;
  return n % 10 ? `${t} ${UNITS[n % 10]}` : t;
}
export function ordinal(n: number): string {
  if (n <= 20) return ORD[n] as string;
  if (n === 30) return "thirtieth";
  return `${TENS[Math.floor(n / 10)]} ${ORD[n % 10]}`;
}
function year(r: Rng, y: number): string {
  return chance(r, 0.7) ? `twenty ${cardinal(y - 2000)}` : `two thousand and ${cardinal(y - 2000)}`;
}

/** A date as people say it: "the fourteenth of march twenty twenty five", "tuesday the third of june". */
export function sayDate(r: Rng, iso: string, withYear = chance(r, 0.6)): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const dow = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
  const month = MONTHS[m - 1] as string;
  const forms = [`the ${ordinal(d)} of ${month}`, `${ordinal(d)} of ${month}`, `${dow} the ${ordinal(d)} of ${month}`, `${month} the ${ordinal(d)}`, `${ordinal(d)} ${month}`];
  const said = pick(r, forms);
  return withYear && !said.startsWith(month) ? `${said} ${year(r, y)}` : said;
}

/** A time as people say it: "two thirty", "half past ten", "fourteen hundred hours", "eleven o'clock". */
export function sayTime(r: Rng, hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const part = h < 12 ? pick(r, ["in the morning", "a m"]) : pick(r, ["in the afternoon", "p m"]);
  if (m === 0) return pick(r, [`${cardinal(h12)} o'clock`, `${cardinal(h12)} ${part}`, ...(h >= 10 ? [`${cardinal(h)} hundred hours`] : [])]);
  if (m === 30) return pick(r, [`half past ${cardinal(h12)}`, `${cardinal(h12)} thirty ${part}`]);
  if (m === 15) return pick(r, [`quarter past ${cardinal(h12)}`, `${cardinal(h12)} fifteen ${part}`]);
  if (m === 45) return `quarter to ${cardinal(h12 === 12 ? 1 : h12 + 1)} ${part}`;
  return `${cardinal(h12)} ${m < 10 ? `oh ${cardinal(m)}` : cardinal(m)} ${part}`;
}

/** A reference read out a character at a time ("c a r nine nine one"). */
export function sayRef(ref: string): string {
  return [...ref.toLowerCase()]
    .filter((c) => /[a-z0-9/]/.test(c))
    .map((c) => (/\d/.test(c) ? (c === "0" ? "zero" : (UNITS[Number(c)] as string)) : c === "/" ? "stroke" : c))
    .join(" ");
}

/** Spoken forms of a role from the lexicon: its words, and its short forms said letter by letter. */
export function spokenRoles(code: string): { words: string[]; letters: string[] } {
  const roles = rolesData().roles.filter((x) => x.code === code);
  const all = roles.flatMap((x) => x.aliases.map((a) => (typeof a === "string" ? a : a.text)));
  return {
    words: all.filter((a) => /^[a-z][a-z ]+$/.test(a) && a.length <= 30).slice(0, 8),
    letters: all.filter((a) => /^[A-Z]{2,4}$/.test(a)).map((a) => a.toLowerCase().split("").join(" ")),
  };
}

const AGENCY_WORDS: Record<string, string[]> = {
  social_care: ["from children's services", "from social care", "from the council"],
  police: ["from the police", "from the child abuse investigation team", "from c a i t"],
  health: ["from health", "from the hospital", "from the surgery"],
  education: ["from the school", "from the primary school"],
  youth_justice: ["from the youth offending team", "from y o t"],
  probation: ["from probation"],
  voluntary: ["from the family centre"],
  other: ["from housing"],
};

const TITLE_SPOKEN: Record<string, string[]> = {
  dc: ["detective constable", "d c"], ds: ["detective sergeant", "d s"], pc: ["police constable", "p c"], dr: ["doctor"],
  mr: ["mister", "mr"], mrs: ["mrs"], ms: ["ms", "miz"], di: ["detective inspector", "d i"], sgt: ["sergeant"],
};

/** A name as heard: lower case, a title said in full or by its letters. */
export function sayName(r: Rng, name: string, style: SpeechStyle): string {
  const parts = name.replace(/[.,()]/g, " ").split(/\s+/).filter(Boolean);
  const first = (parts[0] ?? "").toLowerCase();
  const title = TITLE_SPOKEN[first];
  const rest = (title ? parts.slice(1) : parts).map((p) => (/^[A-Z]{1,2}$/.test(p) ? p.toLowerCase().split("").join(" ") : p.toLowerCase())).join(" ");
  if (!title) return rest;
  const spoken = style === "letters" ? (title[title.length - 1] as string) : pick(r, title);
  return `${spoken} ${rest}`;
}

/** One attendee said aloud: the name with the role before or after it, or the role alone. */
export function sayPerson(r: Rng, a: GoldAttendee, style: SpeechStyle): string {
  const roles = spokenRoles(a.role);
  const role = style === "letters" && roles.letters.length && chance(r, 0.7) ? pick(r, roles.letters) : roles.words.length ? pick(r, roles.words.slice(0, 4)) : (roles.letters[0] ?? "");
  const agency = chance(r, 0.3) ? ` ${pick(r, AGENCY_WORDS[a.agency] ?? [""])}` : "";
  if (!a.name) return `the ${role}${agency}`;
  const name = sayName(r, a.name, style);
  // A police title already says the role.
  if (/^(detective|police|d c|p c|d s|d i)\b/.test(name) && chance(r, 0.6)) return `${name}${agency}`;
  return pick(r, [`${name} ${role}${agency}`, `${name} the ${role}${agency}`, `${role} ${name}${agency}`, `the ${role} ${name}`, `${name} who is the ${role}`]);
}

function joinPeople(r: Rng, people: string[]): string {
  if (people.length <= 1) return people.join("");
  const sep = pick(r, [" and ", " ", " and also ", "+"]);
  if (sep === "+") return `${people.slice(0, -1).join(" ")} and ${people[people.length - 1]}`;
  return people.join(sep);
}

export const CONCERNS = [
  "the concern is that the child who is six came to school with a bruise on her cheek and said dad hit her",
  "concerns are that the baby who is four months old has a bruise to the ear with no explanation",
  "the concern is a ten year old told her teacher that mum's boyfriend touched her",
  "concern is a two year old found alone in the street early in the morning",
  "the concerns are that a fourteen year old has been missing overnight and was found with older men",
];
export const SHARE = ["mum will be told about the enquiries today", "the parents will be told of the outcome by the social worker", "dad is not to be told until police have spoken to him"];
export const WELFARE = ["the child is safe with her grandmother tonight", "the child was seen at school today and is safe", "the baby remains in hospital and is safe"];

export function sayDecisions(r: Rng, g: Gold): string[] {
  const out: string[] = [];
  const d = g.decisions;
  if (d.section47 === "yes") out.push(pick(r, ["section forty seven enquiries agreed", "we agreed section forty seven", "threshold met for section forty seven", "it was agreed the threshold for section forty seven is met"]));
  else if (d.section47 === "no") out.push(pick(r, ["section forty seven not agreed", "threshold for section forty seven not met", "no section forty seven"]));
  else if (!g.must_flag.includes("decisions.section47")) out.push("section forty seven to be decided by the team manager");
  if (d.criminal_investigation === "yes") {
    const lead = d.criminal_lead === "joint" ? pick(r, ["joint investigation agreed", "it will be a joint investigation"]) : pick(r, ["criminal investigation agreed police to lead", "police will investigate", "police are going to lead a criminal investigation"]);
    out.push(lead);
  } else if (d.criminal_investigation === "no") out.push(pick(r, ["no criminal investigation", "police no further action", "criminal investigation not needed"]));
  if (d.legal_action === "yes") out.push(pick(r, ["legal planning meeting to be held", "we will go to legal planning"]));
  else if (d.legal_action === "no") out.push(pick(r, ["no legal action at this stage", "legal action not needed"]));
  return out;
}

function sayAction(r: Rng, a: GoldAction, style: SpeechStyle): string {
  const due = a.due ? ` ${pick(r, ["by", "by", "on"])} ${sayDate(r, a.due, false)}` : "";
  const what = a.what.toLowerCase().replace(/[^a-z0-9' ]+/g, " ").replace(/\s+/g, " ").trim();
  if (!a.owner) return `${what} to be done${due}`;
  const owner = sayName(r, a.owner, style);
  return pick(r, [`${owner} will ${what}${due}`, `${owner} is going to ${what}${due}`, `${owner} to ${what}${due}`]);
}

/** A gold record said aloud in one style: the dictated notes, with the same gold. */
export function speakRecord(r: Rng, g: Gold, style: SpeechStyle): string {
  const s: string[] = [];
  const opening = [pick(r, ["strategy discussion", "this is the strategy discussion", "strategy meeting"])];
  if (g.meeting.date) opening.push(`${pick(r, ["held on", "on", ""])} ${sayDate(r, g.meeting.date)}`.trim());
  if (g.meeting.time) opening.push(`at ${sayTime(r, g.meeting.time)}`);
  if (g.meeting.format) opening.push(g.meeting.format === "virtual" ? pick(r, ["on teams", "by video call"]) : g.meeting.format === "phone" ? pick(r, ["by phone", "by telephone"]) : pick(r, ["in person", "at the council offices"]));
  s.push(opening.join(" "));
  if (g.jurisdiction === "wales") s.push(pick(r, ["cardiff council", "swansea council", "south wales police area"]));
  if (g.child_ref) s.push(`${pick(r, ["reference", "case number", "child reference"])} ${sayRef(g.child_ref)}`);

  const said = new Map<GoldAttendee, string>(g.attendees.map((a) => [a, sayPerson(r, a, style)]));
  const chairOf = (a: GoldAttendee) => g.chair !== null && a.name !== null && a.name.toLowerCase().includes(g.chair.toLowerCase().split(" ").pop() ?? "\u0000");
  for (const a of g.attendees) if (chairOf(a)) said.set(a, `${said.get(a)} ${pick(r, ["who chaired", "chairing", "in the chair"])}`);
  const took = g.attendees.filter((a) => a.status === "took_part").map((a) => said.get(a) as string);
  if (took.length) {
    const split = took.length >= 3 && chance(r, 0.4) ? Math.ceil(took.length / 2) : took.length;
    const lead = pick(r, ["present were", "present", "attending", "on the call were", "in attendance"]);
    if (chance(r, 0.2)) s.push(`${joinPeople(r, took.slice(0, split))} ${pick(r, ["were present", "all present", "attended"])}`);
    else s.push(`${lead} ${joinPeople(r, took.slice(0, split))}`);
    if (split < took.length) s.push(`${pick(r, ["also on the call", "also present", "also present were", "also attending"])} ${joinPeople(r, took.slice(split))}`);
  }
  if (g.chair && !g.attendees.some(chairOf)) s.push(`chaired by ${sayName(r, g.chair, style)}`);
  for (const a of g.attendees.filter((x) => x.status !== "took_part")) {
    const p = said.get(a) as string;
    if (a.status === "apologies") s.push(pick(r, [`apologies from ${p}`, `${p} sent apologies`, `${p} sent their apologies`, `apologies received from ${p}`]));
    else if (a.status === "invited_absent") s.push(pick(r, [`${p} was invited but did not attend`, `${p} invited but didn't join`, `${p} could not make it`]));
    else s.push(pick(r, [`${p} sent a report`, `${p} sent a report but did not attend`, `report received from ${p}`]));
  }
  if (!g.must_flag.includes("concerns")) s.push(pick(r, CONCERNS));
  if (!g.must_flag.includes("decisions.child_welfare")) s.push(pick(r, WELFARE));
  s.push(...sayDecisions(r, g));
  if (!g.must_flag.includes("decisions.share_with_family")) s.push(pick(r, SHARE));
  if (g.actions.length) {
    if (chance(r, 0.5)) s.push(pick(r, ["actions", "the actions are", "actions agreed"]));
    s.push(...g.actions.map((a) => sayAction(r, a, style)));
  }
  if (g.recorded_by) s.push(`notes taken by ${sayName(r, g.recorded_by, style)}`);
  return punctuate(r, s, style);
}

/** Sentences joined as the software writes them in a style. */
function punctuate(r: Rng, sentences: string[], style: SpeechStyle): string {
  const clean = sentences.map((x) => x.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (style === "spoken") return clean.map((x) => x.replace(/ and (?=\S+ \S+ (?:the )?\S+)/g, () => (chance(r, 0.3) ? " comma " : " and "))).join(chance(r, 0.5) ? " full stop " : " new line ") + " full stop";
  if (style === "caps") return clean.map((x) => `${x.charAt(0).toUpperCase()}${x.slice(1)}.`).join(" ").replace(/\b(i)\b/g, "I");
  return clean.join(" ");
}

/** Figures in typed notes as they are said. */
function sayFigures(r: Rng, text: string): string {
  return text
    .replace(/\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b/g, (m, d: string, mo: string, y?: string) => {
      const dn = Number(d);
      const mn = Number(mo);
      if (mn < 1 || mn > 12 || dn < 1 || dn > 31) return m;
      const yy = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : null;
      return `the ${ordinal(dn)} of ${MONTHS[mn - 1]}${yy ? ` ${year(r, yy)}` : ""}`;
    })
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, mo: string, d: string) => sayDate(r, `${y}-${mo}-${d}`, true))
    .replace(/\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b/gi, (m, h: string, mi: string) => (Number(h) < 24 && Number(mi) < 60 ? sayTime(r, `${h.padStart(2, "0")}:${mi}`) : m))
    .replace(/\b(\d{1,2})\s*(am|pm)\b/gi, (_m, h: string, p: string) => `${cardinal(Number(h))} ${p.toLowerCase().split("").join(" ")}`)
    .replace(/\bs\.?\s?47\b/gi, "section forty seven")
    .replace(/\bs\.?\s?17\b/gi, "section seventeen")
    .replace(/\b(\d{1,2})(?:yo|yrs?)\b/gi, (_m, n: string) => `${cardinal(Number(n))} year old`)
    .replace(/\b\d{3,}\b/g, (m) => [...m].map((c) => (c === "0" ? "zero" : UNITS[Number(c)])).join(" "))
    .replace(/\b\d{1,2}\b/g, (m) => cardinal(Number(m)));
}

/** A typed note read out: headings said as words, short forms spelt out in `letters`, figures in words, punctuation by style. */
export function speakNotes(r: Rng, notes: string, style: SpeechStyle): string {
  let t = sayFigures(r, notes)
    .replace(/&/g, " and ")
    .replace(/\bDr\.?\s/g, "doctor ")
    .replace(/[*#•|\t]+/g, " ")
    .replace(/^\s*(?:\d+[.)]|[-–])\s+/gm, "");
  if (style === "letters") t = t.replace(/\b[A-Z]{2,4}\b/g, (m) => m.toLowerCase().split("").join(" "));
  if (style === "spoken") {
    return t
      .replace(/\s*\n+\s*/g, " new line ")
      .replace(/\.(\s|$)/g, " full stop ")
      .replace(/,\s*/g, " comma ")
      .replace(/[:;()\-–/]+/g, " ")
      .replace(/\s+/g, " ")
      .replace(/\b\w+\b/g, (w) => (/^[A-Z]{2,5}$/.test(w) ? w : w.toLowerCase()))
      .trim();
  }
  if (style === "caps") {
    return t
      .split(/\s*\n+\s*|(?<=\.)\s+/)
      .map((x) => x.replace(/[,:;()\-–/.]+/g, " ").replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .map((x) => `${x.charAt(0).toUpperCase()}${x.slice(1)}.`)
      .join(" ");
  }
  // Recognisers write short forms in capitals and everything else in lower case.
  return t.replace(/[,:;()\-–/.!?]+/g, " ").replace(/\s+/g, " ").replace(/\b\w+\b/g, (w) => (/^[A-Z]{2,5}$/.test(w) ? w : w.toLowerCase())).trim();
}
