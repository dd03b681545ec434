import { askedForm, type AskedForm } from "./answer-type.js";
import { conceptCoverage } from "./coverage.js";
import type { Concept } from "./expand.js";
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
  /**
   * What the ask asks about its procedure, the procedure's own name left out: "what salary band is a
   * LADO on?" asks about a salary band. Empty when the ask is all procedure ("what is a LADO?").
   */
  subject: Concept[];
  /**
   * The IDF-weighted share of that subject the corpus holds anywhere (its document frequency above
   * 0); 1 when the ask names nothing but its procedure. A pay band, a phone number or a named system
   * is in no passage at all, however surely the ask names a procedure the corpus holds.
   */
  known: number;
}

/** Corpus document frequencies of stems, over `n` passages. */
export interface Frequencies {
  df: ReadonlyMap<string, number>;
  n: number;
}

/**
 * Read the ask's procedure terms, asked-for form and own subject, once per message. `concepts` are
 * the ask's concepts as the rankers read it (shorthand spelled out, cut words completed).
 */
export function readAskEvidence(reading: QuestionReading, lexicon: TermFinder, concepts: readonly Concept[] = [], freq: Frequencies = { df: new Map(), n: 0 }): AskEvidence {
  const own = lexicon.find(reading.core);
  const terms = [...new Set((own.length > 0 ? own : lexicon.find(reading.text)).map((t) => t.stems))].map((t) => t.split(" "));
  const subject = askSubject(concepts, own);
  return { terms, named: new Set(own.map((t) => t.stems)).size, form: askedForm(reading.core), subject, known: subjectCoverage(subject, freq.df, freq) };
}

/** The ask's concepts less the words of the procedure terms it names: what it asks about them. */
export function askSubject(concepts: readonly Concept[], named: readonly { stems: string }[]): Concept[] {
  const procedure = new Set(named.flatMap((t) => t.stems.split(" ")));
  return concepts.filter((c) => !procedure.has(c.alternatives[0]![0]!));
}

/** The IDF-weighted share of an ask's subject that a set of stems holds; 1 when it has none. */
export function subjectCoverage(subject: readonly Concept[], have: { has(stem: string): boolean }, freq: Frequencies): number {
  if (subject.length === 0) return 1;
  return conceptCoverage(subject, have, freq);
}
