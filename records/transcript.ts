import { readPersonTerms } from "../lexicon/index.js";
import type { Rewritten } from "./dictation.js";
import { hasPhrase, isPhrase, vocabulary } from "./vocabulary.js";
import { isTitle, titleAlternation } from "./titles.js";
import { BULLET, clauses, sentences } from "./text.js";

/**
 * A strategy discussion held over a Teams chat or call and pasted as its chat log, rewritten as
 * the notes the reader already reads: a meeting line from the first timestamp's date (never its time), a "Present:" list
 * of the people who wrote (with the role and agency after their name or said in their own words),
 * the chair, and the messages as lines of notes, a task someone takes on in the first person
 * ("I'll do the home visit tomorrow") written with the sender as its doer. System lines
 * (joined, left, added), reactions, "(edited)" and quoted replies are set aside. Every character
 * of the rewrite keeps the span of the log it came from, so each `source` quotes the log.
 */

interface Span { from: number; to: number }
interface Header { name: string; nameAt: number; date: string | null; dateAt: number; time: string; timeAt: number; lineAt: number; lineEnd: number; body: string | null; bodyAt: number }
interface Message { name: string; header: Header; lines: { text: string; at: number }[] }

const TIME = String.raw`\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
// Teams writes this year's dates without the year ("[17/03 10:42]").
const DATE = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}`;
// A sender as chat programs show one: a few capitalised words (a title, initials, hyphens and apostrophes), then perhaps their role in brackets.
// Council and NHS directories show "Surname, First" (perhaps with the team in brackets).
const NAME = String.raw`(?:(?:${titleAlternation()})\.?\s+)?[A-Z][\p{L}'’.-]*(?:,\s[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)?|(?:\s+[A-Z\p{Lu}][\p{L}'’.-]*){0,3})(?:\s*\([^()\n]{1,60}\))?`;

/** A sender's name as notes write it: brackets set aside, a directory's "Surname, First" as "First Surname". */
export function displayName(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)/g, "").trim();
  const m = /^([^,\s]+),\s*(.+)$/.exec(bare);
  return m ? `${m[2]} ${m[1]}` : bare;
}
const DAY = String.raw`(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+|(?:Yesterday|Today),?\s+)?`;

const SHAPES: { re: RegExp; groups: ("date" | "time" | "name" | "body")[] }[] = [
  // "[10:02] Sarah Jones: message", "26/11/2025, 10:02 - Sarah Jones: message", "[26/11/2025, 10:02:13] Sarah Jones: message"
  { re: new RegExp(String.raw`^\[?(?:(${DATE}),?\s+)?(${TIME})\]?\s*(?:[-–]\s*)?(${NAME}):\s+(.*)$`, "u"), groups: ["date", "time", "name", "body"] },
  // "10:02:15 From Sarah Jones to Everyone: message", "From Sarah Jones to Everyone 10:02:"
  { re: new RegExp(String.raw`^(?:(${DATE})\s+)?(${TIME})?\s*From\s+(${NAME})\s+to\s+[^:\n]{1,40}?:\s*(.*)$`, "u"), groups: ["date", "time", "name", "body"] },
  { re: new RegExp(String.raw`^From\s+(${NAME})\s+to\s+[^:\n]{1,40}?\s(?:(${DATE})\s+)?(${TIME}):\s*(.*)$`, "u"), groups: ["name", "date", "time", "body"] },
  // "[14/05/2025 10:00] Jo Smith" on its own line
  { re: new RegExp(String.raw`^\[(?:(${DATE}),?\s+)?(${TIME})\]\s*(${NAME})$`, "u"), groups: ["date", "time", "name"] },
  // "Sarah Jones 10:02", "Sarah Jones, 10:02 AM", "Sarah Jones 26/11/2025 10:02" on its own line
  { re: new RegExp(String.raw`^(${NAME}),?\s+${DAY}(?:(${DATE}),?\s+)?(${TIME})$`, "u"), groups: ["name", "date", "time"] },
];

