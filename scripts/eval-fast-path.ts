/**
 * What the encoder-free fast path (knowledge-base.ts `fastPathHolds`) would cost, measured on
 * the question bank's cross-validation, printed, never asserted:
 *
 *   node dist/scripts/eval-fast-path.js
 *
 * Every bank question is answered twice in each fold (its style held out, then its chapter held
 * out, with `kb.withoutBank` as eval.js does): once the full way (the question's vector from the
 * index, dense and lexical) and once from the lexical and bank matches alone. Out-of-scope
 * questions are read the lexical way with their topic left out. A threshold set then sends
 * each question one way or the other, so its cost is exact: the passage hit and the span shown
 * over all questions against the full way's, the share answered without the encoder, and the
 * out-of-scope questions it would answer (the full way refuses them). Thresholds are chosen on
 * the style folds and reported on the chapter folds, which did not choose them. No held-out set is read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase, type KnowledgeBase } from "../knowledge/index.js";
import type { AnalysisOptions } from "../knowledge/knowledge-base.js";
import type { Calibration } from "../knowledge/coverage.js";
import { partOf, readerText } from "../knowledge/questions/bank.js";
import { factStated, shownText } from "./eval-score.js";

interface Row {
  /** Lexical-only features (what `fastPathHolds` reads). */
  concepts: number;
  bankLexical: number;
  margin: number;
  lexicalOutOfScope: number;
  full: { hit: boolean; stated: boolean };
  fast: { hit: boolean; stated: boolean };
}

type FastPath = Calibration["fastPath"];

const ALWAYS: FastPath = { enabled: true, minConcepts: -1, minBankLexical: -1, minMargin: -1e9, maxLexicalOutOfScope: 2 };

async function foldRows(kb: KnowledgeBase, items: number[], holdOut: (item: number) => boolean): Promise<Row[]> {
  const fold = kb.withoutBank(holdOut);
  const lexical = fold.withCalibration({ ...fold.calibration, fastPath: ALWAYS });
  const rows: Row[] = [];
  for (const i of items) {
    const b = kb.index.bank[i]!;
    const chunk = kb.index.chunks[b.chunk]!;
    const opts: AnalysisOptions = { jurisdiction: chunk.jurisdiction === "wales" ? "wales" : "england", excludeBank: holdOut };
    const judge = async (k: KnowledgeBase, o: AnalysisOptions) => {
      const a = await k.analyse(b.question, o);
      const r = await k.compose(a, o);
      const shown = shownText(r);
      return {
        a,
        hit: r.citations.some((c) => c.passage === chunk.text && c.section === chunk.section.join(" > ")),
        stated: factStated(b.span, shown) || readerText(shown).includes(readerText(b.span)),
      };
    };
    const full = await judge(fold, { ...opts, vector: kb.index.bankVectors[i]!, dense: true });
    const fast = await judge(lexical, opts);
    const [x, y] = fast.a.ranked;
    rows.push({
      concepts: fast.a.features.concepts,
      bankLexical: x?.bankLexical ?? 0,
      margin: (x?.score ?? 0) - (y?.score ?? 0),
      lexicalOutOfScope: fast.a.features.lexicalOutOfScope,
      full: { hit: full.hit, stated: full.stated },
      // The lexical way answers only when it ranked something; otherwise it would have gone dense.
      fast: fast.a.fast ? { hit: fast.hit, stated: fast.stated } : { hit: full.hit, stated: full.stated },
    });
  }
  return rows;
}

const takes = (p: FastPath, r: Pick<Row, "concepts" | "bankLexical" | "margin" | "lexicalOutOfScope">) =>
  r.concepts >= p.minConcepts && r.bankLexical >= p.minBankLexical && r.margin >= p.minMargin && r.lexicalOutOfScope <= p.maxLexicalOutOfScope;

