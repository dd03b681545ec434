/**
 * Strategy discussion records: field-level precision and recall of `draft` over the
 * team's notes corpus (test/records/notes-corpus.jsonl), per note format, and apart from
 * it a held-out set only when asked (`--heldout test/heldout/notes-heldout-2.jsonl`), so a
 * routine run never shows held-out figures to someone tuning. Held-out figures are
 * aggregates only: no held-out note is ever printed.
 *
 *   node dist/scripts/eval-records.js [--file corpus.jsonl] [--second file|none] [--third file|none] [--heldout file|none]
 *     [--detail format,...|all|v:variation|n:style|r:style|c:style|s:way|h:way] [--variations] [--damage N] [--generated N [--seed S]] [--templates N] [--dictation] [--chat]
 *     [--voice] [--scribble] [--dev file|none] [--dev-hold format] [--attendance N [--attendance-hold format]] [--spoken N]
 *     [--actions N [--actions-hold format]] [--strict-owners]
 */
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fixedClock } from "../core/clock.js";
import { fromRoot } from "../core/paths.js";
import { createDeadlineCalculator, type DeadlineCalculator } from "../deadlines/index.js";
import { draftFromNotes, MAX_NOTES_CHARS, type DraftResult } from "../records/index.js";
import { damage, seeded, vary, VARIATIONS } from "./note-variations.js";
import { TEMPLATE_FORMATS, writeNotes, type Gold } from "./note-writer.js";
import { SPEECH_STYLES, speakNotes, speakRecord, type SpeechStyle } from "./note-dictation.js";
import { chatCases } from "./chat-transcripts.js";
import { VOICE_HELD_OUT, VOICE_WAYS, voiceRecord } from "./note-voice.js";
import { SCRIBBLE_WAYS, scribbleRecord } from "./note-shorthand.js";
import { walkChats, WALK_HELD_OUT } from "./chat-walk.js";
import { ATTENDANCE_HELD_OUT, writeAttendanceNotes } from "./note-attendance.js";
import { ACTIONS_HELD_OUT, writeActionNotes } from "./note-actions.js";
import { SPOKEN_HELD_OUT, writeSpokenAttendanceNotes } from "./note-spoken-attendance.js";
import { fold, readPersonTerms } from "../lexicon/index.js";

/**
 * Formats whose individual failures were looked at while the reader was first written;
 * the others (tables, bullets, abbreviations) were built from how such notes are
 * structured and reported apart as the cross-validation by format. records/README.md
 * keeps the figures recorded before their failures were looked at; since then all formats
 * have been tuned on, and the held-out set is the untuned measure.
 */
export const DEV_FORMATS = ["headed", "inline", "per_line", "teams_oneline", "email"];

/**
 * Round 9's development set (test/records/notes-dev-8.jsonl, written by an author who never saw the code) is tuned
 * on, but one whole format is held out of it: its notes' individual problems are never printed (`--detail d:FORMAT`
 * refuses it unless `--final`), so its figures are the cross-validation by format. Chosen before the first run.
 */
export const DEV8_HELD_OUT = "mixed";

/** The speech style whose dictated notes were not looked at while the dictation reader was changed (round 4). */
export const DICTATION_HELD_OUT = "caps";

export interface NoteCase { id: string; format: string; jurisdiction: string; today: string; notes: string; gold: Gold }

/** Counts for one note (or summed over many). */
export interface Tally {
  notes: number;
  attGold: number; attPred: number; attHit: number;
  statusHit: number;
  actGold: number; actPred: number; actHit: number; actFull: number;
  decGold: number; decPred: number; decHit: number;
  gapMissed: number; gapFalse: number; gapMust: number;
  falseOnComplete: number; complete: number;
  invented: number; wrong: number; fields: number;
  jurHit: number;
  unsourced: number;
  crashed: number;
  /** Parts the draft asks to check rather than flags as missing. */
  checks: number;
}

const zero = (): Tally => ({
  notes: 0, attGold: 0, attPred: 0, attHit: 0, statusHit: 0, actGold: 0, actPred: 0, actHit: 0, actFull: 0,
  decGold: 0, decPred: 0, decHit: 0, gapMissed: 0, gapFalse: 0, gapMust: 0, falseOnComplete: 0, complete: 0,
  invented: 0, wrong: 0, fields: 0, jurHit: 0, unsourced: 0, crashed: 0, checks: 0,
});

function add(a: Tally, b: Tally): Tally {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof Tally)[]) out[k] += b[k];
  return out;
}

// Titles and ranks, abbreviated or said in full ("doctor", "sister", "staff nurse"), are not the name: writers keep or drop them.
const TITLES = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "dc", "ds", "di", "dci", "pc", "ps", "sgt", "insp", "pcso", "cllr",
  "doctor", "sister", "sr", "staff", "charge", "nurse",
]);

