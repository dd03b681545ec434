import { cleanInline, cleanText } from "./clean.js";
import type { DocumentMeta } from "./documents.js";
import type { Chunk, Unit } from "./types.js";

const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const BOLD_LINE = /^\*\*(.+?)\*\*:?\s*$/;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,2})?)\.\s+(\S.*)$/;
const BULLET = /^\s*(?:[-*•●▪]|\d{1,2}\))\s+(\S.*)$/;
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
function looksLikePlainHeading(line: string, prevBlank: boolean, nextBlank: boolean): boolean {
  const t = line.trim();
  if (!prevBlank || !nextBlank || BULLET.test(t) || NUMBERED.test(t)) return false;
  if (t.length > 80 || t.split(/\s+/).length > 10) return false;
  if (/^[a-z]/.test(t)) return false;
  if (/:$/.test(t)) return t.split(/\s+/).length <= 2; // "Minutes:" but not "Things to consider:"
  return !/[.;,!?]$/.test(t);
}

/** Whether a block's last line ends a sentence (so a following line cannot continue it). */
function endsMidBlock(b: Block): boolean {
  const last = b.bullets.length > 0 ? b.bullets[b.bullets.length - 1]! : b.lines[b.lines.length - 1] ?? "";
  return last === "" || /[.:;!?)"'’”]\s*$/.test(cleanInline(last));
}

interface Block {
  section: string[];
  paragraph: string | null;
  lines: string[];
  bullets: string[];
}

/**
 * Parse one document into chunks: headings give the section path, numbered
 * paragraphs give paragraph numbers, bullet lists stay with their lead-in, and
 * footnotes become chunks of their own under the section that cites them.
 */
