/**
 * `node dist/scripts/probe-coverage.js FILE.jsonl [--calibration FILE] [--show]`: the coverage decision
 * alone on a dev set (never a held-out one): covered questions refused and out-of-scope questions
 * answered, by style, under the shipped calibration or another one; `--show` prints each error's id
 * and features (development aid; the answers are not composed).
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { loadCalibration } from "../knowledge/coverage.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { loadCases } from "./eval.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  if (args[0]?.includes("heldout")) throw new Error("held-out sets are run through eval.js only, aggregates only");
  const base = await loadKnowledgeBase({ config: parseConfig({ INDEX_DIR: "data/index" }), embeddings: await UseEmbeddings.load() });
  const cal = opt("--calibration");
  const kb = cal ? base.withCalibration(loadCalibration(cal)) : base;
  const rows: { id: string; style: string; oos: boolean; covered: boolean }[] = [];
  for (const c of loadCases(args[0]!)) {
    const j = c.jurisdiction === "england" || c.jurisdiction === "wales" ? (c.jurisdiction as Jurisdiction) : undefined;
    const a = await kb.analyse(c.question, { jurisdiction: j });
    const oos = c.kind === "out_of_scope";
    rows.push({ id: c.id, style: c.style ?? "-", oos, covered: a.covered });
    if (args.includes("--show") && oos === a.covered) {
      console.log(`${oos ? "OA" : "CR"} ${c.id} ${c.style ?? "-"} p=${a.probability.toFixed(3)} ${JSON.stringify(Object.fromEntries(Object.entries(a.features).map(([k, v]) => [k, +v.toFixed(2)])))}`);
    }
  }
  for (const s of [...new Set(rows.map((r) => r.style))].sort()) {
    const xs = rows.filter((r) => r.style === s);
    console.log(`${s.padEnd(10)} covered refused ${xs.filter((r) => !r.oos && !r.covered).length}/${xs.filter((r) => !r.oos).length}, out of scope answered ${xs.filter((r) => r.oos && r.covered).length}/${xs.filter((r) => r.oos).length}`);
  }
  console.log(`overall    covered refused ${rows.filter((r) => !r.oos && !r.covered).length}/${rows.filter((r) => !r.oos).length}, out of scope answered ${rows.filter((r) => r.oos && r.covered).length}/${rows.filter((r) => r.oos).length}`);
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
