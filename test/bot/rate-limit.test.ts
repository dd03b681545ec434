import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../bot/rate-limit.js";

describe("per-conversation rate limit", () => {
  it("a burst is allowed, the next message is not, and the allowance comes back with time", () => {
    let now = 0;
    const limiter = new RateLimiter(30, 5, () => now);
    for (let i = 0; i < 5; i++) expect(limiter.take("c1")).toBe(true);
    expect(limiter.take("c1")).toBe(false);
    now += 2000; // 30 a minute: one every 2 s
    expect(limiter.take("c1")).toBe(true);
    expect(limiter.take("c1")).toBe(false);
  });

  it("one conversation's burst does not slow another down", () => {
    const limiter = new RateLimiter(30, 2, () => 0);
    limiter.take("c1");
    limiter.take("c1");
    expect(limiter.take("c1")).toBe(false);
    expect(limiter.take("c2")).toBe(true);
  });

  it("conversations that have gone quiet are forgotten", () => {
    let now = 0;
    const limiter = new RateLimiter(60, 10, () => now);
    for (let i = 0; i < 999; i++) limiter.take(`c${i}`);
    now += 60_000;
    limiter.take("fresh");
    expect(limiter.size).toBe(1);
  });
});
