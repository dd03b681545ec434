import type { Citation } from "../core/citation.js";
import { jurisdictionLabel, type AnswerJurisdiction, type Jurisdiction } from "../core/jurisdiction.js";
import type { DocumentMeta } from "./documents.js";
import { trimQuote } from "./quote.js";
import type { BankItem, HybridIndex, ScoredChunk } from "./search.js";
import { normaliseForMatch } from "./text.js";
import type { Chunk } from "./types.js";

/** A citation with the whole passage it quotes from, so a reader (or an evaluation) can check the quote in context. */
export interface KnowledgeCitation extends Citation {
  passage: string;
}

/** What the knowledge layer answers: the public contract's shape (the assistant adds `signpost`). */
export interface KnowledgeAnswer {
  answer: string;
  jurisdiction: AnswerJurisdiction;
  covered: boolean;
  citations: KnowledgeCitation[];
}

/** Answer length limits (characters, before citations). */
export const LENGTH = {
  /** Supporting sentences are added only while the answer stays under this. */
  support: 700,
  /** A list is shown item by item while it stays under this. */
  list: 900,
  max: 1500,
};

export const WHERE_TO_GO =
  "Check your local safeguarding children procedures, or ask your local authority's children's services. " +
  "For advice, you can call the NSPCC helpline on 0808 800 5000.";

/** What was chosen to answer from one chunk: the lines shown, and the sentence quoted. */
export interface Selection {
  chunk: Chunk;
  /** Lines shown, verbatim: sentences, or a lead-in and its list items ("- …"). */
  lines: string[];
  /** The verbatim text quoted in the citation. */
  quote: string;
}

/** How well each sentence and bank question of a chunk matches the question, on one scale. */
export interface SentenceScores {
  sentence: (ref: number) => number;
  bankItem: (item: number) => number;
}

/** The sentences of a chunk (indices into `index.sentences`), computed once per index. */
const sentencesByChunk = new WeakMap<HybridIndex, number[][]>();
export function chunkSentences(index: HybridIndex, chunk: number): number[] {
  let map = sentencesByChunk.get(index);
  if (!map) {
    map = index.chunks.map(() => []);
    index.sentences.forEach((r, i) => map![r.chunk]!.push(i));
    sentencesByChunk.set(index, map);
  }
  return map[chunk] ?? [];
}

/** The list items that follow a lead-in unit, with the sentences that continue them. */
function listUnder(chunk: Chunk, lead: number): string[] {
  const items: string[] = [];
  chunk.units.forEach((u, i) => {
    if (u.kind === "bullet" && u.lead === lead) items.push(u.text);
    else if (u.cont && items.length && chunk.units[i - 1] && (chunk.units[i - 1]!.lead === lead || chunk.units[i - 1]!.cont)) items[items.length - 1] += ` ${u.text}`;
  });
  return items;
}

/** A bullet with the sentences that continue it. */
function wholeBullet(chunk: Chunk, unit: number): string {
  let text = chunk.units[unit]!.text;
  for (let k = unit + 1; k < chunk.units.length && chunk.units[k]!.cont; k++) text += ` ${chunk.units[k]!.text}`;
  return text;
}

/** Keep whole lines while they fit. */
function fit(lines: string[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const l of lines) {
    if (used + l.length + 1 > budget && out.length > 0) break;
    out.push(l);
    used += l.length + 1;
  }
  return out;
}

/** The bank questions of each chunk (indices into `index.bank`), computed once per index. */
const bankByChunk = new WeakMap<HybridIndex, number[][]>();
export function chunkBank(index: HybridIndex, chunk: number): number[] {
  let map = bankByChunk.get(index);
  if (!map) {
    map = index.chunks.map(() => []);
    index.bank.forEach((b, i) => map![b.chunk]!.push(i));
    bankByChunk.set(index, map);
  }
  return map[chunk] ?? [];
}

