import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { fromRoot } from "../../core/paths.js";
import { UseEmbeddings } from "../../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase, type KnowledgeBase } from "../../knowledge/index.js";
import { factStated, shownText, sourceHit } from "../../scripts/eval-score.js";

interface CanonicalCase {
  id: string;
  question: string;
  jurisdiction: "england" | "wales";
  answer_facts: string[];
  source: { file: string; quote: string; section: string };
}

// The everyday questions of the product brief: each must be answered from its rule, not a neighbouring list.
const cases = readFileSync(fromRoot("test", "knowledge", "canonical-questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as CanonicalCase);

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKnowledgeBase({ config: parseConfig({}), embeddings: await UseEmbeddings.load() });
});

/** Whether the question is answered with its gold rule, cited from its document. */
async function goldRule(c: CanonicalCase): Promise<boolean> {
  const r = await kb.answer(c.question, { jurisdiction: c.jurisdiction });
  return r.covered && factStated(c.source.quote, shownText(r)) && sourceHit(r, c.source);
}

describe("canonical practitioner questions against the real index", () => {
  // A floor, not a snapshot: the set was tuned on in issue 3 and the figure is printed by npm run eval.
  it("most everyday questions are answered with their gold rule, cited from its document", async () => {
    let right = 0;
    for (const c of cases) if (await goldRule(c)) right++;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.6);
  }, 120_000);
});
