/**
 * `node dist/scripts/eval-dev.js [--every N]`: the quick development loop of the knowledge
 * layer. The public sample (a smoke test), then cross-validation on a sample of the question
 * bank (every Nth question) by style and by whole chapter, and the out-of-scope bank by topic.
 * Never reads a held-out set.
 */
import { parseConfig } from "../core/config.js";
import { fromRoot } from "../core/paths.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { partOf } from "../knowledge/questions/bank.js";
import { lengthLine, reportBank, reportOutOfScope, runBankFold, runOutOfScopeFolds } from "./eval-bank.js";
import { askKnowledgeBase, loadCases, report, runEval } from "./eval.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--every");
  const every = at >= 0 ? Number(args[at + 1]) : 3;
  const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
  const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
  const rows = await runEval(loadCases(fromRoot("test", "eval", "qa.jsonl")), askKnowledgeBase(kb));
  report("Public sample (smoke test)", rows, { verbose: args.includes("--verbose") });
  if (args.includes("--public")) return;
  const index = kb.index;
  const sample = index.bank.map((_, i) => i).filter((i) => i % every === 0);
  const styleRows = [];
  for (const style of ["formal", "shorthand", "case"] as const) {
    styleRows.push(...(await runBankFold(kb, sample.filter((i) => index.bank[i]!.style === style), (k) => index.bank[k]!.style === style)));
  }
  reportBank(`Bank by style (every ${every}th question; its style held out)`, styleRows, "style");
  console.log(lengthLine(styleRows));
  if (!args.includes("--no-chapter")) {
    const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
    const chapterRows = [];
    for (const part of [...new Set(sample.map(partOfItem))]) {
      chapterRows.push(...(await runBankFold(kb, sample.filter((i) => partOfItem(i) === part), (k) => partOfItem(k) === part)));
    }
    reportBank(`Bank by chapter (every ${every}th question; its chapter held out)`, chapterRows, "part");
    reportBank(`Bank by chapter, per style`, chapterRows, "style");
  }
  reportOutOfScope(await runOutOfScopeFolds(kb));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