function score(p: FastPath, rows: Row[]) {
  let taken = 0;
  let hitFull = 0;
  let hitWith = 0;
  let statedFull = 0;
  let statedWith = 0;
  for (const r of rows) {
    const t = takes(p, r);
    if (t) taken++;
    const got = t ? r.fast : r.full;
    hitFull += +r.full.hit;
    statedFull += +r.full.stated;
    hitWith += +got.hit;
    statedWith += +got.stated;
  }
  const n = rows.length;
  return { n, share: taken / n, hitFull: hitFull / n, hitWith: hitWith / n, statedFull: statedFull / n, statedWith: statedWith / n, hitLost: hitFull - hitWith, statedLost: statedFull - statedWith };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
  const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
  const index = kb.index;
  const all = index.bank.map((_, i) => i);
  const t0 = performance.now();
  const byStyle: Row[] = [];
  for (const style of ["formal", "shorthand", "case"]) {
    byStyle.push(...(await foldRows(kb, all.filter((i) => index.bank[i]!.style === style), (k) => index.bank[k]!.style === style)));
  }
  const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
  const byChapter: Row[] = [];
  for (const part of [...new Set(all.map(partOfItem))]) {
    byChapter.push(...(await foldRows(kb, all.filter((i) => partOfItem(i) === part), (k) => partOfItem(k) === part)));
  }
  // Out-of-scope questions, topic left out, read the lexical way: any the fast path takes is answered where the full way refuses.
  const oos = index.outOfScope;
  const lexicalKb = kb.withCalibration({ ...kb.calibration, fastPath: ALWAYS });
  const oosRows: Pick<Row, "concepts" | "bankLexical" | "margin" | "lexicalOutOfScope">[] = [];
  for (let i = 0; i < oos.length; i++) {
    const topic = oos[i]!.topic;
    const a = await lexicalKb.analyse(oos[i]!.question, { excludeOutOfScope: (k) => oos[k]!.topic === topic, jurisdiction: "england" });
    const [x, y] = a.ranked;
    oosRows.push({ concepts: a.features.concepts, bankLexical: x?.bankLexical ?? 0, margin: (x?.score ?? 0) - (y?.score ?? 0), lexicalOutOfScope: a.features.lexicalOutOfScope });
  }
  console.log(`${byStyle.length} bank questions per split, ${oos.length} out-of-scope; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  // The rows (features and outcomes, no question text) for a second look without re-running.
  const dump = process.env["FAST_PATH_ROWS"];
  if (dump) writeFileSync(dump, JSON.stringify({ byStyle, byChapter, oosRows }));
  analyse(byStyle, byChapter, oosRows, kb.calibration.fastPath);
}

/** Print what each choice of thresholds costs (see the file's comment). */
export function analyse(byStyle: Row[], byChapter: Row[], oosRows: Pick<Row, "concepts" | "bankLexical" | "margin" | "lexicalOutOfScope">[], current: FastPath): void {

  const lexicalAlone = (rows: Row[]) => ({ hit: rows.filter((r) => r.fast.hit).length / rows.length, stated: rows.filter((r) => r.fast.stated).length / rows.length });
  for (const [name, rows] of [["by style", byStyle], ["by chapter", byChapter]] as const) {
    const full = score({ ...ALWAYS, minConcepts: 9 }, rows);
    const lex = lexicalAlone(rows);
    console.log(`${name}: full way passage hit ${f3(full.hitFull)}, span shown ${f3(full.statedFull)}; lexical way on every question ${f3(lex.hit)}, ${f3(lex.stated)}`);
  }

  // The grid: the loosest thresholds (most questions taken) that lose nothing on the style folds and take no out-of-scope question.
  const grid: FastPath[] = [];
  for (const minConcepts of [0.6, 0.7, 0.8, 0.9, 1])
    for (const minBankLexical of [0.5, 0.7, 0.8, 0.9, 1])
      for (const minMargin of [0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3])
        for (const maxLexicalOutOfScope of [0.1, 0.2, 0.3, 0.4, 0.5]) grid.push({ enabled: true, minConcepts, minBankLexical, minMargin, maxLexicalOutOfScope });
  const safe = grid
    .map((p) => ({ p, s: score(p, byStyle), oos: oosRows.filter((r) => takes(p, r)).length }))
    .filter((g) => g.oos === 0 && g.s.hitLost <= 0 && g.s.statedLost <= 0)
    .sort((a, b) => b.s.share - a.s.share);
  const report = (label: string, p: FastPath) => {
    const s = score(p, byStyle);
    const c = score(p, byChapter);
    const o = oosRows.filter((r) => takes(p, r)).length;
    console.log(`${label} ${JSON.stringify({ ...p, enabled: undefined })}`);
    console.log(`  by style:   taken ${pct(s.share)}; passage hit ${f3(s.hitFull)} -> ${f3(s.hitWith)} (${s.hitLost >= 0 ? "-" : "+"}${Math.abs(s.hitLost)}), span shown ${f3(s.statedFull)} -> ${f3(s.statedWith)} (${s.statedLost >= 0 ? "-" : "+"}${Math.abs(s.statedLost)})`);
    console.log(`  by chapter: taken ${pct(c.share)}; passage hit ${f3(c.hitFull)} -> ${f3(c.hitWith)} (${c.hitLost >= 0 ? "-" : "+"}${Math.abs(c.hitLost)}), span shown ${f3(c.statedFull)} -> ${f3(c.statedWith)} (${c.statedLost >= 0 ? "-" : "+"}${Math.abs(c.statedLost)})`);
    console.log(`  out-of-scope answered without the encoder: ${o} of ${oosRows.length}`);
  };
  report("calibration.json's thresholds (enabled would be):", current);
  if (safe[0]) report("loosest thresholds losing nothing by style, no out-of-scope taken (chosen on style, reported on chapter):", safe[0].p);
  else console.log("no thresholds in the grid lose nothing by style with no out-of-scope question taken");
  // The cost curve: the most questions taken for each number of out-of-scope questions answered, losing nothing by style.
  const scored = grid.map((p) => ({ p, s: score(p, byStyle), oos: oosRows.filter((r) => takes(p, r)).length }));
  console.log(`fewest out-of-scope questions any grid point answers: ${Math.min(...scored.map((g) => g.oos))}`);
  for (const allowed of [1, 2, 3, 5, 10]) {
    const g = scored.filter((x) => x.oos <= allowed && x.s.hitLost <= 0 && x.s.statedLost <= 0).sort((a, b) => b.s.share - a.s.share)[0];
    if (g) report(`loosest losing nothing by style, answering at most ${allowed} of the out-of-scope questions:`, g.p);
  }
}

const saved = process.argv.indexOf("--rows");
const run = saved > 0
  ? async () => {
      const { byStyle, byChapter, oosRows } = JSON.parse(readFileSync(process.argv[saved + 1]!, "utf8")) as { byStyle: Row[]; byChapter: Row[]; oosRows: Row[] };
      const { loadCalibration } = await import("../knowledge/coverage.js");
      analyse(byStyle, byChapter, oosRows, loadCalibration().fastPath);
    }
  : main;
run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
