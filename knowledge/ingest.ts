import { cleanInline, cleanText, endsSentence } from "./clean.js";
import type { DocumentMeta } from "./documents.js";
import { fold } from "./text.js";
import type { Chunk, Unit } from "./types.js";

const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const BOLD_LINE = /^\*\*(.+?)\*\*:?\s*$/;
/** A titled item of plain text: "Timescales – How frequently…" or "Who needs to attend? – Are all…". */
const DASH_ITEM = /^([A-Z][^–—]{1,140}?)\s+[–—]\s+\S/;
/** A definition-list line: "**Term** - definition" or "**Body (Act):** duty". */
const TERM_LINE = /^\*\*([^*]{2,140}?)(?::\*\*\s*|\*\*\s*(?:[-–—]\s+|:\s*))(\S.*)$/;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,2})?)\.\s+(\S.*)$/;
const BULLET = /^\s*(?:[-*•●▪]|\d{1,2}\))\s+(\S.*)$/;
/** A footnote with a verb says something; one without only names its source. */
const SAYS_SOMETHING = /\b(is|are|was|were|be|been|has|have|should|must|may|can|will|would|could|means|includes?|applies|sets out|refers?)\b/i;
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|no|para|paras|s|ss|mr|mrs|ms|dr|st|vol|ch|cf|approx|fig)\.|\b[A-Z]\.)$/i;

/** Split a paragraph into sentences, keeping abbreviations such as "e.g." inside. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["'’”)]*\s+(?=["'‘“(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATIONS.test(text.slice(start, m.index + 1))) continue;
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}

/** A heading that introduces a list ("Lead practitioners should:") rather than a topic. */
function isLabel(heading: string): boolean {
  const t = heading.replace(/\*\*/g, "").trim();
  if (/\bshould$/i.test(t)) return true;
  return /:$/.test(t) && (/\bshould\b/i.test(t) || t.split(/\s+/).length <= 8);
}

/** A short standalone line with no closing punctuation reads as a heading in plain text. */
function looksLikePlainHeading(line: string, prevBlank: boolean, nextBlank: boolean, maxWords = 10): boolean {
  const t = line.trim();
  if (!prevBlank || !nextBlank || BULLET.test(t) || NUMBERED.test(t)) return false;
  if (t.length > maxWords * 8 || t.split(/\s+/).length > maxWords) return false;
  if (/^[a-z]/.test(t)) return false;
  if (/:$/.test(t)) return t.split(/\s+/).length <= 2; // "Minutes:" but not "Things to consider:"
  return !/[.;,!]$/.test(t); // a short question is an FAQ heading ("Which meetings can the guide cover?")
}

/**
 * Plain text: three or more heading-like lines in a row with nothing between them are a
 * list without bullets (a list of courses or documents), not nested headings. Returns
 * the indices of the lines after the first, which stays the heading that introduces them.
 */
function shortLineRuns(lines: string[]): Set<number> {
  const nonBlank = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== "");
  const like = nonBlank.map((x, k) => {
    const prevBlank = x.i === 0 || lines[x.i - 1]!.trim() === "";
    const nextBlank = x.i + 1 >= lines.length || lines[x.i + 1]!.trim() === "";
    return looksLikePlainHeading(x.l, prevBlank, nextBlank, 16) && !/:$/.test(x.l) && k >= 0;
  });
  const out = new Set<number>();
  for (let k = 0; k < nonBlank.length; ) {
    let e = k;
    while (e < nonBlank.length && like[e]) e++;
    if (e - k >= 3) for (let m = k + 1; m < e; m++) out.add(nonBlank[m]!.i);
    k = Math.max(e, k + 1);
  }
  return out;
}

const headingKey = (s: string) => fold(cleanInline(s)).replace(/:$/, "").replace(/\s+/g, " ").trim();

/**
 * Headings of a document's own table of contents ("Title<TAB>page" lines), in order, with
 * their levels: chapters and appendices are level 1, "Section N:" level 2, any other entry
 * one below the chapter or section it follows.
 */
