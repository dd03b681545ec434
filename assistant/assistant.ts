import type { Config } from "../core/config.js";
import { systemClock, type Clock } from "../core/clock.js";
import { invalidInput } from "../core/errors.js";
import { cleanUserText } from "../core/text.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { createEmbeddings, type Embeddings } from "../knowledge/embeddings/index.js";
import { loadKnowledgeBase, createChatModel, type KnowledgeBase } from "../knowledge/index.js";
import { createTriage, triageByRules, type Triage, type TriageResult } from "../escalation/index.js";
import {
  createDeadlineCalculator,
  parseDateInput,
  parseDeadlineQuestion,
  type DeadlineCalculator,
  type DeadlineQuestion,
  type DeadlineResult,
  type EventId,
} from "../deadlines/index.js";
import { mentionsWales, whatNext, type NextResult } from "../procedures/index.js";
import { draftFromNotes, saveRecord, type DraftResult } from "../records/index.js";
import { Lazy } from "./lazy.js";
import { answerDeadlineQuestion } from "./deadline-answer.js";
import { asksForCalculation } from "./intent.js";
import type { AskResult, SignpostView, TriageView } from "./types.js";

export interface AssistantOptions {
  config: Config;
  clock?: Clock;
}

export interface JurisdictionOption {
  jurisdiction?: Jurisdiction;
}

/** The deadline result plus how the event date was read, so the user can check it. */
export type DeadlineView = DeadlineResult & { event_date_interpretation: string; event_date_ambiguous?: string };

/**
 * The application's use cases, shared by the CLI and the bot so both give the same
 * answers. Every text entry point triages the whole input first: nothing can skip it.
 * Parts load lazily so a CLI command only loads what it needs.
 */
export class Assistant {
  readonly clock: Clock;
  private readonly embeddings: Lazy<Embeddings>;
  private readonly knowledge: Lazy<KnowledgeBase>;
  private readonly triager: Lazy<Triage>;
  private readonly calculatorLazy: Lazy<DeadlineCalculator>;

  constructor(private readonly options: AssistantOptions) {
    const { config } = options;
    this.clock = options.clock ?? systemClock;
    this.embeddings = new Lazy(() => createEmbeddings(config));
    this.knowledge = new Lazy(async () =>
      loadKnowledgeBase({ config, embeddings: await this.embeddings.get(), llm: await createChatModel(config) }),
    );
    this.triager = new Lazy(async () =>
      createTriage({ embeddings: await this.embeddings.get(), cacheDir: config.knowledge.indexDir }),
    );
    this.calculatorLazy = new Lazy(async () =>
      createDeadlineCalculator({ overrideFile: config.deadlines.holidaysOverrideFile }),
    );
  }

  get config(): Config {
    return this.options.config;
  }

  /** Load every part now (the bot does this at start-up so the first answer is fast). */
  async warmUp(): Promise<void> {
    await Promise.all([this.knowledge.get(), this.triager.get(), this.calculatorLazy.get()]);
  }

  calculator(): Promise<DeadlineCalculator> {
    return this.calculatorLazy.get();
  }

  /**
   * Triage the whole text. Falls back to the rules alone if the semantic part cannot
   * load: the signpost must never depend on a model being available.
   */
  async assess(text: string): Promise<TriageResult> {
    try {
      const triage = await this.triager.get();
      return await triage.assess(text);
    } catch {
      return triageByRules(text);
    }
  }

  async triage(text: string): Promise<TriageView> {
    if (text.trim() === "") throw invalidInput("Please type the message to check.");
    const result = await this.assess(text);
    return { level: result.level, text: result.text };
  }

