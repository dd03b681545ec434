/**
 * Actions walked from how practitioners write "who will do what by when" (Working Together 2023 ch. 3, strategy
 * discussion: "what immediate and short-term action is required to support the child, and who will do what by when";
 * Wales multi-agency meetings: a plan "must say what actions will be taken, who will take them, and when they will be
 * completed"; Lewisham minutes: "ACTIONS 1. Director of ... to provide ..."), with the gold action list of each note.
 *
 * Formats (bullets, numbered, a table with owner and due columns, "Actions:" prose in an e-mail, dictated speech with
 * spoken dates, a chat log's "I'll do X by Friday", handwriting typed up with arrows "→ SW by 5/12", shorthand
 * "DC – ABE plan – Thurs") × owner forms (full name, first name, title and surname, role, agency, initials with and
 * without a key, "me"/"I", joint owners, "all", none) × due forms (a date in several notations, a weekday, "tomorrow",
 * "today", "by end of week", "within N working days/hours", "in two weeks", a weekday with its day, "by the 21st",
 * "before the ICPC", "after the ABE", "next week", "ASAP", "ongoing", none). Relative dues are counted from the meeting's
 * date, and the notes are drafted the day after, so a due counted from the drafting day is wrong.
 *
 * Gold conventions, as the outside authors write them: the owner as written, "me"/"I" as the writer's name, joint owners
 * joined with " + "; a due that names no day (ASAP, ongoing, before the ICPC, next week) is null. Meeting dates avoid
 * bank holidays so working days are weekdays.
 */
import { chance, pick, type Rng } from "../core/random.js";
import { cardinal, DAYS, MONTHS, ordinal } from "./note-dictation.js";
import type { Gold, GoldAction, GoldAttendee, WrittenNote } from "./note-writer.js";

export const ACTION_FORMATS = ["bullets", "numbered", "table", "prose_email", "voice_to_text", "chat_log", "handwriting_typed", "shorthand"] as const;
export type ActionFormat = (typeof ACTION_FORMATS)[number];

/** Chosen before the first run and never printed in detail without --final: the cross-validation by format. */
export const ACTIONS_HELD_OUT: ActionFormat = "handwriting_typed";

interface Person {
  first: string; last: string; title: string | null; role: string; agency: string;
  /** How the role is written after the name in the attendance list, and alone as an owner. */
  roleTag: string; roleOwner: string[]; agencyOwner: string[]; spokenRole: string;
}

const FIRST = ["Sarah", "Mark", "Paul", "Anwen", "Jo", "Kemi", "Rhys", "Helen", "Tariq", "Lowri", "Dean", "Fiona", "Gethin", "Nadia", "Owen", "Bethan"];
const LAST = ["Wells", "Lloyd", "Kerr", "Bose", "Hart", "Adeyemi", "Pugh", "Marsh", "Iqbal", "Vaughan", "Cole", "Rowe", "Evans", "Hussain", "Tranter", "Dale"];

/** The people a strategy discussion draws on (Working Together 2023 ch. 3), with how each is written as an owner. */
const CAST: Omit<Person, "first" | "last">[] = [
  { title: null, role: "social_worker", agency: "social_care", roleTag: "SW", roleOwner: ["SW", "social worker", "allocated SW"], agencyOwner: ["CSC", "children's services"], spokenRole: "social worker" },
  { title: null, role: "team_manager", agency: "social_care", roleTag: "TM", roleOwner: ["TM", "team manager"], agencyOwner: [], spokenRole: "team manager" },
  { title: "DC", role: "detective", agency: "police", roleTag: "CAIT", roleOwner: ["police", "DC"], agencyOwner: ["Police", "CAIT"], spokenRole: "detective constable" },
  { title: "Dr", role: "paediatrician", agency: "health", roleTag: "community paeds", roleOwner: ["paeds", "paediatrician"], agencyOwner: ["Health"], spokenRole: "paediatrician" },
  { title: null, role: "health_visitor", agency: "health", roleTag: "HV", roleOwner: ["HV", "health visitor"], agencyOwner: ["Health"], spokenRole: "health visitor" },
  { title: null, role: "dsl", agency: "education", roleTag: "DSL, Oakfield Primary", roleOwner: ["DSL", "school"], agencyOwner: ["School"], spokenRole: "designated safeguarding lead" },
];