export function contentsEntries(raw: string): { key: string; level: number }[] | null {
  const entries = raw
    .split(/\r?\n/)
    .map((l) => /^(.+?)\t\s*\d+\s*$/.exec(l)?.[1]?.replace(/\s*\.{3,}\s*$/, ""))
    .filter((t): t is string => !!t && t.trim().length > 0)
    // A list of figures is not a list of headings.
    .filter((t) => !/^figure \d/i.test(t.trim()));
  if (entries.length < 5) return null;
  let parent = 0;
  return entries.map((e) => {
    const key = headingKey(e);
    if (/^(chapter \d+|appendix [a-z])\b/.test(key)) return { key, level: (parent = 1) };
    if (/^section \d+:/.test(key)) return { key, level: (parent = 2) };
    return { key, level: parent + 1 };
  });
}

interface Block {
  kind: "text" | "bullet";
  text: string;
}

interface Draft {
  section: string[];
  paragraph: string | null;
  blocks: Block[];
  /** The draft opened with its heading's own words as the lead-in of a list ("Health practitioners should:"). */
  leadIn?: boolean;
}

/** A label heading of three words or more reads as the lead-in of the list under it, and is kept in the unit's text. */
function leadInOf(heading: string): string | null {
  const t = cleanInline(heading);
  return isLabel(t) && t.split(/\s+/).length >= 3 ? (/:$/.test(t) ? t : `${t}:`) : null;
}

/**
 * Parse one document into units: each numbered paragraph with all its lines and
 * bullets (to the next numbered paragraph or heading); the text under each
 * unnumbered heading; each term of a definition list (a glossary); and footnotes,
 * as units of their own under the paragraph that cites them.
 */
