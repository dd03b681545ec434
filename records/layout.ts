import { readPersonTerms } from "../lexicon/index.js";
import { purePerson } from "./people.js";
import { BULLET, sentences, squash, stripBullet } from "./text.js";
import { findPhrases, headingKey, isPhrase, key, vocabulary, type ColumnKind, type SectionKey } from "./vocabulary.js";

/**
 * The layout of notes: an e-mail's header and sign-off set aside, then blocks under
 * headings in whatever form they take ("Present:", "PRESENT", "Apols -", "3. Attendees:",
 * "Yn bresennol / Present", a table's first cell), tables pasted from Word or Teams (tabs
 * or pipes) with their column headings, and text under no heading at all.
 */

/** One entry of a block: a line or the rest of a heading's line, or a table row. */
export interface Item {
  text: string;
  /** The line as written (spaces collapsed), for showing where a field was read from. */
  raw: string;
  /** The text without the heading's words, where `text` keeps them for their meaning ("Family: mum aware" → "mum aware"). */
  bare?: string;
  /** Written as a bullet or numbered point. */
  bullet?: boolean;
  /** A table row's cells, in order. */
  cells?: string[];
  /** What each cell holds, when the table had a heading row. */
  columns?: (ColumnKind | null)[];
}

/** Text under one heading (key null: under none). */
export interface Block {
  key: SectionKey | null;
  /** The heading as written. */
  label: string | null;
  items: Item[];
  /** Lines before the first heading: the title and meeting line of most notes. */
  top: boolean;
}

/** What an e-mail says about itself, kept apart from the discussion. */
export interface EmailHeader {
  from: string | null;
  /** The "Sent:" line's words (never the discussion's date or time). */
  sent: string | null;
  subject: string | null;
}

export interface Layout {
  blocks: Block[];
  email: EmailHeader | null;
  /** Who wrote the notes, from the e-mail's sender or sign-off ("me", "I" refer to them). */
  author: string | null;
  /** The role and organisation signed under the name ("Social Worker, Essex CSC"), when there is one. */
  signature: string | null;
}

const HEADER_FIELD = /^[ \t]*(from|sent|to|cc|bcc|date|subject|re|importance|attachments?)[ \t]*:[ \t]*(.*)$/i;
const FORWARD_MARK = /^[ \t]*(-{3,}.*(original|forwarded) message.*-{3,}|_{5,}|-{5,})[ \t]*$/i;

function emailHeader(lines: string[]): { header: EmailHeader | null; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  let inHeader = true;
  let seen = 0;
  for (const line of lines) {
    if (inHeader && FORWARD_MARK.test(line)) continue;
    const m = inHeader ? HEADER_FIELD.exec(line) : null;
    // "Date:" alone is a notes label; it is a header field only beside From/Sent/Subject.
    if (m && (m[1]?.toLowerCase() !== "date" || seen > 0)) {
      const name = (m[1] ?? "").toLowerCase();
      fields[name] ??= (m[2] ?? "").trim();
      seen++;
      continue;
    }
    if (inHeader && line.trim() === "" && seen === 0) continue;
    if (seen > 0 || line.trim() !== "") inHeader = false;
    rest.push(line);
  }
  const isEmail = seen >= 2 || fields.from !== undefined || fields.sent !== undefined || fields.subject !== undefined;
  if (!isEmail) return { header: null, rest: lines };
  return { header: { from: senderName(fields.from ?? null), sent: fields.sent ?? null, subject: fields.subject ?? null }, rest };
}

/** "Harper, Lucy <lucy@x.gov.uk>" → "Lucy Harper"; a mailbox or a role ("DSL, Westfield Primary") is no name. */
function senderName(from: string | null): string | null {
  if (!from) return null;
  const bare = from.replace(/<[^>]*>/g, "").replace(/"/g, "").trim();
  if (!bare || /@/.test(bare)) return null;
  const terms = readPersonTerms(bare, "text");
  if (terms.role || terms.agency) return null;
  const flipped = /^([A-Z][\w'-]+),\s*([A-Z][\w'-]+)$/.exec(bare);
  const name = flipped ? `${flipped[2]} ${flipped[1]}` : bare;
  return /^[A-Z][\w'-]+(\s[A-Z][\w'.-]+){0,3}$/.test(name) ? name : null;
}

