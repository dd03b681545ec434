import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { decideWith, embedAll, figures, prepare, trainModels } from "../../escalation/evaluate.js";
import { createTriage, loadLabelled, loadTriageModels, type Triage, type TriageLevel } from "../../escalation/index.js";
import { UseEmbeddings } from "../../knowledge/embeddings/use-embeddings.js";
import { shippedTrainingSet } from "../../escalation/labelled.js";

// The real model (Universal Sentence Encoder lite, offline). Slow to start, so an int test.
let embeddings: UseEmbeddings;
let triage: Triage;
const labelled = loadLabelled();
const heldback = labelled.filter((l) => l.split === "heldback");
// What the shipped weights were trained on (stranger-sets.json says whether the stranger sets are among it); the
// held-back split is the team's and never among them.
const trained = shippedTrainingSet();

beforeAll(async () => {
  embeddings = await UseEmbeddings.load();
  triage = await createTriage({ embeddings });
});

describe("triage with the Universal Sentence Encoder", () => {
  // The target is every 999 caught. These are floors under what the shipped model
  // measures (167/168 for 999 on the held-back split after round 2: one text-speak line read
  // as past), so a change that loses ground fails here; the figures themselves are printed
  // by `node dist/scripts/eval-triage.js` and reported, never tuned to this split.
  it("the held-back split (never trained on by the shipped weights): at least 99% of 999s caught, at least 95% right, no adult sent to Childline", async () => {
    expect(loadTriageModels()!.trainedOn.lines).toBe(trained.length);
    expect(trained.some((l) => heldback.some((h) => h.id === l.id))).toBe(false);
    const got: TriageLevel[] = [];
    for (const l of heldback) got.push((await triage.assess(l.text)).level);
    const f = figures(heldback, got);
    expect(f.recall999.caught / f.recall999.total).toBeGreaterThanOrEqual(0.99);
    expect(f.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(f.adultToChildline).toBe(0);
  });

  it("a vector shared by the caller gives the same level as embedding the message here", async () => {
    for (const l of heldback.filter((x) => x.text.length < 300).slice(0, 20)) {
      const [vector] = await embeddings.embed([l.text]);
      expect((await triage.assess(l.text, { vector: vector! })).level).toBe((await triage.assess(l.text)).level);
    }
  });

  it("training on the real vectors is deterministic", async () => {
    const some = labelled.filter((l) => l.split === "train" && l.text.length < 200).slice(0, 120);
    const data = prepare(some, await embedAll(embeddings, some.map((l) => l.text)));
    const a = trainModels(data, embeddings.dimensions);
    const b = trainModels(data, embeddings.dimensions);
    expect(a.full!.weights.map((w) => Buffer.from(w.buffer).toString("base64"))).toEqual(b.full!.weights.map((w) => Buffer.from(w.buffer).toString("base64")));
    expect(data.map((d) => decideWith(d, a, "full"))).toEqual(data.map((d) => decideWith(d, b, "full")));
  });

  it("public sample 15/15; the project's procedure questions never get 999 or Childline, and almost never a referral signpost", async () => {
    const sample = readFileSync(fromRoot("test", "eval", "escalation.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { text: string; expected: TriageLevel });
    for (const s of sample) expect((await triage.assess(s.text)).level, s.text).toBe(s.expected);
    const files = [fromRoot("test", "knowledge", "dev-questions.jsonl"), fromRoot("test", "knowledge", "canonical-questions.jsonl")].filter(existsSync);
    let asked = 0;
    let alarms = 0;
    let urgent = 0;
    for (const f of files) {
      for (const line of readFileSync(f, "utf8").trim().split("\n")) {
        const level = (await triage.assess((JSON.parse(line) as { question: string }).question)).level;
        asked++;
        if (level === "999" || level === "childline") urgent++;
        if (level === "999" || level === "childline" || level === "101_or_childrens_services") alarms++;
      }
    }
    expect(asked).toBeGreaterThan(80);
    expect(urgent).toBe(0);
    // Measured 2 of 94 after round 2: professionals describing a past case and asking how to
    // handle it get the children's services signpost, as every professional's report does.
    expect(alarms / asked).toBeLessThanOrEqual(1 / 40);
  });
});
