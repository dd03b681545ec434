import {
  ActivityTypes,
  MessageFactory,
  TeamsActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from "botbuilder";
import { runDialog, type DialogState } from "botbuilder-dialogs";
import type { Logger } from "../core/logger.js";
import { describeText } from "../core/logger.js";
import { toSignpost, type Assistant } from "../assistant/index.js";
import { HELP_TEXT, MainDialog } from "../dialogs/main-dialog.js";
import { signpostCard } from "./cards.js";
import { TURN_TRIAGE } from "../dialogs/turn-keys.js";

export interface SafeguardingBotDeps {
  assistant: Assistant;
  conversationState: ConversationState;
  dialog: MainDialog;
  logger: Logger;
}

/**
 * The Teams/Web Chat activity handler. Every message is triaged first, whatever
 * dialog is running, and a signpost (when needed) is sent before anything else.
 * Nothing in a message or a setting can skip that step.
 */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: SafeguardingBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>("dialogState");

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== botId) {
          await context.sendActivity(`Hello. ${HELP_TEXT}`);
          break;
        }
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    const text = typeof context.activity.text === "string" ? context.activity.text : "";
    const hasValue = context.activity.value !== undefined && context.activity.value !== null;

    // 1. Triage the whole message before anything else, however long it is.
    const triage = text.trim() === "" ? null : await this.deps.assistant.assess(text);
    const signpost = triage ? toSignpost(triage) : null;
    context.turnState.set(TURN_TRIAGE, triage);
    if (signpost) {
      const card = MessageFactory.attachment(signpostCard(signpost));
      // Teams shows the card alone; other channels also get the words as text, in
      // case the client cannot render cards (SMS, plain Direct Line clients).
      if (context.activity.channelId !== "msteams") card.text = signpost.text;
      card.speak = signpost.text;
      await context.sendActivity(card);
    }

    // 2. Inputs we can't work with get a clear reply; any running dialog is kept as it was.
    const limit = this.deps.assistant.config.limits.maxMessageChars;
    let outcome = "dialog";
    if (text.trim() === "" && !hasValue) {
      outcome = "empty";
      await context.sendActivity("Please type your question (I did not receive any text).");
    } else if (text.length > limit) {
      outcome = "too_long";
      await context.sendActivity(
        `That message is too long for me to work with (${text.length.toLocaleString("en-GB")} characters; the limit is ` +
          `${limit.toLocaleString("en-GB")}). I have checked all of it for signs of danger. Please send your question or notes in smaller parts.`,
      );
    } else {
      // 3. The conversation: route, or continue the dialog already under way.
      await runDialog(this.deps.dialog, context, this.dialogState);
    }
    this.deps.logger.info(
      {
        event: "turn",
        channelId: context.activity.channelId,
        activityType: ActivityTypes.Message,
        input: describeText(text),
        triage: triage?.level ?? "none",
        outcome,
        ms: Math.round(performance.now() - started),
      },
      "message handled",
    );
  }
}
