import type { Clock } from "../core/clock.js";
import { invalidInput, isAppError } from "../core/errors.js";
import { londonDate } from "../deadlines/index.js";
import { readJurisdiction, readPersonTerms } from "../lexicon/index.js";
import { actionClauses, actionItems, readAction, readActionRow, type OwnerContext } from "./actions.js";
import { dueOnly, findDate } from "./dates.js";
import { clauses, isConcern, isSharedConcern, readCriminalInvestigation, readDecisions, readLegalAction, readChildWelfare, readSection47, saysChildSafety } from "./decisions.js";
import { readLayout, sameFirstName, type Block, type Layout } from "./layout.js";
import { asInitials, bracketed, expandInitials, initialsTable, keyTable } from "./initials.js";
import { isTitle } from "./titles.js";
import { findChildRef, findTime, isMeetingSentence, namesLaterMeeting, readMeetingFacts, type MeetingLine } from "./meeting.js";
import { emptyRecord, type Check, type RecordAction, type StrategyRecord } from "./model.js";
import { actionChecks, attendeeChecks } from "./confidence.js";
import { purePerson, readPeopleList, readPersonRow, readSegment, writtenInLowerCase, type Person } from "./people.js";
import { chairNamedAfter, minuteTaker, readAttendanceProse, speakerIntro } from "./prose.js";
import { attendeeFrom } from "./attendees.js";
import { normaliseNotes, sentences, splitOutside, squash, type Piece } from "./text.js";
import { fromDictation, looksDictated, originalWords } from "./dictation.js";
import { fromTranscript } from "./transcript.js";
import { findPhrases, hasPhrase, vocabulary, type AttendanceStatus, type SectionKey } from "./vocabulary.js";

/**
 * Rough notes → a strategy discussion record. The layout (headings, tables, e-mail
 * header and sign-off) is read first; then each part of the record is read from where
 * notes put it, and from prose and one-line messages where they have no headings. Every
 * filled field keeps the words it came from; nothing the notes do not state is filled.
 * Pure: the clock only resolves "today" and a missing year.
 */

export { normaliseNotes as normalise } from "./text.js";
export { findChildRef } from "./meeting.js";

/** A sentence that says a task still needs a doer: the task follows. */
const NEEDS_SOMEONE = /^(?:we\s+)?(?:still\s+)?need\s+(?:someone|somebody|a\s+volunteer)\s+to\s+|^(?:someone|somebody)\s+(?:needs|will\s+need|has)\s+to\s+|^who\s+(?:can|could|will|is\s+able\s+to)\s+|^(?:can|could)\s+(?:someone|somebody|anyone|anybody)\s+|^(?:is\s+)?any(?:one|body)\s+able\s+to\s+/i;

const PEOPLE: Partial<Record<SectionKey, AttendanceStatus>> = {
  present: "took_part",
  apologies: "apologies",
  absent: "invited_absent",
  reports: "sent_report",
};

/** A case reference in a "Child ref:" answer or line: letters and digits, not an age or a date. */
export function findReference(text: string): string | null {
  return findChildRef(text, true)?.ref ?? findChildRef(text, false)?.ref ?? null;
}

/** The parts of a sentence of prose: at spaced dashes and at a colon that is not a time ("... ref 331902: me (Bethan, SW), ..."). */
function parts(sentence: Piece): string[] {
  return clausesOf(sentence.text).flatMap((c) =>
    c
      .split(/\s+[-–—]\s+|:\s+(?!\d)/)
      .map((p) => p.trim())
      .filter(Boolean),
  );
}

/** The clauses of a sentence at semicolons outside brackets: one-line messages list their parts so ("police - PC Reed; paeds - Dr Cole"). */
function clausesOf(text: string): string[] {
  return splitOutside(text, (t, i) => (t[i] === ";" ? 1 : 0)).map((p) => p.text);
}

interface Reading {
  layout: Layout;
  /** The notes are typed in lower case ("jo SW, dc patel"): names may be too. */
  lowerCase: boolean;
  /** The notes were dictated: speech software capitalises the names it knows and writes every other word in lower case. */
  dictated: boolean;
  /** Sentences under no heading (the title lines first), with the parts of them already read as attendance. */
  loose: { text: string; top: boolean; attendance: Set<string> }[];
}

function blocksOf(layout: Layout, ...keys: SectionKey[]): Block[] {
  return layout.blocks.filter((b) => b.key !== null && keys.includes(b.key));
}

function textOf(blocks: Block[]): string {
  return blocks.flatMap((b) => b.items.map((i) => i.text)).join("\n").trim();
}

/** A block's words as a record field: its lines joined with "; ", without the heading's own words. */
function fieldText(blocks: Block[]): string {
  return squash(blocks.flatMap((b) => b.items.map((i) => i.bare ?? i.text)).join("; ").trim());
}

/** Whether a heading lists who was invited ("Invited", "Invitees", "Invited to attend"), not who stayed away. */
function invitationList(label: string | null): boolean {
  return label !== null && /^\W*(?:invited|invitees|invitation list|invited to attend|invite list)\W*$/i.test(label.trim());
}

/** A person's own words that say they came late or left early: they took part. */
function cameOrWent(text: string): boolean {
  return findPhrases(vocabulary().attendance.took_part.filter((w) => /^(joined|left|arrived)\b/.test(w) && !/teams|phone|virtually|call/.test(w)), text, "came-or-went").length > 0;
}

/** An entry's initials in a key to them ("AB = ", "K M = "), set aside so the entry reads as a person. */
const KEY_LABEL = /^(?:\p{Lu}{1,3}\s+)?\p{Lu}{1,3}\s*=\s*/u;

