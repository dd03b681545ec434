import type { Activity } from "botbuilder";
import type { Assistant, AskResult, DeadlineView, DraftView, NextView } from "../assistant/index.js";
import type { FormPrompt } from "../core/form.js";

/**
 * What dialogs need from the application, as a small interface: tests can pass a
 * fake, and the dialogs never reach past it into the domain folders' internals.
 */
export type AssistantPort = Pick<Assistant, "answer" | "answerDeadline" | "nextFor" | "deadline" | "calculator" | "clock" | "config" | "keep"> &
  /** Reading pasted notes away from the event loop (the bot's worker threads); without it, dialogs read them in place. */
  Partial<Pick<Assistant, "readNotes">>;

/**
 * How each kind of reply is shown. The bot's implementation builds Teams-native
 * messages and cards; dialogs only say what to show.
 */
export interface Presenter {
  /** Plain paragraphs (one string each), laid out so line breaks survive Markdown. */
  text(paragraphs: string | readonly string[]): Partial<Activity>;
  /** What the bot does; a greeting goes first when it is a welcome. */
  help(greeting?: string): Partial<Activity>;
  answer(r: AskResult): Partial<Activity>;
  next(r: NextView): Partial<Activity>;
  deadline(r: DeadlineView): Partial<Activity>;
  record(r: DraftView): Partial<Activity>;
  /** A form's question: text, or a card with a button per choice (typed answers still work). */
  prompt(p: FormPrompt): Partial<Activity>;
}
