/**
 * Strategy discussions dictated to speech-to-text, walked from the same attendance model as
 * `note-attendance.ts` (people × roles × statuses, with people only spoken of who must never be listed), in the
 * ways a practitioner talks a meeting into a phone or dictation software:
 *
 *   `runon`      no punctuation, lower case, names run into the words around them ("present were sarah jones social
 *                worker mark evans police"), roles in full or by their letters, dates and times said ("the fourth of
 *                november", "ten thirty"), attendance said per person ("sent her apologies", "didn't join");
 *   `misheard`   as runon, with short forms as the software hears them: letters ("d s l", "p c"), letter names ("dee
 *                ess ell", "pee see"), a short form said as a word ("the dsl"), "sexton forty seven";
 *   `hesitant`   as runon, with "um", "er", "sorry I mean", a name, role or date corrected as it is said;
 *   `self_named` the speaker names themselves ("this is jo smith team manager i chaired", "myself", "me") and says
 *                the others around their own part;
 *   `software`   what speech software writes unasked: capitals on names and sentences, its own full stops at pauses,
 *                dates and times in figures ("4th of November", "10:30"). Held out: chosen before the first run and
 *                never printed in detail.
 *
 * Gold: each person's name, role, agency and status; the chair; the meeting date, time and format; section 47 agreed.
 * How people talk is the domain's (Working Together 2023 ch. 3 for who attends); the vocabulary is the lexicon's and
 * the notes vocabulary's, so a form the reader does not know shows up here, not in a held-out note.
 */
import { chance, pick, type Rng } from "../core/random.js";
import { drawPeople, type Person } from "./note-attendance.js";
import { cardinal, MONTHS, ordinal, spokenRoles } from "./note-dictation.js";
import type { Gold, GoldAttendee, WrittenNote } from "./note-writer.js";

export const SPOKEN_WAYS = ["runon", "misheard", "hesitant", "self_named", "software"] as const;
export type SpokenWay = (typeof SPOKEN_WAYS)[number];

/** Chosen before the first run and never printed in detail without --final: the cross-validation by way. */
export const SPOKEN_HELD_OUT: SpokenWay = "software";

/** Letters as their names are said and written by software that does not know the short form. */
const LETTER_NAMES: Record<string, string> = {
  a: "ay", b: "bee", c: "see", d: "dee", e: "ee", f: "eff", g: "gee", h: "aitch", i: "eye", j: "jay", l: "ell", m: "em",
  n: "en", o: "oh", p: "pee", s: "ess", t: "tee", u: "you", v: "vee", w: "double you", y: "why",
};

const TITLE_SAID: Record<string, string[]> = {
  DC: ["detective constable", "d c", "dc"], DS: ["detective sergeant", "d s"], DI: ["detective inspector", "d i"],
  PC: ["police constable", "p c", "pc"], Sgt: ["sergeant", "sarge"], PS: ["police sergeant", "p s", "sergeant"], Dr: ["doctor", "dr"],
};

/** A short form said: its letters, its letter names (misheard), or as a word. */
function sayShort(r: Rng, abbr: string, way: SpokenWay): string {
  const letters = abbr.toLowerCase().split("");
  if (way === "software") return abbr;
  if (way === "misheard" && chance(r, 0.4) && letters.every((l) => LETTER_NAMES[l])) return letters.map((l) => LETTER_NAMES[l]).join(" ");
  return chance(r, 0.5) ? letters.join(" ") : abbr.toLowerCase();
}

/** Any short forms in words as written (roles, agencies) said aloud. */
function sayText(r: Rng, text: string, way: SpokenWay): string {
  const said = text
    .replace(/\b0-19\b/g, () => pick(r, ["nought to nineteen", "zero to nineteen", "0-19"]))
    .replace(/\b[A-Z]{2,5}\b/g, (m) => sayShort(r, m, way))
    .replace(/[&/]/g, " and ")
    .replace(/\s+/g, " ")
    .trim();
  return way === "software" ? said : said.toLowerCase();
}

function sayRole(r: Rng, p: Person, way: SpokenWay): string {
  // A plural ("paediatricians") names a team, not the one person said.
  const all = spokenRoles(p.role).words;
  const words = all.filter((w) => !(/s$/.test(w) && all.includes(w.slice(0, -1))));
  // A compound role ("deputy head and DSL") is said as written; otherwise the role in full as often as by its alias.
  if (!/ (?:and|&|\/) /.test(p.roleText) && words.length && chance(r, 0.5)) return pick(r, words.slice(0, 4));
  return sayText(r, p.roleText, way);
}

