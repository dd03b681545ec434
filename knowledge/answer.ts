import type { Citation } from "../core/citation.js";
import { jurisdictionLabel, type AnswerJurisdiction, type Jurisdiction } from "../core/jurisdiction.js";
import type { DocumentMeta } from "./documents.js";
import type { ExpandedQuestion } from "./expand.js";
import { hasTimeExpression, timescales, trimQuote } from "./quote.js";
import { CONTEXT_RANK, unitFacts, type HybridIndex, type ScoredUnit } from "./search.js";
import { fold, normaliseForMatch, stems } from "./text.js";
import type { Chunk } from "./types.js";

/** What the knowledge layer answers: the public contract's shape (the assistant adds `signpost`). */
export interface KnowledgeAnswer {
  answer: string;
  jurisdiction: AnswerJurisdiction;
  covered: boolean;
  citations: Citation[];
}

/** Thresholds of the coverage test, tuned on the public sample and kept round. */
export const COVERAGE = {
  minScore: 0.45,
  minConceptShare: 0.3,
  nextPassage: 0.6,
  thirdPassage: 0.9,
  /** A third passage nearly as good is cited too when the answer stays short (under `shortAnswerChars`). */
  shortThirdPassage: 0.8,
  shortAnswerChars: 1400,
  maxPassages: 3,
};

const WHERE_TO_GO =
  "Check your local safeguarding children procedures, or ask your local authority's children's services. " +
  "For advice, you can call the NSPCC helpline on 0808 800 5000.";

export interface Selection {
  chunk: Chunk;
  units: number[];
  best: number;
  score: number;
}

export interface Composed extends KnowledgeAnswer {
  /** The passages the answer was composed from (for the optional rephrasing and its check). */
  passages: string[];
}

