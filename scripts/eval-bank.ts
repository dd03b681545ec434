/**
 * Cross-validation of the knowledge layer on its own question bank: each question is
 * answered with part of the bank held out (its style, or its whole chapter), and each
 * out-of-scope question with its whole topic held out. Bank questions reuse the vectors
 * the index already holds for them, so a run embeds nothing.
 */
import type { KnowledgeBase, AnalysisOptions } from "../knowledge/knowledge-base.js";
import { partOf } from "../knowledge/questions/bank.js";
import { readerText } from "../knowledge/questions/bank.js";
import { factStated, percentile, shownText } from "./eval-score.js";

export interface BankRow {
  id: string;
  part: string;
  style: string;
  /** The entry's own passage is cited. */
  hit: boolean;
  /** The answer shows the entry's span (more than half its content words). */
  stated: boolean;
  covered: boolean;
  chars: number;
  fast: boolean;
}

export interface OutOfScopeRow {
  id: string;
  topic: string;
  refused: boolean;
}

/**
 * One bank question asked as `text`, with the items `holdOut` selects left out of the bank;
 * `vector` is the question's vector from the index when `text` is the bank's own wording.
 */
async function bankRow(kb: KnowledgeBase, item: number, text: string, style: string, holdOut: (item: number) => boolean, extra: AnalysisOptions, vector?: Float32Array): Promise<BankRow> {
  const index = kb.index;
  const b = index.bank[item]!;
  const chunk = index.chunks[b.chunk]!;
  const opts: AnalysisOptions = { jurisdiction: chunk.jurisdiction === "wales" ? "wales" : "england", excludeBank: holdOut, ...(vector ? { vector } : {}), ...extra };
  const a = await kb.analyse(text, opts);
  const r = await kb.compose(a, opts);
  const shown = shownText(r);
  return {
    id: b.id,
    part: partOf(chunk) ?? "other",
    style,
    hit: r.citations.some((c) => c.passage === chunk.text && c.section === chunk.section.join(" > ")),
    stated: factStated(b.span, shown) || readerText(shown).includes(readerText(b.span)),
    covered: r.covered,
    chars: r.covered ? r.answer.length : 0,
    fast: a.fast,
  };
}

/**
 * Answer bank questions with the items `holdOut` selects left out of the bank: out of the bank
 * match and out of the passages' own word index too (each passage is also found by the words of
 * its bank questions), so a held-out question never meets its own words.
 */
export async function runBankFold(kb: KnowledgeBase, items: number[], holdOut: (item: number) => boolean, extra: AnalysisOptions = {}): Promise<BankRow[]> {
  const fold = kb.withoutBank(holdOut);
  const rows: BankRow[] = [];
  for (const i of items) {
    const b = kb.index.bank[i]!;
    rows.push(await bankRow(fold, i, b.question, b.style, holdOut, extra, kb.index.bankVectors[i]));
  }
  return rows;
}

/** Out-of-scope questions, each with its whole topic left out of the out-of-scope bank. */
export async function runOutOfScopeFolds(kb: KnowledgeBase, extra: AnalysisOptions = {}): Promise<OutOfScopeRow[]> {
  const oos = kb.index.outOfScope;
  const rows: OutOfScopeRow[] = [];
  for (let i = 0; i < oos.length; i++) {
    const topic = oos[i]!.topic;
    const opts: AnalysisOptions = { excludeOutOfScope: (k) => oos[k]!.topic === topic, vector: kb.index.outOfScopeVectors[i], ...extra };
    const a = await kb.analyse(oos[i]!.question, opts);
    rows.push({ id: oos[i]!.id, topic, refused: !a.covered });
  }
  return rows;
}

const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "  - ");