/** People from the lists under attendance headings, the tables, and prose. */
function readPeople(r: Reading, speaker: Person | null = null): Person[] {
  const people: Person[] = [];
  for (const b of r.layout.blocks) {
    const status = b.key ? PEOPLE[b.key] : undefined;
    if (!status) continue;
    const plainItems = b.items.filter((i) => !i.columns);
    const fromBlock: Person[] = [];
    for (const item of b.items) {
      if (item.columns) {
        const p = readPersonRow(item.cells ?? [], item.columns, status);
        if (p) fromBlock.push(p);
        continue;
      }
      const text = item.cells ? item.cells.filter(Boolean).join(", ") : item.text;
      const found = readPeopleList(text, { status, perLine: plainItems.length >= 2 || Boolean(item.cells), lowerCase: r.lowerCase });
      // Someone who came late or left early took part, whatever the heading they are listed under ("(joined late)").
      if (status !== "took_part" && found.length === 1 && cameOrWent(item.text)) for (const p of found) if (!p.note) p.status = "took_part";
      // A table row is one person: its source is the row as written.
      fromBlock.push(...(item.cells && found.length === 1 ? found.map((p) => ({ ...p, source: item.raw })) : found));
    }
    // The list of who was invited, marked up person by person ("Invited: ... - apologies, ... (DNA)"): those it does not
    // mark took part, and so did the chair. Unmarked, it says nothing of who came and is read as before.
    const marked = (p: Person) => p.note !== null || p.status !== "invited_absent";
    if (b.key === "absent" && invitationList(b.label) && fromBlock.some(marked)) {
      for (const p of fromBlock) if (!marked(p) || p.chair) p.status = "took_part";
    }
    people.push(...fromBlock);
  }
  // Shorthand notes that list nobody under an attendance heading give the people of the discussion once, in the key
  // to their initials ("Key: AB = Alison Bishop TM (chr); KM = Kerry Mills SW (mins)"): then the key is the list, each
  // entry's own words giving a status that is not taking part ("GP (Dr Shah) – rpt recvd, not on call").
  if (!people.some((p) => p.status === "took_part")) {
    for (const b of r.layout.blocks.filter((x) => x.key === "initials_key")) {
      for (const item of b.items) {
        // A key typed with bars is read as a table row: its cells are its entries.
        const text = item.cells ? item.cells.filter(Boolean).join("; ") : item.text;
        // Each entry read on its own, its initials set aside, so each person's source is a piece of the notes.
        const raw = squash(item.raw);
        const entries = text.split(/\s*;\s*|\s*,\s*(?=(?:\p{Lu}{1,3}\s+)?\p{Lu}{1,3}\s*=)/u);
        if (!entries.some((e) => KEY_LABEL.test(e))) continue;
        for (const e of entries) {
          const found = readPeopleList(e.replace(KEY_LABEL, ""), { status: "took_part", perLine: false, lowerCase: r.lowerCase });
          // Every source quotes the notes: where the words read are not the line's as written (an aside cut from the
          // middle), the entry as written is the source; a person from neither is not read.
          for (const p of found) {
            if (raw.includes(squash(p.source))) people.push(p);
            else if (found.length === 1 && raw.includes(squash(e))) people.push({ ...p, source: squash(e) });
          }
        }
      }
    }
  }
  // Rows of a table under no heading that hold nothing but a person ("| Kate Bloom | SW | duty |").
  for (const b of r.layout.blocks.filter((x) => x.key === null)) {
    for (const item of b.items.filter((i) => i.cells)) {
      const text = (item.cells ?? []).filter(Boolean).join(", ");
      if (!purePerson(text, true, r.lowerCase)) continue;
      const found = readPeopleList(text, { status: "took_part", perLine: true, lowerCase: r.lowerCase });
      if (found.length !== 1) continue;
      people.push({ ...(found[0] as Person), source: item.raw });
      for (const s of r.loose.filter((l) => l.text === item.text)) s.attendance.add(s.text);
    }
  }
  for (const s of r.loose) {
    if (s.attendance.has(s.text)) continue;
    // "the gp doctor hughes is to be contacted", "Dr Patel (GP) hasn't been spoken to yet": a practitioner only spoken
    // of, in a sentence that says nothing of who attended, was not at the discussion.
    if (spokenOfOnly(s.text)) continue;
    // The speaker's own opening ("right this is jo smith social worker i am chairing") is read once, by `speakerIntro`;
    // read again here its opening words became people ("right", "name", "s" of "it's").
    if (speaker && ownIntro(s.text, speaker)) continue;
    // Dictated ("mrs Sian Lloyd the designated safeguarding person", "fee on's school"), a sentence that says who
    // attended is read as lower-case writing, where a name need not have a capital; other sentences are not, so the
    // words of a concern ("teacher saw two red lines") are never taken for people.
    const lowerCase = r.lowerCase || (r.dictated && saysWhoAttended(s.text));
    // The whole sentence first ("police - PC Joanna Reed" is one person), then its parts ("strat 19/5 - jo SW, dc patel").
    const whole = readAttendanceProse(s.text, { meeting: isMeetingSentence(s.text), lowerCase });
    if (whole && whole.length > 0) {
      for (const part of parts({ text: s.text, start: 0 })) s.attendance.add(part);
      people.push(...whole);
      continue;
    }
    for (const clause of clausesOf(s.text)) {
      // A clause of its own first ("police - PC Joanna Reed" is one person), then its parts.
      const ps = parts({ text: clause, start: 0 });
      const inClause = ps.length > 1 ? readAttendanceProse(clause, { meeting: isMeetingSentence(s.text), lowerCase }) : null;
      if (inClause && inClause.length > 0) {
        for (const part of ps) s.attendance.add(part);
        people.push(...inClause);
        continue;
      }
      for (const [i, part] of ps.entries()) {
        // Someone at the head of a line followed by a task is who does it ("DC Wright - forensic photos tomorrow"), not who attended.
        if (i === 0 && ps.length >= 2 && purePerson(part, true, lowerCase) && !purePerson(ps.slice(1).join(", "), false, lowerCase) && !isMeetingSentence(ps.slice(1).join(" "))) continue;
        const found = readAttendanceProse(part, { meeting: isMeetingSentence(s.text), lowerCase });
        if (!found || found.length === 0) continue;
        s.attendance.add(part);
        people.push(...found);
      }
    }
  }
  return people;
}

