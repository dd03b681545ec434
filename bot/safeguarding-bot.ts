import {
  ActivityTypes,
  CloudAdapter,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type BotState,
  type ConversationParameters,
  type InvokeResponse,
  type StatePropertyAccessor,
} from "botbuilder";
// botbuilder-dialogs' own modules, not its index, which loads the prompts' text recognizers
// (on this thread: 16 MB of heap, 34 MB of RSS) that nothing here uses.
import type { DialogState } from "botbuilder-dialogs/lib/dialogContext.js";
import { runDialog } from "botbuilder-dialogs/lib/dialogHelper.js";
import type { Assistant } from "../assistant/index.js";
import type { Logger } from "../core/logger.js";
import { describeText } from "../core/logger.js";
import type { MainDialog } from "../dialogs/main-dialog.js";
import type { DialogRequest } from "../dialogs/responder.js";
import { presenterOf, TURN_PRESENTER, TURN_READING, readingOf } from "../dialogs/turn-keys.js";
import { t } from "../messages/index.js";
import { textFromValue } from "./turn-reader.js";
import { HeldReplies } from "./held-replies.js";
import { isStateConflict } from "./state-store.js";
import { throwIfAbandoned } from "../core/turn-scope.js";

export interface SafeguardingBotDeps {
  assistant: Pick<Assistant, "read" | "config">;
  /** Dialog state, kept per member in shared conversations. */
  dialogState: BotState;
  dialog: MainDialog;
  logger: Logger;
  /** The bot's app id, needed to open a 1:1 chat proactively (Teams only). */
  appId?: string;
}

/** Tries of one turn when another turn of the same conversation keeps changing its state first. */
const MAX_TURN_ATTEMPTS = 4;

/** Invokes this bot handles; anything else gets a plain 400, never a turn error. */
const FEEDBACK_INVOKE = "message/submitAction";
const UNIVERSAL_ACTION_INVOKE = "adaptiveCard/action";