export function ingestDocument(
  text: string,
  meta: DocumentMeta,
  opts: { debris: RegExp[]; excludeSections?: string[]; subHeadings?: string[]; firstId?: number },
): Chunk[] {
  const { lines, footnotes } = cleanText(text, opts.debris);
  const hasMarkdown = lines.some((l) => MD_HEADING.test(l.trim()));
  const generic = new Set((opts.subHeadings ?? []).map((s) => s.toLowerCase()));
  const exclude = new Set((opts.excludeSections ?? []).map((s) => s.toLowerCase()));
  const stack: { level: number; title: string }[] = [];
  const blocks: Block[] = [];
  let current: Block | null = null;
  let lastLevel = 1;
  let lastLabel = false;
  const footnoteHome = new Map<string, { section: string[]; paragraph: string | null }>();

  const sectionPath = () => stack.map((s) => s.title);
  const pushHeading = (level: number, raw: string) => {
    const title = cleanInline(raw).replace(/:$/, "").trim();
    current = null;
    if (!title || title.toLowerCase() === meta.title.toLowerCase()) return level;
    if (generic.has(title.toLowerCase())) {
      while (stack.length && generic.has(stack[stack.length - 1]!.title.toLowerCase())) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && parent.level >= level) level = parent.level + 0.5;
    }
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, title });
    return level;
  };
  const excluded = () => stack.some((s) => exclude.has(s.title.toLowerCase()));
  const newBlock = (paragraph: string | null, first: string | null): Block => {
    const b: Block = { section: sectionPath(), paragraph, lines: first ? [first] : [], bullets: [] };
    if (!excluded()) blocks.push(b);
    return b;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === "") continue;
    const md = MD_HEADING.exec(t);
    if (md) {
      // Some converted pages promote a section to "#"; only the document title is level 1.
      lastLevel = pushHeading(Math.max(2, md[1]!.length), md[2]!);
      lastLabel = isLabel(md[2]!);
      continue;
    }
    const bold = BOLD_LINE.exec(t);
    if (bold && !BULLET.test(t)) {
      // Bold lines are headings without a level. A label ("Health practitioners should:")
      // is a sibling of the label before it; a topic line after a label is a sibling of
      // that label's parent ("Where concerns are substantiated" after "…should:").
      const label = isLabel(t);
      const level = label ? (lastLabel ? lastLevel : lastLevel + 1) : lastLabel ? lastLevel - 1 : lastLevel + 1;
      lastLevel = pushHeading(Math.max(2, level), bold[1]!);
      lastLabel = label;
      continue;
    }
    if (!hasMarkdown) {
      const prevBlank = i === 0 || lines[i - 1]!.trim() === "";
      const nextBlank = i + 1 >= lines.length || lines[i + 1]!.trim() === "";
      if (looksLikePlainHeading(t, prevBlank, nextBlank)) {
        pushHeading(2, t);
        continue;
      }
    }
    const numberedHere = NUMBERED.exec(t)?.[1] ?? null;
    for (const m of t.matchAll(/<sup>\s*(\d+)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g)) {
      const n = m[1] ?? [...m[2]!].map((c) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)).join("");
      if (footnoteHome.has(n)) continue;
      const paragraph = numberedHere ?? (current as Block | null)?.paragraph ?? null;
      footnoteHome.set(n, { section: sectionPath(), paragraph });
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      current ??= newBlock(null, null);
      current.bullets.push(bullet[1]!);
      continue;
    }
    const numbered = NUMBERED.exec(t);
    if (numbered) {
      current = newBlock(numbered[1]!, numbered[2]!);
      continue;
    }
    // Text straight after a block's own lines (no blank line) continues it.
    const prevBlank = i > 0 && lines[i - 1]!.trim() === "";
    // A lower-case line after a blank, where the block stopped mid-sentence, is the rest of
    // that sentence left behind by a page break ("…how to escalate" / "concerns and how…").
    const cut = current !== null && /^[a-z]/.test(t) && !endsMidBlock(current as Block);
    if (current && prevBlank && cut && current.bullets.length === 0) current.lines.push(t);
    else if (current && prevBlank && cut) current.bullets[current.bullets.length - 1] += ` ${t}`;
    else if (current && !prevBlank && current.bullets.length === 0) current.lines.push(t);
    else if (current && !prevBlank && current.bullets.length > 0) {
      current.bullets[current.bullets.length - 1] += ` ${t}`;
    } else current = newBlock(null, t);
  }

  let id = opts.firstId ?? 0;
  const chunks: Chunk[] = [];
  const base = { docId: meta.id, file: meta.file, title: meta.title, jurisdiction: meta.jurisdiction, rank: meta.rank };
  for (const b of blocks) {
    const para = cleanInline(b.lines.join(" "));
    const bullets = b.bullets.map(cleanInline).filter((x) => x.length > 0);
    if (!para && bullets.length === 0) continue;
    const units: Unit[] = splitSentences(para).map((s) => ({ text: s, kind: "sentence" as const }));
    const leadIn = bullets.length && units.length ? units.length - 1 : null;
    for (const x of bullets) {
      // A long bullet is split into sentences so each can be ranked and quoted on its own.
      const [first, ...rest] = splitSentences(x);
      units.push({ text: first ?? x, kind: "bullet" });
      for (const r of rest) units.push({ text: r, kind: "sentence", cont: true });
    }
    const text = [para, ...bullets.map((x) => `- ${x}`)].filter(Boolean).join("\n");
    chunks.push({
      ...base,
      id: id++,
      section: b.section.length ? b.section : [meta.title],
      paragraph: b.paragraph,
      kind: bullets.length ? "list" : "text",
      text,
      units,
      leadIn,
    });
  }
  for (const f of footnotes) {
    const home = footnoteHome.get(f.n);
    if (!home || !f.text || home.section.some((s) => exclude.has(s.toLowerCase()))) continue;
    const section = [...(home.section.length ? home.section : [meta.title]), `Footnote ${f.n}`];
    chunks.push({
      ...base,
      id: id++,
      section,
      paragraph: home.paragraph,
      kind: "footnote",
      text: f.text,
      units: splitSentences(f.text).map((s) => ({ text: s, kind: "footnote" as const })),
      leadIn: null,
    });
  }
  return chunks;
}
