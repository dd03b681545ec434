import { findPhrases, vocabulary, type AttendanceStatus } from "./vocabulary.js";
import { purePerson, readPeopleList, strongest, type Person } from "./people.js";
import { readSegment } from "./segment.js";
import { splitOutside } from "./text.js";

/**
 * Who attended, read from prose and one-line messages rather than lists under a heading:
 * "Present were ...", "Apologies from ...", "chaired by ...", "Police couldn't make it",
 * "Paeds couldn't join but Dr Yusuf sent her report", or a sentence that is nothing but
 * people ("jo SW, dc patel, ann HV").
 */

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
  let before: Person[] = [];
  for (const part of parts) {
    const found = proseClause(part, opts);
    // "X could not attend but sent a report": a clause with no one of its own is said of those before it.
    if ((!found || found.length === 0) && before.length > 0) {
      const own = asideStatus(part);
      if (own) for (const p of before) if (strongest([p.status, own.status], p.status) === own.status) Object.assign(p, { status: own.status, note: own.note });
      continue;
    }
    if (!found) continue;
    before = found;
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

/** The attendance an aside about one person gives ("who sent a report instead"), other than taking part. */
function asideStatus(aside: string): { status: AttendanceStatus; note: string } | null {
  const found = (Object.entries(vocabulary().attendance) as [AttendanceStatus, string[]][])
    .filter(([status]) => status !== "took_part")
    .flatMap(([status, list]) => findPhrases(list, aside, `att:${status}`).map((m) => ({ status, m })))
    .sort((a, b) => a.m.start - b.m.start)[0];
  // "... but sent a written summary of her contacts beforehand": a contribution in writing, read as a sending and the
  // thing sent rather than as one of the whole phrases, and more telling than the absence before it.
  const written = readSegment(aside).statuses.find((x) => x.status === "sent_report");
  if (written && (!found || found.status !== "sent_report")) return { status: "sent_report", note: written.words };
  return found ? { status: found.status, note: found.m.surface } : null;
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
  // The minute taker took part: "minutes taken by me, kate lloyd", "ben is taking the minutes", "I'll type these up".
  // Said first in its sentence, that is all the sentence says of attendance; said later, only when nothing else is read.
  const taker = minuteTaker(part);
  const takerPeople = () => {
    const who = taker?.self ? "me" : (taker?.words ?? "");
    return taker && (taker.self || purePerson(who, false, lowerCase)) ? readPeopleList(who, { status: "took_part", perLine: false, lowerCase }).slice(0, 1) : null;
  };
  if (taker && taker.at <= 4) {
    const found = takerPeople();
    // "I took the notes; Tom Greaves (Team Manager) chaired": what follows the minute taker is read as well.
    const rest = part.slice(taker.end).replace(/^[\s;,.:-]+(?:and\s+)?/i, "");
    if (found) return [...found, ...((rest && proseClause(rest, opts)) || [])];
  }
  // After a cue: "Present were ...", "Apologies from ...", "chaired by ...".
  const chaired = /\bchaired by\s+(.+)$/i.exec(part);
  if (chaired?.[1] && purePerson(chaired[1], false, lowerCase)) {
    return readPeopleList(chaired[1], { status: "took_part", perLine: false, lowerCase }).map((p, i) => (i === 0 ? { ...p, chair: true } : p));
  }
  // Before it: "Rob Baines chaired.", "Carys Jenkins (TM) chaired and I took the notes", "I chaired (Sam Fletcher, Team
  // Manager) and Marcus Reid took the notes", "which I chaired at County Hall". The one before "chaired" chairs; what
  // the clause goes on to say ("and I took the notes") is read as well.
  // Only the clause's own subject: a name with its bracket, never "chaired" inside a list's bracket ("me (Dan, SW, chaired)").
  // "I chaired as TM": the role they chaired in is theirs.
  const chairedAfter = /^(?:(?:which|and|so|for the record:?)\s+)?([^,:;()]{1,60}?(?:\s*\([^()]*\))?)\s+chaired\b(?!\s+by)\s*(\([^()]*\)|as\s+(?!well\b)(?:the\s+)?[^,:;.()]{1,30}?(?=$|[,:;.]|\s+and\b))?/i.exec(part);
  if (chairedAfter?.[1]) {
    const subject = chairedAfter[1].trim();
    const self = /^(?:I|me|myself)$/i.test(subject);
    const own = chairedAfter[2] ? ` (${chairedAfter[2].replace(/^\(|\)$/g, "").replace(/^as\s+(?:the\s+)?/i, "")})` : "";
    const who = self ? `me${own}` : subject;
    // A name alone before "chaired" is a person: the verb says what they did ("Rob Baines chaired").
    const bare = readSegment(who.replace(/\s*\([^()]*\)/g, ""), lowerCase);
    if (self || purePerson(who, false, lowerCase) || (bare.name !== null && bare.foreign.length === 0 && !bare.self)) {
      // Its source is the words as written ("I chaired (Sam Fletcher, TM)"), not the "me" it is read as.
      const chair = readPeopleList(who, { status: "took_part", perLine: false, lowerCase }).slice(0, 1).map((p) => ({ ...p, chair: true, source: self ? chairedAfter[0].trim() : p.source }));
      const rest = part.slice(chairedAfter.index + chairedAfter[0].length).replace(/^[\s;,.:-]+(?:and\s+)?/i, "");
      const more = rest ? proseClause(rest, opts) : null;
      // What the clause goes on to say is read here only when it is about who took part or recorded; otherwise the
      // clause is left to the readers below, whole ("I chaired; Ellie (TM) and PC Reeve (PPU) joined").
      if (chair.length > 0 && (!rest || (more && more.length > 0))) return [...chair, ...(more ?? [])];
    }
  }
  const prefixes = (Object.entries(v.attendance_prefix) as [AttendanceStatus, string[]][])
    .flatMap(([status, list]) => findPhrases(list, part, `pre:${status}`).map((m) => ({ status, m })))
    .filter(({ m }) => (m.surface.toLowerCase() !== "with" || opts.meeting) && (m.surface.toLowerCase() !== "present" || m.start === 0))
    .sort((a, b) => a.m.start - b.m.start);
  for (const { status, m } of prefixes) {
    let list = part.slice(m.end).replace(/^[\s:,-]+/, "");
    // A relative clause says something about the person before it ("Mrs Sandhu, DSL, who joined for the first 15
    // minutes and then had to leave"): it is no piece of the list, and its attendance words are that person's.
    const relative = /,\s*(?:who|which)\s+/i.exec(list);
    const aside = relative ? list.slice(relative.index) : "";
    if (relative) list = list.slice(0, relative.index);
    // After a cue, a list with a stray piece in it ("..., and family, Dr priya nair" where speech software split "family
    // doctor") keeps the pieces that are people, when most of them are; a bare first name ("Tom, myself, ...") is one.
    let describedPiece = false;
    if (list && !purePerson(list, false, lowerCase) && status === "took_part") {
      // Pieces are parted outside brackets: "me (Alys Morgan, SW, 16+ team)" is one piece, not three.
      const pieces = splitOutside(list, (t, i) => (t[i] === "," ? 1 : /^ and /i.test(t.slice(i, i + 5)) ? 5 : 0)).map((x) => x.text.trim()).filter(Boolean);
      const named = (x: string) => {
        const s = readSegment(x, lowerCase);
        return purePerson(x, false, lowerCase) || (s.foreign.length === 0 && s.name !== null);
      };
      // A person with a bracket describing them in words of its own ("Jo Hale (specialist nurse for vulnerable young
      // people, ABUHB)") is still a person of the list: the bracket is their description, read for its role.
      const described = (x: string) => {
        const m = /^([^()]+?)\s*\(([^()]+)\)[\s.]*$/.exec(x);
        return m !== null && named(m[1] ?? "");
      };
      const piece = (x: string) => named(x) || described(x);
      const kept = pieces.filter((x) => piece(x.replace(/^(?:and|&)\s+/i, "")));
      if (kept.length >= 2 && kept.length >= pieces.length - 1) {
        list = kept.join(", ");
        describedPiece = kept.some((x) => !named(x));
      }
    }
    if (!list || !(describedPiece || purePerson(list, false, lowerCase))) continue;
    // Whoever is named before the cue took part too: "me (Osian, SW), joined by PC Bryn Davies and ...".
    const before = (part.slice(0, m.start).split(/\s[-–—]\s|:\s|[.!?]\s/).pop() ?? "").replace(/[\s,;:&-]+(?:and\s*)?$/i, "").replace(/^[\s,;:-]+/, "");
    const earlier = before && status === "took_part" && purePerson(before, false, lowerCase) ? readPeopleList(before, { status, perLine: false, lowerCase }) : [];
    const listed = readPeopleList(list, { status, perLine: false, lowerCase });
    const last = listed[listed.length - 1];
    const said = aside ? asideStatus(aside) : null;
    if (last && said) listed[listed.length - 1] = { ...last, status: said.status, note: said.note };
    return [...earlier, ...listed];
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
    // "couldn't make it and sent her apologies": of the person's attendance said in steps, the most telling step.
    const status = strongest(cues.map((c) => c.status), cue.status);
    if (subject && purePerson(subject, false, lowerCase)) return readPeopleList(subject, { status, perLine: false, lowerCase }).map((p) => ({ ...p, note: cue.m.surface }));
  }
  return takerPeople();
}

/**
 * The practitioner dictating, when they name themselves at the start ("this is jo smith team manager
 * dictating the strategy discussion", "it's rhys evans senior social worker", "dictation from ...",
 * "... here"): who "I", "me" and "myself" are in the rest of the notes. Null when the notes do not
 * open that way; nobody is guessed.
 */
export function speakerIntro(text: string): Person | null {
  const first = text.trim().split(/\n|(?<=[.!?])\s/)[0] ?? "";
  // A word a speaker opens with before naming themselves ("right, this is ...", "ok so this is ...", "morning, it's ...").
  const opening = first.replace(/^(?:(?:right|ok|okay|so|morning|good morning|afternoon|good afternoon)[,.]?\s+){1,3}(?=this is\b|my name is\b)/i, "");
  // The speaker's own words end where they say what they are doing ("i am chairing", "also present ...").
  const END = String.raw`(?:\s+(?:here|dictating|speaking|with the|notes? (?:of|from|for)|strategy (?:discussion|meeting)|i am|i'm|i’m|i will|i'll|i’ll|i was|i chaired|and i|chairing|chair|the chair|chaired by|also|present|on the call|it was me|i was joined)\b|[.,;]|$)`;
  // "this is a strategy discussion on ...", "this is the strat for ...": the meeting, not a speaker.
  const meeting = (m: RegExpExecArray | null) => !m?.[1] || /^(?:the|a|an|our|my)\b/i.test(m[1].trim());
  let m = new RegExp(String.raw`^(?:hi,?\s+|hello,?\s+)?(?:this is|it's|it’s|it is|dictation from|dictated by|notes dictated by|my name is)\s+(.{3,80}?)${END}`, "i").exec(opening);
  // Dictation often opens with the meeting's line and then the speaker ("strategy discussion seventeenth of march at ten
  // on teams, right, this is jo smith ...", "this is the strategy discussion held on ... this is jo smith ..."): the
  // speaker named after it, in the meeting's sentence or the one after it (where speech software put a full stop).
  if (meeting(m) && /^\s*(?:strat|strategy|notes|sd\b|this is the strat)/i.test(first)) {
    const opening2 = text.trim().split(/\n|(?<=[.!?])\s/).slice(0, 2).join(" ");
    const later = new RegExp(String.raw`\b(?:(?:right|ok|okay|so)[,.]?\s+)*(?:this is|it's|it’s|my name is)\s+(.{3,80}?)${END}`, "gi");
    for (const x of opening2.matchAll(later)) {
      if ((x.index ?? 0) > first.length + 160 || (x.index ?? 0) === 0) continue;
      if (!meeting(x as RegExpExecArray)) {
        m = x as RegExpExecArray;
        break;
      }
    }
  }
  if (meeting(m) || !m) return null;
  const seg = readPeopleList(m[1] as string, { status: "took_part", perLine: false })[0];
  if (!seg?.name || /^(the|a|an)\b/i.test(seg.name)) return null;
  if (seg.role) return seg;
  // "my name is zoe osei i'm the social worker and i chaired": the role said of themselves after the name.
  const said = m.input ?? "";
  const rest = said.slice((m.index ?? 0) + m[0].indexOf(m[1] as string) + (m[1] as string).length);
  const own = /^\s*(?:and\s+)?(?:i'm|i’m|i am)\s+(?:the\s+)?(.{2,60}?)(?:\s+(?:and|i|chairing|from|here)\b|[.,;]|$)/i.exec(rest);
  const role = own?.[1] ? readPeopleList(own[1], { status: "took_part", perLine: false })[0] : undefined;
  return role?.role ? { ...seg, role: role.role, agency: seg.agency ?? role.agency } : seg;
}

/**
 * The chair a speaker names straight after themselves ("this is jo smith social worker, chair tom reed team manager,
 * also present ..."): the person after "chair", read up to where the speaker goes on to something else.
 */
export function chairNamedAfter(text: string, speaker: Person): Person | null {
  const at = text.toLowerCase().indexOf(speaker.source.toLowerCase());
  if (at < 0) return null;
  const rest = text.slice(at + speaker.source.length);
  const m = /^[\s,]*(?:and\s+)?(?:the\s+)?chair(?:\s+(?:is|was|today is))?\s+(.{3,80}?)(?:\s+(?:also|present|on the call|i am|i'm|i’m|i will|i'll|i’ll|and i)\b|[.,;]|$)/i.exec(rest);
  if (!m?.[1] || /^(?:me|myself|the|a|an)\b/i.test(m[1].trim())) return null;
  const seg = readPeopleList(m[1], { status: "took_part", perLine: false })[0];
  return seg?.name ? { ...seg, chair: true } : null;
}

/**
 * Where saying one records the discussion ends ("I'll minute", "Tom's recording"): the end of the clause or a few words
 * of where and when ("in here", "as we go", "for this call"), so "I'll record the outcome on Liquidlogic" is not it.
 */
const RECORDING_END = String.raw`(?=\s*(?:$|[,;:.!)–—-]|\s(?:in here|as we go|today|for (?:this|the)|the (?:call|meeting|discussion))))`;
/** The writer saying they record it: "I'll minute", "I'm doing the notes", "I will be recording". */
const SELF_RECORDING = new RegExp(String.raw`\bI\s*(?:'m|’m|\s+am|'ll|’ll|\s+will)\s+(?:also\s+|be\s+)?(?:doing\s+the\s+(?:notes|minutes)|minut(?:e|ing)|record(?:ing)?)${RECORDING_END}`, "i");
/** Someone named as recording it: "Dewi is minuting", "Tom's recording", "Sian will be doing the notes". */
const NAMED_RECORDING = new RegExp(String.raw`(?:^|[,;:.]\s+|\band\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*(?:\s+is|'s|’s|\s+will\s+be)\s+(?:minuting|recording|doing\s+the\s+(?:notes|minutes))${RECORDING_END}`, "u");

/**
 * Who took the minutes, as people say it in prose: "minutes taken by X", "notes typed up by X", "X is taking the
 * minutes", "X took notes", "minute taker was X", or the writer of themselves ("I'll type these up", "I took the
 * minutes", "minutes by me"). `words` are the person's words; `self` when it is the writer, who is named elsewhere
 * (the speaker, the sender, or initials signed after a dash: "I'll type these up — JB").
 */
export function minuteTaker(text: string): { words: string | null; self: boolean; at: number; end: number } | null {
  const lead = text.length - text.trimStart().length;
  const t = text.trim().replace(/[.!]+$/, "");
  const signedOff = /\s[-–—]+\s*(\p{Lu}{2,3})\s*$/u.exec(t);
  const self = (at: number, end: number) => ({ words: signedOff?.[1] ?? null, self: signedOff === null, at: lead + at, end: signedOff ? text.length : lead + end });
  const typing = /\b(?:I|I'll|I’ll|I will|I'm|I’m|I am|I've|I have)\s+(?:going to\s+|be\s+|also\s+)?(?:type|write|typing|writing|typed|written)\s+(?:these|them|this|the notes|the minutes|it|notes|minutes)\s+up\b/i.exec(t)
    ?? /\bI\s*(?:'m|’m|\s+am|\s+was)?\s+(?:took|taking|take|kept|keeping|minuted|minuting)\s+(?:the\s+)?(?:minutes|notes)\b/i.exec(t)
    // "I'm doing the notes", "I'll record", "I'm minuting": the writer says they make the record.
    ?? SELF_RECORDING.exec(t)
    // "these are my notes", "these notes were dictated by me", "this is Ben Shaw, social worker, dictating": notes written by their writer.
    ?? /\b(?:these\s+are\s+my\s+(?:notes|minutes)|I\s*(?:'m|’m|\s+am)\s+dictating|this\s+is\s+.{2,80}?\bdictating\b)/i.exec(t);
  if (typing) {
    // "my name is Josh Turner social worker, I'm doing the notes": the writer names themselves in the same breath.
    const named = /\b(?:my name is|my name's|this is)\s+(.{2,60}?)[\s,;–—-]+(?=I\s*(?:'m|’m|\s+am|'ll|’ll|\s+will|\s+was)?\s)/i.exec(t);
    if (named?.[1] && named.index < typing.index && !/\b(?:dictating|doing|taking)\b/i.test(named[1])) return { words: named[1], self: false, at: lead + named.index, end: lead + typing.index + typing[0].length };
    return self(typing.index, typing.index + typing[0].length);
  }
  const by = /\b(?:(?:minutes?|notes?|record)\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:being\s+)?(?:taken|recorded|written(?:\s+up)?|kept|completed|typed(?:\s+up)?|done)|recorded|minuted|typed up|written up|(?:notes\s+)?dictated|typed\s+up\s+from\s+.{0,30}?notes)\s+by\s+(.+)$/i.exec(t)
    ?? /\b(?:minute|note)[- ]?taker\s+(?:was|is|will be)\s+(.+)$/i.exec(t);
  const after = by?.[1]?.replace(/\s[-–—]+\s*\p{Lu}{2,3}$/u, "").trim();
  if (by && after) return /^(?:me|myself)$/i.test(after) ? self(by.index, text.length) : { words: after.replace(/^(?:me|myself),?\s+(?=\S)/i, ""), self: false, at: lead + by.index, end: text.length };
  // "Tom's recording", "Craig is minuting in here as we go", "Bethan is minuting": a named person said to make the record now.
  const now = NAMED_RECORDING.exec(t);
  if (now?.[1] && !/^(?:I|It|This|That|Who|She|He|They)$/.test(now[1])) return { words: now[1], self: false, at: lead + now.index, end: lead + now.index + now[0].length };
  const doer = /^(.{2,60}?)\s+(?:is\s+|was\s+|will be\s+|'s\s+|’s\s+)?(?:taking|took|keeping|kept|typing up|typing|writing up)\s+(?:the\s+)?(?:minutes|notes)\b/i.exec(t);
  if (doer?.[1] && !/\b(?:who|which|that|and)\b/i.test(doer[1])) return /^(?:I|me|myself)$/i.test(doer[1]) ? self(0, doer[0].length) : { words: doer[1], self: false, at: lead, end: lead + doer[0].length };
  return null;
}
