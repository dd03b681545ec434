import {
  agencyEntry,
  jurisdictionCues,
  readPersonTerms,
  roleEntry,
  words,
  type AgencyEntry,
  type RoleEntry,
  type Title,
} from "../lexicon/index.js";
import { splitOutside, squash, type Piece } from "./text.js";
import { hasPerson, personUnits, readSegment, type Segment } from "./segment.js";
import { findPhrases, heldRolePairs, vocabulary, type AttendanceStatus } from "./vocabulary.js";

export { readSegment } from "./segment.js";

/**
 * Who took part, read per person from the ways notes name people: "J Patel SW (chair)",
 * "Police - DC Amy Shaw (CAIT)", "Natalie Cole, Deputy DSL, Lliswerry High School",
 * "me (Bethan, SW)", "hv sent report by email", a row of a Word table, or prose
 * ("Present were ...", "Surrey Police were invited but did not join"). Roles and
 * agencies come from the shared lexicon; what is left that looks like a name is the name.
 */

/** One person as read from the notes. */
export interface Person {
  name: string | null;
  role: RoleEntry | null;
  agency: AgencyEntry | null;
  title: Title | null;
  status: AttendanceStatus;
  /** The words that said how they attended, when the notes said it ("sent apologies"). */
  note: string | null;
  chair: boolean;
  /** Marked in the list as the one writing the notes ("Jo Hart – SW – minutes"). */
  recorder?: boolean;
  /** "me", "myself": the writer of the notes. */
  self: boolean;
  /** The words this person was read from. */
  source: string;
}

// Stronger evidence of attendance wins: a report sent says more than an apology, an apology more than absence.
const STATUS_ORDER: AttendanceStatus[] = ["sent_report", "apologies", "invited_absent", "took_part"];

/** The most telling of several statuses: a report sent, then apologies, then absence, then taking part. */
export function strongest(statuses: AttendanceStatus[], fallback: AttendanceStatus): AttendanceStatus {
  for (const s of STATUS_ORDER) if (statuses.includes(s)) return s;
  return fallback;
}

/** Whether some words are only places ("Vale", "Cardiff") or filler. */
function placeOnly(text: string): boolean {
  const ws = words(text);
  const cues = new Set(jurisdictionCues(text, ws).flatMap((c) => words(c.words).map((w) => w.folded)));
  return ws.every((w) => cues.has(w.folded) || /^(and|of|the)$/i.test(w.surface));
}

/** Whether a segment is nothing but a role ("Detective", "Officer"). */
function bareRole(text: string): boolean {
  const m = readPersonTerms(text, "list").matches;
  return m.length === 1 && squash(text).length === (m[0] as { surface: string }).surface.length;
}

/**
 * Whether text is typed in lower case, abbreviations, places and the first word of each
 * sentence aside ("strat done 19/5 - jo SW, dc patel, ann HV"): then names may be lower case too.
 */
export function writtenInLowerCase(text: string): boolean {
  const ws = words(text);
  const covered = new Array<boolean>(ws.length).fill(false);
  for (const m of readPersonTerms(text, "list", ws).matches) for (let i = m.from; i < m.to; i++) covered[i] = true;
  const cueWords = new Set(jurisdictionCues(text, ws).flatMap((c) => words(c.words).map((w) => w.folded)));
  const telling = ws.filter((w, i) => {
    if (covered[i] || cueWords.has(w.folded)) return false;
    // The first word of a sentence or line is capitalised whatever the writing.
    if (/(^|[.!?:\n]\s*)$/.test(text.slice(Math.max(0, w.start - 3), w.start))) return false;
    // Abbreviations in capitals (PNC, ABE) say nothing about how names are written.
    return !(w.surface.length >= 2 && w.surface === w.surface.toUpperCase());
  });
  return telling.length > 0 && telling.every((w) => w.surface === w.surface.toLowerCase());
}

let joiners: Set<string> | undefined;

