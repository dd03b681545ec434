// botbuilder-dialogs' own modules, not its index: the index loads the prompts' text recognizers (main thread: 16 MB of heap, 34 MB of RSS) that no dialog here uses.
import { Dialog, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs/lib/dialog.js";
import type { DialogContext } from "botbuilder-dialogs/lib/dialogContext.js";
import { WaterfallDialog } from "botbuilder-dialogs/lib/waterfallDialog.js";
import type { WaterfallStepContext } from "botbuilder-dialogs/lib/waterfallStepContext.js";
import type { TurnContext } from "botbuilder";
import type { MessageReading } from "../assistant/index.js";
import { isSkip, nextStep, type FormDefinition } from "../core/form.js";
import { InterruptibleDialog, type InterruptibleDeps } from "./interruptible-dialog.js";
import { presenterOf, readingOf } from "./turn-keys.js";

/** Where a walk through a form stands: the answers so far and the step being asked. */
interface WalkState<S> {
  state: S;
  index: number;
}

/**
 * Walks a form one step at a time: asks the first step with something to ask, reads the
 * reply with that step's reader, re-asks with the reader's reason when it cannot take
 * the reply, repeats list steps until "done", and ends with the filled state. "skip"
 * leaves a step empty. Interruptions are handled by the enclosing InterruptibleDialog.
 */
class FormWalker<S> extends Dialog {
  constructor(
    id: string,
    private readonly form: FormDefinition<S>,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: { state: S }): Promise<DialogTurnResult> {
    const walk: WalkState<S> = { state: options?.state as S, index: 0 };
    (dc.activeDialog as DialogInstance).state.walk = walk;
    return this.askFrom(dc, walk, 0);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const walk = (dc.activeDialog as DialogInstance).state.walk as WalkState<S>;
    const step = this.form.steps[walk.index];
    if (!step) return dc.endDialog(walk.state);
    const reply = readingOf(dc.context).text;
    if (isSkip(reply) && !step.readsSkip) return this.askFrom(dc, walk, walk.index + 1);
    const read = step.read(reply, walk.state);
    if (!read.ok) {
      await dc.context.sendActivity(presenterOf(dc.context).text(read.retry));
      return Dialog.EndOfTurn;
    }
    walk.state = read.state;
    if (read.note) await dc.context.sendActivity(presenterOf(dc.context).text(read.note));
    if (step.repeat && !read.done) return this.askFrom(dc, walk, walk.index);
    return this.askFrom(dc, walk, walk.index + 1);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const walk = instance.state.walk as WalkState<S>;
    const prompt = this.form.steps[walk.index]?.ask(walk.state);
    if (prompt) await context.sendActivity(presenterOf(context).prompt(prompt));
  }

  /** Whether the step being asked takes this question-shaped reply as its answer. */
  questionsAreAnswers(instance: DialogInstance, reply: string): boolean {
    const walk = instance.state.walk as WalkState<S> | undefined;
    const takes = walk ? this.form.steps[walk.index]?.questionsAreAnswers : undefined;
    return typeof takes === "function" ? takes(reply, (walk as WalkState<S>).state) : Boolean(takes);
  }

  private async askFrom(dc: DialogContext, walk: WalkState<S>, from: number): Promise<DialogTurnResult> {
    const next = nextStep(this.form, walk.state, from);
    if (!next) return dc.endDialog(walk.state);
    walk.index = next.index;
    await dc.context.sendActivity(presenterOf(dc.context).prompt(next.prompt));
    return Dialog.EndOfTurn;
  }
}

/** How a guided dialog starts and ends around its form. */
export interface GuidedFormHooks<S, O> {
  /** The form's starting state from the dialog's options, and anything to say first. */
  start(options: O): Promise<{ state: S; say: string[] }>;
  /** What to do with the filled state: show the result and return the dialog's result. */
  finish(context: TurnContext, state: S, options: O): Promise<unknown>;
}

/**
 * A multi-turn dialog made of a form: start, walk the form, finish. The strategy
 * record, a deadline's missing date and the guided walkthroughs are all one of these.
 */
export class GuidedFormDialog<S, O extends object = object> extends InterruptibleDialog {
  private readonly walker: FormWalker<S>;

  constructor(
    id: string,
    private readonly form: FormDefinition<S>,
    private readonly hooks: GuidedFormHooks<S, O>,
    deps: InterruptibleDeps,
  ) {
    super(id, deps);
    this.walker = new FormWalker(`${id}.walk`, form);
    this.addDialog(this.walker);
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [(s) => this.begin(s), (s) => this.end(s)]),
    );
    this.initialDialogId = `${id}.steps`;
  }

  protected doing(): string {
    return this.form.doing;
  }

  protected override acceptsQuestion(dc: DialogContext, reading: MessageReading): boolean {
    // The walker is the innermost dialog of this component's own stack: botbuilder keeps
    // the active dialog last (DialogContext.activeDialog is stack[stack.length - 1]).
    const inner = (dc.activeDialog?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack;
    const top = inner?.at(-1);
    return top?.id === this.walker.id ? this.walker.questionsAreAnswers(top, reading.text) : false;
  }

  private async begin(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { state, say } = await this.hooks.start(step.options as O);
    for (const line of say) await step.context.sendActivity(presenterOf(step.context).text(line));
    return step.beginDialog(this.walker.id, { state });
  }

  private async end(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = await this.hooks.finish(step.context, step.result as S, step.options as O);
    return step.endDialog(result);
  }
}
