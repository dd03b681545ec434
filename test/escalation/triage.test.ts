import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTriage, triageByRules, type LabelledExample } from "../../escalation/index.js";
import { combine, unitsToEmbed, type LevelScores } from "../../escalation/triage.js";
import { ruleVerdict } from "../../escalation/rules.js";
import { normalise, type Embeddings } from "../../knowledge/embeddings/embeddings.js";

/** Bag-of-words vectors: texts sharing words are similar. Counts what it is asked to embed. */
class FakeEmbeddings implements Embeddings {
  readonly id = "fake-bow-64";
  readonly dimensions = 64;
  calls: string[][] = [];
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return texts.map((t) => {
      const v = new Float32Array(64);
      for (const word of t.toLowerCase().match(/[a-z]+/g) ?? []) {
        let h = 0;
        for (const c of word) h = (h * 31 + c.charCodeAt(0)) >>> 0;
        v[h % 64]! += 1;
      }
      v[63]! += 0.01;
      return normalise(v);
    });
  }
}

const ex = (id: string, level: LabelledExample["level"], text: string): LabelledExample => ({ id, level, split: "train", text });
// Nonsense words the rules cannot know: only similarity can place them.
const exemplars: LabelledExample[] = [
  ex("a-1", "999", "zorp blick fleem quandle"),
  ex("a-2", "999", "zorp blick fleem morv"),
  ex("b-1", "childline", "wibble snoop tarn gleck"),
  ex("b-2", "childline", "wibble snoop tarn plov"),
  ex("c-1", "101_or_childrens_services", "drubble fenk yorr spade"),
  ex("c-2", "101_or_childrens_services", "drubble fenk yorr lute"),
  ex("d-1", "nspcc_advice", "quib zanth orple nuck"),
  ex("d-2", "nspcc_advice", "quib zanth orple dask"),
  ex("e-1", "none", "plim trosk vay hoob"),
  ex("e-2", "none", "plim trosk vay kess"),
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("createTriage", () => {
  it("without embeddings, gives exactly the rules' answer", async () => {
    const triage = await createTriage();
    for (const text of ["my brother is choking right now", "whats the nspcc number", "what is a core group"]) {
      expect(await triage.assess(text)).toEqual(triageByRules(text));
    }
  });

  it("a paraphrase the rules miss is raised to 999 when it is close to the 999 examples", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars });
    expect(triageByRules("zorp blick fleem").level).toBe("none");
    const r = await triage.assess("zorp blick fleem");
    expect(r.level).toBe("999");
    expect(r.reasons).toContain("semantic:999");
    expect(r.signpost?.level).toBe("999");
  });

  it("where the rules find nothing, the nearest examples decide the level", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars });
    expect((await triage.assess("wibble snoop tarn")).level).toBe("childline");
    expect((await triage.assess("quib zanth orple")).level).toBe("nspcc_advice");
  });

  it("a procedure question stays none even when it sounds like the 999 examples", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars });
    expect((await triage.assess("what does zorp blick fleem mean under section 47?")).level).toBe("none");
  });

  it("a confident procedure question is settled by the rules without embedding it", async () => {
    const fake = new FakeEmbeddings();
    const triage = await createTriage({ embeddings: fake, exemplars });
    const before = fake.calls.length;
    const r = await triage.assess("who has to be at a strategy discussion under section 47?");
    expect(r.level).toBe("none");
    expect(fake.calls.length).toBe(before);
  });

  it("a 999 from the rules is never lowered by similarity", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars });
    expect((await triage.assess("plim trosk vay. my dad has a knife and says he will kill us tonight")).level).toBe("999");
  });

  it("reasons name rules and example ids, never the writer's words", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars });
    const r = await triage.assess("Zebedee zorp blick fleem");
    expect(r.reasons.join(" ")).not.toMatch(/zebedee/i);
    expect(r.reasons.some((x) => x.startsWith("nearest:a-"))).toBe(true);
  });

  it("a 100 KB paste with a last-line emergency is 999 at once; a calm one is embedded as a few short sentences", async () => {
    const embeddings = new FakeEmbeddings();
    const triage = await createTriage({ embeddings, exemplars });
    embeddings.calls = [];
    const text = `${"Home visit completed, no new concerns noted. ".repeat(2300)}He has come back with a knife and is going to stab his stepdad tonight.`;
    const r = await triage.assess(text);
    expect(r.level).toBe("999");
    // The rules found the emergency: the model is not even asked.
    expect(embeddings.calls).toHaveLength(0);
    const calm = `${"Home visit completed, no new concerns noted. ".repeat(2300)}Next visit booked for Tuesday.`;
    await triage.assess(calm);
    expect(embeddings.calls).toHaveLength(1);
    expect(embeddings.calls[0]!.length).toBeLessThanOrEqual(6);
    expect(embeddings.calls[0]!.join("").length).toBeLessThan(4000);
  });

  it("creates a missing cache folder, parents included", async () => {
    const root = mkdtempSync(join(tmpdir(), "triage-cache-"));
    dirs.push(root);
    const cacheDir = join(root, "a", "b");
    await createTriage({ embeddings: new FakeEmbeddings(), exemplars, cacheDir });
    expect(readdirSync(cacheDir).some((f) => f.startsWith("triage-exemplars-"))).toBe(true);
  });

  it("caches exemplar vectors: a second start with the same model and examples embeds no examples", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "triage-cache-"));
    dirs.push(cacheDir);
    const first = new FakeEmbeddings();
    await createTriage({ embeddings: first, exemplars, cacheDir });
    expect(first.calls.flat()).toHaveLength(exemplars.length);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("triage-exemplars-"))).toHaveLength(1);

    const second = new FakeEmbeddings();
    const triage = await createTriage({ embeddings: second, exemplars, cacheDir });
    expect(second.calls).toHaveLength(0);
    expect((await triage.assess("zorp blick fleem")).level).toBe("999");
  });

  it("changed examples are embedded again rather than read from a stale cache", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "triage-cache-"));
    dirs.push(cacheDir);
    await createTriage({ embeddings: new FakeEmbeddings(), exemplars, cacheDir });
    const again = new FakeEmbeddings();
    await createTriage({ embeddings: again, exemplars: [...exemplars, ex("f-1", "none", "new words here")], cacheDir });
    expect(again.calls.flat()).toHaveLength(exemplars.length + 1);
    // The stale cache is gone: only the file for the current examples remains.
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("triage-exemplars-"))).toHaveLength(1);
  });

  it("a cache folder that cannot be created (under /proc) does not stop or stall triage", async () => {
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars, cacheDir: "/proc/not-writable/triage" });
    expect((await triage.assess("my baby is not breathing")).level).toBe("999");
  }, 5000);

  it("a cache folder that cannot be written does not stop triage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-cache-"));
    dirs.push(dir);
    const aFile = join(dir, "file");
    writeFileSync(aFile, "not a folder");
    const triage = await createTriage({ embeddings: new FakeEmbeddings(), exemplars, cacheDir: join(aFile, "cache") });
    expect((await triage.assess("my baby is not breathing")).level).toBe("999");
  });
});

