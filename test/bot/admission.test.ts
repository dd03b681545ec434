import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Admission, gateTurns, MAX_RETRY_AFTER_SECONDS, RefusalLog } from "../../bot/admission.js";

/** An admission on a clock the test moves, ms. */
function admissionAt(max: number) {
  const clock = { ms: 1_000_000 };
  return { admission: new Admission(max, { now: () => clock.ms, turnBudgetMs: 10_000 }), clock };
}

/** Fill every place, then refuse `n` callers; their Retry-After values in order. */
function refuse(admission: Admission, n: number): number[] {
  while (admission.stats().inFlight < admission.limit()) admission.tryEnter();
  return Array.from({ length: n }, () => (admission.tryEnter() ? NaN : admission.retryAfterSeconds()));
}

describe("admission's Retry-After", () => {
  it("grows with the callers already waiting, by one turn's service time each, from the turns completed lately", () => {
    const { admission, clock } = admissionAt(4);
    // 10 turns a second completed for the last 5 s.
    for (let s = 0; s < 5; s++) {
      for (let i = 0; i < 10; i++) {
        expect(admission.tryEnter()).toBe(true);
        admission.leave();
      }
      clock.ms += 1000;
    }
    expect(admission.serviceRate()).toBe(10);
    const waits = refuse(admission, 40);
    // The 10th caller waits a second, the 11th two, the 40th four: a place each 100 ms.
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(1));
    expect(waits[10]).toBe(2);
    expect(waits[39]).toBe(4);
    expect(admission.stats().refused).toBe(40);
  });

  it("a slower service rate makes the same queue wait longer", () => {
    const { admission, clock } = admissionAt(4);
    for (let s = 0; s < 5; s++) {
      admission.tryEnter();
      admission.leave();
      clock.ms += 1000;
    }
    expect(admission.serviceRate()).toBe(1);
    expect(refuse(admission, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("the virtual queue drains with time: once its callers' turns are due, the next caller waits a second again", () => {
    const { admission, clock } = admissionAt(2);
    // No rate measured yet: the bound's worth of turns a second is assumed.
    expect(refuse(admission, 6)).toEqual([1, 1, 2, 2, 3, 3]);
    clock.ms += 3000;
    expect(refuse(admission, 1)).toEqual([1]);
  });

  it("is never more than its cap however long the queue, and the queue is no longer than the cap", () => {
    const { admission, clock } = admissionAt(1);
    const waits = refuse(admission, 500);
    expect(Math.max(...waits)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(waits.every((w) => Number.isInteger(w) && w >= 1)).toBe(true);
    // Those 500 were all told to come back within the cap; once it has passed, a new caller is near the front.
    clock.ms += MAX_RETRY_AFTER_SECONDS * 1000;
    expect(refuse(admission, 1)).toEqual([1]);
  });

  it("old completions leave the rate: after a quiet spell the rate is unknown again", () => {
    const { admission, clock } = admissionAt(8);
    for (let i = 0; i < 50; i++) {
      admission.tryEnter();
      admission.leave();
    }
    clock.ms += 1000;
    expect(admission.serviceRate()).toBe(10);
    clock.ms += 60_000;
    expect(admission.serviceRate()).toBe(8);
  });
});

describe("admission's bound on a slow host", () => {
  /** `perSecond` turns answered (or, with answered false, abandoned) each second for 5 s. */
  function served(admission: Admission, clock: { ms: number }, perSecond: number, answered = true): void {
    for (let s = 0; s < 5; s++) {
      for (let i = 0; i < perSecond; i++) {
        admission.tryEnter();
        admission.leave(answered);
      }
      clock.ms += 1000;
    }
  }

  it("opens only the places whose turns can finish within half their budget at the rate turns are answered", () => {
    const { admission, clock } = admissionAt(16);
    served(admission, clock, 1);
    // One turn a second, a 10 s budget: five turns in flight are five seconds' work.
    expect(admission.limit()).toBe(5);
    expect(Array.from({ length: 6 }, () => admission.tryEnter())).toEqual([true, true, true, true, true, false]);
  });

  it("keeps the whole bound where turns are answered fast enough, and never fewer than four places", () => {
    const fast = admissionAt(16);
    served(fast.admission, fast.clock, 20);
    expect(fast.admission.limit()).toBe(16);
    const crawling = admissionAt(16);
    for (let i = 0; i < 3; i++) {
      crawling.admission.tryEnter();
      crawling.admission.leave();
    }
    crawling.clock.ms += 1000;
    expect(crawling.admission.serviceRate()).toBeCloseTo(0.6);
    expect(crawling.admission.limit()).toBe(4);
  });

  it("turns abandoned past their budget are not service: they neither set the rate nor narrow the bound", () => {
    const { admission, clock } = admissionAt(16);
    served(admission, clock, 1, false);
    expect(admission.limit()).toBe(16);
    expect(admission.serviceRate()).toBe(16);
  });
});

describe("the admission gate in front of the HTTP server", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    server = undefined;
  });

  it("answers the probes itself, before the server's own handler, even when every place is taken", async () => {
    const handled: string[] = [];
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      handled.push(`${req.method} ${req.url}`);
      res.end("from the server");
    });
    const admission = new Admission(1);
    expect(admission.tryEnter()).toBe(true); // the only place is taken
    gateTurns(server, admission, {
      isTurn: (req) => req.method === "POST" && req.url === "/api/messages",
      probe: (req) => (req.method === "GET" && req.url === "/healthz" ? { status: 200, body: '{"status":"ok"}' } : undefined),
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("content-type")).toBe("application/json");
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await fetch(`${url}/other`)).status).toBe(200);
    expect(handled).toEqual(["GET /other"]);
  });

  it("refuses turns past the bound with 503 and Retry-After before the server's own handler runs or the body is read, and lets everything else through", async () => {
    const handled: string[] = [];
    const held: ServerResponse[] = [];
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      handled.push(`${req.method} ${req.url}`);
      if (req.url === "/healthz") res.end("ok");
      else held.push(res); // a turn being worked on
    });
    const admission = new Admission(2);
    const refused: number[] = [];
    gateTurns(server, admission, { isTurn: (req) => req.method === "POST" && req.url === "/api/messages", onRefused: (s) => refused.push(s) });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = () => fetch(`${url}/api/messages`, { method: "POST", body: "x".repeat(100_000) });

    const admitted = [post(), post()];
    while (held.length < 2) await new Promise((r) => setTimeout(r, 10));
    const busy = await Promise.all([post(), post(), post()]);
    expect(busy.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(busy.map((r) => r.headers.get("retry-after"))).toEqual(["1", "1", "2"]);
    expect(busy.every((r) => r.headers.get("connection") === "close")).toBe(true);
    expect(await busy[0]!.json()).toEqual({ error: expect.stringMatching(/busy/) });
    expect(refused).toEqual([1, 1, 2]);
    // Only the two admitted turns reached the handler; a health check is never refused.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(handled).toEqual(["POST /api/messages", "POST /api/messages", "GET /healthz"]);

    // A place frees when a turn's response closes.
    held.shift()!.end("done");
    await admitted[0];
    expect(admission.stats().inFlight).toBe(1);
    const next = post();
    while (held.length < 2) await new Promise((r) => setTimeout(r, 10));
    for (const res of held.splice(0)) res.end("done");
    expect((await next).status).toBe(200);
    await admitted[1];
  });
});

describe("the refusal log", () => {
  it("writes the first refusal of a spell at once and sums the rest of the interval in one line", async () => {
    const lines: { refused: number; maxRetryAfterSeconds: number }[] = [];
    const log = new RefusalLog((s) => lines.push(s), 50);
    log.add(1);
    log.add(2);
    log.add(3);
    expect(lines).toEqual([{ refused: 1, maxRetryAfterSeconds: 1 }]);
    await new Promise((r) => setTimeout(r, 120));
    expect(lines).toEqual([
      { refused: 1, maxRetryAfterSeconds: 1 },
      { refused: 2, maxRetryAfterSeconds: 3 },
    ]);
    log.add(1);
    log.close();
    expect(lines).toHaveLength(3);
  });
});
