/**
 * Strategy discussion notes written from records drawn at random, in the formats and
 * shapes practitioners use, with the gold record each was written from. It walks what
 * the team's notes cannot cover one by one: every role by its aliases in the lexicon,
 * names written in full, by first name, by title or by initials, before or after the
 * role, with every separator, attendance said every way, actions with the doer first,
 * last, after a colon or in the passive, due dates in every shape, and decisions in
 * their shorthand, in headed notes, bullets, one-line messages, abbreviated notes,
 * e-mails and tables.
 *
 * The reader is measured on these as a set of its own ("generated"), apart from the
 * team's notes: a shape the reader does not know shows up here first.
 */
import { addDays, dayOfWeek } from "../deadlines/index.js";
import { rolesData } from "../lexicon/index.js";
import { chance, pick, type Rng } from "../core/random.js";


/** A gold record: what a careful practitioner reads from a note (the held-out sets' schema, test/heldout/README.md). */
export interface GoldAttendee { name: string | null; role: string; agency: string; status: string }
export interface GoldAction { what: string; owner: string | null; due: string | null }
export interface Gold {
  meeting: { date: string | null; time: string | null; format: string | null };
  child_ref: string | null;
  jurisdiction: string;
  chair: string | null;
  recorded_by: string | null;
  attendees: GoldAttendee[];
  decisions: { section47: string; criminal_investigation: string; criminal_lead: string | null; legal_action: string };
  actions: GoldAction[];
  must_flag: string[];
  must_not_flag: string[];
}
export interface WrittenNote {
  id: string;
  format: string;
  jurisdiction: "england" | "wales";
  today: string;
  notes: string;
  gold: Gold;
}

const FIRST = ["Amy", "Ben", "Cerys", "Dan", "Ella", "Faye", "Gareth", "Hana", "Imran", "Jade", "Kieran", "Lowri", "Marcus", "Nia", "Owen", "Priya", "Rhys", "Sian", "Tom", "Una", "Vik", "Wendy", "Yusuf", "Zara", "Aled", "Bethan", "Chloe", "Dafydd", "Esther", "Ffion"];
const LAST = ["Ahmed", "Baker", "Cole", "Davies", "Evans", "Fox", "Grant", "Hughes", "Iqbal", "Jones", "Khan", "Lloyd", "Moss", "Nolan", "Owen", "Price", "Quinn", "Reed", "Shaw", "Turner", "Vaughan", "Walsh", "Young", "Parry", "Rees", "Bowen", "Hale", "Kaur", "Mensah", "Novak"];

// The roles of the gold schema, with the agency and group each counts for; aliases come from the lexicon.
const ROLE_PLAN: { role: string; id: string; agency: string; title?: string }[] = [
  { role: "social_worker", id: "social_worker", agency: "social_care" },
  { role: "team_manager", id: "team_manager", agency: "social_care" },
  { role: "detective", id: "detective", agency: "police", title: "DC" },
  { role: "police_officer", id: "police_officer", agency: "police", title: "PC" },
  { role: "paediatrician", id: "paediatrician", agency: "health", title: "Dr" },
  { role: "health_visitor", id: "health_visitor", agency: "health" },
  { role: "school_nurse", id: "school_nurse", agency: "health" },
  { role: "gp", id: "gp", agency: "health", title: "Dr" },
  { role: "midwife", id: "midwife", agency: "health" },
  { role: "dsl", id: "dsl", agency: "education" },
  { role: "head_teacher", id: "head_teacher", agency: "education" },
  { role: "youth_justice_worker", id: "youth_justice_worker", agency: "youth_justice" },
  { role: "probation_officer", id: "probation_officer", agency: "probation" },
];

