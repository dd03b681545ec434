import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from "botbuilder-dialogs";
import type { Clock } from "../core/clock.js";
import { isAppError } from "../core/errors.js";
import type { DeadlineCalculator } from "../deadlines/index.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import {
  completeDraft,
  emptyRecord,
  parseAction,
  readNotes,
  renderMarkdown,
  type DraftResult,
  type StrategyRecord,
} from "../records/index.js";
import { findReference } from "../records/notes-parser.js";
import {
  applyActionFixes,
  criminalFromAnswer,
  incompleteActions,
  describeAttendees,
  describeCategories,
  isDone,
  isSkip,
  legalFromAnswer,
  missingMinimum,
  parseAttendeesReply,
  parseMeetingDate,
  section47FromChoice,
} from "../records/answers.js";

/** Start options: notes pasted with the request ("draft: ...") skip to the missing parts. */
export interface StrategyRecordDialogOptions {
  notes?: string;
  jurisdiction?: Jurisdiction;
}
/** The dialog's result: the draft, or undefined when the user cancelled. */
export type StrategyRecordDialogResult = DraftResult;

export interface StrategyRecordDialogDeps {
  clock: Clock;
  calculator: DeadlineCalculator;
}

const TEXT = "strategyRecordText";
const DATE = "strategyRecordDate";
const CHOICE = "strategyRecordChoice";
const MAIN = "strategyRecordMain";
const ACTIONS = "strategyRecordActions";
const S47_CHOICES = [
  { value: "Yes", synonyms: ["y", "yes s47", "s47", "section 47", "agreed"] },
  { value: "No", synonyms: ["n", "nfa", "no further action", "section 17", "s17"] },
  { value: "Not decided yet", synonyms: ["not decided", "undecided", "tbc", "pending", "not yet"] },
];
const SKIP_HINT = 'Type "skip" to leave it for now, or "cancel" to stop.';

interface State {
  record: StrategyRecord;
  warnings: string[];
  fromNotes: boolean;
}

/**
 * Drafts a strategy discussion record by asking for each part in turn, or, when
 * started with notes, by asking only for what the notes left out. Ends with the draft
 * (gaps and ICPC due date included) as its result. Nothing is stored or logged.
 */
export class StrategyRecordDialog extends ComponentDialog {
  static readonly id = "strategyRecordDialog";

