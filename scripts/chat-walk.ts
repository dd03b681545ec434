/**
 * Chat logs of strategy discussions written from scratch, walking how practitioners talk in a
 * Teams chat rather than replaying typed notes: every role of the plan with its agency, said the
 * ways people introduce themselves ("SW here", "Amy from CAIT", "joining as the HV", a role in
 * the display name), attendance of those who did not write (apologies, a report, invited), and
 * every shape a task is agreed in: taken on in the first person ("I'll do the home visit
 * tomorrow"), asked and answered ("Amy can you do X by Friday?" / "Yes will do"), asked of a
 * role and answered by whoever holds it, an @mention, "Who can X?" / "Leave it with me", typed by
 * the chair as "Name to X", or left with nobody. Due dates are said as people say them in chat
 * (tomorrow, by Friday, end of the week, a date). Decisions are stated or agreed in an exchange
 * ("Are we agreed s47?" / "Agreed"). The log is pasted in one of the shapes Teams gives
 * ("[10:02] Name: ...", "Name 10:02", "Name, 10:02", directory names "Surname, First"), with
 * reactions, "Edited", system lines and a date of birth in the concerns (never the meeting's date).
 *
 * The gold record is built alongside the words, so it says exactly what the log states.
 */
import { addDays, dayOfWeek } from "../deadlines/index.js";
import type { Gold, GoldAction, GoldAttendee, WrittenNote } from "./note-writer.js";
import { dm } from "./chat-transcripts.js";
import { chance, pick, type Rng } from "../core/random.js";


const FIRST = ["Amy", "Ben", "Cerys", "Dan", "Ella", "Faye", "Gareth", "Hana", "Imran", "Jade", "Kieran", "Lowri", "Marcus", "Nia", "Priya", "Rhys", "Sian", "Tom", "Wendy", "Yusuf", "Zara", "Bethan", "Chloe", "Esther"];
const LAST = ["Ahmed", "Baker", "Cole", "Davies", "Evans", "Fox", "Grant", "Hughes", "Iqbal", "Jones", "Khan", "Lloyd", "Moss", "Nolan", "Price", "Quinn", "Reed", "Shaw", "Turner", "Walsh", "Young", "Kaur", "Mensah"];

/** A role as people say it of themselves in chat: short forms and the words, with their agency's words. */
const ROLES: { role: string; agency: string; said: string[]; from: string[] }[] = [
  { role: "social_worker", agency: "social_care", said: ["SW", "social worker", "allocated SW", "the SW"], from: ["CSC", "children's services", "the council", "MASH"] },
  { role: "team_manager", agency: "social_care", said: ["TM", "team manager", "the TM"], from: ["CSC", "children's services", "MASH"] },
  { role: "detective", agency: "police", said: ["DC", "detective", "DS"], from: ["CAIT", "police", "PPU", "the police"] },
  { role: "police_officer", agency: "police", said: ["PC", "police officer"], from: ["police", "the police", "response policing"] },
  { role: "paediatrician", agency: "health", said: ["paediatrician", "community paeds", "paeds"], from: ["the hospital", "health", "community paeds"] },
  { role: "health_visitor", agency: "health", said: ["HV", "health visitor", "the HV"], from: ["health", "the health visiting team"] },
  { role: "school_nurse", agency: "health", said: ["school nurse", "the school nurse"], from: ["health", "the school nursing team"] },
  { role: "gp", agency: "health", said: ["GP", "the GP"], from: ["the surgery", "health"] },
  { role: "midwife", agency: "health", said: ["midwife", "the midwife"], from: ["maternity", "health"] },
  { role: "dsl", agency: "education", said: ["DSL", "the DSL", "designated safeguarding lead"], from: ["school", "the school", "the academy"] },
  { role: "youth_justice_worker", agency: "youth_justice", said: ["YOT worker", "youth justice worker"], from: ["YOT", "youth justice"] },
];

/** Ways a person says who they are in chat; `{role}`, `{from}`, `{first}`. */
const INTRO = [
  "{role} here", "{first} here, {role}", "Hi all, {first} from {from}", "Hi, {first}, {role} {from}", "Morning - {role} here, {from}",
  "joining as the {bare}", "I'm the {bare} for the family", "{first}, {role}, {from}", "{role} from {from} here",
];
const TASKS = ["do the home visit", "see the child at school", "complete the chronology", "do PNC and intel checks", "share the health records", "arrange the CP medical", "speak to mum", "check the school attendance", "update the referrer", "request GP records", "book the ABE interview", "visit dad"];
const ACK = ["Yes", "Yes will do", "Yes no problem", "Can do", "Will do", "Yep, I'll pick that up", "Sure", "OK"];

