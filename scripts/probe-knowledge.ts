/** `node dist/scripts/probe-knowledge.js "question" ...`: a question's reading, coverage features and top passages (development aid; prints nothing else). */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";

async function main(): Promise<void> {
  const kb = await loadKnowledgeBase({ config: parseConfig({ INDEX_DIR: "data/index" }), embeddings: await UseEmbeddings.load() });
  for (const q of process.argv.slice(2)) {
    const a = await kb.analyse(q, { jurisdiction: "england" });
    console.log(`\n# ${q}\nfocus: ${kb.focusOf(a.reading)} | core: ${a.reading.core}`);
    console.log(`p=${a.probability.toFixed(3)} covered=${a.covered}`, JSON.stringify(Object.fromEntries(Object.entries(a.features).map(([k, v]) => [k, +v.toFixed(3)]))));
    console.log(`  subject: ${a.ask.subject.map((c) => c.word).join(" ")}`);
    for (const r of a.ranked.slice(0, 4)) {
      const c = kb.index.chunks[r.chunk]!;
      console.log(`  ${r.score.toFixed(3)} [${c.section.slice(-1)[0]} ${c.paragraph ?? ""}] bd=${r.bankDense.toFixed(2)} sd=${r.sentenceDense.toFixed(2)} cl=${r.chunkLexical.toFixed(2)} ${c.text.slice(0, 90)}`);
    }
    const ans = await kb.compose(a);
    console.log(ans.answer.slice(0, 300).replace(/\n/g, " / "));
  }
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
