/**
 * How a description of where things stand says that something did NOT happen, has
 * ENDED, or lies in the PAST or FUTURE. These are grammar words, not topic words: the
 * same few cues apply to every stage, and each stage's data says what its negation or
 * its ending means on the pathway (`whenNegated`, `whenEnded`). Words are as the
 * tokeniser leaves them (lower case, apostrophes removed: "doesn't" is "doesnt").
 */
export const NEGATION_CUES: string[] = [
  "no", "not", "never", "without", "nfa", "none", "nor", "neither", "against",
  "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "wont", "wouldnt", "cant", "cannot", "hasnt", "havent", "hadnt",
  "declined", "refused", "rejected", "unnecessary",
];

/** Words saying something has come to an end. */
export const ENDING_CUES: string[] = [
  "ended", "ending", "ends", "finished", "closed", "closing", "stopped", "ceased", "discontinued", "discharged", "lifted", "removed", "over",
];

/** Words that put a dated event in the past ("the ICPC was 3rd Jan"). */
export const PAST_CUES: string[] = [
  "was", "were", "had", "has been", "have been", "held", "happened", "took place", "did", "done", "went", "met", "ago", "last",
  "completed", "finished", "attended", "occurred",
];

/** Words that put a dated event in the future ("the ICPC is booked for 3rd Jan"). */
export const FUTURE_CUES: string[] = [
  "will", "going to", "booked", "scheduled", "planned", "arranged", "due", "next", "upcoming", "coming", "to be held", "is on", "tomorrow",
];