/** Tasks as they are written: to do (after "X to"), the thing itself (a table cell, shorthand), its short form, and said without a doer. */
interface Task { to: string; noun: string; short: string; passive: string; tell?: boolean }
const TASKS: Task[] = [
  { to: "do the ABE interview", noun: "ABE interview", short: "ABE", passive: "ABE interview to be arranged" },
  { to: "arrange a CP medical", noun: "CP medical", short: "CP med", passive: "CP medical to be arranged" },
  { to: "do a home visit and see the child alone", noun: "home visit, see child alone", short: "home visit + see C alone", passive: "home visit to be done, child seen alone" },
  { to: "send the health chronology", noun: "health chronology", short: "health chron", passive: "health chronology to be sent" },
  { to: "complete PNC checks on the partner", noun: "PNC checks on partner", short: "PNC chks partner", passive: "PNC checks on partner to be completed" },
  { to: "send the school attendance records", noun: "school attendance records", short: "sch attendance", passive: "school attendance records to be sent" },
  { to: "request the ICPC", noun: "ICPC request", short: "ICPC req", passive: "ICPC to be requested" },
  { to: "agree a written safety plan with mum", noun: "written safety plan with mum", short: "safety plan w/ mum", passive: "written safety plan to be agreed with mum" },
  { to: "make a CAMHS referral", noun: "CAMHS referral", short: "CAMHS ref", passive: "CAMHS referral to be made" },
  { to: "reconvene the strategy discussion", noun: "review strategy discussion", short: "rev strat", passive: "review strategy discussion to be held" },
  { to: "check dad's address", noun: "checks on dad's address", short: "dad's address chks", passive: "dad's address to be checked" },
  { to: "get the nursery's welfare log", noun: "nursery welfare log", short: "nursery log", passive: "nursery welfare log to be obtained" },
  // Telling the family, with a doer named, is a task of the plan (both outside authors list it); without one ("mum to be
  // told") it is a note about sharing, so these are never written without an owner.
  { to: "tell mum the outcome", noun: "tell mum outcome", short: "tell mum outcome", passive: "", tell: true },
  { to: "inform dad of the enquiries", noun: "inform dad of enquiries", short: "inform dad", passive: "", tell: true },
];

// ---- dates ---------------------------------------------------------------------------------------------------------

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
function addWorkingDays(d: Date, n: number): Date {
  let x = d;
  while (n > 0) {
    x = addDays(x, 1);
    if (x.getUTCDay() !== 0 && x.getUTCDay() !== 6) n--;
  }
  return x;
}

/** A meeting on a Monday to Thursday, in months and days clear of bank holidays for the three weeks after. */
function meetingDate(r: Rng): Date {
  for (;;) {
    const d = new Date(Date.UTC(pick(r, [2025, 2026]), pick(r, [1, 2, 5, 6, 8, 9, 10]), 2 + Math.floor(r() * 16)));
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 4) return d;
  }
}

const MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY3 = ["Sun", "Mon", "Tues", "Weds", "Thurs", "Fri", "Sat"];
const DAYSHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const th = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
const dd = (n: number) => String(n).padStart(2, "0");

/** A due date written in one of the notations notes use. */
function writtenDate(r: Rng, d: Date, withDay = chance(r, 0.3)): string {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const s = pick(r, [`${dd(day)}/${dd(m)}`, `${day}/${m}`, `${dd(day)}/${dd(m)}/${y}`, `${day}.${m}.${String(y).slice(2)}`, `${th(day)} ${MONTHS[m - 1]?.replace(/^./, (c) => c.toUpperCase())}`, `${day} ${MON3[m - 1]}`]);
  return withDay ? `${pick(r, [DAY3, DAYSHORT])[d.getUTCDay()]} ${s}` : s;
}