function sayAgency(r: Rng, p: Person, way: SpokenWay): string {
  if (!p.agencyText) return "";
  return ` ${pick(r, ["from", "from", "at", ""])} ${sayText(r, p.agencyText, way)}`.replace(/\s+/g, " ");
}

function sayName(r: Rng, p: Person, way: SpokenWay): string {
  const title = p.title ? pick(r, TITLE_SAID[p.title] ?? [p.title]) : null;
  const name = title ? pick(r, [`${title} ${p.last}`, `${title} ${p.first} ${p.last}`]) : `${p.first} ${p.last}`;
  if (way !== "software") return name.toLowerCase();
  return name.replace(/\b(d c|d s|d i|p c|p s|dr|dc|pc)\b/g, (m) => m.replace(" ", "").toUpperCase()).replace(/\b[a-z]/g, (c, i: number, s: string) => (/^(detective|police|constable|sergeant|inspector|doctor|sarge)/.test(s.slice(i)) ? c : c.toUpperCase()));
}

/** One person said in one breath: the name with the role before or after it and the agency run on. */
function sayPerson(r: Rng, p: Person, way: SpokenWay): string {
  const name = sayName(r, p, way);
  const role = sayRole(r, p, way);
  const ag = chance(r, 0.6) ? sayAgency(r, p, way) : "";
  return pick(r, [`${name} ${role}${ag}`, `${name} ${role}${ag}`, `${role} ${name}${ag}`, `${name} the ${role}${ag}`, `${name} who is the ${role}${ag}`, `${name} ${role}${ag}`]);
}

const LATE_SAID: Record<string, string[]> = {
  "joined late": ["joined late", "joined a bit late", "joined about ten minutes in"],
  "left early": ["left early", "had to leave early", "dropped off early"],
  "joined part way": ["joined part way through", "joined halfway through"],
  "left at 10:40": ["left at ten forty", "had to go at ten forty"],
};

function sayStatus(r: Rng, p: Person, who: string): string {
  const pr = pick(r, ["she", "he", "they"]);
  switch (p.status) {
    case "apologies": return pick(r, [`apologies from ${who}`, `${who} sent apologies`, `${who} couldn't make it and sent ${pr === "they" ? "their" : pr === "she" ? "her" : "his"} apologies`, `we had apologies from ${who}`, `${who} gave apologies`]);
    case "invited_absent": return pick(r, [`${who} was invited but didn't join`, `${who} was invited but did not attend`, `${who} didn't turn up`, `${who} was invited but wasn't on the call`]);
    case "sent_report": return pick(r, [`${who} couldn't attend but sent a report`, `${who} sent a written report`, `we had a report from ${who}`, `${who} wasn't able to join but sent an update by email`]);
    default: return p.late ? `${who} ${pick(r, LATE_SAID[p.late] ?? [p.late])}` : "";
  }
}

/** People only spoken of: the child, a parent, a GP to be contacted. Never attendees. */
function mentioned(r: Rng, way: SpokenWay): string[] {
  const child = `${pick(r, ["ella", "jayden", "mia", "kai", "lily"])} ${pick(r, ["wood", "price", "cole"])}`;
  const mum = `${pick(r, ["sarah", "kelly", "dawn"])} ${pick(r, ["wood", "price", "cole"])}`;
  const gp = pick(r, ["patel", "hughes", "owen"]);
  const out = [
    pick(r, [`the child is ${child} ${pick(r, ["she's", "he's"])} ${cardinal(3 + Math.floor(r() * 10))}`, `this is about ${child} aged ${cardinal(3 + Math.floor(r() * 10))}`]),
    pick(r, [`mum ${mum} is aware`, `mum ${mum} has not been told yet`, `mum ${mum} wasn't invited`, `dad is not aware`, `the parents were not invited`]),
    pick(r, [`the gp doctor ${gp} is to be contacted`, `we need to contact the gp doctor ${gp}`, `doctor ${gp} the gp hasn't been spoken to yet`, `the school nurse is to be updated`]),
  ];
  return way === "software" ? out.map((s) => s.replace(/\b(ella|jayden|mia|kai|lily|wood|price|cole|sarah|kelly|dawn|patel|hughes|owen)\b/g, (w) => w[0]!.toUpperCase() + w.slice(1)).replace(/\bgp\b/g, "GP").replace(/\bdoctor\b/g, "Dr")) : out;
}

