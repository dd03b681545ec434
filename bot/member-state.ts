import { BotState, calculateChangeHash, type Storage, type TurnContext } from "botbuilder";
import { NEW_ITEM_ETAG } from "./state-store.js";

interface Cached {
  state: Record<string, unknown>;
  hash: string;
  /** The eTag the state was read with; the write must still match it. */
  eTag: string;
}

/**
 * Dialog state kept per person in a shared conversation: in a Teams channel or group
 * chat each member has their own dialog, so one person's answer is never read as
 * another's, and nothing one person is drafting is visible to the next. A 1:1 chat
 * has one member, so its key is the conversation's.
 *
 * Unlike botbuilder's BotState, which always writes with eTag "*" (last write wins),
 * the state is written with the eTag it was read with: when two turns of the same
 * conversation overlap, the later write fails with a conflict and the turn is redone
 * on the newer state (see SafeguardingBot), so neither turn is lost.
 */
export class MemberDialogState extends BotState {
  private readonly cacheKey = Symbol("memberDialogState");

  constructor(storage: Storage) {
    super(storage, (context: TurnContext) => Promise.resolve(memberStateKey(context)));
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (cached && !force) return cached.state;
    const key = memberStateKey(context);
    const items = await this.storage.read([key]);
    const { eTag, ...state } = (items[key] ?? {}) as Record<string, unknown> & { eTag?: string };
    context.turnState.set(this.cacheKey, { state, hash: calculateChangeHash(state), eTag: eTag ?? NEW_ITEM_ETAG } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!cached || (!force && cached.hash === calculateChangeHash(cached.state))) return;
    const item = { ...cached.state, eTag: cached.eTag };
    await this.storage.write({ [memberStateKey(context)]: item });
    cached.hash = calculateChangeHash(cached.state);
    // Our stores put the new eTag on the item; with another store, later writes this turn are unconditional.
    cached.eTag = item.eTag !== cached.eTag ? item.eTag : "*";
  }

  override clear(context: TurnContext): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    context.turnState.set(this.cacheKey, { state: {}, hash: "", eTag: cached?.eTag ?? NEW_ITEM_ETAG } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([memberStateKey(context)]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
  }
}

export function memberStateKey(context: TurnContext): string {
  const a = context.activity;
  const shared = a.conversation?.conversationType === "channel" || a.conversation?.conversationType === "groupChat" || a.conversation?.isGroup === true;
  const base = conversationStateKey(a.channelId ?? "unknown", a.conversation?.id ?? "unknown");
  return shared ? `${base}/members/${a.from?.id ?? "unknown"}` : base;
}

/** The state key of a 1:1 conversation (so a forgotten web conversation's state can be deleted with it). */
export function conversationStateKey(channelId: string, conversationId: string): string {
  // A channel's threads share the channel's id up to ";messageid=": a person's dialog follows them across threads.
  return `${channelId}/conversations/${conversationId.split(";messageid=")[0]}`;
}
