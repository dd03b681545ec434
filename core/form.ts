import type { Citation } from "./citation.js";

/**
 * A guided form as data (STYLE.md 5c): a list of steps, each with its prompt, how a
 * reply is read, and the guidance it rests on. Domain folders (records, procedures)
 * define forms; one dialog walks any form. Nothing here knows about Bot Framework.
 */

/** A choice offered as a button; typed words (`value`, `label` or a synonym) also select it. */
export interface FormChoice {
  value: string;
  label: string;
  synonyms?: string[];
}

/** What a step asks: words already worded by the form (the form owns its catalogue), plus choices. */
export interface FormPrompt {
  text: string;
  choices?: FormChoice[];
  citation?: Citation;
}

/** The outcome of reading a reply: accepted (with a note to show), or re-asked with a reason. */
export type FormReply<S> =
  | { ok: true; state: S; note?: string; done?: boolean }
  | { ok: false; retry: string };

export interface FormStep<S> {
  id: string;
  /** The prompt for this step given what is known, or null when there is nothing to ask. */
  ask(state: S): FormPrompt | null;
  /**
   * Read the reply. `skip` means the user typed skip: the step is left empty and listed
   * as missing. Must not throw for bad input: return `{ ok: false, retry }`.
   */
  read(reply: string, state: S): FormReply<S>;
  /** Asked again after each reply until the reply says `done` (a list of actions). */
  repeat?: boolean;
  /**
   * Which replies phrased as questions are answers to this step, not new questions:
   * all of them (true), none (the default), or those this function accepts ("yes?",
   * "is it 15 working days?" answer; "what is a core group?" interrupts).
   */
  questionsAreAnswers?: boolean | ((reply: string, state: S) => boolean);
  /** The step reads "skip" and "don't know" itself (a yes/no question takes them as "not sure"). */
  readsSkip?: boolean;
}

export interface FormDefinition<S> {
  id: string;
  /** How the form is named mid-sentence ("your strategy discussion record"). */
  doing: string;
  steps: FormStep<S>[];
}

const DONE = /^\s*(done|finished|that'?s (all|it)|no more|nothing else|none)\s*[.!]*\s*$/i;
const SKIP = /^\s*(skip|pass|not now|later|don'?t know|dont know|unknown|n\/?a)\s*[.!]*\s*$/i;

/** The reply ends a repeated step. */
export function isDone(reply: string): boolean {
  return DONE.test(reply);
}

/** The reply leaves a step empty for now. */
export function isSkip(reply: string): boolean {
  return SKIP.test(reply);
}

/** The choice a reply selects (by value, label or synonym, any case), or null. */
export function matchChoice(reply: string, choices: readonly FormChoice[]): FormChoice | null {
  const r = reply.trim().toLowerCase().replace(/[.!]+$/, "");
  return (
    choices.find((c) => [c.value, c.label, ...(c.synonyms ?? [])].some((w) => w.toLowerCase() === r)) ?? null
  );
}

/** The first step (from `from`) that has something to ask, with its prompt; null when the form is complete. */
export function nextStep<S>(form: FormDefinition<S>, state: S, from = 0): { index: number; prompt: FormPrompt } | null {
  for (let i = from; i < form.steps.length; i++) {
    const prompt = form.steps[i]!.ask(state);
    if (prompt) return { index: i, prompt };
  }
  return null;
}
