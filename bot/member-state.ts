import { BotState, type Storage, type TurnContext } from "botbuilder";

/**
 * Dialog state kept per person in a shared conversation: in a Teams channel or group
 * chat each member has their own dialog, so one person's answer is never read as
 * another's, and nothing one person is drafting is visible to the next. A 1:1 chat
 * has one member, so its key is the conversation's.
 */
export class MemberDialogState extends BotState {
  constructor(storage: Storage) {
    super(storage, (context: TurnContext) => Promise.resolve(memberStateKey(context)));
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
