import type { TurnContext } from "botbuilder";
import type { MessageReading } from "../assistant/index.js";
import type { Presenter } from "./ports.js";

/**
 * Turn-state key under which the edge (the bot's reading middleware) keeps this turn's
 * one reading of the message: its triage (and so the signpost already sent), intent,
 * dates and jurisdiction. Dialogs take it from here and never re-read the raw text.
 */
export const TURN_READING = Symbol("turnReading");

/** This turn's reading. A turn with no message text (a card button) has one too, made from the button's value. */
export function readingOf(context: TurnContext): MessageReading {
  const reading = context.turnState.get(TURN_READING) as MessageReading | undefined;
  if (!reading) throw new Error("The message was not read at the edge: add the reading middleware.");
  return reading;
}

/**
 * Turn-state key for how this turn's replies are shown: the edge picks it from the
 * channel and conversation (Teams chat, a Teams channel, Web Chat, the Emulator).
 */
export const TURN_PRESENTER = Symbol("turnPresenter");

/** This turn's presenter, chosen at the edge. */
export function presenterOf(context: TurnContext): Presenter {
  const presenter = context.turnState.get(TURN_PRESENTER) as Presenter | undefined;
  if (!presenter) throw new Error("No presenter for this turn: add the reading middleware.");
  return presenter;
}
