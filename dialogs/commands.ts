import type { MessageId } from "../messages/index.js";

/** A command the bot offers in Teams' command menu. */
export interface BotCommand {
  /** What Teams inserts into the compose box (and what the user may send as it is). */
  title: string;
  /** The menu's short description, from the message catalogue. */
  description: MessageId;
  /**
   * What to say when the command arrives with nothing after it; commands without one
   * are whole requests already ("help", "draft a strategy record").
   */
  bare?: MessageId;
}

/**
 * The bot's command menu: the Teams app package lists exactly these, and each works
 * when sent as it is. "what happens next" and "work out a deadline" need the situation
 * or the date, so on their own they get a short "tell me..." prompt.
 */
export const COMMANDS: readonly BotCommand[] = [
  { title: "help", description: "command.help" },
  { title: "draft a strategy record", description: "command.draft" },
  { title: "what happens next", description: "command.next", bare: "command.next.bare" },
  { title: "work out a deadline", description: "command.deadline", bare: "command.deadline.bare" },
  { title: "referral route", description: "command.route" },
  { title: "teach me", description: "command.learn" },
  { title: "quiz me", description: "command.quiz" },
];

/** The command this whole message is, if it is one of the menu's commands sent on its own. */
export function bareCommand(text: string): BotCommand | null {
  const said = normaliseCommand(text);
  return COMMANDS.find((c) => normaliseCommand(c.title) === said) ?? null;
}

/** Case, spacing and closing punctuation do not change a command. */
function normaliseCommand(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[\s.!?]+$/, "").trim();
}
