import { words } from "../lexicon/index.js";
import type { RecordAction } from "./model.js";
import { dueFromText, dueOnly, findDue } from "./dates.js";
import { isTitle } from "./titles.js";
import { wordingPatterns } from "./decision-wording.js";
import { isSharing, spelled } from "./decisions.js";
import { readSegment } from "./people.js";
import { sentences, splitOutside, squash } from "./text.js";
import { findPhrases, headingKey, isPhrase, key, vocabulary } from "./vocabulary.js";
import { findChildRef } from "./meeting.js";

/**
 * Actions in every shape notes give them: "SW to see child 17/3", "Dr Evans - CP medical -
 * 17/03 pm", "Lucy: see both children by Weds", "Chronology – Grace – 17.10.25", "HV records
 * by fri", "paediatric assessment to be booked by Hayley", a row of an Action | Owner | Due
 * table. The owner is a person the notes name (an attendee, a role, "I" for the writer);
 * a line about telling the family or recording a decision is not an action.
 */

/** Who can own an action: the people read from the notes, and the notes' writer. */
export interface OwnerContext {
  /** Names of the people in the notes ("Lucy Grant", "DC Patel", "jo"). */
  names: string[];
  /** Who wrote the notes ("I", "me"), when known. */
  author: string | null;
  /** The date relative due words count from (the discussion's date); null: they are not resolved. */
  anchor: string | null;
  /** Year for a due date written without one. */
  year: number;
}

const MAX = 2000;

function tokensOf(text: string): string[] {
  return key(text).split(" ").filter(Boolean);
}


/** Whether `text` names one of the people in the notes ("Grace" for Grace Obi, "DC Ward" for DC Neil Ward). */
function namesPerson(text: string, ctx: OwnerContext): boolean {
  // "CAMHS referral (AP)", "KH – visit": the initials of someone the notes name in full.
  const caps = squash(text);
  if (
    /^\p{Lu}{2,3}$/u.test(caps) &&
    ctx.names.some((n) => {
      const ws = n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !isTitle(key(w)));
      return ws.length >= 2 && ws.map((w) => w.charAt(0)).join("") === caps;
    })
  )
    return true;
  const t = tokensOf(text).filter((w) => !isTitle(w));
  if (t.length === 0 || t.length > 4) return false;
  return ctx.names.some((n) => {
    const full = tokensOf(n).filter((w) => !isTitle(w));
    if (full.length === 0) return false;
    if (t.join(" ") === full.join(" ")) return true;
    if (t.length === 1) return full.includes(t[0] as string);
    return t[t.length - 1] === full[full.length - 1] && (t[0] ?? "").charAt(0) === (full[0] ?? "").charAt(0);
  });
}

function isSelf(text: string): boolean {
  return /^(i|me|myself|i ll|i will)$/.test(key(text));
}

/** Owners joined by "and", "&", "+" or a slash ("Liam/Nicola"); a slash between two single letters is a title ("S/N Roberts"). */
const OWNERS_JOINED = /\s+(?:and|&|\+)\s+|(?<!(?:^|\s)\p{Lu})\s*\/\s*(?!\p{Lu}(?:\s|$))/u;

/**
 * Whether some words are a person who can own an action: someone named in the notes, the
 * writer, a role or agency ("SW", "Duty SW", "police", "school"), or a title and name
 * ("DC Ward"); several joined by "and"/"&" ("Ffion and Hayley").
 */
function isOwner(text: string, ctx: OwnerContext): boolean {
  const t = squash(text).replace(/^(the|our)\s+/i, "");
  if (!t || t.length > 60 || /\d/.test(t)) return false;
  if (isPhrase(vocabulary().collective_owners, t, "collective")) return true;
  const parts = t.split(OWNERS_JOINED);
  if (parts.length > 1) return parts.every((p) => isOwner(p, ctx));
  if (isSelf(t) || namesPerson(t, ctx)) return true;
  const seg = readSegment(t);
  if (seg.foreign.length > 0 || seg.statuses.length > 0) return false;
  if (seg.explicitRole || seg.agency) return !seg.name || words(t).length <= 4;
  return seg.title !== null && seg.name !== null;
}

/**
 * Whether some words name who owns a task for certain: a person the notes name, the writer, a title and a name
 * ("Mr Evans"), a role on its own ("DSL", "school nurse"), a capitalised name, everyone. An agency's word at the head
 * of a task ("Hospital birth alert", "CAMHS urgent ref", "nursery info", "tutor's written account") also reads as an
 * owner, but only weakly: in "task – owner – when" the field that surely names someone owns it.
 */
