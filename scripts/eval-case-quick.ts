/**
 * Quick figures for case-wrapped retrieval while developing: the bank's case questions read and
 * embedded live, cross-validated by style (all case questions out) and by chapter, and a sample of
 * formal and shorthand questions by style (every third of those picked): a few minutes where the
 * whole bank evaluation takes many. Prints passage hit, answered and span shown; `--oos` adds the
 * out-of-scope bank (each topic held out) as written and wrapped in a generated story (scripts/case-wrap.ts).
 * `npx tsx scripts/eval-case-quick.ts [--every N] [--case-only] [--oos]`.
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { partOf } from "../knowledge/questions/bank.js";
import { runTextFold, type BankRow } from "./eval-bank.js";

const args = process.argv.slice(2);
const every = Number(args[args.indexOf("--every") + 1] ?? 1) || 1;
const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
const index = kb.index;
const all = index.bank.map((_, i) => i);
const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
const pick = (style: string) => all.filter((i) => index.bank[i]!.style === style && i % every === 0);
const hit = (rs: BankRow[]) => (rs.filter((r) => r.hit).length / rs.length).toFixed(3);
const ans = (rs: BankRow[]) => `${(rs.filter((r) => r.covered).length / rs.length).toFixed(3)} span ${(rs.filter((r) => r.stated).length / rs.length).toFixed(3)}`;
const t0 = Date.now();
const caseItems = pick("case");
const byStyle = await runTextFold(kb, caseItems.map((i) => ({ item: i, text: index.bank[i]!.question, style: "case" })), (k) => index.bank[k]!.style === "case");
console.log(`case by style      n=${byStyle.length} hit ${hit(byStyle)} answered ${ans(byStyle)}`);
const byChapter: BankRow[] = [];
for (const part of [...new Set(caseItems.map(partOfItem))]) {
  const items = caseItems.filter((i) => partOfItem(i) === part).map((i) => ({ item: i, text: index.bank[i]!.question, style: "case" }));
  byChapter.push(...(await runTextFold(kb, items, (k) => partOfItem(k) === part)));
}
console.log(`case by chapter    n=${byChapter.length} hit ${hit(byChapter)} answered ${ans(byChapter)}`);
if (!args.includes("--case-only")) {
  for (const style of ["formal", "shorthand"]) {
    const items = pick(style).filter((_, k) => k % 3 === 0);
    const rs = await runTextFold(kb, items.map((i) => ({ item: i, text: index.bank[i]!.question, style })), (k) => index.bank[k]!.style === style);
    console.log(`${style.padEnd(9)} by style  n=${rs.length} hit ${hit(rs)} answered ${ans(rs)}`);
  }
}
if (args.includes("--oos")) {
  const { runOutOfScopeFolds } = await import("./eval-bank.js");
  const rs = await runOutOfScopeFolds(kb);
  const { wrapAll } = await import("./case-wrap.js");
  const oos = index.outOfScope;
  const wrapped = wrapAll(oos.map((o) => o.question), 10);
  let refused = 0;
  for (let i = 0; i < oos.length; i++) {
    const a = await kb.analyse(wrapped[i]!, { excludeOutOfScope: (k: number) => oos[k]!.topic === oos[i]!.topic });
    if (!a.covered) refused++;
  }
  console.log(`out-of-scope refused ${(rs.filter((r) => r.refused).length / rs.length).toFixed(3)} of ${rs.length}; case-wrapped ${(refused / oos.length).toFixed(3)}`);
}
console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
