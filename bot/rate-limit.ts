import { ActivityTypes, type Middleware, type TurnContext } from "botbuilder";
import type { Logger } from "../core/logger.js";
import { triageByRules } from "../escalation/index.js";
import { isShared } from "../dialogs/main-dialog.js";
import { t } from "../messages/index.js";
import { mentionsBot, sendSignpost, textFromValue } from "./turn-reader.js";

/**
 * Token buckets per key: `perMinute` sustained, `burst` at once. Idle keys are dropped
 * (a full bucket needs no memory), so the map holds only conversations talking now.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private calls = 0;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spend one token for `key`; false when it has none left. */
  take(key: string): boolean {
    const now = this.now();
    if (++this.calls % 1000 === 0) this.sweep(now);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) * this.perMinute) / 60_000);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(key, b);
    return allowed;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    const refill = (this.burst * 60_000) / this.perMinute;
    for (const [key, b] of this.buckets) if (now - b.at >= refill) this.buckets.delete(key);
  }
}

/**
 * Per-conversation rate limit, first in the turn. A message over the limit is not read
 * by the model or answered; it still gets the rules' signpost first (they need no
 * model and take microseconds), then a plain request to slow down.
 */
export class ConversationRateLimit implements Middleware {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type !== ActivityTypes.Message) return next();
    // Messages not for the bot (a shared conversation without a mention) are ignored further in; don't count them.
    if (isShared(context) && !mentionsBot(a) && textFromValue(a.value) === null) return next();
    const key = `${a.channelId ?? "unknown"}/${(a.conversation?.id ?? "unknown").split(";messageid=")[0]}`;
    if (this.limiter.take(key)) return next();
    const text = typeof a.text === "string" ? a.text : (textFromValue(a.value) ?? "");
    await sendSignpost(context, text.trim() === "" ? null : triageByRules(text));
    await context.sendActivity(t("input.slowDown"));
    this.logger.warn({ event: "rate_limited", channelId: a.channelId }, "conversation over its message rate");
  }
}
