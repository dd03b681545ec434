import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from "botbuilder-dialogs";
import { isAppError } from "../core/errors.js";
import { parseDateInput } from "../deadlines/index.js";
import { presentDeadline } from "../assistant/present.js";
import type { AssistantPort } from "./ports.js";

/** Options: the event whose date starts the deadlines, and any date text already given. */
export interface DeadlineDialogOptions {
  event: string;
  eventLabel: string;
  dateText?: string;
}

const DATE_PROMPT = "deadlineDatePrompt";
const WATERFALL = "deadlineWaterfall";

/**
 * Works out deadlines for an event, asking for the date when the message had none
 * or had one that cannot be read. An impossible date is explained, never rolled over.
 */
export class DeadlineDialog extends ComponentDialog {
  static readonly id = "deadlineDialog";

  constructor(private readonly assistant: AssistantPort) {
    super(DeadlineDialog.id);
    this.addDialog(new TextPrompt(DATE_PROMPT, (p) => this.validateDate(p)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [(s) => this.askForDate(s), (s) => this.answer(s)]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async askForDate(step: WaterfallStepContext) {
    const opts = step.options as DeadlineDialogOptions;
    if (opts.dateText) {
      try {
        parseDateInput(opts.dateText, this.assistant.clock);
        return step.next(opts.dateText);
      } catch (e) {
        if (!isAppError(e)) throw e;
        await step.context.sendActivity(e.message);
      }
    }
    return step.prompt(DATE_PROMPT, {
      prompt: `What was the date of the ${opts.eventLabel}? For example 14/05/2025, 2025-05-14 or "yesterday".`,
      retryPrompt: "I could not read that as a date. Please give it like 14/05/2025 or 2025-05-14.",
    });
  }

  private async validateDate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? "";
    try {
      parseDateInput(text, this.assistant.clock);
      return true;
    } catch (e) {
      if (!isAppError(e)) throw e;
      await prompt.context.sendActivity(`${e.message} Please give the date again (or type cancel).`);
      return false;
    }
  }

  private async answer(step: WaterfallStepContext) {
    const opts = step.options as DeadlineDialogOptions;
    const result = await this.assistant.deadline(opts.event, String(step.result));
    await step.context.sendActivity(presentDeadline(result));
    return step.endDialog(result);
  }
}