/** The next `dow` strictly after the meeting. */
function nextDow(m: Date, dow: number): Date {
  let x = addDays(m, 1);
  while (x.getUTCDay() !== dow) x = addDays(x, 1);
  return x;
}

const DUE_FORMS = ["date", "date", "weekday", "tomorrow", "today", "end_of_week", "working_days", "hours", "weeks", "weekday_day", "day_of_month", "open", "none"] as const;
type DueForm = (typeof DUE_FORMS)[number];

/** A due as written (typed or said) and its gold date: relative forms counted from the meeting. */
function drawDue(r: Rng, m: Date, spoken: boolean, form: DueForm = pick(r, DUE_FORMS)): { text: string; gold: string | null; form: DueForm } {
  const by = (s: string) => (chance(r, 0.6) ? `by ${s}` : s);
  switch (form) {
    case "date": {
      const d = addDays(m, 1 + Math.floor(r() * 20));
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) return drawDue(r, m, spoken, form);
      return { text: spoken ? by(`the ${ordinal(d.getUTCDate())} of ${MONTHS[d.getUTCMonth()]}`) : by(writtenDate(r, d)), gold: iso(d), form };
    }
    case "weekday": {
      const dow = 1 + Math.floor(r() * 5);
      if (dow === m.getUTCDay()) return drawDue(r, m, spoken, form);
      const d = nextDow(m, dow);
      return { text: spoken ? by(DAYS[dow] as string) : by(pick(r, [DAYS[dow]?.replace(/^./, (c) => c.toUpperCase()) as string, DAY3[dow] as string, DAYSHORT[dow] as string])), gold: iso(d), form };
    }
    case "tomorrow":
      return { text: spoken ? pick(r, ["tomorrow", "tomorrow morning", "by tomorrow"]) : pick(r, ["tomorrow", "tmrw", "by tomorrow", "tomorrow am"]), gold: iso(addDays(m, 1)), form };
    case "today":
      return { text: spoken ? pick(r, ["today", "this afternoon", "tonight"]) : pick(r, ["today", "this pm", "tonight", "EOD", "by end of day"]), gold: iso(m), form };
    case "end_of_week":
      return { text: spoken ? pick(r, ["by the end of the week", "by the end of this week"]) : pick(r, ["by end of week", "by EOW", "end of the week", "by close of play Friday"]), gold: iso(nextDow(m, 5)), form };
    case "working_days": {
      const n = pick(r, [2, 3, 5, 10]);
      return { text: spoken ? `within ${cardinal(n)} working days` : pick(r, [`within ${n} working days`, `within ${n} WD`, `${n} working days`, `w/in ${n} wd`]), gold: iso(addWorkingDays(m, n)), form };
    }
    case "hours": {
      const n = pick(r, [24, 48]);
      return { text: spoken ? `within ${cardinal(n)} hours` : pick(r, [`within ${n} hrs`, `within ${n} hours`, `${n}hrs`]), gold: iso(addDays(m, n / 24)), form };
    }
    case "weeks": {
      const forms: [string, number][] = spoken
        ? [["within two weeks", 14], ["within a week", 7], ["within a fortnight", 14]]
        : [["within 2 weeks", 14], ["within a week", 7], ["within a fortnight", 14], ["in 2 wks", 14], ["within 7 days", 7]];
      const [text, days] = pick(r, forms);
      return { text, gold: iso(addDays(m, days)), form };
    }
    case "weekday_day": {
      const d = nextDow(m, 1 + Math.floor(r() * 5));
      return { text: spoken ? by(`${DAYS[d.getUTCDay()]} the ${ordinal(d.getUTCDate())}`) : by(`${pick(r, [DAYS[d.getUTCDay()]?.replace(/^./, (c) => c.toUpperCase()) as string, DAY3[d.getUTCDay()] as string])} ${th(d.getUTCDate())}`), gold: iso(d), form };
    }
    case "day_of_month": {
      const d = addDays(m, 2 + Math.floor(r() * 12));
      if (d.getUTCMonth() !== m.getUTCMonth() || d.getUTCDay() === 0 || d.getUTCDay() === 6) return drawDue(r, m, spoken, form);
      return { text: spoken ? `by the ${ordinal(d.getUTCDate())}` : `by the ${th(d.getUTCDate())}`, gold: iso(d), form };
    }
    case "open":
      return { text: spoken ? pick(r, ["as soon as possible", "before the conference", "after the interview", "next week", "ongoing"]) : pick(r, ["ASAP", "asap", "before the ICPC", "after the ABE", "next week", "ongoing", "TBC"]), gold: null, form };
    case "none":
      return { text: "", gold: null, form };
  }
}

