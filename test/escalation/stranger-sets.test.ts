import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { featuresOf, predict, serialise, train } from "../../escalation/classifier.js";
import { crossValidateByStrangerSet, prepare, type Prepared } from "../../escalation/evaluate.js";
import { loadLabelled, loadStrangerManifest, loadStrangerSets, loadTrainingSet, StrangerManifestSchema, trainingWeight } from "../../escalation/labelled.js";
import { readMessage } from "../../escalation/reader.js";

const manifest = loadStrangerManifest();

describe("the stranger sets as a source of the labelled set", () => {
  it("names held-out sets #1-#10 only (the study pool), each as training, and loads their 3,519 lines as strangers' lines with their set kept", () => {
    expect(manifest.sets.map((s) => s.file)).toEqual([
      "test/heldout/triage-heldout.jsonl",
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `test/heldout/triage-heldout-${n}.jsonl`),
    ]);
    const lines = loadStrangerSets(manifest);
    expect(lines.length).toBe(3519);
    expect(lines.every((l) => l.source === "stranger" && l.split === "train")).toBe(true);
    for (const s of manifest.sets) expect(lines.filter((l) => l.set === s.name).length).toBe(s.lines);
  });

  it("refuses a manifest that names a check-pool set or the real held-out set", () => {
    for (const n of [11, 12, 13, 14]) {
      const bad = { ...manifest, sets: [{ ...manifest.sets[0]!, file: `test/heldout/triage-heldout-${n}.jsonl` }] };
      expect(StrangerManifestSchema.safeParse(bad).success, `set #${n}`).toBe(false);
    }
    expect(StrangerManifestSchema.safeParse({ ...manifest, sets: [{ ...manifest.sets[0]!, role: "evaluation" }] }).success).toBe(false);
  });

  it("refuses a set whose line count is not the manifest's (a file changed under its citation)", () => {
    const wrong = { ...manifest, sets: [{ ...manifest.sets[0]!, lines: manifest.sets[0]!.lines + 1 }] };
    expect(() => loadStrangerSets(wrong)).toThrow(/manifest says/);
  });

  it("refuses a stranger line that does not validate", () => {
    const dir = mkdtempSync(join(tmpdir(), "strangers-"));
    writeFileSync(join(dir, "triage-heldout-2.jsonl"), JSON.stringify({ id: "x-1", text: "hi", expected: "maybe", danger_kind: null, speaker: "child", register: "plain" }) + "\n");
    const one = { ...manifest, sets: [{ ...manifest.sets[1]!, lines: 1 }] };
    expect(() => loadStrangerSets(one, (...p) => join(dir, p[p.length - 1]!))).toThrow(/invalid/);
  });

  it("the training set is the team's labelled set followed by the stranger sets, ids unique; without strangers it is the team's alone", () => {
    const team = loadLabelled();
    const all = loadTrainingSet({ manifest });
    expect(all.length).toBe(team.length + 3519);
    expect(all.slice(0, team.length)).toEqual(team);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    expect(loadTrainingSet({ strangers: false })).toEqual(team);
  });

  it("a stranger line weighs the manifest's weight, a team line 1", () => {
    expect(trainingWeight({ source: "stranger" }, { weight: 3 })).toBe(3);
    expect(trainingWeight({ source: "hand" }, { weight: 3 })).toBe(1);
  });
});

describe("weighted training", () => {
  const texts = [
    ["my dad is hitting my mum right now", "999"],
    ["im 13 and my mum shouts at me every day", "childline"],
    ["I'm a teacher, a pupil has bruises and is safe in class. Who do I tell?", "101_or_childrens_services"],
    ["not sure if this counts as abuse, who can I talk to for advice?", "nspcc_advice"],
    ["who chairs a child protection conference?", "none"],
    ["when must a strategy discussion be held?", "none"],
  ] as const;
  const xs = texts.map(([t]) => featuresOf(readMessage(t)));
  const ys = texts.map(([, l]) => l);

  it("weights of one train exactly as no weights", () => {
    expect(serialise(train(xs, ys, 0, { epochs: 30, sampleWeights: ys.map(() => 1) }))).toEqual(serialise(train(xs, ys, 0, { epochs: 30 })));
  });

  it("a line weighted 2 trains as that line written twice", () => {
    const w = ys.map((_, i) => (i === 2 ? 2 : 1));
    const weighted = train(xs, ys, 0, { epochs: 30, sampleWeights: w });
    const twice = train([...xs, xs[2]!], [...ys, ys[2]!], 0, { epochs: 30 });
    xs.forEach((x) => predict(weighted, x).forEach((p, c) => expect(p).toBeCloseTo(predict(twice, x)[c]!, 4)));
  });
});

describe("cross-validation holding out one stranger set at a time", () => {
  const line = (id: string, text: string, level: Prepared["line"]["level"], set?: string): Prepared["line"] => ({
    id, text, level, danger_kind: null, speaker: "asker", register: "plain", source: set ? "stranger" : "hand", ...(set ? { set } : {}),
  });
  const data = prepare([
    line("a1", "who chairs a child protection conference?", "none"),
    line("a2", "not sure if this counts as abuse, who can I talk to for advice?", "nspcc_advice"),
    line("s1", "when must a strategy discussion be held?", "none", "one"),
    line("s2", "im 13 and my mum shouts at me every day", "childline", "two"),
  ]);

  it("decides every stranger line in its own set's fold and no team line", () => {
    for (const strangersInTraining of [true, false]) {
      const out = crossValidateByStrangerSet(data, 0, ["rules"], { strangersInTraining }).get("rules")!;
      expect(out[0]).toBeUndefined();
      expect(out[1]).toBeUndefined();
      expect(out[2]).toBe("none");
      expect(out[3]).toBeDefined();
    }
  });
});
