/**
 * Where the right passage ranks for bank questions held out by whole chapter or by style, and
 * which evidence ranks it well or badly: the fused ranking's hit at 1, 3 and 10, and the rank each
 * signal alone gives it (the passages' words, the sentences' words, the sentences' meaning, the
 * bank's meaning and its vote). Bank questions reuse the index's vectors (nothing is embedded)
 * unless `--live`; `--bank-blind` ranks every passage without bank evidence (the sound comparison when
 * whole chapters are held out). `node dist/scripts/eval-rank.js [--by chapter|style] [--parts wt-ch2,wt-ch5] [--every N] [--live] [--bank-blind]`
 */
import type { Jurisdiction } from "../core/jurisdiction.js";
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { partOf } from "../knowledge/questions/bank.js";
import { asksForTime } from "../knowledge/knowledge-base.js";
import { hasTimeExpression } from "../knowledge/quote.js";
import { denseEvidence, fuseChunks, lexicalEvidence, mergeRankings, type DenseEvidence, type FusionWeights, type LexicalEvidence } from "../knowledge/search.js";
import { encoderText } from "../knowledge/store.js";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const by = opt("--by") ?? "chapter";
const every = Number(opt("--every") ?? 1) || 1;
const parts = opt("--parts")?.split(",");
const live = args.includes("--live");
const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const encoder = await UseEmbeddings.load();
const loaded = await loadKnowledgeBase({ config, embeddings: encoder });
/**
 * `--bank-blind`: every passage ranked without bank evidence (its dense and lexical match and its vote).
 * Held out by chapter, the held-out chapter's passages are the only ones the bank says nothing for, so a
 * ranking that weighs the bank favours every other chapter's passages; blind to it, all are ranked alike.
 */