// ---- people and owners ---------------------------------------------------------------------------------------------

function drawPeople(r: Rng): Person[] {
  const used = new Set<string>();
  const plan = [CAST[0], CAST[1], CAST[2], pick(r, [CAST[3], CAST[4]]), CAST[5]] as Omit<Person, "first" | "last">[];
  return plan.map((c) => {
    let first = pick(r, FIRST);
    let last = pick(r, LAST);
    while (used.has(first) || used.has(last) || used.has(`${first[0]}${last[0]}`)) { first = pick(r, FIRST); last = pick(r, LAST); }
    used.add(first); used.add(last); used.add(`${first[0]}${last[0]}`);
    return { ...c, first, last };
  });
}

const OWNER_FORMS = ["full", "first", "titled", "role", "agency", "initials", "self", "joint", "all", "none"] as const;
type OwnerForm = (typeof OWNER_FORMS)[number];

/** `heard`: the gold for the owner as said aloud (the role in words: "detective constable", not "police"). */
interface Owner { written: string; spoken: string; gold: string | null; heard?: string | null; form: OwnerForm; self: boolean }

const ini = (p: Person) => `${p.first[0]}${p.last[0]}`;

/** One person as an owner in a form the note allows (initials only where the note uses them). */
function personOwner(r: Rng, p: Person, form: OwnerForm, initials: boolean): Owner {
  const full = `${p.first} ${p.last}`;
  switch (form) {
    case "first": return { written: p.first, spoken: p.first.toLowerCase(), gold: p.first, form, self: false };
    case "titled": return p.title ? { written: `${p.title} ${p.last}`, spoken: `${p.title === "DC" ? "d c" : "doctor"} ${p.last.toLowerCase()}`, gold: `${p.title} ${p.last}`, form, self: false } : personOwner(r, p, "full", initials);
    case "role": { const w = pick(r, p.roleOwner); return { written: w, spoken: `the ${p.spokenRole}`, gold: w, heard: p.spokenRole, form, self: false }; }
    case "agency": return p.agencyOwner.length ? (() => { const w = pick(r, p.agencyOwner); return { written: w, spoken: w.toLowerCase(), gold: w, form, self: false }; })() : personOwner(r, p, "role", initials);
    case "initials": return initials ? { written: ini(p), spoken: p.first.toLowerCase(), gold: ini(p), heard: p.first, form, self: false } : personOwner(r, p, "full", initials);
    default: return { written: full, spoken: full.toLowerCase(), gold: full, form: "full", self: false };
  }
}

