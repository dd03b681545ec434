import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Assistant } from "../../assistant/index.js";
import { PooledAssistant } from "../../assistant/pooled-assistant.js";
import { parseConfig } from "../../core/config.js";
import { AppError } from "../../core/errors.js";
import { TurnAbandoned, withTurnSignal } from "../../core/turn-scope.js";

// The bot server's assistant: the same use cases on worker threads, against the real index and model.

const config = parseConfig({});
let pooled: PooledAssistant;
const direct = new Assistant({ config });

beforeAll(async () => {
  pooled = new PooledAssistant(config, { workers: 2 });
  await Promise.all([pooled.warmUp(), direct.warmUp()]);
});

afterAll(async () => {
  await pooled?.close();
});

describe("the assistant on worker threads", () => {
  it("reads and answers a question exactly as the assistant in this thread does", async () => {
    const question = "who has to be at a strategy discussion?";
    const [a, b] = await Promise.all([pooled.read(question), direct.read(question)]);
    expect(a.triage?.level).toBe(b.triage?.level);
    expect(a.intent).toEqual(b.intent);
    expect(a.vector).toBeInstanceOf(Float32Array);
    expect(Array.from(a.vector!)).toEqual(Array.from(b.vector!));
    const [x, y] = await Promise.all([pooled.answer(a), direct.answer(b)]);
    expect(x).toEqual(y);
    expect(x.covered).toBe(true);
  });

  it("a question asked again reuses its vector instead of running the model", async () => {
    const question = "what is a section 47 enquiry for?";
    const first = await pooled.read(question);
    const again = await pooled.read(question);
    expect(Array.from(again.vector!)).toEqual(Array.from(first.vector!));
  });

  it("what happens next and a deadline come back as plain results, and a bad stage as an invalid-input AppError", async () => {
    const next = await pooled.nextFor(await pooled.read("strategy discussion done, section 47 agreed: what happens next?"));
    expect(next.signpost).toBeNull();
    const due = await pooled.deadline("strategy_discussion", "2025-04-10");
    expect(due.deadlines.length).toBeGreaterThan(0);
    await expect(pooled.answer(await pooled.read(""))).rejects.toBeInstanceOf(AppError);
  });

  it("pasted notes are read on a worker thread into the same record as in this thread, and empty notes are an invalid-input AppError", async () => {
    const notes =
      "Strategy discussion 12/06/2025 10:00. Present: DS Khan (police), Jo Bell (social worker, chair), Dr Patel (GP). " +
      "Concern: bruising to upper arm reported by school yesterday. Decision: section 47 enquiries. Actions: Jo Bell to visit today.";
    const opts = { now: "2025-06-12T12:00:00Z", impossibleDate: "gap" as const };
    const [a, b] = await Promise.all([pooled.readNotes(notes, opts), direct.readNotes(notes, opts)]);
    expect(a).toEqual(b);
    expect(a.record.attendees.length).toBeGreaterThan(0);
    await expect(pooled.readNotes("   ", opts)).rejects.toBeInstanceOf(AppError);
  });

  it("work for a turn whose caller has gone is dropped, not done", async () => {
    const controller = new AbortController();
    controller.abort("client_gone");
    await expect(withTurnSignal(controller.signal, () => pooled.read("who chairs an ICPC?"))).rejects.toBeInstanceOf(TurnAbandoned);
    // Jobs queued behind busy threads (two threads holding four turns each) are dropped when their caller goes.
    const busy = Array.from({ length: 12 }, (_, i) => pooled.read(`what does a core group do, case ${i}?`));
    const late = new AbortController();
    const dropped = withTurnSignal(late.signal, () => pooled.read("what is a child in need plan?"));
    late.abort("client_gone");
    await expect(dropped).rejects.toBeInstanceOf(TurnAbandoned);
    await Promise.all(busy);
    expect(pooled.stats()).toMatchObject({ size: 2, ready: 2, busy: 0, queued: 0 });
  });
});

describe("the assistant thread with its embedding model on a thread of its own (the bot's default on two CPUs or more)", () => {
  it("reads and answers questions exactly as the assistant in this thread does", async () => {
    const split = new PooledAssistant(config, { workers: 1, embeddingsThread: true });
    try {
      await split.warmUp();
      const questions = ["who has to be at a strategy discussion?", "how soon after the strategy discussion is the ICPC?", "my son's dad is hitting him right now"];
      // One at a time: texts embedded together are padded to the longest, which moves a vector in its seventh digit.
      for (const q of questions) {
        const [a, b] = [await split.read(q), await direct.read(q)];
        expect(a.triage).toEqual(b.triage);
        expect(a.vector ? Array.from(a.vector) : null).toEqual(b.vector ? Array.from(b.vector) : null);
        expect(await split.answer(a)).toEqual(await direct.answer(b));
      }
    } finally {
      await split.close();
    }
  });
});