export function reportBank(name: string, rows: BankRow[], by: "style" | "part"): void {
  console.log(`\n== ${name} ==`);
  console.log(`${by.padEnd(28)}    n  passage_hit  span_shown  answered`);
  const groups = [...new Set(rows.map((r) => r[by]))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const line = (label: string, rs: BankRow[]) =>
    console.log(`${label.padEnd(28)} ${String(rs.length).padStart(4)}  ${f2(share(rs.map((r) => r.hit))).padStart(11)}  ${f2(share(rs.map((r) => r.stated))).padStart(10)}  ${f2(share(rs.map((r) => r.covered))).padStart(8)}`);
  for (const g of groups) line(g, rows.filter((r) => r[by] === g));
  line("overall", rows);
}

export function reportOutOfScope(rows: OutOfScopeRow[]): void {
  const missed = [...new Set(rows.filter((r) => !r.refused).map((r) => r.topic))];
  console.log(`\n== Out-of-scope bank, each topic left out in turn ==`);
  console.log(`refused ${f2(share(rows.map((r) => r.refused)))} of ${rows.length}; topics with an answered question: ${missed.join(", ") || "none"}`);
}

export function lengthLine(rows: { chars: number; covered: boolean }[]): string {
  const cs = rows.filter((r) => r.covered).map((r) => r.chars);
  return `answer length before citations: median ${percentile(cs, 50)}, max ${Math.max(0, ...cs)} characters (${cs.filter((c) => c > 1500).length} over 1,500)`;
}

/** Case narratives with no procedure in them: a role, a child's name and age, a date, a place. */
export const CASE_WRAPPERS: ((q: string) => string)[] = [
  (q) => `I'm the DSL at a primary school. Yesterday a Year 4 boy called Jayden told his teacher something worrying about home. ${q}`,
  (q) => `Quick one - I'm the social worker for a 14-year-old girl, Amira, and I saw her on 3 March at her nan's flat in Leeds. ${q}`,
  (q) => `${q} Asking for a family I'm working with: mum is 23 and there are two children aged 2 and 5.`,
  (q) => `Health visitor here, first week in the job. The baby is 7 months old and dad, Kyle, works nights. ${q}`,
];

export interface WrapRow {
  id: string;
  bare: boolean;
  wrapped: boolean;
  samePassage: boolean;
  noJurisdiction: boolean;
}

/**
 * The bank's formal and shorthand questions (each left out of the bank), asked alone, wrapped in
 * case detail, and with no jurisdiction: a question answered alone should stay answered.
 */
export async function runWrapped(kb: KnowledgeBase, every = 3): Promise<WrapRow[]> {
  const index = kb.index;
  const rows: WrapRow[] = [];
  let k = 0;
  for (let i = 0; i < index.bank.length; i += every) {
    const b = index.bank[i]!;
    if (b.style === "case" || index.chunks[b.chunk]!.jurisdiction !== "england") continue;
    // Left out of the bank match only: rebuilding the passages' word index per question takes seconds.
    // Its words still find its passage, alike for the bare and the wrapped question, which are compared.
    const leaveOut = { excludeBank: (x: number) => x === i };
    const bare = await kb.analyse(b.question, { ...leaveOut, jurisdiction: "england" });
    const wrapped = await kb.analyse(CASE_WRAPPERS[k++ % CASE_WRAPPERS.length]!(b.question), { ...leaveOut, jurisdiction: "england" });
    const either = await kb.analyse(b.question, leaveOut);
    rows.push({ id: b.id, bare: bare.covered, wrapped: wrapped.covered, samePassage: wrapped.ranked[0]?.chunk === bare.ranked[0]?.chunk, noJurisdiction: either.covered });
  }
  return rows;
}

export function reportWrapped(rows: WrapRow[]): void {
  const answered = rows.filter((r) => r.bare);
  console.log(`\n== Case detail and jurisdiction: ${rows.length} formal and shorthand bank questions (England), each left out of the bank ==`);
  console.log(
    `answered alone ${f2(share(rows.map((r) => r.bare)))}; of those, still answered when wrapped in case detail ${f2(share(answered.map((r) => r.wrapped)))}, ` +
      `same passage first ${f2(share(answered.map((r) => r.samePassage)))}; answered with no jurisdiction given ${f2(share(answered.map((r) => r.noJurisdiction)))}`,
  );
}

/**
 * Bank questions asked as `text` (another wording of the question, such as a case-wrapped
 * variant), with the items `holdOut` selects left out of the bank (and of the passages' word
 * index, as in `runBankFold`). Nothing is reused from the
 * index: the text is read and embedded as a user's message is.
 */
export async function runTextFold(
  kb: KnowledgeBase,
  items: { item: number; text: string; style: string }[],
  holdOut: (item: number) => boolean,
  extra: AnalysisOptions = {},
): Promise<BankRow[]> {
  const fold = kb.withoutBank(holdOut);
  const rows: BankRow[] = [];
  for (const { item, text, style } of items) rows.push(await bankRow(fold, item, text, style, holdOut, extra));
  return rows;
}