function isGreeting(line: string): boolean {
  if (line.length > 60) return false;
  const t = line.replace(/[,!.:👋\s]+$/u, "").trim();
  return t.length > 0 && t.length <= 40 && isPhrase(vocabulary().greetings, t);
}

function isClosing(line: string): boolean {
  if (line.length > 40) return false;
  return isPhrase(vocabulary().closings, line.replace(/[,!.\s]+$/, ""));
}

/** A line that could be a signature: a short name, or a role and organisation. */
function nameLike(line: string): boolean {
  return /^[A-Z][\w'-]*(\s[A-Z][\w'.-]*){0,3}$/.test(line.trim()) && readPersonTerms(line, "text").role === null;
}

/** Under a closing line, a name typed all in lower case is still the name signed ("kind regards, / lucy harper"). */
function signedName(line: string): boolean {
  const t = line.trim();
  return nameLike(t) || (/^[a-z][a-z'-]*(\s[a-z][a-z'-]*){0,2}$/.test(t) && readPersonTerms(t, "text").role === null && !isClosing(t));
}

function signatureLike(line: string, named = nameLike): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 60 || /[:|\t]/.test(t)) return false;
  return named(t) || (readPersonTerms(t, "text").role !== null && t.split(/\s+/).length <= 8);
}

/** Drop greeting and sign-off lines; the name signed is the author. */
function signOff(lines: string[], email: boolean): { lines: string[]; author: string | null; signature: string | null } {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  let author: string | null = null;
  let signature: string | null = null;
  // A closing line ("Kind regards,") and the signature under it.
  for (let i = end - 1; i >= Math.max(0, end - 6); i--) {
    if (!isClosing(lines[i] ?? "")) continue;
    const sig = lines.slice(i + 1, end).map((l) => l.trim()).filter(Boolean);
    if (sig.every((l) => signatureLike(l, signedName))) {
      author = sig.find(nameLike) ?? sig.find(signedName) ?? null;
      signature = sig.filter((l) => !signedName(l)).join(", ") || null;
      end = i;
    }
    break;
  }
  // An e-mail signed with a name and perhaps a role under it, with no closing line.
  if (email && author === null) {
    let i = end;
    while (i > 0 && (lines[i - 1] ?? "").trim() !== "" && end - i < 3 && signatureLike(lines[i - 1] ?? "")) i--;
    const sig = lines.slice(i, end).map((l) => l.trim());
    if (i < end && (i === 0 || (lines[i - 1] ?? "").trim() === "" || sig.length === 1) && sig.some(nameLike) && i > 0) {
      author = sig.find(nameLike) ?? null;
      signature = sig.filter((l) => !nameLike(l)).join(", ") || null;
      end = i;
    }
  }
  const out = lines.slice(0, end);
  // One-line messages sign off at the end of the line: "... Thanks, Priya".
  const last = out.length - 1;
  const inline = /(^|[.!?]\s+)((?:many\s+)?thanks|thank you|cheers|diolch(?: yn fawr)?|regards|best wishes|cofion)[,!]?\s+([A-Z][a-z'-]+)\s*[.!]?\s*$/i.exec(out[last] ?? "");
  if (inline && last >= 0) {
    author ??= inline[3] ?? null;
    out[last] = (out[last] ?? "").slice(0, inline.index + (inline[1] ?? "").length).trimEnd();
  }
  // Or with the name alone after the last sentence: "... sn to see yp at school mon. Ellie".
  const bare = /(^|[.!?]\s+|\s[-–—]\s*)([A-Z][a-z'-]+)\s*[.!]?\s*$/.exec(out[last] ?? "");
  if (!inline && bare && last >= 0 && author === null && (out[last] ?? "").length > 60 && nameLike(bare[2] ?? "") && !headingKey(bare[2] ?? "") && readPersonTerms(bare[2] ?? "", "list").matches.length === 0) {
    author = bare[2] ?? null;
    out[last] = (out[last] ?? "").slice(0, bare.index + (bare[1] ?? "").length).trimEnd();
  }
  // Greeting lines, and a greeting at the start of a one-line message ("Hi all 👋 strat ...").
  let startIdx = 0;
  while (startIdx < out.length && ((out[startIdx] ?? "").trim() === "" || isGreeting(out[startIdx] ?? ""))) startIdx++;
  const body = out.slice(startIdx);
  if (body[0]) body[0] = body[0].replace(/^\s*(hi|hello|hiya|morning|afternoon)(\s+(all|team|everyone))?\b[\s,!👋]*/iu, "");
  return { lines: body, author, signature };
}

// Labels on a line: "Present:", "Apols -", "Concerns –", "Date\t", and a few written with a space only.
const SPACE_LABELS_AT_START = new Set(["present", "pres", "prsnt", "apologies", "apols", "agreed", "decision", "decisions", "dec", "outcome", "actions", "acts", "concerns", "conc", "worries"]);
// Mid-line (after ":" or ";") a list of people may start with its heading and a space: "...; attendees SW Jo Hart, DC Amy Shaw".
const SPACE_LABELS_MIDLINE = new Set(["present", "apologies", "apols", "attendees", "attending", "attended", "attendance", "participants", "absent", "pres"]);
// Lists of people and the short facts end with their sentence: a list has no full stops in it.
const LIST_KEYS = new Set<SectionKey>(["present", "apologies", "absent", "reports", "chair", "recorded_by", "meeting", "child_ref"]);
const PEOPLE_KEYS = new Set<SectionKey>(["present", "apologies", "absent", "reports"]);
// Short labels that are a heading only before a person ("Ch: AB", "mins Bryn Davies SW", "notes – me (CM)"): "Notes:"
// above the notes themselves, or "rec" in a sentence, is no chair or minute taker.
const PERSON_ONLY_LABELS = new Set(["ch", "mins", "rec", "notes", "scribe"]);

/**
 * Whether the words after a person-only label ("Ch:", "Mins:", "Rec:") are someone: a person as lists write them, or a
 * name alone in capitals ("Mins: Fiona", "Ch: Mark Lloyd", "Rec: JC"), as shorthand names the chair and note taker.
 */
function namesSomeone(target: string): boolean {
  if (purePerson(target)) return true;
  return /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}{2,3})(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}$/u.test(target) && !headingKey(target);
}

/** The words after a label up to the next label, list break or sentence end: who a person-only label names. */
function labelTarget(rest: string): string {
  return (rest.split(/\s[/|]\s|;\s|[.!?]\s|\s+\S+\s?:(?!\d)/)[0] ?? "").replace(/^[\s:–—-]+/, "").trim();
}

interface Labelled {
  key: SectionKey;
  label: string;
  text: string;
  /** Where the label starts on its line (0: at the start). */
  at: number;
}

/**
 * A line's labelled parts. A label is 1–6 words ending at a ":", a spaced dash or a tab,
 * and must be a heading of the vocabulary (the longest one wins: "Reason for discussion",
 * not "discussion"). After a plain space only ":" marks a label ("... Time: 10:00"); a dash
 * marks one only at the line's start or after ";". Text before the first label comes back
 * as `before`.
 */
/** Whether a label names a field of an action (its owner or due date, as table columns name them). */
function isActionField(label: string): boolean {
  const c = vocabulary().table_columns;
  const l = label.toLowerCase();
  return [...(c.owner ?? []), ...(c.due ?? [])].some((x) => x.toLowerCase() === l);
}

/**
 * The actions' heading written with words of its own and a colon ending its line ("ACTIONS so far:", "Actions as I
 * noted them:", "Actions (to confirm):", "Actions pls confirm:"): the words are about the list that follows, not a task
 * in it. Not when they name someone, a date or a task ("Actions for Jo:", "Actions by 14/3:"): those say whose or when.
 */
function ownWordsHeading(line: string): Labelled | null {
  const m = /^([A-Za-z]+)\b([^:]*):\s*$/.exec(line.trim());
  if (!m?.[1] || !m[2]?.trim() || line.length > 60 || /[.;]\s/.test(m[2])) return null;
  if (headingKey(m[1]) !== "actions") return null;
  const rest = m[2].replace(/[()]/g, " ");
  if (/\d/.test(rest) || /\b(?:by|due|before|until|for)\b/i.test(rest) || namesSomeone(rest)) return null;
  if (findPhrases(vocabulary().action_words, rest, "actionwords").length > 0) return null;
  return { key: "actions", label: line.trim().replace(/[:\s]+$/, ""), text: "", at: 0 };
}

function labelledParts(line: string): { before: string; parts: Labelled[] } {
  // A tick, cross or arrow makes the line a note ("s47 ✓", "s47 -> agreed"), never a heading alone.
  const wholeLabel = line.replace(/[:\s]+$/, "");
  const whole = /:\s*\S/.test(line) || /[✓✔✗✘√→⇒]|->|=>/.test(line) || PERSON_ONLY_LABELS.has(wholeLabel.toLowerCase()) ? null : headingKey(wholeLabel);
  if (whole && line.length <= 60) return { before: "", parts: [{ key: whole, label: line.replace(/[:\s]+$/, ""), text: "", at: 0 }] };
  const own = ownWordsHeading(line);
  if (own) return { before: "", parts: [own] };
  const marks: { at: number; end: number; key: SectionKey; label: string }[] = [];
  // Word starts once for the line; each separator looks back over the last six of them.
  const wordStarts = [...line.matchAll(/(?:^|(?<=[\s(]))[\p{L}\d]/gu)].map((m) => m.index ?? 0);
  const charBefore = (at: number) => line.slice(Math.max(0, at - 3), at).trimEnd().slice(-1);
  let w = 0;
  for (const sep of line.matchAll(/ ?:(?!\d) ?|\s[-–—]\s|\t+|;\s/g)) {
    const s = sep.index ?? 0;
    const colon = sep[0].includes(":");
    // "...; Present; Jo Smith SW; ...": a heading standing alone between semicolons, the whole clause and nothing else.
    const semicolon = sep[0].startsWith(";");
    while (w < wordStarts.length && (wordStarts[w] ?? 0) < s) w++;
    const starts = wordStarts.slice(Math.max(0, w - 6), w);
    for (const at of starts) {
      if (s - at > 80) continue;
      // "7) Actions:" in the middle of a line: the number is not part of the heading (but "section 47. Actions" has none).
      const numbered = /^\(?\d{1,2}[.)]\s+/.test(line.slice(at, s).trim());
      if (numbered && !(at === 0 || /[.;:]/.test(charBefore(at)))) continue;
      const label = line.slice(at, s).trim().replace(/^\(?\d{1,2}[.)]\s+/, "");
      // A heading never runs across a sentence's end.
      if (/[.;:]\s/.test(label)) continue;
      const k = headingKey(label);
      if (!k) continue;
      if (PERSON_ONLY_LABELS.has(label.toLowerCase()) && !namesSomeone(labelTarget(line.slice(s + sep[0].length)))) continue;
      // "Jo to visit. Timescale: 24hrs", "visit (due: Fri)": an action's own field after its words, not a heading.
      if (at > 0 && colon && isActionField(label)) continue;
      // "Strategy discussion: 06/05/2025" is the meeting's title, not a "Discussion" heading.
      const phrase = line.slice(starts[0] ?? at, s);
      if (at > (starts[0] ?? at) && findPhrases(vocabulary().meeting_words, phrase, "meetingwords").some((m) => (starts[0] ?? 0) + m.start < at && (starts[0] ?? 0) + m.end > at)) continue;
      const prev = charBefore(at);
      const strong = at === 0 || /[;:.,/|]/.test(prev);
      if (semicolon && !(at === 0 || /[;.]/.test(prev)) ) continue;
      if (!colon && !semicolon && !(at === 0 || prev === ";" || prev === "/" || prev === "|")) break;
      if (!strong && !colon) break;
      marks.push({ at, end: s + sep[0].length, key: k, label });
      break;
    }
  }
  // "present SW Tom Hale ...", "agreed s47 ...": a label followed by a space, at the start (or after ":"/";" for lists of people).
  for (const m of line.matchAll(/(^|[:;]\s+|[.!?]\s+)([A-Za-z]+)\s+(?=\S)/g)) {
    const word = (m[2] ?? "").toLowerCase();
    const at = (m.index ?? 0) + (m[1] ?? "").length;
    // After a sentence's end a label may start the next sentence as it would a line.
    const startsLine = at === 0 || /^[.!?]/.test(m[1] ?? "");
    // Mid-line, the label must head a list of nothing but people ("Mr Okafor: attendance and welfare chronology" is a task).
    const list = line.slice(at + word.length + 1).split(/[;.](?:\s|$)/)[0] ?? "";
    const allowed = PERSON_ONLY_LABELS.has(word) ? namesSomeone(labelTarget(line.slice(at + word.length + 1))) : startsLine ? SPACE_LABELS_AT_START.has(word) : SPACE_LABELS_MIDLINE.has(word) && purePerson(list);
    if (!allowed || marks.some((x) => x.at <= at && at < x.end)) continue;
    const k = headingKey(word);
    // "Present were ..." and "Apologies from ..." are prose: the people reader takes them whole.
    if (k && !/^(were|was|from|received|given|that)\b/i.test(line.slice(at + word.length + 1))) {
      marks.push({ at, end: at + word.length + 1, key: k, label: m[2] ?? "" });
    }
  }
  marks.sort((a, b) => a.at - b.at);
  const kept = marks.filter((m, i) => i === 0 || m.at >= (marks[i - 1]?.end ?? 0));
  const parts = kept.map((m, i) => ({
    key: m.key,
    label: m.label,
    text: line.slice(m.end, kept[i + 1]?.at ?? line.length).replace(/[;/|\s]+$/, "").trim(),
    at: m.at,
  }));
  return { before: line.slice(0, kept[0]?.at ?? line.length).replace(/[;:\s]+$/, "").trim(), parts };
}

function cellsOf(line: string): string[] | null {
  if (line.includes("\t")) {
    const cells = line.split("\t").map((c) => squash(c));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return cells.length >= 2 ? cells : null;
  }
  if ((line.match(/\|/g) ?? []).length >= 2) {
    const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => squash(c));
    // A row starts with a bar or has short cells; a sentence with two bars in it is not a table.
    const row = line.trim().startsWith("|") || cells.every((c) => c.length <= 80);
    return cells.length >= 2 && row ? cells : null;
  }
  return null;
}

const isRuleRow = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "");

function columnKind(cell: string): ColumnKind | null {
  const cols = vocabulary().table_columns;
  for (const [kind, names] of Object.entries(cols) as [ColumnKind, string[]][]) {
    if (isPhrase(names, cell.replace(/\?$/, ""), `col:${kind}`)) return kind;
  }
  // One column for a person's role and agency together ("Role/Agency", "Agency & role", "Role and organisation"): the
  // role's cell, from which the agency is read too.
  const halves = cell.split(/\s*(?:\/|&|\+|\band\b)\s*/i).filter(Boolean);
  if (halves.length === 2) {
    const kinds = halves.map((h) => columnKind(h));
    if (kinds.includes("role") && kinds.includes("agency")) return "role";
  }
  return null;
}

/** A heading row: at least two cells naming columns, and nothing that is data (no digits). */
function headingRow(cells: string[]): (ColumnKind | null)[] | null {
  if (cells.some((c) => /\d/.test(c))) return null;
  const kinds = cells.map(columnKind);
  const named = kinds.filter(Boolean).length;
  return named >= 2 && named >= cells.filter((c) => c !== "").length - 1 ? kinds : null;
}

/**
 * "Who" heads the owner column of an action table ("What | Who | When") and the name column of an attendance table
 * ("Who | Role | Agency", "Who | Role | Took part?"): with a role, agency or attendance column beside it and no task or
 * due date, the table lists who took part.
 */
function whoIsName(columns: (ColumnKind | null)[]): (ColumnKind | null)[] {
  const people = columns.some((k) => k === "role" || k === "agency" || k === "status");
  const tasks = columns.some((k) => k === "action" || k === "due" || k === "name");
  return people && !tasks ? columns.map((k) => (k === "owner" ? "name" : k)) : columns;
}

/** Read the layout of normalised notes. */
export function readLayout(text: string): Layout {
  const { header, rest } = emailHeader(text.split("\n"));
  const { lines, author, signature } = signOff(rest, header !== null);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let table: { columns: (ColumnKind | null)[]; block: Block; csv: boolean; spaced?: boolean } | null = null;
  let seenHeading = false;
  const oneLine = lines.filter((l) => l.trim() !== "").length <= 2;

  const open = (k: SectionKey | null, label: string | null): Block => {
    const b: Block = { key: k, label, items: [], top: !seenHeading && k === null };
    blocks.push(b);
    return b;
  };
  const push = (item: Item) => {
    if (!current) current = open(null, null);
    current.items.push(item);
  };

  for (const raw of lines) {
    if (raw.trim() === "") {
      table = null;
      if (current && current.items.length > 0) current = null;
      continue;
    }
    // A heading underlined as handwriting is typed up ("Decisions" then "---------") is still just the heading.
    if (/^\s*(?:-{3,}|={3,}|_{3,}|~{3,})\s*$/.test(raw)) continue;
    // A table typed with commas ("Name,Role,Agency,Attended"), once its heading row has been seen.
    const commaCells: string[] | null = raw.includes(",") ? raw.split(",").map((c) => squash(c)) : null;
    const csvHeading: (ColumnKind | null)[] | null = !table && commaCells && commaCells.length >= 3 && !raw.includes("\t") ? headingRow(commaCells) : null;
    const openTable = table as { columns: (ColumnKind | null)[]; csv: boolean; spaced?: boolean } | null;
    const csvRow: boolean = Boolean(openTable?.csv && commaCells && commaCells.length === openTable.columns.length);
    // A table pasted as plain text, its columns lined up with runs of spaces ("Action      Owner      Timescale"), once
    // its heading row has been seen.
    const spacedCells: string[] | null = !raw.includes("\t") && !raw.includes("|") && / {2,}/.test(raw.trim()) ? raw.trim().split(/ {2,}/).map((c) => squash(c)) : null;
    const spacedHeading: (ColumnKind | null)[] | null = !table && !csvHeading && spacedCells && spacedCells.length >= 2 ? headingRow(spacedCells) : null;
    const spacedRow: boolean = Boolean(openTable?.spaced && spacedCells && spacedCells.length >= 2);
    const cells: string[] | null = cellsOf(raw) ?? (csvHeading || csvRow ? commaCells : null) ?? (spacedHeading || spacedRow ? spacedCells : null);
    if (cells) {
      if (isRuleRow(cells)) continue;
      const headed: (ColumnKind | null)[] | null = csvHeading ?? spacedHeading ?? headingRow(cells);
      const columns: (ColumnKind | null)[] | null = headed ? whoIsName(headed) : null;
      if (columns) {
        const isActions = columns.includes("action") || (columns.includes("owner") && !columns.includes("name"));
        const keyFor: SectionKey = isActions ? "actions" : "present";
        // A table under its own heading ("Actions:" then the table) stays in that block.
        const block: Block = current && current.key === keyFor && current.items.length === 0 ? current : open(keyFor, null);
        seenHeading = true;
        current = block;
        table = { columns, block, csv: Boolean(csvHeading), spaced: Boolean(spacedHeading) };
        continue;
      }
      if (table) {
        table.block.items.push({ text: cells.filter(Boolean).join(" "), raw: squash(raw), cells, columns: table.columns });
        continue;
      }
      // "Ch: Ceri Watkins (TM) | rec: Jess Probert (SW)": every cell a labelled fact of its own, not a table row.
      const facts = cells.filter(Boolean).map((c) => /^([^:|]{1,40}):\s*(\S.*)$/.exec(stripBullet(c)));
      if (facts.length >= 2 && facts.every((f) => f && headingKey(f[1] ?? "") && LIST_KEYS.has(headingKey(f[1] ?? "") as SectionKey))) {
        seenHeading = true;
        for (const f of facts) {
          current = open(headingKey(f?.[1] ?? "") as SectionKey, (f?.[1] ?? "").trim());
          current.items.push({ text: f?.[2] ?? "", raw: squash(f?.[0] ?? "") });
        }
        current = null;
        continue;
      }
      // "Present: Jo Hart SW | DC Amy Shaw | HV Ann Lee": a heading written in the first cell, with the first entry after it.
      const labelled = /^([^:|]{1,40}):\s*(\S.*)$/.exec(stripBullet(cells[0] ?? ""));
      if (labelled && headingKey(labelled[1] ?? "")) {
        const k0 = headingKey(labelled[1] ?? "") as SectionKey;
        seenHeading = true;
        current = open(k0, (labelled[1] ?? "").trim());
        const rowCells = [labelled[2] ?? "", ...cells.slice(1)];
        current.items.push({ text: rowCells.filter(Boolean).join(" "), raw: squash(raw), cells: rowCells });
        continue;
      }
      const first = stripBullet(cells[0] ?? "").replace(/:$/, "");
      const k = first ? headingKey(first) : null;
      if (k) {
        seenHeading = true;
        current = open(k, first);
        const restText = cells.slice(1).filter(Boolean).join(" ");
        if (restText) current.items.push({ text: vocabulary().keep_label.includes(k) ? `${first}: ${restText}` : restText, bare: restText, raw: squash(raw), cells: cells.slice(1) });
        // A row of a two-column table is one fact: the next row is under no heading unless it has its own.
        current = null;
        continue;
      }
      push({ text: cells.filter(Boolean).join(" "), raw: squash(raw), cells });
      continue;
    }
    table = null;
    const bulleted = BULLET.test(raw);
    const body = squash(stripBullet(raw));
    const { before, parts } = labelledParts(body);
    if (before) {
      const open_ = current as Block | null;
      // A list ends where its kind of line ends: a sentence after a list of people, or a plain line after bullets.
      if (open_ && open_.key !== null && PEOPLE_KEYS.has(open_.key) && !purePerson(before)) current = null;
      // Actions typed up from a page mix bulleted and plain lines; they are listed last, so they run on.
      else if (open_ && open_.key !== null && !bulleted && open_.items.length > 0 && open_.items.every((i) => i.bullet) && open_.key !== "child_ref" && open_.key !== "actions") current = null;
      push({ text: before, raw: body, bullet: bulleted });
    }
    for (const p of parts) {
      seenHeading = true;
      current = open(p.key, p.label);
      // A heading's words run to the end of its line, but in a one-line message (or mid-line) only to the end of
      // its sentence: "... HV apols. 13yo disclosed ..." starts something new. Actions run on: they are listed last.
      const scoped = p.key !== "actions" && (LIST_KEYS.has(p.key) || p.at > 0 || oneLine);
      const split = scoped ? sentences(p.text) : [];
      const own = scoped && split.length > 1 ? p.text.slice(0, (split[1] as { start: number }).start).trim() : p.text;
      const rest = scoped && split.length > 1 ? p.text.slice((split[1] as { start: number }).start).trim() : "";
      if (own) current.items.push({ text: vocabulary().keep_label.includes(p.key) && !/^(agreed|decisions?|outcomes?|dec)$/i.test(p.label) ? `${p.label}: ${own}` : own, bare: own, raw: body });
      if (rest) {
        current = open(null, null);
        current.items.push({ text: rest, raw: body });
      } else if (own && !PEOPLE_KEYS.has(p.key) && p.key !== "actions" && p.key !== "decisions") {
        // "Concern: ..." on its line says all it has to say; the next line is under no heading unless it has its own.
        current = open(null, null);
      }
    }
  }
  return { blocks: blocks.filter((b) => b.items.length > 0 || b.key !== null), email: header, author: author ?? header?.from ?? null, signature };
}

/** Whether two names are the same person's as far as the notes show ("Ben" and "Ben Ortiz"). */
export function sameFirstName(short: string, full: string): boolean {
  const a = key(short).split(" ");
  const b = key(full).split(" ");
  return a.length === 1 && b.includes(a[0] ?? "");
}
