/**
 * Where the bank's case questions lose (development aid, bank data only): each case question, with
 * every case question held out of the bank, is read and ranked live; the rank of its own passage is
 * grouped by how it was read (the ask resolved with a story term or not, the encoder reading the ask
 * or the whole message, the ask's length). `npx tsx scripts/eval-case-diag.ts [--every N] [--show K]`
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const every = Number(opt("--every") ?? 2) || 2;
const show = Number(opt("--show") ?? 0);
const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
const index = kb.index;
const holdOut = (k: number) => index.bank[k]!.style === "case";
const fold = kb.withoutBank(holdOut);
const groups = new Map<string, number[]>();
const add = (g: string, rank: number) => groups.set(g, [...(groups.get(g) ?? []), rank]);
let shown = 0;
for (let i = 0; i < index.bank.length; i += every) {
  const b = index.bank[i]!;
  if (b.style !== "case") continue;
  const chunk = index.chunks[b.chunk]!;
  const a = await fold.analyse(b.question, { jurisdiction: chunk.jurisdiction === "wales" ? "wales" : "england", excludeBank: holdOut });
  const rank = a.ranked.findIndex((c) => c.chunk === b.chunk);
  const r = a.reading;
  const focus = a.focus.text === a.whole.text ? "focus:whole" : "focus:ask";
  const coreWords = r.core.split(/\s+/).length;
  add("all", rank);
  add(r.context ? "has story" : "no story", rank);
  add(focus, rank);
  add(coreWords <= 8 ? "ask<=8 words" : coreWords <= 15 ? "ask 9-15" : "ask>15", rank);
  add(/\b(?:it|that|this|they|them|he|she|him|her|these|those)\b/i.test(r.core) ? "ask has pronoun" : "ask no pronoun", rank);
  if (rank !== 0 && shown < show) {
    shown++;
    const top = index.chunks[a.ranked[0]!.chunk]!;
    console.log(`Q: ${b.question}\n  core: ${r.core}\n  rank ${rank}; want ${chunk.section.at(-1)} [${chunk.paragraph ?? ""}] got ${top.section.at(-1)} [${top.paragraph ?? ""}]`);
  }
}
for (const [g, ranks] of groups) {
  const n = ranks.length;
  const first = ranks.filter((x) => x === 0).length / n;
  const top5 = ranks.filter((x) => x >= 0 && x < 5).length / n;
  console.log(`${g.padEnd(18)} n=${String(n).padStart(4)} first ${first.toFixed(3)} top5 ${top5.toFixed(3)}`);
}
