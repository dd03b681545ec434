import type { Clock } from "../core/clock.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { cleanUserText } from "../core/text.js";
import { parseDeadlineQuestion, type DeadlineQuestion } from "../deadlines/index.js";
import type { TriageResult } from "../escalation/index.js";
import { mentionsWales } from "../procedures/index.js";
import { classifyIntent, type Intent } from "./intent.js";

/** Where the jurisdiction of a message came from: the caller's choice, the message's words, or neither. */
export interface JurisdictionReading {
  /** What the answer should follow: the caller's choice, else the words, else null (no preference). */
  value: Jurisdiction | null;
  source: "option" | "words" | null;
  /** What the words alone suggest, even when the caller chose otherwise (so a mismatch can be said). */
  fromWords: Jurisdiction | null;
}

/**
 * One reading of one message, made once at the edge (the bot's turn or a CLI call)
 * and handed to everything downstream: nothing re-parses the raw text (STYLE.md 5a).
 */
export interface MessageReading {
  /** The text as received (mention removed). Triage read all of it. */
  raw: string;
  /** Control characters and markup removed; what answers and dialogs read. */
  text: string;
  empty: boolean;
  /** Longer than the configured limit: checked for danger in full, not answered. */
  overLength: boolean;
  /** Triage of the whole message, or null for an empty one. */
  triage: TriageResult | null;
  intent: Intent;
  /** A deadline question in the words, with or without a date; null when there is none. */
  deadline: DeadlineQuestion | null;
  jurisdiction: JurisdictionReading;
  /** Phrased as a question (a question mark, or opening with a question word). */
  question: boolean;
  /**
   * The embedding of the opening of `text` (see VECTOR_CHARS), made once when the
   * message needs the model and shared by triage and retrieval. Absent otherwise.
   */
  vector?: Float32Array;
}

export interface ReadOptions {
  clock: Clock;
  maxChars: number;
  jurisdiction?: Jurisdiction | undefined;
}

// Words that open a question in English, including the modal openings practitioners use
// ("can we…", "do I need to…"). Syntax, not topic: it says nothing about what is asked.
const QUESTION_OPENING =
  /^\s*(who|whom|whose|what|whats|what's|when|where|which|why|how|can|could|should|shall|must|do|does|did|is|are|was|were|will|would|may|might|have|has|any|if)\b/i;

/** Whether a message is phrased as a question. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  return /\?\s*$/.test(t) || /\?\s/.test(t) || QUESTION_OPENING.test(t);
}

/** The jurisdiction the words place a message in, or null when they do not say. */
export function jurisdictionFromWords(text: string): Jurisdiction | null {
  return mentionsWales(text) ? "wales" : null;
}

/**
 * Read a message: pure, given its triage (which the caller runs once, on the raw text,
 * before anything else). An over-length message gets no intent: it is not answered.
 */
export function readMessage(raw: string, triage: TriageResult | null, opts: ReadOptions): MessageReading {
  const text = cleanUserText(raw).trim();
  const empty = text === "";
  const overLength = raw.length > opts.maxChars;
  const readable = !empty && !overLength;
  let deadline: DeadlineQuestion | null = null;
  if (readable) {
    try {
      deadline = parseDeadlineQuestion(text, opts.clock);
    } catch {
      // Unreadable dates are reported by the deadline answer itself, in its own words.
      deadline = null;
    }
  }
  const fromWords = readable ? jurisdictionFromWords(text) : null;
  const jurisdiction: JurisdictionReading = opts.jurisdiction
    ? { value: opts.jurisdiction, source: "option", fromWords }
    : { value: fromWords, source: fromWords ? "words" : null, fromWords };
  return {
    raw,
    text,
    empty,
    overLength,
    triage,
    intent: readable ? classifyIntent(text, deadline) : { kind: "ask" },
    deadline,
    jurisdiction,
    question: readable && isQuestion(text),
  };
}
