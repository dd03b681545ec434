import { PhraseIndex, jurisdictionCues, readPersonTerms, roleEntry, words, type AgencyEntry, type PhraseEntry, type RoleEntry, type Title, type Word } from "../lexicon/index.js";
import { squash } from "./text.js";
import { isTitle } from "./titles.js";
import { findPhrases, heldRolePairs, isPhrase, key, vocabulary, type AttendanceStatus } from "./vocabulary.js";

// Words that link a person to a place; they never belong to the place's name in lower-case writing.
const LINKING = new Set(["from", "at", "with", "for", "to", "by", "in", "the"]);
/** Words that put a place after a person ("at", "from", "for"): what follows them is where they work. */
const PLACE_LINK = new Set(["from", "at", "for"]);

/**
 * Whether a role, agency or title is written before word `at`: "paediatrician from Prince Charles" puts a place after
 * someone, while "apologies from Sue Moss" names the person after the link.
 */
function someoneBefore(kinds: (string | null)[], at: number): boolean {
  return kinds.slice(0, at).some((k) => k === "role" || k === "agency" || k === "title");
}
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
  /** Marked as the one writing the notes ("– minutes", "(notes)"). */
  recorder: boolean;
  self: boolean;
  /** Words that are neither a person nor their role: a task, a decision, a sentence. */
  foreign: string[];
  /** "school were not invited": not an attendee at all. */
  notInvited: boolean;
  /** The words name only a team, unit or service ("Online Child Sexual Exploitation Team"): where someone works. */
  teamOnly: boolean;
  text: string;
}

type SegmentWord = { kind: "status"; status: AttendanceStatus } | { kind: "chair" } | { kind: "recorder" } | { kind: "self" } | { kind: "stop" };
let segmentIndex: PhraseIndex<SegmentWord> | undefined;

