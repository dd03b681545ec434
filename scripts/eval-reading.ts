/**
 * How the bank's case questions are read: the asking part, the story around it, and the procedure
 * term an ask that names none is read with, for every Nth case question. Prints text (bank data
 * only, never a held-out line). `node dist/scripts/eval-reading.js [--every N] [--style case]`
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const every = Number(opt("--every") ?? 10) || 10;
const style = opt("--style") ?? "case";
const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
let k = 0;
for (const b of kb.index.bank) {
  if (b.style !== style || k++ % every !== 0) continue;
  const r = kb.read(b.question);
  console.log(`Q: ${b.question}\n   core: ${r.core}\n   focus: ${kb.focusOf(r) === r.text ? "(whole)" : "core"}   terms: ${r.terms.join(", ")}\n`);
}
