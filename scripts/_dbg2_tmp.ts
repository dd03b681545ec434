import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
const kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
const k = kb as any;
const r = await k.rank(process.argv[2]);
const { fuseScores } = await import("../knowledge/search.js");
const fusionOpts = { concepts: r.concepts, headings: r.headings, subjects: r.expanded.subjects, jurisdiction: "england" };
const ranked = fuseScores(k.index, r.raw, fusionOpts);
for (const s of ranked.slice(0, 6)) { const ref = k.index.refs[s.ref]; const c = k.index.chunks[ref.chunk]; console.log(s.score.toFixed(3), s.lexical.toFixed(2), s.dense.toFixed(2), r.concepts[s.ref].toFixed(2), r.headings?.[s.ref]?.toFixed(2), c.units[ref.unit].text.slice(0, 80)); }