/**
 * The Teams/Web Chat activity handler. The edge (TurnReader) has already read the
 * message and shown any signpost; this routes it to the dialogs, welcomes people when
 * the bot is installed, and answers Teams invokes (feedback, card actions).
 */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly dialogAccessor: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: SafeguardingBotDeps) {
    super();
    this.dialogAccessor = deps.dialogState.createProperty<DialogState>("dialogState");

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    // Welcome once, when the bot itself is added (installed in a chat, a team or a
    // personal scope); people joining a team later are not greeted in the channel.
    // Teams announces an install twice (the bot joining, then installationUpdate): it is
    // welcomed on the installationUpdate; other channels only have the bot joining.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botJoined = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botJoined && context.activity.channelId !== "msteams") await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.dialogState.saveChanges(context, false);
  }

  private async welcome(context: TurnContext): Promise<void> {
    await context.sendActivity(presenterOf(context).help(t("welcome.hello")));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    const reading = context.turnState.get(TURN_READING) as ReturnType<typeof readingOf> | undefined;
    if (!reading) return; // not for this bot (a shared conversation without a mention)
    let outcome = "dialog";
    if (reading.empty) {
      outcome = "empty";
      const buttonOnly = context.activity.value !== undefined && context.activity.value !== null;
      await context.sendActivity(presenterOf(context).text(t(buttonOnly ? "input.unknownAction" : "input.empty")));
    } else if (reading.overLength) {
      outcome = "too_long";
      await context.sendActivity(
        presenterOf(context).text(t("input.tooLong", { length: reading.raw.length, limit: this.deps.assistant.config.limits.maxMessageChars })),
      );
    } else {
      outcome = await this.runDialogTurn(context);
    }
    this.deps.logger.info(
      {
        event: "turn",
        channelId: context.activity.channelId,
        conversationType: context.activity.conversation?.conversationType ?? "personal",
        input: describeText(reading.raw),
        triage: reading.triage?.level ?? "none",
        intent: reading.intent.kind,
        outcome,
        ms: Math.round(performance.now() - started),
      },
      "message handled",
    );
  }

  /**
   * Run the dialogs and save their state, with the replies held until the save
   * succeeds. If another turn of the same conversation saved first (an eTag conflict,
   * on this instance or another), the turn is redone on the newer state, so both
   * messages are recorded and each sender is told what was actually kept.
   */
  private async runDialogTurn(context: TurnContext): Promise<string> {
    const replies = new HeldReplies(context);
    for (let attempt = 1; ; attempt++) {
      // A turn abandoned while it was read (its caller gone, its budget spent) changes nothing.
      throwIfAbandoned();
      replies.hold();
      try {
        await runDialog(this.deps.dialog, context, this.dialogAccessor);
        await this.deps.dialogState.saveChanges(context, false);
        await replies.release();
        return attempt === 1 ? "dialog" : "dialog_redone";
      } catch (e) {
        replies.discard();
        if (!isStateConflict(e) || attempt >= MAX_TURN_ATTEMPTS) throw e;
        this.deps.logger.info({ event: "turn_redone", channelId: context.activity.channelId, attempt }, "state changed during the turn; redoing it");
        await this.deps.dialogState.load(context, true);
      }
    }
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? "";
    if (name === FEEDBACK_INVOKE) {
      const value = context.activity.value as { actionName?: string; actionValue?: { reaction?: string } } | undefined;
      const reaction = value?.actionValue?.reaction;
      // The rating is counted; the free-text feedback and the message rated are not kept.
      this.deps.logger.info(
        { event: "feedback", channelId: context.activity.channelId, reaction: reaction === "like" || reaction === "dislike" ? reaction : "other" },
        "feedback received",
      );
      return { status: StatusCodes.OK, body: {} };
    }
    if (name === UNIVERSAL_ACTION_INVOKE) {
      const data = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
      const words = textFromValue(data);
      if (words) {
        // A card button sent as a Universal Action: read it as the words it carries.
        context.turnState.set(TURN_READING, await this.deps.assistant.read(words));
        await runDialog(this.deps.dialog, context, this.dialogAccessor);
      }
      return {
        status: StatusCodes.OK,
        body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: words ? "Done." : t("input.unknownAction") },
      };
    }
    this.deps.logger.info({ event: "invoke_unsupported", channelId: context.activity.channelId }, "unsupported invoke");
    return { status: StatusCodes.BAD_REQUEST, body: { error: "This action is not supported by the safeguarding assistant." } };
  }

  /**
   * Opens a 1:1 Teams chat with the person who asked in a channel or group and starts
   * their request there, so nothing about a child is drafted where others can see it.
   */
  async openPrivateChat(context: TurnContext, request: DialogRequest): Promise<boolean> {
    const a = context.activity;
    const tenantId = (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (a.channelId !== "msteams" || !this.deps.appId || !tenantId || !a.from?.id) return false;
    const adapter = context.adapter as CloudAdapter;
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: a.recipient,
      members: [a.from],
      tenantId,
      channelData: { tenant: { id: tenantId } },
      activity: undefined as never,
      topicName: "",
    };
    const reading = readingOf(context);
    const presenter = context.turnState.get(TURN_PRESENTER);
    try {
      await adapter.createConversationAsync(this.deps.appId, a.channelId, a.serviceUrl ?? "", "", parameters, async (privateContext) => {
        privateContext.turnState.set(TURN_READING, { ...reading, intent: reading.intent });
        privateContext.turnState.set(TURN_PRESENTER, presenter);
        const accessor = this.dialogAccessor;
        await runDialog(this.deps.dialog, privateContext, accessor);
        await this.deps.dialogState.saveChanges(privateContext, false);
        void request;
      });
      return true;
    } catch (e) {
      this.deps.logger.warn({ event: "private_chat_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "could not open a 1:1 chat");
      return false;
    }
  }
}

export { ActivityTypes };