/** How well the best sentence or bank question of a chunk answers, on the scale of `scores`. */
export function bestInChunk(index: HybridIndex, chunk: number, scores: SentenceScores, keep: (item: number) => boolean = () => true): number {
  let best = -1;
  for (const r of chunkSentences(index, chunk)) best = Math.max(best, scores.sentence(r));
  for (const i of chunkBank(index, chunk)) if (keep(i)) best = Math.max(best, scores.bankItem(i));
  return best;
}

/** The chunk's sentence that matches this question best (the first of equals), or -1 when it has none. */
function bestSentence(index: HybridIndex, chunk: number, scores: SentenceScores): number {
  let best = -1;
  let bestScore = -Infinity;
  for (const r of chunkSentences(index, chunk)) {
    const score = scores.sentence(r);
    if (best < 0 || score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/**
 * Choose what to lead with from a chunk: the span of its best-matching bank question when
 * that question matches at least as well as any one sentence does, else its best sentence.
 * A lead-in ("Health practitioners should:") brings its list; a list item brings its lead-in.
 */
export function selectLead(index: HybridIndex, scored: ScoredChunk, scores: SentenceScores, keep: (item: number) => boolean = () => true): Selection {
  const chunk = index.chunks[scored.chunk]!;
  const best = bestSentence(index, scored.chunk, scores);
  let item: BankItem | null = null;
  let itemScore = -Infinity;
  for (const i of chunkBank(index, scored.chunk)) {
    if (keep(i) && scores.bankItem(i) > itemScore) {
      itemScore = scores.bankItem(i);
      item = index.bank[i]!;
    }
  }
  if (item && (best < 0 || itemScore >= scores.sentence(best))) {
    const leadUnit = chunk.units.findIndex((u) => normaliseForMatch(u.text) === normaliseForMatch(item!.span));
    if (item.also.length > 0) return { chunk, lines: [item.span, ...item.also.map((a) => `- ${a}`)], quote: item.span };
    if (leadUnit >= 0) return fromUnit(chunk, leadUnit);
    return { chunk, lines: [item.span], quote: item.span };
  }
  return fromUnit(chunk, index.sentences[best]!.unit);
}

function fromUnit(chunk: Chunk, unit: number): Selection {
  const u = chunk.units[unit]!;
  let head = unit;
  while (head > 0 && chunk.units[head]!.cont) head--;
  const h = chunk.units[head]!;
  // A sentence that continues a list item says something of its own ("The initial child protection
  // conference should take place within 15 working days…"): it leads alone, not behind the list.
  if (h.kind === "bullet" && head !== unit) return { chunk, lines: [u.text], quote: u.text };
  if (h.kind === "bullet") {
    // A list item answers with its lead-in, then the rest of its list while the answer stays short:
    // "what does health do at a strat?" wants every item, "how soon?" the one first.
    const lead = h.lead !== undefined ? [chunk.units[h.lead]!.text] : [];
    const first = wholeBullet(chunk, head);
    const rest = h.lead !== undefined ? listUnder(chunk, h.lead).filter((i) => i !== first) : [];
    const items = [first, ...fit(rest, LENGTH.list - first.length - (lead[0]?.length ?? 0))];
    return { chunk, lines: [...lead, ...items.map((i) => `- ${i}`)], quote: u.text };
  }
  const items = /:$/.test(u.text) ? listUnder(chunk, unit) : [];
  if (items.length > 0) return { chunk, lines: [u.text, ...fit(items, LENGTH.list - u.text.length).map((i) => `- ${i}`)], quote: u.text };
  return { chunk, lines: [u.text], quote: u.text };
}

/**
 * The chunk's own best-matching sentence when the lead is not it (the lead was chosen by a bank
 * question), else null. A bank question is another asker's question about the same paragraph: its
 * span answers that question, and the sentence that matches this question best may answer this one.
 * The two kinds of evidence disagree, so both are shown rather than one trusted over the other.
 */
export function ownBestSentence(index: HybridIndex, sel: Selection, chunk: number, scores: SentenceScores): string | null {
  const best = bestSentence(index, chunk, scores);
  if (best < 0) return null;
  const text = sel.chunk.units[index.sentences[best]!.unit]!.text;
  const shown = normaliseForMatch(sel.lines.join(" "));
  return shown.includes(normaliseForMatch(text)) ? null : text;
}

/** A sentence that supports the lead: its text and the chunk it comes from. */
export interface Support {
  chunk: Chunk;
  text: string;
  score: number;
}

/**
 * Sentences that support the lead, best first: from the lead's chunk or the other candidate
 * chunks, plain sentences (not list items or lead-ins), not already shown, each scored by its
 * own match weighted by its chunk's. The caller keeps those that come close to the lead.
 */
export function supportCandidates(index: HybridIndex, shown: string, candidates: readonly ScoredChunk[], scores: SentenceScores): Support[] {
  const seen = normaliseForMatch(shown);
  const out: Support[] = [];
  for (const c of candidates) {
    const chunk = index.chunks[c.chunk]!;
    for (const r of chunkSentences(index, c.chunk)) {
      const u = chunk.units[index.sentences[r]!.unit]!;
      if (u.kind !== "sentence" || u.cont || /:$/.test(u.text) || seen.includes(normaliseForMatch(u.text))) continue;
      out.push({ chunk, text: u.text, score: c.score * (LEAD_BASE + scores.sentence(r)) });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The sentences around the lead in its own paragraph, nearest first (the next, then the
 * one before, and so on): the context a lone sentence needs ("In such cases, other paths
 * would be followed…").
 */
export function contextOf(sel: Selection): string[] {
  const units = sel.chunk.units;
  const at = units.findIndex((u) => u.text === sel.quote);
  if (at < 0 || units[at]!.kind !== "sentence" || units[at]!.cont || sel.lines.length > 1) return [];
  const block = units[at]!.block;
  // A sentence on the next or previous line of the same passage continues it as often as one on the same line
  // ("Rapid reviews should be submitted … within 15 working days." / "This is a non-statutory requirement …").
  const near = (k: number) => block !== undefined && units[k]!.block !== undefined && Math.abs(units[k]!.block! - block) <= 1;
  const same = (k: number) => k >= 0 && k < units.length && units[k]!.kind === "sentence" && !units[k]!.cont && near(k);
  const out: string[] = [];
  for (let d = 1; d < units.length; d++) {
    if (same(at + d)) out.push(units[at + d]!.text);
    if (same(at - d)) out.push(units[at - d]!.text);
    if (!same(at + d) && !same(at - d)) break;
  }
  return out;
}

/** How much a chunk's rank counts against how well its best sentence answers, when choosing what to lead with. */
export const LEAD_BASE = 0.5;

function where(chunk: Chunk): string {
  const leaf = chunk.section.filter((s) => s !== chunk.title).slice(-2).join(" > ") || chunk.title;
  return chunk.paragraph ? `${leaf}, paragraph ${chunk.paragraph}` : leaf;
}

function citationOf(sel: Selection): KnowledgeCitation {
  return {
    file: sel.chunk.file,
    title: sel.chunk.title,
    section: sel.chunk.section.join(" > "),
    paragraph: sel.chunk.paragraph,
    quote: trimQuote(sel.quote),
    passage: sel.chunk.text,
  };
}

function docName(documents: readonly DocumentMeta[], chunk: Chunk): string {
  return documents.find((d) => d.id === chunk.docId)?.shortTitle ?? chunk.title;
}

/** Join the shown lines: sentences run on, a list goes one item to a line. */
function render(lines: string[]): string {
  let out = "";
  for (const l of lines) out += out === "" ? l : l.startsWith("- ") ? `\n${l}` : ` ${l}`;
  return out;
}

/** Cut an over-long answer at its last whole line or sentence under the limit. */
function cap(text: string, max = LENGTH.max): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(". ") + 1);
  return `${head.slice(0, cut > max * 0.5 ? cut : head.lastIndexOf(" ")).trimEnd()} …`;
}

/**
 * Compose a short, direct answer: the answering span first, then at most two supporting
 * sentences, then where it comes from and for which jurisdiction. Citations carry the
 * verbatim quote and the whole passage.
 */
export function composeCovered(opts: { documents: readonly DocumentMeta[]; selections: Selection[]; support: Support[]; asked: Jurisdiction | null; seeAlso?: Selection[] }): KnowledgeAnswer {
  const { selections, documents } = opts;
  const first = selections[0]!;
  let body = render(first.lines);
  const cited = [...selections];
  for (const s of opts.support) {
    const same = s.chunk.id === first.chunk.id;
    body = `${body}${same && !body.includes("\n") ? " " : "\n\n"}${s.text}`;
    if (!cited.some((c) => c.chunk.id === s.chunk.id)) cited.push({ chunk: s.chunk, lines: [s.text], quote: s.text });
  }
  // Sentences of the same paragraph read in the paragraph's own order.
  if (opts.support.length && opts.support.every((s) => s.chunk.id === first.chunk.id) && first.lines.length === 1) {
    const order = (t: string) => first.chunk.units.findIndex((u) => u.text === t);
    body = [first.lines[0]!, ...opts.support.map((s) => s.text)].sort((a, b) => order(a) - order(b)).join(" ");
  }
  for (const sel of selections.slice(1)) body = `${body}\n\n${render(sel.lines)}`;
  const sources = new Map<string, string[]>();
  for (const sel of cited) {
    const key = `${docName(documents, sel.chunk)} (${jurisdictionLabel(sel.chunk.jurisdiction)})`;
    sources.set(key, [...(sources.get(key) ?? []), where(sel.chunk)]);
  }
  const from = [...sources].map(([doc, places]) => `${doc}: ${[...new Set(places)].join("; ")}`).join(". ");
  const jurisdictions = new Set(cited.map((s) => s.chunk.jurisdiction));
  const jurisdiction: AnswerJurisdiction = opts.asked ?? (jurisdictions.size === 1 ? [...jurisdictions][0]! : "both");
  const answer = cap(`${body}\n\nFrom ${from}.`);
  const seeAlso = (opts.seeAlso ?? []).filter((s) => !cited.some((c) => c.chunk.id === s.chunk.id));
  return { answer, jurisdiction, covered: true, citations: [...cited, ...seeAlso].map(citationOf) };
}

/** The refusal: what the corpus does not cover, where to go instead, and (for Wales) England's rule labelled for comparison only. */
export function composeRefusal(opts: {
  asked: Jurisdiction | null;
  where?: string | null;
  otherJurisdiction?: string | null;
  comparison?: { documents: readonly DocumentMeta[]; selection: Selection } | null;
}): KnowledgeAnswer {
  const lines: string[] = [];
  if (opts.otherJurisdiction) {
    lines.push(`The documents I hold are for England and Wales, not ${opts.otherJurisdiction.replace(/^\w/, (c) => c.toUpperCase())}, so I cannot give you a rule for it.`);
  } else if (opts.asked === "wales") {
    lines.push("The Wales sources I hold do not answer this for Wales, so I cannot give you a Wales rule.");
  } else {
    lines.push("The documents I hold do not cover this question, so I cannot give you a rule for it.");
  }
  if (opts.where) lines.push(opts.where);
  lines.push(WHERE_TO_GO);
  const citations: KnowledgeCitation[] = [];
  const cmp = opts.comparison;
  if (cmp) {
    const doc = docName(cmp.documents, cmp.selection.chunk);
    lines.push(`For comparison only, this is England's guidance, not a Wales rule: ${doc} (${where(cmp.selection.chunk)}) says: "${trimQuote(render(cmp.selection.lines), 400)}"`);
    citations.push(citationOf(cmp.selection));
  }
  return { answer: lines.join("\n\n"), jurisdiction: opts.asked, covered: false, citations };
}