const TIMES = ["09:00", "09:30", "10:00", "10:30", "11:15", "13:00", "14:00", "14:30", "15:45"];

/** The time as said; bare ("ten thirty") only where the hour cannot be the other half of the day. */
function sayTime(r: Rng, hhmm: string, way: SpokenWay): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  if (way === "software") return pick(r, [hhmm.replace(/^0/, ""), `${h12}:${String(m).padStart(2, "0")} ${h < 12 ? "a.m." : "p.m."}`, `${h12}:${String(m).padStart(2, "0")}${h < 12 ? "am" : "pm"}`]);
  const part = h < 12 ? pick(r, ["in the morning", "a m", "am"]) : pick(r, ["in the afternoon", "p m", "pm"]);
  const mins = m === 0 ? pick(r, ["o'clock", ""]) : m < 10 ? `oh ${cardinal(m)}` : cardinal(m);
  const plain = `${cardinal(h12)} ${mins}`.trim();
  const bareOk = (h >= 9 && h <= 11) || (h >= 13 && h <= 17);
  const forms = [`${plain} ${part}`, ...(bareOk && m !== 0 ? [plain] : []), ...(m === 30 ? [`half past ${cardinal(h12)}`] : []), ...(m === 15 ? [`quarter past ${cardinal(h12)}`] : [])];
  return pick(r, forms);
}