describe("combine", () => {
  const scores = (s: Partial<LevelScores>): LevelScores => ({ "999": 0, childline: 0, "101_or_childrens_services": 0, nspcc_advice: 0, none: 0, ...s });
  const unsure = ruleVerdict("hello there");

  it("when two levels score within the tie margin, the more urgent wins", () => {
    expect(combine(unsure, scores({ nspcc_advice: 0.7, "101_or_childrens_services": 0.69 })).level).toBe("101_or_childrens_services");
  });

  it("an adult writer is not sent to Childline by similarity alone", () => {
    const adult = ruleVerdict("I'm worried about a child at school, what now?");
    expect(adult.adult).toBe(true);
    expect(combine(adult, scores({ childline: 0.8, "101_or_childrens_services": 0.7 })).level).toBe("101_or_childrens_services");
  });

  it("when the writer says the harm is past or the child is safe, a near-999 score does not win the tie", () => {
    const calm = ruleVerdict("she is safe with me now");
    expect(calm.calm).toBe(true);
    expect(combine(calm, scores({ "101_or_childrens_services": 0.7, "999": 0.66 })).level).toBe("101_or_childrens_services");
    const unsureNow = ruleVerdict("hello there, it is going on right now");
    expect(unsureNow.level).toBe("none");
    expect(combine(unsureNow, scores({ "101_or_childrens_services": 0.7, "999": 0.66 })).level).toBe("999");
  });

  it("when nothing in the message is happening now, resemblance to an emergency is not enough for 999", () => {
    const note = ruleVerdict("Infant with unexplained bruising.");
    expect(note.immediate).toBe(false);
    expect(combine(note, scores({ "999": 0.65, "101_or_childrens_services": 0.64, none: 0.6 })).level).toBe("101_or_childrens_services");
    // A very close emergency example still overrides: that path does not need "now".
    expect(combine(note, scores({ "999": 0.85, "101_or_childrens_services": 0.6 })).level).toBe("999");
  });

  it("below the floor, similarity is ignored", () => {
    expect(combine(unsure, scores({ childline: 0.3 })).level).toBe("none");
  });

  it("a confident rule verdict stands unless a 999 example is very close", () => {
    const advice = ruleVerdict("I'm not sure if this counts as abuse, who can I talk to?");
    expect(advice.level).toBe("nspcc_advice");
    expect(combine(advice, scores({ "101_or_childrens_services": 0.9, nspcc_advice: 0.6 })).level).toBe("nspcc_advice");
    expect(combine(advice, scores({ "999": 0.9, nspcc_advice: 0.6 })).level).toBe("999");
  });
});

describe("unitsToEmbed", () => {
  it("a short message is embedded whole, in one unit", () => {
    const text = "my brother is choking right now";
    expect(unitsToEmbed(text, ruleVerdict(text))).toEqual([text]);
  });

  it("a long single sentence is cut to a bounded unit rather than dropped", () => {
    const text = "word ".repeat(400);
    const units = unitsToEmbed(text, ruleVerdict(text));
    expect(units).toHaveLength(1);
    expect(units[0]!.length).toBeLessThanOrEqual(600);
  });

  it("a medium message with a few sentences has each sentence embedded", () => {
    const sentences = Array.from({ length: 4 }, (_, i) => `Sentence number ${i} is here and it is long enough to matter for the model to read. `.repeat(3).trim());
    const text = sentences.join(" ");
    expect(unitsToEmbed(text, ruleVerdict(text))).toHaveLength(4);
  });

  it("a long paste keeps its last sentence, where an emergency typed after a paste would be", () => {
    const text = `${"Routine note about a visit. ".repeat(500)}Please help, he is choking her now.`;
    const units = unitsToEmbed(text, ruleVerdict(text));
    expect(units.length).toBeLessThanOrEqual(6);
    expect(units).toContain("Please help, he is choking her now.");
  });
});