function drawOwner(r: Rng, people: Person[], writer: Person, initials: boolean, format: ActionFormat): Owner {
  const form = pick(r, OWNER_FORMS);
  const other = () => pick(r, people.filter((p) => p !== writer));
  switch (form) {
    case "self":
      return { written: pick(r, format === "chat_log" ? ["I'll", "I will"] : ["me", "I", "Me"]), spoken: pick(r, ["i will", "me to"]), gold: `${writer.first} ${writer.last}`, form, self: true };
    case "joint": {
      const [a, b] = [personOwner(r, writer, pick(r, ["first", "role", "full", "initials"]), initials), personOwner(r, other(), pick(r, ["titled", "first", "role", "initials"]), initials)];
      const join = pick(r, [" + ", " and ", " & ", "/"]);
      return { written: `${a.written}${join}${b.written}`, spoken: `${a.spoken} and ${b.spoken}`, gold: `${a.gold} + ${b.gold}`, heard: `${a.heard ?? a.gold} + ${b.heard ?? b.gold}`, form, self: false };
    }
    case "all": {
      const w = pick(r, ["All", "All agencies", "Everyone"]);
      return { written: w, spoken: w.toLowerCase(), gold: w, form, self: false };
    }
    case "none":
      return { written: "", spoken: "", gold: null, form, self: false };
    default:
      return personOwner(r, other(), form, initials);
  }
}

// ---- writing -------------------------------------------------------------------------------------------------------

interface Drawn { task: Task; owner: Owner; due: { text: string; gold: string | null; form: DueForm } }

/** One action in a typed list: the shapes people use for owner, task and due. */
function typedAction(r: Rng, a: Drawn, short = false): string {
  const t = short ? a.task.short : a.task.noun;
  const d = a.due.text;
  const o = a.owner.written;
  if (!o) return pick(r, [`${a.task.passive}${d ? ` ${d}` : ""}`, `${t}${d ? ` – ${d}` : ""} – owner TBC`]);
  if (a.owner.self) return `${o === "I" ? "I will" : `${o} to`} ${a.task.to}${d ? ` ${d}` : ""}`;
  const shapes = [
    `${o} to ${a.task.to}${d ? ` ${d}` : ""}`,
    `${o} – ${t}${d ? ` – ${d}` : ""}`,
    `${t} (${o})${d ? ` ${d}` : ""}`,
    `${o}: ${t}${d ? `, ${d}` : ""}`,
    `${t} – ${o}${d ? ` – ${d}` : ""}`,
  ];
  return pick(r, shapes);
}

const SAY_SELF = (o: Owner) => o.spoken === "i will" ? "i will" : "me to";

function spokenAction(r: Rng, a: Drawn): string {
  const d = a.due.text ? ` ${a.due.text}` : "";
  if (!a.owner.spoken) return `${a.task.passive.toLowerCase()}${d}`;
  if (a.owner.self) return `${SAY_SELF(a.owner)} ${a.task.to.toLowerCase()}${d}`;
  return pick(r, [`${a.owner.spoken} to ${a.task.to.toLowerCase()}${d}`, `${a.owner.spoken} will ${a.task.to.toLowerCase()}${d}`, `${a.owner.spoken} is going to ${a.task.to.toLowerCase()}${d}`]);
}