function surelyOwner(text: string, ctx: OwnerContext, strict: boolean): boolean {
  const t = squash(text).replace(/^(the|our)\s+/i, "");
  if (!strict && nameLike(t)) return true;
  if (!isOwner(t, ctx)) return false;
  if (isPhrase(vocabulary().collective_owners, t, "collective") || isSelf(t) || namesPerson(t, ctx)) return true;
  const parts = t.split(OWNERS_JOINED);
  if (parts.length > 1) return parts.every((p) => surelyOwner(p, ctx, strict));
  const seg = readSegment(t);
  // A role with a person's name ("TM (Tina)", "SW Jo") is sure; a role run into a task's words ("tutor's written account")
  // or sending to someone ("GP to SO") is not.
  return (seg.title !== null && seg.name !== null) || (seg.explicitRole !== null && (seg.name === null || (nameLike(seg.name) && !/\bto\b/i.test(t))));
}

/** One to three capitalised words that are not a task ("Kemi", "Jo Smith"): a person's name at the head of an action. */
function nameLike(text: string): boolean {
  const t = squash(text);
  if (!/^\p{Lu}[\p{L}'’-]*(\s\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(t)) return false;
  const seg = readSegment(t);
  return seg.name !== null && seg.foreign.length === 0 && !findPhrases(vocabulary().action_words, t, "actionwords").length;
}

/**
 * "Lorraine to check whether ...", "Sam to carry on ...": under an actions heading, a name alone before "to" and a task's
 * verb is who does it, even when the list of who took part did not give that name. A name before a verb of no task
 * ("Kai to stay with nan") is the child or family, not an owner.
 */
function namedDoer(head: string, task: string): boolean {
  const verb = words(task).slice(0, 2).map((w) => w.folded);
  const tasked = verb.length > 0 && (vocabulary().action_words.includes(verb[0] as string) || vocabulary().action_words.includes(verb.join(" ")));
  return tasked && nameLike(head) && words(head).length <= 2;
}

function ownerAsWritten(text: string, ctx: OwnerContext): string {
  const t = squash(text).replace(/[.,:;]+$/, "");
  return isSelf(t) && ctx.author ? ctx.author : t;
}

/** Words that name an agency or team and nobody in it ("health", "the school", "CAMHS"). */
function agencyOnly(text: string): boolean {
  const seg = readSegment(squash(text).replace(/^(the|our)\s+/i, ""));
  return seg.agency !== null && seg.explicitRole === null && seg.name === null && seg.title === null && !seg.self;
}

/** A task's owner said to be unknown, closing its line: "owner TBC", "lead: tba", "?who", "who?", "→ ?". */
const UNKNOWN_OWNER = /(?:^|[\s\-–—:,;(→>]+)(?:(?:owner|lead|who|by whom|responsible)\s*[:=]?\s*(?:tbc|tba|to be confirmed|to be agreed|unknown|not agreed|\?+)|\?+\s*who|who\s*\?+|(?<=→\s*|->\s*)\?+)\s*\)?\s*$/i;

/**
 * The line without a field of question marks that stands in the owner's place: the second of two fields ("GP check - ??"),
 * or a field between the task and a due date ("GP records - ? - by 4/6"). Null where there is none.
 */
function askedOwnerField(text: string, ctx: OwnerContext): string | null {
  const fields = splitOutside(text, (t, i) => (/^ [-–—] /.test(t.slice(i, i + 3)) ? 3 : 0));
  if (fields.length < 2) return null;
  const q = fields.findIndex((f, j) => j > 0 && /^\?+$/.test(f.text.trim()));
  if (q < 0) return null;
  const last = fields[fields.length - 1] as (typeof fields)[number];
  const owned = fields.length === 2 || (q < fields.length - 1 && findDue(last.text, ctx.anchor, ctx.year).due_text !== null);
  if (!owned) return null;
  return fields.filter((_, j) => j !== q).map((f) => f.text.trim()).join(" - ");
}

/** The longest start of `text` (up to four words) that names an owner: "Mared HV records to paeds" → "Mared". */
function leadingOwner(text: string, ctx: OwnerContext): string | null {
  const ws = words(text);
  for (let n = Math.min(5, ws.length - 1); n >= 1; n--) {
    const end = (ws[n - 1] as (typeof ws)[number]).end;
    const head = text.slice(0, end);
    const next = ws[n];
    if (!next || !isOwner(head, ctx)) continue;
    // The person's own role written after them stays with them only if it is all there is: "Gill HV visit" → "Gill".
    if (namesPerson(head, ctx) || isSelf(head) || readSegment(head).foreign.length === 0) return head;
  }
  return null;
}

/**
 * The owner said after the task with nothing between, as dictation and shorthand give it ("review meeting Andrea Cole
 * on the 4th", "NRM referral Gwion by Tues", "home visit and safety plan me today"): up to three last words that name
 * someone the notes name, or the writer. Never the one the task is done to or with ("send records to Lisa Gill",
 * "joint visit with DC Frost"): a preposition or a joining word before the name makes it part of the task.
 */
function trailingOwner(text: string, ctx: OwnerContext): { owner: string; start: number } | null {
  const ws = words(text);
  for (let n = Math.min(7, ws.length - 1); n >= 1; n--) {
    const first = ws[ws.length - n] as (typeof ws)[number];
    const before = ws[ws.length - n - 1] as (typeof ws)[number];
    const tail = text.slice(first.start).replace(/[.,;:]+$/, "");
    const single = n <= 3 && (namesPerson(tail, ctx) || isSelf(tail));
    if (!single && !jointOwners(tail, ctx)) continue;
    if (/^(?:with|to|for|from|of|at|on|and|or|by|about|re|via|cc|plus|inc|incl|including|between|see|seeing|tell|telling|inform|ring|call|phone|contact|update|ask|email|e-mail|text)$/i.test(before.folded)) return null;
    // "visit Lisa Gill" is whom the visit is to; "joint visit Naomi/Carol", "ABE interview hugh morris and me" name the pair
    // who carry it out, as agencies pair up for these (Working Together 2023: joint visits and interviews).
    if (single && /^(?:visit|interview)$/i.test(before.folded)) return null;
    if (/[&+/,]\s*$/.test(text.slice(before.end, first.start))) return null;
    return { owner: tail, start: first.start };
  }
  return null;
}

/**
 * Two or three people who share a task, joined as practitioners pair workers for a joint visit or an interview ("Naomi/Carol",
 * "me + DC Vale", "hugh morris and me", "DC Jones with Bethan"): every one of them someone the notes name, or the writer. A
 * role or an agency alone in the pair is not enough ("mum and police"), as the pair may be whom the task is done with.
 */
function jointOwners(text: string, ctx: OwnerContext): boolean {
  const parts = squash(text).split(/\s+(?:and|&|\+|with)\s+|\s*\/\s*/i);
  if (parts.length < 2 || parts.length > 3) return false;
  return parts.every((p) => namesPerson(p, ctx) || isSelf(p));
}

/** A field that says who does its task ("Dan to arrange"): a person the notes name, a role, or (outside prose) a name before a task's verb. */
function fieldDoer(field: string, ctx: OwnerContext, strict: boolean): boolean {
  const m = VERB_MARK.exec(field);
  return Boolean(m?.[1] && (isOwner(m[1], ctx) || (!strict && namedDoer(m[1], m[2] ?? ""))));
}

const VERB_MARK = /^(.{1,60}?)(?:\s+(?:to|will|'ll|should|must|shall|is to|are to|agreed to|has agreed to|have agreed to|is going to|are going to|am going to|offered to|has offered to|said (?:they|he|she)['’]d|said (?:they|he|she) (?:would|will))|['’](?:ll|m going to))\s+(?:also\s+|then\s+|now\s+|still\s+|urgently\s+|jointly\s+)?(?!be\b)(.+)$/i;
// "YP to be seen alone by Elen", "HV records to be sent to SW by Ann", "home visit by SW": the task, then who does it.
const PASSIVE_BY = /^(.+?)\s+by\s+(.{1,40})$/i;
// "to be seen", "to be completed", "is to be arranged": a task said without who does it.
const PASSIVE = /\b(?:to be|is to be|are to be|needs to be|need to be|will be|should be|must be)\s+(\w+(?:ed|en|wn|ne|un|de|t)\b)/i;
// A verb in the past tense at the head of what follows a doer: what happened, not what is to be done.
const PAST_TENSE = /^(?:\w+ed|saw|said|told|found|took|made|came|went|gave|rang|spoke|brought|heard|felt|left|sent|got|was|were|had|has|have|did)$|^(?:\w+ed|saw|said|told|found|took|made|came|went|gave|rang|spoke|brought|heard|felt|left|sent|got|was|were|had|has|have|did)\b/i;
// " - ", ": " and arrows ("chron -> SW", "medical => Dr E") part the task, its owner and its date.
const SEPARATORS = (t: string, i: number) => (/^ [-–—] /.test(t.slice(i, i + 3)) ? 3 : /^: /.test(t.slice(i, i + 2)) ? 2 : (/^ ?(?:->|=>|→|⇒) ?/.exec(t.slice(i, i + 4))?.[0].length ?? 0));

/** Whether a line records a decision rather than a task ("s47 agreed", "joint investigation, police lead", "police will decide"). */
function isDecisionLine(text: string): boolean {
  const t = spelled(text);
  return (
    /\b(s47|threshold|no further action|joint investigation|criminal investigation|police (lead|to lead|led|investigating|will investigate|to investigate|will not investigate|not to investigate|are not investigating|not investigating|will decide|to decide)|legal planning meeting (requested|not)|no legal|legal (action )?(not|none|nil|no))\b/.test(t) ||
    /\b(decide|decides|decided|decision)\b.*\b(investigation|s47|legal|criminal|prosecut\w*|charge)\b/.test(t)
  );
}

/** Words that report a state or something done: "recorded", "open since", "known to", "on waiting list", "no trace". */
const STATE = /\b(?:\w+ed|since|open to|known to|on (?:a |the )?waiting list|no (?:concerns?|trace|record|records|history|previous)|nil|nothing)\b/i;

const TELLING_VERB = /^(?:\S+\s+){0,1}(tell|inform|explain|update|notify|ring|call|phone|let)\b|\b(to be|not to be|is to be|are to be)\s+(told|informed|shared)|\b(told|informed|aware)\b/i;

/** The due date of an action ("by Fri", "17/03 pm", "– 03/02/2025", "EOD") and the action's words without it. */
function splitDue(text: string, ctx: OwnerContext): { rest: string; due: string | null; due_text: string | null } {
  // "task – owner – when": in the three-part form the last part is when, whole, with whatever the writer added to the
  // date ("by Tues 26/5 (Mon is bank hol)", "start 30/1", "Thursday 9 July, 10am, Jenny Lind", "heddiw / today"); a word
  // of time in the task ("Tell Tom immediately of ...") is not its due date when the last part gives one.
  const fields = splitOutside(text, SEPARATORS);
  const last = fields[fields.length - 1];
  if (fields.length >= 3 && last) {
    const own = findDue(last.text, ctx.anchor, ctx.year);
    // The part is when only if little else is in it: "notify Cafcass of s47 by Fri please" is a task with its date.
    const residue = own.due_text && own.start >= 0 ? `${last.text.slice(0, own.start)} ${last.text.slice(own.end)}`.split(/\s+/).filter((w) => /\p{L}/u.test(w)) : [];
    // ... and names nobody: "health chrono → BD 4/12" sends the chronology to BD by then.
    const toSomeone = residue.length > 0 && namesPerson(residue.join(" ").replace(/^[\s,;(]+|[\s,;)]+$/g, ""), ctx);
    if (own.due_text && own.start >= 0 && residue.length <= 4 && !toSomeone) {
      const cut = text.slice(0, last.start).replace(/(?:\s*(?:[-–—:]|->|=>|→|⇒)\s*)$/u, "").trim();
      return { rest: cut, due: own.due, due_text: own.due_text };
    }
  }
  const d = findDue(text, ctx.anchor, ctx.year);
  if (!d.due_text || d.start < 0) return { rest: text, due: d.due, due_text: d.due_text };
  const rest = `${text.slice(0, d.start)} ${text.slice(d.end)}`
    .replace(/\(\s*\)/g, " ")
    .replace(/\s+(?:w\/c|wc|w\/b|w\/e|week commencing|week beginning|wk comm|wk beg)\s*$/i, "")
    .replace(/\s+(?:by|on|before|due|from|for|until)?\s*$/i, "")
    .replace(/[\s\-–—:,;(]+$/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { rest, due: d.due, due_text: d.due_text };
}

/**
 * One action from a line of notes, or null when the line is not an action (a decision, a
 * note about telling the family, a heading). `strict` (text under no "Actions" heading)
 * also requires a named owner, so that prose is not read as tasks.
 */
export function readAction(
  line: string,
  ctx: OwnerContext,
  strict = false,
  sentence = line,
  inherit: string | null = null,
): (RecordAction & { source: string }) | null {
  const v = vocabulary();
  let t = squash(line.slice(0, MAX)).replace(/^(?:[\s\-*•\d).]|[–—](?=\s))+(?=\S)/, "").replace(/^(?:action|task)\s*\d{1,2}\s*[:.)-]\s*/i, "").replace(/[.;\s]+$/, "");
  const asWritten = t;
  for (const m of findPhrases(v.no_actions, t, "noactions")) t = t.slice(m.end).trim();
  if (t.length < 3 || /^(none|nil|n\/a|no actions?)$/i.test(t)) return null;
  // A sign-off ("thanks all", "end of notes", as dictation closes) or a word about the record itself is not a task.
  if (isPhrase(v.closings, t) || isPhrase(v.record_housekeeping, t) || ABOUT_THE_RECORD.test(t) || wordingPatterns().actions_elsewhere.test(t)) return null;
  // "Child ref 4421907" at the end of a list of actions is the reference, not a task.
  const ref = findChildRef(t, false);
  if (ref && squash(t).replace(/[.\s]+$/, "").length <= ref.words.length + 12) return null;
  // "Action: CP medical. Responsible: Dr Bose. Deadline: 21/05" read as one action with its labels.
  t = t.replace(/\.\s+(?=(?:responsible|owner|lead|who|by whom|deadline|due|by when|timescale|date)\s*:)/gi, "; ");
  // "owner TBC", "?who", "→ ?": the notes say nobody has the task yet. The task has no owner, whatever its words name.
  // "Reconvene strategy meeting – Sioned, date tbc": the date said not to be set yet closes the owner's field; the task
  // has no due date, and the owner is read without it.
  t = t.replace(/(?:\s*[,;(\-–—]\s*|\s+)(?:date|when|deadline|due|timescale)\s*:?\s*(?:tbc|tba|to be confirmed|to be agreed|to be set|not set|unknown|\?+)\s*\)?\s*$/i, "");
  // "GP check re mum's mood - ??", "GP records - ? - by 4/6": question marks in the owner's place of a task – owner – when
  // line, as practitioners leave it when nobody was agreed. A "?" after an owner's field is the date's ("ABE - DC Moss - ?").
  const asked = askedOwnerField(t, ctx);
  if (asked) t = asked;
  const unowned = asked ? { index: t.length } : UNKNOWN_OWNER.exec(t);
  if (unowned) t = t.slice(0, unowned.index).replace(/[\s\-–—:,;(→>]+$/, "");
  const { rest, due, due_text } = splitDue(t, ctx);
  if (unowned) {
    const what = rest.replace(/^[\s\-–—:,;]+|[\s\-–—:,;]+$/g, "");
    if (!what || isSharing(what) || isDecisionLine(what)) return null;
    return { action: what.charAt(0).toUpperCase() + what.slice(1), owner: null, due, due_text, source: asWritten };
  }

  let owner: string | null = null;
  let what = rest;
  // How the owner was named: prose needs a clear shape ("Jo to ...", "Jo - ...", "Jo seeing ...", or a due date).
  let shaped = false;
  const labelled = /\b(?:owner|lead|who|by whom|responsible|person responsible|action owner)\s*[:=]\s*([^;,).]+)/i.exec(rest);
  const fields = splitOutside(rest, SEPARATORS).map((p) => p.text);
  const verb = VERB_MARK.exec(rest);
  const passive = PASSIVE_BY.exec(rest);
  const bracket = /^(.*?)\s*\(([^)]{1,40})\)\s*$/.exec(rest);
  if (labelled?.[1] && isOwner(labelled[1], ctx)) {
    owner = labelled[1].trim();
    what = rest.replace(labelled[0], "").replace(/[\s,;(]+$/, "").trim();
    shaped = true;
  } else if (
    fields.length >= 2 &&
    (isOwner(fields[0] as string, ctx) || (!strict && nameLike(fields[0] as string))) &&
    !(surelyOwner(fields[fields.length - 1] as string, ctx, strict) && !surelyOwner(fields[0] as string, ctx, strict))
  ) {
    owner = fields[0] as string;
    what = fields.slice(1).join(" - ");
    shaped = true;
  } else if (fields.length >= 2 && (isOwner(fields[fields.length - 1] as string, ctx) || (!strict && nameLike(fields[fields.length - 1] as string)))) {
    owner = fields[fields.length - 1] as string;
    what = fields.slice(0, -1).join(" - ");
    shaped = true;
  } else if (fields.length >= 3 && fields.slice(1, -1).filter((f) => surelyOwner(f, ctx, true)).length === 1) {
    // "by 8/4 (after survey) – Gemma – reconvene", "HV records – Leanne – to SW": what, who and when in any order, so
    // when the date has been taken from one end the owner can stand between the other two fields, set apart on its own.
    const i = fields.findIndex((f, j) => j > 0 && j < fields.length - 1 && surelyOwner(f, ctx, true));
    owner = fields[i] as string;
    what = fields.filter((_, j) => j !== i).filter((f) => !/^\(.*\)$/.test(f.trim())).join(" - ");
    shaped = true;
  } else if (fields.length >= 2 && fields.some((f) => fieldDoer(f, ctx, strict))) {
    // "CP medical tomorrow – Dan to arrange", "Sam to carry on weekly sessions – next session Weds 8th": the owner said to
    // do something in one field, the task or a note of when in the others.
    const i = fields.findIndex((f) => fieldDoer(f, ctx, strict));
    const m = VERB_MARK.exec(fields[i] as string) as RegExpExecArray;
    owner = m[1] ?? null;
    what = [...fields.slice(0, i), m[2] ?? ""].filter(Boolean).join(" - ");
    shaped = true;
  } else if (verb?.[1] && (isOwner(verb[1], ctx) || (!strict && namedDoer(verb[1], verb[2] ?? "")))) {
    owner = verb[1];
    what = verb[2] ?? rest;
    shaped = true;
  } else if (passive?.[2] && (!strict || PASSIVE.test(passive[1] ?? "") || due_text !== null) && isOwner(passive[2], ctx)) {
    owner = passive[2];
    what = passive[1] ?? rest;
    shaped = true;
  } else if (bracket?.[2] && isOwner(bracket[2], ctx)) {
    owner = bracket[2];
    what = bracket[1] ?? rest;
    shaped = due_text !== null;
  } else if (inherit && /^(?:will|to|'ll|should|must|shall|also)\b/i.test(rest)) {
    // "... and will arrange an ABE interview by Friday": the doer of the clause before.
    owner = inherit;
    what = rest.replace(/^(?:will|to|'ll|should|must|shall)\s+(?:also\s+|then\s+)?/i, "");
    shaped = true;
  } else {
    const found = leadingOwner(rest, ctx);
    // "health chronology", "school attendance records", "the CAMHS referral to be made": an agency's name run into the
    // thing it names is whose the thing is, not who does the task; a doer is set apart ("Health – chronology") or does
    // something ("health to send ...", read above). A person or a role ("Gill HV visit", "SW home visit") still leads.
    const lead = found && agencyOnly(found) && !/^\s*(?:[-–—:]|to\b|will\b|'ll\b)/i.test(rest.slice(found.length)) ? null : found;
    const trailing = lead ? null : trailingOwner(rest, ctx);
    if (trailing && !strict) {
      owner = trailing.owner;
      what = rest.slice(0, trailing.start).replace(/[\s\-–—:,;]+$/, "");
      shaped = true;
    } else if (lead) {
      owner = lead;
      what = rest.slice(lead.length).replace(/^\s*(?:[-–—:]|to|will|'ll)?\s*/i, "");
      // "nursery raised it this morning", "mum said ... today": what someone did or said is the story, not a task.
      const told = PAST_TENSE.test(what) || PAST_TENSE.test(lead.split(/\s+/).slice(-1)[0] ?? "");
      shaped = !told && (due_text !== null || /^\w+ing\b/i.test(what));
    }
  }
  // In prose, "CAMHS – open since May", "Pol – crime recorded (assault)", "referred to CAMHS – on waiting list": what an
  // agency has done or knows, said with no date, is information shared, not a task (a task opens with what to do).
  if (strict && owner && due_text === null && owner !== verb?.[1] && STATE.test(what) && !isPhrase(v.action_words, words(what)[0]?.folded ?? "")) return null;
  // "Info to parents: ...", "Parents to be told ... by SW": notes about telling the family, not tasks.
  if (headingKey((/^([^:]{1,40}):/.exec(t)?.[1] ?? "")) === "share") return null;
  if (isSharing(rest) && /\b(to be|not to be|is to be|are to be)\s+(told|informed|updated|made aware)\b/i.test(rest)) return null;
  // A line about telling the family, or recording a decision, is not a task unless someone is named to do it.
  const mainVerb = owner ? what : rest;
  // The sentence tells whom only when the clause names nobody of its own ("... and update them"), not "update the referrer".
  const addressee = /^(?:\S+\s+){0,1}(?:tell|inform|explain|update|notify|ring|call|phone|let)\s+(?:the\s+)?(\w+)/i.exec(mainVerb)?.[1] ?? "";
  const ownAddressee = addressee !== "" && !/^(?:her|him|them|they|she|he|both|all|about|of|re|on|with)$/i.test(addressee);
  // ... but someone named to tell the family ("Emma to tell parents today", "PC FR – inform dad") has a task, as both
  // outside authors record it: who tells them, and by when, is the plan's to follow up.
  const tellsWithDoer = owner !== null && shaped && !isPhrase(vocabulary().collective_owners, owner, "collective") && /^(?:\S+\s+){0,1}(tell|inform|explain|update|notify|ring|call|phone|share)\b/i.test(what);
  if (!tellsWithDoer && (isSharing(mainVerb) || (isSharing(sentence) && !(owner && ownAddressee))) && TELLING_VERB.test(mainVerb)) return null;
  if (!owner && (isSharing(rest) || isDecisionLine(rest))) return null;
  // A task said in the passive with a date but no doer ("yp to be seen alone tmrw") is an action with no owner, even in prose.
  const ownerless = !owner && PASSIVE.test(rest) && (due_text !== null || !strict);
  if (strict && !ownerless && (!owner || !shaped || isDecisionLine(rest))) return null;
  if (strict && ownerless && isDecisionLine(rest)) return null;
  // A role as the doer with a named person in brackets: the person ("GP to review records (Dr Patel)" → Dr Patel).
  if (owner && bracket?.[2] && bracket[2] !== owner && namesPerson(bracket[2], ctx) && readSegment(owner).name === null) {
    what = what.replace(/\s*\([^)]*\)\s*$/, "").replace(`(${bracket[2]})`, "").trim();
    owner = bracket[2];
  }
  // "All - quick note of ...": in prose, "all" owns a task only when it is said to do it ("All agencies to share ...").
  if (strict && owner && isPhrase(vocabulary().collective_owners, owner, "collective") && !(verb?.[1] && squash(verb[1]) === squash(owner))) return null;
  what = what
    .replace(/(?:[,;(]\s*)?\b(?:deadline|due|by when|timescale|date)\s*:?\s*\)?\s*$/i, "")
    .replace(/\s*\(\s*\)?\s*$/, "")
    .replace(/\s*[,;]\s*[,;]\s*/g, ", ")
    .replace(/^[\s\-–—:,;]+|[\s\-–—:,;]+$/g, "")
    // "abe interview. By the 2nd": the full stop before a due date that was taken away
    .replace(/(?<=\p{L}{2})\.$/u, "")
    .trim();
  if (!what) return null;
  return {
    action: what.charAt(0).toUpperCase() + what.slice(1),
    owner: owner ? ownerAsWritten(owner, ctx) : null,
    due,
    due_text,
    source: asWritten,
  };
}

/** Whether a clause starts a task of its own: someone to do something ("DC Shaw to interview dad", "Ann: records"), or "will ..." of the doer before. */
function startsAction(clause: string, ctx: OwnerContext): "own" | "inherit" | null {
  const t = squash(clause).replace(/^(?:and|&|\+|then)\s+/i, "");
  if (/^(?:will|to|'ll|should|must)\s+\w/i.test(t)) return "inherit";
  // A task of its own with its own doer, read as strictly as prose is ("HV records by fri", "DC Shaw to interview dad").
  const own = readAction(t, ctx, true);
  // Its doer first: "home visit and see child alone – Nadia" is one task whose doer is written last.
  const first = own?.owner ? key(t).startsWith(key(own.owner)) || (isSelf(own.owner) === false && key(t).startsWith(key(own.owner).split(" ")[0] ?? "")) : false;
  // ... and surely someone, or said to do something: in "tablet download & DI decision – Fri", "hearing f/u + health chron –
  // end of next wk", "email log to EDT + Vale CS duty – by 02:00" a role's or an agency's word heads the next thing to be
  // done, not a doer of its own, and the one task keeps its owner and its date.
  const marked = VERB_MARK.exec(t)?.[1];
  // Where the clause is itself set out in fields ("DI decision – Fri"), its doer is a field of its own or said to do it.
  const fields = splitOutside(t, SEPARATORS).map((f) => key(f.text));
  const wholeField = fields.length < 2 || (own?.owner ? fields.includes(key(own.owner)) : false);
  const sure = own?.owner ? (surelyOwner(own.owner, ctx, true) && wholeField) || (marked !== undefined && key(marked) === key(own.owner)) : false;
  if (own?.owner && first && sure && /\p{L}{2}/u.test(own.action) && !isOwner(own.action, ctx)) return "own";
  return null;
}

/**
 * The tasks in one entry: split at commas, "and", "&", "+" and " / " where what follows is a task
 * of its own ("Jo to see child today and DC Shaw to interview dad by Fri", "..., HV to send
 * records tomorrow"), never inside one ("CP medical + CT", "attendance and behaviour records").
 * Each clause comes with the doer of the one before, for "... and will arrange ABE by Friday".
 */
export function actionClauses(text: string, ctx: OwnerContext): { text: string; inherit: string | null }[] {
  const run = runOnTasks(text, ctx);
  if (run.length > 1) return run.flatMap((piece) => actionClauses(piece, ctx));
  const cuts = splitOutside(text, (t, i) => {
    const m = /^(?:\s*,\s+(?:and\s+|then\s+)?|\s+(?:and|&|\+|\/)\s+)/i.exec(t.slice(i, i + 12));
    return m ? m[0].length : 0;
  });
  if (cuts.length < 2) return [{ text, inherit: null }];
  const out: { text: string; inherit: string | null; start: number; end: number }[] = [];
  for (const piece of cuts) {
    const prev = out[out.length - 1];
    const kind = prev ? startsAction(piece.text, ctx) : "own";
    const prevTask = prev ? readAction(prev.text, ctx) : null;
    // A clause that is a task of its own, after one that is a task too (not "Police and CSC to visit").
    if (!prev || (kind && prevTask && !isOwner(prev.text, ctx))) {
      const inherit = kind === "inherit" && prevTask ? prevTask.owner : null;
      out.push({ text: piece.text, inherit, start: piece.start, end: piece.start + piece.text.length });
      continue;
    }
    prev.end = piece.start + piece.text.length;
    prev.text = text.slice(prev.start, prev.end);
  }
  return out.map(({ text: t, inherit }) => ({ text: t, inherit }));
}

/**
 * Tasks said one after another with nothing between, as dictation and hurried notes run them on: "Dr Chen to do the CP
 * medical tomorrow morning DC Morris to arrange ABE on Friday". A task closes with its date, and the next opens with
 * someone surely named (a person of the notes, a title and name, a role) said to do something to something ("to",
 * "will", "is going to"); split there only, so "visit with DC Morris tomorrow" or "records to SW by Fri" stay whole.
 */
function runOnTasks(text: string, ctx: OwnerContext): string[] {
  const out: string[] = [];
  let from = 0;
  for (const w of words(text)) {
    if (w.start <= from) continue;
    const before = text.slice(from, w.start);
    if (!/\s$/.test(before) || /[,;:\-–—(/&+]\s*$/.test(before)) continue;
    const m = VERB_MARK.exec(text.slice(w.start));
    // A task is something done to something ("arrange ABE", "send records"); "... in two weeks Gareth to chair" says who
    // leads the task before, not a task of its own.
    if (!m?.[1] || words(m[1]).length > 4 || words(m[2] ?? "").length < 2 || !surelyOwner(m[1], ctx, true)) continue;
    const head = before.trimEnd();
    const due = findDue(head, ctx.anchor, ctx.year);
    if (!due.due_text || due.end !== head.length || words(head.slice(0, due.start)).length < 2) continue;
    out.push(head);
    from = w.start;
  }
  if (out.length === 0) return [text];
  out.push(text.slice(from));
  return out;
}

/** An action from a table row with Action | Owner | Due columns. */
export function readActionRow(cells: string[], columns: (string | null)[], ctx: OwnerContext): (RecordAction & { source: string }) | null {
  const cell = (kind: string) => cells.filter((_, i) => columns[i] === kind).join(" ").trim();
  const what = cell("action");
  if (!what) return null;
  const ownerCell = cell("owner");
  const dueCell = cell("due");
  let due: { due: string | null; due_text: string | null } = { due: null, due_text: null };
  if (dueCell) {
    try {
      due = dueFromText(dueCell, ctx.anchor, ctx.year);
    } catch {
      due = { due: null, due_text: dueCell };
    }
    due.due_text ??= dueCell;
  }
  return {
    action: what.charAt(0).toUpperCase() + what.slice(1),
    owner: ownerCell && !/^(tbc|tba|\?+|-|n\/a)$/i.test(ownerCell) ? ownerAsWritten(ownerCell, ctx) : null,
    due: due.due,
    due_text: due.due_text,
    source: cells.filter(Boolean).join(" | "),
  };
}

/** The items of an "Actions" section: one per line, and several on a line at ";", a sentence's end or a number ("1) ... 2) ..."). */
export function actionItems(text: string): string[] {
  // An action's own labels ("Responsible: Dr Bose. Deadline: 21/05") belong to it, not to a new action.
  const pieces: { start: number; end: number }[] = [];
  for (const p of sentences(text)) {
    const prev = pieces[pieces.length - 1];
    // So does a due date stopped before ("Jo to visit. By Friday.").
    if (prev && (/^(?:responsible|owner|lead|who|by whom|deadline|due|by when|timescale)\s*:/i.test(p.text) || (!/\n/.test(text.slice(prev.end, p.start)) && dueOnly(p.text, null)))) prev.end = p.start + p.text.length;
    else pieces.push({ start: p.start, end: p.start + p.text.length });
  }
  return pieces
    // Never inside brackets: "(Mia, 7) and feed back ..." is a child's age closing an aside, not a list's "7)".
    .flatMap((p) => splitOutside(text.slice(p.start, p.end), (t, i) => (t[i] === ";" || t[i] === "•" || /^\s\d{1,2}[.)]\s/.test(t.slice(i, i + 5)) ? 1 : 0)).map((q) => q.text))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A line about the record of the actions rather than an action: the actions or notes sent round later ("Circulate the
 * action log separately once Paul has typed up the notes", "To be circulated by chair", "actions to follow") or not
 * written down ("Didn't get these down – ask Jo"). Read as a task, it hid that the notes record no actions at all.
 */
const ABOUT_THE_RECORD =
  /^(?:to be (?:circulated|sent round|typed up)|(?:will be |to be )?(?:circulated|to follow)(?: separately)?)\b|\b(?:circulate|send round|send out|type up|write up)\s+(?:the\s+)?(?:action log|action list|actions|notes|minutes|record)\b|\b(?:the\s+)?(?:action log|action list|actions|notes|minutes)\s+(?:to be circulated|will be circulated|to follow|will follow)\b|\bdid ?n[’']?t (?:get|write|take) (?:these|them|the actions|it) down\b/i;

/** Compatibility: one action from a line, with a due date counted from `anchor`. */
export function parseAction(text: string, anchor: string): RecordAction | null {
  const a = readAction(text, { names: [], author: null, anchor, year: Number(anchor.slice(0, 4)) });
  return a ? { action: a.action, owner: a.owner, due: a.due, due_text: a.due_text, source: a.source } : null;
}

/** Compatibility: actions from an "Actions:" section. */
export function parseActions(text: string, anchor: string): RecordAction[] {
  return text
    .split(/\n/)
    .flatMap(actionItems)
    .map((s) => parseAction(s, anchor))
    .filter((a): a is RecordAction => a !== null);
}
