import {
  PhraseIndex,
  agencyEntry,
  groupOf,
  jurisdictionCues,
  readPersonTerms,
  roleEntry,
  words,
  type AgencyEntry,
  type RoleEntry,
  type PhraseEntry,
  type Title,
  type Word,
} from "../lexicon/index.js";
import { splitOutside, squash, type Piece } from "./text.js";
import { findPhrases, isPhrase, key, vocabulary, type AttendanceStatus } from "./vocabulary.js";

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
  /** "me", "myself": the writer of the notes. */
  self: boolean;
  /** The words this person was read from. */
  source: string;
}

// Stronger evidence of attendance wins: a report sent says more than an apology, an apology more than absence.
const STATUS_ORDER: AttendanceStatus[] = ["sent_report", "apologies", "invited_absent", "took_part"];

interface Segment {
  name: string | null;
  /** Role named in the words themselves (not an agency's usual role, nor a title's). */
  explicitRole: RoleEntry | null;
  /** The role a title implies ("DC" a detective, "Dr" a doctor), weaker than a role named. */
  titleRole: RoleEntry | null;
  role: RoleEntry | null;
  agency: AgencyEntry | null;
  title: Title | null;
  statuses: { status: AttendanceStatus; words: string }[];
  chair: boolean;
  self: boolean;
  /** Words that are neither a person nor their role: a task, a decision, a sentence. */
  foreign: string[];
  /** "school were not invited": not an attendee at all. */
  notInvited: boolean;
  text: string;
}

type SegmentWord = { kind: "status"; status: AttendanceStatus } | { kind: "chair" } | { kind: "self" } | { kind: "stop" };
let segmentIndex: PhraseIndex<SegmentWord> | undefined;

/** The words a person's entry may hold besides the person: how they attended, "chair", "me", and filler. */
function segmentWords(): PhraseIndex<SegmentWord> {
  if (segmentIndex) return segmentIndex;
  const v = vocabulary();
  const entries: PhraseEntry<SegmentWord>[] = [
    ...(Object.entries(v.attendance) as [AttendanceStatus, string[]][]).flatMap(([status, list]) => list.map((text) => ({ text, value: { kind: "status" as const, status } }))),
    ...v.chair_words.map((text) => ({ text, value: { kind: "chair" as const } })),
    ...v.self_words.map((text) => ({ text, value: { kind: "self" as const } })),
    ...v.person_stopwords.map((text) => ({ text, value: { kind: "stop" as const } })),
  ];
  segmentIndex = new PhraseIndex(entries);
  return segmentIndex;
}

let harmCache: Set<string> | undefined;
function harmWordSet(): Set<string> {
  harmCache ??= new Set(vocabulary().harm_words.filter((w) => !/\s/.test(w)).map(key));
  return harmCache;
}

let actionWordsCache: Set<string> | undefined;
/**
 * Words that are never a person's name: tasks ("visit", "chronology"), family ("mum"), telling ("told"),
 * harm ("bruise"), the child ("baby") and decisions ("investigation", "today").
 */
function actionWordSet(): Set<string> {
  if (actionWordsCache) return actionWordsCache;
  const v = vocabulary();
  const single = (list: string[]) => list.filter((w) => !/\s/.test(w.trim())).map(key);
  actionWordsCache = new Set([
    ...v.action_words.map(key),
    ...single(v.family_words),
    ...single(v.telling_words),
    ...single(v.child_words),
    ...single(v.decision_words),
  ]);
  return actionWordsCache;
}

const PARTICLE_WORDS = new Set(["y", "yr", "ar", "a", "r", "o", "de", "ap", "ab", "van", "von", "der", "le", "la"]);
// A particle inside a name or an organisation ("Ysgol y Dderwen", "Rhys ap Owen") is written in lower case; "AB" is initials.
const PARTICLES = { has: (w: Word) => w.surface === w.surface.toLowerCase() && PARTICLE_WORDS.has(w.folded) };

