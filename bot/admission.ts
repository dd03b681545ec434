import type { IncomingMessage, Server, ServerResponse } from "node:http";

/** The longest wait a refused caller is told to make, seconds: a turn's budget; a reply later than that is little use. */
export const MAX_RETRY_AFTER_SECONDS = 10;

/** Seconds of completed turns the service rate is measured over. */
const RATE_WINDOW_SECONDS = 5;

/** Fewer answered turns than this in the window and the rate is not known (a start, or a quiet spell). */
const MIN_COMPLETIONS_FOR_RATE = 3;

/** The fewest places a slow host still keeps open: enough for the model's batches (four turns) to fill. */
const MIN_PLACES = 4;

export interface AdmissionOptions {
  /** A turn's time budget (TURN_BUDGET_MS), ms: what a slow host's bound is sized from. */
  turnBudgetMs?: number;
  /** The clock, ms (tests move their own). */
  now?: () => number;
}

/** Body of the refusal: the same bytes every time, made once. */
const BUSY_BODY = JSON.stringify({ error: "The assistant is busy. Please try again in a moment." });

/**
 * A bound on turns being worked on at once. Past it a caller gets 503 with Retry-After
 * at once (Teams and the Bot Connector retry), never a silent wait in a queue that only
 * grows: each admitted turn keeps a fair share of the worker threads.
 *
 * Retry-After is a place in a virtual queue: each refused caller is given the moment a
 * place should be free for it, one turn's service time (measured from the turns
 * completed in the last few seconds) after the caller refused before it. So the wait
 * grows with the callers already waiting, and they come back spread out, about as fast
 * as turns complete, instead of all of them every second (each refusal is CPU taken
 * from the turns being answered). On a host so slow that a turn would wait past half
 * its budget behind the others, fewer places are open (limit()).
 */
export class Admission {
  private inFlight = 0;
  private refusedCount = 0;
  /** When the last caller refused was told to come back, ms (performance.now()). */
  private queueTail = 0;
  /** Turns completed per second, for the last RATE_WINDOW_SECONDS + 1 seconds (a ring by whole second). */
  private readonly completed = new Array<number>(RATE_WINDOW_SECONDS + 1).fill(0);
  private completedSecond = 0;

  private readonly turnBudgetMs: number;
  private readonly now: () => number;

  constructor(
    readonly maxInFlight: number,
    options: AdmissionOptions = {},
  ) {
    this.turnBudgetMs = options.turnBudgetMs ?? 10_000;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Places open now: the bound, or fewer when turns are completing so slowly (a host
   * shared with other work) that a turn admitted behind the others would not finish within
   * half its budget. Past the budget a turn is abandoned with all its work wasted, so
   * admitting it only takes CPU from the turns that can still be answered.
   */
  limit(): number {
    const rate = this.measuredRate(this.now());
    if (rate === undefined) return this.maxInFlight;
    const fits = Math.floor((rate * this.turnBudgetMs) / 2000);
    return Math.max(Math.min(MIN_PLACES, this.maxInFlight), Math.min(this.maxInFlight, fits));
  }

  /** Take a place, or false when all are taken. Every true must be matched by one leave(). */
  tryEnter(): boolean {
    if (this.inFlight >= this.limit()) {
      this.refusedCount++;
      return false;
    }
    this.inFlight++;
    return true;
  }

  /**
   * A turn is done: its place is free. Only answered turns count toward the service rate
   * (`answered` false for one abandoned past its budget, or failed: its time bought nothing).
   */
  leave(answered = true): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (!answered) return;
    this.advance(Math.floor(this.now() / 1000));
    this.completed[this.completedSecond % this.completed.length]! += 1;
  }