/** The words a person's entry may hold besides the person: how they attended, "chair", "me", and filler. */
function segmentWords(): PhraseIndex<SegmentWord> {
  if (segmentIndex) return segmentIndex;
  const v = vocabulary();
  const entries: PhraseEntry<SegmentWord>[] = [
    ...(Object.entries(v.attendance) as [AttendanceStatus, string[]][]).flatMap(([status, list]) => list.map((text) => ({ text, value: { kind: "status" as const, status } }))),
    ...v.chair_words.map((text) => ({ text, value: { kind: "chair" as const } })),
    ...v.recorder_words.map((text) => ({ text, value: { kind: "recorder" as const } })),
    ...v.self_words.map((text) => ({ text, value: { kind: "self" as const } })),
    ...v.person_stopwords.map((text) => ({ text, value: { kind: "stop" as const } })),
    ...v.attendance_forms.written_contribution.alone.map((text) => ({ text, value: { kind: "status" as const, status: "sent_report" as const } })),
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

/** A word of three or more capitals ("UASC", "DCHS"): an acronym, where two capitals are as often someone's initials. */
function acronym(w: Word): boolean {
  return /^\p{Lu}{3,}$/u.test(w.surface);
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

/** What each word of a segment is: part of a role, title or agency, an attendance word, or free (a name, or foreign). */
type WordKind = "role" | "title" | "agency" | "org" | "place" | "status" | "chair" | "recorder" | "self" | "stop" | "possessive" | null;

interface Analysis {
  ws: Word[];
  kinds: WordKind[];
  /** The role (or title's role) of each role or title word. */
  roleAt: (RoleEntry | null)[];
  terms: ReturnType<typeof readPersonTerms>;
  titleAt: number;
  titleTo: number;
  /** A collar number between a police rank and the name ("PC 4432 Rhodri Price"). */
  collarAt: Set<number>;
  explicitRole: RoleEntry | null;
  statuses: Segment["statuses"];
  /** The entry opens with initials that spell a role ("SW (TM)"): its role is the one after them. */
  initialsFirst: boolean;
  chair: boolean;
  recorder: boolean;
  self: boolean;
  lowerWriting: boolean;
  nameOk: (w: Word) => boolean;
  /** Some words were read as the name of a team, unit or service. */
  team: boolean;
}

/** Classify the words of a segment once: the lexicon's terms, organisations and places, attendance words, and the rest. */
function analyse(text: string, lowerCase?: boolean): Analysis {
  const v = vocabulary();
  const ws = words(text);
  const kinds = new Array<WordKind>(ws.length).fill(null);
  const roleAt = new Array<RoleEntry | null>(ws.length).fill(null);
  const mark = (from: number, to: number, kind: WordKind) => {
    for (let i = from; i < to; i++) kinds[i] ??= kind;
  };
  const terms = readPersonTerms(text, "list", ws);
  // "DC", "DS", "PC" are roles and titles: a title when a name follows them.
  const titleCapable = new Set<number>();
  let titleAt = -1;
  // Where the title ends: one of two words ("Staff Nurse", "Ch Insp") is written whole before the name.
  let titleTo = -1;
  const agencyRuns: { from: number; to: number; prefix: boolean; word: boolean; police: boolean }[] = [];
  let explicitRole: RoleEntry | null = null;
  let initialsFirst = false;
  for (const m of terms.matches) {
    const kind: WordKind = m.values.some((x) => x.kind === "role") ? "role" : m.values.some((x) => x.kind === "title") ? "title" : "agency";
    mark(m.from, m.to, kind);
    if (kind === "role" && m.values.some((x) => x.kind === "title")) titleCapable.add(m.from);
    for (const val of m.values) {
      if (val.kind === "title" && titleAt < 0) {
        titleAt = m.from;
        titleTo = m.to;
      }
      if (val.kind === "role" && (!explicitRole || val.role.rank < explicitRole.rank)) explicitRole = val.role;
      if (val.kind === "role" || (val.kind === "title" && val.role)) for (let i = m.from; i < m.to; i++) roleAt[i] ??= val.kind === "role" ? val.role : val.role;
      // Only an institution's word ("Primary", "Surgery", "Health") carries its name before it; a team's abbreviation (CAIT, YOT) follows a person's.
      if (val.kind === "agency") agencyRuns.push({ from: m.from, to: m.to, prefix: isPhrase(v.org_prefixes, m.surface, "orgprefix"), word: /^\p{Lu}/u.test(m.surface) && m.surface !== m.surface.toUpperCase(), police: val.agency.code === "police" });
    }
  }
  // Initials that spell a role, with no key: "SW (TM, ch)", "HV – duty SW" name one person by their initials, whose role
  // follows. A person has one role (two held together are joined by "and", "&" or "/"), so a capitalised two- or
  // three-letter role opening the entry, with another role in brackets or after a dash or comma, is the initials.
  const first = terms.matches[0];
  const later = terms.matches.find((m) => m.from > 0 && m.values.some((x) => x.kind === "role"));
  if (
    first && later && first.from === 0 && first.to === 1 && /^\p{Lu}{2,3}$/u.test(first.surface) &&
    first.values.every((x) => x.kind === "role") &&
    // Not the same role twice, nor two a school's lead holds together ("DSL (deputy head)").
    !later.values.some((x) => x.kind === "role" && first.values.some((y) => y.kind === "role" && (y.role.id === x.role.id || heldRolePairs().has(`${y.role.id}+${x.role.id}`)))) &&
    /^\s*(?:\(|,|[-–—]\s)/.test(text.slice((ws[0] as Word).end))
  ) {
    kinds[0] = null;
    roleAt[0] = null;
    explicitRole = null;
    for (const m of terms.matches) if (m !== first) for (const val of m.values) if (val.kind === "role" && (!explicitRole || val.role.rank < explicitRole.rank)) explicitRole = val.role;
    initialsFirst = true;
  }
  // Places are not names ("Leeds Children's Social Work Service").
  for (const c of jurisdictionCues(text, ws)) {
    const from = ws.findIndex((w) => w.start >= text.indexOf(c.words));
    if (from >= 0) mark(from, from + words(c.words).length, "place");
  }
  // An organisation's own name runs into its agency word: "Oakfield Primary", "St Anne's CE Primary", "Ysgol y Dderwen".
  const actionSet = actionWordSet();
  const orgWord = (i: number) => {
    const w = ws[i] as Word;
    if (kinds[i] !== null || actionSet.has(w.folded)) return false;
    return isCapital(w) || (w.folded === "s" && text[w.start - 1] === "'");
  };
  // In writing all in lower case ("ysgol y dderwen", "park view high"), an organisation's name has no capitals to tell it by.
  const lowerList = lowerCase === true;
  // A word linking a person to the place ("jo from school", "sam at the nursery") ends the name of the place.
  const orgLower = (i: number) =>
    lowerList && kinds[i] === null && !actionSet.has((ws[i] as Word).folded) && !/\d/.test((ws[i] as Word).surface) && !LINKING.has((ws[i] as Word).folded);
  for (const run of agencyRuns) {
    let i = run.from - 1;
    const suffix = isPhrase(v.org_suffixes, text.slice((ws[run.from] as Word).start, (ws[run.to - 1] as Word).end), "orgsuffix");
    // "the DSL at Kingsmead school", "from Greenway school": an institution's word written in lower case still carries
    // the capitalised name before it when a linking word says the person is at or from the place.
    let named = run.from - 1;
    while (named >= 0 && orgWord(named)) named--;
    const linked = suffix && named < run.from - 1 && named >= 0 && /^(?:at|from|of)$/.test((ws[named] as Word).folded);
    // Each force of England and Wales is named by its area and the lexicon holds every one ("North Wales Police",
    // "Dyfed Powys police"): capitals between a rank or role and the police's word are the officer's name, not the
    // force's ("DC Sam Whitfield North Wales Police", "detective constable Gwyn Davies Dyfed Powys police"), as
    // dictation runs them on; on their own ("DS Karen Liu, Eastshire Police") they still name the force.
    let back = run.from - 1;
    while (back >= 0 && back >= run.from - 4 && orgWord(back)) back--;
    const officer = run.police && back < run.from - 1 && back >= 0 && (kinds[back] === "title" || kinds[back] === "role");
    const carries = (run.word && !officer) || (lowerList && suffix) || linked;
    while (carries && i >= 0 && i >= run.from - 4 && (orgWord(i) || orgLower(i)) && contiguous(text, ws[i] as Word, ws[i + 1] as Word)) mark(i, i-- + 1, "org");
    if (run.prefix) {
      let j = run.to;
      while (j < ws.length && kinds[j] === null && (isCapital(ws[j] as Word) || PARTICLES.has(ws[j] as Word) || orgLower(j)) && contiguous(text, ws[j - 1] as Word, ws[j] as Word)) mark(j, ++j, "org");
    }
  }
  // A team, service or trust written as an acronym the lexicon does not know, straight after a role or an agency
  // ("HV (DCHS)", "paeds NCA", "TM UASC team", "Merseyside Police FCIU") is whose team it is, not somebody new.
  // Not when a word in capitals follows it: notes typed in capitals write a name that way ("SW AMY SHAW").
  for (let i = 1; i < ws.length; i++) {
    const prev = kinds[i - 1];
    const next = ws[i + 1];
    if (next && /^\p{Lu}+$/u.test(next.surface) && kinds[i + 1] === null) continue;
    if (kinds[i] === null && acronym(ws[i] as Word) && (prev === "role" || prev === "agency" || (prev === "org" && acronym(ws[i - 1] as Word)))) mark(i, i + 1, "org");
  }
  const team = markTeamNames(text, ws, kinds, mark);
  // A possessive before a role is whose they are, not who they are: "Kelly's TM Sam Patel".
  for (let i = 0; i + 2 < ws.length; i++) {
    const w = ws[i] as Word;
    const s = ws[i + 1] as Word;
    if (kinds[i] === null && s.folded === "s" && text.slice(w.end, s.start) === "'" && (kinds[i + 2] === "role" || kinds[i + 2] === "title")) mark(i, i + 2, "possessive");
  }
  // A short form written before a role and a name is the role's specialty ("LD nurse Elaine Kitt", "Jordan's CSE nurse
  // Amy Lee"), as "community" or "named" are; before a role alone ("KM SW") it is the person's initials.
  for (let i = 0; i + 2 < ws.length; i++) {
    const a = ws[i] as Word;
    const n = ws[i + 2] as Word;
    if (kinds[i] !== null || !/^\p{Lu}{2,4}$/u.test(a.surface) || kinds[i + 1] !== "role" || kinds[i + 2] !== null || !isCapital(n) || /^\p{Lu}+$/u.test(n.surface)) continue;
    mark(i, i + 1, "org");
    const owner = ws[i - 2];
    if (i >= 2 && owner && kinds[i - 2] === null && (ws[i - 1] as Word).folded === "s" && text.slice(owner.end, (ws[i - 1] as Word).start) === "'") mark(i - 2, i, "possessive");
  }
  const statuses: Segment["statuses"] = [];
  let chair = false;
  let recorder = false;
  let self = false;
  for (const m of segmentWords().matchAll(text, "list", ws)) {
    // A capital letter run into a name is an initial ("M.N", "SO'N"), not "n" for no.
    if (m.to - m.from === 1 && /^\p{Lu}$/u.test(m.surface) && /['.]/.test(text[m.start - 1] ?? "") && /\p{L}/u.test(text[m.start - 2] ?? "")) continue;
    // A capital letter after a title is the person's initial ("Dr E", "DC P"), as shorthand writes a name.
    if (m.to - m.from === 1 && /^\p{Lu}$/u.test(m.surface) && m.from > 0 && isTitle((ws[m.from - 1] as Word).folded)) continue;
    // "notes", "minutes" are filler words too; as a mark beside a person they say who wrote the notes.
    if (m.values.some((v) => v.kind === "recorder")) {
      recorder = true;
      mark(m.from, m.to, "recorder");
      continue;
    }
    for (const val of m.values) {
      if (val.kind === "status") {
        // A lone "y"/"n"/"no"/"ok" is an answer only in a table's attendance column.
        if (m.to - m.from === 1 && /^(y|n|no|yes|ok|report)$/i.test(m.surface) && ws.length > 1) continue;
        // Taking part denied ("not on the call", "wasn't present", "never joined") is not taking part.
        const negated = val.status === "took_part" && m.from > 0 ? negation(ws, m.from) : -1;
        if (negated >= 0) {
          statuses.push({ status: "invited_absent", words: text.slice((ws[negated] as Word).start, m.end) });
          mark(negated, m.to, "status");
          continue;
        }
        statuses.push({ status: val.status, words: m.surface });
        mark(m.from, m.to, "status");
      } else if (val.kind === "chair") {
        chair = true;
        mark(m.from, m.to, "chair");
      }
      // "I" only as a word on its own or before a verb in lower case ("I chaired as TM"), never an initial ("I Jones");
      // "me"/"myself" anywhere.
      else if (val.kind === "self" && (m.surface === "i" || (m.surface === "I" && ws.length > 3 && !/^\p{Ll}/u.test(ws[m.to]?.surface ?? "")))) continue;
      else if (val.kind === "self") {
        self = true;
        mark(m.from, m.to, "self");
      } else if (!(m.to - m.from === 1 && /^\p{Lu}{2,3}$/u.test(m.surface) && !/^(?:ME|I)$/.test(m.surface))) {
        // Filler words, but not initials in capitals ("SO", "AN" are someone's initials in a list).
        mark(m.from, m.to, "stop");
      }
    }
  }
  markRoleQualifiers(text, ws, kinds, mark, lowerCase);
  markAttendanceTimes(text, ws, kinds, mark);
  const contribution = writtenContribution(text, ws, kinds, statuses, lowerCase === true);
  if (contribution) {
    mark(contribution.from, contribution.to, "status");
    statuses.push({ status: "sent_report", words: text.slice((ws[contribution.from] as Word).start, (ws[contribution.to - 1] as Word).end) });
  }
  // Lower-case names only in lower-case writing ("jo SW, dc patel"); otherwise names are capitalised.
  const loose = ws.filter((_w, i) => kinds[i] === null);
  const lowerWriting = lowerCase ?? (loose.length > 0 && loose.every((w) => w.surface === w.surface.toLowerCase()));
  // Harm words ("mark", "cut") are names when written with a capital ("Mark Dunn").
  const harm = harmWordSet();
  const nameOk = (w: Word) =>
    !(lowerWriting && harm.has(w.folded)) &&
    !actionSet.has(w.folded) && !/\d/.test(w.surface) && (lowerWriting ? /^\p{L}/u.test(w.surface) : isCapital(w) || PARTICLES.has(w));
  // A police officer's collar (warrant) number written between the rank and the name ("PC 4432 Rhodri Price", "DC 2231
  // Imogen Shaw") is how forces identify the officer: it is part of how they are named, not a stray number.
  const collarAt = new Set<number>();
  for (let i = 0; i + 2 < ws.length; i++) {
    const rank = roleAt[i];
    const n = ws[i + 1] as Word;
    if ((kinds[i] === "title" || titleCapable.has(i)) && rank?.agency === "police" && kinds[i + 1] === null && /^\d{2,6}$/.test(n.surface) &&
      contiguous(text, ws[i] as Word, n) && kinds[i + 2] === null && nameOk(ws[i + 2] as Word) && contiguous(text, n, ws[i + 2] as Word, true)) {
      kinds[i + 1] = "title";
      collarAt.add(i + 1);
    }
  }
  for (const i of titleCapable) {
    const k = collarAt.has(i + 1) ? i + 2 : i + 1;
    const next = ws[k];
    if (next && kinds[k] === null && nameOk(next) && contiguous(text, ws[k - 1] as Word, next, true)) kinds[i] = "title";
  }
  return { ws, kinds, roleAt, terms, titleAt, titleTo, collarAt, explicitRole, statuses, initialsFirst, chair, recorder, self, lowerWriting, nameOk, team };
}

/**
 * What a role is qualified by, as health and council job titles are written (NHS Employers job profiles; the
 * Intercollegiate Document's "named nurse for safeguarding children"): a specialty in lower case before the role
 * ("diabetes specialist nurse", "epilepsy nurse specialist") or the remit after it ("Named Nurse for Safeguarding
 * Children"). These words are the role's, not a name nor a task. Only in writing with capitals, where a name is
 * capitalised; a task or telling word, a filler word or a number is never a qualifier. Not a word in a bracket after the
 * role: "(unwell)", "(away)" say the person did not come, and no list of specialties tells them apart.
 */
function markRoleQualifiers(text: string, ws: Word[], kinds: WordKind[], mark: (from: number, to: number, kind: WordKind) => void, lowerCase?: boolean): void {
  // The list's own writing when known; else the entry's: all its free words in lower case is writing in lower case.
  const loose = ws.filter((_w, i) => kinds[i] === null);
  if (lowerCase === true || loose.length === 0 || (lowerCase === undefined && loose.every((w) => w.surface === w.surface.toLowerCase()))) return;
  const actions = actionWordSet();
  const fillers = fillerWords();
  const children = new Set(vocabulary().child_words.filter((w) => !/\s/.test(w.trim())).map(key));
  const specialty = (i: number) => {
    const w = ws[i] as Word;
    return kinds[i] === null && /^\p{Ll}{3,}$/u.test(w.surface) && !actions.has(w.folded) && !fillers.has(w.folded);
  };
  for (let r = 0; r < ws.length; r++) {
    if (kinds[r] !== "role" || (r > 0 && kinds[r - 1] === "role")) continue;
    // Before the role, opening the entry or a part of it: "diabetes specialist nurse", "Claire Ndlovu, epilepsy nurse".
    let j = r;
    while (j > 0 && specialty(j - 1) && contiguous(text, ws[j - 1] as Word, ws[j] as Word)) j--;
    const opens = j === 0 || /[,;:(–—-]\s*$/.test(text.slice((ws[j - 1] as Word).end, (ws[j] as Word).start));
    if (j < r && opens) mark(j, r, "org");
  }
  for (let r = 0; r + 1 < ws.length; r++) {
    if (kinds[r] !== "role" || kinds[r + 1] === "role") continue;
    // The remit after the role: "for Safeguarding Children", "Safeguarding Children", whose children it is for ("Mum" or
    // "Decision" after a role are something else).
    let k = r + 1;
    if ((ws[k] as Word).folded === "for" && contiguous(text, ws[r] as Word, ws[k] as Word)) k++;
    let e = k;
    while (e < ws.length && kinds[e] === null && (isCapital(ws[e] as Word) || (ws[e] as Word).folded === "and") && contiguous(text, ws[e - 1] as Word, ws[e] as Word)) e++;
    const run = ws.slice(k, e);
    if (run.length > 0 && run.some((w) => children.has(w.folded)) && run.every((w) => actions.has(w.folded) || w.folded === "and" || /^safeguarding$/i.test(w.surface))) mark(r + 1, e, "org");
  }
}

/** A time after a word of arrival or leaving ("joined 10:15", "left at 11.00", "dialled in 2.10") is when, not a number in a task. */
function markAttendanceTimes(text: string, ws: Word[], kinds: WordKind[], mark: (from: number, to: number, kind: WordKind) => void): void {
  for (let i = 0; i + 1 < ws.length; i++) {
    const w = (ws[i] as Word).surface;
    const dialled = /^in$/i.test(w) && i > 0 && /^dial+ed$/i.test((ws[i - 1] as Word).surface);
    if (kinds[i] !== "status" || !(/^(?:joined|left|arrived|arr)$/i.test(w) || dialled)) continue;
    const time = /^\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?(?=$|[\s,;)])/i.exec(text.slice((ws[i] as Word).end));
    if (!time) continue;
    const end = (ws[i] as Word).end + time[0].length;
    let j = i + 1;
    while (j < ws.length && (ws[j] as Word).end <= end) j++;
    mark(i + 1, j, "status");
  }
}

let fillerCache: Set<string> | undefined;
function fillerWords(): Set<string> {
  fillerCache ??= new Set(vocabulary().person_stopwords.filter((w) => !/\s/.test(w.trim())).map(key));
  return fillerCache;
}

let teamWordsCache: { units: Set<string>; joiners: Set<string>; task: Set<string> } | undefined;
function teamWords() {
  if (teamWordsCache) return teamWordsCache;
  const v = vocabulary();
  const single = (list: string[]) => list.filter((w) => !/\s/.test(w.trim())).map(key);
  teamWordsCache = {
    units: new Set(v.team_names.unit_nouns.map(key)),
    joiners: new Set(v.team_names.joiners.map((w) => w.toLowerCase())),
    // A task or a telling word never opens a team's name ("Contact Family Support Team" is a task).
    task: new Set([...v.action_words.map(key), ...single(v.telling_words)]),
  };
  return teamWordsCache;
}

/**
 * A team, unit or service named after someone ("DC Kate Bellis – Online Child Sexual Exploitation Team", "(Online Child
 * Abuse team, police)"): a run of capitalised words, with their joining words, ending in a unit's noun is where the person
 * works, so its words (a child, abuse, an investigation) are neither a name nor the words of a concern (`team_names`).
 * The run must open the entry or follow punctuation or an agency: a name written straight before it ("DC Simon Hale
 * Child Protection Team") cannot be told from the team's name, and is left as it was.
 */
function markTeamNames(text: string, ws: Word[], kinds: WordKind[], mark: (from: number, to: number, kind: WordKind) => void): boolean {
  const { units, joiners, task } = teamWords();
  let found = false;
  for (let i = 1; i < ws.length; i++) {
    const unit = ws[i] as Word;
    if (!units.has(unit.folded) || (kinds[i] !== null && kinds[i] !== "agency")) continue;
    let j = i;
    while (j > 0) {
      const p = ws[j - 1] as Word;
      const k = kinds[j - 1];
      if (!contiguous(text, p, ws[j] as Word) || (k !== null && k !== "agency" && k !== "org") || /\d/.test(p.surface)) break;
      if (!(isCapital(p) || joiners.has(p.surface))) break;
      j--;
    }
    // A name opens with neither a joining word nor a task ("Contact Child Protection Team" is a task).
    while (j < i && (joiners.has((ws[j] as Word).surface) || task.has((ws[j] as Word).folded))) j++;
    // The unit's noun alone ("the team") names nothing; a run of words the lexicon already knows is already read.
    if (j === i || kinds.slice(j, i).every((k) => k !== null)) continue;
    const before = j > 0 ? text.slice((ws[j - 1] as Word).end, (ws[j] as Word).start) : "";
    if (j > 0 && /^\s*$/.test(before) && kinds[j - 1] !== "agency" && kinds[j - 1] !== "org") continue;
    mark(j, i + 1, "org");
    found = true;
  }
  // Typed fast, a unit's name is in lower case around its short form ("DC Brennan online CSE team", "Elaine Kitt
  // community LD team"), or follows the force's ("SWP custody investigation team"): lower-case words and short forms
  // before the unit's noun (and the agency's words that end in it), after a name or an agency, are the unit's name.
  // A name is capitalised, so it ends the run; the agency's own words keep what they are.
  for (let i = 1; i < ws.length; i++) {
    const unit = ws[i] as Word;
    if (!units.has(unit.folded) || (kinds[i] !== null && kinds[i] !== "agency")) continue;
    let a = i;
    while (a > 0 && (kinds[a - 1] === "agency" || kinds[a - 1] === "org") && contiguous(text, ws[a - 1] as Word, ws[a] as Word)) a--;
    let j = a;
    while (j > 0) {
      const p = ws[j - 1] as Word;
      if (!contiguous(text, p, ws[j] as Word) || kinds[j - 1] !== null || /\d/.test(p.surface) || task.has(p.folded) || fillerWords().has(p.folded)) break;
      if (!/^\p{Lu}{2,5}$/u.test(p.surface) && p.surface !== p.surface.toLowerCase()) break;
      j--;
    }
    if (j === a || j === 0) continue;
    const lead = kinds[j - 1];
    if (!(lead === "agency" || lead === "org" || (lead === null && isCapital(ws[j - 1] as Word)))) continue;
    mark(j, a, "org");
    if (kinds[i] === null) mark(a, i + 1, "org");
    found = true;
  }
  return found;
}

/** Words that deny what follows them: "not", "never", and a verb with n't ("wasn't", "didn't", "weren't"). */
const DENIAL = new Set(["not", "never"]);

/** Where the denial of the words at `at` starts ("not on the call", "wasn't present"), or -1 when they are not denied. */
function negation(ws: Word[], at: number): number {
  const prev = ws[at - 1] as Word;
  if (DENIAL.has(prev.folded)) return at - 1;
  // words() splits "wasn't" into "wasn" and "t".
  if (prev.folded === "t" && at >= 2 && /n$/.test((ws[at - 2] as Word).folded)) return at - 2;
  return -1;
}

/** Words that put a sending in the future or make it a task: "to send", "will email". */
const NOT_YET = /^(?:to|will|ll|shall|can|could|should|must|needs?|asked|going)$/i;

/**
 * A written contribution in someone's entry (`attendance_forms.written_contribution`): a verb of sending and the thing
 * sent, either way round, a few words apart ("sent a written summary of her contacts", "GP summary sent by email
 * 13/01", "records summary emailed"), with the rest of the clause after it (when, how, what it said). It says the
 * person sent a report when they did not take part: another status in the entry says so ("couldn't attend but sent
 * ..."), or the contribution is the entry's whole part, as lists write it after a dash ("Dr Sandhu (GP) – report
 * emailed 19/03"). Returns the words it covers, or null.
 */
function writtenContribution(text: string, ws: Word[], kinds: WordKind[], statuses: Segment["statuses"], lowerCase: boolean): { from: number; to: number } | null {
  const wc = vocabulary().attendance_forms.written_contribution;
  const verbs = findPhrases(wc.send_verbs, text, "contribution:verb", ws).filter((m) => !(m.from > 0 && NOT_YET.test((ws[m.from - 1] as Word).surface)));
  if (verbs.length === 0) return null;
  const docs = findPhrases(wc.documents, text, "contribution:doc", ws);
  // The words between the two describe what was sent ("a written", "DA", "PNC/PND and"): no one's name.
  const between = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const w = ws[i] as Word;
      if (kinds[i] === null && isCapital(w) && w.surface !== w.surface.toUpperCase()) return false;
    }
    return true;
  };
  let span: { from: number; to: number } | null = null;
  let docFirst = false;
  for (const v of verbs) {
    for (const d of docs) {
      const gap = d.from >= v.to ? d.from - v.to : v.from - d.to;
      if (gap < 0 || gap > 3 || !between(Math.min(v.to, d.to), Math.max(v.from, d.from))) continue;
      span = { from: Math.min(v.from, d.from), to: Math.max(v.to, d.to) };
      docFirst = d.from < v.from;
      break;
    }
    if (span) break;
  }
  if (!span) return null;
  const absent = statuses.some((s) => s.status !== "took_part");
  // In writing all in lower case (dictation) names have no capitals to stop at: the pair alone, or the words around
  // it would take in the person before it and the next one said.
  if (lowerCase) return absent || ws.every((_w, i) => (i >= span.from && i < span.to) || kinds[i] !== null) ? span : null;
  const plain = (i: number) => kinds[i] === null && (!isCapital(ws[i] as Word) || /\d/.test((ws[i] as Word).surface) || (ws[i] as Word).surface === "I");
  // What it was ("written", "overnight") before it; when, how and what it said after it, to the end of the part.
  for (let k = 0; docFirst && k < 2 && span.from > 0 && plain(span.from - 1) && !/\d/.test((ws[span.from - 1] as Word).surface); k++) span.from--;
  while (span.to < ws.length && (plain(span.to) || kinds[span.to] === "stop")) span.to++;
  const wholePart = ws.every((w, i) => (i >= span.from && i < span.to) || kinds[i] !== null || !isCapital(w));
  return absent || wholePart ? span : null;
}

function readSegmentUncached(text: string, lowerCase?: boolean): Segment {
  const a = analyse(text, lowerCase);
  const { ws, kinds, terms, titleAt, statuses, nameOk } = a;
  const covered = kinds.map((k) => k !== null);

  // "invited and attended": the attendance said wins over the invitation.
  if (statuses.some((x) => x.status === "took_part" && !/^(y|yes|ok)$/i.test(x.words)) && statuses.some((x) => /^invited$/i.test(x.words))) {
    statuses.splice(statuses.findIndex((x) => /^invited$/i.test(x.words)), 1);
  }
  // "No police available", "nobody from school": the agency named did not take part.
  const none = /^\s*(no|(?:nobody|no one|no-one|none)(?:\s+else)?\s+from)\s/i.exec(text);
  if (none && (terms.role || terms.agency) && !statuses.some((x) => x.status !== "took_part")) statuses.push({ status: "invited_absent", words: squash(text) });

  const actionWords = actionWordSet();
  const loose = ws.filter((_w, i) => !covered[i]);
  // A place's possessive standing for the place ("Dr Raj Menon (Paeds, St Luke's)", "DSL, St Anne's") is where they work:
  // its "s" is no word of a task.
  const possessive = (w: Word) => w.folded === "s" && /['’]$/.test(text.slice(0, w.start)) && ws.some((p) => p.end === w.start - 1 && isCapital(p));
  const foreign = loose.filter((w) => actionWords.has(w.folded) || /\d/.test(w.surface) || (!a.lowerWriting && !isCapital(w) && !PARTICLES.has(w) && !possessive(w)));
  let name: string | null = null;
  // In lower-case writing a harm word that is also a first name ("mark", "bruce") starts a name when a surname runs
  // straight on from it ("mark ellis"); on its own, or after a name, it stays a word of the concern.
  const firstName = (i: number) => {
    const w = ws[i] as Word;
    const next = ws[i + 1];
    return a.lowerWriting && !covered[i] && !actionWords.has(w.folded) && /^\p{L}+$/u.test(w.surface) && next !== undefined && !covered[i + 1] && nameOk(next) && contiguous(text, w, next, true);
  };
  for (let i = 0; i < ws.length; i++) {
    if (covered[i] || !(nameOk(ws[i] as Word) || firstName(i)) || PARTICLES.has(ws[i] as Word)) continue;
    // "paediatrician from Prince Charles", "DSL at Greenway": the name after the link is the workplace.
    if (i > 0 && PLACE_LINK.has((ws[i - 1] as Word).folded) && someoneBefore(kinds, i - 1) && !a.lowerWriting) {
      while (i + 1 < ws.length && !covered[i + 1] && nameOk(ws[i + 1] as Word)) i++;
      continue;
    }
    let j = i;
    // An acronym after a whole name ("DC Luke Harding RASSO") is their team, not more of the name; one after a first
    // name alone ("Zara KHAN") is a surname written in capitals.
    while (j + 1 < ws.length && !covered[j + 1] && nameOk(ws[j + 1] as Word) && j - i < 3 && !(j > i && acronym(ws[j + 1] as Word) && /\p{Ll}/u.test(text)) && contiguous(text, ws[j] as Word, ws[j + 1] as Word, true)) j++;
    const bare = text.slice((ws[i] as Word).start, (ws[j] as Word).end).replace(/[.,]+$/, "");
    // A title written against the name ("DC-EF", "DC/Abbas Khan") is kept with a space.
    const collar = a.collarAt.has(i - 1) ? (ws[i - 1] as Word) : null;
    const titled = a.titleTo === (collar ? i - 1 : i);
    const title = titled ? text.slice((ws[titleAt] as Word).start, (ws[a.titleTo - 1] as Word).end) : "";
    name = titleAt >= 0 && titled ? `${title} ${collar ? `${collar.surface} ` : ""}${bare}` : bare;
    break;
  }
  const titleRole = terms.title?.role ? (roleEntry(terms.title.role) ?? null) : null;
  return {
    name,
    explicitRole: a.explicitRole,
    titleRole,
    role: a.initialsFirst ? a.explicitRole : terms.role,
    agency: terms.agency,
    title: terms.title,
    statuses,
    chair: a.chair,
    recorder: a.recorder,
    self: a.self,
    foreign: foreign.filter((w) => !name?.includes(w.surface)).map((w) => w.surface),
    notInvited: /\bnot\s+(?:been\s+)?invited\b/i.test(text),
    teamOnly: a.team && name === null && !a.explicitRole && !a.self && ws.every((_w, i) => covered[i]),
    text: squash(text),
  };
}

/**
 * Where a run of people written without separators splits into one person each:
 * "jo hart sw dc amy shaw hv ann lee", "AB(SW) CD(TM) EF(DC)". Each name (with its
 * title) is a person; each role goes to the name beside it that has no role yet and
 * whose title agrees, on the side the run is written from (name first or role first).
 * Text naming one person, or names without roles, comes back whole.
 */
export function personUnits(text: string, lowerCase?: boolean): { start: number; end: number }[] {
  const whole = [{ start: 0, end: text.length }];
  const a = analyse(text, lowerCase);
  const { ws, kinds, roleAt } = a;
  // Names: runs of free name-like words, with a title written just before them.
  const units: { from: number; to: number; role: RoleEntry | null; titled: boolean; extra: number[] }[] = [];
  // A name in brackets says who the one before it is ("me (Bethan, SW)", "Dr Rahim (paediatrician, BCH)"), unless no name stands outside brackets ("SW (AB) TM (CD)").
  const depthAt = ws.map((w) => {
    let d = 0;
    for (const ch of text.slice(0, w.start)) d += ch === "(" || ch === "[" ? 1 : ch === ")" || ch === "]" ? -1 : 0;
    return d > 0;
  });
  const outsideName = ws.some((w, i) => !depthAt[i] && (kinds[i] === "self" || (kinds[i] === null && a.nameOk(w) && !PARTICLES.has(w))));
  for (let i = 0; i < ws.length; i++) {
    if (outsideName && depthAt[i]) continue;
    const free = (k: number) => kinds[k] === null && a.nameOk(ws[k] as Word) && !PARTICLES.has(ws[k] as Word);
    if (kinds[i] === "self") {
      units.push({ from: i, to: i + 1, role: null, titled: false, extra: [] });
      continue;
    }
    if (!free(i)) continue;
    let j = i;
    while (j + 1 < ws.length && free(j + 1) && j - i < 3 && contiguous(text, ws[j] as Word, ws[j + 1] as Word, true)) j++;
    // A name after "at", "from" or "for" is where the one before works ("DSL at St Mary's Juniors", "paediatrician from
    // Prince Charles", "the school nurse for Hillcrest"), never somebody new.
    if (i > 0 && PLACE_LINK.has((ws[i - 1] as Word).folded) && kinds[i - 1] !== "title" && (units.length > 0 || someoneBefore(kinds, i - 1))) {
      i = j;
      continue;
    }
    const titled = i > 0 && kinds[i - 1] === "title" && contiguous(text, ws[i - 1] as Word, ws[i] as Word, true);
    units.push({ from: titled ? i - 1 : i, to: j + 1, role: titled ? (roleAt[i - 1] ?? null) : null, titled, extra: [] });
    i = j;
  }
  if (units.length < 2) return whole;
  // A run opening with a title and name ("Dr Kemi Ade community paediatrician ...") is written name first, as one
  // opening with a name is.
  const nameFirst = kinds[0] === null || kinds[0] === "self" || (units[0]?.titled === true && units[0].from === 0);
  const claimed = new Set(units.flatMap((u) => Array.from({ length: u.to - u.from }, (_, k) => u.from + k)));
  let attached = 0;
  for (let i = 0; i < ws.length; i++) {
    if (claimed.has(i) || (kinds[i] !== "role" && kinds[i] !== "title" && kinds[i] !== "agency")) continue;
    let j = i;
    while (j + 1 < ws.length && !claimed.has(j + 1) && kinds[j + 1] === kinds[i]) j++;
    const role = roleAt[i] ?? null;
    const prev = [...units].reverse().find((u) => u.to <= i);
    const next = units.find((u) => u.from > j);
    const fits = (u: (typeof units)[number] | undefined) => Boolean(u) && (!role || !u!.role || u!.role.agency === role.agency);
    const free = (u: (typeof units)[number] | undefined) => fits(u) && (!role || !u!.role || !u!.titled);
    const order = nameFirst ? [prev, next] : [next, prev];
    // Written name first, a role straight after a titled name that has no written role yet is theirs: the title's role
    // ("Dr", "DC") is only the general one ("Dr Kemi Ade community paediatrician").
    const titledOpen = nameFirst && prev !== undefined && prev.titled && prev.extra.length === 0 && fits(prev);
    const target = (titledOpen ? prev : undefined) ?? order.find((u) => free(u) && (!role || !u!.role)) ?? order.find(fits);
    if (target) {
      if (role && (!target.role || target.titled)) target.role = role;
      for (let k = i; k <= j; k++) target.extra.push(k);
      if (kinds[i] !== "agency") attached++;
    }
    i = j;
  }
  // Only a run where most names carry a role is a list of people; "Claire Webb Little Acorns" is one person and her setting.
  if (units.filter((u) => u.role || u.titled || kinds[u.from] === "self").length < 2 || attached + units.filter((u) => u.titled).length < units.length - 1) return whole;
  const starts = units.map((u) => Math.min(u.from, ...u.extra)).sort((x, y) => x - y);
  const cuts = starts.slice(1).map((k) => {
    const at = (ws[k] as Word).start;
    // An opening bracket belongs to what follows it.
    return /[([]\s*$/.test(text.slice(0, at)) ? text.slice(0, at).search(/[([]\s*$/) : at;
  });
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const c of cuts) {
    if (c > from) out.push({ start: from, end: c });
    from = c;
  }
  out.push({ start: from, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim().length > 0);
}

/** Whether two words stand next to each other with only spaces (or, for names, an initial's dot) between. */
function contiguous(text: string, a: Word, b: Word, name = false): boolean {
  const gap = text.slice(a.end, b.start);
  // An initial runs into the next word with a dot alone ("J.B.", "K.Smith").
  if (name && gap === "." && a.surface.length === 1) return true;
  return name ? /^(\.?\s+|')$/.test(gap) || gap === "-" : /^\s+$/.test(gap) || gap === "'" || gap === "-";
}

/** Whether a segment names anyone at all. */
export function hasPerson(s: Segment): boolean {
  return Boolean(s.name || s.role || s.agency || s.self);
}

