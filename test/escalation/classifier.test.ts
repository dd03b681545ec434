import { describe, expect, it } from "vitest";
import { deserialise, featuresOf, predict, serialise, SPARSE_DIM, train } from "../../escalation/classifier.js";
import { dataHash } from "../../escalation/evaluate.js";
import { shippedTrainingSet } from "../../escalation/labelled.js";
import { LEVELS, type TriageLevel } from "../../escalation/levels.js";
import { readMessage } from "../../escalation/reader.js";
import { loadTriageModels } from "../../escalation/triage.js";

const sample: { text: string; level: TriageLevel }[] = [
  { text: "my dad is hitting my mum right now", level: "999" },
  { text: "a toddler is alone on the motorway", level: "999" },
  { text: "im 13 and my mum shouts at me every day", level: "childline" },
  { text: "i'm 14 and i feel like nobody cares about me", level: "childline" },
  { text: "I'm a teacher, a pupil has bruises and is safe in class. Who do I tell?", level: "101_or_childrens_services" },
  { text: "the kids next door are always hungry, I want to report it", level: "101_or_childrens_services" },
  { text: "not sure if this counts as abuse, who can I talk to for advice?", level: "nspcc_advice" },
  { text: "what's the nspcc number", level: "nspcc_advice" },
  { text: "who chairs a child protection conference?", level: "none" },
  { text: "when must a strategy discussion be held?", level: "none" },
];

describe("the softmax model", () => {
  const xs = sample.map((s) => featuresOf(readMessage(s.text)));
  const vecOf = (i: number) => Float32Array.from({ length: 8 }, (_, d) => Math.sin(i * 7 + d));
  const xsDense = sample.map((s, i) => featuresOf(readMessage(s.text), vecOf(i)));
  const ys = sample.map((s) => s.level);

  it("training is deterministic: the same data gives the same weights, bit for bit", () => {
    const a = serialise(train(xsDense, ys, 8, { epochs: 40 }));
    const b = serialise(train(xsDense, ys, 8, { epochs: 40 }));
    expect(a).toEqual(b);
  });

  it("learns its training data and gives probabilities that sum to one", () => {
    const m = train(xs, ys, 0, { epochs: 120 });
    xs.forEach((x, i) => {
      const p = predict(m, x);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(LEVELS[p.indexOf(Math.max(...p))]).toBe(ys[i]);
    });
  });

  it("weights survive serialisation exactly", () => {
    const m = train(xsDense, ys, 8, { epochs: 20 });
    const back = deserialise(serialise(m));
    expect(back.weights[2]!.length).toBe(SPARSE_DIM + 8);
    expect(predict(back, xsDense[3]!)).toEqual(predict(m, xsDense[3]!));
  });

  it("the shipped weights were trained on the current training set's train split, the stranger sets included when the manifest ships them (retrain after changing either)", () => {
    const models = loadTriageModels();
    expect(models).not.toBeNull();
    const trainSplit = shippedTrainingSet();
    expect(models!.trainedOn).toEqual({ lines: trainSplit.length, hash: dataHash(trainSplit) });
    expect(models!.embeddings).toBe("use-lite-512");
  });
});
