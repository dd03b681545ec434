// botbuilder-dialogs' own modules, not its index (which loads the prompts' text recognizers: see guided-form-dialog.ts).
import { ComponentDialog } from "botbuilder-dialogs/lib/componentDialog.js";
import { Dialog, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs/lib/dialog.js";
import type { DialogContext } from "botbuilder-dialogs/lib/dialogContext.js";
import type { MessageReading } from "../assistant/index.js";
import { t } from "../messages/index.js";
import type { Responder } from "./responder.js";
import { presenterOf, readingOf } from "./turn-keys.js";

/** Kept in the dialog's own state: whether it is paused, so "resume" can bring it back. */
interface InterruptionState {
  paused?: boolean;
}
const KEY = "interruption";

/** Levels at which a dialog stops taking answers: someone may be in danger now, or a child is speaking. */
const URGENT = new Set(["999", "childline"]);

export interface InterruptibleDeps {
  responder: Responder;
}

/**
 * The one interruption handler every multi-turn dialog extends (STYLE.md 5b, as in
 * core-bot's CancelAndHelpDialog). Before a dialog sees a message: cancel and start
 * again stop it; help explains and re-asks; an emergency, or a new question the dialog
 * cannot take as its answer, pauses it with a plain message and a way back ("resume").
 * A paused dialog answers other messages one-shot until it is resumed or cancelled.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: InterruptibleDeps,
  ) {
    super(id);
  }

  /** What this dialog is doing, mid-sentence ("your strategy discussion record"). */
  protected abstract doing(): string;

  /**
   * Whether a message phrased as a question is this dialog's answer (a free-text step
   * may take one). By default a question is not an answer: it interrupts.
   */
  protected acceptsQuestion(_dc: DialogContext, _reading: MessageReading): boolean {
    return false;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const reading = readingOf(dc.context);
    const instance = dc.activeDialog as DialogInstance;
    const state = ((instance.state as Record<string, unknown>)[KEY] ??= {}) as InterruptionState;
    const say = (text: string) => dc.context.sendActivity(presenterOf(dc.context).text(text));
    const doing = this.doing();

    switch (reading.intent.kind) {
      case "cancel":
        await say(t("dialog.cancelled"));
        return dc.cancelAllDialogs(true);
      case "start_again":
        await say(t("dialog.startAgain"));
        await dc.context.sendActivity(presenterOf(dc.context).help());
        return dc.cancelAllDialogs(true);
      case "resume":
        if (state.paused) {
          state.paused = false;
          await say(t("dialog.resumed", { doing }));
          await this.repromptDialog(dc.context, instance);
          return Dialog.EndOfTurn;
        }
        break;
      case "help":
        await say(t("dialog.help", { doing }));
        await this.repromptDialog(dc.context, instance);
        return Dialog.EndOfTurn;
      default:
        break;
    }

    if (state.paused) {
      // A new piece of multi-turn work would bury the paused one: finish or cancel it first.
      if (this.deps.responder.dialogFor(reading)) {
        await say(t("dialog.finishFirst", { doing }));
        return Dialog.EndOfTurn;
      }
      await this.deps.responder.respond(dc.context, reading);
      await say(t("dialog.stillPaused", { doing }));
      return Dialog.EndOfTurn;
    }

    if (reading.triage && URGENT.has(reading.triage.level)) {
      // The signpost has been shown first; the words are never taken as an answer.
      state.paused = true;
      if (reading.question) await this.deps.responder.ask(dc.context, reading);
      await say(t("dialog.pausedForDanger", { doing }));
      return Dialog.EndOfTurn;
    }

    if (reading.question && !this.acceptsQuestion(dc, reading)) {
      state.paused = true;
      await this.deps.responder.respond(dc.context, reading);
      await say(t("dialog.pausedForQuestion", { doing }));
      return Dialog.EndOfTurn;
    }

    return super.continueDialog(dc);
  }
}