function nameTokens(name: string | null): string[] {
  if (!name) return [];
  // A directory name ("Jones, Amy") is the same person as "Amy Jones".
  const m = /^([^,()]+),\s*([^,()]+?)(\s*\(.*\))?$/.exec(name.trim());
  if (m && m[1] && m[2] && m[1].trim().split(/\s+/).length === 1) name = `${m[2]} ${m[1]}`;
  return fold(name)
    // "S/N" is Staff Nurse, one title.
    .replace(/\bs\/n\b/g, " ")
    .replace(/[^a-z0-9' -]/g, " ")
    .split(/\s+/)
    .map((t) => t.replace(/'/g, ""))
    // A police collar number between rank and name ("PC 4432 Rhodri Price") identifies the officer; some writers leave it out.
    .filter((t) => t && !TITLES.has(t) && !/^\d+$/.test(t));
}

/** Same person: equal names, or one is a first name or surname of the other, or initials agree. */
export function sameName(a: string | null, b: string | null): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return x.length === y.length && (a === null) === (b === null);
  if (x.join(" ") === y.join(" ")) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 1) return long.includes(short[0] as string);
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  return (short[0] ?? "").charAt(0) === (long[0] ?? "").charAt(0);
}

function sameOwner(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  const g = fold(gold).replace(/[^a-z0-9]+/g, " ").trim();
  const p = fold(pred).replace(/[^a-z0-9]+/g, " ").trim();
  return g === p || sameName(gold, pred);
}

/** Words a writer uses for themselves as an action's owner. */
const SELF = /^(?:i|me|myself)$/i;

/** The role some words name when they name nothing else ("SW", "the duty social worker", "police"), else null. */
function roleOnly(text: string): string | null {
  const t = readPersonTerms(text);
  if (!t.role) return null;
  let rest = text;
  for (const m of t.matches) rest = rest.slice(0, m.start) + " ".repeat(m.end - m.start) + rest.slice(m.end);
  return /^(?:\s|\b(?:the|our|duty|allocated|named|a)\b|[()/,.-])*$/i.test(rest) ? t.role.code : null;
}

/** Initials of a name, titles left out: "Paul Kerr" → "pk", "DS Paul Kerr" → "pk". */
function initialsOf(name: string): string {
  return nameTokens(name).map((t) => t.charAt(0)).join("");
}

/** What the scorer knows of the draft to tell who an owner is: the people read and who wrote the notes. */
interface OwnerWorld { attendees: Seen["attendees"]; author: string | null }

/**
 * One owner against one owner, as the gold schema allows ("name or role as written"): the same words or person; the same
 * role by any alias ("SW", "social worker"); a role and the person the draft read in that role; initials and the name
 * they stand for ("PK", "Paul Kerr"); a title and an initial and the full surname ("DS N", "DS Ndlovu"); "me" and the
 * writer; a gloss in brackets either way ("TM (Tina)").
 */
function oneOwner(gold: string, pred: string, world: OwnerWorld): boolean {
  if (sameOwner(gold, pred)) return true;
  const gloss = (s: string) => {
    const m = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(s.trim());
    return m ? [m[1] as string, m[2] as string] : [];
  };
  if (gloss(gold).some((g) => oneOwner(g, pred, world)) || gloss(pred).some((p) => oneOwner(gold, p, world))) return true;
  const self = (s: string) => SELF.test(s.trim());
  if (self(pred) && world.author) return sameName(gold, world.author);
  if (self(gold) && world.author) return sameName(pred, world.author);
  const rg = roleOnly(gold);
  const rp = roleOnly(pred);
  if (rg && rp) return rg === rp;
  // A role written for a person the notes name (or the other way round): the draft's attendee in that role.
  if (rg && world.attendees.some((a) => a.role === rg && a.name && sameName(a.name, pred))) return true;
  if (rp && world.attendees.some((a) => a.role === rp && a.name && sameName(a.name, gold))) return true;
  // Initials may spell a role ("SW" for Sarah Wells): they match the name whose initials they are, whatever else they spell.
  const caps = (s: string) => /^(?:[A-Z][a-z]{0,3}\.?\s+)?[A-Z]{2,3}$/.test(s.trim());
  if (caps(gold) && initialsOf(pred).length >= 2 && fold(gold.trim().split(/\s+/).pop() ?? "") === initialsOf(pred)) return true;
  if (caps(pred) && initialsOf(gold).length >= 2 && fold(pred.trim().split(/\s+/).pop() ?? "") === initialsOf(gold)) return true;
  // "DS N" for "DS Ndlovu", "Mrs J" for "Mrs Jones": the same title and the surname's initial.
  const titled = (s: string) => /^(\S+)\s+(\S+)$/.exec(s.trim());
  const [tg, tp] = [titled(gold), titled(pred)];
  if (tg && tp && fold(tg[1] as string) === fold(tp[1] as string) && TITLES.has(fold(tg[1] as string).replace(/\.$/, ""))) {
    const [a, b] = [fold(tg[2] as string), fold(tp[2] as string)];
    if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return true;
  }
  return false;
}

/** Joint owners ("SW + DC", "Ben and Amy", "Kwame / Nura"), split where people are joined. */
function ownerParts(owner: string): string[] {
  return owner.split(/\s*(?:\+|&|\/|,|\band\b)\s*/i).map((s) => s.trim()).filter(Boolean);
}

/** An action's owner as read against the gold's: one owner, or the same people joined in any order or way. */
export function ownerMatches(gold: string | null, pred: string | null, world: OwnerWorld = { attendees: [], author: null }): boolean {
  if (gold === null || pred === null) return gold === pred;
  if (oneOwner(gold, pred, world)) return true;
  const [gp, pp] = [ownerParts(gold), ownerParts(pred)];
  if (gp.length < 2 && pp.length < 2) return false;
  if (gp.length !== pp.length) return false;
  const free = [...pp];
  for (const g of gp) {
    const i = free.findIndex((p) => oneOwner(g, p, world));
    if (i < 0) return false;
    free.splice(i, 1);
  }
  return true;
}

function sameRef(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  const g = fold(gold).replace(/[^a-z0-9]/g, "");
  const p = fold(pred).replace(/[^a-z0-9]/g, "");
  return g === p || g.endsWith(p) || p.endsWith(g);
}

const STOP = new Set(["to", "the", "a", "an", "and", "of", "with", "for", "by", "on", "at", "in", "from", "be", "will"]);
function contentWords(s: string): Set<string> {
  return new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** A word shortened as notes shorten it, from its start ("chron" for chronology, "med" for medical): the record keeps the notes' words. */
function abbreviates(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && short !== long && long.startsWith(short) && !/\d/.test(short);
}

/** The draft seen through the gold schema (reading the fields added with statuses and sources). */
interface Seen {
  attendees: { name: string | null; role: string | null; status: string }[];
  actions: { what: string; owner: string | null; due: string | null }[];
  meeting: Record<"date" | "time" | "format" | "child_ref" | "chair" | "recorded_by", string | null>;
  decisions: Gold["decisions"];
  gaps: Set<string>;
  jurisdiction: string | null;
  sources: string[];
}

type LooseAttendee = { name: string | null; role: string | null; role_code?: string | null; attended: boolean; status?: string; source?: string | null };
type LooseRecord = DraftResult["record"] & {
  chair?: string | null;
  attendees: LooseAttendee[];
  jurisdiction?: { value: string } | null;
  source?: Record<string, string | undefined>;
};

function see(draft: DraftResult): Seen {
  const r = draft.record as LooseRecord;
  const d = r.decisions as LooseRecord["decisions"] & { criminal_investigation: { lead_by?: string | null } };
  const sources = [
    ...Object.values(r.source ?? {}),
    ...r.attendees.map((a) => a.source),
    ...r.actions.map((a) => (a as { source?: string | null }).source),
  ].filter((s): s is string => typeof s === "string");
  return {
    // A draft without role codes (before they were added) is read through the alias table.
    attendees: r.attendees.map((a) => ({ name: a.name, role: a.role_code ?? (a.role ? (readPersonTerms(a.role).role?.code ?? "other") : "other"), status: a.status ?? (a.attended ? "took_part" : "invited_absent") })),
    actions: r.actions.map((a) => ({ what: a.action, owner: a.owner, due: a.due })),
    meeting: { date: r.date, time: r.time, format: r.format, child_ref: r.child_ref, chair: r.chair ?? null, recorded_by: r.recorded_by },
    decisions: {
      section47: d.section47.decision,
      criminal_investigation: d.criminal_investigation.decision,
      criminal_lead: d.criminal_investigation.lead_by ?? null,
      legal_action: d.legal_action.decision,
    },
    // A check stands in for a gap the reader could not be sure of (a due date counted from a meeting date the notes
    // do not give): the practitioner is asked to look at it either way, so it counts as raised, and as a false gap too.
    gaps: new Set([...draft.gaps, ...(draft.checks ?? [])].map((g) => g.field.replace(/\[\d+\]/, ""))),
    jurisdiction: r.jurisdiction?.value ?? null,
    sources,
  };
}

/** `--strict-owners`: the owner matched as before round 12 (same words or same person only), for before/after figures. */
const strictOwners = process.argv.includes("--strict-owners");

/** Compare one draft with its gold record; `notes` checks that every source is the notes' own words. */
export function score(gold: Gold, draft: DraftResult, notes: string): { tally: Tally; problems: string[] } {
  const t = zero();
  const problems: string[] = [];
  const s = see(draft);
  t.notes = 1;
  t.checks = draft.checks?.length ?? 0;

  // Attendees: a hit needs the same person (name) and the same role.
  t.attGold = gold.attendees.length;
  t.attPred = s.attendees.length;
  const free = [...s.attendees];
  for (const g of gold.attendees) {
    const i = free.findIndex((p) => p.role === g.role && sameName(g.name, p.name));
    if (i < 0) {
      problems.push(`attendee missed: ${g.name ?? "(unnamed)"} ${g.role} ${g.status}`);
      continue;
    }
    const p = free.splice(i, 1)[0] as Seen["attendees"][number];
    t.attHit++;
    if (p.status === g.status) t.statusHit++;
    else problems.push(`status of ${g.name ?? g.role}: ${p.status}, expected ${g.status}`);
  }
  for (const p of free) problems.push(`attendee extra: ${p.name ?? "(unnamed)"} ${p.role} ${p.status}`);

  // Actions: paired by the words of what is to be done, then owner and due date.
  t.actGold = gold.actions.length;
  t.actPred = s.actions.length;
  const left = s.actions.map((a, i) => ({ ...a, i, words: contentWords(a.what) }));
  const world: OwnerWorld = { attendees: s.attendees, author: s.meeting.recorded_by };
  for (const g of gold.actions) {
    const gw = contentWords(g.what);
    let best = -1;
    let bestScore = 0;
    left.forEach((p, k) => {
      const overlap = [...gw].filter((w) => p.words.has(w) || [...p.words].some((x) => abbreviates(w, x))).length;
      const sc = overlap + (ownerMatches(g.owner, p.owner, world) ? 0.5 : 0) + (g.due === p.due ? 0.5 : 0);
      if (overlap > 0 && sc > bestScore) {
        best = k;
        bestScore = sc;
      }
    });
    if (best < 0) {
      problems.push(`action missed: ${g.what} / ${g.owner ?? "-"} / ${g.due ?? "-"}`);
      continue;
    }
    const p = left.splice(best, 1)[0] as (typeof left)[number];
    t.actHit++;
    const ownerOk = strictOwners ? sameOwner(g.owner, p.owner) : ownerMatches(g.owner, p.owner, world);
    const dueOk = g.due === p.due;
    if (ownerOk && dueOk) t.actFull++;
    else problems.push(`action "${g.what}": owner ${p.owner ?? "-"} due ${p.due ?? "-"}, expected ${g.owner ?? "-"} / ${g.due ?? "-"}`);
    if (g.owner === null && p.owner !== null) t.invented++;
    if (g.due === null && p.due !== null) t.invented++;
  }
  for (const p of left) problems.push(`action extra: ${p.what} / ${p.owner ?? "-"} / ${p.due ?? "-"}`);

  // Decisions: a decided value (yes/no, a lead) is a positive.
  for (const k of ["section47", "criminal_investigation", "legal_action", "criminal_lead"] as const) {
    const g = gold.decisions[k];
    const p = s.decisions[k];
    const decided = (v: string | null) => v !== null && v !== "undecided";
    if (decided(g)) t.decGold++;
    if (decided(p)) t.decPred++;
    if (decided(g) && g === p) t.decHit++;
    if (g !== p) problems.push(`decision ${k}: ${p ?? "-"}, expected ${g ?? "-"}`);
  }

  // Gaps.
  t.gapMust = gold.must_flag.length;
  for (const code of gold.must_flag) {
    if (!s.gaps.has(code)) {
      t.gapMissed++;
      problems.push(`gap missed: ${code}`);
    }
  }
  for (const code of gold.must_not_flag) {
    if (s.gaps.has(code)) {
      t.gapFalse++;
      problems.push(`false gap: ${code}`);
    }
  }
  if (gold.must_flag.length === 0) {
    t.complete = 1;
    if (gold.must_not_flag.some((c) => s.gaps.has(c))) t.falseOnComplete = 1;
  }

  // Meeting facts: filled where the notes say nothing is invented; filled differently is wrong.
  const goldMeeting = { ...gold.meeting, child_ref: gold.child_ref, chair: gold.chair, recorded_by: gold.recorded_by };
  for (const k of Object.keys(goldMeeting) as (keyof typeof goldMeeting)[]) {
    const g = goldMeeting[k];
    const p = s.meeting[k];
    t.fields++;
    const same = k === "child_ref" ? sameRef(g, p) : k === "chair" || k === "recorded_by" ? sameOwner(g, p) : g === p;
    if (same) continue;
    if (g === null) {
      t.invented++;
      problems.push(`invented ${k}: ${p}`);
    } else {
      t.wrong++;
      problems.push(`${k}: ${p ?? "-"}, expected ${g}`);
    }
  }

  if ((s.jurisdiction ?? "england") === gold.jurisdiction) t.jurHit = 1;
  else problems.push(`jurisdiction: ${s.jurisdiction ?? "-"}, expected ${gold.jurisdiction}`);

  const plain = squash(notes);
  // A source may quote several places of the notes, joined with "; ".
  for (const src of s.sources.flatMap((x) => x.split("; "))) {
    if (!plain.includes(squash(src))) {
      t.unsourced++;
      problems.push(`source not in the notes: ${src.slice(0, 60)}`);
    }
  }
  return { tally: t, problems };
}

/** Whitespace, markdown emphasis and table bars do not count when checking a source is the notes' words. */
function squash(s: string): string {
  return s.replace(/\*\*|__/g, "").replace(/[\s|]+/g, " ").trim().toLowerCase();
}

const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(2).padStart(5));

function line(label: string, t: Tally): string {
  return [
    label.padEnd(16),
    String(t.notes).padStart(3),
    `${ratio(t.attHit, t.attPred)} ${ratio(t.attHit, t.attGold)}`,
    ratio(t.statusHit, t.attHit),
    `${ratio(t.actHit, t.actPred)} ${ratio(t.actHit, t.actGold)}`,
    `${ratio(t.actFull, t.actPred)} ${ratio(t.actFull, t.actGold)}`,
    `${ratio(t.decHit, t.decPred)} ${ratio(t.decHit, t.decGold)}`,
    `${String(t.gapMissed).padStart(4)}/${String(t.gapMust).padEnd(3)}`,
    String(t.gapFalse).padStart(5),
    `${String(t.falseOnComplete).padStart(3)}/${String(t.complete).padEnd(3)}`,
    String(t.invented).padStart(5),
    String(t.wrong).padStart(5),
    ratio(t.jurHit, t.notes),
    String(t.unsourced).padStart(5),
    String(t.checks).padStart(5),
  ].join("  ");
}

const HEADER =
  `${"".padEnd(16)}  ${"n".padStart(3)}  ${"att P".padStart(5)} ${"att R".padStart(5)}  ${"stat".padStart(5)}  ${"act P".padStart(5)} ${"act R".padStart(5)}  ` +
  `${"full P".padStart(5)} ${"full R".padStart(5)}  ${"dec P".padStart(5)} ${"dec R".padStart(5)}  gaps missed  false  false/complete  invent  wrong  juris  unsourced  checks`;

/** False and missed gaps by gap code since the last report (printed with `--gaps`; aggregates only). */
const gapCounts = new Map<string, number>();

/** Draft every note of a set and score it; crashes count and are reported, never hidden. */
export function evaluate(cases: NoteCase[], calculator: DeadlineCalculator, detail: (c: NoteCase) => boolean = () => false): Map<string, Tally> {
  const byFormat = new Map<string, Tally>();
  for (const c of cases) {
    let tally: Tally;
    try {
      const draft = draftFromNotes(c.notes, { clock: fixedClock(`${c.today}T12:00:00Z`), calculator });
      const r = score(c.gold, draft, c.notes);
      tally = r.tally;
      for (const p of r.problems) {
        const m = /^(false gap|gap missed): (.+)$/.exec(p);
        if (m) gapCounts.set(`${m[1]} ${m[2]}${r.tally.complete ? " (complete)" : ""}`, (gapCounts.get(`${m[1]} ${m[2]}${r.tally.complete ? " (complete)" : ""}`) ?? 0) + 1);
      }
      if (detail(c) && r.problems.length > 0) console.log(`  ${c.id} (${c.format}):\n${r.problems.map((p) => `    - ${p}`).join("\n")}`);
    } catch (e) {
      tally = { ...zero(), notes: 1, crashed: 1, attGold: c.gold.attendees.length, actGold: c.gold.actions.length, gapMust: c.gold.must_flag.length };
      if (detail(c)) console.log(`  ${c.id}: error ${e instanceof Error ? e.message : String(e)}`);
    }
    byFormat.set(c.format, add(byFormat.get(c.format) ?? zero(), tally));
  }
  return byFormat;
}

function readCases(path: string): NoteCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NoteCase);
}

