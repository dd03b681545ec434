import { randomBytes } from "node:crypto";
import type { StoreItems } from "botbuilder";
import { eTagAllows, StateConflict, type StateStore, type StoreHealth } from "./state-store.js";

interface Entry {
  json: string;
  eTag: string;
  touched: number;
}

/**
 * In-process conversation state that forgets idle conversations, with eTags (see
 * state-store.ts). Bot Framework's MemoryStorage keeps every conversation for the life
 * of the process and writes unconditionally when an item is missing; dialog state can
 * hold notes about a child, so it is dropped once idle for `ttlSeconds`, and a turn
 * that read an older state cannot overwrite a newer one.
 */
export class ExpiringMemoryStorage implements StateStore {
  readonly name = "memory";
  private readonly items = new Map<string, Entry>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    this.purge();
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.items.get(key);
      if (entry) out[key] = { ...(JSON.parse(entry.json) as object), eTag: entry.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    this.purge();
    // All or nothing: check every eTag before changing anything.
    for (const [key, item] of Object.entries(changes)) {
      if (!eTagAllows((item as { eTag?: string }).eTag, this.items.get(key)?.eTag)) throw new StateConflict(key);
    }
    const t = this.now();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _old, ...value } = item as { eTag?: string };
      const eTag = randomBytes(6).toString("hex");
      // Deleted first, so the map stays in the order of last writes and purge() stops at the first fresh entry.
      this.items.delete(key);
      this.items.set(key, { json: JSON.stringify(value), eTag, touched: t });
      (item as { eTag?: string }).eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  health(): StoreHealth {
    return { ready: true };
  }

  async close(): Promise<void> {
    this.items.clear();
  }

  /** Forget idle conversations: the oldest writes come first, so this costs the expired entries only, not every conversation. */
  private purge(): void {
    const cutoff = this.now() - this.ttlSeconds * 1000;
    for (const [key, entry] of this.items) {
      if (entry.touched >= cutoff) break;
      this.items.delete(key);
    }
  }
}
