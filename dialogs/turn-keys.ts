/**
 * Turn-state key under which the bot records this turn's triage of the message (and so
 * the signpost it already sent), so the dialogs neither repeat it nor run it twice.
 */
export const TURN_TRIAGE = Symbol("turnTriage");
