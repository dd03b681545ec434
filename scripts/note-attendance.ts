/**
 * Attendance blocks walked from how practitioners write who attended, with the gold attendee list of each: every note
 * format (bullets, prose e-mail, minutes template, table paste, shorthand, voice to text, chat log, typed from
 * handwriting, mixed) × the forms a person is written in (role before or after the name, in brackets, after a dash or an
 * arrow, with an agency by its abbreviation, initials with a key, one person holding two roles: "deputy head and DSL")
 * × every status (took part, joined late or left early, apologies, invited but not present, sent a report), with people
 * spoken of but not present (the child, the parents, a GP "to be contacted") who must never be listed.
 *
 * The roles and agencies are the lexicon's (lexicon/data/roles.json); the statuses, headings, compound roles and words
 * for people only spoken of are the notes vocabulary's (records/data/notes-vocabulary.json). The rest of each note
 * (meeting line, a decision) is fixed and plain, so the figures are about attendance.
 */
import { rolesData } from "../lexicon/index.js";
import { vocabulary } from "../records/vocabulary.js";
import { chance, pick, type Rng } from "../core/random.js";
import type { Gold, GoldAttendee, WrittenNote } from "./note-writer.js";

export const ATTENDANCE_FORMATS = [
  "bullets", "prose_email", "minutes_template", "table_paste", "shorthand", "voice_to_text", "chat_log", "handwriting_typed", "mixed",
] as const;
export type AttendanceFormat = (typeof ATTENDANCE_FORMATS)[number];

/** Chosen before the first run and never printed in detail: the cross-validation by format. */
export const ATTENDANCE_HELD_OUT: AttendanceFormat = "prose_email";

const FIRST = ["Alys", "Bryn", "Carys", "Declan", "Eleri", "Femi", "Glyn", "Harriet", "Idris", "Joanne", "Kofi", "Leah", "Mared", "Nathan", "Olu", "Petra", "Rhian", "Simon", "Tegan", "Usha", "Wyn", "Yasmin", "Zoe", "Anwen", "Callum", "Delyth", "Emeka", "Gemma", "Hywel", "Imogen"];
const LAST = ["Archer", "Bevan", "Carter", "Dunn", "Ellis", "Foster", "Griffiths", "Hartley", "Ingram", "Jenkins", "Kemp", "Lewis", "Morgan", "Norris", "Okafor", "Pritchard", "Rowlands", "Sharma", "Thomas", "Upton", "Watkins", "Yates", "Pugh", "Roberts", "Benson", "Hall", "Malik", "Osei", "Nowak", "Tran"];

/** Roles a strategy discussion draws on (Working Together 2023 ch. 3), each with its agency and how it is named. */
interface RolePlan { id: string; agency: string; titles: string[]; agencies: string[] }
const ROLES: RolePlan[] = [
  { id: "social_worker", agency: "social_care", titles: [], agencies: ["CSC", "MASH", "EDT", "children's services", "IFST", "social care"] },
  { id: "team_manager", agency: "social_care", titles: [], agencies: ["CSC", "MASH", "children's services"] },
  { id: "detective", agency: "police", titles: ["DC", "DS", "DI"], agencies: ["CAIT", "PPU", "CID", "police", "MASH police"] },
  { id: "police_officer", agency: "police", titles: ["PC", "Sgt", "PS"], agencies: ["police", "PPU", "MASH police", "neighbourhood policing"] },
  { id: "paediatrician", agency: "health", titles: ["Dr"], agencies: ["NHS", "UHB", "hospital", "community paediatrics"] },
  { id: "health_visitor", agency: "health", titles: [], agencies: ["health", "0-19 team", "NHS", "health visiting team"] },
  { id: "school_nurse", agency: "health", titles: [], agencies: ["health", "school nursing team", "0-19 service"] },
  { id: "gp", agency: "health", titles: ["Dr"], agencies: ["GP surgery", "health centre", "medical practice"] },
  { id: "midwife", agency: "health", titles: [], agencies: ["maternity", "NHS", "UHB"] },
  { id: "dsl", agency: "education", titles: [], agencies: ["Oakfield Primary", "Ysgol y Graig", "St Mary's High", "Brook Lane Academy"] },
  { id: "head_teacher", agency: "education", titles: [], agencies: ["Oakfield Primary", "Riverside Academy", "Ysgol Bro Dinas"] },
  { id: "youth_justice_worker", agency: "youth_justice", titles: [], agencies: ["YOT", "YJS", "youth justice service"] },
];

