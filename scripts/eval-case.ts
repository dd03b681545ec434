/**
 * `node dist/scripts/eval-case.js [--every N] [--seed S] [--whole-share 0,0.3,0.5]`: the knowledge
 * layer on case-wrapped questions, without any held-out set. Every Nth bank question is asked as
 * written (formal, shorthand and the bank's own case questions) and, for formal and shorthand ones,
 * wrapped in a story generated from a grammar of story parts (scripts/case-wrap.ts).
 * Cross-validated by chapter: each chapter's questions are answered with all of that chapter's bank
 * questions left out. Out-of-scope questions, plain and wrapped, are answered with their topic left
 * out, so a wrapping that drags them into coverage shows. Everything is read and embedded live.
 *
 * Given several shares of the whole message's ranking (`--whole-share`), each is run, and the share
 * is also chosen the honest way: for each chapter, the share that does best on the other chapters'
 * case and wrapped questions, with that chapter scored under it.
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase, type KnowledgeBase } from "../knowledge/index.js";
import { WHOLE_SHARE } from "../knowledge/knowledge-base.js";
import { partOf } from "../knowledge/questions/bank.js";
import { wrapAll } from "./case-wrap.js";
import { reportBank, runTextFold, type BankRow } from "./eval-bank.js";

async function run(kb: KnowledgeBase, every: number, seed: number, wholeShare: number): Promise<{ rows: BankRow[]; refused: [number, number, number] }> {
  const index = kb.index;
  const picked = index.bank.map((_, i) => i).filter((i) => i % every === 0);
  const wrapped = wrapAll(picked.map((i) => index.bank[i]!.question), seed);
  const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
  const rows: BankRow[] = [];
  for (const part of [...new Set(picked.map(partOfItem))]) {
    const items = picked.flatMap((i, k) => {
      if (partOfItem(i) !== part) return [];
      const b = index.bank[i]!;
      const asWritten = { item: i, text: b.question, style: b.style };
      return b.style === "case" ? [asWritten] : [asWritten, { item: i, text: wrapped[k]!, style: `wrapped-${b.style}` }];
    });
    rows.push(...(await runTextFold(kb, items, (k) => partOfItem(k) === part, { wholeShare })));
  }
  const oos = index.outOfScope;
  const oosWrapped = wrapAll(oos.map((o) => o.question), seed + 1);
  let plain = 0;
  let wrappedRefused = 0;
  for (let i = 0; i < oos.length; i++) {
    const opts = { excludeOutOfScope: (k: number) => oos[k]!.topic === oos[i]!.topic, wholeShare };
    if (!(await kb.analyse(oos[i]!.question, opts)).covered) plain++;
    if (!(await kb.analyse(oosWrapped[i]!, opts)).covered) wrappedRefused++;
  }
  return { rows, refused: [plain, wrappedRefused, oos.length] };
}

/** The share of passage hits among a chapter's case and wrapped questions. */
const caseHit = (rows: BankRow[]) => {
  const xs = rows.filter((r) => r.style === "case" || r.style.startsWith("wrapped"));
  return xs.length ? xs.filter((r) => r.hit).length / xs.length : 0;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const every = Number(flag("--every") ?? 2);
  const seed = Number(flag("--seed") ?? 9);
  const shares = (flag("--whole-share") ?? String(WHOLE_SHARE)).split(",").map(Number);
  const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
  const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
  const runs: { share: number; rows: BankRow[] }[] = [];
  for (const share of shares) {
    const { rows, refused } = await run(kb, every, seed, share);
    runs.push({ share, rows });
    reportBank(`Whole-message share ${share}: bank questions (every ${every}th), as written and case-wrapped (seed ${seed}); each chapter's questions left out of the bank`, rows, "style");
    reportBank(`Whole-message share ${share}: case-wrapped variants by chapter`, rows.filter((r) => r.style.startsWith("wrapped")), "part");
    const [plain, wrapped, n] = refused;
    console.log(`out-of-scope bank (${n}, each topic left out): refused as written ${(plain / n).toFixed(2)}, refused when case-wrapped ${(wrapped / n).toFixed(2)}`);
  }
  if (runs.length > 1) {
    // Nested: each chapter scored under the share the other chapters chose.
    const parts = [...new Set(runs[0]!.rows.map((r) => r.part))];
    const chosen: BankRow[] = [];
    for (const part of parts) {
      const best = runs.reduce((b, r) => (caseHit(r.rows.filter((x) => x.part !== part)) > caseHit(b.rows.filter((x) => x.part !== part)) ? r : b));
      console.log(`  ${part}: share ${best.share} chosen on the other chapters`);
      chosen.push(...best.rows.filter((r) => r.part === part));
    }
    reportBank("Share chosen with each chapter held out (nested cross-validation)", chosen, "style");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
