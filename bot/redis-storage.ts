import { randomBytes } from "node:crypto";
import type { StoreItems } from "botbuilder";
import { createClient } from "redis";
import type { StateCipher } from "./state-cipher.js";
import { StateConflict, StateUnavailable, type StateStore, type StoreHealth } from "./state-store.js";

type RedisClient = ReturnType<typeof createClient>;

/** Something the store reports for the operator's log: never keys or values. */
export type StoreEvent =
  | { type: "state_store_unavailable"; store: "redis"; reason: string }
  | { type: "state_store_retry"; store: "redis"; attempt: number; inMs: number; reason: string }
  | { type: "state_store_ready"; store: "redis"; recovered: boolean };

export interface RedisStorageOptions {
  url: string;
  cipher: StateCipher;
  /** Seconds a conversation's state lives after its last write (data minimisation). */
  ttlSeconds: number;
  /** Key prefix, so several bots can share one Redis. */
  prefix?: string;
  /** Longest wait for one command before the turn is failed (ms). */
  commandTimeoutMs?: number;
  onEvent?: (event: StoreEvent) => void;
}

/** Reconnection backoff: 100 ms doubling to 10 s, for ever (recovery needs no restart). */
export function reconnectDelay(attempt: number): number {
  return Math.min(10_000, 100 * 2 ** Math.min(attempt, 7));
}

// Compare-and-set of one item, atomic in Redis. Stored values are "<eTag>|<sealed JSON>".
// ARGV: expected eTag ("*" any, "new" only if absent), new eTag, sealed value, TTL seconds.
const WRITE_IF_MATCH = `
local current = redis.call('GET', KEYS[1])
local expected = ARGV[1]
if expected ~= '*' then
  if expected == 'new' then
    if current then return 0 end
  else
    if not current then return 0 end
    local tag = string.match(current, '^([^|]*)|')
    if tag ~= expected then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[2] .. '|' .. ARGV[3], 'EX', tonumber(ARGV[4]))
return 1`;

/**
 * Bot Framework conversation state in Redis, for running more than one instance.
 * Values are encrypted; keys are keyed hashes of the ids the channel chose (never
 * the ids themselves, never user text). Writes honour eTags (state-store.ts), so
 * simultaneous turns of one conversation on different instances cannot lose one.
 * The client reconnects for ever with backoff; while Redis is down every operation
 * fails at once with StateUnavailable (no offline queue, no 10 s waits), and the
 * outage and the recovery are each logged once.
 */
export class RedisStorage implements StateStore {
  readonly name = "redis";
  private readonly prefix: string;
  private readonly client: RedisClient;
  private ready = false;
  private lastError: string | undefined = "connecting";
  private everReady = false;
  private reportedDown = false;
  private closed = false;
  private readonly connected: Promise<void>;

  private constructor(private readonly options: RedisStorageOptions) {
    this.prefix = options.prefix ?? "safeguarding:state:";
    const timeout = options.commandTimeoutMs ?? 2000;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      commandOptions: { timeout },
      pingInterval: 5000,
      socket: {
        connectTimeout: timeout,
        reconnectStrategy: (attempt: number, cause: Error) => {
          const inMs = reconnectDelay(attempt);
          this.options.onEvent?.({ type: "state_store_retry", store: "redis", attempt: attempt + 1, inMs, reason: reasonOf(cause) });
          return inMs;
        },
      },
    });
    this.client.on("ready", () => {
      this.ready = true;
      this.lastError = undefined;
      this.options.onEvent?.({ type: "state_store_ready", store: "redis", recovered: this.everReady || this.reportedDown });
      this.everReady = true;
      this.reportedDown = false;
    });
    this.client.on("error", (e: Error) => this.down(reasonOf(e)));
    this.client.on("end", () => this.down("connection closed"));
    this.connected = this.client.connect().then(
      () => undefined,
      (e: unknown) => {
        if (!this.closed) this.down(reasonOf(e));
      },
    );
  }

  /** Start connecting (in the background, retrying with backoff); use health() to see whether it is ready. */
  static create(options: RedisStorageOptions): RedisStorage {
    return new RedisStorage(options);
  }

  /** Connect and wait until Redis answers (scripts and tests). */
  static async connect(options: RedisStorageOptions): Promise<RedisStorage> {
    const storage = new RedisStorage(options);
    await storage.connected;
    if (!storage.ready) throw new StateUnavailable("redis");
    return storage;
  }

  health(): StoreHealth {
    return this.ready ? { ready: true } : { ready: false, error: `redis: ${this.lastError ?? "not connected"}` };
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const values = await this.call(() => this.client.mGet(keys.map((k) => this.keyOf(k))));
    const items: StoreItems = {};
    const open = (value: string, eTag?: string): object => {
      const bar = value.indexOf("|");
      return { ...(JSON.parse(this.options.cipher.decrypt(value.slice(bar + 1))) as object), eTag: eTag ?? value.slice(0, bar) };
    };
    keys.forEach((key, i) => {
      const value = values[i];
      if (typeof value === "string") items[key] = open(value);
    });
    // During a key rotation, state written before the switch sits under the previous key's
    // hash: read it from there, and let the next write (unconditional, eTag "*") move it.
    for (const key of keys.filter((k) => !(k in items))) {
      for (const hashed of this.options.cipher.previousHashKeys(key)) {
        const old = await this.call(() => this.client.get(this.prefix + hashed));
        if (typeof old === "string") {
          items[key] = open(old, "*");
          break;
        }
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: expected, ...value } = item as { eTag?: string };
      const eTag = randomBytes(6).toString("hex");
      const sealed = this.options.cipher.encrypt(JSON.stringify(value));
      const written = await this.call(() =>
        this.client.eval(WRITE_IF_MATCH, {
          keys: [this.keyOf(key)],
          arguments: [expected ?? "*", eTag, sealed, String(this.options.ttlSeconds)],
        }),
      );
      if (written !== 1) throw new StateConflict(key);
      (item as { eTag?: string }).eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.call(() => this.client.del(keys.map((k) => this.keyOf(k))));
  }

  /** Resolves when Redis answers a PING (health checks). */
  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.client.isOpen) await this.client.close();
    else this.client.destroy();
  }

  /** The Redis key of a state key: prefix and keyed hash, never the channel's id itself. */
  keyOf(key: string): string {
    return this.prefix + this.options.cipher.hashKey(key);
  }

  private async call<T>(op: () => Promise<T>): Promise<T> {
    if (!this.ready) throw new StateUnavailable("redis");
    try {
      return await op();
    } catch (e) {
      // Replies Redis gave (a script error) are bugs; anything else means it cannot be reached.
      if (e instanceof Error && e.constructor.name === "ErrorReply") throw e;
      this.down(reasonOf(e));
      throw new StateUnavailable("redis", e);
    }
  }

  private down(reason: string): void {
    if (this.closed) return;
    this.ready = this.client.isReady;
    if (this.ready) return;
    this.lastError = reason;
    if (!this.reportedDown) {
      this.reportedDown = true;
      this.options.onEvent?.({ type: "state_store_unavailable", store: "redis", reason });
    }
  }
}

/** A short, fixed description of a connection problem (an error code, not a message that could carry data). */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  if (e instanceof Error) return e.constructor.name === "Error" ? e.message.slice(0, 80) : e.constructor.name;
  return "unknown";
}