const SYSTEM = /^(?:(?![^\n]*(?:\bnot\b|n['’]t\b|\bnever\b|\binvited\b|\byet\b))\S.{0,80}?\s(?:joined|left|has joined|has left)(?:\s+the\s+(?:meeting|chat|call|conversation))?|.{0,80}\b(?:was added to|added .{1,200} to|removed .{1,80} from) the (?:chat|meeting|conversation)|.{0,80}\badded\s+.{1,200}|.{0,80}\bjoined using this group's invite link|(?:meeting|call|recording) (?:started|ended)(?:: .*)?|messages and calls are end-to-end encrypted.*)\.?$/i;
const REACTION = /^(?:(?:\p{Extended_Pictographic}|\uFE0F)+\s*\d*|(?:like|heart|laugh|surprised|sad|angry)\s*(?:\p{Extended_Pictographic}\s*)?\d*|\d+\s+(?:like|heart|laugh|surprised|sad|angry)?\s*reactions?\.?)$/iu;
const EDITED = /\s*\(?\bedited\)?\.?\s*$/i;
const QUOTE = /^(?:>|replying to\b|in reply to\b|reply to\b)/i;
const SAID_I = /^((?:(?:ok|okay|yes|sure|fine|no problem|will do)[,!.]?\s+)?(?:I'll|I’ll|I will|I can|I'm happy to|I’m happy to|I am happy to|I'm going to|I’m going to|I am going to|I'll also|I will also))\s+(?!be\b|chair)(\S.*)$/i;
// Chat drops the "I" ("Will get the log EOD", "Can do the visit tmrw", "Happy to chase CAMHS"): the sender still takes the
// task on. Only before a word in lower case, so "Will Evans to ..." stays a person.
const DROPPED_I = /^((?:[Ww]ill|[Cc]an|[Hh]appy to|[Gg]oing to))\s+(?!be\b|do\s*[.!]?$)([a-z].*)$/;
const FIRST_PERSON = { exec: (t: string) => SAID_I.exec(t) ?? DROPPED_I.exec(t), test: (t: string) => SAID_I.test(t) || DROPPED_I.test(t) };
// The sentence ends at a comma or semicolon outside brackets that goes on to somebody else ("I'm chairing (TM, CSC), Tom's
// recording"); what the sender goes on to say of themselves ("I'm chairing, I'm the allocated SW") is theirs.
// In a chat, "chairing" with no one else before it is the sender ("Afternoon. Chairing.", "Morning – chairing as TM", "Me
// chairing"); "Sam is chairing" names another.
const CHAIRING = /(?:\b(?:I'll chair|I’ll chair|I will chair|I'm chairing|I’m chairing|I am chairing)|(?:(?<![A-Za-z'’,]\s*)|(?<=\bme\s+))chairing)\b(?:[^.!?,;(]|\([^)]*\)|[,;](?=\s*I\b))*[.!?]?/i;
// The sender saying they make the record ("I'll minute", "Luke here, I'll record", "I'm taking the notes"): the recorder, as
// the chair is read from "I'm chairing".
// In a chat the record is typed as it goes: "I'm noting", "I'll type as we go for the record", "I'll type outcomes into the
// chat", "I'll type notes here", or a reply of "noting" alone when the chair asks who will.
const RECORDING = /(?:\b(?:I'll|I’ll|I will|I'm|I’m|I am)\s+(?:also\s+)?(?:record(?:ing)?|minut(?:e|ing)|tak(?:e|ing)\s+(?:the\s+)?(?:notes|minutes)|doing\s+the\s+(?:notes|minutes)|keep(?:ing)?\s+(?:the\s+)?notes|not(?:e|ing)|typ(?:e|ing)(?:\s+(?:up\s+)?(?:the\s+)?(?:notes|minutes|outcomes|actions|it|this)(?:\s+up)?)?)(?=\s*(?:$|[.!,;)–—-]|\s(?:in here|here|into the chat|in the chat|as we go|today|for (?:this|the|us)|the (?:call|meeting|discussion))))|^[^A-Za-z]*(?:noting|minuting|taking (?:the )?notes)(?=[\s.!]*$))[^.!?]*[.!?]?/i;
// Someone saying who they are: "Amira here, SW CSC", "Hi, Jo Smith, TM", "SW - Amira Hussain here", "DS Khan, CID".
const TITLE = new RegExp(String.raw`^(?:${titleAlternation()})\.?\s+`, "i");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The chair saying they chair ("I'll chair today (duty SW)") says who they are too, and so does a message that ends
// with the sender joining ("Hi, DI joining"; "DC Reed joining shortly" is about someone else).
const SELF = /\b(?:here|I'm|I’m|I am|this is|it's|it’s|joining as|joined as|as the|I'll chair|I’ll chair|I will chair)\b|\bjoining(?:\s+(?:now|from \w+))?[.!]?\s*$/i;

function headerOf(line: string, at: number): Header | null {
  const text = line.trimEnd();
  for (const { re, groups } of SHAPES) {
    const m = re.exec(text.trim());
    if (!m) continue;
    const lead = text.length - text.trimStart().length;
    const got: Partial<Record<"date" | "time" | "name" | "body", { text: string; at: number }>> = {};
    let cursor = 0;
    groups.forEach((g, i) => {
      const v = m[i + 1];
      if (v === undefined) return;
      const where = text.indexOf(v, lead + cursor);
      got[g] = { text: v, at: at + where };
      cursor = where - lead + v.length;
    });
    if (!got.name || !got.time) continue;
    const name = got.name.text.trim();
    // A heading or a label is not a sender ("Date 10:00", "Present: ...").
    if (/^(date|time|present|attendees|actions?|decisions?|concerns|chair|apologies|meeting|strategy)\b/i.test(name)) continue;
    return {
      name, nameAt: got.name.at, date: got.date?.text ?? null, dateAt: got.date?.at ?? -1, time: got.time.text, timeAt: got.time.at,
      lineAt: at + lead, lineEnd: at + text.length, body: got.body?.text ?? null, bodyAt: got.body?.at ?? -1,
    };
  }
  return null;
}

/** Text rewritten piece by piece, every character keeping the span of the log it came from. */
class Writer {
  readonly out: Rewritten = { text: "", from: [], to: [] };
  copy(text: string, at: number): void {
    for (let i = 0; i < text.length; i++) {
      this.out.from.push(at + i);
      this.out.to.push(at + i + 1);
    }
    this.out.text += text;
  }
  say(text: string, span: Span): void {
    for (let i = 0; i < text.length; i++) {
      this.out.from.push(span.from);
      this.out.to.push(span.to);
    }
    this.out.text += text;
  }
}

// "me" or "myself" as one item of a list: after the list's start or a separator, before the next item or the end.
const ME_ITEM = /(^|[:;,+&.]\s*|\band\s+)(me|myself)(?=\s*(?:\([^)]*\))?\s*(?:[,;+&]|\band\b|$))/gi;

const WITH = /^(?:w|with|with us|alongside|along with|together with|strat with|joined by)$/;

/**
 * Where a message lists the sender among those taking part ("Present in chat: me, Gareth Morris SW, ...", "On the
 * call: me (SW), Gareth Bowen (TM, chair)", "Me, Vicky, DC Ben Hollis ..."): the list follows the notes vocabulary's
 * words for who took part, or opens a sentence of three items or more. "by me", "with me" are not list items.
 */
export function senderListed(text: string): Span[] {
  const v = vocabulary();
  // "with" and its kin open a list of people only in a sentence about the meeting; in a task ("... with me") they do not.
  const cues = [...v.headings.present, ...(v.attendance_prefix.took_part ?? [])].filter((c) => !WITH.test(c));
  const out: Span[] = [];
  for (const m of text.matchAll(ME_ITEM)) {
    const from = (m.index ?? 0) + (m[1]?.length ?? 0);
    const before = text.slice(0, from);
    const sentence = before.slice(Math.max(before.lastIndexOf("."), before.lastIndexOf("!"), before.lastIndexOf("?")) + 1);
    const opensList = /^\s*$/.test(sentence) && (text.slice(from).split(/[.!?]/)[0]?.match(/,/g)?.length ?? 0) >= 2;
    if (opensList || hasPhrase(cues, plain(sentence))) out.push({ from, to: from + (m[2]?.length ?? 0) });
  }
  return out;
}

/**
 * Every "me" or "myself" in a chat message that stands for a person taking part or doing something, not the object of
 * a verb or a preposition: an item of a list ("Joining: me, Mel Davies (HV)"), the doer of a task ("me + DC Lloyd to
 * see dad", "Legal gateway request – me – today", "- Me: review strat", "Actions: me home visit tonight"). In a chat log
 * the one who wrote the message is who "me" is ("told me", "send to me", "with me" are left as written).
 */
export function senderNamed(text: string): Span[] {
  const out: Span[] = [...senderListed(text)];
  for (const m of text.matchAll(/\b(me|myself)\b/gi)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    if (out.some((x) => x.from === from)) continue;
    const before = text.slice(0, from);
    const after = text.slice(to);
    if (!/(?:^|[:;,+&./\-–—•*(]|\band|\bthen)\s*$/i.test(before) || /^\s+too\b/i.test(after)) continue;
    const item = /^\s*(?:\([^)]*\))?\s*(?:[,;+&:\-–—/)]|and\b|to\s|$)/i.test(after);
    const opens = /(?:^|[:;])\s*(?:[-–—•*]\s*)?$/.test(before);
    if (item || opens) out.push({ from, to });
  }
  return out.sort((x, y) => x.from - y.from);
}

/** The text copied with each "me" that is the sender written as the sender's name, quoting "me". */
function copyNamingSender(w: Writer, text: string, at: number, name: string): void {
  let from = 0;
  for (const me of senderNamed(text)) {
    w.copy(text.slice(from, me.from), at + from);
    w.say(name, { from: at + me.from, to: at + me.to });
    from = me.to;
  }
  w.copy(text.slice(from), at + from);
}

const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\s]/gu, " ").replace(/\s+/g, " ").trim();

/** A message that says nothing for the record ("Morning all", "Thanks", "Joined", "👍"). */
/**
 * A sender saying they chair or minute ("I'll chair", "I'm minuting") becomes the record's own line ("Chair: X",
 * "Minutes: X"), cited to what they said; what else the message says, before and after, stays a line of its own.
 */
function sayRoleLine(w: Writer, label: string, name: string, text: string, at: number, said: RegExpExecArray): void {
  const span = { from: at + said.index, to: at + said.index + said[0].length };
  w.say(label, span);
  w.say(name, span);
  w.say("\n\n", span);
  const before = text.slice(0, said.index).trimEnd();
  const afterAt = said.index + said[0].length;
  const after = text.slice(afterAt).trim();
  for (const [piece, pieceAt] of [[before, at], [after, at + text.indexOf(after, afterAt)]] as const) {
    if (empty(piece)) continue;
    // "Chairing as TM ... I'll keep notes here": the chair who also says they record it does both.
    const recording = label !== "Minutes: " ? RECORDING.exec(piece) : null;
    if (recording) {
      sayRoleLine(w, "Minutes: ", name, piece, pieceAt, recording);
      continue;
    }
    copyNamingSender(w, piece, pieceAt, name);
    w.say("\n\n", { from: pieceAt, to: pieceAt + piece.length });
  }
}

function empty(text: string): boolean {
  const v = vocabulary();
  const p = plain(text);
  if (p === "") return true;
  const words = ["joined", "here", "ok", "okay", "yes", "no problem", "will do", "bye", "great", "agreed"];
  // A closing message about the record itself ("Thanks everyone, I'll circulate") is not a task of the plan.
  const closing = /^(.*?)[,.!-]\s*(.+)$/.exec(text.trim());
  const thanks = (t: string) => plain(t).split(" ").every((w) => hasPhrase([...v.greetings, ...v.closings, "all", "everyone", "folks", "team", "you"], w));
  if (isPhrase(v.record_housekeeping, text) || (closing && thanks(closing[1] ?? "") && isPhrase(v.record_housekeeping, closing[2] ?? ""))) return true;
  return [...v.greetings, ...v.closings, ...words].some((g) => p === g) || (p.split(" ").length <= 4 && [...v.greetings, ...v.closings].some((g) => p.startsWith(`${g} `) && p.split(" ").every((w) => hasPhrase([...v.greetings, ...v.closings, "all", "everyone", "folks", "team"], w))));
}

/** The role and agency words a sender says of themselves, with where they stand; null when the message is not about who they are. */
function selfIntro(m: Message, line: { text: string; at: number }): { spans: Span[]; role: boolean; roleId: string | null } | null {
  const words = line.text.split(/\s+/).filter(Boolean);
  // A bullet is an item of a list the sender is writing ("- Rhys + DC Morgan – joint visit"), never who they are.
  if (BULLET.test(line.text) || /^\s*[–—]\s/.test(line.text)) return null;
  // The chair's opening ("this is the strategy discussion for ...") is about the meeting, not the writer.
  if (words.length > 12 || FIRST_PERSON.test(line.text) || /\b(strat|strategy|discussion|meeting|ref|reference|apologies|invited|report)\b/i.test(line.text)) return null;
  const first = plain(m.name.replace(/\([^)]*\)/g, "")).split(" ");
  const names = first.filter((w) => w.length > 1 && !isTitle(w));
  const saysName = names.some((n) => plain(line.text).split(" ").includes(n));
  // Their name alone says who they are only in a few words ("Gwen Parry, school nurse"), not in a task that names them.
  if (!SELF.test(line.text) && !saysName) return null;
  const terms = readPersonTerms(line.text, "list");
  const spans = terms.matches.filter((x) => x.values.some((v) => v.kind === "role" || v.kind === "agency" || (v.kind === "title" && "role" in v && v.role)));
  if (!terms.role && !terms.agency) return null;
  // A role said outright is written without its agency, which follows from it ("GP, surgery" would read as a GP surgery),
  // unless the role is only the title already in the sender's name ("DS Khan here, CID").
  const own = m.name.toLowerCase();
  const roleSpans = spans.filter((x) => x.values.some((v) => v.kind === "role" || v.kind === "title"));
  const said = terms.role && roleSpans.some((x) => !own.includes(line.text.slice(x.start, x.end).toLowerCase())) ? roleSpans : spans;
  return { spans: said.map((x) => ({ from: line.at + x.start, to: line.at + x.end })), role: terms.role !== null, roleId: terms.role?.id ?? null };
}

/**
 * A clause of the sender's message in which they say their own role ("I'm chairing (TM)", "I'm the allocated SW",
 * "TM here – I'll type outcomes"), or the role alone opening the first line they write ("DSL – both kids attend").
 */
function ownClauseIntro(m: Message, line: { text: string; at: number }, opening: boolean): { spans: Span[]; roleId: string | null } | null {
  for (const sentence of sentences(line.text)) {
    for (const [i, clause] of clauses(sentence.text, sentence.start).entries()) {
      const bareRole = opening && sentence.start === 0 && i === 0 && roleOnly(clause.text);
      if (bareRole) {
        const terms = readPersonTerms(clause.text, "list");
        const spans = terms.matches.filter((x) => x.values.some((v) => v.kind === "role")).map((x) => ({ from: line.at + clause.start + x.start, to: line.at + clause.start + x.end }));
        return { spans, roleId: terms.role?.id ?? null };
      }
      if (!/\b(?:I'm|I’m|I am)\b/i.test(clause.text) && !SELF.test(clause.text)) continue;
      const intro = selfIntro(m, { text: clause.text, at: line.at + clause.start });
      if (intro?.role) return intro;
    }
  }
  return null;
}

/** Whether some words are nothing but a role ("DSL", "the HV"). */
function roleOnly(text: string): boolean {
  const terms = readPersonTerms(text, "list");
  const rest = terms.matches.reduce((t, x) => t.slice(0, x.start) + " ".repeat(x.end - x.start) + t.slice(x.end), text);
  return terms.role !== null && terms.matches.some((x) => x.values.some((v) => v.kind === "role")) && /^(?:\s|\bthe\b|[()/,.:-])*$/i.test(rest);
}

/** Whether the bracket after a sender's name names a role or a title that carries one ("(SW, CSC)"), not only a place of work. */
function bracketSaysRole(name: string): boolean {
  const inside = /\(([^)]*)\)/.exec(name)?.[1] ?? "";
  return readPersonTerms(inside, "list").matches.some((x) => x.values.some((v) => v.kind === "role" || (v.kind === "title" && "role" in v && v.role)));
}

/** Whether the notes are a pasted chat log: three message headers or more, from one sender or more, in one shape. */
export function looksLikeTranscript(notes: string): boolean {
  return readMessages(notes) !== null;
}

function readMessages(notes: string): { messages: Message[]; divider: { text: string; at: number } | null; joiners: { name: string; at: number }[]; titles: { text: string; at: number }[] } | null {
  const lines: { text: string; at: number }[] = [];
  let at = 0;
  for (const l of notes.split("\n")) {
    lines.push({ text: l, at });
    at += l.length + 1;
  }
  const messages: Message[] = [];
  let divider: { text: string; at: number } | null = null;
  let current: Message | null = null;
  let quoting = false;
  let headers = 0;
  const joiners: { name: string; at: number }[] = [];
  // What the person pasting wrote above the log ("Strategy discussion re C-20992 - 17/03/2025"): the notes' title.
  const titles: { text: string; at: number }[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    const h = headerOf(line.text, line.at);
    if (h) {
      headers++;
      quoting = false;
      current = { name: h.name, header: h, lines: [] };
      messages.push(current);
      if (h.body !== null) {
        const body = stripSystemBody(h.body);
        if (body !== null && !SYSTEM.test(body)) current.lines.push({ text: body, at: h.bodyAt });
      }
      continue;
    }
    if (t === "") {
      quoting = false;
      continue;
    }
    // A day divider above the messages ("Wednesday 14 May 2025", "14/05/2025").
    // Teams heads the day a log was pasted "Today" (or "Yesterday"): the day the draft is made, or the one before.
    if (!current && !divider && (new RegExp(String.raw`^${DAY}(?:${DATE}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?)$`).test(t) || /^(?:today|yesterday)$/i.test(t))) {
      divider = { text: t, at: line.at + line.text.indexOf(t) };
      continue;
    }
    // Joining a meeting or call is taking part in it, said or not; being added to a chat is not.
    const joined = new RegExp(String.raw`^(${NAME})\s+(?:has\s+)?joined\s+the\s+(?:meeting|call)\.?$`, "u").exec(t);
    if (joined?.[1]) joiners.push({ name: joined[1], at: line.at + line.text.indexOf(joined[1]) });
    if (SYSTEM.test(t) || REACTION.test(t)) continue;
    if (QUOTE.test(t)) {
      quoting = !/["”…]\s*$/.test(t) && !t.startsWith(">");
      continue;
    }
    if (quoting) continue;
    if (current) current.lines.push({ text: line.text, at: line.at });
    else if (titles.length < 3) titles.push({ text: t, at: line.at + line.text.indexOf(t) });
  }
  if (headers < 3) return null;
  // Nearly every line of substance sits under a header: notes with a few timestamped lines are not a log.
  const under = messages.reduce((n, m) => n + m.lines.length, 0);
  const loose = lines.filter((l) => l.text.trim()).length - under - headers;
  if (loose > headers) return null;
  return { messages, divider, joiners, titles };
}

function stripSystemBody(body: string): string | null {
  const t = body.trim();
  return t === "" || REACTION.test(t) ? null : body;
}

/** A chat log rewritten as notes, with when its first message was sent. */
export interface ChatNotes extends Rewritten {
  /** The first message's timestamp as the log shows it ("09:02", "10:02 AM") and where it stands in the log. */
  started: { time: string; at: number };
}

/** The chat log rewritten as notes, or null when the notes are not a chat log. */
export function fromTranscript(notes: string): ChatNotes | null {
  const read = readMessages(notes);
  if (!read) return null;
  const { messages, divider, joiners, titles } = read;
  const w = new Writer();
  // The title above the log first, as the title line of notes (where the date of a log that shows none is read).
  for (const t of titles) {
    w.copy(t.text, t.at);
    w.say("\n", { from: t.at, to: t.at + t.text.length });
  }
  if (titles.length > 0) w.say("\n", { from: titles[0]!.at, to: titles[0]!.at + titles[0]!.text.length });
  const first = messages.find((m) => m.lines.length > 0) ?? messages[0]!;
  const h = first.header;
  const headerSpan = { from: h.lineAt, to: h.lineEnd };
  // When: the first message's date (or the day divider above it) when the log shows one. Its time is when somebody
  // first wrote: a time the notes state (a title line, "thanks for joining the strat call at 4") says when the
  // discussion was held, and only where none does is the first message's time taken as when it began (`started`).
  w.say("Date: ", headerSpan);
  if (h.date) w.copy(h.date, h.dateAt);
  else if (divider) w.copy(divider.text, divider.at);
  w.say(" Format: online chat\n\n", headerSpan);

  // Who wrote, in the order they first wrote, with what they said of themselves.
  const senders = new Map<string, { header: Header; intro: Span[] | null; role?: boolean; roleId?: string | null }>();
  const intros = new Set<{ text: string; at: number }>();
  for (const m of messages) {
    const firstMessage = !senders.has(m.name);
    const known = senders.get(m.name) ?? { header: m.header, intro: null };
    senders.set(m.name, known);
    for (const line of m.lines) {
      const intro = selfIntro(m, line);
      if (intro === null) {
        // A role said of themselves in a clause of a longer message ("... I'm chairing (TM).", "I'm chairing, I'm the
        // allocated SW") is theirs; the message stays a line of the notes for what else it says.
        const own = ownClauseIntro(m, line, firstMessage && line === m.lines[0]);
        if (own && !known.role) Object.assign(known, { intro: own.spans, role: true, roleId: own.roleId });
        continue;
      }
      intros.add(line);
      // A role said outright ("SW", "DC") outranks an agency alone ("Met Police").
      if (!known.intro || (!known.role && intro.role)) Object.assign(known, { intro: intro.spans, role: intro.role, roleId: intro.roleId });
    }
    const bracket = /\(([^)]*)\)/.exec(m.name);
    if (bracket?.[1] && !known.roleId) known.roleId = readPersonTerms(bracket[1], "list").role?.id ?? null;
  }
  const talk = readTalk(messages, senders);
  // Attendance of people who did not write, said by someone who did ("Apologies from Jo Bell (HV)"), is read with those present.
  const attendance = new Set<{ text: string; at: number }>();
  const v = vocabulary();
  const absentWords = [...v.attendance.apologies, ...v.attendance.sent_report, ...v.attendance.invited_absent, ...(v.attendance_prefix.apologies ?? []), ...(v.attendance_prefix.sent_report ?? [])];
  for (const m of messages)
    for (const line of m.lines)
      if (!intros.has(line) && !talk.lines.has(line) && line.text.split(/\s+/).length <= 14 && !FIRST_PERSON.test(line.text.trim()) && hasPhrase(absentWords, plain(line.text)) && readPersonTerms(line.text, "list").matches.length > 0)
        attendance.add(line);
  // Those with a role (after their name or in their own words) one a line; the rest as a list of names, which the reader takes as people.
  const bare: { name: string; at: number }[] = [];
  w.say("Present:\n", headerSpan);
  for (const [name, s] of senders) {
    const spans = (s.intro ?? []).filter((x) => !name.includes(notes.slice(x.from, x.to)));
    if (spans.length === 0 && !/\(/.test(name)) {
      bare.push({ name, at: s.header.nameAt });
      continue;
    }
    if (/,/.test(name.replace(/\(.*$/, ""))) w.say(`${displayName(name)}${/\(/.test(name) ? ` ${name.slice(name.indexOf("("))}` : ""}`, { from: s.header.nameAt, to: s.header.nameAt + name.length });
    else w.copy(name, s.header.nameAt);
    // A bracket after the name that gives only where they work ("(CAV UHB)", "(Hawthorn Primary)") leaves the role to their own words.
    if (spans.length > 0 && (!/\(/.test(name) || (s.role && !bracketSaysRole(name)))) {
      w.say(" - ", spans[0]!);
      spans.forEach((x, i) => {
        if (i > 0) w.say(", ", x);
        w.copy(notes.slice(x.from, x.to), x.from);
      });
    }
    w.say("\n", { from: s.header.nameAt, to: s.header.nameAt + name.length });
  }
  // Joining a meeting or call is taking part in it.
  for (const j of joiners) if (![...senders.keys()].some((n) => n === j.name || n.startsWith(`${j.name} (`))) bare.push(j);
  if (bare.length > 0) {
    w.say("\nPresent: ", headerSpan);
    bare.forEach((b, i) => {
      if (i > 0) w.say(", ", { from: b.at, to: b.at + b.name.length });
      if (/,/.test(b.name)) w.say(displayName(b.name), { from: b.at, to: b.at + b.name.length });
      else w.copy(b.name, b.at);
    });
    w.say("\n", headerSpan);
  }
  for (const line of attendance) {
    w.copy(line.text.trim(), line.at + line.text.indexOf(line.text.trim()));
    w.say("\n", { from: line.at, to: line.at + line.text.length });
  }
  w.say("\n", headerSpan);

  for (const m of messages) {
    for (const line of m.lines) {
      // A line that says who the sender is and that they chair gives both.
      if ((intros.has(line) && !CHAIRING.test(line.text)) || attendance.has(line)) continue;
      const agreed = talk.lines.get(line);
      if (agreed === null) continue;
      if (agreed) {
        // A task asked and answered: the one who said yes (or the one asked) does it.
        if (agreed.owner) {
          w.say(`${agreed.owner.name} to `, agreed.owner.span);
          w.copy(agreed.task.text, agreed.task.at);
          w.say("\n\n", { from: line.at, to: line.at + line.text.length });
        } else {
          // Nobody took it on: the line stays as written, never with an owner guessed from its words (a label
          // here would head the rest of the chat).
          w.copy(line.text.trim(), line.at + line.text.indexOf(line.text.trim()));
          w.say("\n\n", { from: line.at, to: line.at + line.text.length });
        }
        continue;
      }
      let text = line.text.replace(EDITED, "");
      let at = line.at;
      const lead = text.length - text.trimStart().length;
      text = text.trim();
      at += lead;
      if (empty(text)) continue;
      const own = displayName(m.name);
      const chairing = CHAIRING.exec(text) ?? new RegExp(String.raw`(?:^|[.,!]\s*)((?:${escape(own)}|${escape(own.split(/\s+/).pop() ?? own)}|${escape(own.replace(TITLE, "").split(/\s+/)[0] ?? own)})\s+(?:is\s+)?chairing\b[^.!?]*[.!?]?)`, "i").exec(text);
      if (chairing) {
        sayRoleLine(w, "Chair: ", displayName(m.name), text, at, chairing);
        continue;
      }
      const recording = RECORDING.exec(text);
      if (recording) {
        sayRoleLine(w, "Minutes: ", displayName(m.name), text, at, recording);
        continue;
      }
      // "Action: ..." in one message of many is a line of the actions, not a heading over the rest of the chat.
      const label = /^actions?\s*[:-]\s*/i.exec(text);
      if (label) {
        at += label[0].length;
        text = text.slice(label[0].length);
      }
      const mine = FIRST_PERSON.exec(text);
      if (mine) {
        const said = { from: at, to: at + (mine[1] ?? "").length };
        w.say(`${displayName(m.name)} to `, said);
        w.copy(mine[2] ?? "", at + text.length - (mine[2] ?? "").length);
      } else {
        // "me" listed as taking part or doing a task is the one who sent the message: written by name, quoting "me".
        copyNamingSender(w, text, at, displayName(m.name));
      }
      // The lines of one message stay together ("Actions" and the list under it); a new message starts a new block.
      const lastOfMessage = line === m.lines[m.lines.length - 1];
      w.say(lastOfMessage ? "\n\n" : "\n", { from: at, to: at + text.length });
    }
  }
  return { ...w.out, started: { time: h.time, at: h.timeAt } };
}

type Line = { text: string; at: number };
interface Agreed { owner: { name: string; span: Span } | null; task: Line }

// A task asked of someone and the answer that takes it on.
const ASK_YOU = /^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:be\s+able\s+to\s+)?|^(?:are|r)\s+you\s+(?:able|ok|okay|happy)\s+to\s+|^please\s+(?:can\s+you\s+)?|^(?:pls|plz)\s+/i;
const ASK_ANYONE = /^(?:who\s+(?:can|could|will|is\s+able\s+to|'s\s+able\s+to|is\s+going\s+to)|(?:we\s+)?(?:still\s+)?need\s+someone\s+to|someone\s+(?:needs|will\s+need)\s+to|(?:can|could)\s+(?:someone|somebody|anyone|anybody)|is\s+anyone\s+able\s+to|anyone\s+able\s+to)\s+/i;
const ASK_ROLE = /^(?:can|could|would|will)\s+/i;
const ACK = /^(?:yes|yeah|yep|yup|sure|ok|okay|will do|can do|no problem|np|noted|fine|of course|on it|happy to|that's fine|that’s fine|leave (?:that|it|this) with me|me\b|i'?ll (?:take|pick|do|sort|cover|look at) (?:that|it|this)|i’ll (?:take|pick|do|sort|cover|look at) (?:that|it|this)|i (?:can|will) (?:take|pick|do|sort|cover) (?:that|it|this)|\p{Extended_Pictographic})/iu;

/**
 * Tasks agreed in the conversation rather than written as actions: "Amy can you see the child
 * by Friday?" answered "Yes", "@Amy Jones please ...", "Can the HV share records?" answered by
 * the HV, "Who can do the visit?" / "Leave it with me". The asking line becomes the action (its
 * doer the one who said yes, else the one asked); the answer is set aside (null).
 */
function readTalk(messages: Message[], senders: Map<string, { header: Header; roleId?: string | null }>): { lines: Map<Line, Agreed | null> } {
  const lines = new Map<Line, Agreed | null>();
  const flat = messages.flatMap((m) => m.lines.map((line) => ({ m, line })));
  const who = [...senders.keys()].map((name) => ({ name, shown: displayName(name), words: plain(displayName(name)).split(" ") }));
  const named = (text: string): { name: string; length: number } | null => {
    // The longest run of one to three words at the start that names a sender ("@Amy Jones", "Amy", "Jones").
    const words = text.replace(/^@/, "").split(/\s+/);
    for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
      const said = plain(words.slice(0, k).join(" "));
      if (!said || !/^[A-Z@]/.test(text)) continue;
      const hit = who.find((x) => x.words.join(" ") === said || (k === 1 && x.words.includes(said) && said.length > 2));
      if (hit) {
        const raw = words.slice(0, k).join(" ");
        const length = text.indexOf(raw) + raw.length;
        return { name: hit.name, length: length + (/^[,:]/.test(text.slice(length)) ? 1 : 0) };
      }
    }
    return null;
  };
  // What each line asks, if anything, read before any answer is matched to an asking.
  const asking = (line: Line) => {
    const text = line.text.replace(EDITED, "").trim();
    const lead = line.at + line.text.indexOf(text);
    let asked: string | null = null;
    let role: string | null = null;
    let rest: { text: string; at: number } | null = null;
    const person = named(text);
    if (person) {
      const after = text.slice(person.length).trimStart();
      const you = ASK_YOU.exec(after);
      if (you) {
        asked = person.name;
        const t = after.slice(you[0].length);
        rest = { text: t, at: lead + text.length - t.length };
      }
    } else if (ASK_ANYONE.test(text)) {
      const t = text.replace(ASK_ANYONE, "");
      rest = { text: t, at: lead + text.length - t.length };
    } else if (ASK_ROLE.test(text) && /\?\s*$/.test(text)) {
      // "Can the HV share the records?": the words after "can" that say a role one of the senders holds.
      const after = text.replace(ASK_ROLE, "");
      const words = after.split(/\s+/);
      for (let k = 1; k <= Math.min(4, words.length - 1) && !rest; k++) {
        const terms = readPersonTerms(words.slice(0, k).join(" "), "list");
        const id = terms.role?.id;
        if (!id || terms.matches.length === 0) continue;
        const holder = [...senders.entries()].find(([, s]) => s.roleId === id);
        if (!holder) continue;
        role = holder[0];
        const t = words.slice(k).join(" ");
        rest = { text: t, at: lead + text.length - t.length };
      }
    }
    if (!rest) return null;
    const task = rest.text.replace(/\s*\?+\s*$/, "");
    if (task.split(/\s+/).length < 2) return null;
    return { asked, role, person, lead, task: { text: task, at: rest.at } };
  };
  const asks = flat.map(({ line }) => asking(line));
  flat.forEach(({ m, line }, i) => {
    const ask = asks[i];
    if (!ask || lines.has(line)) return;
    const { asked, role, person, lead } = ask;
    // The answer: the next short message from someone else that takes it on.
    let owner: Agreed["owner"] = null;
    for (const [j, next] of flat.slice(i + 1, i + 5).entries()) {
      // The asker going on to ask something else ends this asking: a "yes" after it answers the later one.
      if (next.m.name === m.name) {
        if (asks[i + 1 + j]) break;
        continue;
      }
      const said = next.line.text.replace(EDITED, "").trim();
      // Only an answer straight after the asking counts: past someone else's words, a "yes" answers something else.
      if (said.split(/\s+/).length > 8 || !ACK.test(said) || lines.has(next.line) || /\?\s*$/.test(said)) break;
      if (asked && next.m.name !== asked) continue;
      owner = { name: displayName(next.m.name), span: { from: next.m.header.nameAt, to: next.m.header.nameAt + next.m.name.length } };
      lines.set(next.line, null);
      break;
    }
    const fallback = asked ?? role;
    if (!owner && fallback) {
      const h = senders.get(fallback)!.header;
      owner = { name: displayName(fallback), span: asked ? { from: lead, to: lead + (person?.length ?? 0) } : { from: h.nameAt, to: h.nameAt + fallback.length } };
    }
    lines.set(line, { owner, task: ask.task });
  });
  return { lines };
}
