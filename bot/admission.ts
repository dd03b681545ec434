/**
 * A bound on turns being worked on at once. Past it a caller gets 503 with Retry-After
 * at once (Teams and the Bot Connector retry), never a silent wait in a queue that only
 * grows: each admitted turn keeps a fair share of the worker threads.
 */
export class Admission {
  private inFlight = 0;
  private refusedCount = 0;

  constructor(readonly maxInFlight: number) {}

  /** Take a place, or false when all are taken. Every true must be matched by one leave(). */
  tryEnter(): boolean {
    if (this.inFlight >= this.maxInFlight) {
      this.refusedCount++;
      return false;
    }
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Seconds a refused caller should wait: the queue is short by construction, so one. */
  retryAfterSeconds(): number {
    return 1;
  }

  stats(): { inFlight: number; max: number; refused: number } {
    return { inFlight: this.inFlight, max: this.maxInFlight, refused: this.refusedCount };
  }
}
