/**
 * A strategy discussion record as a practitioner dictates it into speech-to-text, walked way by way.
 * `note-dictation.ts` varies what the software does with punctuation; this varies how people talk:
 *   `runon`: people said one after another with nothing between ("sarah jones social worker tom reed
 *     police"), no punctuation, "um" and "er" left in, sentences run together;
 *   `colloquial`: times and dates as said in conversation ("half two", "ten thirty", "the seventeenth",
 *     "friday", "tomorrow", "end of the week"), actions said aloud ("sarah from health will do the
 *     medical on the seventeenth", "police to do the checks by friday");
 *   `misheard`: short forms as the software hears them ("s forty seven", "section 47", "I see PC",
 *     "ho visit", "see P medical", "N F A", "G P", "h v");
 *   `first_person`: one practitioner dictating ("this is sarah jones social worker", "I chaired",
 *     "i'll do the home visit tomorrow", "myself");
 *   `figures`: the software writes numbers as figures ("17th of March", "10:30", "case number 4471",
 *     "section 47");
 *   `software`: what speech-to-text itself writes from someone talking without saying punctuation:
 *     names and titles capitalised as it knows them ("Sarah Jones social worker DC Mike Evans police"),
 *     its own full stops and commas where the speaker paused, which may fall in the middle of a list or
 *     between a task and its due date ("Dr Patel. Paediatrician", "will visit. By Friday."), and dates and
 *     times in figures or in words as it happens to hear them.
 * The gold is the record itself, so it holds by construction; owners are the words said (a first
 * name, a role, or the speaker's name when they say "I"), and a due said relative to the meeting is
 * counted from its date (a record with no date gets a dated form).
 */
import { addDays, dayOfWeek } from "../deadlines/index.js";
import { cardinal, CONCERNS, DAYS, MONTHS, ordinal, SHARE, WELFARE, sayDate, sayDecisions, sayName, sayRef, sayTime, spokenRoles } from "./note-dictation.js";
import type { Gold, GoldAction, GoldAttendee } from "./note-writer.js";
import { chance, pick, type Rng } from "../core/random.js";


export const VOICE_WAYS = ["runon", "colloquial", "misheard", "first_person", "figures", "software"] as const;
export type VoiceWay = (typeof VOICE_WAYS)[number];
/** The way nobody looked at in detail while the reader was changed: the cross-validation. */
export const VOICE_HELD_OUT: VoiceWay = "figures";

const AGENCY_SAID: Record<string, string[]> = {
  social_care: ["from social care", "from children's services"],
  police: ["from police", "from the police"],
  health: ["from health"],
  education: ["from school", "from the school"],
  youth_justice: ["from yot"],
  probation: ["from probation"],
};

/** "half two", "ten thirty", "quarter past nine", "two o'clock": a time said in conversation. */
function chatTime(r: Rng, hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const part = h >= 12 ? pick(r, ["", " in the afternoon", " pm"]) : pick(r, ["", " in the morning", " am"]);
  if (m === 30) return pick(r, [`half ${cardinal(h12)}`, `half past ${cardinal(h12)}`, `${cardinal(h12)} thirty`]) + part;
  if (m === 0) return pick(r, [`${cardinal(h12)} o'clock`, `${cardinal(h12)}${part || " o'clock"}`]);
  if (m === 15) return `quarter past ${cardinal(h12)}${part}`;
  if (m === 45) return `quarter to ${cardinal(h12 === 12 ? 1 : h12 + 1)}${part}`;
  return `${cardinal(h12)} ${m < 10 ? `oh ${cardinal(m)}` : cardinal(m)}${part}`;
}

/** A time as the software writes it when it writes figures. */
function figureTime(r: Rng, hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return pick(r, [`${h12}:${String(m).padStart(2, "0")}`, `${h12}:${String(m).padStart(2, "0")} ${h >= 12 ? "p.m." : "a.m."}`, `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`]);
}

const th = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;

/** A date as the software writes it with figures: "17th of March 2025", "March 17th". */
function figureDate(r: Rng, iso: string, withYear: boolean): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = MONTHS[m - 1] as string;
  const M = month.charAt(0).toUpperCase() + month.slice(1);
  return pick(r, [`the ${th(d)} of ${M}`, `${th(d)} ${M}`, `${M} ${th(d)}`]) + (withYear ? ` ${y}` : "");
}

