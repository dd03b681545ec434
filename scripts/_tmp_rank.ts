import { parseConfig } from "/work/main/core/config.js";
import { UseEmbeddings } from "/work/main/knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "/work/main/knowledge/index.js";
const kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
for (const d of await kb.passages(process.argv[2]!, { k: 8, jurisdiction: "england" })) console.log(d.metadata.score.toFixed(3), d.metadata.section.slice(-90), "|", d.pageContent.slice(0,80));