export function ingestDocument(
  text: string,
  meta: DocumentMeta,
  opts: { debris: RegExp[]; excludeSections?: string[]; firstId?: number },
): Chunk[] {
  const toc = contentsEntries(text);
  let tocNext = 0;
  const { lines, footnotes } = cleanText(text, opts.debris);
  const hasMarkdown = lines.some((l) => MD_HEADING.test(l.trim()));
  const exclude = new Set((opts.excludeSections ?? []).map(headingKey));
  const stack: { level: number; title: string; term?: boolean }[] = [];
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lastLevel = 1;
  let lastKind: "md" | "label" | "topic" = "md";
  let lastContents = 0;
  /** Markdown depths of the unlisted headings seen since the last listed one: a deeper one nests under a shallower one. */
  let depthsSeen = new Set<number>();
  /** Markdown depth of the last listed heading that was not nested under another listed one. */
  let listedDepth: number | null = null;
  let lastNumber: number | null = null;
  const listed = hasMarkdown ? new Set<number>() : shortLineRuns(lines);
  /** Plain text: the level of the last heading, and whether the last line read was a heading. */
  let plainLevel = 1;
  let afterHeading = false;
  // Footnote numbers repeat in a converted pack: the k-th footnote numbered n belongs where the k-th marker n is.
  const footnoteHomes = new Map<string, { section: string[]; paragraph: string | null }[]>();

  const sectionPath = () => stack.map((s) => s.title);
  const pushHeading = (level: number, raw: string, term = false): number => {
    const title = cleanInline(raw).replace(/:$/, "").trim();
    current = null;
    if (!title || headingKey(title) === headingKey(meta.title)) return level;
    while (stack.length && (stack[stack.length - 1]!.level >= level || stack[stack.length - 1]!.term)) stack.pop();
    stack.push({ level, title, term });
    return level;
  };
  const excluded = () => stack.some((s) => exclude.has(headingKey(s.title)));
  const open = (paragraph: string | null): Draft => {
    const d: Draft = { section: sectionPath(), paragraph, blocks: [] };
    if (!excluded()) drafts.push(d);
    current = d;
    return d;
  };
  const openLeadIn = (heading: string) => {
    const lead = leadInOf(heading);
    if (!lead) return;
    const d = open(null);
    d.blocks.push({ kind: "text", text: lead });
    d.leadIn = true;
  };
  /**
   * Level of a markdown or bold heading: from the contents page where it is the next entry
   * listed there, else below the last listed one, whatever level the conversion printed.
   */
  const levelOf = (title: string, mdDepth: number | null, label: boolean): number => {
    const key = headingKey(title);
    const at = toc ? toc.slice(tocNext, tocNext + 40).findIndex((e) => e.key === key) : -1;
    if (toc && at >= 0) {
      tocNext += at + 1;
      let level = toc[tocNext - 1]!.level;
      // The contents page lists some sub-headings at their parent's level: printed deeper than the
      // listed heading before them, they nest under it ("The panel – expectations for the final report").
      if (mdDepth !== null && listedDepth !== null && mdDepth > listedDepth && level <= lastContents) level = lastContents + 1;
      else listedDepth = mdDepth;
      lastContents = level;
      depthsSeen = new Set();
      return lastContents;
    }
    if (mdDepth !== null) {
      depthsSeen.add(mdDepth);
      if (lastContents > 0) return lastContents + 1 + [...depthsSeen].filter((d) => d < mdDepth).length;
      return Math.max(1, mdDepth - 1);
    }
    // Bold lines are headings without a level. A label ("Health practitioners should:") is a
    // sibling of the label before it; a topic line after a label is a sibling of that label's
    // parent, and a sibling of a topic line before it.
    if (label) return lastKind === "label" ? lastLevel : lastLevel + 1;
    return lastKind === "label" ? lastLevel - 1 : lastKind === "topic" ? lastLevel : lastLevel + 1;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === "") continue;
    const prevBlank = i > 0 && lines[i - 1]!.trim() === "";
    const md = MD_HEADING.exec(t);
    if (md) {
      lastLevel = pushHeading(levelOf(md[2]!, md[1]!.length, false), md[2]!);
      lastKind = isLabel(md[2]!) ? "label" : "md";
      openLeadIn(md[2]!);
      continue;
    }
    const inParagraph = (current as Draft | null)?.paragraph != null;
    const bold = BOLD_LINE.exec(t);
    if (bold && !BULLET.test(t) && !inParagraph) {
      const label = isLabel(t);
      lastLevel = pushHeading(Math.max(1, levelOf(bold[1]!, null, label)), bold[1]!);
      lastKind = label ? "label" : "topic";
      openLeadIn(bold[1]!);
      continue;
    }
    const term = TERM_LINE.exec(t);
    if (term && !inParagraph) {
      const base = stack.filter((s) => !s.term).at(-1)?.level ?? 0;
      pushHeading(base + 1, term[1]!, true);
      open(null).blocks.push({ kind: "text", text: term[2]! });
      continue;
    }
    if (!hasMarkdown) {
      const nextBlank = i + 1 >= lines.length || lines[i + 1]!.trim() === "";
      const next = lines.slice(i + 1).find((l) => l.trim() !== "")?.trim() ?? "";
      // A question line answered by the dash-led paragraph after it is that item's title.
      const titled = /\?$/.test(t) && /^[–—]\s/.test(next);
      if (listed.has(i)) {
        (current ?? open(null)).blocks.push({ kind: "bullet", text: t });
        continue;
      }
      if (looksLikePlainHeading(t, i === 0 || prevBlank, nextBlank) || titled) {
        // Plain text has no heading levels: a heading straight after another is its sub-heading,
        // a label with a colon ("Minutes:") is a top-level part, and any other is a sibling of the last.
        const level = titled ? plainLevel + 1 : /:$/.test(t) ? 1 : afterHeading ? plainLevel + 1 : plainLevel;
        lastLevel = pushHeading(level, t, titled);
        if (!titled) plainLevel = level;
        afterHeading = !titled;
        // A heading over a run of short lines introduces them: keep its words as the list's lead-in.
        if (listed.has(i + 1) || listed.has(lines.findIndex((l, k) => k > i && l.trim() !== ""))) {
          open(null).blocks.push({ kind: "text", text: t });
          afterHeading = false;
        }
        continue;
      }
      const item = DASH_ITEM.exec(t);
      if (item && item[1]!.split(/\s+/).length <= 16 && !NUMBERED.test(t)) {
        pushHeading(plainLevel + 1, item[1]!, true);
        open(null).blocks.push({ kind: "text", text: t });
        afterHeading = false;
        continue;
      }
      afterHeading = false;
    }
    // Footnote markers belong to the paragraph they appear in.
    const numbered = NUMBERED.exec(t);
    const number: string | null = numbered ? acceptNumber(numbered[1]!, lastNumber) : null;
    for (const m of t.matchAll(/<sup>\s*(\d+)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g)) {
      const n = m[1] ?? [...m[2]!].map((c) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)).join("");
      const homes = footnoteHomes.get(n) ?? [];
      homes.push({ section: sectionPath(), paragraph: number ?? (current as Draft | null)?.paragraph ?? null });
      footnoteHomes.set(n, homes);
    }
    if (number !== null) {
      if (!number.includes(".")) lastNumber = Number(number);
      open(number).blocks.push({ kind: "text", text: numbered![2]! });
      continue;
    }
    const bullet = BULLET.exec(raw) ?? (numbered ? [t, numbered[2]!] : null);
    const draft: Draft = current ?? open(null);
    const last = draft.blocks[draft.blocks.length - 1];
    if (bullet) {
      draft.blocks.push({ kind: "bullet", text: bullet[1]! });
      continue;
    }
    // A lower-case line continues the line before it: straight after it (a wrapped line), or
    // after a blank where that line stopped mid-sentence (the rest of a sentence a page break cut).
    // So does a line that opens with a number that is not a paragraph's ("…subject to the section |
    // 11 duties set out in this chapter.") where the line before stopped mid-sentence.
    const continues =
      last !== undefined && ((/^[a-z(]/.test(t) && (!prevBlank || !endsSentence(last.text))) || (/^\d+(?![.)\d])/.test(t) && !endsSentence(last.text)));
    if (last && (continues || (!prevBlank && last.kind === "text"))) last.text = `${last.text} ${t}`;
    else draft.blocks.push({ kind: "text", text: t });
  }

  let id = opts.firstId ?? 0;
  const chunks: Chunk[] = [];
  const base = { docId: meta.id, file: meta.file, title: meta.title, jurisdiction: meta.jurisdiction, rank: meta.rank };
  const said = new Set<string>();
  for (const d of drafts) {
    // A lead-in with nothing under it is only a heading ("Things to consider:" before items that became units of their own).
    if (d.paragraph === null && d.blocks.length === 1 && /:$/.test(cleanInline(d.blocks[0]!.text))) continue;
    // The same words twice in one document ("That the report be noted.") are one unit.
    const key = d.blocks.map((b) => cleanInline(b.text)).join("\n");
    if (said.has(key)) continue;
    said.add(key);
    const units: Unit[] = [];
    const lines: string[] = [];
    let lead: number | undefined;
    for (const b of d.blocks) {
      const text = cleanInline(b.text);
      if (!text) continue;
      const [first, ...rest] = splitSentences(text);
      const block = lines.length;
      if (b.kind === "text") {
        splitSentences(text).forEach((s) => units.push({ text: s, kind: "sentence", block }));
        lead = units.length - 1;
        lines.push(text);
      } else {
        // A long bullet is split into sentences so each can be ranked and quoted on its own.
        units.push({ text: first ?? text, kind: "bullet", block, ...(lead !== undefined ? { lead } : {}) });
        for (const r of rest) units.push({ text: r, kind: "sentence", cont: true, block });
        lines.push(`- ${text}`);
      }
    }
    if (units.length === 0) continue;
    chunks.push({
      ...base,
      id: id++,
      section: d.section.length ? d.section : [meta.title],
      paragraph: d.paragraph,
      kind: d.blocks.some((b) => b.kind === "bullet") ? "list" : "text",
      text: lines.join("\n"),
      units,
    });
  }
  const used = new Map<string, number>();
  for (const f of footnotes) {
    const k = used.get(f.n) ?? 0;
    used.set(f.n, k + 1);
    const homes = footnoteHomes.get(f.n);
    const home = homes?.[Math.min(k, homes.length - 1)];
    // A footnote that only names a source ("Children Act 1989") says nothing to answer from.
    if (!home || !SAYS_SOMETHING.test(f.text) || home.section.some((s) => exclude.has(headingKey(s)))) continue;
    chunks.push({
      ...base,
      id: id++,
      section: [...(home.section.length ? home.section : [meta.title]), `Footnote ${f.n}`],
      paragraph: home.paragraph,
      kind: "footnote",
      text: f.text,
      units: splitSentences(f.text).map((s) => ({ text: s, kind: "footnote" as const })),
    });
  }
  return chunks;
}

/**
 * Whether a numbered line is the document's next paragraph number ("4.1" always is):
 * a list numbered 1 to 6 inside paragraph 50 is a list, not paragraphs 1 to 6.
 */
function acceptNumber(n: string, last: number | null): string | null {
  if (n.includes(".")) return n;
  const v = Number(n);
  if (last === null) return n;
  return v > last && v <= last + 3 ? n : null;
}