function isCapital(w: Word): boolean {
  return /^\p{Lu}/u.test(w.surface);
}

/**
 * Read one segment ("DC Mark Patel - CAIT", "who sent her report beforehand").
 * `lowerCase`: the list is typed in lower case ("jo SW, dc patel"), so names may be too;
 * by default that is judged from the segment itself.
 */
export function readSegment(text: string, lowerCase?: boolean): Segment {
  const k = `${lowerCase === undefined ? "?" : lowerCase ? "l" : "c"}|${text}`;
  const hit = segmentCache.get(k);
  if (hit) return hit;
  if (segmentCache.size > 5000) segmentCache.clear();
  const seg = readSegmentUncached(text, lowerCase);
  segmentCache.set(k, seg);
  return seg;
}

// Lists repeat the same entries (a pasted list, a chair named twice): a segment is read once.
const segmentCache = new Map<string, Segment>();

function readSegmentUncached(text: string, lowerCase?: boolean): Segment {
  const v = vocabulary();
  const ws = words(text);
  const covered = new Array<boolean>(ws.length).fill(false);
  const cover = (from: number, to: number) => {
    for (let i = from; i < to; i++) covered[i] = true;
  };
  const terms = readPersonTerms(text, "list", ws);
  let titleAt = -1;
  const agencyRuns: { from: number; to: number; prefix: boolean; word: boolean }[] = [];
  let explicitRole: RoleEntry | null = null;
  for (const m of terms.matches) {
    cover(m.from, m.to);
    for (const val of m.values) {
      if (val.kind === "title") titleAt = titleAt < 0 ? m.from : titleAt;
      if (val.kind === "role" && (!explicitRole || val.role.rank < explicitRole.rank)) explicitRole = val.role;
      // Only an institution's word ("Primary", "Surgery", "Health") carries its name before it; a team's abbreviation (CAIT, YOT) follows a person's.
      if (val.kind === "agency") agencyRuns.push({ from: m.from, to: m.to, prefix: isPhrase(v.org_prefixes, m.surface, "orgprefix"), word: /^\p{Lu}/u.test(m.surface) && m.surface !== m.surface.toUpperCase() });
    }
  }
  const titleRole = terms.title?.role ? (roleEntry(terms.title.role) ?? null) : null;
  // Places are not names ("Leeds Children's Social Work Service").
  for (const c of jurisdictionCues(text, ws)) {
    const from = ws.findIndex((w) => w.start >= text.indexOf(c.words));
    if (from >= 0) cover(from, from + words(c.words).length);
  }
  // An organisation's own name runs into its agency word: "Oakfield Primary", "St Anne's CE Primary", "Ysgol y Dderwen".
  const actionSet = actionWordSet();
  const orgWord = (i: number) => {
    const w = ws[i] as Word;
    if (covered[i] || actionSet.has(w.folded)) return false;
    return isCapital(w) || (w.folded === "s" && text[w.start - 1] === "'");
  };
  for (const run of agencyRuns) {
    let i = run.from - 1;
    while (run.word && i >= 0 && i >= run.from - 4 && orgWord(i) && contiguous(text, ws[i] as Word, ws[i + 1] as Word)) cover(i, i-- + 1);
    if (run.prefix) {
      let j = run.to;
      while (j < ws.length && !covered[j] && (isCapital(ws[j] as Word) || PARTICLES.has(ws[j] as Word)) && contiguous(text, ws[j - 1] as Word, ws[j] as Word)) cover(j, ++j);
    }
  }
  const statuses: Segment["statuses"] = [];
  let chair = false;
  let self = false;
  for (const m of segmentWords().matchAll(text, "list", ws)) {
    for (const val of m.values) {
      if (val.kind === "status") {
        // A lone "y"/"n"/"no"/"ok" is an answer only in a table's attendance column.
        if (m.to - m.from === 1 && /^(y|n|no|yes|ok|report)$/i.test(m.surface) && ws.length > 1) continue;
        statuses.push({ status: val.status, words: m.surface });
      } else if (val.kind === "chair") chair = true;
      // "I" only as a word on its own; "me"/"myself" anywhere.
      else if (val.kind === "self" && (m.surface === "i" || (m.surface === "I" && ws.length > 3))) continue;
      else if (val.kind === "self") self = true;
      cover(m.from, m.to);
    }
  }

  // "invited and attended": the attendance said wins over the invitation.
  if (statuses.some((x) => x.status === "took_part" && !/^(y|yes|ok)$/i.test(x.words)) && statuses.some((x) => /^invited$/i.test(x.words))) {
    statuses.splice(statuses.findIndex((x) => /^invited$/i.test(x.words)), 1);
  }
  // "No police available", "nobody from school": the agency named did not take part.
  const none = /^\s*(no|nobody from|no one from|none from|no-one from)\s/i.exec(text);
  if (none && (terms.role || terms.agency) && !statuses.some((x) => x.status !== "took_part")) statuses.push({ status: "invited_absent", words: squash(text) });

  // Lower-case names only in lower-case writing ("jo SW, dc patel"); otherwise names are capitalised.
  const loose = ws.filter((w, i) => !covered[i]);
  const lowerWriting = lowerCase ?? (loose.length > 0 && loose.every((w) => w.surface === w.surface.toLowerCase()));
  const actionWords = actionSet;
  const foreign = loose.filter((w) => actionWords.has(w.folded) || /\d/.test(w.surface) || (!lowerWriting && !isCapital(w) && !PARTICLES.has(w)));
  // Harm words ("mark", "cut") are names when written with a capital ("Mark Dunn").
  const harm = harmWordSet();
  const nameOk = (w: Word) =>
    !(lowerWriting && harm.has(w.folded)) &&
    !actionWords.has(w.folded) && !/\d/.test(w.surface) && (lowerWriting ? /^\p{L}/u.test(w.surface) : isCapital(w) || PARTICLES.has(w));
  let name: string | null = null;
  for (let i = 0; i < ws.length; i++) {
    if (covered[i] || !nameOk(ws[i] as Word) || PARTICLES.has(ws[i] as Word)) continue;
    let j = i;
    while (j + 1 < ws.length && !covered[j + 1] && nameOk(ws[j + 1] as Word) && j - i < 3 && contiguous(text, ws[j] as Word, ws[j + 1] as Word, true)) j++;
    const from = titleAt >= 0 && titleAt === i - 1 ? titleAt : i;
    name = text.slice((ws[from] as Word).start, (ws[j] as Word).end).replace(/[.,]+$/, "");
    break;
  }
  return {
    name,
    explicitRole,
    titleRole,
    role: terms.role,
    agency: terms.agency,
    title: terms.title,
    statuses,
    chair,
    self,
    foreign: foreign.filter((w) => !name?.includes(w.surface)).map((w) => w.surface),
    notInvited: /\bnot\s+(?:been\s+)?invited\b/i.test(text),
    text: squash(text),
  };
}

