import { MemoryStorage, type StoreItems } from "botbuilder";

/**
 * In-process conversation state that forgets idle conversations. Bot Framework's
 * MemoryStorage keeps every conversation for the life of the process; dialog state
 * can hold notes about a child, so it is dropped once idle for `ttlSeconds`.
 */
export class ExpiringMemoryStorage extends MemoryStorage {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override async read(keys: string[]): Promise<StoreItems> {
    await this.purge();
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    await super.write(changes);
    const t = this.now();
    for (const key of Object.keys(changes)) this.touched.set(key, t);
    await this.purge();
  }

  override async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.touched.delete(key);
    await super.delete(keys);
  }

  private async purge(): Promise<void> {
    const cutoff = this.now() - this.ttlSeconds * 1000;
    const expired = [...this.touched].filter(([, t]) => t < cutoff).map(([k]) => k);
    if (expired.length > 0) await this.delete(expired);
  }
}
