import type { TurnContext } from "botbuilder";
// botbuilder-dialogs' own modules, not its index (which loads the prompts' text recognizers: see guided-form-dialog.ts).
import { ComponentDialog } from "botbuilder-dialogs/lib/componentDialog.js";
import type { DialogTurnResult } from "botbuilder-dialogs/lib/dialog.js";
import { WaterfallDialog } from "botbuilder-dialogs/lib/waterfallDialog.js";
import type { WaterfallStepContext } from "botbuilder-dialogs/lib/waterfallStepContext.js";
import type { DeadlineCalculator } from "../deadlines/index.js";
import { t } from "../messages/index.js";
import { DeadlineDialog, startDeadline } from "./deadline-dialog.js";
import { LessonDialog, startLesson } from "./lesson-dialog.js";
import { ReferralRouteDialog, startReferralRoute } from "./referral-route-dialog.js";
import type { InterruptibleDeps } from "./interruptible-dialog.js";
import type { AssistantPort } from "./ports.js";
import { Responder, type DialogRequest } from "./responder.js";
import { StrategyRecordDialog, startStrategyRecord } from "./strategy-record-dialog.js";
import { presenterOf, readingOf } from "./turn-keys.js";

const WATERFALL = "mainWaterfall";

/**
 * Opens a private (1:1) chat with the person who asked and starts the request there.
 * Resolves true when it did; false where the channel cannot (the user is then told how).
 */
export type PrivateChatOpener = (context: TurnContext, request: DialogRequest) => Promise<boolean>;

export interface MainDialogDeps {
  assistant: AssistantPort;
  calculator: DeadlineCalculator;
  openPrivateChat?: PrivateChatOpener;
}

/** Whether a conversation is shared by several people (a Teams channel or group chat). */
export function isShared(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat" || context.activity.conversation?.isGroup === true;
}

/**
 * Routes each message to what it asks for: an answer, next steps, a deadline or a
 * multi-turn dialog. The signpost has already been shown at the edge before this runs.
 * Multi-turn work about a child is never done where others can see it.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = "mainDialog";
  private readonly responder: Responder;

  constructor(private readonly deps: MainDialogDeps) {
    super(MainDialog.id);
    this.responder = new Responder(deps.assistant, [startStrategyRecord, startDeadline, startReferralRoute, startLesson]);
    const ui: InterruptibleDeps = { responder: this.responder };
    this.addDialog(new DeadlineDialog(deps.assistant, ui));
    this.addDialog(new StrategyRecordDialog({ clock: deps.assistant.clock, calculator: deps.calculator, assistant: deps.assistant }, ui));
    this.addDialog(new ReferralRouteDialog(ui));
    this.addDialog(new LessonDialog(ui));
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.route(s), (s) => s.endDialog(s.result)]));
    this.initialDialogId = WATERFALL;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const routed = await this.responder.respond(context, readingOf(context));
    if (routed.kind === "answered") return step.endDialog(routed.result);
    const { request } = routed;
    if (request.private && isShared(context)) {
      const opened = this.deps.openPrivateChat ? await this.deps.openPrivateChat(context, request) : false;
      await context.sendActivity(presenterOf(context).text(t("group.private", { how: t(opened ? "group.privateSent" : "group.privateOpen") })));
      return step.endDialog();
    }
    return step.beginDialog(request.dialogId, request.options);
  }
}