/** Whether a sentence is only the speaker naming themselves and saying they chair, with no list after it. */
function ownIntro(text: string, speaker: Person): boolean {
  const at = text.toLowerCase().indexOf(speaker.source.toLowerCase());
  if (at < 0 || at > 60) return false;
  const before = text.slice(0, at);
  const after = text.slice(at + speaker.source.length);
  const opener = /^\s*(?:(?:right|ok|okay|so|hi|hello|morning)[,.]?\s+)*(?:this is|it's|it’s|it is|my name is|dictated by|dictation from)\s*$/i;
  // What follows the name is only what they are and that they chair: "i'm the social worker and i chaired".
  const rest = after
    .replace(/(?:,?\s*and)?\s*\bi\s+(?:chaired|was (?:the )?chair(?:ing)?|am (?:the )?chair(?:ing)?)\b/gi, " ")
    .replace(/\b(?:chairing|as (?:the )?chair)\b/gi, " ")
    .replace(/^[\s,.]*(?:(?:i'm|i’m|i am)\s+(?:the\s+)?)?/i, "")
    .replace(/[\s,.]+$/, "");
  const role = rest ? readPeopleList(rest, { status: "took_part", perLine: false }) : [];
  const own = rest === "" || (role.length === 1 && !role[0]?.name && role[0]?.role != null);
  return opener.test(before) && own;
}

/** Whether a sentence speaks of someone still to be contacted or told, and says nothing of who attended. */
function spokenOfOnly(text: string): boolean {
  return findPhrases(vocabulary().attendance_forms.mentioned_only, text, "mentioned-only").length > 0 && !saysWhoAttended(text);
}

/** Whether a sentence says who attended: a list opener, an attendance word or phrase, the chair, or the minutes. */
function saysWhoAttended(text: string): boolean {
  const v = vocabulary();
  const phrases = [...Object.values(v.attendance_prefix).flatMap((x) => x ?? []), ...Object.values(v.attendance).flat(), ...v.chair_words].filter((p) => p.length > 2);
  return findPhrases(phrases, text, "says-who-attended").length > 0 || minuteTaker(text) !== null;
}

/**
 * One attendee per person: the same name read twice (the chair's line and the list) is one, and
 * "police did not attend" after "PC Thomas - invited, did not attend" says nothing new.
 */
function dedupe(people: Person[]): Person[] {
  const out: Person[] = [];
  for (const p of people) {
    if (!p.name && !p.self && people.some((q) => q !== p && q.name && q.status === p.status && q.agency?.code === p.agency?.code && (!p.role || q.role?.id === p.role.id))) continue;
    const same = p.name ? out.find((q) => q.name && samePerson(q.name, p.name as string)) : p.self ? out.find((q) => q.self) : undefined;
    if (!same) {
      out.push(p);
      continue;
    }
    same.role ??= p.role;
    same.agency ??= p.agency;
    same.chair ||= p.chair;
    same.recorder ||= p.recorder;
  }
  return out;
}

/**
 * "me" or "myself" just before a name, with no comma between ("myself Hannah Booth", "me - Gemma Hart"): the writer
 * naming themselves. "me, Mel Ingram" is a list of two people.
 */
const SELF_BEFORE_NAME = /(?:^|[^\p{L}'’])(?:me|myself)\s*(?:[-–—]\s*)?$/iu;

/**
 * The writer, when they name themselves beside "me" or "myself" as they list who took part or who wrote the notes
 * ("present were myself Hannah Booth social worker", "Notes: me - Gemma Hart SW"), and only one person is so named;
 * else null. Read from the words, never guessed from the chair or the minute taker.
 */
function writerNamed(text: string, people: Person[], layout: Layout): string | null {
  const named: string[] = [];
  const look = (within: string, found: Person[]): void => {
    for (const p of found) {
      if (!p.name) continue;
      const at = p.source ? within.indexOf(p.source) : -1;
      if (p.self || (at >= 0 && SELF_BEFORE_NAME.test(within.slice(Math.max(0, at - 12), at)))) named.push(p.name);
    }
  };
  look(text, people);
  for (const block of blocksOf(layout, "recorded_by", "chair")) {
    const words = textOf([block]);
    look(words, readPeopleList(words, { status: "took_part", perLine: true }));
  }
  const distinct = named.filter((n, i) => !named.slice(0, i).some((m) => samePerson(m, n)));
  return distinct.length === 1 ? (distinct[0] as string) : null;
}

function samePerson(a: string, b: string): boolean {
  const x = squash(a).toLowerCase();
  const y = squash(b).toLowerCase();
  return x === y || sameFirstName(a, b) || sameFirstName(b, a) || initialFor(a, b);
}

/** "Sgt P. Okafor" and "Sgt Peter Okafor": the same surname, one first name written as its initial. */
function initialFor(a: string, b: string): boolean {
  const parts = (n: string) => n.toLowerCase().split(/[\s.]+/).filter((w) => w && !isTitle(w));
  const [p, q] = [parts(a), parts(b)];
  if (p.length !== 2 || q.length !== 2 || p[1] !== q[1]) return false;
  const [f, g] = [p[0] as string, q[0] as string];
  return f !== g && ((f.length === 1 && g.startsWith(f)) || (g.length === 1 && f.startsWith(g)));
}

/** A sentence that states when the meeting was ("Meeting held 20/05/2025 at 15:30"), not a task with a date. */
function isMeetingLine(text: string): boolean {
  return isMeetingSentence(text) && /\b(held|took place|was on|met on|date of)\b/i.test(text);
}

/** The lines that may state the meeting's date, time and format, most telling first. */
function meetingLines(r: Reading): MeetingLine[] {
  const lines: MeetingLine[] = [];
  for (const b of blocksOf(r.layout, "meeting")) {
    for (const i of b.items) {
      const labelled = `${b.label ?? ""}: ${i.text}`;
      lines.push({ text: i.raw.includes(labelled) ? labelled : i.raw, labelled: true });
    }
  }
  const top = r.loose.filter((s) => s.top);
  const meetingTop = top.filter((s) => isMeetingSentence(s.text));
  lines.push(...meetingTop.map((s) => ({ text: s.text, labelled: false })));
  if (r.layout.email?.subject) lines.push({ text: r.layout.email.subject, labelled: false });
  // A field of one line ("Ref: NCC/CS/58812", "Chair: Alun (TM)") ends at its line: a line under it with no label of its
  // own ("13/05/2026 10am, Civic Centre") is a title line like those above the first heading.
  for (const b of blocksOf(r.layout, "child_ref", "chair", "recorded_by")) lines.push(...b.items.slice(1).map((i) => ({ text: i.text, labelled: false })));
  const head = ["child_ref", "chair", "recorded_by", "meeting"];
  const firstPart = r.layout.blocks.findIndex((b) => b.key !== null && !head.includes(b.key));
  for (const b of r.layout.blocks.slice(0, firstPart < 0 ? r.layout.blocks.length : firstPart)) {
    if (b.key === null && !b.top) lines.push(...b.items.map((i) => ({ text: i.text, labelled: false })));
  }
  // The title lines: what stands above the first line of substance (who attended, the concern, a decision or a task).
  const substance = top.findIndex((s) => s.attendance.size > 0 || isConcern(s.text) || isDecision(s.text));
  const heads = substance < 0 ? top : top.slice(0, substance);
  lines.push(...heads.filter((s) => !meetingTop.includes(s) && s.attendance.size === 0).map((s) => ({ text: s.text, labelled: false })));
  // Below the title, a sentence that names a later meeting ("review strat Fri 11th") gives that meeting's date.
  lines.push(...r.loose.filter((s) => !s.top && isMeetingSentence(s.text) && !namesLaterMeeting(s.text)).map((s) => ({ text: s.text, labelled: false })));
  // Last, a sentence about the meeting written anywhere else ("... Meeting held 20/05/2025 at 15:30." after the actions).
  for (const b of r.layout.blocks.filter((x) => x.key === "actions" || x.key === "decisions" || x.key === "next")) {
    if (b.key === "next") continue;
    for (const i of b.items) for (const p of sentences(i.text)) for (const c of clausesOf(p.text)) if (isMeetingLine(c) && !namesLaterMeeting(c)) lines.push({ text: c, labelled: false });
  }
  return lines;
}

function readChildRef(r: Reading): { ref: string; words: string } | null {
  // Initials name the child where the notes give no number; where the child's line or another reference field gives a
  // number too ("Child: K.D. (age 6) – LCS ref 2207813", a table's "Child | Z.O." and "Ref | Mosaic 1187430"), the number is the reference.
  let initials: { ref: string; words: string } | null = null;
  // A school year after initials ("T.R. (Y9)") is no case number.
  const hasNumber = (ref: string) => /\d/.test(ref.replace(/\((?:Y|Yr|Year)\s?\d{1,2}\)/gi, ""));
  for (const b of blocksOf(r.layout, "child_ref")) {
    for (const i of b.items) {
      const found = findChildRef(i.text, true);
      if (!found) continue;
      if (hasNumber(found.ref)) return found;
      const numbered = findChildRef(i.text, false);
      if (numbered && hasNumber(numbered.ref)) return numbered;
      initials ??= found;
    }
  }
  if (initials) return initials;
  // Lines under no heading whole, too: a sentence split may part a label from its number ("LCS no. 0072-3391").
  const unheaded = r.layout.blocks.filter((b) => b.key === null).flatMap((b) => b.items.map((i) => i.text));
  const candidates = [...meetingLines(r).map((l) => l.text), ...r.loose.map((s) => s.text), ...unheaded];
  for (const text of candidates) {
    const found = findChildRef(text, false);
    if (found) return found;
  }
  // A code on a line (or in a clause) of its own under the title ("CDF-90877", "...face to face; CDF-90877").
  for (const s of r.loose.filter((l) => l.top)) {
    for (const c of s.text.split(/[;,]\s+|\s[-–—]\s/)) {
      const code = /^([A-Z]{1,6}[-/][A-Z0-9/-]*\d{3,}[A-Z0-9/-]*)$/.exec(c.trim().replace(/[.]$/, ""));
      if (code?.[1]) return { ref: code[1], words: code[1] };
    }
  }
  // "Child ref 4421907", "Ref CHS-228710" wherever it is written, last (an actions list may end with it).
  for (const b of r.layout.blocks.filter((x) => x.key !== "concerns" && x.key !== "information")) {
    for (const i of b.items) {
      const found = /\b(?:(?:child|case|cyp)\s+)?(?:ref|reference|id|no|number)\b/i.test(i.text) ? findChildRef(i.text, false) : null;
      if (found && /[A-Za-z].*\d|\d{5,}/.test(found.ref)) return found;
    }
  }
  return null;
}

/**
 * Parse rough notes into a record. Nothing in the notes turns into an error: an impossible
 * date of the discussion is never rolled over but left empty with a check (or, with
 * `impossibleDate: "error"`, refused). What the notes do not give is left empty, to be
 * listed as missing; what they seem to give but could not be read with confidence is a check.
 */
export function parseNotes(
  notes: string,
  clock: Clock,
  opts: { impossibleDate?: "error" | "gap" } = {},
): { record: StrategyRecord; warnings: string[]; checks: Check[] } {
  const warnings: string[] = [];
  const checks: Check[] = [];
  let impossible: string | null = null;
  const record = emptyRecord();
  const pasted = normaliseNotes(notes);
  // A pasted chat log is read as the notes it amounts to; every field still quotes the log.
  const chat = fromTranscript(pasted);
  const typed = chat?.text ?? pasted;
  // Dictated notes are read as typed ones; every field still quotes the words that were said.
  const said = fromDictation(typed);
  const text = said.text;
  const layout = readLayout(text);
  const today = londonDate(clock.now());
  const loose: Reading["loose"] = [];
  for (const b of layout.blocks.filter((x) => x.key === null)) {
    for (const item of b.items) for (const s of sentences(item.text)) loose.push({ text: s.text, top: b.top, attendance: new Set() });
  }
  const body = layout.blocks.flatMap((b) => b.items.map((i) => i.text)).join("\n");
  const r: Reading = { layout, loose, lowerCase: writtenInLowerCase(body), dictated: looksDictated(typed) };

  // The writer: the e-mail sender's full name when the sign-off is their first name ("Ben" for Ben Ortiz).
  const from = layout.email?.from ?? null;
  // Or the practitioner dictating, named in their own opening words ("this is Jo Smith, team manager, ...").
  const speaker = layout.author || from ? null : speakerIntro(text);
  // Who took part.
  const read = readPeople(r, speaker);
  const signedOrSent = from && layout.author && sameFirstName(layout.author, from) ? from : (layout.author ?? from ?? speaker?.name ?? null);
  // Where no sign-off, sender or opening says who writes, the writer may name themselves where they list themselves
  // ("chaired by myself Dan Whitfield team manager", "Notes: me - Gemma Hart SW"): that person is who "me" is everywhere.
  const author = signedOrSent ?? writerNamed(text, read, layout);
  // "me": the writer, named from the sign-off, in the role signed under the name when the notes give none.
  const signed = layout.signature ? readPersonTerms(layout.signature, "list") : null;
  for (const p of read) {
    if (!p.self) continue;
    if (!p.name && author) p.name = author;
    const own = signed?.role ? signed : speaker;
    if (!p.role && own?.role) {
      p.role = own.role;
      p.agency = own.agency ?? p.agency;
    }
  }
  // Named once the writer is known, so "chaired by me" and "I was joined by" are the one person.
  const people = dedupe(read);
  // The practitioner who names themselves with their role as they open the notes ("this is Jo Smith, team manager,
  // chairing ...") was at the discussion they record, whether or not a list names them again.
  // "... i am chairing", "... chairing", "as chair", "i chaired": they chair. "... chair tom reed" names someone else as chair.
  const chairs = speaker ? new RegExp(String.raw`${escapeRe(speaker.source)}[^.]{0,40}?\b(?:chairing|(?:i'll|i’ll|i will) chair|(?:i am|i'm|i’m|as|i was) (?:the )?chair|i chaired)\b`, "i").test(text) : false;
  const spoken = speaker?.name ? people.find((p) => p.self || (p.name && samePerson(p.name, speaker.name as string))) : undefined;
  // Listed again as "myself" or by name, the speaker who said they chair is that one person, the chair.
  if (spoken && chairs) spoken.chair = true;
  if (speaker?.name && speaker.role && !spoken) {
    people.unshift({ ...speaker, status: "took_part", chair: speaker.chair || chairs });
    const chair = chairs ? null : chairNamedAfter(text, speaker);
    if (chair?.name && !people.some((p) => p.name && samePerson(p.name, chair.name as string))) people.splice(1, 0, chair);
  }
  const initialsWritten: string[] = [];
  const chairBlock = blocksOf(layout, "chair")[0];
  if (chairBlock) {
    const seg = readSegment(textOf([chairBlock]));
    if (seg.name) {
      record.chair = seg.name;
      record.source.chair = chairBlock.items[0]?.raw ?? seg.name;
      if (!people.some((p) => p.name && samePerson(p.name, seg.name as string))) {
        people.push(...readPeopleList(textOf([chairBlock]), { status: "took_part", perLine: true }).map((p) => ({ ...p, chair: true })));
      }
    }
  }
  const chairPerson = people.find((p) => p.chair && p.name);
  if (!record.chair && chairPerson?.name) {
    record.chair = chairPerson.name;
    record.source.chair = chairPerson.source;
  }
  record.attendees = people.map(attendeeFrom);
  const recorder = blocksOf(layout, "recorded_by")[0];
  if (recorder) {
    const t = textOf([recorder]);
    record.recorded_by = readSegment(t).name ?? (squash(t).split(/[\n(,]/)[0]?.trim() || null);
    if (record.recorded_by) record.source.recorded_by = recorder.items[0]?.raw ?? record.recorded_by;
  } else if (people.filter((p) => p.recorder && p.name).length === 1) {
    // "Jo Hart – SW – minutes", "Becky Lowe, named nurse (notes)": the one person the list marks as writing the notes.
    const taker = people.find((p) => p.recorder && p.name) as Person;
    record.recorded_by = taker.name;
    record.source.recorded_by = taker.source;
  } else {
    for (const s of loose) {
      const name = recorderInProse(s.text, author);
      if (!name) continue;
      record.recorded_by = name;
      record.source.recorded_by = s.text;
      s.attendance.add(s.text);
      break;
    }
  }
  // "ben is taking the minutes": the one person of that first name the notes list.
  const taker = record.recorded_by;
  const named = taker && !/\s/.test(taker) && !asInitials(taker) ? people.filter((p) => p.name && /\s/.test(p.name) && sameFirstName(taker, p.name)) : [];
  if (named.length === 1 && named[0]?.name) record.recorded_by = named[0].name;

  // The chair and the minute taker took part: what their own lines say of them (a role, a name for initials) is theirs,
  // and a minute taker named nowhere else is an attendee too, unless the line says they are business support: staff
  // who minute the discussion for the chair, not a practitioner of an agency taking part in it (Working Together 2023
  // ch. 3 names who a strategy discussion involves), so not listed unless the list of who took part names them.
  for (const [key, add] of [["chair", false], ["recorded_by", true]] as const) {
    const block = blocksOf(layout, key)[0];
    if (!block) continue;
    for (const p of readPeopleList(textOf([block]), { status: "took_part", perLine: true })) {
      if (!p.name && !p.self) continue;
      if (p.self && author && !p.name) p.name = author;
      const same = people.find((q) => q.name && p.name && samePerson(q.name, p.name));
      if (same) {
        // The list's "L. Scott" is the "Liam Scott" the chair's or minute taker's own line spells out.
        if (same.name && p.name && initialFor(same.name, p.name) && /^(?:\S+\s+)?\p{L}\.?\s/u.test(same.name) && !/^\p{L}\.?\s/u.test(p.name)) same.name = p.name;
        same.role ??= p.role;
        same.agency ??= p.agency;
      } else if (add && p.name && !asInitials(p.name) && p.role?.id !== "business_support") people.push({ ...p, source: block.items[0]?.raw ?? p.source });
    }
  }
  // People written by their initials are the people whose names the notes spell out elsewhere ("AB (Adele Burns TM)").
  const initialsNames = initialsTable([
    ...people.map((p) => p.name),
    record.chair,
    record.recorded_by,
    ...bracketed(text).map((b) => readPeopleList(b, { status: "took_part", perLine: false })[0]?.name ?? null),
  ]);
  // A key to the initials says outright who each set stands for; a key's line is never a person. Letters the key gives
  // are initials even where they spell a title or a role ("DC = Delyth Carter": "DC police officer" is her).
  // So does a list that gives each person's initials before their name ("JW – Jenny Walsh, TM (chair)").
  const key = keyTable([textOf(blocksOf(layout, "initials_key")), ...blocksOf(layout, "present", "apologies", "absent", "reports").flatMap((b) => b.items.map((i) => i.text.split(/[,;(]/)[0] ?? ""))].join("\n"));
  for (const [letters, name] of key) initialsNames.set(letters, name);
  for (const p of people) {
    const lead = /^([A-Z]{2,3})\b/.exec(p.source.trim());
    const full = lead?.[1] ? key.get(lead[1]) : undefined;
    if (!full || (p.name && !asInitials(p.name))) continue;
    const rest = readPersonTerms(p.source.trim().slice(lead?.[0].length ?? 0), "list");
    p.name = lead?.[1] ?? p.name;
    if (rest.role) {
      p.role = rest.role;
      p.agency = rest.agency ?? p.agency;
    }
  }
  const initialled = people.filter((p) => expandInitials(p.name, initialsNames));
  if (initialled.length > 0) {
    const aliases = initialled.map((p) => p.name as string);
    for (const p of initialled) p.name = expandInitials(p.name, initialsNames);
    const joined = dedupe(people);
    people.splice(0, people.length, ...joined);
    record.chair = expandInitials(record.chair, initialsNames) ?? record.chair;
    record.recorded_by = expandInitials(record.recorded_by, initialsNames) ?? record.recorded_by;
    initialsWritten.push(...aliases);
  }

  // "HV TM (Tina Marsh)": the capitals that are the person's initials are not a second role ("TM" is Tina Marsh, not a
  // team manager); the role is read from the rest of their words.
  for (const p of people) {
    if (!p.name || !p.role) continue;
    const words = p.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !isTitle(w));
    if (words.length < 2) continue;
    const initials = `${words[0]?.charAt(0) ?? ""}${words[words.length - 1]?.charAt(0) ?? ""}`.toUpperCase();
    const outside = p.source.replace(/\([^()]*\)/g, " ");
    const token = new RegExp(`(?<![\\p{L}])${initials}(?![\\p{L}])`, "u");
    if (!token.test(outside)) continue;
    const rest = readPersonTerms(p.source.replace(token, " "), "list");
    if (rest.role && rest.role.id !== p.role.id) {
      p.role = rest.role;
      p.agency = rest.agency ?? p.agency;
    }
  }
  record.attendees = people.map(attendeeFrom);

  // When and how the discussion was held: counted from the e-mail's sent date when there is one.
  const sent = layout.email?.sent ? findDateSafe(layout.email.sent, Number(today.slice(0, 4))) : null;
  const anchorDay = sent ?? today;
  try {
    const facts = readMeetingFacts(meetingLines(r), anchorDay, warnings);
    record.date = facts.date;
    record.time = facts.time;
    record.format = facts.format;
    for (const [k, v] of Object.entries(facts.source)) if (v && (k !== "date" || facts.date)) record.source[k] = squash(v);
    // A discussion held in a chat began when its first message was sent, where the notes state no time of their own.
    const started = chat && !record.time ? findTime(chat.started.time) : null;
    if (chat && started) {
      record.time = started.time;
      record.source.time = chat.started.time;
    }
    if (facts.impossible) impossible = facts.impossible;
  } catch (e) {
    // A date the calendar cannot place is a check, never a lost draft.
    if (!isAppError(e)) throw e;
    impossible = e.message;
  }
  if (impossible) {
    if (opts.impossibleDate === "error") throw invalidInput(impossible);
    checks.push({ field: "date", message: `The date the notes give for the discussion is not a real date (${impossible.replace(/^That date is not real: /, "")}). It was left empty: check it.` });
  }
  const ref = readChildRef(r);
  if (ref) {
    record.child_ref = ref.ref;
    record.source.child_ref = ref.words;
  } else if (blocksOf(layout, "child_ref").length > 0) {
    warnings.push("The child was described without a reference number. Use the case reference, not a name.");
  }

  // Why, what was shared, what next.
  const attendanceParts = new Set(loose.flatMap((s) => [...s.attendance]));
  const looseParts = loose.flatMap((s) => parts({ text: s.text, start: 0 })).filter((p) => !attendanceParts.has(p));
  // Sentences under no heading that are not wholly about who attended.
  const looseSentences = loose.filter((s) => !parts({ text: s.text, start: 0 }).every((p) => attendanceParts.has(p)));
  const concerns =
    fieldText(blocksOf(layout, "concerns")) ||
    // The information shared holds the concerns when no heading of their own does ("Info: 10yo disc - ...").
    sentences(textOf(blocksOf(layout, "information"))).map((x) => x.text).filter((x) => isConcern(x) && !isDecision(x)).join("\n") ||
    harmTold(blocksOf(layout, "information").flatMap((b) => b.items.map((i) => i.text))) ||
    looseParts.filter((p) => /^(the\s+)?(concerns?|worries|referral)\b/i.test(p) || (isConcern(p) && !isDecision(p))).join("\n") ||
    // A paragraph of prose that tells what happened to the child (an e-mail's "Tyler (15) was stopped by BTP ... He's
    // been missing three times"): the child is named once and the harm may come in a later sentence of it.
    harmTold(layout.blocks.filter((b) => b.key === null).flatMap((b) => b.items.map((i) => i.text)), attendanceParts);
  if (concerns) record.concerns = record.source.concerns = squash(concerns.replace(/\n/g, "; "));
  const info = fieldText(blocksOf(layout, "information"));
  if (info) record.information_shared = record.source.information_shared = info;
  const next = fieldText(blocksOf(layout, "next"));
  if (next) {
    record.next_steps = record.source.next_steps = next;
    try {
      const review = findDate(next, Number((record.date ?? today).slice(0, 4)));
      if (review) {
        record.review_date = review.iso;
        record.source.review_date = next.slice(review.index, review.index + review.length);
      }
    } catch {
      warnings.push("The review date in the notes is not a real date. Check it.");
    }
  }

  // Decisions: under decision headings and in text under none; a decision written among the concerns still counts.
  const asideDecisions = sentences(textOf(blocksOf(layout, "concerns", "information")))
    .map((p) => p.text)
    .filter(
      (t) =>
        (/\b(s\.?\s?47|section 47|agreed|decided|decision|outcome)\b/i.test(t) && readSection47(clauses(t)).source !== null) ||
        // A criminal investigation or legal action decided among the concerns (a heading said aloud and lost, an e-mail's
        // paragraph): said as decided or to be done ("police lead", "no legal action", "we go to legal on Tuesday").
        (/\b(agreed|decided|decision|lead|led|will|to be|not needed|no legal|no criminal|no police|no further)\b/i.test(t) &&
          (readCriminalInvestigation(clauses(t)).source !== null || readLegalAction(clauses(t)).source !== null)),
    );
  const decisionText = [textOf(blocksOf(layout, "decisions")), ...looseSentences.map((s) => s.text), ...asideDecisions].join("\n");
  const share = fieldText(blocksOf(layout, "share"));
  const welfareBlocks = blocksOf(layout, "welfare");
  // A block under a welfare heading states the child's welfare whole only where it (or its heading: "Immediate safety")
  // says how the child is kept safe; "Child seen: SW to see Ruby after school" is a task, read with the others.
  const welfare = fieldText(welfareBlocks.filter((b) => saysChildSafety(`${b.label ?? ""}\n${textOf([b])}`)));
  const actionBlocks = blocksOf(layout, "actions");
  const wider = [textOf(actionBlocks), next, fieldText(welfareBlocks), share, info].flatMap(clauses);
  // A "Child:" line among the decisions may say where the child stays ("Child: L-R stays at home tonight"), and the
  // concerns may end with where the child is now ("baby is in hospital and safe", "she is staying with her aunt").
  const childLines = readChildWelfare(clauses(textOf(blocksOf(layout, "child_ref", "concerns"))));
  record.decisions = readDecisions(clauses(decisionText), wider, { share_with_family: share || null, child_welfare: welfare || childLines || null });
  if (record.decisions.share_with_family) record.source.share_with_family = record.decisions.share_with_family;
  if (record.decisions.child_welfare) record.source.child_welfare = record.decisions.child_welfare;

  // Actions: under an "Actions" heading or in an action table; without one, lines that name who will do what.
  const ctx: OwnerContext = {
    names: [...record.attendees.map((a) => a.name).filter((n): n is string => Boolean(n)), ...initialsWritten, ...(author ? [author] : [])],
    // "me to visit": the writer, or where the notes do not say who sends them, the one they say is writing them up.
    author: author ?? record.recorded_by,
    // Due words ("today", "by Friday", "within 5 working days") count from the discussion's date; notes that do not
    // give it were written on the day they were sent or read (the e-mail's sent date, else today), as the guided
    // form and a JSON record already count them. The date gap then says the due dates were counted that way.
    anchor: record.date ?? anchorDay,
    year: Number((record.date ?? anchorDay).slice(0, 4)),
  };
  const actions: RecordAction[] = [];
  // "Next steps:" is where many write their actions when the notes have no "Actions" heading ("Next steps: Jo will visit
  // tomorrow. DC Bell to ..."); read there as strictly as prose, so "review in four weeks" is no task without a doer.
  const nextSteps = actionBlocks.length === 0 ? blocksOf(layout, "next") : [];
  for (const b of [...actionBlocks, ...nextSteps]) {
    const strict = b.key === "next";
    for (const item of b.items) {
      if (item.columns) {
        const a = readActionRow(item.cells ?? [], item.columns, ctx);
        if (a) actions.push(a);
        continue;
      }
      const lineText = item.cells ? item.cells.filter(Boolean).join(" - ") : item.text;
      for (const entry of actionItems(lineText)) {
        if (isMeetingLine(entry)) continue;
        for (const clause of actionClauses(entry, ctx)) {
          const a = readAction(clause.text, ctx, strict, entry, clause.inherit);
          if (a) actions.push(item.cells ? { ...a, source: item.raw } : a);
        }
      }
    }
  }
  if (actionBlocks.length === 0) {
    const fromSentences = [
      ...looseSentences.map((s) => ({ whole: s.text, read: s.attendance })),
      ...sentences(textOf(blocksOf(layout, "decisions"))).map((p) => ({ whole: p.text, read: new Set<string>() })),
    ];
    // A due date the writer (or speech software) stopped before is the sentence before's ("Jo will visit. By Friday.").
    for (let i = fromSentences.length - 1; i > 0; i--) {
      const cur = fromSentences[i]!;
      const prev = fromSentences[i - 1]!;
      // Only across a full stop (not a line break), so the sentence still quotes the notes.
      const joined = [". ", "! ", "? "].map((stop) => `${prev.whole}${stop}${cur.whole}`).find((j) => text.includes(j));
      if (joined && cur.read.size === 0 && dueOnly(cur.whole, ctx.anchor, ctx.year)) {
        prev.whole = joined;
        fromSentences.splice(i, 1);
      }
    }
    for (const { whole, read: attended } of fromSentences) {
      // A task said to need a doer ("Still need someone to visit dad by Friday", "Who can speak to the school?") is a
      // task with no owner: never one guessed from its words.
      const needs = NEEDS_SOMEONE.exec(whole.trim());
      if (needs && attended.size === 0) {
        const a = readAction(whole.trim().slice(needs[0].length).replace(/\s*\?+\s*$/, ""), ctx, false, whole);
        if (a) {
          actions.push({ ...a, owner: null });
          continue;
        }
      }
      // What was read as who attended in this sentence is not a task ("strat 19/5 - jo SW, dc patel"); the same
      // words in another sentence may be a task's doer ("... to be done by specialist midwife by Friday").
      const sentence = [...attended].reduce((t, p) => t.replace(p, " "), whole);
      // In prose every comma may start another task ("jo seeing kids tmrw, HV records by fri, dc patel PNC today").
      const pieces = sentence
        .split(/;/)
        .flatMap((part) => splitOutside(part, (t, i) => (t[i] === "," && !/\d/.test(t[i + 1] ?? "") ? 1 : 0)))
        .reduce<{ text: string; start: number }[]>((out, p) => {
          const prev = out[out.length - 1];
          if (prev && dueOnly(p.text, ctx.anchor, ctx.year)) prev.text = `${prev.text}, ${p.text}`;
          else out.push({ text: p.text, start: p.start });
          return out;
        }, [])
        .flatMap((p) => actionClauses(p.text, ctx));
      const read = pieces.map((c) => readAction(c.text, ctx, true, sentence, c.inherit));
      // Among tasks said with their doers, a task with a date and no doer is a task too ("refer to CAMHS tomorrow, Sian to ...").
      const listed = read.some((a) => a !== null);
      pieces.forEach((c, i) => {
        const a = read[i] ?? (listed ? readAction(c.text, ctx, false, sentence, c.inherit) : null);
        if (a && (read[i] || (a.due_text !== null && !a.owner && !/\b(was|were|has been|have been|had|is|are)\b/i.test(c.text)))) actions.push(a);
      });
    }
  }
  // "No actions other than Bethan to close by 31/1": the writer says that task is the only one, so what the notes say
  // elsewhere ("Bethan to ring her today with outcome") is not a task of the plan.
  const only = actions.filter((a) => findPhrases(vocabulary().no_actions, a.source ?? "", "noactions").length > 0);
  record.actions = only.length > 0 ? only : actions;

  if (hasPhrase(vocabulary().dob_words.filter((w) => w.length > 1), text) || /\bborn on\b/i.test(text)) {
    warnings.push("The notes seem to include a date of birth. Keep personal details to the case reference in the record.");
  }
  const j = readJurisdiction(text);
  record.jurisdiction = j.jurisdiction
    ? { value: j.jurisdiction, from: "notes", evidence: j.evidence.filter((e) => e.jurisdiction === j.jurisdiction).map(({ words, cue, kind, jurisdiction }) => ({ words, cue, kind, jurisdiction })) }
    : { value: "england", from: "default", evidence: j.evidence.map(({ words, cue, kind, jurisdiction }) => ({ words, cue, kind, jurisdiction })) };
  checks.push(...attendeeChecks(record), ...actionChecks(record));
  if (text !== typed) quoteSaid(record, (piece) => piece.split("; ").map((p) => originalWords(said, typed, p)).join("; "));
  if (chat) quoteSaid(record, (piece) => piece.split("; ").map((p) => originalWords(chat, pasted, p)).join("; "));
  return { record, warnings, checks };
}

/** Every source (and jurisdiction evidence) of a record read from rewritten notes, as the notes' own words. */
function quoteSaid(value: unknown, words: (piece: string) => string): void {
  if (Array.isArray(value)) {
    for (const v of value) quoteSaid(v, words);
    return;
  }
  if (!value || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if ((k === "source" || k === "words") && typeof v === "string") o[k] = words(v);
    else if (k === "source" && v && typeof v === "object" && !Array.isArray(v)) {
      for (const [f, piece] of Object.entries(v as Record<string, unknown>)) if (typeof piece === "string") (v as Record<string, string>)[f] = words(piece);
    } else quoteSaid(v, words);
  }
}

/** Whether a sentence records a decision on section 47, a criminal investigation or legal action. */
/**
 * What happened to the child, from paragraphs (or items of the information shared) that name the child and the harm,
 * though maybe not in one sentence ("Tyler (15) was stopped by BTP ... He's been missing three times in May"): the
 * sentences of such a paragraph that say what happened, decisions and attendance left out.
 */
function harmTold(paragraphs: string[], skip: Set<string> = new Set()): string {
  return paragraphs
    .filter((p) => isConcern(p))
    .flatMap((p) => sentences(p).map((x) => x.text))
    .filter((x) => isSharedConcern(x) && !isDecision(x) && !skip.has(x))
    .join("\n");
}

function isDecision(text: string): boolean {
  const cs = clauses(text);
  return readSection47(cs).source !== null || readCriminalInvestigation(cs).source !== null || readLegalAction(cs).source !== null;
}

/** "Minutes taken by Angela Mills", "notes recorded by Jo": who recorded the discussion, in prose. */
/** The minute taker named in a sentence of prose: their name, or the writer's when they say it of themselves. */
function recorderInProse(text: string, author: string | null): string | null {
  const m = minuteTaker(text);
  if (!m) return null;
  return m.self ? author : m.words ? readSegment(m.words).name : null;
}

function findDateSafe(text: string, year: number): string | null {
  try {
    return findDate(text, year)?.iso ?? null;
  } catch {
    return null;
  }
}

/** Notes split into labelled sections, for callers that only need the layout (the guided answers). */
export function splitSections(text: string): { header: string; sections: { key: SectionKey; label: string; text: string }[] } {
  const layout = readLayout(normaliseNotes(text));
  const header = layout.blocks
    .filter((b) => b.key === null)
    .flatMap((b) => b.items.map((i) => i.text))
    .join("\n");
  const sections = layout.blocks
    .filter((b): b is Block & { key: SectionKey } => b.key !== null)
    .map((b) => ({ key: b.key, label: b.label ?? "", text: b.items.map((i) => i.text).join("\n") }));
  return { header, sections };
}

/** A text as a regular expression that matches it literally. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
