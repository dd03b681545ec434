import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { expandQuestion } from "../knowledge/expand.js";
const kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
for (const q of process.argv.slice(2)) {
  const e = expandQuestion(q);
  const r = await kb.answer(q);
  console.log(`### ${q}\nsubjects=${e.subjects} intents=${e.intents} ts=${e.asksTimescale}\n${r.answer.slice(0, 700)}\n`);
}