function write(r: Rng, format: ActionFormat, m: Date, people: Person[], writer: Person, actions: Drawn[], initials: boolean, keyless = false): string {
  const [y, mo, day] = [m.getUTCFullYear(), m.getUTCMonth() + 1, m.getUTCDate()];
  const meeting = `Strategy discussion ${DAYSHORT[m.getUTCDay()]} ${dd(day)}/${dd(mo)}/${y} 10:00, Teams`;
  const tag = (p: Person) => `${p.title ? `${p.title} ` : ""}${p.first} ${p.last}${initials ? ` (${ini(p)})` : ""} – ${p.roleTag}`;
  const present = `Present:\n${people.map((p) => `- ${tag(p)}${p === people[1] ? " (chair)" : ""}${p === writer ? pick(r, [" (notes)", " – minutes"]) : ""}`).join("\n")}`;
  const body = "Concerns: Ellie (6) told her teacher mum's partner hit her; bruise to arm seen.\nDecisions: s47 agreed – threshold met. Joint investigation, police lead. Legal: not at this stage.\nChild: Ellie staying with maternal gran tonight, mum agreed.";
  switch (format) {
    case "bullets":
      return `${meeting}\n${present}\n\n${body}\n\nActions:\n${actions.map((a) => `${pick(r, ["- ", "• ", "* "])}${typedAction(r, a)}`).join("\n")}`;
    case "numbered":
      return `${meeting}\n${present}\n\n${body}\n\n${pick(r, ["ACTIONS", "Actions agreed", "Next steps"])}\n${actions.map((a, i) => `${i + 1}${pick(r, [".", ")"])} ${typedAction(r, a)}`).join("\n")}`;
    case "table": {
      const cols = [...(["action", "owner", "due"] as const)];
      if (chance(r, 0.4)) cols.sort(() => r() - 0.5);
      const head = { action: pick(r, ["Action", "Task", "Actions"]), owner: pick(r, ["Owner", "Who", "Lead", "Responsible"]), due: pick(r, ["Due", "By when", "Timescale", "Deadline"]) };
      const sep = chance(r, 0.5) ? "\t" : " | ";
      const cell = (a: Drawn, c: "action" | "owner" | "due") => (c === "action" ? a.task.noun : c === "owner" ? (a.owner.self ? "Me" : a.owner.written || pick(r, ["TBC", "", "-"])) : a.due.text.replace(/^by /, "") || pick(r, ["", "-", "TBC"]));
      return `${meeting}\n${present}\n\n${body}\n\n${[cols.map((c) => head[c]).join(sep), ...actions.map((a) => cols.map((c) => cell(a, c)).join(sep))].join("\n")}`;
    }
    case "prose_email": {
      const sentence = (a: Drawn) => {
        const d = a.due.text ? ` ${a.due.text}` : "";
        if (!a.owner.written) return `The ${a.task.passive}${d}.`;
        if (a.owner.self) return `I will ${a.task.to}${d}.`;
        return pick(r, [`${a.owner.written} will ${a.task.to}${d}.`, `${a.owner.written} agreed to ${a.task.to}${d}.`, `${a.owner.written} is going to ${a.task.to}${d}.`, `${a.owner.written} to ${a.task.to}${d}.`]);
      };
      const who = people.filter((p) => p !== writer).map((p) => `${p.title ? `${p.title} ` : ""}${p.first} ${p.last} (${p.roleTag})`);
      return [`Subject: Strategy discussion ${dd(day)}/${dd(mo)}/${y}`, "", "Hi all,", "", `Notes of this morning's strategy discussion (10:00, Teams). Present were ${who.join(", ")} and me.`, body.replace(/\n/g, " "), "", `${pick(r, ["Actions agreed:", "Actions:", "Next steps:"])} ${actions.map(sentence).join(" ")}`, "", "Thanks,", `${writer.first} ${writer.last}`, `${writer.spokenRole.replace(/^./, (c) => c.toUpperCase())}, children's services`].join("\n");
    }
    case "voice_to_text": {
      const stop = pick(r, [" full stop ", ". "]);
      const who = people.filter((p) => p !== writer).map((p) => `${(p.title === "DC" ? "d c " : p.title === "Dr" ? "doctor " : "")}${p.first} ${p.last} ${p.spokenRole}`.toLowerCase());
      const said = [`strategy discussion on ${DAYS[m.getUTCDay()]} the ${ordinal(day)} of ${MONTHS[mo - 1]} twenty twenty ${cardinal(y - 2020)} at ten on teams`, `this is ${writer.first} ${writer.last} ${writer.spokenRole} taking the notes`.toLowerCase(), `present were ${who.join(" and ")}`, "ellie who is six told her teacher mums partner hit her", "section forty seven agreed joint investigation police lead no legal action at this stage ellie is staying with her gran tonight", `actions ${actions.map((a) => spokenAction(r, a)).join(stop)}`];
      return said.join(stop);
    }
    case "chat_log": {
      const lines: string[] = [];
      let t = 0;
      const at = () => `[10:${dd(t++)}]`;
      const chair = people[1] as Person;
      lines.push(`${at()} ${chair.first} ${chair.last}: Strategy discussion for Ellie, ${dd(day)}/${dd(mo)}/${y}. I'll chair.`);
      for (const p of people) if (p !== chair) lines.push(`${at()} ${p.first} ${p.last}: ${p.title ? `${p.title} ${p.last}` : p.first} here, ${p.roleTag}`);
      lines.push(`${at()} ${chair.first} ${chair.last}: s47 agreed, joint investigation police lead, no legal for now. Ellie at gran's tonight.`);
      for (const a of actions) {
        const d = a.due.text ? ` ${a.due.text}` : "";
        if (a.owner.self) lines.push(`${at()} ${writer.first} ${writer.last}: ${a.owner.written} ${a.task.to}${d}`);
        else if (a.owner.form === "first" || a.owner.form === "full" || a.owner.form === "titled") {
          // Sometimes the owner takes the task on themselves in the chat: "I'll ...", and the gold is the sender.
          const p = people.find((x) => a.owner.gold === x.first || a.owner.gold === `${x.first} ${x.last}` || a.owner.gold === `${x.title} ${x.last}`);
          if (p && chance(r, 0.5)) lines.push(`${at()} ${p.first} ${p.last}: ${pick(r, ["I'll", "I will", "Will"])} ${a.task.to}${d}`), (a.owner = { ...a.owner, gold: `${p.first} ${p.last}` });
          else lines.push(`${at()} ${chair.first} ${chair.last}: ${typedAction(r, a)}`);
        } else lines.push(`${at()} ${chair.first} ${chair.last}: ${typedAction(r, a)}`);
      }
      return lines.join("\n");
    }
    case "handwriting_typed": {
      const line = (a: Drawn) => {
        const o = a.owner.written;
        const d = a.due.text;
        if (!o) return `${a.task.short}${d ? ` ${d}` : ""} → ?`;
        const ow = a.owner.self ? "me" : o;
        return pick(r, [`${a.task.short} → ${ow}${d ? ` ${d}` : ""}`, `→ ${ow}: ${a.task.short}${d ? ` (${d.replace(/^by /, "")})` : ""}`, `${ow} → ${a.task.short}${d ? ` ${d}` : ""}`, `* ${ow} - ${a.task.short}${d ? ` - ${d.replace(/^by /, "")}` : ""}`]);
      };
      return `STRAT DISC ${day}/${mo}/${String(y).slice(2)} 10am TEAMS\n${present.toUpperCase().replace(/^PRESENT:/, "PRESENT")}\n\nCONCERNS\n${body}\n\nACTIONS\n${actions.map(line).join("\n")}`;
    }
    case "shorthand": {
      // Keyless, each person is their initials with the role after them in brackets: "SW (TM, ch)", initials that may
      // spell a role of their own.
      const pres = keyless
        ? `Pres: ${people.map((p) => `${p.title ? `${p.title} ` : ""}${ini(p)} (${p.roleTag}${p === people[1] ? ", ch" : ""})`).join(", ")}`
        : `Pres: ${people.map((p) => `${initials ? ini(p) : `${p.title ? `${p.title} ` : ""}${p.first} ${p.last}`} ${p.roleTag}${p === people[1] ? " (ch)" : ""}`).join(", ")}`;
      const key = initials && !keyless ? `\nKey: ${people.map((p) => `${ini(p)} = ${p.first} ${p.last}`).join(", ")}` : "";
      const mins = `\nMins: ${initials ? ini(writer) : writer.first}`;
      const line = (a: Drawn) => {
        const o = a.owner.self ? "me" : a.owner.written;
        const d = a.due.text.replace(/^by /, "");
        return o ? `${o} – ${a.task.short}${d ? ` – ${d}` : ""}` : `${a.task.short}${d ? ` – ${d}` : ""} – ?who`;
      };
      return `SD ${day}/${mo}/${String(y).slice(2)} 1000 Teams${mins}\n${pres}${key}\nConc: E (6) → teacher, mum's p/ship hit her, bruise arm.\nDec: s47 Y. Crim Y – pol lead. Legal N.\nE to MGM tonight, mum agreed.\nActs:\n${actions.map(line).join("\n")}`;
    }
  }
}

