import type { Config } from "../core/config.js";
import { createBulkEmbeddings } from "../knowledge/embeddings/index.js";
import { buildIndex } from "../knowledge/index.js";
import { createTriage } from "../escalation/index.js";
import type { CliIO } from "./main.js";

/**
 * `safeguard index`: build the retrieval index (corpus, question banks and the operator's
 * local procedures) and the triage exemplar cache, so start-up only loads files. Prints
 * the question bank's coverage: paragraphs and sections with questions / in scope.
 */
export async function runIndex(config: Config, io: CliIO, asJson: boolean): Promise<number> {
  // Every core embeds: the build is mostly the encoder's work.
  const { embeddings, close } = await createBulkEmbeddings(config);
  let stats;
  try {
    stats = await buildIndex({
      config,
      embeddings,
      onProgress: (msg) => {
        if (!asJson) io.stderr(`${msg}\n`);
      },
    });
    // Building the triage cache now keeps the first message after start-up fast.
    await createTriage({ embeddings, cacheDir: config.knowledge.indexDir });
  } finally {
    await close();
  }
  const { coverage, bankProblems, ...counts } = stats;
  if (asJson) {
    io.stdout(JSON.stringify({ indexDir: config.knowledge.indexDir, ...counts, coverage: { covered: coverage.covered, inScope: coverage.inScope, parts: coverage.parts }, bankProblems }) + "\n");
    return 0;
  }
  const lines = [
    `Index built in ${config.knowledge.indexDir}: ${counts.chunks} passages, ${counts.sentences} sentences, ${counts.bankQuestions} bank questions, ${counts.outOfScopeQuestions} out-of-scope questions (${counts.ms} ms).`,
    `Question bank coverage: ${coverage.covered}/${coverage.inScope} paragraphs and sections in scope have questions.`,
    ...coverage.parts.map((p) => `  ${p.part}: ${p.covered}/${p.inScope}`),
  ];
  if (bankProblems.length) lines.push(`${bankProblems.length} bank questions could not be placed in the corpus (first: ${bankProblems[0]!.id}: ${bankProblems[0]!.problem}).`);
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