/** Whether two words stand next to each other with only spaces (or, for names, an initial's dot) between. */
function contiguous(text: string, a: Word, b: Word, name = false): boolean {
  const gap = text.slice(a.end, b.start);
  return name ? /^(\.?\s+|')$/.test(gap) || gap === "-" : /^\s+$/.test(gap) || gap === "'" || gap === "-";
}

function hasPerson(s: Segment): boolean {
  return Boolean(s.name || s.role || s.agency || s.self);
}

function strongest(statuses: AttendanceStatus[], fallback: AttendanceStatus): AttendanceStatus {
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

/** Split a list of people at commas, semicolons and "and"/"&", never inside a role, agency or place ("Cardiff and Vale UHB"). */
export function listSegments(text: string): Piece[] {
  const protectedSpans = readPersonTerms(text, "list").matches.map((m) => [m.start, m.end] as const);
  const inside = (i: number) => protectedSpans.some(([a, b]) => i > a && i < b);
  return splitOutside(text, (t, i) => {
    if (inside(i)) return 0;
    const ch = t[i];
    if (ch === "," || ch === ";" || ch === "\n") return 1;
    // A sentence ends a list ("Ms Osei DSL. Police not available"), but not an initial ("Mr D. Hughes").
    if (ch === "." && /^\.\s+\p{Lu}/u.test(t.slice(i, i + 3)) && !/(?:^|[\s(])(?:\p{Lu}|Dr|Mr|Mrs|Ms|St)$/u.test(t.slice(Math.max(0, i - 4), i))) return 1;
    const rest = t.slice(i, i + 5);
    if (/^ and /i.test(rest)) return 5;
    if (/^ & /.test(rest.slice(0, 3))) return 3;
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
export function readPeopleList(text: string, opts: ReadOptions): Person[] {
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
  const segs: { s: Segment; from: number; text: string }[] = [];
  for (const piece of listSegments(text)) {
    for (const part of dashParts(piece.text)) {
      const s = readSegment(part.text, lower);
      if (!hasPerson(s) && s.statuses.length === 0 && !s.chair) continue;
      segs.push({ s, from: piece.start + part.start, text: part.text });
    }
  }
  segs.forEach(({ s, from, text: partText }, i) => {
    const c = cur as typeof cur;
    const next = segs[i + 1]?.s;
    const nameOnly = s.name !== null && !s.explicitRole && !s.title && !s.agency && !s.self && s.statuses.length === 0;
    // A bare name after someone complete is their organisation ("Claire Webb - Nursery manager, Little Acorns"),
    // unless a role follows it as its own ("Jo Smith, SW, Ann Lee, HV").
    const organisation = nameOnly && c !== null && c.name !== null && c.explicitRole !== null && !(next && next.name === null && (next.explicitRole || next.agency));
    const role = s.explicitRole ?? (s.agency?.default_role ? (roleEntry(s.agency.default_role) ?? null) : null);
    const startsNew =
      c === null ||
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
  const role = roleTerms.role ?? who.explicitRole ?? all.role;
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
  const parts = listSegments(text).flatMap((p) => dashParts(p.text));
  if (parts.length === 0) return false;
  let someone = false;
  const lower = lowerCase ?? writtenInLowerCase(text);
  for (const p of parts) {
    const s = readSegment(p.text, lower);
    if (s.foreign.length > 0) return false;
    if (s.explicitRole || s.title || s.self || (!identified && s.agency)) someone = true;
    // A part that is only a place or filler ("Cardiff & Vale") says nothing either way.
    if (!hasPerson(s) && s.statuses.length === 0 && !s.chair && words(p.text).length > 0 && !placeOnly(p.text)) return false;
  }
  return someone;
}

/** The group (social work, health, police) a person counts for under the minimum-attendee rule. */
export function personGroup(p: Person): "social_work" | "health" | "police" | null {
  return groupOf(p.role, p.agency);
}

/** Whether an attendance phrase can stand after the people it is about in prose ("Police couldn't make it"). */
function proseStatus(words: string): boolean {
  return !/^(y|n|no|yes|ok|present|report|reports|attended|joined|attending|in attendance|by phone|by telephone|on teams|chairing|chaired|unable|sick|on leave|on al|annual leave)$/i.test(words.trim());
}

/**
 * People named in a sentence of prose or a one-line message: after "Present were",
 * "Apologies from", "joined by", "chaired by" (and "with" in a sentence about the meeting
 * itself); before "couldn't make it", "were invited but did not join", "sent her report";
 * or a list that is nothing but people ("jo SW, dc patel, ann HV"). Null when the sentence
 * is not about who attended. Within one sentence, a role that could not come and a named
 * person who sent a report are one person ("Paeds couldn't join but Dr Yusuf sent her report").
 */
export function readAttendanceProse(text: string, opts: { meeting: boolean; lowerCase?: boolean }): Person[] | null {
  const parts = text.split(/\s+but\s+/i).map((p) => p.trim()).filter(Boolean);
  const people: Person[] = [];
  let any = false;
  for (const part of parts) {
    const found = proseClause(part, opts);
    if (!found) continue;
    any = true;
    people.push(...found);
  }
  if (!any) return null;
  // Apposition: an unnamed role and a named person of the same agency with no role of their own.
  for (const named of people.filter((p) => p.name && (!p.role || p.role.code === "other"))) {
    const role = people.find((p) => !p.name && p.role && p.role.code !== "other" && p.agency?.code === named.agency?.code);
    if (!role) continue;
    named.role = role.role;
    named.status = strongest([named.status, role.status], named.status);
    people.splice(people.indexOf(role), 1);
  }
  return people;
}

/** Whether some words say how someone attended ("couldn't make it", "were invited", "apols"). */
function cueIn(text: string): boolean {
  return (Object.entries(vocabulary().attendance) as [AttendanceStatus, string[]][])
    .filter(([status]) => status !== "took_part")
    .some(([status, list]) => findPhrases(list, text, `att:${status}`).some((m) => proseStatus(m.surface) || m.start > 0));
}

function proseClause(part: string, opts: { meeting: boolean; lowerCase?: boolean }): Person[] | null {
  const v = vocabulary();
  const lowerCase = opts.lowerCase;
  // After a cue: "Present were ...", "Apologies from ...", "chaired by ...".
  const chaired = /\bchaired by\s+(.+)$/i.exec(part);
  if (chaired?.[1] && purePerson(chaired[1], false, lowerCase)) {
    return readPeopleList(chaired[1], { status: "took_part", perLine: false, lowerCase }).map((p, i) => (i === 0 ? { ...p, chair: true } : p));
  }
  const prefixes = (Object.entries(v.attendance_prefix) as [AttendanceStatus, string[]][])
    .flatMap(([status, list]) => findPhrases(list, part, `pre:${status}`).map((m) => ({ status, m })))
    .filter(({ m }) => (m.surface.toLowerCase() !== "with" || opts.meeting) && (m.surface.toLowerCase() !== "present" || m.start === 0))
    .sort((a, b) => a.m.start - b.m.start);
  for (const { status, m } of prefixes) {
    const list = part.slice(m.end).replace(/^[\s:,-]+/, "");
    if (list && purePerson(list, false, lowerCase)) return readPeopleList(list, { status, perLine: false, lowerCase });
  }
  // A list of nothing but people, with at least one named role, title or "me" (an agency alone is a place, not a person);
  // what each says of their attendance stays with them ("..., hv sent report by email, school dsl mr ward").
  if (purePerson(part, false, lowerCase) && (cueIn(part) || /^\s*(no|nobody|no one|none)\b/i.test(part))) return readPeopleList(part, { status: "took_part", perLine: false, lowerCase });
  if (purePerson(part, true, lowerCase)) {
    // A role on its own at the head of a sentence ("HV - missed the last two reviews") is who spoke, not who attended.
    const people = readPeopleList(part, { status: "took_part", perLine: false, lowerCase });
    if (people.length > 1 || people.some((p) => p.name || p.self)) return people;
  }
  // Before a cue: "Police couldn't make it", "Surrey Police were invited but did not join", "HV apols".
  const cues = (Object.entries(v.attendance) as [AttendanceStatus, string[]][])
    .filter(([status]) => status !== "took_part")
    .flatMap(([status, list]) => findPhrases(list, part, `att:${status}`).map((m) => ({ status, m })))
    .filter(({ m }) => m.start > 0 && proseStatus(m.surface))
    .sort((a, b) => a.m.start - b.m.start);
  const cue = cues[0];
  if (cue) {
    const subject = part.slice(0, cue.m.start).replace(/\b(were|was|is|are|have|has)\s*$/i, "").trim();
    if (subject && purePerson(subject, false, lowerCase)) return readPeopleList(subject, { status: cue.status, perLine: false, lowerCase }).map((p) => ({ ...p, note: cue.m.surface }));
  }
  return null;
}
