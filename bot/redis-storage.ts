import type { Storage, StoreItems } from "botbuilder";
import { createClient } from "redis";
import type { StateCipher } from "./state-cipher.js";

type RedisClient = ReturnType<typeof createRedisClient>;

function createRedisClient(url: string) {
  return createClient({ url });
}

export interface RedisStorageOptions {
  url: string;
  cipher: StateCipher;
  /** Seconds a conversation's state lives after its last write (data minimisation). */
  ttlSeconds: number;
  /** Key prefix, so several bots can share one Redis. */
  prefix?: string;
}

/**
 * Bot Framework conversation state in Redis, for running more than one instance.
 * Values are encrypted; keys are hashed ids the channel chose, never user text.
 * Last write wins (no eTag concurrency): one user's turns arrive one at a time.
 */
export class RedisStorage implements Storage {
  private readonly prefix: string;

  private constructor(
    private readonly client: RedisClient,
    private readonly options: RedisStorageOptions,
  ) {
    this.prefix = options.prefix ?? "safeguarding:state:";
  }

  static async connect(options: RedisStorageOptions): Promise<RedisStorage> {
    const client = createRedisClient(options.url);
    // Connection errors are reported by the operations that fail; don't crash the process.
    client.on("error", () => undefined);
    await client.connect();
    return new RedisStorage(client, options);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const values = await this.client.mGet(keys.map((k) => this.prefix + k));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const value = values[i];
      if (typeof value === "string") items[key] = JSON.parse(this.options.cipher.decrypt(value));
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const multi = this.client.multi();
    for (const [key, value] of Object.entries(changes)) {
      multi.set(this.prefix + key, this.options.cipher.encrypt(JSON.stringify(value)), { EX: this.options.ttlSeconds });
    }
    await multi.exec();
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(keys.map((k) => this.prefix + k));
  }

  /** Resolves when Redis answers a PING (health checks). */
  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}
