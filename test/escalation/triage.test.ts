import { NET_MAX_SENTENCES } from "../../escalation/sentence-net.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { fromRoot } from "../../core/paths.js";
import { createTriage, loadTriageModels, triageByRules, LEVELS, readMessage, type TriageLevel } from "../../escalation/index.js";
import { SPARSE_DIM, type SoftmaxModel } from "../../escalation/classifier.js";
import { decideLevel } from "../../escalation/triage.js";
import { normalise, type Embeddings } from "../../knowledge/embeddings/embeddings.js";

interface Case {
  group: string;
  text: string;
  level: TriageLevel;
  /**
   * The deployed level where it differs from the rules'. Since the stranger sets joined training (round thirteen),
   * the weights may overrule a training frame round a danger now: a frame can hide a real emergency, and on the
   * check pool letting them lost no line and kept one more real 999 than making the frame final (808 -> 809 of 840).
   */
  deployed?: TriageLevel;
}
const cases = readCases<Case>("triage-cases.jsonl");
const sample = readFileSync(fromRoot("test", "eval", "escalation.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { text: string; expected: TriageLevel });

/** Embeddings under the shipped model's id that count their calls and return a fixed-size vector. */
class CountingEmbeddings implements Embeddings {
  readonly id = "use-lite-512";
  readonly dimensions = 512;
  calls = 0;
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls++;
    return texts.map((t) => normalise(Float32Array.from({ length: 512 }, (_, i) => Math.sin(i + t.length))));
  }
}

class RecordingEmbeddings extends CountingEmbeddings {
  batches: number[] = [];
  override async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.batches.push(texts.length);
    return super.embed(texts);
  }
}

const groups: Record<string, string> = {
  "999": "a child in danger now is signposted to 999",
  typos: "capitals, typos, repeated letters and text-speak still reach the right level",
  welsh: "Welsh messages about danger now are signposted to 999",
  injection: "instructions inside a message do not change the level",
  "present-vs-past": "harm happening now is 999, harm in the past is a concern to report",
  negation: "a concern the writer says is not an emergency goes to children's services, not 999",
  child: "a child writing about themselves is signposted to Childline, or 999 when in danger now",
  "101": "an adult reporting a non-urgent concern is signposted to children's services or 101",
  nspcc: "an adult unsure whether to report, or asking for the NSPCC, gets the NSPCC helpline",
  procedure: "procedure questions, even full of danger words, get no signpost",
};

describe("triage, by rules alone and with the shipped lexical model", () => {
  const triage = createTriage();
  for (const [group, title] of Object.entries(groups)) {
    it.each(cases.filter((c) => c.group === group))(`${title}: %#`, async (c) => {
      expect(triageByRules(c.text).level).toBe(c.level);
      expect((await (await triage).assess(c.text)).level).toBe(c.deployed ?? c.level);
    });
  }

  it("the public sample is 15/15 both ways", async () => {
    const t = await triage;
    for (const s of sample) {
      expect(triageByRules(s.text).level, s.text).toBe(s.expected);
      expect((await t.assess(s.text)).level, s.text).toBe(s.expected);
    }
  });
});

describe("the triage result", () => {
  it("carries the fixed signpost, the danger kind and the speaker as codes", () => {
    const r = triageByRules("my little brother is choking on a sweet and turning blue");
    expect(r.level).toBe("999");
    expect(r.signpost?.level).toBe("999");
    expect(r.text).toContain("call 999");
    expect(r.dangerKind).toBe("medical_emergency");
    expect(r.speaker).toBe("child");
    const q = triageByRules("what does immediate protection mean?");
    expect([q.level, q.signpost, q.dangerKind, q.speaker]).toEqual(["none", null, null, "asker"]);
    expect(q.text).not.toMatch(/999|101|0808|0800/);
  });

  it("reasons are codes, never the writer's words", async () => {
    const text = "Zebedee has a knife and says he will kill my mum tonight";
    for (const r of [triageByRules(text), await (await createTriage()).assess(text)]) {
      expect(r.level).toBe("999");
      expect(r.reasons.join(" ")).not.toMatch(/zebedee|knife|mum/i);
    }
  });

  it("empty or blank input is none, without an error", () => {
    expect(triageByRules("").level).toBe("none");
    expect(triageByRules("   \n ").level).toBe("none");
  });
});

describe("decideLevel: the model and the rules", () => {
  /** A model that always says one level, whatever the message. */
  const always = (level: TriageLevel): SoftmaxModel => ({
    dense: 0,
    weights: LEVELS.map(() => new Float32Array(SPARSE_DIM)),
    bias: Float32Array.from(LEVELS.map((l) => (l === level ? 5 : 0))),
  });

  it("where the risk model finds nothing, a model cannot raise a referral or the NSPCC on its own", () => {
    const reading = readMessage("thanks, that was useful");
    for (const l of ["101_or_childrens_services", "nspcc_advice"] as const) expect(decideLevel(reading, always(l)).level).toBe("none");
  });

  it("where the risk model finds nothing, a confident model may still raise 999 on something happening now", () => {
    expect(decideLevel(readMessage("please come quickly, something awful is happening to the little one right now"), always("999")).level).toBe("999");
    expect(decideLevel(readMessage("thanks, that was useful"), always("999")).level).toBe("none");
  });

  it("no model can lower a child in danger now, or send a professional to Childline", () => {
    expect(decideLevel(readMessage("my dad is strangling my mum right now"), always("none")).level).toBe("999");
    expect(decideLevel(readMessage("I'm a teacher. A pupil says her dad hits her. She is safe in class."), always("childline")).level).toBe("101_or_childrens_services");
  });
});