/** A due date as said in conversation, counted from the meeting when there is one. */
function chatDue(r: Rng, due: string, meeting: string | null, way: VoiceWay): string {
  const day = Number(due.slice(8, 10));
  if (meeting && due >= meeting) {
    const gap = (Date.parse(due) - Date.parse(meeting)) / 86_400_000;
    const dow = dayOfWeek(due);
    const options: string[] = [];
    if (gap === 0) options.push("today", "by the end of today");
    if (gap === 1) options.push("tomorrow", "by tomorrow");
    if (gap >= 1 && gap < 7 && dow > dayOfWeek(meeting) && dow >= 1 && dow <= 5) options.push(`by ${DAYS[dow]}`, `on ${DAYS[dow]}`, `${DAYS[dow]}`);
    if (dow === 5 && gap < 7 && gap >= 1) options.push("by the end of the week");
    // The day of the month alone means this month or the next, the first on or after the meeting.
    if (gap < 28) options.push(way === "figures" ? `by the ${th(day)}` : `on the ${ordinal(day)}`, way === "figures" ? `by the ${th(day)}` : `by the ${ordinal(day)}`);
    if (way === "software" && gap < 28) options.push(`by the ${th(day)}`, `on the ${th(day)}`);
    if (options.length) return pick(r, options);
  }
  return way === "figures" || (way === "software" && chance(r, 0.5)) ? `by ${figureDate(r, due, false)}` : `by ${sayDate(r, due, false)}`;
}

/** Short forms as the software hears them. */
function mishear(r: Rng, text: string): string {
  return text
    .replace(/\bsection forty seven\b/g, () => pick(r, ["s forty seven", "section 47", "section forty-seven", "s 47"]))
    .replace(/\bhome visit\b/gi, () => pick(r, ["ho visit", "home visit", "home visit"]))
    .replace(/\b(?:ICPC|initial child protection conference)\b/gi, () => pick(r, ["I see PC", "i c p c", "ICPC"]))
    .replace(/\bCP medical\b/gi, () => pick(r, ["see P medical", "c p medical", "CP medical"]))
    .replace(/\bNFA\b/g, "N F A")
    .replace(/\bGP\b/g, () => pick(r, ["G P", "GP", "gp"]))
    .replace(/\bPNC\b/g, () => pick(r, ["P N C", "p n c"]));
}

function sayRole(r: Rng, a: GoldAttendee, way: VoiceWay): string {
  const roles = spokenRoles(a.role);
  if (way === "misheard" && roles.letters.length && chance(r, 0.6)) return pick(r, roles.letters);
  return roles.words.length ? pick(r, roles.words.slice(0, 4)) : (roles.letters[0] ?? "");
}

/** One person said: name then role (the way people list in one breath), sometimes the agency. */
function voicePerson(r: Rng, a: GoldAttendee, way: VoiceWay): string {
  const role = sayRole(r, a, way);
  const agency = chance(r, way === "runon" || way === "software" ? 0.4 : 0.2) ? ` ${pick(r, AGENCY_SAID[a.agency] ?? [""])}` : "";
  if (!a.name) return `the ${role}${agency}`;
  if (way === "software") return pick(r, [`${softwareName(r, a.name)} ${role}${agency}`, `${softwareName(r, a.name)}${PAUSE}${role}`, `${role} ${softwareName(r, a.name)}`]);
  const name = sayName(r, a.name, "bare");
  if (/^(detective|police|d c|p c|d s|d i)\b/.test(name) && chance(r, 0.5)) return `${name}${agency}`;
  return way === "runon" ? pick(r, [`${name} ${role}${agency}`, `${name} ${role}`]) : pick(r, [`${name} ${role}${agency}`, `${name} the ${role}`, `${role} ${name}`]);
}

