import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
const kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
const [q, j] = process.argv.slice(2);
for (const d of await kb.passages(q!, { k: 6, jurisdiction: (j as "wales") || undefined })) console.log(d.metadata.score.toFixed(3), d.metadata.section, "|", d.pageContent.slice(0, 150).replace(/\n/g, " "));