/**
 * Where one person's two roles are joined ("Ann Lee deputy head and DSL"): the span from the first role to the second
 * when only a joining word stands between them and the two are roles one person holds together. "SW and TM" are two
 * people; "deputy head and DSL" is one.
 */
export function heldTogether(text: string, matches = readPersonTerms(text, "list").matches): (readonly [number, number])[] {
  joiners ??= new Set(vocabulary().attendance_forms.role_joiners.map((j) => j.toLowerCase()));
  const roles = matches
    .map((m) => ({ m, role: m.values.find((v) => v.kind === "role") }))
    .filter((x): x is { m: (typeof x)["m"]; role: Extract<(typeof x)["role"], { kind: "role" }> } => x.role?.kind === "role");
  const out: (readonly [number, number])[] = [];
  for (let i = 0; i + 1 < roles.length; i++) {
    const a = roles[i] as (typeof roles)[number];
    const b = roles[i + 1] as (typeof roles)[number];
    const between = text.slice(a.m.end, b.m.start).trim().toLowerCase();
    if (joiners.has(between) && heldRolePairs().has(`${a.role.role.id}+${b.role.role.id}`)) out.push([a.m.start, b.m.end] as const);
  }
  return out;
}

/** Split a list of people at commas, semicolons and "and"/"&", never inside a role, agency or place ("Cardiff and Vale UHB"). */
function listSegments(text: string): Piece[] {
  const matches = readPersonTerms(text, "list").matches;
  const protectedSpans = [...matches.map((m) => [m.start, m.end] as const), ...heldTogether(text, matches)];
  const inside = (i: number) => protectedSpans.some(([a, b]) => i > a && i < b);
  return splitOutside(text, (t, i) => {
    if (inside(i)) return 0;
    const ch = t[i];
    if (ch === "," || ch === ";" || ch === "\n") return 1;
    // A sentence ends a list ("Ms Osei DSL. Police not available"), but not an initial ("Mr D. Hughes").
    if (ch === "." && /^\.\s+\p{Lu}/u.test(t.slice(i, i + 3)) && !/(?:^|[\s(])(?:\p{Lu}|Dr|Mr|Mrs|Ms|St)$/u.test(t.slice(Math.max(0, i - 4), i))) return 1;
    const rest = t.slice(i, i + 5);
    if (/^ and /i.test(rest)) return 5;
    // "&", "+" and a bar between people, spaced or not ("Amy (SW) & Rob (TM)", "SW + TM + DC", "jo|dc patel").
    const joiner = /^\s*[&+|]\s*/.exec(t.slice(i, i + 4));
    if (joiner && (i === 0 || /\s/.test(ch ?? "") || /[&+|]/.test(ch ?? ""))) return joiner[0].length;
    return 0;
  });
}

/**
 * The parts of a segment written with dashes ("Police - DC Amy Shaw (CAIT)", "SW (on AL) – duty SW unable")
 * or slashes between people ("Gareth Lloyd (SW) / Helen Price (TM)"); a slash between roles is one
 * person's two roles ("Head of Year / DSL").
 */
function dashParts(text: string): Piece[] {
  const pieces = splitOutside(text, (t, i) => (/^ [-–—] /.test(t.slice(i, i + 3)) ? 3 : /^ \/ /.test(t.slice(i, i + 3)) ? 3 : 0));
  const out: Piece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    const slash = prev && /^\s*\/\s*$/.test(text.slice(prev.start - 0 + prev.text.length, p.start));
    if (prev && slash && readSegment(p.text).name === null) {
      out[out.length - 1] = { text: text.slice(prev.start, p.start + p.text.length), start: prev.start };
      continue;
    }
    out.push(p);
  }
  return out;
}

interface ReadOptions {
  /** What the section says about everyone in it: "Present" → took part, "Apologies" → apologies. */
  status: AttendanceStatus;
  /** One person a line: commas inside a line describe that person ("Natalie Cole, Deputy DSL, ..."). */
  perLine: boolean;
  /** The notes are typed in lower case, so names may be (judged from the list itself when not given). */
  lowerCase?: boolean;
}

