/**
 * Who was there, as voice-to-text writes it: one run of words with no commas ("present were
 * sarah jones social worker mike allen team manager d c paul grey the h v"), the role before or
 * after each name, short forms spelt letter by letter, statuses said after a person ("jenny may
 * sent her apologies"). This marks where one person ends and the next begins, from the lexicon
 * (roles, agencies, titles) and the notes vocabulary (list openers, attendance words), so the one
 * notes reader reads the list as if it had been typed with commas.
 */
import { peopleTerms, rolesData, words, type Term, type Word } from "../lexicon/index.js";
import { vocabulary, findPhrases, heldRolePairs } from "./vocabulary.js";
import type { Rewritten } from "./dictation.js";

type Edit = { at: number; len: number; text: string };

let shortForms: Map<string, string> | undefined;

/** Every short form of a role, agency or title in the lexicon ("DC", "HV", "CAIT", "DSL"), by its letters. */
export function lexiconShortForms(): Map<string, string> {
  if (shortForms) return shortForms;
  const d = rolesData();
  const all = [
    ...d.roles.flatMap((r) => r.aliases),
    ...d.agencies.flatMap((a) => a.aliases),
    ...d.titles.map((t) => t.text),
  ].map((a) => (typeof a === "string" ? a : a.text));
  shortForms = new Map(all.filter((a) => /^[A-Z]{2,5}$/.test(a)).map((a) => [a.toLowerCase(), a]));
  return shortForms;
}

/**
 * Short forms said a letter at a time ("d c patel", "the h v", "c a i t") written as typed ("DC patel",
 * "the HV", "CAIT"), longest first; letters that spell no short form of the lexicon are left alone.
 */
export function joinSpokenLetters(text: string): Edit[] {
  const forms = lexiconShortForms();
  const edits: Edit[] = [];
  // Speech software writes the letters in lower case ("d c") or as capitals ("D S L"); one case throughout a run.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'])(?:(?:[a-z] ){1,4}[a-z]|(?:[A-Z] ){1,4}[A-Z])(?![\p{L}\p{N}'])/gu)) {
    const letters = m[0].toLowerCase().split(" ");
    const base = m.index ?? 0;
    let i = 0;
    while (i < letters.length) {
      let taken = 0;
      for (let n = Math.min(5, letters.length - i); n >= 2; n--) {
        if (forms.has(letters.slice(i, i + n).join(""))) {
          taken = n;
          break;
        }
      }
      if (taken === 0) {
        i++;
        continue;
      }
      const at = base + i * 2;
      edits.push({ at, len: taken * 2 - 1, text: forms.get(letters.slice(i, i + taken).join("")) as string });
      i += taken;
    }
  }
  return edits;
}

/** English letters as their names are written by speech software that does not know the short form ("dee ess ell"). */
const LETTER_NAMES: Record<string, string> = {
  ay: "a", bee: "b", see: "c", cee: "c", dee: "d", ee: "e", eff: "f", gee: "g", aitch: "h", haitch: "h", eye: "i", jay: "j",
  kay: "k", ell: "l", el: "l", em: "m", en: "n", oh: "o", pee: "p", queue: "q", are: "r", ar: "r", ess: "s", es: "s",
  tee: "t", you: "u", vee: "v", "double you": "w", "double u": "w", ex: "x", why: "y", zed: "z",
};

/**
 * Short forms said by their letters' names ("dee ess ell", "see ess double you", "tee em", "pee see") written as typed
 * ("DSL", "CSW", "TM", "PC"): a run of letter names only where the letters spell a short form of the lexicon, so
 * "see" and "you" stay words everywhere else.
 */
