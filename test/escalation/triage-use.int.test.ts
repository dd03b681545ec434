import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { createTriage, loadExamples, type Triage, type TriageLevel } from "../../escalation/index.js";
import { UseEmbeddings } from "../../knowledge/embeddings/use-embeddings.js";

// The real model (Universal Sentence Encoder lite, offline). Slow to start, so an int test.
let embeddings: UseEmbeddings;
let heldoutTriage: Triage;
let cacheDir: string;
const examples = loadExamples();

beforeAll(async () => {
  embeddings = await UseEmbeddings.load();
  cacheDir = mkdtempSync(join(tmpdir(), "triage-use-"));
  // Exemplars from the train split only, so the held-out split measures generalisation.
  heldoutTriage = await createTriage({ embeddings, cacheDir, exemplars: examples.filter((e) => e.split === "train") });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

async function score(triage: Triage, rows: { text: string; level: TriageLevel }[]) {
  let right = 0;
  const missed999: string[] = [];
  for (const r of rows) {
    const got = (await triage.assess(r.text)).level;
    if (got === r.level) right++;
    else if (r.level === "999") missed999.push(r.text.slice(0, 40));
  }
  return { accuracy: right / rows.length, missed999 };
}

describe("triage with the Universal Sentence Encoder", () => {
  it("held-out examples: every 999 caught and at least 95% right", async () => {
    const { accuracy, missed999 } = await score(heldoutTriage, examples.filter((e) => e.split === "heldout"));
    expect(missed999).toEqual([]);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("a second start reads exemplar vectors from the cache in well under a second", async () => {
    const t = performance.now();
    await createTriage({ embeddings, cacheDir, exemplars: examples.filter((e) => e.split === "train") });
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("adds only milliseconds to a turn for a normal message", async () => {
    const texts = ["whats the nspcc number", "pls help a girl about 14 being dragged into a van on my road rn", "when should police be called to a strategy discussion"];
    for (const t of texts) await heldoutTriage.assess(t);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const t of texts) {
        const start = performance.now();
        await heldoutTriage.assess(t);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    // One embedding call of one short text; generous for shared CI machines.
    expect(times[Math.floor(times.length / 2)]!).toBeLessThan(150);
  });

  const evalDir = fromRoot("test", "eval");
  it.skipIf(!existsSync(evalDir))("public sample: escalation.jsonl all right, qa.jsonl questions get no signpost", async () => {
    const triage = await createTriage({ embeddings, cacheDir });
    const esc = readFileSync(join(evalDir, "escalation.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { text: string; expected: TriageLevel });
    const s = await score(triage, esc.map((r) => ({ text: r.text, level: r.expected })));
    expect(s.accuracy).toBe(1);
    const qa = readFileSync(join(evalDir, "qa.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { question: string; kind: string });
    for (const q of qa) {
      const level = (await triage.assess(q.question)).level;
      expect(q.kind === "escalation" ? ["none", "101_or_childrens_services"] : ["none"]).toContain(level);
    }
  });
});
