import type { DeadlineQuestion } from "../deadlines/index.js";

/** What a message asks the bot to do. */
export type Intent =
  | { kind: "help" }
  | { kind: "cancel" }
  | { kind: "start_again" }
  | { kind: "resume" }
  | { kind: "draft"; notes: string }
  | { kind: "deadline"; question: DeadlineQuestion }
  | { kind: "next" }
  | { kind: "route" }
  | { kind: "learn"; mode: "teach" | "quiz"; topic: string }
  | { kind: "ask" };

// Commands are whole messages: "help" inside a sentence is not a command.
const HELP = /^\s*(help|hi|hello|hey|menu|what can you do\??|\?|commands|good (morning|afternoon)\b.*)\s*[.!?]*\s*$/i;
const CANCEL = /^\s*(cancel|stop|quit|exit|never ?mind|forget it)\s*[.!]*\s*$/i;
const START_AGAIN = /^\s*(start (again|over)|restart|reset)\s*[.!]*\s*$/i;
const RESUME = /^\s*(resume|carry on|continue|go on|back to (it|the draft|where we were))\s*[.!]*\s*$/i;
const DRAFT =
  /\b(draft|write( up)?|start|create|make|prepare|do)\b[^.\n?]{0,40}?\b(strat(egy)?(\s+(discussion|meeting))?\s+(record|notes|minutes|write[- ]?up)|record of (the |a |our )?strat(egy)?\b)/i;
const DRAFT_PREFIX = /^\s*(draft|record|strategy (discussion )?record)\s*:\s*/i;
const NEXT =
  /\b(what (happens|comes|do (i|we) do|should (happen|we do)|are the next steps)\s*(next|now)|next steps?|what now|now what|what'?s next|where do (we|i) go from here)\b/i;

// A request for the route: the asker asks what they should do, who to tell or whether to
// refer ("what do I do", "who should we call", "do we need an NRM referral", "what's the
// route for…"). First-person action questions and "route" asks: grammar, not topic.
const ACTION = "do|call|ring|phone|contact|tell|refer|report|inform|notify|escalate|involve|make\\s+an?\\s+(?:[\\w-]+\\s+){0,2}referral";
const ROUTE = new RegExp(
  [
    `\\b(what|who|whom|where|how)(\\s+\\w+)?\\s+(do|should|shall|must|can|could|would|ought\\s+to)\\s+(i|we)\\s+(${ACTION})\\b`,
    `\\b(do|should|shall|must|can)\\s+(i|we)\\s+(need\\s+to\\s+|have\\s+to\\s+)?(${ACTION.replace("do|", "")})\\b`,
    `\\b(do|does)\\s+(i|we|this|it|he|she|they)\\s+need\\s+(an?\\s+)?([\\w-]+\\s+){0,2}referral\\b`,
    `\\b(what['’]?s|what\\s+is|which\\s+is|which)\\s+(the\\s+|my\\s+|our\\s+)?(referral\\s+)?route\\b`,
    `\\breferral\\s+route\\b`,
    `^\\s*(the\\s+)?route\\s*[.!?]*\\s*$`,
  ].join("|"),
  "i",
);
// What happens next from where things stand, or what to do at a meeting, is not the route.
const NOT_ROUTE = /\bnext\b|\bwhat happens\b|\b(do|should|shall|must|can)\s+(i|we)\s+do\s+(at|in|during|before|after)\b/i;

// A request to be taught or tested, addressed to the bot ("teach me", "quiz us on ICPCs",
// "I want to learn about section 47"), or the bare command. Grammar, not topic.
const LEARN =
  /\b(teach|quiz|test|train|coach|drill)\s+(me|us)\b|\b(i|we)\s*(want|would like|'?d like|need|wanna)\s+to\s+(learn|revise|practi[sc]e)\b|\bhelp\s+(me|us)\s+(learn|revise|practi[sc]e)\b|^\s*(learn|learning mode|lessons?|quiz|a quiz|revise|revision)\s*[.!?]*\s*$/i;
const QUIZ = /\b(quiz|test|drill)\b/i;

const DEADLINE_WORDS = /\b(due|deadline|by when|when (is|are|must|should|does|do|will|would)\b|how long|how many (working )?days|time ?limit|timescale|latest)\b/i;

/**
 * True when a deadline question asks for a date to be worked out: it carries a date
 * (or an impossible one), and names a deadline or asks "when … due". "New info came
 * in today, can we hold a strategy discussion?" has a date but asks no deadline.
 */
export function asksForCalculation(q: DeadlineQuestion, text: string): boolean {
  if (!(q.date || q.dateError || q.dateText)) return false;
  return DEADLINE_WORDS.test(text);
}

/**
 * Decide what a message asks for, from its cleaned text and the deadline question
 * already read from it. Pure: the bot routes on it and tests assert it. Deadline
 * questions need a date to be calculations; without one they are procedure
 * questions ("when must the ICPC be held?") and go to the corpus.
 */
export function classifyIntent(text: string, deadline: DeadlineQuestion | null): Intent {
  if (CANCEL.test(text)) return { kind: "cancel" };
  if (START_AGAIN.test(text)) return { kind: "start_again" };
  if (RESUME.test(text)) return { kind: "resume" };
  if (HELP.test(text)) return { kind: "help" };
  const prefix = DRAFT_PREFIX.exec(text);
  if (prefix) return { kind: "draft", notes: text.slice(prefix[0].length).trim() };
  if (DRAFT.test(text)) {
    // "draft a strategy record: <notes>" carries its notes after a colon or a new line.
    const split = text.search(/[:\n]/);
    return { kind: "draft", notes: split >= 0 ? text.slice(split + 1).trim() : "" };
  }
  if (deadline && asksForCalculation(deadline, text)) return { kind: "deadline", question: deadline };
  const learn = LEARN.exec(text);
  if (learn) {
    // The topic is what is left: "quiz me on ICPCs" → "on ICPCs"; the lesson is found from it.
    const topic = (text.slice(0, learn.index) + " " + text.slice(learn.index + learn[0].length)).replace(/\s+/g, " ").trim();
    return { kind: "learn", mode: QUIZ.test(learn[0]) ? "quiz" : "teach", topic };
  }
  if (ROUTE.test(text) && !NOT_ROUTE.test(text)) return { kind: "route" };
  if (NEXT.test(text)) return { kind: "next" };
  return { kind: "ask" };
}
