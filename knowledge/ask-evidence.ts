import { askedForm, type AskedForm } from "./answer-type.js";
import type { QuestionReading, TermFinder } from "./reading.js";

/**
 * What the bank-free coverage features read of the ask itself (knowledge/coverage.ts): the
 * procedure terms it names, how many, and the form of answer it asks for. They depend on the
 * message alone, never on the ranking or the jurisdiction judged, so they are read once per
 * analysis however many rankings the message is judged on (its own, as a whole, England's).
 */
export interface AskEvidence {
  /** The procedure terms the ask names (the story's, when it names none), each as its stems. */
  terms: string[][];
  /** How many distinct procedure terms the ask itself names. */
  named: number;
  /** The form of answer asked for: a time, a role, a list, or none in particular. */
  form: AskedForm;
}

/** Read the ask's procedure terms and asked-for form, once per message. */
export function readAskEvidence(reading: QuestionReading, lexicon: TermFinder): AskEvidence {
  const own = lexicon.find(reading.core);
  const terms = [...new Set((own.length > 0 ? own : lexicon.find(reading.text)).map((t) => t.stems))].map((t) => t.split(" "));
  return { terms, named: new Set(own.map((t) => t.stems)).size, form: askedForm(reading.core) };
}
