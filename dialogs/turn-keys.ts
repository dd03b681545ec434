/** Turn-state key under which the bot records the signpost level it already sent this turn. */
export const SIGNPOST_SHOWN = Symbol("signpostShown");