const bankBlind = args.includes("--bank-blind");
const kb = bankBlind ? loaded.withCalibration({ ...loaded.calibration, fusion: { ...loaded.calibration.fusion, bankDense: 0, bankLexical: 0, bankVote: 0 } }) : loaded;
/** Other fusion weights to compare (`--weights '[{"sentenceLexical":0.5}, …]'`, each over the calibrated ones). */
/** `whole`: the whole message's share in the merged ranking; `leaning`: its share when the ask leans on its story. */
type Variant = Partial<FusionWeights> & { whole?: number; leaning?: number };
const variants: Variant[] = [{}, ...(JSON.parse(opt("--weights") ?? "[]") as Variant[])];
const timedChunks = Uint8Array.from(kb.index.chunks, (c) => (hasTimeExpression(c.text) ? 1 : 0));
const index = kb.index;
const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
const items = index.bank.map((_, i) => i).filter((i) => i % every === 0 && (!parts || parts.includes(partOfItem(i))));
const groupOf = (i: number) => (by === "style" ? index.bank[i]!.style : partOfItem(i));
const zero: FusionWeights = { ...kb.calibration.fusion, bankDense: 0, sentenceDense: 0, chunkLexical: 0, bankLexical: 0, sentenceLexical: 0, bankVote: 0 };
const signals: [string, Partial<FusionWeights>][] = [
  ["chunkLex", { chunkLexical: 1 }],
  ["sentLex", { sentenceLexical: 1 }],
  ["sentDense", { sentenceDense: 1 }],
  ["bankDense", { bankDense: 1 }],
  ["bankVote", { bankVote: 1 }],
];
interface Row { part: string; style: string; rank: number; alone: number[]; samePart: boolean; covered: boolean; variant: number[] }
const rows: Row[] = [];
const t0 = Date.now();
for (const g of [...new Set(items.map(groupOf))]) {
  const holdOut = (k: number) => groupOf(k) === g;
  const fold = kb.withoutBank(holdOut);
  for (const i of items.filter((k) => groupOf(k) === g)) {
    const b = index.bank[i]!;
    const chunk = index.chunks[b.chunk]!;
    const jurisdiction: Jurisdiction = chunk.jurisdiction === "wales" ? "wales" : "england";
    const a = await fold.analyse(b.question, { jurisdiction, excludeBank: holdOut, dense: true, ...(live ? {} : { vector: index.bankVectors[i] }) });
    const rankOf = (ranked: { chunk: number }[]) => {
      const r = ranked.findIndex((x) => x.chunk === b.chunk);
      return r < 0 ? 999 : r + 1;
    };
    const alone = signals.map(([, w]) => rankOf(fuseChunks(index, a.lexical, a.dense, { ...zero, ...w }, { jurisdiction, exclude: holdOut })));
    // The whole message's evidence, merged as `analyse` merges it for a message with a story.
    let whole: { lexical: LexicalEvidence; dense: DenseEvidence; leaning: boolean } | null = null;
    if (a.reading.context) {
      const focusText = fold.focusOf(a.reading);
      whole = {
        leaning: focusText === a.reading.text,
        lexical: lexicalEvidence(fold.index, { core: a.whole.text, context: "" }),
        dense: focusText === a.reading.text ? a.dense! : denseEvidence(index, (await encoder.embed([encoderText(a.reading.text)]))[0]!),
      };
    }
    const scope = { jurisdiction, exclude: holdOut, namedDocuments: a.whole.namedDocuments, timed: asksForTime(a.reading.core) ? timedChunks : null };
    const variant = variants.map((v) => {
      const { whole: share = 0.3, leaning = share, ...fusion } = v;
      const w = { ...kb.calibration.fusion, ...fusion };
      let ranked = fuseChunks(index, a.lexical, a.dense, w, scope);
      if (whole) ranked = mergeRankings(ranked, fuseChunks(index, whole.lexical, whole.dense, w, scope), whole.leaning ? leaning : share);
      return rankOf(ranked);
    });
    rows.push({ part: partOfItem(i), style: b.style, rank: rankOf(a.ranked), alone, samePart: partOf(index.chunks[a.ranked[0]!.chunk]!) === partOfItem(i), covered: a.covered, variant });
  }
}
const f = (x: number) => x.toFixed(2);
const line = (label: string, rs: Row[]) => {
  const at = (k: number, r = (x: Row) => x.rank) => f(rs.filter((x) => r(x) <= k).length / rs.length);
  const mrr = (r: (x: Row) => number) => f(rs.reduce((s, x) => s + 1 / r(x), 0) / rs.length);
  console.log(
    `${label.padEnd(28)} ${String(rs.length).padStart(4)}  ${at(1)} ${at(3)} ${at(10)}  mrr ${mrr((x) => x.rank)}  top in part ${f(rs.filter((x) => x.samePart).length / rs.length)}  answered ${f(rs.filter((x) => x.covered).length / rs.length)}  |  ` +
      signals.map(([n], k) => `${n} ${mrr((x) => x.alone[k]!)}`).join("  "),
  );
};
console.log(`held out by ${by}${live ? " (embedded live)" : ""}${bankBlind ? " (every passage ranked without bank evidence)" : ""}: n  hit@1 @3 @10  mrr  |  mrr of each signal alone`);
for (const g of [...new Set(rows.map((r) => r.part))].sort()) line(g, rows.filter((r) => r.part === g));
for (const s of ["formal", "shorthand", "case"]) line(`(${s})`, rows.filter((r) => r.style === s));
line("overall", rows);
if (variants.length > 1) {
  console.log("\nfusion variants (hit@1 / mrr), by style of question and overall:");
  const fig = (rs: Row[], k: number) => `${f(rs.filter((x) => x.variant[k]! === 1).length / rs.length)}/${f(rs.reduce((s, x) => s + 1 / x.variant[k]!, 0) / rs.length)}`;
  variants.forEach((v, k) =>
    console.log(`${JSON.stringify(v).padEnd(60)} ${["formal", "shorthand", "case"].map((s) => `${s} ${fig(rows.filter((r) => r.style === s), k)}`).join("  ")}  overall ${fig(rows, k)}`),
  );
}
console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