/**
 * Everyone in a list ("J Patel SW (chair), K Ahmed TM, Dr L Evans community paeds").
 * Segments join into one person until one names somebody new: another name, or another
 * role where the person already has one ("SW, TM, DS Lee" is three people).
 */
/**
 * A person's line without a bracketed aside about when they came or went ("(joined 11:40, IT issues)", "(left 10:25
 * after school info given)"): they took part, and the aside's times and reasons are no part of who they are. An aside
 * that says they did not take part ("(sent report, on leave)") stays, for their status.
 */
export function withoutAside(text: string): string {
  // Typed with capitals outside its brackets, a list names people with capitals: an aside all in lower case is a note.
  const capitalised = /\p{Lu}/u.test(text.replace(/\([^()]*\)/g, " "));
  return text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string, at: number) => {
    const timed = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm|mins?|minutes)\b/i.test(inner);
    const cameOrWent = /^\s*(?:joined|left|arrived|came|dropped|logged|had to leave|leaving|late|from\s+\d)/i.test(inner);
    const seg = readSegment(inner);
    // "(chaired in CSC absence)", "(chair, called it)": they chaired; why they did names nobody's role or agency.
    const chaired = seg.chair && vocabulary().chair_words.includes(words(inner)[0]?.folded ?? "");
    // What follows the chair word is cut, not rewritten, so the person's source still quotes the notes.
    if (chaired && (seg.foreign.length > 0 || /[,;]/.test(inner))) return ` (${words(inner)[0]?.surface ?? ""}`;
    // A note on why they were there ("(knows family from baby sibling)", "(for Alfie)", "(covering for the HV)",
    // "(referrer)") names no role, title or agency of theirs: it is no part of who they are either.
    const terms = readPersonTerms(inner, "list");
    const said = seg.chair || seg.recorder || seg.self || seg.statuses.length > 0;
    // Only at the end of the entry: cut from its middle, the rest would no longer quote the notes.
    const last = /^[\s.;,]*$/.test(text.slice(at + whole.length));
    const part = findPhrases(vocabulary().attendance_forms.part_played.phrases, inner, "part-played").length > 0;
    const note = capitalised && last && part && !said && !/\p{Lu}/u.test(inner);
    const why = !terms.role && !terms.agency && !terms.title && (/^\s*(?:for|re|covering|knows|known|as|who|since|because|about)\b/i.test(inner) || seg.foreign.length > 0 || note);
    if (!timed && !cameOrWent && !why) return whole;
    const absent = (Object.entries(vocabulary().attendance) as [AttendanceStatus, string[]][])
      .filter(([status]) => status !== "took_part")
      .some(([status, list]) => findPhrases(list, inner, `aside:${status}`).length > 0);
    return absent ? whole : "";
  });
}

export function readPeopleList(text: string, opts: ReadOptions): Person[] {
  text = withoutAside(text);
  const k = `${opts.status}|${opts.perLine ? 1 : 0}|${opts.lowerCase === undefined ? "?" : opts.lowerCase ? "l" : "c"}|${text}`;
  let found = listCache.get(k);
  if (!found) {
    if (listCache.size > 2000) listCache.clear();
    found = readPeopleListUncached(text, opts);
    listCache.set(k, found);
  }
  // Callers complete the people they get (a name for "me"): each gets its own copies.
  return found.map((p) => ({ ...p }));
}

// A pasted list repeats lines; each distinct list is read once.
const listCache = new Map<string, Person[]>();

/** How many people a count stands for: "SW x2", "x 2", "2x", "×3". */
const COUNT = /(?:^|\s)(?:[x×]\s?(\d)|(\d)\s?[x×])(?=\s|$|[,;)(])/i;

/**
 * The people in one part of a list, as the texts to read them from (slices of the part where
 * they can be): a run written without separators split person by person, and a role with a
 * count or a bracket of several people ("SW x2 (Ceri Hughes, Anwen Morgan)", "csc x2 (me + tm)")
 * read as each of them with the role or agency written outside the bracket.
 */