/** Document frequency of each stem over all units, for weighting the question's concepts. */
export function documentFrequencies(index: HybridIndex): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  for (const r of index.refs) {
    const c = index.chunks[r.chunk]!;
    for (const s of new Set(stems(`${c.units[r.unit]!.text} ${c.section.join(" ")}`))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { df, n: index.refs.length };
}

/**
 * Choose what to answer from: the best passage (with its lead-in and the bullets
 * that answer, or all of a short list), plus up to two other passages that score
 * nearly as well.
 */
export function selectEvidence(index: HybridIndex, ranked: ScoredUnit[], opts: { timescale?: boolean } = {}): Selection[] {
  const top = ranked[0];
  if (!top) return [];
  const byChunk = new Map<number, ScoredUnit[]>();
  for (const s of ranked.slice(0, 300)) {
    const c = index.refs[s.ref]!.chunk;
    byChunk.set(c, [...(byChunk.get(c) ?? []), s]);
  }
  // A passage where several sentences answer beats one with a single lucky sentence.
  const chunkScore = (xs: ScoredUnit[]) => xs[0]!.score + 0.15 * (xs[1]?.score ?? 0);
  const ordered = [...byChunk].sort((a, b) => chunkScore(b[1]) - chunkScore(a[1]));
  const picks: Selection[] = [];
  const topScore = chunkScore(ordered[0]![1]);
  // The same words published twice (two pages of one site, a rule restated) are cited once.
  const said = new Set<string>();
  for (const [chunkId, scored] of ordered) {
    if (picks.length >= COVERAGE.maxPassages) break;
    const best = scored[0]!;
    const bestText = normaliseForMatch(index.chunks[chunkId]!.units[index.refs[best.ref]!.unit]!.text);
    if (said.has(bestText)) continue;
    said.add(bestText);
    const chunk = index.chunks[chunkId]!;
    // A third passage must score nearly as well as the first, a little less when the whole answer stays short.
    const shownSoFar = picks.reduce((n, p) => n + p.units.reduce((m, u) => m + p.chunk.units[u]!.text.length + 1, 0), 0);
    const short = picks.length === 2 && shownSoFar + chunk.text.length <= COVERAGE.shortAnswerChars;
    const needed = picks.length === 0 ? 1 : picks.length === 1 ? COVERAGE.nextPassage : short ? COVERAGE.shortThirdPassage : COVERAGE.thirdPassage;
    if (chunkScore(scored) < topScore * needed) continue;
    const unitScore = new Map(scored.map((s) => [index.refs[s.ref]!.unit, s.score]));
    const bestUnit = index.refs[best.ref]!.unit;
    const chosen = new Set<number>([bestUnit]);
    const bullets = chunk.units.map((u, i) => (u.kind === "bullet" ? i : -1)).filter((i) => i >= 0);
    // A bullet's later sentences go with it; its score is its best sentence's.
    const headOf = (u: number) => {
      let h = u;
      while (h > 0 && chunk.units[h]!.cont) h--;
      return h;
    };
    const partsOf = (h: number) => {
      const out = [h];
      for (let k = h + 1; k < chunk.units.length && chunk.units[k]!.cont; k++) out.push(k);
      return out;
    };
    for (const [u, sc] of [...unitScore]) if (chunk.units[u]!.cont) unitScore.set(headOf(u), Math.max(sc, unitScore.get(headOf(u)) ?? 0));
    const leadScore = chunk.leadIn !== null ? unitScore.get(chunk.leadIn) ?? 0 : 0;
    const listAnswer =
      bullets.length > 0 &&
      (chunk.units[headOf(bestUnit)]!.kind === "bullet" || bestUnit === chunk.leadIn || leadScore >= best.score * 0.8);
    if (chunk.text.length <= 900) {
      // A short passage (a footnote, a two-line paragraph) is clearer whole.
      chunk.units.forEach((_, i) => chosen.add(i));
    } else if (listAnswer) {
      if (chunk.leadIn !== null) chosen.add(chunk.leadIn);
      const relevant = bullets.filter((i) => (unitScore.get(i) ?? 0) >= best.score * 0.75);
      // The main passage gives its whole (short) list; a supporting passage only the bullets that answer.
      // A timescale question wants the bullets that state a timescale, not the whole list around them.
      const timed = opts.timescale && timescales(chunk.units[bestUnit]!.text).length > 0 ? relevant.filter((i) => partsOf(i).some((k) => timescales(chunk.units[k]!.text).length > 0)) : [];
      const keep =
        timed.length > 0
          ? timed.slice(0, 2)
          : picks.length > 0
          ? relevant.slice(0, 2)
          : bullets.length <= 6
            ? bullets
            : relevant.length >= 3
              ? relevant.slice(0, 6)
              : bullets.slice(0, 6);
      if (chunk.units[bestUnit]!.cont && !keep.includes(headOf(bestUnit))) keep.push(headOf(bestUnit));
      for (const i of keep) for (const k of partsOf(i)) chosen.add(k);
    } else {
      for (const [u, sc] of unitScore) {
        if (chunk.units[u]!.kind !== "bullet" && !chunk.units[u]!.cont && sc >= best.score * 0.6 && chosen.size < 3) chosen.add(u);
      }
    }
    const units = [...chosen].sort((a, b) => a - b);
    // For a timescale question the quote should be the sentence that states the timescale.
    const quoted = opts.timescale ? units.find((u) => timescales(chunk.units[u]!.text).length > 0) ?? bestUnit : bestUnit;
    picks.push({ chunk, units, best: quoted, score: best.score });
  }
  return picks;
}

/** The units that show one sentence in context: itself, or for a bullet, its lead-in and the whole bullet. */
export function unitInContext(chunk: Chunk, unit: number): number[] {
  let head = unit;
  while (head > 0 && chunk.units[head]!.cont) head--;
  if (chunk.units[head]!.kind !== "bullet") return [unit];
  const out = chunk.leadIn !== null && chunk.leadIn < head ? [chunk.leadIn, head] : [head];
  for (let k = head + 1; k < chunk.units.length && chunk.units[k]!.cont; k++) out.push(k);
  return out;
}

/**
 * The best-ranked sentence that states a timescale about what the question asks about:
 * it opens with the subject ("The initial child protection conference should take place
 * within…"), or sits under a heading that names it ("The core group should: meet within…").
 * England's rule for the same thing, or nothing (never a rule about something else).
 */
function timescaleSelection(index: HybridIndex, ranked: ScoredUnit[], subjects: string[]): Selection | undefined {
  const facts = unitFacts(index);
  const place = { opening: facts.openings, leaf: facts.leaves, path: facts.paths };
  const about = (s: ScoredUnit, where: keyof typeof place) => subjects.some((x) => place[where][s.ref]!.includes(x));
  const candidates = ranked.slice(0, 30).filter((s) => {
    const ref = index.refs[s.ref]!;
    return timescales(index.chunks[ref.chunk]!.units[ref.unit]!.text).length > 0;
  });
  // A sentence that names the subject itself is surer than one that inherits it from its heading, and that than from a parent heading.
  const s = candidates.find((x) => about(x, "opening")) ?? candidates.find((x) => about(x, "leaf")) ?? candidates.find((x) => about(x, "path"));
  if (!s) return undefined;
  const ref = index.refs[s.ref]!;
  const chunk = index.chunks[ref.chunk]!;
  return { chunk, units: unitInContext(chunk, ref.unit), best: ref.unit, score: s.score };
}

/**
 * A timescale question about a named subject ("when must the ICPC be held?", or one that
 * states a timescale to check: "the ICPC must be within 10 working days") leads with the
 * sentence that states the timescale of that subject, shown in its own context, even when
 * a neighbouring list or another sentence with the question's number ranks higher.
 */
export function leadWithSubject(
  index: HybridIndex,
  ranked: ScoredUnit[],
  question: ExpandedQuestion,
  picks: Selection[],
  freq?: { df: Map<string, number>; n: number },
): Selection[] {
  const top = picks[0];
  if (!top || (question.claims.length === 0 && !question.asksTimescale) || question.subjects.length === 0) return picks;
  const lead = timescaleSelection(index, ranked, question.subjects);
  if (!lead || lead.score < top.score * 0.5) return picks;
  // A subject as broad as "local authority" names who acts, not what the question is about: the sentence must hold the question's other concepts too.
  const said = `${lead.chunk.section.join(" ")} ${lead.units.map((u) => lead.chunk.units[u]!.text).join(" ")}`;
  if (freq && conceptCoverage(question, said, freq) < COVERAGE.minConceptShare) return picks;
  // A paragraph already chosen keeps its other sentences; a list shows only the bullet that answers.
  const same = picks.find((p) => p.chunk.id === lead.chunk.id);
  const bullet = lead.units.length > 1 || lead.chunk.units[lead.best]!.kind === "bullet";
  const first: Selection = same && !bullet ? { ...same, best: lead.best, units: [...new Set([...same.units, lead.best])].sort((a, b) => a - b) } : lead;
  return [first, ...picks.filter((p) => p.chunk.id !== lead.chunk.id)].slice(0, COVERAGE.maxPassages);
}

/**
 * A scorer of the IDF-weighted share of the question's concepts found in a text's stems.
 * Weights are computed once per question: the scorer runs over every unit.
 */
export function conceptScorer(
  question: ExpandedQuestion,
  freq: { df: Map<string, number>; n: number },
): (have: Set<string>) => number {
  if (question.concepts.length === 0) return () => 1;
  const idf = (s: string) => Math.log(1 + freq.n / (1 + (freq.df.get(s) ?? 0)));
  const weighted = question.concepts.map((c) => ({
    alternatives: c.alternatives,
    w: Math.max(...c.alternatives.map((a) => Math.min(...a.map(idf)))),
  }));
  const total = weighted.reduce((a, c) => a + c.w, 0);
  return (have) => {
    let matched = 0;
    for (const c of weighted) {
      // A one-word alternative must be present; a phrase counts when most of its words are.
      if (c.alternatives.some((a) => (a.length === 1 ? have.has(a[0]!) : a.filter((s) => have.has(s)).length * 2 > a.length))) {
        matched += c.w;
      }
    }
    return total > 0 ? matched / total : 1;
  };
}

/** IDF-weighted share of the question's concepts found in the selected evidence. */
export function conceptCoverage(
  question: ExpandedQuestion,
  evidence: string | Set<string>,
  freq: { df: Map<string, number>; n: number },
): number {
  return conceptScorer(question, freq)(typeof evidence === "string" ? new Set(stems(evidence)) : evidence);
}

function citationOf(sel: Selection): Citation {
  return {
    file: sel.chunk.file,
    title: sel.chunk.title,
    section: sel.chunk.section.join(" > "),
    paragraph: sel.chunk.paragraph,
    quote: trimQuote(sel.chunk.units[sel.best]!.text),
  };
}

function where(sel: Selection): string {
  const leaf = sel.chunk.section.slice(-2).join(" > ");
  return sel.chunk.paragraph ? `${leaf}, paragraph ${sel.chunk.paragraph}` : leaf;
}

function passageText(sel: Selection): string {
  const c = sel.chunk;
  const lines: string[] = [];
  const hasBullets = sel.units.some((u) => c.units[u]!.kind === "bullet");
  if (hasBullets && c.leadIn === null) lines.push(`${c.section[c.section.length - 1] ?? ""}:`);
  for (const u of sel.units) {
    const unit = c.units[u]!;
    if (unit.cont && lines.length > 0 && sel.units.includes(u - 1)) lines[lines.length - 1] += ` ${unit.text}`;
    else lines.push(unit.kind === "bullet" ? `- ${unit.text}` : unit.text);
  }
  return lines.join(hasBullets ? "\n" : " ");
}

function docOf(documents: DocumentMeta[], chunk: Chunk): DocumentMeta | undefined {
  return documents.find((d) => d.id === chunk.docId);
}

/**
 * Compose the extractive answer: the selected sentences, each passage introduced by
 * its jurisdiction, document and section, and cited with a verbatim quote. When the
 * evidence does not answer the question it says so and points to where to go.
 */
export function composeAnswer(opts: {
  index: HybridIndex;
  documents: DocumentMeta[];
  question: ExpandedQuestion;
  ranked: ScoredUnit[];
  asked: Jurisdiction | null;
  freq: { df: Map<string, number>; n: number };
  /** Ranking for England, used to add a labelled comparison when Wales is not covered. */
  englandRanked?: ScoredUnit[];
}): Composed {
  const { index, documents, question, asked } = opts;
  const picks = leadWithSubject(index, opts.ranked, question, selectEvidence(index, opts.ranked, { timescale: question.asksTimescale }), opts.freq);
  const inJurisdiction = picks.filter(
    (p, i) =>
      (!asked || p.chunk.jurisdiction === asked || p.chunk.jurisdiction === "both") &&
      // Committee papers are context, not procedure: they support an answer only when the question names them.
      (i === 0 || p.chunk.rank > CONTEXT_RANK || question.namedDocuments.includes(p.chunk.docId)),
  );
  const evidence = inJurisdiction.map((p) => `${p.chunk.section.join(" ")} ${p.chunk.text}`).join(" ");
  const top = inJurisdiction[0];
  const coverage = conceptCoverage(question, evidence, opts.freq);
  const timescaleMissing = question.asksTimescale && !inJurisdiction.some((p) => hasTimeExpression(p.chunk.text));
  const covered =
    !!top &&
    top.score >= COVERAGE.minScore &&
    coverage >= COVERAGE.minConceptShare &&
    !timescaleMissing &&
    question.externalDocument === null &&
    question.otherJurisdiction === null;

  if (!covered || !top) {
    const forWales = asked === "wales";
    const lines = [
      forWales
        ? "The Wales sources I hold do not answer this for Wales, so I cannot give you a Wales rule."
        : "The documents I hold do not cover this question, so I cannot give you a rule for it.",
      WHERE_TO_GO,
    ];
    const citations: Citation[] = [];
    const passages: string[] = [];
    // England's rule is shown, labelled, only for a timescale Wales does not set (never as a Wales rule).
    const england = forWales && question.asksTimescale ? timescaleSelection(index, opts.englandRanked ?? [], question.subjects) : undefined;
    if (england && england.chunk.jurisdiction === "england" && england.chunk.rank >= 3 && england.score >= COVERAGE.minScore) {
      const text = england.chunk.units[england.best]!.text;
      const doc = docOf(documents, england.chunk);
      lines.push(`For comparison only, this is England's guidance, not a Wales rule: ${doc?.shortTitle ?? england.chunk.title} (${where(england)}) says: "${trimQuote(text, 400)}"`);
      citations.push(citationOf(england));
      passages.push(text);
    }
    return { answer: lines.join("\n\n"), jurisdiction: asked ?? null, covered: false, citations, passages };
  }

  const parts: string[] = [];
  const citations: Citation[] = [];
  const passages: string[] = [];
  const jurisdictions = new Set(inJurisdiction.map((p) => p.chunk.jurisdiction));
  inJurisdiction.forEach((p, i) => {
    const doc = docOf(documents, p.chunk);
    const name = doc?.shortTitle ?? p.chunk.title;
    const text = passageText(p);
    const label = jurisdictionLabel(p.chunk.jurisdiction);
    const intro = i === 0 ? `In ${label}, ${name} (${where(p)}) says:` : `${i === 1 ? "It" : "It also"} says (${where(p)}):`;
    const sameDoc = i > 0 && inJurisdiction[0]!.chunk.docId === p.chunk.docId;
    parts.push(sameDoc || i === 0 ? `${intro} ${text}` : `In ${label}, ${name} (${where(p)}) says: ${text}`);
    citations.push(citationOf(p));
    passages.push(text);
  });
  const jurisdiction: AnswerJurisdiction =
    asked ?? (jurisdictions.size === 1 ? ([...jurisdictions][0] as AnswerJurisdiction) : "both");
  return { answer: parts.join("\n\n"), jurisdiction, covered: true, citations, passages };
}