function sayDate(r: Rng, iso: string, way: SpokenWay): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = MONTHS[m - 1] as string;
  const year = chance(r, 0.5) ? "" : ` ${pick(r, [`twenty ${cardinal(y - 2000)}`, `two thousand and ${cardinal(y - 2000)}`])}`;
  if (way === "software") {
    const th = `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;
    const M = month[0]!.toUpperCase() + month.slice(1);
    return pick(r, [`the ${th} of ${M}`, `${th} ${M}`, `${d} ${M} ${y}`]);
  }
  return pick(r, [`the ${ordinal(d)} of ${month}${year}`, `${ordinal(d)} of ${month}${year}`, `${month} the ${ordinal(d)}`, `${ordinal(d)} ${month}${year}`]).trim();
}

const FILLERS = ["um", "er", "erm", "uh"];

/** Hesitations dropped between words, and one thing said wrong and put right. */
function hesitate(r: Rng, text: string): string {
  return text.split(" ").map((w) => (chance(r, 0.07) ? `${pick(r, FILLERS)} ${w}` : w)).join(" ");
}

function correction(r: Rng, right: string, wrongWord: string): string {
  return `${wrongWord} ${pick(r, ["sorry i mean", "sorry", "no sorry", "i mean", "sorry not", "correction"])} ${right}`;
}

/** One dictated note of the discussion and what a careful reader takes from it. */
function write(r: Rng, way: SpokenWay, people: Person[], date: string, time: string): string {
  const chair = people[0] as Person;
  const took = people.filter((p) => p.status === "took_part").slice(1);
  const others = people.filter((p) => p.status !== "took_part");
  const parts: string[] = [];
  const where = pick(r, ["on teams", "over teams", "on a teams call", "by video call", "virtually on teams"]);
  const dateSaid = way === "hesitant" && chance(r, 0.4)
    ? correction(r, sayDate(r, date, way), `the ${ordinal(Math.max(1, Number(date.slice(8)) - 1))}`)
    : sayDate(r, date, way);
  const meeting = pick(r, [
    `strategy discussion ${dateSaid} at ${sayTime(r, time, way)} ${where}`,
    `this is the strategy discussion held on ${dateSaid} at ${sayTime(r, time, way)} ${where}`,
    `notes of the strategy discussion ${where} ${dateSaid} ${sayTime(r, time, way)}`,
  ]);
  parts.push(meeting);
  const chairSaid = sayPerson(r, chair, way);
  const selfNamed = way === "self_named" || chance(r, 0.3);
  if (selfNamed) {
    parts.push(pick(r, [
      `this is ${chairSaid} i chaired`, `it's ${chairSaid} chairing`, `my name is ${sayName(r, chair, way)} i'm the ${sayRole(r, chair, way)} and i chaired`,
      `this is ${chairSaid} i was the chair`, `right this is ${chairSaid} i am chairing`,
    ]));
  } else {
    parts.push(pick(r, [`chaired by ${chairSaid}`, `the chair was ${chairSaid}`, `${chairSaid} chaired`]));
  }
  const saidTook = took.map((p) => {
    let s = sayPerson(r, p, way);
    if (way === "hesitant" && chance(r, 0.25)) {
      // A surname said wrong and put right; the gold keeps the name put right.
      const wrong = pick(r, ["evans", "jones", "davies", "smith"]);
      s = s.replace(p.last.toLowerCase(), correction(r, p.last.toLowerCase(), wrong));
    }
    return s;
  });
  if (saidTook.length) {
    const joiner = pick(r, [" ", " and ", " also "]);
    const list = saidTook.length > 1 ? `${saidTook.slice(0, -1).join(joiner)} and ${saidTook[saidTook.length - 1]}` : saidTook[0]!;
    const opener = way === "self_named" ? pick(r, ["present were myself and", "on the call were me and", "it was me", "i was joined by"]) : pick(r, ["present were", "on the call were", "we had", "also present", "attending were", "in attendance"]);
    parts.push(pick(r, [`${opener} ${list}`, `${opener} ${list}`, `${list} ${pick(r, ["were present", "were on the call", "also joined"])}`]));
  }
  for (const p of took.filter((x) => x.late)) parts.push(sayStatus(r, p, sayName(r, p, way)));
  for (const p of others) parts.push(sayStatus(r, p, sayPerson(r, p, way)));
  parts.push(...mentioned(r, way));
  const s47 = way === "misheard" ? pick(r, ["sexton forty seven", "section forty seven", "s forty seven", "section for t seven"]) : way === "software" ? pick(r, ["Section 47", "section 47", "Section forty seven"]) : "section forty seven";
  parts.push(pick(r, [`${s47} agreed`, `we agreed ${s47}`, `it was agreed to start ${s47} enquiries`]));
  if (way === "software") {
    // The software's own full stops at the speaker's pauses, and a capital after each.
    return parts.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).map((s) => s.replace(/\bi\b/g, "I").replace(/\bteams\b/g, "Teams")).join(". ") + ".";
  }
  const joined = parts.join(pick(r, [" ", " ", " full stop ", ". "]));
  return way === "hesitant" ? hesitate(r, joined) : joined;
}

function randomDate(r: Rng): string {
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `2025-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** One dictated note per draw, with its gold record. */
export function writeSpokenAttendanceNote(r: Rng, n: number, way: SpokenWay): WrittenNote {
  const people = drawPeople(r);
  const date = randomDate(r);
  const time = pick(r, TIMES);
  const notes = write(r, way, people, date, time);
  const attendees: GoldAttendee[] = people.map((p) => ({ name: `${p.first} ${p.last}`, role: p.role, agency: p.agency, status: p.status }));
  const wales = people.some((p) => p.agencyText?.startsWith("Ysgol"));
  const groups = { "attendees.social_work": "social_care", "attendees.police": "police", "attendees.health": "health" } as const;
  const present = (ag: string) => people.some((p) => p.agency === ag && p.status === "took_part");
  const gold: Gold = {
    meeting: { date, time, format: "virtual" },
    child_ref: null,
    jurisdiction: wales ? "wales" : "england",
    chair: `${people[0]?.first} ${people[0]?.last}`,
    recorded_by: null,
    attendees,
    // Only section 47 is said; the rest is open, as the reader records what the notes leave unsaid (test/heldout/README.md).
    decisions: { section47: "yes", criminal_investigation: "undecided", criminal_lead: null, legal_action: "undecided" },
    actions: [],
    must_flag: Object.entries(groups).filter(([, ag]) => !present(ag)).map(([g]) => g),
    must_not_flag: Object.entries(groups).filter(([, ag]) => present(ag)).map(([g]) => g),
  };
  return { id: `spoken-${way}-${n}`, format: way, jurisdiction: wales ? "wales" : "england", today: date, notes, gold };
}

/** `count` notes in each way. */
export function writeSpokenAttendanceNotes(r: Rng, count: number): WrittenNote[] {
  const out: WrittenNote[] = [];
  for (const way of SPOKEN_WAYS) for (let i = 0; i < count; i++) out.push(writeSpokenAttendanceNote(r, i, way));
  return out;
}