function expandPart(text: string, lower: boolean): { read: string; start: number; end: number; fresh?: boolean }[] {
  const count = COUNT.exec(text);
  const n = count ? Number(count[1] ?? count[2]) : 1;
  const bracket = /^([^()]*?)\s*\(([^()]+)\)\s*$/.exec(text);
  const inner = bracket ? listSegments((bracket[2] ?? "").replace(/\s+\+\s+|\s*\/\s*(?=\S)/g, ", ")) : [];
  // Inside the bracket, people are named ("Ceri Hughes", "me"), or roles counted out ("x2 (me + tm)"); "(DSL, Oakfield Primary)" is one person's.
  const named = inner.filter((p) => {
    const seg = readSegment(p.text, lower);
    return seg.name !== null || seg.self || (count !== null && seg.explicitRole !== null);
  });
  const listed = bracket !== null && named.length === inner.length && (named.length >= 2 || (count !== null && named.length >= 1));
  if (listed || (count && n >= 2 && n <= 9)) {
    const head = (listed ? (bracket?.[1] ?? "") : text).replace(COUNT, " ").trim();
    const people = listed ? named.map((p) => `${head} ${p.text}`) : [];
    while (people.length < n) people.push(head);
    return people.map((read) => ({ read, start: 0, end: text.length, fresh: true }));
  }
  return personUnits(text, lower).map((u) => ({ read: text.slice(u.start, u.end), start: u.start, end: u.end }));
}

function readPeopleListUncached(text: string, opts: ReadOptions): Person[] {
  // One person a line: each line is read on its own (a line break always ends a person).
  if (text.includes("\n")) {
    const lower = opts.lowerCase ?? writtenInLowerCase(text);
    return text.split("\n").flatMap((line) => readPeopleListUncached(line, { ...opts, lowerCase: lower }));
  }
  const people: Person[] = [];
  let cur: { segs: Segment[]; name: string | null; explicitRole: RoleEntry | null; agency: AgencyEntry | null; self: boolean; from: number; to: number } | null = null;
  const flush = () => {
    if (cur && cur.segs.some(hasPerson) && !cur.segs.some((x) => x.notInvited)) people.push({ ...toPerson(cur.segs, opts.status), source: squash(text.slice(cur.from, cur.to)) });
    cur = null;
  };
  const lower = opts.lowerCase ?? writtenInLowerCase(text);
  const segs: { s: Segment; from: number; text: string; fresh?: boolean }[] = [];
  for (const piece of listSegments(text)) {
    for (const part of dashParts(piece.text)) {
      for (const unit of expandPart(part.text, lower)) {
        const s = readSegment(unit.read, lower);
        if (!hasPerson(s) && s.statuses.length === 0 && !s.chair && !s.recorder) continue;
        // A name-like word among the words of a sentence ("PURPOSE OF MEETING", "Baby Z (4 months)") is no one listed.
        if (s.foreign.length > 0 && !s.explicitRole && !s.title && !s.agency && !s.self && s.statuses.length === 0) continue;
        segs.push({ s, from: piece.start + part.start + unit.start, text: part.text.slice(unit.start, unit.end), fresh: unit.fresh });
      }
    }
  }
  segs.forEach(({ s, from, text: partText, fresh }, i) => {
    const c = cur as typeof cur;
    const next = segs[i + 1]?.s;
    const nameOnly = s.name !== null && !s.explicitRole && !s.title && !s.agency && !s.self && s.statuses.length === 0;
    // A bare name after someone complete is their organisation ("Claire Webb - Nursery manager, Little Acorns"),
    // unless a role follows it as its own ("Jo Smith, SW, Ann Lee, HV"). Only a person written in parts (name, then
    // role after a comma or dash) goes on to an organisation: someone written whole in one part ("Sgt Omar Khan",
    // "Helen Ward (SW)") is followed by the next person ("Helen Ward (SW), Jo Bell").
    const organisation = nameOnly && c !== null && c.name !== null && c.explicitRole !== null && c.segs.length >= 2 && !(next && next.name === null && (next.explicitRole || next.agency));
    const role = s.explicitRole ?? (s.agency?.default_role ? (roleEntry(s.agency.default_role) ?? null) : null);
    const startsNew =
      c === null ||
      // Each of "SW x2 (Ceri Hughes, Anwen Morgan)" is a person of their own.
      Boolean(fresh) ||
      // A role of another agency than the one so far: "pol, HV" is two people.
      (s.name === null && !s.self && s.explicitRole !== null && c.explicitRole === null && c.name === null && c.agency !== null && s.explicitRole.agency !== c.agency.code && !opts.perLine) ||
      (!organisation && s.name !== null && (c.name !== null || c.self) && (!opts.perLine || s.explicitRole !== null || s.title !== null)) ||
      (s.self && (c.name !== null || c.self)) ||
      // "SW, TM" is two people; "PC Dan Price, Officer" (or "DC Ray Lee,Detective") is one: a bare repeat of the role.
      (s.name === null && !s.self && s.explicitRole !== null && c.explicitRole !== null && (s.explicitRole.id !== c.explicitRole.id || !(bareRole(partText) || opts.perLine))) ||
      // Someone named with another role than the one so far: "School Nurse Team; YOT (Mark Bell)".
      (role !== null && c.explicitRole !== null && role.id !== c.explicitRole.id && (s.name !== null || s.title !== null)) ||
      (s.name === null && !s.self && s.explicitRole === null && s.agency !== null && c.agency !== null && s.agency.code !== c.agency.code && !opts.perLine);
    if (startsNew) {
      flush();
      cur = { segs: [], name: null, explicitRole: null, agency: null, self: false, from, to: from };
    }
    const k = cur as unknown as NonNullable<typeof cur>;
    k.segs.push(organisation ? { ...s, name: null } : s);
    k.to = Math.max(k.to, from + partText.length);
    if (!organisation) k.name ??= s.name;
    k.explicitRole ??= s.explicitRole;
    k.agency ??= s.agency;
    k.self ||= s.self;
  });
  flush();
  return people;
}