/** A name as speech software writes it: capitalised, a title by its short form or in words. */
function softwareName(r: Rng, name: string): string {
  const said = sayName(r, name, "bare").replace(/\b(?:d c|d s|p c|d i)\b/g, (m) => m.replace(" ", "").toUpperCase());
  return said.replace(/\b([a-z])([a-z']*)/g, (_m, c: string, rest: string) => (/^(?:detective|constable|sergeant|police|inspector)$/.test(c + rest) ? c + rest : c.toUpperCase() + rest));
}

/** Where a speaker pauses, speech software may write nothing, a comma or a full stop. */
const PAUSE = "\u0001";

function firstName(name: string): string {
  const parts = name.replace(/[.,()]/g, " ").split(/\s+/).filter(Boolean);
  const titled = /^(dr|dc|ds|pc|di|mr|mrs|ms|sgt)$/i.test(parts[0] ?? "");
  return (titled ? name : parts[0] ?? name).toLowerCase();
}

interface Said { text: string; owner: string | null }

/** An action said aloud; the owner the gold keeps is the words said. */
function voiceAction(r: Rng, a: GoldAction, g: Gold, way: VoiceWay, speaker: GoldAttendee | null): Said {
  const due = a.due ? ` ${chatDue(r, a.due, g.meeting.date, way)}` : "";
  const what = a.what.toLowerCase().replace(/[^a-z0-9' ]+/g, " ").replace(/\s+/g, " ").trim();
  if (!a.owner) return { text: pick(r, [`${what} to be done${due}`, `someone needs to ${what}${due}`, `${what} still to be allocated${due}`]), owner: null };
  const person = g.attendees.find((p) => p.name && a.owner && (p.name.toLowerCase().includes(a.owner.toLowerCase()) || a.owner.toLowerCase().includes((p.name.split(" ").pop() ?? "\u0000").toLowerCase())));
  if (way === "first_person" && speaker && person === speaker) return { text: pick(r, [`i'll ${what}${due}`, `i will ${what}${due}`, `i'm going to ${what}${due}`]), owner: a.owner };
  if (way === "software") {
    const owner = softwareName(r, a.owner);
    return { text: pick(r, [`${owner} will ${what}${PAUSE}${due.trim()}`, `${owner} to ${what}${PAUSE}${due.trim()}`, `${owner} is going to ${what}${PAUSE}${due.trim()}`]).replace(new RegExp(`${PAUSE}$`), ""), owner: a.owner };
  }
  let owner = sayName(r, a.owner, "bare");
  if (way === "colloquial" && person?.name && chance(r, 0.6)) {
    owner = firstName(person.name);
    const from = AGENCY_SAID[person.agency];
    if (from && chance(r, 0.6)) return { text: pick(r, [`${owner} ${pick(r, from)} will ${what}${due}`, `${owner} ${pick(r, from)} to ${what}${due}`]), owner: owner };
    return { text: `${owner} will ${what}${due}`, owner };
  }
  return { text: pick(r, [`${owner} will ${what}${due}`, `${owner} to ${what}${due}`, `${owner} is going to ${what}${due}`, `${owner} said they'd ${what}${due}`]), owner: a.owner };
}

const FILLERS = ["um", "er", "erm", "uh"];

/** A record dictated one way; returns the notes and the gold (owners as said). */
export function voiceRecord(r: Rng, g: Gold, way: VoiceWay): { notes: string; gold: Gold } {
  const s: string[] = [];
  const took = g.attendees.filter((a) => a.status === "took_part");
  const speaker = way === "first_person" ? (took.find((a) => a.name && a.agency === "social_care") ?? null) : null;
  if (speaker?.name) s.push(`${pick(r, ["this is", "it's", "dictation from"])} ${sayName(r, speaker.name, "bare")} ${sayRole(r, speaker, way)} ${pick(r, ["notes of the strategy discussion", "dictating the strategy discussion", "strategy discussion notes"])}`);
  const opening = [speaker ? "" : pick(r, ["strategy discussion", "strategy discussion notes", "notes of strategy meeting"])];
  const figures = way === "figures" || (way === "software" && chance(r, 0.5));
  if (g.meeting.date) opening.push(figures ? `on ${figureDate(r, g.meeting.date, chance(r, 0.7))}` : `${pick(r, ["held on", "on", "today"]) === "today" ? "" : "on"} ${sayDate(r, g.meeting.date)}`);
  if (g.meeting.time) opening.push(`at ${figures ? figureTime(r, g.meeting.time) : way === "colloquial" ? chatTime(r, g.meeting.time) : sayTime(r, g.meeting.time)}`);
  if (g.meeting.format) opening.push(g.meeting.format === "virtual" ? pick(r, ["on teams", "on a teams call", "virtual"]) : g.meeting.format === "phone" ? pick(r, ["by phone", "over the phone"]) : pick(r, ["in person", "face to face"]));
  s.push(opening.join(" ").replace(/\s+/g, " ").trim());
  if (g.jurisdiction === "wales") s.push(pick(r, ["cardiff council", "swansea council", "south wales police area"]));
  if (g.child_ref) s.push(`${pick(r, ["case number", "reference", "ref"])} ${figures ? g.child_ref : sayRef(g.child_ref)}`);

  const said = new Map<GoldAttendee, string>(g.attendees.map((a) => [a, a === speaker ? "myself" : voicePerson(r, a, way)]));
  const chairOf = (a: GoldAttendee) => g.chair !== null && a.name !== null && a.name.toLowerCase().includes(g.chair.toLowerCase().split(" ").pop() ?? "\u0000");
  for (const a of g.attendees) if (chairOf(a) && a !== speaker) said.set(a, `${said.get(a)} ${pick(r, ["chairing", "who chaired", "in the chair"])}`);
  if (speaker && chairOf(speaker)) s.push("i chaired");
  const list = took.map((a) => said.get(a) as string);
  if (list.length) {
    const sep = way === "runon" ? " " : way === "software" ? PAUSE : pick(r, [" ", " and ", " comma "]);
    const body = list.length > 1 ? `${list.slice(0, -1).join(sep)}${way === "runon" ? " " : way === "software" ? pick(r, [PAUSE, " and "]) : " and "}${list[list.length - 1]}` : list.join("");
    s.push(chance(r, 0.25) ? `${body} ${pick(r, ["were there", "were present", "attended"])}` : `${pick(r, ["present", "present were", "in attendance", "on the call", "attending"])} ${body}`);
  }
  if (g.chair && !g.attendees.some(chairOf)) s.push(`chaired by ${sayName(r, g.chair, "bare")}`);
  for (const a of g.attendees.filter((x) => x.status !== "took_part")) {
    const p = said.get(a) as string;
    if (a.status === "apologies") s.push(pick(r, [`apologies from ${p}`, `${p} sent apologies`, `${p} gave apologies`]));
    else if (a.status === "invited_absent") s.push(pick(r, [`${p} was invited but didn't attend`, `${p} couldn't make it`, `${p} invited but did not join`]));
    else s.push(pick(r, [`${p} sent a report`, `report from ${p}`]));
  }
  if (!g.must_flag.includes("concerns")) s.push(pick(r, CONCERNS));
  if (!g.must_flag.includes("decisions.child_welfare")) s.push(pick(r, WELFARE));
  s.push(...sayDecisions(r, g));
  if (!g.must_flag.includes("decisions.share_with_family")) s.push(pick(r, SHARE));
  const actions = g.actions.map((a) => voiceAction(r, a, g, way, speaker));
  if (actions.length && chance(r, 0.5)) s.push(pick(r, ["actions", "actions agreed", "next steps"]));
  s.push(...actions.map((a) => a.text));
  if (g.recorded_by) s.push(`notes taken by ${way === "software" ? softwareName(r, g.recorded_by) : sayName(r, g.recorded_by, "bare")}`);

  let words = s.map((x) => x.replace(/[ \t\n]+/g, " ").trim()).filter(Boolean);
  if (way === "misheard") words = words.map((x) => mishear(r, x.replace(/\bhome\b(?! visit)/g, "home")));
  if (way === "figures" || way === "software") words = words.map((x) => x.replace(/\bsection forty seven\b/g, "section 47").replace(/\b(\w+) year old\b/g, (m, n: string) => (/^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)$/.test(n) ? `${["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"].indexOf(n) + 1} year old` : m)));
  if (way === "runon") words = words.map((x) => x.replace(/ (?=\S+ \S+ \S+)/g, (m) => (chance(r, 0.08) ? ` ${pick(r, FILLERS)} ` : m)));
  let text: string;
  if (way === "runon") text = words.join(pick(r, [" ", " and ", " "]));
  else if (way === "figures") text = words.map((x) => `${x.charAt(0).toUpperCase()}${x.slice(1)}.`).join(" ");
  else if (way === "software") text = softwareText(r, words);
  else text = words.join(pick(r, [" full stop ", " new line ", " ", " full stop "]));
  const gold: Gold = { ...g, actions: g.actions.map((a, i) => ({ ...a, owner: actions[i]?.owner ?? a.owner })) };
  return { notes: text, gold };
}

/**
 * Sentences as speech software punctuates them: each ends at the speaker's pause with a full stop and a
 * capital, and a pause inside a sentence (between people, before a due date) may become a full stop or a
 * comma too; sometimes two sentences are run together where the speaker did not pause.
 */
function softwareText(r: Rng, sentences: string[]): string {
  const cap = (x: string) => `${x.charAt(0).toUpperCase()}${x.slice(1)}`;
  const out: string[] = [];
  for (const [i, x] of sentences.entries()) {
    const pieces = x.split(PAUSE).map((p) => p.trim()).filter(Boolean);
    let sentence = cap(pieces[0] ?? "");
    for (const p of pieces.slice(1)) {
      const mark = pick(r, [" ", " ", ", ", ". "]);
      sentence += mark === ". " ? `. ${cap(p)}` : `${mark}${p}`;
    }
    const runOn = i < sentences.length - 1 && chance(r, 0.15);
    out.push(runOn ? `${sentence} ` : `${sentence}. `);
  }
  return out.join("").replace(/ {2,}/g, " ").trim();
}
