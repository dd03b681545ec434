/**
 * Where a study pool's answered questions cite the wrong passage (development aid; never run on the
 * check pool or a held-out set): for each, where the passage holding the gold quote ranked, per
 * signal, and how the message was read. `node dist/scripts/diag-pool.js /work/pools/qa-study.jsonl > out.jsonl`
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { loadCases } from "./eval.js";
import { factStated, norm, shownText, sourceHit } from "./eval-score.js";

const path = process.argv[2]!;
if (/check|heldout/.test(path)) throw new Error("study pool only");
const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
const index = kb.index;
const rankOf = (scores: ArrayLike<number>, ids: number[], eligible: (c: number) => boolean) => {
  const best = Math.max(...ids.map((i) => scores[i]!));
  let r = 0;
  for (let c = 0; c < index.chunks.length; c++) if (eligible(c) && scores[c]! > best) r++;
  return r;
};
for (const c of loadCases(path)) {
  if (c.kind === "out_of_scope" || !c.source?.file || !c.source.quote) continue;
  const j = c.jurisdiction === "england" || c.jurisdiction === "wales" ? c.jurisdiction : undefined;
  const a = await kb.analyse(c.question, { jurisdiction: j });
  const r = await kb.compose(a);
  const hit = sourceHit(r, { file: c.source.file, quote: c.source.quote });
  const shown = shownText(r);
  const stated = c.answer_facts.filter((f) => factStated(f, shown)).length;
  const q = norm(c.source.quote);
  const gold = index.chunks.filter((x) => norm(x.text).includes(q) || q.includes(norm(x.text))).map((x) => x.id);
  const goldIds = gold.length ? gold : index.chunks.filter((x) => norm(x.text).includes(q.slice(0, 60))).map((x) => x.id);
  const rank = a.ranked.findIndex((s) => goldIds.includes(s.chunk));
  const eligible = (k: number) => { const ch = index.chunks[k]!; return !a.asked || ch.jurisdiction === a.asked || ch.jurisdiction === "both"; };
  const lexRank = goldIds.length ? rankOf(a.lexical.chunks, goldIds, eligible) : -1;
  const g = goldIds.map((k) => index.chunks[k]!)[0];
  const top = a.ranked[0] ? index.chunks[a.ranked[0].chunk]! : undefined;
  const cited = r.citations.map((x) => `${x.file.slice(0, 12)}|${x.section}`);
  console.log(JSON.stringify({
    id: c.id, style: c.style, chapter: c.chapter, kind: c.kind, j: c.jurisdiction, covered: r.covered, hit, stated, facts: c.answer_facts.length,
    q: c.question, core: a.reading.core, context: a.reading.context, asked: a.asked, fast: a.fast,
    gold: g ? `${g.docId}|${g.jurisdiction}|${g.section.join(" > ")}|${g.paragraph ?? ""}` : `NONE ${c.source.file}|${c.source.section}`,
    goldN: goldIds.length, rank, lexRank,
    goldScore: rank >= 0 ? a.ranked[rank] : null,
    top: top ? `${top.docId}|${top.jurisdiction}|${top.section.join(" > ")}|${top.paragraph ?? ""}` : null, topScore: a.ranked[0] ?? null, cited,
  }));
}