function toPerson(segs: Segment[], sectionStatus: AttendanceStatus): Person {
  const named = segs.find((s) => s.name);
  const roles = segs.map((s) => s.explicitRole).filter((r): r is RoleEntry => r !== null);
  const titled = segs.map((s) => s.titleRole).filter((r): r is RoleEntry => r !== null);
  const explicit = [...roles].sort((a, b) => a.rank - b.rank)[0] ?? titled[0] ?? null;
  const agency = segs.map((s) => s.agency).find((a) => a && (!explicit || a.code === explicit.agency)) ?? segs.map((s) => s.agency).find(Boolean) ?? null;
  const fallback = agency?.default_role ? (roleEntry(agency.default_role) ?? null) : null;
  const role = explicit ?? fallback;
  let found = segs.flatMap((s) => s.statuses);
  // "invited and attended": the attendance said wins over the invitation.
  if (found.some((x) => x.status === "took_part" && !/^(y|yes|ok)$/i.test(x.words))) found = found.filter((x) => !/^invited$/i.test(x.words));
  let status = strongest(found.map((f) => f.status), sectionStatus);
  // In an apologies list, "unable" or "not available" is the reason for the apology, not another status.
  if (sectionStatus === "apologies" && status === "invited_absent") status = "apologies";
  if (sectionStatus === "sent_report" && status !== "took_part") status = "sent_report";
  const note = found.find((f) => f.status === status)?.words ?? null;
  return {
    name: named?.name ?? null,
    role,
    agency: agency ?? (role ? agencyEntry(role.agency) : null),
    title: segs.find((s) => s.title)?.title ?? null,
    status,
    note: status === "took_part" ? null : (note ?? null),
    chair: segs.some((s) => s.chair),
    recorder: segs.some((s) => s.recorder),
    self: segs.some((s) => s.self),
    source: segs.map((s) => s.text).join(", "),
  };
}