/** The ways people commonly write a role: its short forms in capitals and its plain words, from the lexicon. */
function aliasesOf(id: string): string[] {
  const role = rolesData().roles.find((r) => r.id === id);
  const all = (role?.aliases ?? []).map((a) => (typeof a === "string" ? a : a.text));
  // The first few aliases of each role are its everyday forms; the rest are rarer spellings.
  return all.filter((a) => !/['’/()]/.test(a) && a.length <= 30);
}

interface Person { first: string; last: string; role: string; id: string; agency: string; title?: string; status: string; written: string; alias: string; chair: boolean }

/** How a person's name is written: in full, first name, title and surname, or initials (abbreviated notes). */
function nameForm(r: Rng, p: { first: string; last: string; title?: string }, style: string): string {
  if (style === "abbreviated" && chance(r, 0.5)) return `${p.first[0]}${p.last[0]}`;
  const forms = [`${p.first} ${p.last}`, p.first, ...(p.title ? [`${p.title} ${p.last}`, `${p.title} ${p.first} ${p.last}`] : [`${pick(r, ["Mr", "Mrs", "Ms"])} ${p.last}`])];
  return pick(r, forms);
}

/** One person written with their role in one of the shapes lists use. */
function personText(r: Rng, name: string, alias: string, style: string): string {
  // A police title says the role by itself ("DC Amy Hughes"); a doctor's does not say which doctor.
  const titled = /^(DC|PC)\s/.test(name);
  if (titled && (alias === name.split(" ")[0] || chance(r, 0.4))) return name;
  const shapes = [
    `${name} (${alias})`, `${name} - ${alias}`, `${name}, ${alias}`, `${name} ${alias}`, `${alias} ${name}`, `${alias}: ${name}`, `${alias} – ${name}`,
    ...(style === "abbreviated" ? [`${alias}/${name}`, `${alias} (${name})`] : []),
  ];
  return pick(r, shapes);
}

const STATUS_WORDS: Record<string, string[]> = {
  apologies: ["apologies", "apols", "sent apologies", "on leave", "off sick"],
  invited_absent: ["invited, did not attend", "DNA", "did not join", "couldn't make it", "no show", "not present"],
  sent_report: ["sent report", "report received", "sent a written report", "report sent by email"],
};

const CONCERNS = [
  "{age}yo with bruising to the face, no explanation from parents",
  "{age}yo disclosed that dad hit her with a belt; marks seen by school",
  "{age}yo found home alone overnight; flat dirty, no food",
  "{age}yo said mum's partner pushed him down the stairs",
  "{age}yo missing overnight, found with older males; exploitation concerns",
  "{age}yo with a burn to the hand; parents' explanation inconsistent",
];
const WELFARE = ["Child to stay with gran tonight under a safety plan.", "Child seen alone at school today and says she feels safe.", "YP to stay with aunt while enquiries continue.", "Safety plan agreed with mum; dad to stay away from the home."];
const SHARE = ["Mum to be told of the s47 today.", "Parents informed of the enquiries by SW.", "Dad not to be told until police have spoken to him.", "Mum aware and supportive."];
const TASKS = ["complete chronology", "PNC and intelligence checks", "share health records", "request school attendance records", "arrange CP medical", "ABE interview", "interview dad", "refer to CAMHS", "send GP records", "update the referrer"];

function iso(d: string): string {
  return d;
}

/** A due date written one way, with the date it means (counted from the meeting, which falls Monday to Thursday). */
function dueText(r: Rng, meeting: string, dated: boolean): { text: string; due: string | null } {
  const d = (n: number) => addDays(meeting, n);
  const dm = (x: string) => `${Number(x.slice(8, 10))}/${Number(x.slice(5, 7))}`;
  const dmy = (x: string) => `${x.slice(8, 10)}/${x.slice(5, 7)}/${x.slice(0, 4)}`;
  const friday = d(5 - dayOfWeek(meeting));
  const later = d(1 + Math.floor(r() * 6));
  const options: { text: string; due: string | null }[] = [
    { text: dmy(later), due: later },
    { text: `by ${dmy(later)}`, due: later },
    { text: dm(later), due: later },
    { text: `by ${dm(later)}`, due: later },
    { text: "today", due: meeting },
    { text: "EOD", due: meeting },
    { text: "tomorrow", due: d(1) },
    { text: "tmrw", due: d(1) },
    { text: "by Friday", due: friday },
    { text: "Fri", due: friday },
    { text: "by end of week", due: friday },
    { text: "asap", due: null },
    { text: "ongoing", due: null },
  ];
  const chosen = pick(r, options);
  // Without the meeting's date in the notes, words counted from it give no date.
  return dated || /^(by )?\d/.test(chosen.text) ? chosen : { text: chosen.text, due: null };
}

/** One action written in a shape notes use: doer first, last, after a colon, or in the passive. */
function actionText(r: Rng, what: string, owner: string | null, due: string, style: string): string {
  if (!owner) return pick(r, [`${what} - ${due}`, `${what} ${due}`, `${what} to be done ${due}`]);
  const shapes = [
    `${owner} to ${what} ${due}`,
    `${owner} - ${what} - ${due}`,
    `${owner}: ${what} ${due}`,
    `${what} – ${owner} – ${due}`,
    `${what} (${owner}) ${due}`,
    ...(style !== "abbreviated" ? [`${what} to be done by ${owner} ${due}`] : []),
  ];
  return pick(r, shapes);
}

const S47 = { yes: ["S47 agreed", "s47 - yes", "S47 ✓ threshold met", "section 47 enquiries to start"], no: ["No s47 - CIN assessment instead", "S47 not agreed, threshold not met", "NFA s47"], undecided: ["s47 to be decided by TM tomorrow", "S47 decision pending further checks"] };
const CRIM = {
  police: ["police to lead criminal investigation", "crim inv - police lead", "Police will investigate"],
  joint: ["joint investigation, police lead", "jt inv - pol lead crim"],
  no: ["no police investigation", "crim inv - no", "police NFA"],
  undecided: ["police to decide on investigation after ABE scoping", "criminal investigation decision awaited"],
};
const LEGAL = { yes: ["LPM requested", "legal planning meeting to be requested"], no: ["no legal action", "legal - no", "LPM not needed"], undecided: [] as string[] };

/** Write one note of the given format from a record drawn at random. */
export function writeNote(r: Rng, n: number, format: string): WrittenNote {
  const wales = chance(r, 0.3);
  // A meeting on Monday to Thursday, in 2025.
  let meeting = addDays("2025-01-06", Math.floor(r() * 330));
  while (dayOfWeek(meeting) === 0 || dayOfWeek(meeting) >= 5) meeting = addDays(meeting, 1);
  const today = meeting;
  const hasDate = chance(r, 0.9);
  const time = chance(r, 0.8) ? pick(r, ["09:30", "10:00", "11:15", "13:00", "14:30", "15:45"]) : null;
  const fmt = chance(r, 0.85) ? pick(r, ["virtual", "phone", "meeting"] as const) : null;
  const ref = chance(r, 0.85) ? pick(r, [`C-${10000 + Math.floor(r() * 89999)}`, `LCS ${1000000 + Math.floor(r() * 8999999)}`, `${1000000 + Math.floor(r() * 8999999)}`]) : null;
  const used = new Set<string>();
  const person = (plan: (typeof ROLE_PLAN)[number], status: string): Person => {
    let first = pick(r, FIRST);
    let last = pick(r, LAST);
    while (used.has(first) || used.has(last)) {
      first = pick(r, FIRST);
      last = pick(r, LAST);
    }
    used.add(first);
    used.add(last);
    const aliases = aliasesOf(plan.id);
    const alias = chance(r, 0.6) ? (aliases[0] ?? plan.role) : pick(r, aliases.slice(0, 8));
    const p = { first, last, role: plan.role, id: plan.id, agency: plan.agency, ...(plan.title ? { title: plan.title } : {}), status, alias, chair: false, written: "" };
    return { ...p, written: nameForm(r, p, format) };
  };
  const plan = (role: string) => ROLE_PLAN.find((x) => x.role === role) as (typeof ROLE_PLAN)[number];
  const people: Person[] = [];
  people.push(person(plan("social_worker"), chance(r, 0.9) ? "took_part" : "apologies"));
  if (chance(r, 0.5)) people.push(person(plan("team_manager"), "took_part"));
  people.push(person(plan(pick(r, ["detective", "police_officer"])), chance(r, 0.8) ? "took_part" : pick(r, ["apologies", "invited_absent"])));
  people.push(person(plan(pick(r, ["health_visitor", "gp", "paediatrician", "school_nurse", "midwife"])), chance(r, 0.8) ? "took_part" : pick(r, ["apologies", "invited_absent", "sent_report"])));
  if (chance(r, 0.6)) people.push(person(plan(pick(r, ["dsl", "head_teacher"])), "took_part"));
  if (chance(r, 0.15)) people.push(person(plan(pick(r, ["youth_justice_worker", "probation_officer"])), "took_part"));
  const chair = people.find((p) => p.role === "team_manager") ?? people[0];
  if (chair && chance(r, 0.5)) chair.chair = true;

  const s47 = pick(r, ["yes", "yes", "yes", "no", "undecided"] as const);
  const crimKind = pick(r, ["police", "joint", "no", "undecided"] as const);
  const legal = s47 === "yes" ? pick(r, ["yes", "no", "undecided"] as const) : pick(r, ["no", "undecided"] as const);
  const hasConcern = chance(r, 0.95);
  const hasShare = chance(r, 0.8);
  const hasWelfare = chance(r, 0.8);
  const took = people.filter((p) => p.status === "took_part");
  const actions: { what: string; owner: Person | null; ownerText: string | null; due: { text: string; due: string | null } }[] = [];
  const nActs = chance(r, 0.9) ? 1 + Math.floor(r() * 4) : 0;
  const tasks = [...TASKS].sort(() => r() - 0.5);
  for (let i = 0; i < nActs; i++) {
    const owner = chance(r, 0.9) ? pick(r, took) : null;
    const ownerText = owner ? (chance(r, 0.5) ? owner.written : owner.alias) : null;
    actions.push({ what: tasks[i] ?? "complete chronology", owner, ownerText, due: dueText(r, meeting, hasDate) });
  }

  const dmy = `${meeting.slice(8, 10)}/${meeting.slice(5, 7)}/${meeting.slice(0, 4)}`;
  const dm = `${Number(meeting.slice(8, 10))}/${Number(meeting.slice(5, 7))}`;
  const dateText = hasDate ? pick(r, [dmy, dm, "today"]) : "";
  const fmtText = fmt ? pick(r, { virtual: ["Teams", "MS Teams", "virtual"], phone: ["phone", "by phone", "tel"], meeting: ["in person", "face to face", "F2F"] }[fmt]) : "";
  const place = wales ? pick(r, ["Cardiff", "Swansea", "Gwynedd", "Wrexham", "Powys"]) : pick(r, ["Leeds", "Kent", "Bristol", "Norfolk", "Surrey"]);
  const age = 2 + Math.floor(r() * 13);
  const concern = pick(r, CONCERNS).replace("{age}", String(age));
  const s47Text = pick(r, S47[s47]);
  const crimText = pick(r, CRIM[crimKind]);
  const legalText = legal === "undecided" ? "" : pick(r, LEGAL[legal]);
  const shareText = hasShare ? pick(r, SHARE) : "";
  const welfareText = hasWelfare ? pick(r, WELFARE) : "";
  const withStatus = (p: Person, text: string) => (p.status === "took_part" ? text : `${text} - ${pick(r, STATUS_WORDS[p.status] ?? ["apologies"])}`);
  const listed = people.map((p) => withStatus(p, personText(r, p.written, p.alias, format) + (p.chair ? " (chair)" : "")));
  const acts = actions.map((a) => actionText(r, a.what, a.ownerText, a.due.text, format));
  const timeText = time ?? "";
  const refText = ref ? `ref ${ref}` : "";

  let notes: string;
  switch (format) {
    case "teams_oneline": {
      const sep = pick(r, [", ", "; ", " + ", ", "]);
      notes = [
        `strat ${[dateText, timeText, fmtText].filter(Boolean).join(" ")} ${refText} ${place}`.replace(/\s+/g, " ").trim(),
        `${pick(r, ["present:", "on the call:", "with", "attendees:", "present were"])} ${listed.join(sep)}.`,
        hasConcern ? `${concern}.` : "",
        `${s47Text}, ${crimText}${legalText ? `, ${legalText}` : ""}.`,
        shareText,
        welfareText,
        acts.length ? `${acts.join(pick(r, [", ", "; "]))}.` : "",
      ].filter(Boolean).join(pick(r, [" - ", ". "])).replace(/\.\./g, ".").replace(/\.\s*-\s*/g, ". ");
      break;
    }
    case "abbreviated":
      notes = [
        `SD ${[dateText, timeText.replace(":", ""), fmt ? pick(r, { virtual: ["MST"], phone: ["tel"], meeting: ["F2F"] }[fmt]) : ""].filter(Boolean).join(" ")}${ref ? `. Ref ${ref}` : ""}. ${place}.`,
        `Pres: ${people.filter((p) => p.status === "took_part").map((p) => personText(r, p.written, p.alias, format) + (p.chair ? " (chair)" : "")).join("; ")}`,
        people.some((p) => p.status !== "took_part") ? `Apols: ${people.filter((p) => p.status !== "took_part").map((p) => withStatus(p, personText(r, p.written, p.alias, format))).join("; ")}` : "",
        hasConcern ? `Conc: ${concern}` : "",
        `Dec: ${s47Text}. ${crimText}.${legalText ? ` ${legalText}.` : ""} ${shareText} ${welfareText}`.trim(),
        acts.length ? `Acts: ${acts.join("; ")}` : "",
      ].filter(Boolean).join("\n");
      break;
    case "email":
      notes = [
        `Subject: Strategy discussion ${refText}`.trim(),
        "",
        "Hi all,",
        "",
        `Notes from the strategy discussion ${dateText ? `held ${dateText}` : ""} ${timeText ? `at ${timeText}` : ""} ${fmtText ? `(${fmtText})` : ""}, ${place}.`.replace(/\s+/g, " "),
        "",
        `Present: ${people.map((p) => withStatus(p, personText(r, p.written, p.alias, format) + (p.chair ? " (chair)" : ""))).join(", ")}.`,
        "",
        hasConcern ? `Concern: ${concern}.` : "",
        "",
        `${s47Text}. ${crimText}.${legalText ? ` ${legalText}.` : ""} ${shareText} ${welfareText}`.trim(),
        "",
        acts.length ? `Actions:\n${acts.join("\n")}` : "",
        "",
        "Kind regards",
        `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`,
      ].join("\n").replace(/\n{3,}/g, "\n\n");
      break;
    case "table_pipes":
      notes = [
        `Strategy discussion ${[dateText, timeText, fmtText].filter(Boolean).join(" ")} ${refText} ${place}`.replace(/\s+/g, " ").trim(),
        "| Name | Role | Attended |",
        "|---|---|---|",
        ...people.map((p) => `| ${p.written}${p.chair ? " (chair)" : ""} | ${p.alias} | ${p.status === "took_part" ? "Y" : pick(r, STATUS_WORDS[p.status] ?? ["N"])} |`),
        hasConcern ? `Concerns: ${concern}` : "",
        `Decisions: ${s47Text}. ${crimText}.${legalText ? ` ${legalText}.` : ""}`,
        shareText,
        welfareText,
        ...(acts.length ? ["| Action | Owner | Due |", "|---|---|---|", ...actions.map((a) => `| ${a.what} | ${a.ownerText ?? ""} | ${a.due.text} |`)] : []),
      ].filter(Boolean).join("\n");
      break;
    case "minutes_plain": {
      // A council's minutes template pasted as plain text (from Word into an e-mail or a case system's box): form
      // lines, and tables whose columns are lined up with runs of spaces. An empty cell would close up its columns,
      // so a template writes "TBC" where nothing is known.
      const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(Math.max(widths[i] ?? 0, c.length + 2 + Math.floor(r() * 3))) : c)).join("");
      const agencyWords: Record<string, string> = { social_care: "Children's Services", police: "Police", health: "NHS", education: "School", youth_justice: "YOT", probation: "Probation Service" };
      const statusWord: Record<string, string[]> = { took_part: ["Present", "Attended", "Y"], apologies: ["Apologies", "Apols"], invited_absent: ["Did not attend", "DNA", "Not present"], sent_report: ["Report sent", "Report provided"] };
      const aw = [24, 22, 22];
      const tw = [34, 24];
      notes = [
        pick(r, ["STRATEGY DISCUSSION MINUTES", "Strategy Discussion - Record", "STRATEGY MEETING / DISCUSSION"]),
        [hasDate ? `Date of meeting: ${dateText}` : "Date of meeting:", time ? `Time: ${time}` : "", fmtText ? `Format: ${fmtText}` : ""].filter(Boolean).join(" ".repeat(4 + Math.floor(r() * 8))),
        ref ? `${pick(r, ["Child ID", "Child's ref", "Case number"])}: ${ref}` : "",
        `Local authority: ${place}`,
        chair?.chair ? `Chair: ${chair.written} (${chair.alias})` : "",
        "",
        pad(["Name", "Role", "Agency", pick(r, ["Present/Apologies", "Attended", "Attendance"])], aw),
        ...people.map((p) => pad([p.written, p.alias, agencyWords[p.agency] ?? "Other", pick(r, statusWord[p.status] ?? ["Present"])], aw)),
        "",
        hasConcern ? `Reason for strategy discussion: ${concern}` : "",
        "",
        "Decisions",
        `Section 47 enquiries: ${s47Text}`,
        `Criminal investigation: ${crimText}`,
        legalText ? `Legal planning: ${legalText}` : "",
        shareText ? `Information sharing with family: ${shareText}` : "",
        welfareText ? `Child's safety: ${welfareText}` : "",
        "",
        ...(acts.length ? [pad(["Action", "Owner", pick(r, ["Timescale", "By when", "Due date"])], tw), ...actions.map((a) => pad([a.what, a.ownerText ?? "TBC", a.due.text || "TBC"], tw))] : []),
      ].join("\n").replace(/\n{3,}/g, "\n\n");
      break;
    }
    default: {
      // Headed blocks, bullets or one person a line.
      const bullet = format === "bullets" ? pick(r, ["- ", "• ", "* "]) : "";
      const list = (xs: string[]) => xs.map((x) => `${bullet}${x}`);
      notes = [
        `Strategy discussion – ${place}`,
        [hasDate ? `Date: ${dateText}` : "", time ? `Time: ${time}` : "", fmtText ? `Format: ${fmtText}` : ""].filter(Boolean).join(pick(r, ["  ", " | ", "\n"])),
        ref ? `Child ref: ${ref}` : "",
        "",
        pick(r, ["Present:", "Attendees:", "In attendance:", "PRESENT"]),
        ...list(people.filter((p) => p.status === "took_part").map((p) => personText(r, p.written, p.alias, format) + (p.chair ? " (chair)" : ""))),
        ...(people.some((p) => p.status !== "took_part" && p.status !== "invited_absent") ? ["", "Apologies:", ...list(people.filter((p) => p.status !== "took_part" && p.status !== "invited_absent").map((p) => withStatus(p, personText(r, p.written, p.alias, format))))] : []),
        ...(people.some((p) => p.status === "invited_absent") ? ["", "Not present:", ...list(people.filter((p) => p.status === "invited_absent").map((p) => withStatus(p, personText(r, p.written, p.alias, format))))] : []),
        "",
        ...(hasConcern ? ["Concerns:", ...list([concern]), ""] : []),
        "Decisions:",
        ...list([s47Text, crimText, legalText, shareText, welfareText].filter(Boolean)),
        "",
        ...(acts.length ? ["Actions:", ...list(acts)] : []),
      ].join("\n").replace(/\n{3,}/g, "\n\n");
    }
  }

  const groups: Record<string, string> = { social_care: "attendees.social_work", health: "attendees.health", police: "attendees.police" };
  const missingGroups = Object.entries(groups).filter(([agency]) => !people.some((p) => p.agency === agency && p.status === "took_part")).map(([, code]) => code);
  const must: string[] = [
    ...(hasDate ? [] : ["date"]),
    ...(ref ? [] : ["child_ref"]),
    ...(hasConcern ? [] : ["concerns"]),
    ...missingGroups,
    ...(s47 === "undecided" ? ["decisions.section47"] : []),
    ...(crimKind === "undecided" ? ["decisions.criminal_investigation"] : []),
    // Legal action is asked wherever section 47 enquiries start or may start (records/check.ts).
    ...(s47 !== "no" && legal === "undecided" ? ["decisions.legal_action"] : []),
    ...(actions.length === 0 ? ["actions"] : []),
    ...(actions.some((a) => !a.owner) ? ["actions.owner"] : []),
    ...(actions.some((a) => !a.due.due) ? ["actions.due"] : []),
    ...(hasShare ? [] : ["decisions.share_with_family"]),
  ];
  const ALL = ["date", "child_ref", "concerns", "attendees.social_work", "attendees.health", "attendees.police", "decisions.section47", "decisions.criminal_investigation", "decisions.legal_action", "actions", "actions.owner", "actions.due", "decisions.share_with_family", "decisions.child_welfare"];
  // Whether the child's welfare was considered can also be read from the tasks; only its presence is gold.
  const mustNot = ALL.filter((c) => !must.includes(c) && (c !== "decisions.child_welfare" || hasWelfare));
  const goldName = (p: Person) => p.written;
  return {
    id: `g${String(n).padStart(3, "0")}`,
    format,
    jurisdiction: wales ? "wales" : "england",
    today,
    notes,
    gold: {
      meeting: { date: hasDate ? iso(meeting) : null, time, format: fmt },
      child_ref: ref,
      jurisdiction: wales ? "wales" : "england",
      chair: chair?.chair ? chair.written : null,
      recorded_by: null,
      attendees: people.map((p) => ({ name: goldName(p), role: p.role, agency: p.agency, status: p.status })),
      decisions: { section47: s47, criminal_investigation: crimKind === "undecided" ? "undecided" : crimKind === "no" ? "no" : "yes", criminal_lead: crimKind === "police" || crimKind === "joint" ? crimKind : null, legal_action: legal },
      actions: actions.map((a) => ({ what: a.what, owner: a.ownerText, due: a.due.due })),
      must_flag: must,
      must_not_flag: mustNot,
    },
  };
}

export const WRITTEN_FORMATS = ["headed", "bullets", "per_line", "teams_oneline", "abbreviated", "email", "table_pipes"] as const;
/** Formats added in round 8, written apart (`--templates N`) so the formats above keep their notes. */
export const TEMPLATE_FORMATS = ["minutes_plain"] as const;

/** `count` notes, the formats in turn, from one seed. */
export function writeNotes(rng: Rng, count: number, formats: readonly string[] = WRITTEN_FORMATS): WrittenNote[] {
  return Array.from({ length: count }, (_, i) => writeNote(rng, i, formats[i % formats.length] as string));
}