/** One note with its gold actions (the attendance, decisions and meeting facts fixed and plain). */
export function writeActionNote(r: Rng, n: number, format: ActionFormat): WrittenNote {
  const m = meetingDate(r);
  const people = drawPeople(r);
  const writer = people[0] as Person;
  // Initials stand for people only where the note gives a key; shorthand without one writes full names.
  const initials = format === "shorthand" ? chance(r, 0.6) : format === "handwriting_typed" || format === "bullets" ? chance(r, 0.3) : false;
  // Shorthand with no key to its initials; the chair's may spell a role ("SW" for Sarah Wells, a team manager).
  const keyless = format === "shorthand" && initials && chance(r, 0.4);
  if (keyless && chance(r, 0.6)) {
    const [first, last] = pick(r, [["Sarah", "Wells"], ["Helen", "Vaughan"], ["Dean", "Smith"]] as const);
    if (!people.some((p, i) => i !== 1 && (ini(p) === `${first[0]}${last[0]}` || p.first === first || p.last === last))) Object.assign(people[1] as Person, { first, last });
  }
  const tasks = [...TASKS].sort(() => r() - 0.5).slice(0, 3 + Math.floor(r() * 3));
  const spoken = format === "voice_to_text";
  const actions: Drawn[] = tasks.map((task) => {
    let owner = drawOwner(r, people, writer, initials, format);
    while (task.tell && (owner.form === "none" || owner.form === "all" || owner.form === "agency")) owner = drawOwner(r, people, writer, initials, format);
    return { task, owner, due: drawDue(r, m, spoken) };
  });
  const notes = write(r, format, m, people, writer, actions, initials, keyless);
  const goldActions: GoldAction[] = actions.map((a) => ({ what: a.task.noun, owner: spoken && a.owner.heard !== undefined ? a.owner.heard : a.owner.gold, due: a.due.gold }));
  const nameOf = (p: Person) => (keyless ? `${p.title ? `${p.title} ` : ""}${ini(p)}` : `${p.title ? `${p.title} ` : ""}${p.first} ${p.last}`);
  const attendees: GoldAttendee[] = people.map((p) => ({ name: nameOf(p), role: p.role, agency: p.agency, status: "took_part" }));
  const mustFlag: string[] = [];
  const mustNot: string[] = ["attendees.social_work", "attendees.police", "attendees.health", "actions"];
  if (actions.some((a) => !a.owner.gold)) mustFlag.push("actions.owner");
  else mustNot.push("actions.owner");
  if (actions.some((a) => a.due.form === "none")) mustFlag.push("actions.due");
  else if (actions.every((a) => a.due.gold)) mustNot.push("actions.due");
  const gold: Gold = {
    meeting: { date: iso(m), time: "10:00", format: "virtual" },
    child_ref: null,
    jurisdiction: "england",
    chair: keyless ? ini(people[1] as Person) : `${people[1]?.first} ${people[1]?.last}`,
    recorded_by: keyless ? ini(writer) : `${writer.first} ${writer.last}`,
    attendees,
    decisions: { section47: "yes", criminal_investigation: "yes", criminal_lead: format === "shorthand" ? "police" : "joint", legal_action: "no" },
    actions: goldActions,
    must_flag: mustFlag,
    must_not_flag: mustNot,
  };
  return { id: `act-${format}-${n}`, format, jurisdiction: "england", today: iso(addDays(m, 1)), notes, gold };
}

/** `count` notes in each format. */
export function writeActionNotes(r: Rng, count: number): WrittenNote[] {
  const out: WrittenNote[] = [];
  for (const format of ACTION_FORMATS) for (let i = 0; i < count; i++) out.push(writeActionNote(r, i, format));
  return out;
}
