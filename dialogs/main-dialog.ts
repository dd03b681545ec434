import { ActivityTypes, type TurnContext } from "botbuilder";
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from "botbuilder-dialogs";
import { isAppError } from "../core/errors.js";
import { classifyIntent } from "../assistant/index.js";
import { presentAsk, presentNext } from "../assistant/present.js";
import { DeadlineDialog, type DeadlineDialogOptions } from "./deadline-dialog.js";
import { StrategyRecordDialog } from "./strategy-record-dialog.js";
import type { DeadlineCalculator } from "../deadlines/index.js";
import type { DraftResult } from "../records/index.js";
import type { AssistantPort } from "./ports.js";
import { TURN_TRIAGE } from "./turn-keys.js";
import type { TriageResult } from "../escalation/index.js";

const WATERFALL = "mainWaterfall";

export const HELP_TEXT = [
  "I answer questions about child protection procedures in England and Wales from the guidance I hold, and I show where each answer comes from.",
  "You can:",
  "- ask a procedure question, e.g. \"who has to be at a strategy discussion?\"",
  "- ask what happens next, e.g. \"strategy discussion done, s47 agreed: what happens next?\"",
  "- work out a deadline, e.g. \"when is the ICPC due if the strat was on 14/5/2025?\"",
  "- draft a strategy discussion record: type \"draft a strategy record\", or \"draft:\" followed by your notes",
  "Type cancel to stop what we are doing.",
  "If a child is in immediate danger, call 999. I am not a replacement for your Designated Safeguarding Lead, your manager or your local procedures.",
].join("\n");

/**
 * Routes each message to what it asks for: an answer, next steps, a deadline or a
 * record draft. The signpost has already been shown by the bot before this runs.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = "mainDialog";

  private readonly assistant: AssistantPort;

  constructor(deps: { assistant: AssistantPort; calculator: DeadlineCalculator }) {
    super(MainDialog.id);
    this.assistant = deps.assistant;
    this.addDialog(new DeadlineDialog(deps.assistant));
    this.addDialog(new StrategyRecordDialog({ clock: deps.assistant.clock, calculator: deps.calculator }));
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.route(s), (s) => this.finish(s)]));
    this.initialDialogId = WATERFALL;
  }

  /** "cancel" works at any point, inside any child dialog. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const text = inner.context.activity.type === ActivityTypes.Message ? (inner.context.activity.text ?? "") : "";
    if (classifyIntent(text, this.assistant.clock).kind === "cancel") {
      await inner.context.sendActivity("Stopped. Nothing was saved. What would you like to do?");
      return inner.cancelAllDialogs();
    }
    return super.onContinueDialog(inner);
  }

  /** After a record draft: keep it only where the operator configured RECORDS_DIR. */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as DraftResult | undefined;
    if (result && typeof result === "object" && "record" in result && (await this.assistant.keep(result))) {
      await step.context.sendActivity("A copy of this draft has been kept in your organisation's records folder.");
    }
    return step.endDialog(result);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context: TurnContext = step.context;
    const text = context.activity.text ?? "";
    const intent = classifyIntent(text, this.assistant.clock);
    switch (intent.kind) {
      case "help":
        await context.sendActivity(HELP_TEXT);
        return step.endDialog();
      case "cancel":
        await context.sendActivity("There is nothing to cancel. What would you like to do?");
        return step.endDialog();
      case "draft":
        return step.beginDialog(StrategyRecordDialog.id, intent.notes ? { notes: intent.notes } : {});
      case "deadline": {
        const options: DeadlineDialogOptions = {
          event: intent.question.event,
          eventLabel: intent.question.event.replace(/_/g, " "),
          dateText: intent.question.dateText ?? intent.question.date?.date,
        };
        return step.beginDialog(DeadlineDialog.id, options);
      }
      case "next":
        try {
          const next = await this.assistant.next(text);
          await context.sendActivity(presentNext(next));
          return step.endDialog(next);
        } catch (e) {
          // Not a recognisable stage: answer it as a question instead of failing.
          if (!isAppError(e) || e.code !== "invalid_input") throw e;
        }
        break;
      case "ask":
        break;
    }
    const triage = context.turnState.get(TURN_TRIAGE) as TriageResult | null | undefined;
    const answer = await this.assistant.ask(text, triage ? { assessed: triage } : {});
    // The bot has already shown the signpost first; don't repeat it in the answer. After an
    // urgent signpost (999, Childline) "the documents don't cover this" only distracts.
    const shown = triage?.level;
    if (answer.covered || !(shown === "999" || shown === "childline")) {
      await context.sendActivity(presentAsk({ ...answer, signpost: null }));
    }
    return step.endDialog(answer);
  }
}