  /**
   * Seconds the caller just refused should wait: its place in the virtual queue, at
   * least 1 and at most MAX_RETRY_AFTER_SECONDS. Call once per refusal (each call
   * takes a place).
   */
  retryAfterSeconds(): number {
    const now = this.now();
    // The queue is no longer than the longest wait advised: past it, callers come back and queue again.
    this.queueTail = Math.min(Math.max(this.queueTail, now) + 1000 / this.serviceRate(now), now + MAX_RETRY_AFTER_SECONDS * 1000);
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil((this.queueTail - now) / 1000)));
  }

  /**
   * Turns answered per second over the last few whole seconds. Until that is known (a
   * start, a quiet spell), the bound's worth a second is assumed: the bound is sized so a
   * full house is under a second's work on a host to itself.
   */
  serviceRate(now = this.now()): number {
    return this.measuredRate(now) ?? this.maxInFlight;
  }

  private measuredRate(now: number): number | undefined {
    const second = Math.floor(now / 1000);
    this.advance(second);
    let sum = 0;
    // The seconds before this one (this one is not over).
    for (let s = second - RATE_WINDOW_SECONDS; s < second; s++) sum += this.completed[((s % this.completed.length) + this.completed.length) % this.completed.length]!;
    return sum < MIN_COMPLETIONS_FOR_RATE ? undefined : sum / RATE_WINDOW_SECONDS;
  }

  stats(): { inFlight: number; max: number; limit: number; refused: number } {
    return { inFlight: this.inFlight, max: this.maxInFlight, limit: this.limit(), refused: this.refusedCount };
  }

  /** Move the ring to `second`, clearing the seconds passed since it was last moved. */
  private advance(second: number): void {
    if (second <= this.completedSecond) return;
    const steps = Math.min(second - this.completedSecond, this.completed.length);
    for (let i = 1; i <= steps; i++) this.completed[(this.completedSecond + i) % this.completed.length] = 0;
    this.completedSecond = second;
  }
}

/** A reply made in full in front of the server: a status and a JSON body. */
export interface ProbeReply {
  status: number;
  body: string;
}

export interface AdmissionGateOptions {
  /** Whether a request carries a turn (is subject to the bound). */
  isTurn: (req: IncomingMessage) => boolean;
  /**
   * A reply for a request the gate answers itself (the health and readiness probes), or
   * undefined. Such a request never reaches the server's own handling: its reply costs a
   * few microseconds, whatever the turns in flight are doing to the router and middleware.
   */
  probe?: (req: IncomingMessage) => ProbeReply | undefined;
  /** Told of each refusal, after the reply is written (for a summary log line). */
  onRefused?: (retryAfterSeconds: number) => void;
}

/**
 * Put admission in front of the HTTP server's own request handling (restify's): a
 * refused turn is answered from here, before its body is read or parsed, before
 * restify makes its request and response objects or routes it, and before any state is
 * read. The connection is closed, as the body was never read. An admitted turn's place
 * is freed when its response closes, however it ends.
 */
export function gateTurns(server: Server, admission: Admission, options: AdmissionGateOptions): void {
  const handlers = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const probe = options.probe?.(req);
    if (probe) {
      res.writeHead(probe.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(probe.body), "Cache-Control": "no-store" });
      res.end(probe.body);
      return;
    }
    if (options.isTurn(req)) {
      if (!admission.tryEnter()) {
        const seconds = admission.retryAfterSeconds();
        res.writeHead(503, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(BUSY_BODY),
          "Retry-After": String(seconds),
          Connection: "close",
        });
        res.end(BUSY_BODY);
        options.onRefused?.(seconds);
        return;
      }
      // A 5xx (a turn abandoned past its budget, a failure) frees its place but was not service.
      res.once("close", () => admission.leave(res.writableFinished && res.statusCode < 500));
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
}

/**
 * Refusals summed for the log: one line per interval at most (a line per refusal would
 * cost, under overload, the CPU the admission bound is there to save).
 */
export class RefusalLog {
  private count = 0;
  private maxRetryAfter = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (summary: { refused: number; maxRetryAfterSeconds: number }) => void,
    private readonly intervalMs = 10_000,
  ) {}

  add(retryAfterSeconds: number): void {
    this.count++;
    this.maxRetryAfter = Math.max(this.maxRetryAfter, retryAfterSeconds);
    if (this.timer) return;
    // The first refusal of a spell is written at once; the rest of the interval's are summed.
    this.flush();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.count > 0) this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.count > 0) this.flush();
  }

  private flush(): void {
    this.write({ refused: this.count, maxRetryAfterSeconds: this.maxRetryAfter });
    this.count = 0;
    this.maxRetryAfter = 0;
  }
}