function report(title: string, byFormat: Map<string, Tally>, split: boolean, perFormat = split): void {
  console.log(`\n${title}`);
  console.log(HEADER);
  let all = zero();
  let dev = zero();
  let rest = zero();
  for (const [format, t] of [...byFormat.entries()].sort()) {
    if (split) console.log(line(`${DEV_FORMATS.includes(format) ? " " : "*"}${format}`, t));
    else if (perFormat) console.log(line(` ${format}`, t));
    all = add(all, t);
    if (DEV_FORMATS.includes(format)) dev = add(dev, t);
    else rest = add(rest, t);
  }
  if (split) {
    console.log(line(" dev formats", dev));
    console.log(line("*formats held out (CV)", rest));
  }
  console.log(line(" all", all));
  if (all.crashed > 0) console.log(`  ${all.crashed} note(s) could not be drafted`);
  if (process.argv.includes("--gaps") && gapCounts.size > 0) {
    console.log(`  gaps by code: ${[...gapCounts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join("; ")}`);
  }
  gapCounts.clear();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const calculator = createDeadlineCalculator();
  const file = opt("--file") ?? fromRoot("test", "records", "notes-corpus.jsonl");
  const detailArg = opt("--detail");
  const detailFormats = detailArg ? new Set(detailArg.split(",")) : new Set<string>();
  const cases = readCases(file);
  console.log(`Strategy discussion records: ${cases.length} notes from ${file}`);
  console.log("P = precision, R = recall; full = action found with its owner and due date; gaps missed of must-flag; invented = filled where the notes say nothing");
  report("Team corpus, by note format (* = formats held out in the cross-validation by format)", evaluate(cases, calculator, (c) => detailFormats.has("all") || detailFormats.has(c.format)), true);
  const second = opt("--second") ?? fromRoot("test", "records", "notes-fresh.jsonl");
  if (second !== "none" && existsSync(second) && !opt("--file")) {
    const more = readCases(second);
    report(`Second team set (${more.length} notes written after the reader; tuned on after one run, see records/README.md)`, evaluate(more, calculator, (c) => detailFormats.has("all") || detailFormats.has(c.format)), false);
  }

  const third = opt("--third") ?? fromRoot("test", "records", "notes-devcheck.jsonl");
  if (third !== "none" && existsSync(third) && !opt("--file")) {
    const more = readCases(third);
    report(`Third team set (${more.length} notes written before the reader's second round; its first run is recorded in records/README.md)`, evaluate(more, calculator, (c) => detailFormats.has("all") || detailFormats.has(c.format)), false, true);
  }
  const fourth = opt("--dictated") ?? fromRoot("test", "records", "notes-dictated.jsonl");
  if (fourth !== "none" && existsSync(fourth) && !opt("--file")) {
    const more = readCases(fourth);
    report(`Dictated notes (${more.length} voice-to-text notes written before the reader's third round; first run in records/README.md)`, evaluate(more, calculator, (c) => detailFormats.has("all") || detailFormats.has(c.format)), false, true);
  }
  const dev = opt("--dev") ?? fromRoot("test", "records", "notes-dev-8.jsonl");
  if (dev !== "none" && existsSync(dev) && !opt("--file")) {
    const hold = opt("--dev-hold") ?? DEV8_HELD_OUT;
    const more = readCases(dev);
    const detailOk = (c: NoteCase) => c.format !== hold || args.includes("--final");
    const byFormat = evaluate(more, calculator, (c) => (detailFormats.has("d:all") || detailFormats.has(`d:${c.format}`)) && detailOk(c));
    let tuned = zero();
    for (const [k, t] of byFormat) if (k !== hold) tuned = add(tuned, t);
    report(`Development set #8 (${more.length} notes by an author who saw no code; * = format held out, never looked at)`, new Map([...byFormat].map(([k, t]) => [k === hold ? `*${k}` : k, t])), false, true);
    console.log(line(" tuned formats", tuned));
  }
  if (args.includes("--variations")) {
    // Every team note rewritten as the same practitioner might have typed it: the gold record still holds.
    const all = [cases, ...[second, third].filter((f) => f !== "none" && existsSync(f) && !opt("--file")).map(readCases)].flat();
    const byKind = new Map<string, Tally>();
    let seed = 1;
    for (const kind of VARIATIONS) {
      const varied = all.map((c) => ({ ...c, format: kind, notes: vary(c.notes, kind, seeded(seed++)) }));
      for (const [k, t] of evaluate(varied, calculator, (c) => detailFormats.has(`v:${kind}`) && c.format === kind)) byKind.set(k, add(byKind.get(k) ?? zero(), t));
    }
    report(`Team notes rewritten (${all.length} notes, each variation of all of them; gold records unchanged)`, byKind, false, true);
  }
  if (args.includes("--dictation")) {
    // Every team note read out, and every team gold record said aloud, in each speech style (scripts/note-dictation.ts).
    // Typed e-mails and tables are not dictated. The style DICTATION_HELD_OUT was never looked at in detail while the
    // dictation reader was changed: it is the cross-validation by style.
    const all = [cases, ...[second, third, fourth].filter((f) => f !== "none" && existsSync(f) && !opt("--file")).map(readCases)].flat();
    const spoken = all.filter((c) => !/^(email|table_)/.test(c.format) && c.format !== "dictated");
    const read = new Map<string, Tally>();
    const said = new Map<string, Tally>();
    let seed = 101;
    for (const style of SPEECH_STYLES) {
      const detailOk = () => style !== DICTATION_HELD_OUT || args.includes("--final");
      const asRead = spoken.map((c) => ({ ...c, format: style, notes: speakNotes(seeded(seed++), c.notes, style) }));
      for (const [k, t] of evaluate(asRead, calculator, () => detailFormats.has(`n:${style}`) && detailOk())) read.set(k, add(read.get(k) ?? zero(), t));
      const asSaid = all.map((c) => ({ ...c, format: style, notes: speakRecord(seeded(seed++), c.gold, style as SpeechStyle) }));
      for (const [k, t] of evaluate(asSaid, calculator, () => detailFormats.has(`r:${style}`) && detailOk())) said.set(k, add(said.get(k) ?? zero(), t));
    }
    report(`Team notes read out (${spoken.length} typed notes, each in every speech style; gold unchanged; * = style held out)`, new Map([...read].map(([k, t]) => [k === DICTATION_HELD_OUT ? `*${k}` : k, t])), false, true);
    report(`Team gold records said aloud (${all.length} records, each in every speech style; * = style held out)`, new Map([...said].map(([k, t]) => [k === DICTATION_HELD_OUT ? `*${k}` : k, t])), false, true);
  }
  if (args.includes("--voice") || args.includes("--scribble")) {
    // Every team gold record dictated the ways practitioners talk (scripts/note-voice.ts) and scribbled as shorthand or
    // typed up from handwriting (scripts/note-shorthand.ts). VOICE_HELD_OUT was never looked at in detail.
    const all = [cases, ...[second, third, fourth].filter((f) => f !== "none" && existsSync(f) && !opt("--file")).map(readCases)].flat();
    let seed: number;
    if (args.includes("--voice")) {
      const byWay = new Map<string, Tally>();
      for (const [w, way] of VOICE_WAYS.entries()) {
        const detailOk = way !== VOICE_HELD_OUT || args.includes("--final");
        // The five ways of round 6 keep the seeds they were measured with; a way added later draws from a range of
        // its own, so adding one changes no other figure.
        let wseed = w < 5 ? 501 + w * all.length : 90_001 + (w - 5) * all.length;
        const dictated = all.map((c) => ({ ...c, format: way, ...voiceRecord(seeded(wseed++), c.gold, way) }));
        for (const [k, t] of evaluate(dictated, calculator, () => detailFormats.has(`s:${way}`) && detailOk)) byWay.set(k === VOICE_HELD_OUT ? `*${k}` : k, t);
      }
      report(`Team gold records dictated the ways people talk (${all.length} each; * = way held out)`, byWay, false, true);
    }
    if (args.includes("--scribble")) {
      const byWay = new Map<string, Tally>();
      seed = 501 + 5 * all.length;
      for (const way of SCRIBBLE_WAYS) {
        const written = all.map((c) => ({ ...c, format: way, ...scribbleRecord(seeded(seed++), c.gold, way) }));
        for (const [k, t] of evaluate(written, calculator, () => detailFormats.has(`h:${way}`))) byWay.set(k, t);
      }
      report(`Team gold records scribbled (${all.length} each)`, byWay, false, true);
    }
  }
  if (args.includes("--chat")) {
    // Every team note played out as a chat and pasted as its log, in each style (see scripts/chat-transcripts.ts).
    const all = [cases, ...[second, third, fourth].filter((f) => f !== "none" && existsSync(f) && !opt("--file")).map(readCases)].flat();
    const chats = chatCases(all);
    report(`Team notes as chat transcripts (${chats.length}, by transcript style)`, evaluate(chats, calculator, (c) => detailFormats.has(`c:${c.format}`)), false, true);
  }
  const walked = Number(opt("--chat-walk") ?? "0");
  if (walked > 0) {
    // Chat logs walked from the domain (scripts/chat-walk.ts); the styles in WALK_HELD_OUT were not looked at in detail.
    const chats = walkChats(seeded(Number(opt("--seed") ?? "11")), walked) as unknown as NoteCase[];
    const detailOk = (c: NoteCase) => !WALK_HELD_OUT.includes(c.format) || args.includes("--final");
    const byStyle = evaluate(chats, calculator, (c) => detailFormats.has(`w:${c.format}`) && detailOk(c));
    report(`Chat logs walked from the domain (${walked} per paste style; * = style held out)`, new Map([...byStyle].map(([k, t]) => [WALK_HELD_OUT.includes(k) ? `*${k}` : k, t])), false, true);
  }
  const generated = Number(opt("--generated") ?? "0");
  if (generated > 0) {
    const written = writeNotes(seeded(Number(opt("--seed") ?? "7")), generated) as unknown as NoteCase[];
    report(`Generated notes (${generated}, written from records drawn at random; see scripts/note-writer.ts)`, evaluate(written, calculator, (c) => detailFormats.has(`g:${c.format}`)), false, true);
  }
  const templates = Number(opt("--templates") ?? "0");
  if (templates > 0) {
    // Round 8: a minutes template pasted as plain text (columns lined up with spaces); written before the reader read it.
    const written = writeNotes(seeded(Number(opt("--seed") ?? "8")), templates, TEMPLATE_FORMATS) as unknown as NoteCase[];
    report(`Minutes templates pasted as text (${templates}, written from records drawn at random)`, evaluate(written, calculator, (c) => detailFormats.has(`t:${c.format}`)), false, true);
  }
  // A walk from a model of the domain, one format (or way) held out: it is never printed in detail without --final, so
  // its figures are the cross-validation by format. Each walk's held-out format was chosen before its first run.
  const walk = (title: string, unit: string, written: NoteCase[], hold: string, key: string): void => {
    const detailOk = (c: NoteCase) => c.format !== hold || args.includes("--final");
    const byFormat = evaluate(written, calculator, (c) => (detailFormats.has(`${key}:all`) || detailFormats.has(`${key}:${c.format}`)) && detailOk(c));
    let tuned = zero();
    for (const [k, t] of byFormat) if (k !== hold) tuned = add(tuned, t);
    report(title, new Map([...byFormat].map(([k, t]) => [k === hold ? `*${k}` : k, t])), false, true);
    console.log(line(` tuned ${unit}`, tuned));
  };
  const attendance = Number(opt("--attendance") ?? "0");
  if (attendance > 0) {
    // Round 11: attendance blocks walked from how people write who attended (scripts/note-attendance.ts), every format
    // × form × status.
    const written = writeAttendanceNotes(seeded(Number(opt("--seed") ?? "12")), attendance) as unknown as NoteCase[];
    walk(`Attendance walked from the domain (${attendance} per format; * = format held out)`, "formats", written, opt("--attendance-hold") ?? ATTENDANCE_HELD_OUT, "a");
  }
  const actionWalk = Number(opt("--actions") ?? "0");
  if (actionWalk > 0) {
    // Round 12: actions walked from how people write who will do what by when (scripts/note-actions.ts), every format ×
    // owner form × due form.
    const written = writeActionNotes(seeded(Number(opt("--seed") ?? "14")), actionWalk) as unknown as NoteCase[];
    walk(`Actions walked from the domain (${actionWalk} per format; * = format held out)`, "formats", written, opt("--actions-hold") ?? ACTIONS_HELD_OUT, "x");
  }
  const spoken = Number(opt("--spoken") ?? "0");
  if (spoken > 0) {
    // Round 12: discussions dictated to speech-to-text, walked from the attendance model (scripts/note-spoken-attendance.ts).
    const written = writeSpokenAttendanceNotes(seeded(Number(opt("--seed") ?? "15")), spoken) as unknown as NoteCase[];
    walk(`Discussions dictated, walked from the attendance model (${spoken} per way; * = way held out)`, "ways", written, SPOKEN_HELD_OUT, "p");
  }
  const damageRuns = Number(opt("--damage") ?? "0");
  if (damageRuns > 0) {
    const all = [cases, ...[second, third].filter((f) => f !== "none" && existsSync(f) && !opt("--file")).map(readCases)].flat();
    let drafted = 0;
    let refused = 0;
    const failures: string[] = [];
    for (const [i, c] of all.entries()) {
      for (let k = 0; k < damageRuns; k++) {
        const notes = damage(c.notes, seeded(i * 1000 + k));
        try {
          draftFromNotes(notes, { clock: fixedClock(`${c.today}T12:00:00Z`), calculator });
          drafted++;
        } catch (e) {
          // Empty or oversized notes are refused by design; anything else is a failure.
          if (notes.trim() === "" || notes.length > MAX_NOTES_CHARS) refused++;
          else failures.push(`${c.id}#${k}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    console.log(`\nDamaged team notes: ${drafted} drafted, ${refused} refused as empty or too long, ${failures.length} errors`);
    for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
  }

  const heldout = opt("--heldout");
  if (!heldout || heldout === "none") return;
  if (!existsSync(heldout)) {
    console.log(`\nHeld-out notes: ${heldout} not present, skipped.`);
    return;
  }
  // Held-out notes are only ever reported in aggregate.
  const held = readCases(heldout);
  report(`Held-out notes (${held.length}, never tuned on), by format`, evaluate(held, calculator), false, true);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
