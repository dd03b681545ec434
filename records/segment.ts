import { PhraseIndex, jurisdictionCues, readPersonTerms, roleEntry, words, type AgencyEntry, type PhraseEntry, type RoleEntry, type Title, type Word } from "../lexicon/index.js";
import { squash } from "./text.js";
import { isPhrase, key, vocabulary, type AttendanceStatus } from "./vocabulary.js";

/**
 * One entry of a list of people ("DC Mark Patel - CAIT", "who sent her report beforehand"):
 * the role, agency and title the lexicon finds in it, the words that say how the person
 * attended, "chair" and "me", and what is left that looks like a name. Words that are
 * neither (a task, a decision) are kept as `foreign`: the entry is then not a person.
 */

/** One entry of a list of people, read: who, in what role, and what it says of their attendance. */
export interface Segment {
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
export function actionWordSet(): Set<string> {
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
  const loose = ws.filter((_w, i) => !covered[i]);
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

/** Whether a segment names anyone at all. */
export function hasPerson(s: Segment): boolean {
  return Boolean(s.name || s.role || s.agency || s.self);
}