/** The everyday ways of writing a role: the lexicon's aliases, plain enough to be typed in notes. */
function aliasesOf(id: string): string[] {
  const role = rolesData().roles.find((r) => r.id === id);
  const all = (role?.aliases ?? []).map((a) => (typeof a === "string" ? a : a.text));
  // A plural ("health visitors") names a team, not the one person a list gives.
  const plural = (a: string) => /s$/.test(a) && all.includes(a.slice(0, -1));
  return all.filter((a) => !/['’/()]/.test(a) && a.length <= 30 && !plural(a)).slice(0, 10);
}

/** One practitioner drawn for a discussion: who, in what role, and whether they took part. */
export interface Person {
  first: string; last: string; title: string | null; role: string; agency: string;
  roleText: string; agencyText: string | null; status: string; late: string | null; chair: boolean;
}

const STATUSES = ["took_part", "took_part", "took_part", "took_part", "apologies", "invited_absent", "sent_report"];
const LATE = ["joined late", "left early", "joined part way", "left at 10:40"];

/** The people of one discussion: a social care chair, the police and health usually, then anyone (Working Together 2023 ch. 3). */
export function drawPeople(r: Rng): Person[] {
  const n = 3 + Math.floor(r() * 5);
  const used = new Set<string>();
  const people: Person[] = [];
  // A social worker chairs most discussions; the police and health usually take part (the minimum attendance).
  const plan = [pick(r, ROLES.slice(0, 2)), pick(r, ROLES.slice(2, 4)), pick(r, ROLES.slice(4, 9))];
  while (plan.length < n) plan.push(pick(r, ROLES));
  for (const [i, rp] of plan.entries()) {
    let first = pick(r, FIRST);
    let last = pick(r, LAST);
    while (used.has(first) || used.has(last)) { first = pick(r, FIRST); last = pick(r, LAST); }
    used.add(first); used.add(last);
    let roleText = pick(r, aliasesOf(rp.id));
    let role = rp.id;
    // A school's safeguarding lead is often also its head, deputy or SENCO, and is written with both roles.
    if ((rp.id === "dsl" || rp.id === "head_teacher") && chance(r, 0.5)) {
      const [a, b] = pick(r, vocabulary().attendance_forms.compound_roles);
      roleText = `${a} ${pick(r, ["and", "&", "/", "and"])} ${b}`;
      role = "dsl";
    }
    const status = i === 0 ? "took_part" : pick(r, STATUSES);
    people.push({
      first, last, title: rp.titles.length && chance(r, 0.6) ? pick(r, rp.titles) : null, role, agency: rp.agency,
      roleText, agencyText: chance(r, 0.6) ? pick(r, rp.agencies) : null, status,
      late: status === "took_part" && chance(r, 0.2) ? pick(r, LATE) : null, chair: i === 0,
    });
  }
  return people;
}

/** The name as written: in full, title and surname, or title and full name. */
function nameOf(r: Rng, p: Person, lower = false): string {
  const forms = [`${p.first} ${p.last}`, ...(p.title ? [`${p.title} ${p.last}`, `${p.title} ${p.first} ${p.last}`] : [`${p.first} ${p.last}`])];
  const s = pick(r, forms);
  return lower ? s.toLowerCase() : s;
}

/** One person with role and agency, in one of the shapes typed lists use. */
function personShape(r: Rng, p: Person, name: string, arrows: boolean): string {
  const role = p.roleText;
  const ag = p.agencyText;
  const shapes = [
    `${name} (${role}${ag ? `, ${ag}` : ""})`,
    `${name} - ${role}${ag ? ` - ${ag}` : ""}`,
    `${role} ${name}${ag ? ` (${ag})` : ""}`,
    `${name}, ${role}${ag ? `, ${ag}` : ""}`,
    `${name} ${role}${ag ? ` ${ag}` : ""}`,
    ...(ag ? [`${name} (${ag} ${role})`, `${ag} ${role} - ${name}`] : []),
    ...(arrows ? [`${name} → ${role}${ag ? ` (${ag})` : ""}`, `${name} -> ${role}`] : []),
  ];
  return pick(r, shapes);
}

const STATUS_SUFFIX: Record<string, string[]> = {
  apologies: ["(apologies)", "- apols", "(sent apologies)", "- apologies"],
  invited_absent: ["(invited, did not attend)", "- DNA", "(invited - not present)", "- did not join"],
  sent_report: ["(report sent)", "- sent report", "(apologies, report sent)", "- written update provided"],
};

const HEADINGS: Record<string, string[]> = {
  took_part: ["Present:", "Attendees:", "In attendance:", "Those present:", "Attended:"],
  apologies: ["Apologies:", "Apols:", "Apologies received:"],
  invited_absent: ["Invited, not present:", "Invited but did not attend:", "Did not attend:", "Invited - not present:"],
  sent_report: ["Reports received:", "Written reports:", "Report sent:"],
};

/** People only spoken of: the child, the parents, a practitioner still to be contacted. Never attendees. */
function mentioned(r: Rng, lower = false): string {
  const child = `${pick(r, ["Ella", "Jayden", "Mia", "Kai", "Lily"])} ${pick(r, ["Wood", "Price", "Cole"])}`;
  const mum = `${pick(r, ["Sarah", "Kelly", "Dawn"])} ${pick(r, ["Wood", "Price", "Cole"])}`;
  const lines = [
    `Child: ${child} (${3 + Math.floor(r() * 10)}).`,
    pick(r, [`Mum ${mum} not present.`, `Mother (${mum}) ${pick(r, vocabulary().attendance_forms.mentioned_only.filter((w) => /aware|told|informed/.test(w)))}.`, `Parents not invited.`]),
    pick(r, [`GP Dr ${pick(r, ["Patel", "Hughes", "Owen"])} ${pick(r, ["to be contacted", "to be informed", "to be contacted for records"])}.`, `School nurse to be updated.`, `Dr ${pick(r, ["Patel", "Hughes"])} (GP) not yet spoken to.`]),
  ];
  const s = lines.join(" ");
  return lower ? s.toLowerCase().replace(/[.()]/g, "") : s;
}

function statusLine(r: Rng, p: Person): string {
  return p.status === "took_part" ? (p.late ? pick(r, [` (${p.late})`, ` - ${p.late}`]) : "") : ` ${pick(r, STATUS_SUFFIX[p.status] as string[])}`;
}

function chairMark(r: Rng, p: Person): string {
  return p.chair ? pick(r, [" (chair)", " - chair", " (Chair)"]) : "";
}

/** A headed list, by status or one list with each person's status beside them. */
function headedList(r: Rng, people: Person[], bullet: () => string, arrows: boolean): string {
  const byStatus = chance(r, 0.5);
  if (!byStatus) {
    // "Invited:" lists everyone only where the list marks who did not come; unmarked, it would not say who came.
    const marked = people.some((p) => p.status !== "took_part");
    return `${pick(r, marked ? ["Attendees:", "Invited:", "Attendance:"] : ["Attendees:", "Attendance:"])}\n${people.map((p) => `${bullet()}${personShape(r, p, nameOf(r, p), arrows)}${chairMark(r, p)}${p.status === "took_part" ? statusLine(r, p) : statusLine(r, p)}`).join("\n")}`;
  }
  const out: string[] = [];
  for (const st of ["took_part", "apologies", "invited_absent", "sent_report"]) {
    const ps = people.filter((p) => p.status === st);
    if (!ps.length) continue;
    out.push(pick(r, HEADINGS[st] as string[]));
    for (const p of ps) out.push(`${bullet()}${personShape(r, p, nameOf(r, p), arrows)}${chairMark(r, p)}${st === "took_part" ? statusLine(r, p) : ""}`);
  }
  return out.join("\n");
}

const MEETING = "Strategy discussion 17/03/2025 10:00, Teams";

function proseStatus(r: Rng, p: Person, name: string): string {
  const who = personShape(r, p, name, false);
  switch (p.status) {
    case "apologies": return pick(r, [`${who} sent apologies.`, `Apologies from ${who}.`, `${who} was on leave and sent apologies.`]);
    case "invited_absent": return pick(r, [`${who} was invited but did not attend.`, `${who} could not join.`, `${who} was unable to attend.`]);
    case "sent_report": return pick(r, [`${who} could not attend but sent a report.`, `${who} sent a written update.`, `A report was received from ${who}.`]);
    default: return "";
  }
}

function write(r: Rng, format: AttendanceFormat, people: Person[]): string {
  const took = people.filter((p) => p.status === "took_part");
  const others = people.filter((p) => p.status !== "took_part");
  switch (format) {
    case "bullets":
      return `${MEETING}\n\n${headedList(r, people, () => pick(r, ["- ", "• ", "* "]), false)}\n\nConcerns:\n- ${mentioned(r)}\n\nDecisions:\n- s47 agreed`;
    case "handwriting_typed":
      return `STRAT DISC 17/03/25 10am Teams\n\n${headedList(r, people, () => "", true).replace(/^([A-Z][a-z].*:)$/gm, (h) => h.toUpperCase())}\n\nCONCERNS\n${mentioned(r)}\n\ns47 ✓`;
    case "minutes_template": {
      const rows = people.map((p) => `${nameOf(r, p)}: ${p.roleText}${p.agencyText ? `, ${p.agencyText}` : ""}${chairMark(r, p)}`);
      const sect = (st: string, title: string) => {
        const ps = people.filter((p) => p.status === st);
        return ps.length ? `${title}\n${ps.map((p) => rows[people.indexOf(p)]).join("\n")}\n` : "";
      };
      return `STRATEGY DISCUSSION RECORD\nDate: 17/03/2025\nTime: 10:00\nVenue: Teams\n\n${sect("took_part", "1. Attendees")}${sect("apologies", "2. Apologies")}${sect("invited_absent", "Invited, not present")}${sect("sent_report", "Reports received")}\n3. Reason for discussion\n${mentioned(r)}\n\n4. Decisions\nSection 47: agreed`;
    }
    case "table_paste": {
      const cols = [...(["name", "role", "agency", "status"] as const)];
      if (chance(r, 0.5)) cols.sort(() => r() - 0.5);
      const head: Record<string, string[]> = { name: ["Name", "Attendee", "Name"], role: ["Role", "Job title", "Designation"], agency: ["Agency", "Organisation", "Service"], status: ["Attended", "Attendance", "Present?"] };
      const statusCell: Record<string, string[]> = { took_part: ["Yes", "Y", "Present", "Attended"], apologies: ["Apologies", "Apols"], invited_absent: ["No", "DNA", "Did not attend"], sent_report: ["Report sent", "Apologies - report sent"] };
      const sep = chance(r, 0.5) ? "\t" : " | ";
      const cell = (p: Person, c: string) => c === "name" ? nameOf(r, p) : c === "role" ? p.roleText + (p.chair ? " (chair)" : "") : c === "agency" ? (p.agencyText ?? pick(r, ["", "-"])) : pick(r, statusCell[p.status] as string[]);
      const table = [cols.map((c) => pick(r, head[c] as string[])).join(sep), ...people.map((p) => cols.map((c) => cell(p, c)).join(sep))].join("\n");
      return `${MEETING}\n\n${table}\n\nBackground: ${mentioned(r)}\n\nOutcome: s47 agreed`;
    }
    case "shorthand": {
      const ini = (p: Person) => `${p.first[0]}${p.last[0]}`;
      const keyed = chance(r, 0.5);
      const tag = (p: Person) => `${keyed ? ini(p) : nameOf(r, p)} ${p.roleText}${p.agencyText ? ` ${p.agencyText}` : ""}${p.chair ? " (ch)" : ""}${p.late ? ` (${p.late})` : ""}`;
      const pres = `Pres: ${took.map(tag).join(", ")}`;
      const rest = ["apologies", "invited_absent", "sent_report"].map((st) => {
        const ps = others.filter((p) => p.status === st);
        if (!ps.length) return "";
        const h = st === "apologies" ? "Apols" : st === "invited_absent" ? "DNA" : "Rpt sent";
        return `\n${h}: ${ps.map(tag).join(", ")}`;
      }).join("");
      const key = keyed ? `\nKey: ${people.map((p) => `${ini(p)} = ${p.first} ${p.last}`).join(", ")}` : "";
      return `Strat disc 17/3/25 10am Teams\n${pres}${rest}${key}\nCP concerns: ${mentioned(r)}\ns47 - Y`;
    }
    case "voice_to_text": {
      const said = (p: Person) => {
        const name = nameOf(r, p, true);
        const role = p.roleText.replace(/\bDSL\b/g, "designated safeguarding lead").replace(/\bSW\b/g, "social worker").replace(/\bHV\b/g, "health visitor");
        const ag = p.agencyText ? ` from ${p.agencyText}` : "";
        return pick(r, [`${name} ${role}${ag}`, `${role} ${name}${ag}`, `${name} who is the ${role}${ag}`]).toLowerCase();
      };
      const chair = people[0] as Person;
      const intro = pick(r, [`this is ${said(chair)} chairing`, `right this is ${said(chair)} i am chairing`, `strategy discussion chaired by ${said(chair)}`]);
      const pres = took.slice(1).map(said);
      const parts = [`strategy discussion seventeenth of march twenty twenty five at ten on teams ${intro}`];
      if (pres.length) parts.push(`${pick(r, ["present were", "also on the call were", "also present"])} ${pres.join(pick(r, [" and ", " ", ", "]))}${took.some((p) => p.late) ? "" : ""}`);
      for (const p of others) parts.push(p.status === "apologies" ? `apologies from ${said(p)}` : p.status === "invited_absent" ? `${said(p)} was invited but did not join` : `${said(p)} sent a report`);
      parts.push(mentioned(r, true));
      parts.push("section 47 agreed");
      return parts.join(pick(r, [" ", " full stop ", ". "]));
    }
    case "chat_log": {
      const t = (m: number) => `10:${String(m).padStart(2, "0")}`;
      const lines: string[] = [];
      let m = 0;
      const intro = (p: Person) => pick(r, [`${p.roleText} here${p.agencyText ? `, ${p.agencyText}` : ""}`, `Morning all, ${p.first} ${p.roleText}${p.agencyText ? ` ${p.agencyText}` : ""}`, `Hi, ${p.roleText} joining`]);
      const chair = people[0] as Person;
      lines.push(`[${t(m++)}] ${chair.first} ${chair.last}: ${pick(r, [`Morning all, ${chair.first} here, ${chair.roleText}, I'll chair`, `Hi all, I'll chair today (${chair.roleText})`])}`);
      for (const p of took.slice(1)) lines.push(`[${t(m++)}] ${p.first} ${p.last}: ${intro(p)}`);
      for (const p of others) {
        const said = p.status === "apologies" ? `${p.first} ${p.last} (${p.roleText}) sends apologies` : p.status === "invited_absent" ? `${p.first} ${p.last} (${p.roleText}) was invited but hasn't joined` : `${p.first} ${p.last} (${p.roleText}) has sent a report`;
        lines.push(`[${t(m++)}] ${chair.first} ${chair.last}: ${said}`);
      }
      lines.push(`[${t(m++)}] ${chair.first} ${chair.last}: ${mentioned(r)}`);
      lines.push(`[${t(m++)}] ${chair.first} ${chair.last}: s47 agreed`);
      return lines.join("\n");
    }
    case "prose_email": {
      const chair = people[0] as Person;
      const pres = took.slice(1).map((p) => personShape(r, p, nameOf(r, p), false) + (p.late ? ` (${p.late})` : ""));
      const body = [
        `Subject: Strategy discussion 17/03/2025`,
        "",
        "Hi all,",
        "",
        `Notes from this morning's strategy discussion (10:00, Teams), which I chaired.`,
        pick(r, [`Present were ${pres.join(", ")}.`, `I spoke to ${pres.join(" and ")} for the strategy discussion.`, `Also present: ${pres.join("; ")}.`]),
        ...others.map((p) => proseStatus(r, p, nameOf(r, p))),
        mentioned(r),
        "Section 47 agreed.",
        "",
        "Kind regards,",
        `${chair.first} ${chair.last}`,
        `${chair.roleText}${chair.agencyText ? `, ${chair.agencyText}` : ""}`,
      ];
      return body.join("\n");
    }
    case "mixed": {
      const head = headedList(r, took, () => "- ", false);
      const tail = others.map((p) => proseStatus(r, p, nameOf(r, p))).join(" ");
      return `${MEETING}\n${head}\n${tail}\nBackground - ${mentioned(r)}\nS47: yes`;
    }
  }
}

/** One note per draw, with its gold attendees (and the fixed meeting facts and decision). */
export function writeAttendanceNote(r: Rng, n: number, format: AttendanceFormat): WrittenNote {
  const people = drawPeople(r);
  const notes = write(r, format, people);
  const attendees: GoldAttendee[] = people.map((p) => ({ name: `${p.first} ${p.last}`, role: p.role, agency: p.agency, status: p.status }));
  const wales = people.some((p) => p.agencyText?.startsWith("Ysgol"));
  const groups = { "attendees.social_work": "social_care", "attendees.police": "police", "attendees.health": "health" } as const;
  const present = (ag: string) => people.some((p) => p.agency === ag && p.status === "took_part");
  const gold: Gold = {
    meeting: { date: "2025-03-17", time: format === "chat_log" ? null : "10:00", format: "virtual" },
    child_ref: null,
    jurisdiction: wales ? "wales" : "england",
    chair: `${people[0]?.first} ${people[0]?.last}`,
    recorded_by: null,
    attendees,
    decisions: { section47: "agreed", criminal_investigation: null as unknown as string, criminal_lead: null, legal_action: null as unknown as string },
    actions: [],
    must_flag: Object.entries(groups).filter(([, ag]) => !present(ag)).map(([g]) => g),
    must_not_flag: Object.entries(groups).filter(([, ag]) => present(ag)).map(([g]) => g),
  };
  return { id: `att-${format}-${n}`, format, jurisdiction: wales ? "wales" : "england", today: "2025-03-17", notes, gold };
}

/** `count` notes in each format. */
export function writeAttendanceNotes(r: Rng, count: number): WrittenNote[] {
  const out: WrittenNote[] = [];
  for (const format of ATTENDANCE_FORMATS) for (let i = 0; i < count; i++) out.push(writeAttendanceNote(r, i, format));
  return out;
}
