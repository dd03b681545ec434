import { parseConfig } from "/work/main/core/config.js";
import { UseEmbeddings } from "/work/main/knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "/work/main/knowledge/index.js";
const kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
const j = process.argv[2] as any;
for (const q of process.argv.slice(3)) { const r = await kb.answer(q, { jurisdiction: j === "-" ? undefined : j }); console.log("###", q, "\n", r.answer.slice(0, 1500), "\n", r.citations.map(c=>c.section).join(" | ")); }
