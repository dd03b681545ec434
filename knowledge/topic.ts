import { loadQuestionTerms } from "./expand.js";
import { stems } from "./text.js";

/**
 * Is a question about what the corpus covers? A naive Bayes model over the words of the
 * two banks: the in-scope questions (what practitioners ask that the corpus answers) and
 * the out-of-scope ones. Words both kinds use ("mum", "school", "Year 9") weigh nothing;
 * words only one kind uses ("strategy discussion", "paracetamol") weigh in its favour;
 * words neither bank uses are left out. Held-out questions can be subtracted, so the
 * model can be cross-validated.
 */
export class TopicModel {
  private readonly inScope = new Map<string, number>();
  private readonly outOfScope = new Map<string, number>();

  constructor(
    private readonly inQuestions: readonly Set<string>[],
    private readonly outQuestions: readonly Set<string>[],
  ) {
    for (const s of inQuestions) for (const w of s) this.inScope.set(w, (this.inScope.get(w) ?? 0) + 1);
    for (const s of outQuestions) for (const w of s) this.outOfScope.set(w, (this.outOfScope.get(w) ?? 0) + 1);
  }

  static fromQuestions(inScope: readonly string[], outOfScope: readonly string[]): TopicModel {
    return new TopicModel(inScope.map(topicWords), outOfScope.map(topicWords));
  }

  /**
   * Log-odds that the question is in scope (classes weighted equally), leaving out the
   * bank questions and out-of-scope questions listed (by index).
   *
   * Each word's evidence is the share of its occurrences that fall in the in-scope bank, shrunk
   * towards the two banks' sizes by `prior` pseudo-occurrences (a beta prior), and read against
   * that prior share. A word the banks have seen once or twice ("translate", "tomorrow", a
   * name) then says little either way, however small the out-of-scope bank; a word they have
   * seen many times on one side only ("Ofsted", "strategy discussion") still says much. Without
   * the prior, one sighting among the 300 out-of-scope questions weighed as much as a topic's
   * name, and a case story's everyday words sank questions the corpus answers.
   */
  score(words: Set<string>, leaveOut: { inScope?: readonly number[]; outOfScope?: readonly number[] } = {}, prior = TOPIC_PRIOR): number {
    const minusIn = new Map<string, number>();
    const minusOut = new Map<string, number>();
    for (const i of leaveOut.inScope ?? []) for (const w of this.inQuestions[i] ?? []) if (words.has(w)) minusIn.set(w, (minusIn.get(w) ?? 0) + 1);
    for (const i of leaveOut.outOfScope ?? []) for (const w of this.outQuestions[i] ?? []) if (words.has(w)) minusOut.set(w, (minusOut.get(w) ?? 0) + 1);
    const nIn = this.inQuestions.length - (leaveOut.inScope?.length ?? 0);
    const nOut = this.outQuestions.length - (leaveOut.outOfScope?.length ?? 0);
    // The prior share of a word's occurrences in scope is the in-scope bank's share of all questions.
    const share = nIn / (nIn + nOut);
    const priorOdds = Math.log(share / (1 - share));
    let score = 0;
    let seen = 0;
    for (const w of words) {
      const a = (this.inScope.get(w) ?? 0) - (minusIn.get(w) ?? 0);
      const b = (this.outOfScope.get(w) ?? 0) - (minusOut.get(w) ?? 0);
      if (a + b <= 0) continue;
      score += Math.log((a + prior * share) / (b + prior * (1 - share))) - priorOdds;
      seen++;
    }
    // Summed over a long story's words, small leanings add up to more than the ask's own topic says:
    // the sum is scaled by the square root of how many words carried evidence.
    return seen > 0 ? score / Math.sqrt(seen) : 0;
  }
}

/**
 * How many occurrences a word's in-scope share is shrunk by (see `TopicModel.score`): a word must be
 * seen a few times before it leans a question. Set at 4 and not swept; the coverage model's weights
 * are refitted on top of it (scripts/calibrate-knowledge.ts).
 */
export const TOPIC_PRIOR = 4;

/** The words a question's topic is judged on: its stems, without stopwords and bare numbers. */
export function topicWords(question: string): Set<string> {
  const stop = new Set(loadQuestionTerms().stopwords);
  return new Set(stems(question).filter((w) => !stop.has(w) && !/^\d+$/.test(w)));
}
