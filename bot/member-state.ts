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
  const channel = a.channelId ?? "unknown";
  const conversation = a.conversation?.id ?? "unknown";
  const shared = a.conversation?.conversationType === "channel" || a.conversation?.conversationType === "groupChat" || a.conversation?.isGroup === true;
  // A channel's threads share the channel's id up to ";messageid=": a person's dialog follows them across threads.
  const base = `${channel}/conversations/${conversation.split(";messageid=")[0]}`;
  return shared ? `${base}/members/${a.from?.id ?? "unknown"}` : base;
}