export const WALK_STYLES = ["bracket", "name_time", "name_comma", "directory"] as const;
/** Styles not looked at while the reader is changed: the cross-validation by paste style. */
export const WALK_HELD_OUT = ["directory"];
/** Action shapes walked; `asked_role` and `volunteer` are never looked at in detail. */
export const ACTION_SHAPES = ["first_person", "asked_name", "mention", "chair_typed", "asked_role", "volunteer", "unowned"] as const;
type Shape = (typeof ACTION_SHAPES)[number];

interface Msg { who: string | null; text: string }

/** A due date as said in chat, with the date it means (the meeting is Monday to Thursday). */
function dueSaid(r: Rng, meeting: string, dated: boolean): { text: string; due: string | null } {
  const friday = addDays(meeting, 5 - dayOfWeek(meeting));
  const later = addDays(meeting, 1 + Math.floor(r() * 6));
  const options = [
    { text: "tomorrow", due: addDays(meeting, 1) },
    { text: "by Friday", due: friday },
    { text: "by end of the week", due: friday },
    { text: "today", due: meeting },
    { text: `by ${dm(later, true)}`, due: later },
    { text: `by ${Number(later.slice(8, 10))}/${Number(later.slice(5, 7))}`, due: later },
    { text: "", due: null },
  ];
  const o = pick(r, options);
  return dated || /\d/.test(o.text) ? o : { text: o.text, due: null };
}