/** A table row with its columns (Name | Role | Agency | Attended). */
export function readPersonRow(cells: string[], columns: (string | null)[], sectionStatus: AttendanceStatus): Person | null {
  const cell = (kind: string) => cells.filter((_, i) => columns[i] === kind).join(" ").trim();
  const nameCell = cell("name");
  const roleCell = cell("role");
  const agencyCell = cell("agency");
  const statusCell = cell("status");
  const who = readSegment(nameCell);
  const roleTerms = readPersonTerms(roleCell, "list");
  const agencyTerms = readPersonTerms(agencyCell, "list");
  const all = readPersonTerms(`${nameCell}, ${roleCell}, ${agencyCell}`, "list");
  // A role cell may name only a team ("Exploitation team") or a role of another agency than the row's ("Safeguarding
  // officer", GMP): a title that names a role ("DC", "PC") in the name cell says more.
  const said = roleTerms.matches.some((m) => m.values.some((v) => v.kind === "role")) ? roleTerms.role : null;
  const rowAgency = agencyTerms.agency ?? (said ? null : roleTerms.agency);
  const titled = who.titleRole && (!said || (rowAgency !== null && said.agency !== rowAgency.code && who.titleRole.agency === rowAgency.code)) ? who.titleRole : null;
  const role = titled ?? roleTerms.role ?? who.explicitRole ?? all.role;
  const agency = agencyTerms.agency ?? (role ? agencyEntry(role.agency) : all.agency);
  if (!who.name && !role && !agency) return null;
  const statuses = statusCell ? readSegment(statusCell).statuses.map((s) => s.status) : [];
  const answer = /^(y|yes|present|attended|✓|x)$/i.test(statusCell) ? "took_part" : /^(n|no)$/i.test(statusCell) ? "invited_absent" : null;
  const status = answer ?? strongest(statuses, sectionStatus);
  return {
    name: who.name ?? (nameCell && !role ? nameCell : null),
    role,
    agency,
    title: who.title,
    status,
    note: status === "took_part" ? null : statusCell || null,
    chair: who.chair || /\bchair/i.test(roleCell),
    self: who.self,
    source: cells.filter(Boolean).join(" | "),
  };
}

/** Whether a segment read as a person holds nothing but a person (no task, no decision). */
export function purePerson(text: string, identified = false, lowerCase?: boolean): boolean {
  const k = `${identified ? 1 : 0}${lowerCase === undefined ? "?" : lowerCase ? "l" : "c"}|${text}`;
  const hit = pureCache.get(k);
  if (hit !== undefined) return hit;
  if (pureCache.size > 5000) pureCache.clear();
  const result = purePersonUncached(text, identified, lowerCase);
  pureCache.set(k, result);
  return result;
}

const pureCache = new Map<string, boolean>();

function purePersonUncached(text: string, identified: boolean, lowerCase?: boolean): boolean {
  text = withoutAside(text);
  // A count says how many people a role stands for ("SW x2"): it is no task.
  const parts = listSegments(text.replace(new RegExp(COUNT.source, "gi"), " ")).flatMap((p) => dashParts(p.text));
  if (parts.length === 0) return false;
  let someone = false;
  const lower = lowerCase ?? writtenInLowerCase(text);
  for (const p of parts) {
    const s = readSegment(p.text, lower);
    if (s.foreign.length > 0) return false;
    if (s.explicitRole || s.title || s.self || (!identified && s.agency)) someone = true;
    // A part that is only a place or filler ("Cardiff & Vale") says nothing either way.
    // A part that names only a team ("Online Child Sexual Exploitation Team") is where someone works: it says nothing either way.
    if (!hasPerson(s) && s.statuses.length === 0 && !s.chair && !s.recorder && words(p.text).length > 0 && !placeOnly(p.text) && !s.teamOnly) return false;
  }
  return someone;
}