  constructor(private readonly deps: StrategyRecordDialogDeps) {
    super(StrategyRecordDialog.id);
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new TextPrompt(DATE, (p) => this.validateDate(p)));
    this.addDialog(new ChoicePrompt(CHOICE, undefined, "en-gb"));
    this.addDialog(
      new WaterfallDialog(ACTIONS, [(s) => this.askAction(s), (s) => this.addAction(s)]),
    );
    this.addDialog(
      new WaterfallDialog(MAIN, [
        (s) => this.start(s),
        (s) => this.askDate(s),
        (s) => this.askAttendees(s),
        (s) => this.askMissingAttendees(s),
        (s) => this.askConcerns(s),
        (s) => this.askChildRef(s),
        (s) => this.askSection47(s),
        (s) => this.askCriminal(s),
        (s) => this.askLegal(s),
        (s) => this.askActions(s),
        (s) => this.askActionFixes(s),
        (s) => this.askShare(s),
        (s) => this.askChild(s),
        (s) => this.finish(s),
      ]),
    );
    this.initialDialogId = MAIN;
  }

  /** "cancel" at any point stops the dialog; nothing is kept. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const text = inner.context.activity.text?.trim().toLowerCase();
    if (text === "cancel" || text === "stop" || text === "quit") {
      await inner.context.sendActivity("Stopped. The draft has not been kept.");
      return inner.cancelAllDialogs();
    }
    return super.onContinueDialog(inner);
  }

  private state(step: WaterfallStepContext): State {
    return step.values as State;
  }

  private async start(step: WaterfallStepContext) {
    const s = this.state(step);
    const notes = (step.options as StrategyRecordDialogOptions | undefined)?.notes?.trim();
    s.fromNotes = Boolean(notes);
    s.record = emptyRecord();
    s.warnings = [];
    if (notes) {
      try {
        const parsed = readNotes(notes, this.deps.clock, { impossibleDate: "gap" });
        s.record = parsed.record;
        s.warnings = parsed.warnings;
        await step.context.sendActivity("I have read your notes. I will ask only about what they leave out.");
      } catch (e) {
        if (!isAppError(e)) throw e;
        await step.context.sendActivity(`${e.message} I will ask the questions instead.`);
        s.fromNotes = false;
      }
      for (const w of s.warnings) await step.context.sendActivity(w);
    } else {
      await step.context.sendActivity(`I will ask about the strategy discussion one part at a time. ${SKIP_HINT}`);
    }
    return step.next();
  }

  private async askDate(step: WaterfallStepContext) {
    if (this.state(step).record.date) return step.next();
    return step.prompt(DATE, {
      prompt: "What was the date of the strategy discussion? For example 14/05/2025 or \"yesterday\".",
      retryPrompt: "I could not read that as a date. Please give it like 14/05/2025 (or type cancel).",
    });
  }

  private async validateDate(p: PromptValidatorContext<string>): Promise<boolean> {
    const text = p.recognized.value ?? "";
    if (isSkip(text)) return true;
    try {
      return parseMeetingDate(text, this.deps.clock) !== null;
    } catch (e) {
      if (!isAppError(e)) throw e;
      await p.context.sendActivity(`${e.message} Please give the date again (or type cancel).`);
      return false;
    }
  }

  private async askAttendees(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.date = parseMeetingDate(step.result, this.deps.clock);
    if (s.fromNotes && s.record.attendees.length > 0) return step.next();
    return step.prompt(TEXT, {
      prompt:
        "Who took part? List them in one message with their role or agency, for example: \"Jo Smith SW (CSC), DC Patel (police), HV Ann Lee. Apologies: school\".",
    });
  }

  private async askMissingAttendees(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.attendees.push(...parseAttendeesReply(step.result));
    const missing = missingMinimum(s.record);
    const understood = s.record.attendees.length > 0 ? `I have:\n${describeAttendees(s.record.attendees)}\n\n` : "";
    if (missing.length === 0) {
      if (!s.fromNotes) await step.context.sendActivity(`${understood}That covers social care, health and police.`);
      return step.next();
    }
    return step.prompt(TEXT, {
      prompt:
        `${understood}Working Together 2023 expects a local authority social worker, health practitioners and a police representative to be involved as a minimum. ` +
        `Nobody is recorded as taking part for ${describeCategories(missing)}. ` +
        `Who took part for them (name and role, including anyone who gave their input by phone)? Type "none" if nobody did: I will flag it.`,
    });
  }

  private async askConcerns(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.attendees.push(...parseAttendeesReply(step.result));
    if (s.record.concerns) return step.next();
    return step.prompt(TEXT, {
      prompt: `What are the concerns that led to the discussion? Please use the child's case reference, not their name. ${SKIP_HINT}`,
    });
  }

  private async askChildRef(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.concerns = step.result.trim();
    if (s.record.child_ref) return step.next();
    return step.prompt(TEXT, { prompt: `What is the child's case reference (not their name)? ${SKIP_HINT}` });
  }

  private async askSection47(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.child_ref = findReference(step.result) ?? step.result.trim().slice(0, 40);
    if (s.record.decisions.section47.decision !== "undecided") return step.next();
    return step.prompt(CHOICE, {
      prompt: "Did the local authority decide to start section 47 enquiries?",
      choices: S47_CHOICES,
      style: ListStyle.suggestedAction,
    });
  }

  private async askCriminal(step: WaterfallStepContext) {
    const s = this.state(step);
    const choice = (step.result as { value?: string } | undefined)?.value;
    if (choice) s.record.decisions.section47 = section47FromChoice(choice);
    if (s.record.decisions.criminal_investigation.decision !== "undecided") return step.next();
    return step.prompt(TEXT, {
      prompt: `Was a criminal investigation agreed? If so, who leads it and what are its conduct and timing (for example "joint investigation, ABE interview on Friday")? Or say "no" or "not decided". ${SKIP_HINT}`,
    });
  }

  private async askLegal(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.decisions.criminal_investigation = criminalFromAnswer(step.result);
    if (s.record.decisions.section47.decision !== "yes" || s.record.decisions.legal_action.decision !== "undecided") return step.next();
    return step.prompt(TEXT, {
      prompt: `Is legal action needed (for example a legal planning meeting, an EPO or police protection)? Say what, or "no". ${SKIP_HINT}`,
    });
  }

  private async askActions(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.decisions.legal_action = legalFromAnswer(step.result);
    if (s.fromNotes && s.record.actions.length > 0) return step.next();
    return step.beginDialog(ACTIONS, { actions: [], anchor: s.record.date ?? this.today() });
  }

  private async askAction(step: WaterfallStepContext) {
    const first = (step.options as { actions: unknown[] }).actions.length === 0;
    return step.prompt(TEXT, {
      prompt: first
        ? 'What actions were agreed? Send one at a time as "who will do what by when", for example "SW to visit the child today". Type "done" when finished.'
        : 'Next action, or "done".',
    });
  }

  private async addAction(step: WaterfallStepContext) {
    const opts = step.options as { actions: NonNullable<ReturnType<typeof parseAction>>[]; anchor: string };
    const text = String(step.result ?? "");
    if (isDone(text) || isSkip(text)) return step.endDialog(opts.actions);
    const action = parseAction(text, opts.anchor);
    if (action) {
      const missing = [action.owner ? null : "who will do it", action.due ? null : "when by"].filter(Boolean);
      if (missing.length > 0) await step.context.sendActivity(`Noted. It has no ${missing.join(" or ")}: I will flag that.`);
      opts.actions.push(action);
    }
    return step.replaceDialog(ACTIONS, opts);
  }

  /** With notes, actions missing an owner or a date are asked about together, once. */
  private async askActionFixes(step: WaterfallStepContext) {
    const s = this.state(step);
    if (Array.isArray(step.result)) s.record.actions.push(...(step.result as StrategyRecord["actions"]));
    const incomplete = s.fromNotes ? incompleteActions(s.record) : "";
    if (!incomplete) return step.next();
    return step.prompt(TEXT, {
      prompt: `Some actions have no owner or no date:\n${incomplete}\n\nReply with who and when, one per line, for example "2: HV by 16/05/2025". ${SKIP_HINT}`,
    });
  }

  private async askShare(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) applyActionFixes(s.record, step.result, s.record.date ?? this.today());
    if (s.record.decisions.share_with_family) return step.next();
    return step.prompt(TEXT, {
      prompt: `What will be shared with the child and family, and when? Include anything held back because it could affect a police investigation or put the child at risk. ${SKIP_HINT}`,
    });
  }

  private async askChild(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.decisions.share_with_family = step.result.trim();
    if (s.record.decisions.child_welfare) return step.next();
    return step.prompt(TEXT, {
      prompt: `How will the child's safety be kept in view, and who will see or speak to the child, and when? ${SKIP_HINT}`,
    });
  }

  private async finish(step: WaterfallStepContext) {
    const s = this.state(step);
    if (typeof step.result === "string" && !isSkip(step.result)) s.record.decisions.child_welfare = step.result.trim();
    const jurisdiction = (step.options as StrategyRecordDialogOptions | undefined)?.jurisdiction;
    const draft = completeDraft(s.record, this.deps, { jurisdiction }, s.warnings);
    await step.context.sendActivity(renderMarkdown(draft));
    return step.endDialog(draft);
  }

  private today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }
}
