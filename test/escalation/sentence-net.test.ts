import { describe, expect, it } from "vitest";
import { loadTrainingSet } from "../../escalation/labelled.js";
import { readMessage } from "../../escalation/reader.js";
import { BANK_PATH, bankLines, bankRow, bankUnits, loadSentenceBank, NET_AGREE, NET_K, NET_MIN_SIM, nearDanger, nearest, type SentenceBank } from "../../escalation/sentence-net.js";
import { applySentenceNet } from "../../escalation/triage.js";

const DIM = 4;
/** A unit vector along axis `a`, tilted towards axis `b` by `t`. */
function vec(a: number, b = a, t = 0): Float32Array {
  const v = new Float32Array(DIM);
  v[a] = 1;
  v[b] = (v[b] ?? 0) + t;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** A bank of 10 danger rows near axis 0 (kind "fire") and 10 ordinary rows near axis 1. */
function toyBank(): SentenceBank {
  const rows = [...Array.from({ length: 10 }, (_, i) => vec(0, 2, i * 0.02)), ...Array.from({ length: 10 }, (_, i) => vec(1, 2, i * 0.02))];
  const vectors = new Float32Array(rows.length * DIM);
  rows.forEach((r, i) => vectors.set(r, i * DIM));
  return {
    dim: DIM,
    vectors,
    danger: Uint8Array.from(rows, (_, i) => (i < 10 ? 1 : 0)),
    kinds: rows.map((_, i) => (i < 10 ? "dangerous_place" : "")),
    keys: rows.map((_, i) => `k${i}`),
  };
}

describe("the sentence net's neighbours", () => {
  it("counts danger among the K nearest and reports the closest danger row", () => {
    const bank = toyBank();
    const near = nearest(bank, vec(0));
    expect(near.agree).toBe(NET_K);
    expect(near.best).toBeCloseTo(1, 5);
    const far = nearest(bank, vec(1));
    expect(far.agree).toBe(0);
    expect(nearDanger(bank, [vec(1), vec(0)])).toBe(true);
    expect(nearDanger(bank, [vec(1), vec(3)])).toBe(false);
  });

  it("needs both agreement and closeness", () => {
    const bank = toyBank();
    // Axis 3 is orthogonal to every row: whatever the vote, nothing is close enough.
    expect(nearest(bank, vec(3)).best).toBeLessThan(NET_MIN_SIM);
    expect(nearDanger(bank, [vec(3)])).toBe(false);
  });

  it("leaves out a held-out kind's danger rows and a sentence's own rows, as evaluation needs", () => {
    const bank = toyBank();
    expect(nearest(bank, vec(0), { kind: "dangerous_place" }).agree).toBe(0);
    const own = new Set(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(nearest(bank, vec(0), { keys: own }).agree).toBeLessThan(NET_AGREE);
  });
});

describe("the sentence net in triage", () => {
  const bank = toyBank();
  // Every sentence embeds as a danger sentence: what the net then does is decided by the reading.
  const danger = async (texts: readonly string[]) => texts.map(() => vec(0));
  const ordinary = async (texts: readonly string[]) => texts.map(() => vec(1));

  it("raises a message whose sentences read as danger to 999 when the reader saw a person and no past", async () => {
    const reading = readMessage("my little brother has gone really quiet and grey and wont wake up properly");
    const out = await applySentenceNet("childline", reading, danger, bank);
    expect(out.level).toBe("999");
    expect(out.reasons).toContain("net:sentence-near-danger");
    expect((await applySentenceNet("childline", reading, ordinary, bank)).level).toBe("childline");
  });

  it("never lowers a level, and leaves 999 alone without embedding", async () => {
    const reading = readMessage("he has a knife and is threatening my mum right now");
    let embedded = 0;
    const counting = async (texts: readonly string[]) => {
      embedded += texts.length;
      return ordinary(texts);
    };
    expect((await applySentenceNet("999", reading, counting, bank)).level).toBe("999");
    expect(embedded).toBe(0);
  });

  it("does not alarm on a procedure question, which has no time now", async () => {
    const reading = readMessage("What is the timescale for an initial child protection conference after a strategy discussion?");
    let embedded = 0;
    const counting = async (texts: readonly string[]) => {
      embedded += texts.length;
      return danger(texts);
    };
    expect((await applySentenceNet("none", reading, counting, bank)).level).toBe("none");
    expect(embedded).toBe(0);
  });

  it("does not overrule the reader where it found the danger and placed it in the past", async () => {
    const reading = readMessage("Last year my stepdad hit me with a belt. I'm 15 and I still think about it.");
    expect(reading.hits.length).toBeGreaterThan(0);
    expect(reading.hits.some((h) => h.live)).toBe(false);
    expect((await applySentenceNet("childline", reading, danger, bank)).level).toBe("childline");
  });

  it("does not raise a professional's report: their route is a referral unless the reader itself finds danger now", async () => {
    const reading = readMessage("I'm the DSL. A Year 9 boy is carrying cash and has a new phone: what do I do and who do I call?");
    expect(reading.facts.has("speaker_professional")).toBe(true);
    expect((await applySentenceNet("101_or_childrens_services", reading, danger, bank)).level).toBe("101_or_childrens_services");
  });

  it("holds to the safety nets: a professional reporting a child safe now stays a referral", async () => {
    const reading = readMessage("I'm a school nurse. A Year 8 girl came to me with marks on her neck; she is safe with me in my room now. Who do I ring?");
    const out = await applySentenceNet("101_or_childrens_services", reading, danger, bank);
    expect(out.level).toBe("101_or_childrens_services");
  });
});

describe("the shipped bank", () => {
  it("was built from the current labelled set's train split with the bundled encoder (rewrite it with --write-model)", () => {
    // The bundled USE-lite encoder: the id and width the shipped weights are checked against too.
    const bank = loadSentenceBank("use-lite-512", 512);
    expect(bank, `${BANK_PATH} is missing or stale: run node dist/scripts/eval-triage.js --write-model`).not.toBeNull();
    const labelled = loadTrainingSet();
    const inBank = bankLines(labelled);
    const units = bankUnits(inBank);
    expect(bank!.danger.length).toBe(units.length);
    expect(Array.from(bank!.danger).filter(Boolean).length).toBe(units.filter((u) => u.danger).length);
    // No held-back line is in the bank: the integration test's 999 recall stays a held-back figure.
    const inBankSet = new Set(inBank);
    expect(labelled.filter((l) => l.split === "heldback").every((l) => !inBankSet.has(l))).toBe(true);
  });
});

describe("the shipped bank kept as 8-bit rows", () => {
  it("scores every sentence exactly as the rows widened to floats did", () => {
    const bank = loadSentenceBank("use-lite-512", 512)!;
    expect(bank.vectors).not.toBeInstanceOf(Float32Array);
    const n = bank.danger.length;
    const widened = new Float32Array(n * bank.dim);
    for (let r = 0; r < n; r++) widened.set(bankRow(bank, r), r * bank.dim);
    const floats: SentenceBank = { ...bank, vectors: widened };
    // Queries: bank rows themselves (the closest a sentence gets) and rows mixed across kinds, renormalised.
    const queries: Float32Array[] = [];
    for (let r = 0; r < n; r += 509) {
      const a = bankRow(bank, r);
      const b = bankRow(bank, (r * 31 + 7) % n);
      const mix = a.map((x, i) => x + 0.5 * b[i]!);
      const norm = Math.hypot(...mix);
      queries.push(a, mix.map((x) => x / norm));
    }
    for (const q of queries) {
      expect(nearest(bank, q)).toEqual(nearest(floats, q));
      expect(nearest(bank, q, { kind: "dangerous_place" })).toEqual(nearest(floats, q, { kind: "dangerous_place" }));
    }
    expect(queries.map((q) => nearDanger(bank, [q]))).toEqual(queries.map((q) => nearDanger(floats, [q])));
    expect(queries.some((q) => nearDanger(bank, [q]))).toBe(true);
  });
});