describe("createTriage", () => {
  it("without weights it is the rules alone", async () => {
    const t = await createTriage({ models: null });
    for (const text of ["my brother is choking right now", "whats the nspcc number", "what is a core group", "im 13 and my dad hits me"]) {
      expect(await t.assess(text)).toEqual(triageByRules(text));
    }
  });

  it("a caller's sentence vector is used for a message the lexical model is unsure of, and nothing is embedded again", async () => {
    const emb = new CountingEmbeddings();
    // The sentence net (its own tests in sentence-net.test.ts) is off here: this is about the model's vector.
    const t = await createTriage({ embeddings: emb, bank: null });
    const vector = (await emb.embed(["x"]))[0]!;
    emb.calls = 0;
    const r = await t.assess("my friend's husband is quite strict with their kids and shouts a lot", { vector });
    expect(r.reasons.some((x) => x.startsWith("model:full:"))).toBe(true);
    expect(emb.calls).toBe(0);
  });

  it("a one-sentence message triage embedded whole is not embedded again by the sentence net", async () => {
    const emb = new RecordingEmbeddings();
    // A lexical model torn between Childline and a referral is never sure (and never says 999),
    // so the message goes on to be embedded whole.
    const shipped = loadTriageModels()!;
    const bias = new Float32Array(shipped.lexical.bias.length);
    bias[LEVELS.indexOf("childline")] = 1;
    bias[LEVELS.indexOf("101_or_childrens_services")] = 1;
    const unsure = { ...shipped, lexical: { dense: 0, weights: shipped.lexical.weights.map((w) => new Float32Array(w.length)), bias } };
    const t = await createTriage({ embeddings: emb, models: unsure });
    const r = await t.assess("im 13 and scared right now because my stepdad is shouting downstairs");
    expect(r.reasons.some((x) => x.startsWith("model:full:"))).toBe(true);
    // The sentence net ran on the message's one sentence, with the vector the model was given.
    expect(r.level).not.toBe("999");
    expect(emb.batches).toEqual([1]);
  });

  it("a confident message takes the fast path: no embedding at all", async () => {
    const emb = new CountingEmbeddings();
    const t = await createTriage({ embeddings: emb });
    const r = await t.assess("help my dad is strangling my mum right now");
    expect(r.level).toBe("999");
    expect(emb.calls).toBe(0);
  });

  it("embeddings from another model are not mixed with weights trained on USE", async () => {
    const emb = new CountingEmbeddings();
    Object.defineProperty(emb, "id", { value: "other-model" });
    const t = await createTriage({ embeddings: emb });
    await t.assess("my friend's husband is quite strict with their kids and shouts a lot");
    expect(emb.calls).toBe(0);
  });

  it("with the shipped bank, the sentence net embeds at most one batch of distinct sentences, however long the paste", async () => {
    const emb = new RecordingEmbeddings();
    const t = await createTriage({ embeddings: emb });
    const notes = "Home visit completed, no new concerns noted. ".repeat(2300);
    await t.assess(`${notes}Mum says she is worried right now about the baby and does not know who to call.`);
    expect(emb.batches.length).toBeLessThanOrEqual(2);
    for (const b of emb.batches) expect(b).toBeLessThanOrEqual(NET_MAX_SENTENCES);
  });

  it("a 100 KB paste with an emergency in its last line is 999, read without embedding", async () => {
    const emb = new CountingEmbeddings();
    const t = await createTriage({ embeddings: emb, bank: null });
    const notes = "Home visit completed, no new concerns noted. ".repeat(2300);
    expect((await t.assess(`${notes}He has come back with a knife and is going to stab his stepdad tonight.`)).level).toBe("999");
    expect((await t.assess(`${notes}A toddler from the family is wandering alone on the dual carriageway.`)).level).toBe("999");
    expect((await t.assess(`${notes}Next visit booked for Tuesday.`)).level).not.toBe("999");
    expect(emb.calls).toBe(0);
  });

  it("an emergency hidden in the middle of a long paste is found", () => {
    const notes = "Chronology entry: school attendance is good and no concerns were raised. ".repeat(700);
    expect(triageByRules(`${notes}Mum rang: the baby isn't breathing.${notes}`).level).toBe("999");
  });

  it("the shipped weights load; missing, broken or mismatched weights are refused and triage falls back to the rules", async () => {
    expect(loadTriageModels()).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), "triage-model-"));
    try {
      expect(loadTriageModels(join(dir, "absent.json"))).toBeNull();
      writeFileSync(join(dir, "broken.json"), "{not json");
      expect(loadTriageModels(join(dir, "broken.json"))).toBeNull();
      const shipped = JSON.parse(readFileSync(fromRoot("escalation", "data", "model", "triage-model.json"), "utf8")) as { sparse_dim: number };
      writeFileSync(join(dir, "other.json"), JSON.stringify({ ...shipped, sparse_dim: shipped.sparse_dim + 1 }));
      expect(loadTriageModels(join(dir, "other.json"))).toBeNull();
      const t = await createTriage({ models: loadTriageModels(join(dir, "other.json")) });
      expect((await t.assess("my toddler is in the canal and not moving")).level).toBe("999");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