/** One walked chat log with its gold record; `n` walks the roles and shapes in turn so every one is covered. */
export function walkChat(r: Rng, n: number, style: (typeof WALK_STYLES)[number]): WrittenNote {
  const wales = n % 3 === 0;
  const meeting = addDays("2025-03-03", 7 * (n % 40) + (n % 4));
  const startMin = 9 * 60 + Math.floor(r() * 420);
  const dated = chance(r, 0.7);
  // Senders: social work always writes (it chairs); the others walk the role plan.
  const roleIdx = [0, 1 + (n % (ROLES.length - 1)), 1 + ((n * 7 + 3) % (ROLES.length - 1)), ...(chance(r, 0.5) ? [1 + ((n * 5 + 1) % (ROLES.length - 1))] : [])];
  const used = new Set<string>();
  const people = [...new Set(roleIdx)].map((i) => {
    const R = ROLES[i]!;
    let first = pick(r, FIRST);
    while (used.has(first)) first = pick(r, FIRST);
    used.add(first);
    const last = pick(r, LAST);
    const shown = style === "directory" ? `${last}, ${first}` : `${first} ${last}`;
    return { ...R, first, last, shown, full: `${first} ${last}` };
  });
  const chair = people[0]!;
  const msgs: Msg[] = [];
  const say = (who: string | null, text: string) => msgs.push({ who, text });
  const attendees: GoldAttendee[] = [];
  const ref = chance(r, 0.8) ? `${pick(r, ["CS", "C-", "REF"])}${100000 + Math.floor(r() * 800000)}` : null;
  const place = wales ? pick(r, ["Cardiff", "Swansea", "Newport"]) : null;

  if (style !== "bracket" && chance(r, 0.5)) for (const p of people.slice(1)) say(null, `${p.shown} joined the meeting`);
  say(chair.shown, `${pick(r, ["Morning all", "Hi all", "Thanks for joining"])} - strategy discussion${ref ? ` for ${ref}` : ""}${place ? ` (${place} Children's Services)` : ""}. ${pick(r, ["I'll chair.", "I'm chairing."])}`);
  for (const [i, p] of people.entries()) {
    const intro = pick(r, INTRO)
      .replace("{role}", pick(r, p.said))
      .replace("{bare}", pick(r, p.said).replace(/^the /, ""))
      .replace("{first}", p.first)
      .replace("{from}", pick(r, p.from));
    say(p.shown, intro.replace(/^(\w)/, (c) => c.toUpperCase()));
    attendees.push({ name: p.shown, role: p.role, agency: p.agency, status: "took_part" });
    if (i === 0 && chance(r, 0.3)) say(null, "👍 2");
  }
  // Those who did not write, as the chair says it.
  const absent = ROLES[1 + ((n * 3 + 2) % (ROLES.length - 1))]!;
  const status = pick(r, ["apologies", "sent_report", "invited_absent", "none"] as const);
  if (status !== "none" && !people.some((p) => p.role === absent.role)) {
    const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const who = `${name} (${absent.said[0]})`;
    const said = { apologies: [`Apologies from ${who}`, `${who} sends apologies`], sent_report: [`${who} has sent a report`, `Report received from ${who}`], invited_absent: [`${who} was invited but hasn't joined`] };
    say(chair.shown, pick(r, said[status]));
    attendees.push({ name, role: absent.role, agency: absent.agency, status });
  }
  const age = 2 + Math.floor(r() * 13);
  const dob = `${String(1 + Math.floor(r() * 28)).padStart(2, "0")}/${String(1 + Math.floor(r() * 12)).padStart(2, "0")}/${2024 - age}`;
  say(chair.shown, `Concerns: ${age}yo (DOB ${dob}) ${pick(r, ["disclosed at school that dad hit her", "has a bruise to the cheek, no explanation", "found home alone overnight"])}`);
  const health = people.find((p) => p.agency === "health");
  if (health) say(health.shown, pick(r, ["Known to us, last seen 3 weeks ago, no concerns noted then", "We have no recent contact, will check records"]));

  // Decisions: stated by the chair, or asked and agreed.
  const s47 = pick(r, ["yes", "yes", "no", "undecided"] as const);
  if (s47 === "yes" && chance(r, 0.5)) {
    say(chair.shown, pick(r, ["Are we agreed this meets threshold for s47?", "Everyone agree s47?"]));
    for (const p of people.slice(1, 3)) say(p.shown, pick(r, ["Agreed", "Yes agree", "Agree"]));
  } else say(chair.shown, { yes: "S47 agreed - threshold met", no: "Threshold not met for s47, CIN assessment instead", undecided: "s47 decision to be made by the TM tomorrow" }[s47]);
  const police = people.find((p) => p.agency === "police");
  const crim = police ? pick(r, ["yes", "no"] as const) : "undecided";
  if (police) say(police.shown, crim === "yes" ? pick(r, ["We'll run a criminal investigation alongside, police lead", "Police will lead the criminal investigation"]) : pick(r, ["No criminal investigation from our side", "Police NFA"]));
  const legal = pick(r, ["no", "undecided"] as const);
  if (legal === "no") say(chair.shown, "No legal action at this stage");
  say(chair.shown, pick(r, ["Mum to be told of the s47 today", "Parents to be informed by SW this afternoon"]));
  say(chair.shown, pick(r, ["Child safe with gran tonight", "Child seen at school today and safe"]));

  // Actions, one shape each, walking the shapes.
  const actions: GoldAction[] = [];
  const count = 2 + Math.floor(r() * 3);
  const tasks = [...TASKS].sort(() => r() - 0.5).slice(0, count);
  for (const [k, task] of tasks.entries()) {
    const shape: Shape = ACTION_SHAPES[(n + k * 3) % ACTION_SHAPES.length]!;
    const due = dueSaid(r, meeting, dated);
    const dueText = due.text ? ` ${due.text}` : "";
    const doer = pick(r, people);
    const other = people.find((p) => p !== chair && p !== doer) ?? chair;
    const asker = doer === chair ? other : chair;
    switch (shape) {
      case "first_person":
        say(doer.shown, `${pick(r, ["I'll", "I will", "I can", "I'm happy to"])} ${task}${dueText}`);
        break;
      case "asked_name":
        say(asker.shown, `${pick(r, [doer.first, `@${doer.first}`])} ${pick(r, ["can you", "are you able to", "could you"])} ${task}${dueText}?`);
        say(doer.shown, pick(r, ACK));
        break;
      case "mention":
        say(asker.shown, `@${doer.full} please ${task}${dueText}`);
        if (chance(r, 0.5)) say(doer.shown, pick(r, ["👍", "Will do", "Noted"]));
        break;
      case "chair_typed":
        say(chair.shown, `${pick(r, ["Action:", ""])} ${doer.first} to ${task}${dueText}`.trim());
        break;
      case "asked_role":
        say(asker.shown, `Can ${pick(r, doer.said).replace(/^the /, "the ")} ${task}${dueText}?`.replace("Can ", pick(r, ["Can ", "Could "])));
        say(doer.shown, pick(r, ACK));
        break;
      case "volunteer":
        say(asker.shown, `Who can ${task}${dueText}?`);
        say(doer.shown, pick(r, ["Leave that with me", "I'll take that", "Me - I'll do it", "I can do that"]));
        break;
      case "unowned":
        say(chair.shown, `Still need someone to ${task}${dueText}`);
        break;
    }
    actions.push({ what: task, owner: shape === "unowned" ? null : doer.shown, due: due.due });
  }
  if (chance(r, 0.4)) msgs[msgs.length - 1]!.text += style === "bracket" ? " (edited)" : "\nEdited";
  say(chair.shown, pick(r, ["Thanks all", "Thanks everyone, I'll circulate"]));
  if (chance(r, 0.4)) say(null, `${pick(r, people).shown} left the meeting`);

  // Pasted.
  const lines: string[] = [];
  const longDate = `${["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][dayOfWeek(meeting) % 7]} ${Number(meeting.slice(8, 10))} ${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][Number(meeting.slice(5, 7)) - 1]} ${meeting.slice(0, 4)}`;
  // What the practitioner pasting the log puts above it: the chat's day divider, or a title line of their own
  // (with the date when the log shows none); or Teams' own date in each header ("[17/03 10:42]", no year this year).
  const above = dated ? pick(r, ["divider", "divider", "title", "title", "headers"] as const) : pick(r, ["none", "none", "title"] as const);
  const titled = (withDate: boolean) =>
    `${pick(r, ["Strategy discussion", "Strat disc", "Strategy meeting (Teams chat)", "Chat - strategy discussion"])}${ref && chance(r, 0.5) ? ` re ${ref}` : ""}${withDate ? ` ${pick(r, ["-", "on", ""])} ${pick(r, [dm(meeting, true), longDate])}` : ""}`.replace(/\s+/g, " ");
  if (above === "divider") lines.push(pick(r, [dm(meeting, true), longDate]));
  if (above === "title") lines.push(titled(dated), "");
  let minute = startMin;
  let started: string | null = null;
  for (const m of msgs) {
    if (m.who === null) {
      lines.push(m.text);
      continue;
    }
    minute += chance(r, 0.6) ? 1 : 0;
    const t = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    started ??= t;
    if (style === "bracket") lines.push(`[${above === "headers" ? `${dm(meeting, false)} ` : ""}${t}] ${m.who}: ${m.text}`);
    else if (style === "name_comma") lines.push(`${m.who}, ${above === "headers" ? `${dm(meeting, false)} ` : ""}${t}`, m.text, "");
    else lines.push(`${m.who} ${above === "headers" ? `${dm(meeting, false)} ` : ""}${t}`, m.text, "");
  }
  const gaps: string[] = [];
  if (!dated) gaps.push("date");
  if (!ref) gaps.push("child_ref");
  if (!police) gaps.push("attendees.police", "decisions.criminal_investigation");
  if (!people.some((p) => p.agency === "health")) gaps.push("attendees.health");
  if (s47 === "undecided") gaps.push("decisions.section47");
  if (actions.some((a) => a.owner === null)) gaps.push("actions.owner");
  const all = ["date", "child_ref", "concerns", "attendees.social_work", "attendees.health", "attendees.police", "decisions.section47", "decisions.criminal_investigation", "actions", "actions.owner", "decisions.share_with_family", "decisions.child_welfare"];
  const gold: Gold = {
    // The discussion began when its first message was sent: the log states no other time for it.
    meeting: { date: dated ? meeting : null, time: started, format: "virtual" },
    child_ref: ref,
    jurisdiction: wales ? "wales" : "england",
    chair: chair.shown,
    recorded_by: null,
    attendees,
    decisions: { section47: s47, criminal_investigation: crim, criminal_lead: crim === "yes" ? "police" : null, legal_action: legal },
    actions,
    must_flag: gaps,
    must_not_flag: all.filter((g) => !gaps.includes(g)),
  };
  return { id: `walk-${n}-${style}`, format: style, jurisdiction: wales ? "wales" : "england", today: addDays(meeting, 1), notes: lines.join("\n").replace(/\n{3,}/g, "\n\n").trim(), gold };
}

/** `count` walked chat logs in each paste style. */
export function walkChats(r: Rng, count: number): WrittenNote[] {
  return WALK_STYLES.flatMap((style) => Array.from({ length: count }, (_, n) => walkChat(r, n, style)));
}
