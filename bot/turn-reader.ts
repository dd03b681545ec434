import {
  ActivityTypes,
  MessageFactory,
  TurnContext,
  type Activity,
  type Middleware,
} from "botbuilder";
import type { Assistant, DraftView, MessageReading } from "../assistant/index.js";
import { toSignpost } from "../assistant/signpost.js";
import { isShared } from "../dialogs/main-dialog.js";
import { TURN_PRESENTER, TURN_READING } from "../dialogs/turn-keys.js";
import { signpostCard, signpostHeading } from "./cards.js";
import { ChannelPresenter, surfaceOf, type Surface } from "./presenter.js";
import { WEB_CHAT_CHANNELS } from "./web-chat-citations.js";

export interface TurnReaderOptions {
  /** Let trace activities (botbuilder's state snapshots, which hold user text) leave the server. */
  debugTraces: boolean;
  /** A "Download as Word" link for a draft made in this turn's conversation, when the server offers one. */
  recordLink?: (draft: DraftView, context: TurnContext) => string | null;
}

/** Where card buttons carry their answer: `{ answer }`, `{ text }` or `{ command }`. */
export function textFromValue(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  for (const key of ["answer", "text", "command"]) {
    if (typeof v[key] === "string" && (v[key] as string).trim() !== "") return v[key] as string;
  }
  return null;
}

/** Whether this message mentions the bot (Teams puts an `<at>` mention entity in channel messages). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

/**
 * The edge of every turn (STYLE.md 5a). For a message it removes the @mention, takes a
 * card button's value as the words, reads the message once (triage first, whatever is
 * running) and shows the signpost before anything else; it picks how replies look for
 * this channel; and it keeps trace activities in unless an operator turned them on.
 * In a shared conversation (a Teams channel or group chat) a message that does not
 * mention the bot is not for it.
 */
export class TurnReader implements Middleware {
  constructor(
    private readonly assistant: Pick<Assistant, "read">,
    private readonly opts: TurnReaderOptions,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.opts.debugTraces) {
      context.onSendActivities(async (_ctx, activities, send) => {
        const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
        if (kept.length === activities.length) return send();
        // Replace the array's contents so the adapter sends only what is kept.
        activities.splice(0, activities.length, ...kept);
        return kept.length > 0 ? send() : [];
      });
    }
    const recordLink = this.opts.recordLink;
    const link: Surface["recordLink"] = recordLink ? (draft) => recordLink(draft, context) : undefined;
    context.turnState.set(TURN_PRESENTER, new ChannelPresenter(surfaceOf(context, link)));
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return next();

    const fromButton = textFromValue(activity.value);
    if (isShared(context) && !mentionsBot(activity) && fromButton === null) return;
    const typed = typeof activity.text === "string" ? TurnContext.removeRecipientMention(activity) ?? "" : "";
    const raw = typed.trim() !== "" ? typed : (fromButton ?? "");

    const reading = await this.assistant.read(raw);
    context.turnState.set(TURN_READING, reading);
    await sendSignpost(context, reading.triage);
    await next();
  }
}

/**
 * The signpost card, first. Channels whose clients may not show cards (the Emulator's
 * older clients, curl) also get its words as text; Teams and Web Chat show the card alone.
 */
export async function sendSignpost(context: TurnContext, triage: MessageReading["triage"]): Promise<void> {
  const signpost = triage ? toSignpost(triage) : null;
  if (!signpost) return;
  const card = MessageFactory.attachment(signpostCard(signpost));
  card.summary = `${signpostHeading(signpost.level)}: ${signpost.text}`;
  const channelId = context.activity.channelId ?? "";
  if (channelId !== "msteams" && !WEB_CHAT_CHANNELS.has(channelId)) card.text = signpost.text;
  card.speak = signpost.text;
  // Marked urgent, so a client can announce it at once (the web page reads it out as an alert).
  card.importance = "high";
  await context.sendActivity(card);
}