  /**
   * Answer a procedure question from the corpus, with citations and any signpost.
   * `assessed` is the triage of this same text when the caller (the bot) already ran it;
   * `vector` its embedding (of `KnowledgeBase.encoderText(text)`), when the caller already has one.
   */
  async ask(question: string, opts: JurisdictionOption & { assessed?: TriageResult; vector?: Float32Array } = {}): Promise<AskResult> {
    if (question.trim() === "") throw invalidInput("Please type your question.");
    const signpost = toSignpost(opts.assessed ?? (await this.assess(question)));
    const max = this.config.limits.maxMessageChars;
    if (question.length > max) {
      return {
        answer:
          `That message is too long for me to answer (${question.length.toLocaleString("en-GB")} characters; ` +
          `the limit is ${max.toLocaleString("en-GB")}). I have checked all of it for signs of danger. ` +
          "Please send your question on its own, in a sentence or two.",
        jurisdiction: null,
        covered: false,
        citations: [],
        signpost,
      };
    }
    const text = cleanUserText(question);
    const deadline = await this.deadlineAnswer(text, opts);
    if (deadline) return { ...deadline, signpost };
    const kb = await this.knowledge.get();
    const answer = await kb.answer(text, { jurisdiction: opts.jurisdiction, vector: opts.vector });
    if (!answer.covered && signpost && CONCERN_LEVELS.has(signpost.level)) {
      // Someone describing a worrying situation the guidance does not name still needs
      // what it says about acting on a concern: grounded, and said to be general.
      const jurisdiction = opts.jurisdiction ?? (mentionsWales(text) ? "wales" : "england");
      const general = await kb.answer(CONCERN_QUESTIONS[jurisdiction], { jurisdiction });
      if (general.covered) {
        // General guidance never makes the question itself covered: the refusal (and where to go) comes first.
        return {
          ...general,
          covered: false,
          answer: `${answer.answer}\n\nThis is what the guidance says in general about acting on a concern about a child:\n\n${general.answer}`,
          signpost,
        };
      }
    }
    return { ...answer, signpost };
  }

  /** A deadline question with a date gets the calculated date, not a paragraph about timescales. */
  private async deadlineAnswer(text: string, opts: JurisdictionOption): Promise<Omit<AskResult, "signpost"> | null> {
    let question: DeadlineQuestion | null;
    try {
      question = parseDeadlineQuestion(text, this.clock);
    } catch {
      return null;
    }
    if (!question || !asksForCalculation(question, text)) return null;
    return answerDeadlineQuestion(question, await this.calculatorLazy.get(), opts.jurisdiction);
  }

  /** What happens next from a stage id or a description in words. */
  async next(situation: string, opts: JurisdictionOption = {}): Promise<NextResult> {
    if (situation.trim() === "") throw invalidInput("Please say where things stand, for example \"strategy discussion done, section 47 agreed\".");
    const calculator = await this.calculatorLazy.get();
    return whatNext(cleanUserText(situation), { clock: this.clock, calculator }, { jurisdiction: opts.jurisdiction });
  }

  /** Every deadline an event starts, from a date in ISO, UK style or words. */
  async deadline(event: string, dateText: string, opts: JurisdictionOption = {}): Promise<DeadlineView> {
    const parsed = parseDateInput(dateText, this.clock);
    const calculator = await this.calculatorLazy.get();
    const result = calculator.deadlinesFor(event as EventId, parsed.date, { jurisdiction: opts.jurisdiction });
    return {
      ...result,
      event_date_interpretation: parsed.interpretation,
      ...(parsed.ambiguous ? { event_date_ambiguous: parsed.ambiguous } : {}),
    };
  }

  /**
   * Draft a strategy discussion record from notes (free text or a JSON record). The
   * draft is returned, and kept on disk only when an operator set RECORDS_DIR.
   */
  async draft(notes: string, opts: JurisdictionOption = {}): Promise<DraftResult> {
    const calculator = await this.calculatorLazy.get();
    const draft = draftFromNotes(cleanUserText(notes), { clock: this.clock, calculator }, { jurisdiction: opts.jurisdiction });
    await this.keep(draft);
    return draft;
  }

  /** Keep a finished draft where the operator configured it; returns the file, or null when not configured. */
  async keep(draft: DraftResult): Promise<string | null> {
    const dir = this.config.records.dir;
    return dir ? saveRecord(dir, draft) : null;
  }
}

/** Signpost levels that mean "a concern to act on", where general referral guidance helps. */
const CONCERN_LEVELS = new Set<string>(["101_or_childrens_services", "nspcc_advice"]);

/** The general question asked of the corpus when a described concern is not itself covered. */
const CONCERN_QUESTIONS: Record<Jurisdiction, string> = {
  england: "Anyone who has concerns about a child's welfare: should they make a referral to local authority children's social care?",
  wales: "How do professionals report concerns about a young person's safety or well-being to Children's Services in Wales?",
};

export function toSignpost(result: TriageResult): SignpostView | null {
  return result.level === "none" ? null : { level: result.level, text: result.text };
}