export function joinLetterNames(text: string): Edit[] {
  const forms = lexiconShortForms();
  const edits: Edit[] = [];
  const names = Object.keys(LETTER_NAMES).sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, "\\s+"));
  const one = `(?:${names.join("|")})`;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}'])${one}(?:\\s+${one}){1,4}(?![\\p{L}'])`, "giu"))) {
    const parts = [...m[0].matchAll(new RegExp(one, "gi"))].map((x) => ({ at: (m.index ?? 0) + (x.index ?? 0), w: x[0], letter: LETTER_NAMES[x[0].toLowerCase().replace(/\s+/g, " ")] as string }));
    let i = 0;
    while (i < parts.length) {
      let taken = 0;
      for (let n = Math.min(5, parts.length - i); n >= 2; n--) {
        if (forms.has(parts.slice(i, i + n).map((p) => p.letter).join(""))) {
          taken = n;
          break;
        }
      }
      if (taken === 0) {
        i++;
        continue;
      }
      const first = parts[i] as { at: number; w: string; letter: string };
      const last = parts[i + taken - 1] as { at: number; w: string; letter: string };
      edits.push({ at: first.at, len: last.at + last.w.length - first.at, text: forms.get(parts.slice(i, i + taken).map((p) => p.letter).join("")) as string });
      i += taken;
    }
  }
  return edits;
}

type Unit =
  | { kind: "title"; from: number; to: number; roleTitle: boolean; honorific: boolean }
  | { kind: "role" | "agency"; from: number; to: number; id?: string }
  | { kind: "join" | "article" | "glue" | "chair" | "name"; from: number; to: number }
  | { kind: "status"; from: number; to: number }
  | { kind: "link"; from: number; to: number };

const JOIN = new Set(["and", "also", "plus"]);
/** Words between two steps of one person's attendance ("couldn't attend but sent a report"). */
const STATUS_THEN = new Set(["but", "and", "so"]);
// Words between a person and what is said of them ("who is the", "from the", "sent her apologies"): never a name.
const GLUE = new Set(["who", "is", "was", "from", "of", "at", "with", "myself", "for", "as", "well", "representing", "on", "behalf", "sent", "gave", "her", "his", "their"]);
/** Glue words after which the words that follow name a person's team or workplace, not another person. */
const PLACE_GLUE = new Set(["from", "at", "of", "representing"]);
const ARTICLE = new Set(["the", "a", "an", "our", "their"]);
/** Words after the chair that say the person comes next ("the chair was ...", "chaired by ..."). */
const FORWARD = new Set(["was", "is", "by"]);
/**
 * A pronoun and its verb between a person and their role, as people say them ("sarah jones she's the health
 * visitor", "mike obi who is our DC", "that's the school nurse"): what follows is the person's own role.
 * Apostrophes part words, so "she's" is "she" "s"; speech software also writes "shes", "whos", "thats".
 */
const LINK_PRONOUN = new Set(["she", "he", "they", "who", "that"]);
const LINK_VERB = new Set(["s", "is", "was", "are", "re", "being"]);
const LINK_WORD = new Set(["shes", "hes", "whos", "thats", "theyre"]);

/** The words of one list, each read as a title, role, agency, joining word, attendance phrase or part of a name. */
function units(text: string, ws: Word[]): Unit[] {
  const v = vocabulary();
  const byWord = new Array<Unit | undefined>(ws.length);
  const statusWords = [...v.attendance.apologies, ...v.attendance.invited_absent, ...v.attendance.sent_report].filter((p) => p.includes(" ") || /^(apologies|apols|dna)$/.test(p));
  for (const m of findPhrases(statusWords, text, "dictated-status", ws)) for (let k = m.from; k < m.to; k++) byWord[k] = { kind: "status", from: m.from, to: m.to };
  for (const m of findPhrases(v.chair_words, text, "dictated-chair", ws)) for (let k = m.from; k < m.to; k++) byWord[k] ??= { kind: "chair", from: m.from, to: m.to };
  for (let k = 0; k < ws.length; k++) {
    if (byWord[k]) continue;
    const w = (ws[k] as Word).folded;
    if (LINK_WORD.has(w)) byWord[k] = { kind: "link", from: k, to: k + 1 };
    else if (LINK_PRONOUN.has(w) && LINK_VERB.has(ws[k + 1]?.folded ?? "") && !byWord[k + 1]) byWord[k] = byWord[k + 1] = { kind: "link", from: k, to: k + 2 };
  }
  for (const m of peopleTerms().matchAll(text, "list", ws)) {
    if (byWord.slice(m.from, m.to).some(Boolean)) continue;
    const values = m.values as Term[];
    const title = values.find((x) => x.kind === "title");
    const u: Unit = title
      ? { kind: "title", from: m.from, to: m.to, roleTitle: title.kind === "title" && title.role !== null && title.role.agency === "police", honorific: title.kind === "title" && title.role === null }
      : values.some((x) => x.kind === "role")
        ? { kind: "role", from: m.from, to: m.to, id: values.flatMap((x) => (x.kind === "role" ? [x.role.id] : []))[0] }
        : { kind: "agency", from: m.from, to: m.to };
    for (let k = m.from; k < m.to; k++) byWord[k] = u;
  }
  const out: Unit[] = [];
  for (let k = 0; k < ws.length; k++) {
    const u = byWord[k];
    if (u) {
      if (u.from === k) out.push(u);
      continue;
    }
    const w = (ws[k] as Word).folded;
    out.push({ kind: JOIN.has(w) ? "join" : ARTICLE.has(w) ? "article" : GLUE.has(w) ? "glue" : "name", from: k, to: k + 1 });
  }
  // One person's two roles joined by "and" ("deputy head and designated safeguarding lead") are one role, not two people.
  const pairs = heldRolePairs();
  for (let i = 0; i + 2 < out.length; i++) {
    const [a, j, b] = [out[i], out[i + 1], out[i + 2]];
    if (a?.kind === "role" && j?.kind === "join" && b?.kind === "role" && pairs.has(`${a.id}+${b.id}`)) out.splice(i, 3, { kind: "role", from: a.from, to: b.to, id: a.id });
  }
  return out;
}

/**
 * Where each person of a run of people begins (word indexes), and the people whose own words give their
 * attendance ("mark bell from the youth offending team sent a report"): [start, end) of the person with it.
 */
export function peopleInRun(
  text: string,
  ws: Word[],
): { starts: number[]; statused: [number, number][]; names: number[]; links: [number, number][]; chairs: [number, number][] } {
  const us = units(text, ws);
  const starts: number[] = [];
  const names: number[] = [];
  const statused: [number, number][] = [];
  const links: [number, number][] = [];
  // "the chair was helen price", "chaired by helen price": the chair's words, said before the person they name.
  const chairs: [number, number][] = [];
  let cur = { start: -1, names: 0, role: false, agency: false, closed: false, roleFirst: false, linked: false };
  let pendingArticle = -1;
  const begin = (at: number) => {
    if (cur.start >= 0) starts.push(at);
    cur = { start: at, names: 0, role: false, agency: false, closed: false, roleFirst: false, linked: false };
  };
  for (let i = 0; i < us.length; i++) {
    const u = us[i] as Unit;
    const at = pendingArticle >= 0 ? pendingArticle : u.from;
    // An article stands between a joining word and what it joins ("who is the ..."): look past it.
    const prev = us[i - 1]?.kind === "article" ? us[i - 2] : us[i - 1];
    const afterGlue = prev?.kind === "glue" || prev?.kind === "link";
    switch (u.kind) {
      case "article":
        if (pendingArticle < 0) pendingArticle = u.from;
        continue;
      case "join":
        cur.linked = false;
        if (cur.start >= 0 && (cur.names > 0 || cur.role)) cur.closed = true;
        break;
      case "glue":
        // "present were andrea cole myself d c martin frost": "myself" said after a named person is the writer, a person
        // of their own; said first ("myself gethin parry social worker") it opens the writer's own entry.
        if ((ws[u.from] as Word).folded === "myself" && cur.start >= 0 && cur.names > 0 && !cur.linked && prev?.kind === "name") {
          begin(u.from);
          cur.names = 1;
        }
        break;
      case "link":
        // "sarah jones she's the health visitor": the role that follows is this person's, whatever came before.
        if (cur.start >= 0 && cur.names > 0) {
          cur.linked = true;
          cur.closed = false;
          links.push([u.from, u.to]);
        }
        break;
      case "chair": {
        cur.linked = false;
        const next = us[i + 1];
        if (next?.kind === "glue" && FORWARD.has((ws[next.from] as Word).folded) && us[i + 2]?.kind === "name") {
          begin(at);
          chairs.push([at, next.to]);
          i++;
          break;
        }
        cur.closed = true;
        break;
      }
      case "status": {
        // "couldn't make it and sent her apologies", "couldn't attend but sent a report": one person's attendance said
        // in two steps is one statement, its last step the telling one, never a sentence break between them.
        let end = u.to;
        while (us[i + 1]?.kind !== "status" && STATUS_THEN.has((ws[us[i + 1]?.from ?? -1] as Word | undefined)?.folded ?? "") && us[i + 2]?.kind === "status") {
          end = (us[i + 2] as Unit).to;
          i += 2;
        }
        if (cur.start >= 0) statused.push([cur.start, end]);
        cur = { start: -1, names: 0, role: false, agency: false, closed: false, roleFirst: false, linked: false };
        break;
      }
      case "title":
        if (cur.linked) {
          cur.role ||= u.roleTitle;
          cur.linked = false;
          break;
        }
        // "the head teacher mr patel": an honorific after a role said on its own is that person's name.
        const named = cur.start >= 0 && cur.role && cur.roleFirst && cur.names === 0 && !cur.closed && u.honorific;
        if (!named && (cur.start < 0 || cur.names > 0 || cur.role || cur.closed)) begin(at);
        cur.role ||= u.roleTitle;
        cur.roleFirst = true;
        break;
      case "role":
        if (cur.start < 0 || cur.closed || (cur.role && !afterGlue && !cur.linked)) begin(at);
        if (cur.names === 0) cur.roleFirst = true;
        cur.role = true;
        cur.linked = false;
        break;
      case "agency":
        if (cur.start < 0 || cur.closed) begin(at);
        cur.agency = true;
        break;
      case "name":
        // "dc sana akhtar from the safeguarding unit", "the dsl at lark hill primary": words after "from" or "at" name where
        // the person works, whether or not the lexicon knows the team; a next person is joined by "and", "also" or a role.
        if (cur.start >= 0 && !cur.closed && (cur.names > 0 || cur.role) && prev?.kind === "glue" && PLACE_GLUE.has((ws[prev.from] as Word).folded) && !/\d/.test((ws[u.from] as Word).surface)) {
          cur.agency = true;
          break;
        }
        // "the social worker emma wilkins ian hart ...": a name said after the role has two words; a third starts the next person.
        if (cur.start >= 0 && !cur.closed && cur.names > 0 && (cur.role || cur.agency) && prev?.kind !== "name" && agencyNameAhead(us, i)) {
          cur.agency = true;
          break;
        }
        if (cur.start >= 0 && !cur.closed && cur.agency && prev?.kind === "name" && names[names.length - 1] !== prev.from) break;
        if (cur.start < 0 || cur.closed || (cur.names > 0 && (cur.role || cur.agency) && prev?.kind !== "name") || (cur.roleFirst && cur.names >= 2 && us[i + 1]?.kind === "name") || (cur.names > 0 && afterGlue && prev && ws[prev.from]?.folded === "myself")) begin(at);
        cur.names++;
        cur.linked = false;
        names.push(u.from);
        break;
    }
    pendingArticle = -1;
  }
  return { starts, statused, names, links, chairs };
}

/** Whether the name words from `i` run straight into an agency ("whittington health", "ysgol y dderwen" is not one). */
function agencyNameAhead(us: Unit[], i: number): boolean {
  let k = i;
  while (us[k]?.kind === "name") k++;
  return k - i <= 3 && us[k]?.kind === "agency";
}

/** Openers of a list of people ("present were", "on the call", "apologies from", "also present"). */
function openers(): string[] {
  const v = vocabulary();
  // "with", "along with", "alongside" open a list only in a heading or a typed line: in speech they join anything.
  return Object.values(v.attendance_prefix).flatMap((x) => x ?? []).filter((p) => p.length > 2 && !/\bwith\b|alongside/.test(p));
}

/**
 * Commas between the people of every list in dictated notes, and a full stop around a person whose
 * own words give their attendance, so "present were a social worker b team manager c sent apologies"
 * reads as "present were a social worker, b team manager. c sent apologies.".
 */
export function peopleBreaks(t: Rewritten, known: Set<string> = new Set()): Edit[] {
  const edits: Edit[] = [];
  const text = t.text;
  const open = openers();
  // One list at a time: from its opener to the end of its sentence.
  for (const sentence of text.matchAll(/[^.\n]+/g)) {
    const s = sentence[0];
    const base = sentence.index ?? 0;
    // "invited not present", "were present": attendance said after the people, not a list that follows.
    const found = findPhrases(open, s, "dictated-openers").filter((m) => !/\b(?:not|no|were|was|all|also|sent|gave|her|his|their)\s*$/i.test(s.slice(0, m.start)));
    trailingList(s.slice(0, found[0]?.start ?? s.length), base, edits, known);
    for (const [n, first] of found.entries()) {
      let next = found[n + 1];
      // "apologies from the school nurse no one else from the health board was able to attend": "no one" ends the list.
      const nobody = NOBODY.exec(s.slice(first.end, next ? next.start : s.length));
      if (nobody) {
        const at = first.end + nobody.index;
        edits.push({ at: base + at, len: 0, text: ". " });
        listBreaks(s.slice(first.end, at), base + first.end, edits, known);
        continue;
      }
      // "... also on the call the school nurse": a second list ends the first, and "chaired by me karen oakes on the
      // call were ..." ends what came before the first.
      if (n > 0 || /[\p{L}\p{N}]\s*$/u.test(s.slice(0, first.start))) edits.push({ at: base + first.start, len: 0, text: ". " });
      listBreaks(s.slice(first.end, next ? next.start : s.length), base + first.end, edits, known);
    }
  }
  return edits.sort((a, b) => a.at - b.at);
}

/** Words that say nobody (else) came: the start of a statement about an agency, never a person of the list. */
const NOBODY = /\b(?:no one|no-one|nobody|none)\b/i;

/** Taking part said after the people: "... and mark dunn the team manager were present", "... all present". */
// "... on teams harriet ingram team manager chaired": the chair said after themselves ends the meeting's line the same way.
const TRAILER = /\b(?:(?:were|are|was|all|also) (?:present|there|in attendance|on the call)|were all present|(?:all )?(?:attended|joined the call)|chaired(?! by))\b/i;
/** Words that end a walk back from a trailer: the meeting's own line (how and where it was held), never part of a person. */
const NOT_PEOPLE = new Set(["teams", "call", "video", "phone", "telephone", "office", "offices", "council", "centre", "virtual", "virtually", "reference", "number", "ref", "strategy", "discussion", "meeting", "held", "hours"]);

/** Words of a sentence that a list of people never holds. */
const PROSE = new Set(["at", "in", "for", "over", "about", "what", "had", "would", "so", "to", "on", "that", "this", "said", "with", "into", "after", "before", "when"]);

/** A list that ends with its attendance words, walked back from them to where the meeting's line ends. */
function trailingList(s: string, base: number, edits: Edit[], known: Set<string>): void {
  const m = TRAILER.exec(s);
  if (!m) return;
  const before = s.slice(0, m.index);
  const ws = words(before);
  let k = ws.length;
  const meetingLine = (i: number) => /\d/.test((ws[i] as Word).surface) || NOT_PEOPLE.has((ws[i] as Word).folded) || ((ws[i] as Word).folded === "person" && ws[i - 1]?.folded === "in");
  while (k > 0 && !meetingLine(k - 1) && !PROSE.has((ws[k - 1] as Word).folded)) k--;
  // Only a list straight after the meeting's line (or the start) is taken: words of a sentence ("in the morning with
  // the school and ... all there") say it is prose, where a comma would change nothing and a full stop would cut it.
  if (ws.length - k < 2 || (k > 0 && !meetingLine(k - 1))) return;
  const start = (ws[k] as Word).start;
  if (k > 0) edits.push({ at: base + (ws[k - 1] as Word).end, len: start - (ws[k - 1] as Word).end, text: ". " });
  listBreaks(before.slice(start), base + start, edits, known);
}

/** The commas and full stops of one list of people, `off` characters into the notes. */
function listBreaks(region: string, off: number, edits: Edit[], known: Set<string>): void {
  {
    const ws = words(region);
    if (ws.length < 2) return;
    const { starts, statused, names, links, chairs } = peopleInRun(region, ws);
    // "the chair was helen price team manager" is written "helen price team manager chair".
    for (const [a, b] of chairs) {
      const end = Math.min(...starts.filter((k) => k > a), ws.length);
      if (end <= b) continue;
      edits.push({ at: off + (ws[a] as Word).start, len: (ws[b] as Word).start - (ws[a] as Word).start, text: "" });
      edits.push({ at: off + (ws[end - 1] as Word).end, len: 0, text: " chair" });
    }
    // "sarah jones she's the health visitor" is written "sarah jones the health visitor": the pronoun is no part of a name.
    for (const [a, b] of links) {
      if (starts.includes(b) || b >= ws.length) continue;
      edits.push({ at: off + (ws[a] as Word).start, len: (ws[b] as Word).start - (ws[a] as Word).start, text: "" });
    }
    for (const k of names) known.add((ws[k] as Word).folded);
    for (const start of starts) {
      // "tom lee and the HV": the comma goes before the joining word.
      let k = start;
      while (k > 1 && GLUE.has((ws[k - 1] as Word).folded) && k > start - 2) k--;
      if (k > 1 && JOIN.has((ws[k - 1] as Word).folded)) k--;
      else k = start;
      const w = ws[k] as Word;
      const prevEnd = k > 0 ? (ws[k - 1] as Word).end : 0;
      if (statused.some(([a]) => a === start)) continue;
      if (/[,;]/.test(region.slice(prevEnd, w.start))) continue;
      edits.push({ at: off + prevEnd, len: w.start - prevEnd, text: ", " });
    }
    for (const [a, b] of statused) {
      const w = ws[a] as Word;
      const prevEnd = a > 0 ? (ws[a - 1] as Word).end : 0;
      if (a > 0) edits.push({ at: off + prevEnd, len: w.start - prevEnd, text: ". " });
      const last = ws[b - 1] as Word;
      if (b < ws.length) edits.push({ at: off + last.end, len: (ws[b] as Word).start - last.end, text: ". " });
    }
  }
}
