import { readFileSync } from "node:fs";
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
const ids = process.argv.slice(2);
const kb = await loadKnowledgeBase({ config: parseConfig({ INDEX_DIR: "data/index" }), embeddings: await UseEmbeddings.load() });
for (const l of readFileSync("test/knowledge/canonical-questions.jsonl","utf8").split("\n").filter(Boolean)) {
  const c = JSON.parse(l); if (ids.length && !ids.includes(c.id)) continue;
  const r = await kb.answer(c.question, { jurisdiction: c.jurisdiction });
  console.log(`### ${c.id} ${c.question}\n${r.answer.slice(0, 900)}\n`);
}
