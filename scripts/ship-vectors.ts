/**
 * `npm run vectors`: rewrite the shipped vectors (knowledge/vectors/) from the built index,
 * keeping only the texts of the national corpus and the banks (never an operator's local
 * procedures). Run `safeguard index` first; commit the result with the bank change.
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { writeShippedVectors } from "../knowledge/shipped-vectors.js";
import { nationalTexts, previousVectors, textHash } from "../knowledge/store.js";

const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const embeddings = await UseEmbeddings.load();
const built = previousVectors(config.knowledge.indexDir, embeddings);
const wanted = new Set(nationalTexts().map(textHash));
const missing = [...wanted].filter((h) => !built.has(h));
if (missing.length > 0) {
  console.error(`The built index lacks ${missing.length} of the texts to ship: run \`safeguard index\` first.`);
  process.exit(1);
}
const n = writeShippedVectors(embeddings.id, embeddings.dimensions, new Map([...built].filter(([h]) => wanted.has(h))));
console.log(`Shipped ${n} vectors in knowledge/vectors/.`);
