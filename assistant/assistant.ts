import type { Config } from "../core/config.js";
import { fixedClock, systemClock, type Clock } from "../core/clock.js";
import { invalidInput } from "../core/errors.js";
import { isTurnAbandoned, throwIfAbandoned } from "../core/turn-scope.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { createEmbeddings, type Embeddings } from "../knowledge/embeddings/index.js";
import { BatchingEmbeddings } from "../knowledge/embeddings/batching-embeddings.js";
import { CachedEmbeddings } from "../knowledge/embeddings/cached-embeddings.js";
import { loadKnowledgeBase, createChatModel, type KnowledgeBase } from "../knowledge/index.js";
import type { KnowledgeAnswer } from "../knowledge/index.js";
import { createTriage, triageByRules, type Triage, type TriageResult } from "../escalation/index.js";
import {
  createDeadlineCalculator,
  parseDateInput,
  type DeadlineCalculator,
  type DeadlineQuestion,
  type DeadlineResult,
  type EventId,
} from "../deadlines/index.js";
import { whatNext, type NextResult } from "../procedures/index.js";
import { draftFromNotes, readNotes, saveRecord, type DraftResult } from "../records/index.js";
import { Lazy } from "./lazy.js";
import { answerDeadlineQuestion } from "./deadline-answer.js";
import { readMessage, type MessageReading } from "./reading.js";
import { needsQuestionVector } from "./question-vector.js";
import { toSignpost } from "./signpost.js";
import type { AskResult, SignpostView, TriageView } from "./types.js";

export interface AssistantOptions {
  config: Config;
  clock?: Clock;
  /**
   * Run the embedding model on a thread of its own (the bot's assistant threads do, on a
   * host with two CPUs or more): a turn's retrieval and triage then run beside another
   * turn's embedding, instead of after it, and the model loads beside the index.
   */
  embeddingsThread?: boolean;
}

export interface JurisdictionOption {
  jurisdiction?: Jurisdiction;
}

/** How to read a message: the caller's jurisdiction, and its question vector when already known (cached). */
export interface ReadMessageOptions extends JurisdictionOption {
  vector?: Float32Array | undefined;
}

/**
 * Triage and the knowledge base as the assistant calls them: with an optional question
 * vector made once per message. Today's implementations may ignore the option (their
 * declared signatures take fewer parameters, which TypeScript accepts here); once they
 * read it, one model call serves both.
 */
type AssessWithVector = (text: string, opts?: { vector?: Float32Array }) => Promise<TriageResult>;

/** How to read pasted notes: the instant "today" and "yesterday" are read from (ISO), and what an impossible date becomes. */
export interface ReadNotesOptions {
  now: string;
  impossibleDate?: "error" | "gap";
}

/** Notes read into a record, as readNotes (records/) gives them: plain data, so it crosses threads. */
export type NotesReading = ReturnType<typeof readNotes>;

/** The deadline result plus how the event date was read, so the user can check it. */
export type DeadlineView = DeadlineResult & { event_date_interpretation: string; event_date_ambiguous?: string; signpost: SignpostView | null };
/** What happens next, with the signpost its description needed. */
export type NextView = NextResult & { signpost: SignpostView | null };
/** A drafted record, with the signpost its notes needed. */
export type DraftView = DraftResult & { signpost: SignpostView | null };

/**
 * The application's use cases, shared by the CLI and the bot so both give the same
 * answers. Every text entry point triages the whole input first: nothing can skip it.
 * Parts load lazily so a CLI command only loads what it needs.
 */
export class Assistant {
  readonly clock: Clock;
  private readonly model: Lazy<Embeddings & { ready?: Promise<void> }>;
  private readonly embeddings: Lazy<Embeddings>;
  private readonly knowledge: Lazy<KnowledgeBase>;
  private readonly triager: Lazy<Triage>;
  private readonly calculatorLazy: Lazy<DeadlineCalculator>;
  /** The general concern guidance per knowledge base and jurisdiction (generalGuidance). */
  private readonly general = new WeakMap<KnowledgeBase, Map<Jurisdiction, KnowledgeAnswer>>();

  constructor(private readonly options: AssistantOptions) {
    const { config } = options;
    this.clock = options.clock ?? systemClock;
    // One cache in front of the model for every reader: a message's text embedded for its
    // question vector is not embedded again by triage, which reads the same text. Behind
    // it, texts asked for at the same moment (several turns on one thread) share a model call.
    const threads = options.embeddingsThread ? { workers: config.server.modelThreads } : {};
    this.model = new Lazy(() => createEmbeddings(config, threads));
    this.embeddings = new Lazy(async () => new CachedEmbeddings(new BatchingEmbeddings(await this.model.get())));
    this.knowledge = new Lazy(async () =>
      loadKnowledgeBase({ config, embeddings: await this.embeddings.get(), llm: await createChatModel(config) }),
    );
    this.triager = new Lazy(async () =>
      createTriage({ embeddings: await this.embeddings.get(), cacheDir: config.knowledge.indexDir, clock: this.clock }),
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
    // A model on a thread of its own loads while this thread reads the index: ready means both.
    const model = this.model.get().then((m) => m.ready);
    await Promise.all([model, this.knowledge.get(), this.triager.get(), this.calculatorLazy.get()]);
  }

  calculator(): Promise<DeadlineCalculator> {
    return this.calculatorLazy.get();
  }

  /**
   * Triage the whole text. Falls back to the rules alone if the semantic part cannot
   * load: the signpost must never depend on a model being available.
   */
  async assess(text: string, opts: { vector?: Float32Array } = {}): Promise<TriageResult> {
    try {
      const triage = await this.triager.get();
      const assess: AssessWithVector = triage.assess.bind(triage);
      return await assess(text, opts);
    } catch (e) {
      if (isTurnAbandoned(e)) throw e;
      return triageByRules(text, this.clock);
    }
  }

  /**
   * The message's question vector: the embedding of the words retrieval reads
   * (`kb.encoderText`), made once per message and cached across threads by the pooled
   * assistant. Triage does not take it: triage embeds the raw message itself, and only
   * when its rules and lexical model are unsure, so a plain procedure question costs
   * one model call, not two. Undefined when the model cannot load: retrieval then
   * embeds for itself.
   */
  async questionVector(cleanedText: string): Promise<Float32Array | undefined> {
    try {
      const kb = await this.knowledge.get();
      const [vector] = await (await this.embeddings.get()).embed([kb.encoderText(cleanedText)]);
      return vector;
    } catch (e) {
      if (isTurnAbandoned(e)) throw e;
      return undefined;
    }
  }

  async triage(text: string): Promise<TriageView> {
    if (text.trim() === "") throw invalidInput("Please type the message to check.");
    const result = await this.assess(text);
    return { level: result.level, text: result.text };
  }

  /**
   * Read a message once: triage of the whole raw text first (nothing can skip it),
   * then its intent, dates, deadline question and jurisdiction. The bot and every CLI
   * command start here, so both read a message the same way.
   */
  async read(raw: string, opts: ReadMessageOptions = {}): Promise<MessageReading> {
    // Reading the words is pure and cheap; it says whether the model is needed at all.
    const reading = readMessage(raw, null, { clock: this.clock, maxChars: this.config.limits.maxMessageChars, jurisdiction: opts.jurisdiction });
    const vector = opts.vector ?? (needsQuestionVector(reading) ? await this.questionVector(reading.text) : undefined);
    const triage = raw.trim() === "" ? null : await this.assess(raw);
    return { ...reading, triage, ...(vector ? { vector } : {}) };
  }

  /** Answer a procedure question from the corpus, with citations and any signpost. */
  async ask(question: string, opts: JurisdictionOption = {}): Promise<AskResult> {
    if (question.trim() === "") throw invalidInput("Please type your question.");
    return this.answer(await this.read(question, opts));
  }

  /**
   * The answer to a message already read: a calculated deadline when it asks for one
   * with a date, otherwise the corpus's cited answer; the signpost always rides along.
   */
  async answer(reading: MessageReading): Promise<AskResult> {
    const signpost = reading.triage ? toSignpost(reading.triage) : null;
    if (reading.empty) throw invalidInput("Please type your question.");
    if (reading.overLength) {
      const max = this.config.limits.maxMessageChars;
      return {
        answer:
          `That message is too long for me to answer (${reading.raw.length.toLocaleString("en-GB")} characters; ` +
          `the limit is ${max.toLocaleString("en-GB")}). I have checked all of it for signs of danger. ` +
          "Please send your question on its own, in a sentence or two.",
        jurisdiction: null,
        covered: false,
        citations: [],
        signpost,
      };
    }
    const jurisdiction = reading.jurisdiction.value ?? undefined;
    if (reading.intent.kind === "deadline") {
      const calculated = await this.answerDeadline(reading.intent.question, jurisdiction);
      if (calculated) return { ...calculated, signpost };
    }
    throwIfAbandoned();
    const kb = await this.knowledge.get();
    // The reading's vector is already the embedding of what retrieval reads (questionVector).
    const answer = await kb.answer(reading.text, { jurisdiction, ...(reading.vector ? { vector: reading.vector } : {}) });
    if (!answer.covered && reading.triage && wantsConcernGuidance(reading.triage)) {
      // Someone describing a worrying situation the guidance does not name still needs
      // what it says about acting on a concern: grounded, and said to be general.
      const where = jurisdiction ?? "england";
      const general = await this.generalGuidance(kb, where);
      if (general.covered && asksWhatToDo(reading.text)) {
        // Someone who describes a concern and asks what to do, or whom to tell, is asking what the
        // guidance does answer: how to act on a concern about a child. It is said to be general.
        return {
          ...publicAnswer(general),
          covered: true,
          answer: `The guidance I hold does not describe your exact situation. This is what it says about acting on a concern about a child:\n\n${general.answer}`,
          signpost,
        };
      }
      if (general.covered) {
        // General guidance never makes a question about something else covered: the refusal (and where to go) comes first.
        return {
          ...publicAnswer(general),
          covered: false,
          answer: `${answer.answer}\n\nThis is what the guidance says in general about acting on a concern about a child:\n\n${general.answer}`,
          signpost,
        };
      }
    }
    return { ...publicAnswer(answer), signpost };
  }

  /**
   * What the guidance says in general about acting on a concern, in one jurisdiction: the
   * answer to a fixed question, so it is worked out once per knowledge base and kept (it was
   * a second whole retrieval, about a third of the CPU of a described concern's turn).
   * Only an answer is kept: a turn abandoned while working it out leaves nothing behind.
   */
  private async generalGuidance(kb: KnowledgeBase, where: Jurisdiction): Promise<KnowledgeAnswer> {
    const kept = this.general.get(kb)?.get(where);
    if (kept) return kept;
    const answer = await kb.answer(CONCERN_QUESTIONS[where], { jurisdiction: where });
    const byPlace = this.general.get(kb) ?? new Map<Jurisdiction, KnowledgeAnswer>();
    byPlace.set(where, answer);
    this.general.set(kb, byPlace);
    return answer;
  }

  /**
   * A deadline question worked out: the rule asked about (or every rule the event
   * starts), in the jurisdiction asked about, with the date's reading echoed. Null when
   * the question has no date yet.
   */
  async answerDeadline(question: DeadlineQuestion, jurisdiction?: Jurisdiction): Promise<Omit<AskResult, "signpost"> | null> {
    return answerDeadlineQuestion(question, await this.calculatorLazy.get(), jurisdiction);
  }

  /** What happens next from a stage id or a description in words; the description is triaged first. */
  async next(situation: string, opts: JurisdictionOption = {}): Promise<NextView> {
    if (situation.trim() === "") throw invalidInput("Please say where things stand, for example \"strategy discussion done, section 47 agreed\".");
    return this.nextFor(await this.read(situation, opts));
  }

  /** What happens next for a message already read. */
  async nextFor(reading: MessageReading): Promise<NextView> {
    const calculator = await this.calculatorLazy.get();
    const result = whatNext(reading.text, { clock: this.clock, calculator }, { jurisdiction: reading.jurisdiction.value ?? undefined });
    return { ...result, signpost: reading.triage ? toSignpost(reading.triage) : null };
  }

  /** Every deadline an event starts, from a date in ISO, UK style or words. */
  async deadline(event: string, dateText: string, opts: JurisdictionOption = {}): Promise<DeadlineView> {
    const reading = await this.read(dateText, opts);
    const parsed = parseDateInput(reading.text, this.clock);
    const calculator = await this.calculatorLazy.get();
    const result = calculator.deadlinesFor(event as EventId, parsed.date, { jurisdiction: opts.jurisdiction });
    return {
      ...result,
      event_date_interpretation: parsed.interpretation,
      ...(parsed.ambiguous ? { event_date_ambiguous: parsed.ambiguous } : {}),
      signpost: reading.triage ? toSignpost(reading.triage) : null,
    };
  }

  /**
   * Draft a strategy discussion record from notes (free text or a JSON record), the
   * notes triaged first like any message. The draft is returned, and kept on disk only
   * when an operator set RECORDS_DIR.
   */
  async draft(notes: string, opts: JurisdictionOption = {}): Promise<DraftView> {
    const reading = await this.read(notes, opts);
    const calculator = await this.calculatorLazy.get();
    const draft = draftFromNotes(reading.text, { clock: this.clock, calculator }, { jurisdiction: opts.jurisdiction });
    await this.keep(draft);
    return { ...draft, signpost: reading.triage ? toSignpost(reading.triage) : null };
  }

  /**
   * Read pasted notes into a record (records' readNotes), at the instant the caller gives.
   * The bot runs it on a worker thread: a long paste is tens of milliseconds of parsing
   * that would otherwise hold up every request the event loop is serving (health checks too).
   */
  async readNotes(notes: string, opts: ReadNotesOptions): Promise<NotesReading> {
    return readNotes(notes, fixedClock(opts.now), opts.impossibleDate ? { impossibleDate: opts.impossibleDate } : {});
  }

  /** Keep a finished draft where the operator configured it; returns the file, or null when not configured. */
  async keep(draft: DraftResult): Promise<string | null> {
    const dir = this.config.records.dir;
    return dir ? saveRecord(dir, draft) : null;
  }
}

/**
 * The knowledge layer's answer in the public contract's shape: citations carry file, title,
 * section, paragraph and quote. The whole passage a quote comes from stays inside (evaluation
 * reads it); users get the verbatim quote and where to find the rest.
 */
export function publicAnswer(a: KnowledgeAnswer): Omit<AskResult, "signpost"> {
  return { ...a, citations: a.citations.map(({ file, title, section, paragraph, quote }) => ({ file, title, section, paragraph, quote })) };
}

/**
 * Whether a message asks what to do or whom to tell (rather than something particular the
 * guidance may not hold): "what do I do?", "who do I call?", "should I refer?", "what now?".
 */
export function asksWhatToDo(text: string): boolean {
  return ASKS_WHAT_TO_DO.test(text);
}

const ASKS_WHAT_TO_DO =
  /\b(what (do|should|can|must|would) (i|we) do|what (now|next)|what happens next|what are my next steps|who (do|should|can|must|would) (i|we) (call|ring|phone|tell|contact|speak to|talk to|report (it |this |that )?to|refer (him |her |them |it |this )?to)|where (do|should|can) (i|we) (go|report|turn)|(do|should|must) (i|we) (need to )?(refer|report|tell|call|ring|contact))\b/i;

/** Signpost levels that mean "a concern to act on", where general referral guidance helps. */
const CONCERN_LEVELS = new Set<string>(["101_or_childrens_services", "nspcc_advice", "999"]);

/**
 * An adult describing a concern (a practitioner passing on a disclosure, a parent) gets
 * the signpost and what the guidance says about acting on it. A child writing about
 * themselves gets the signpost alone: referral guidance is not written for them.
 */
function wantsConcernGuidance(t: TriageResult): boolean {
  const speaker = (t as TriageResult & { speaker?: string }).speaker;
  if (t.level === "999") return speaker !== undefined && speaker !== "child";
  return CONCERN_LEVELS.has(t.level);
}

/** The general question asked of the corpus when a described concern is not itself covered. */
const CONCERN_QUESTIONS: Record<Jurisdiction, string> = {
  england: "Anyone who has concerns about a child's welfare: should they make a referral to local authority children's social care?",
  wales: "How do professionals report concerns about a young person's safety or well-being to Children's Services in Wales?",
};

export { toSignpost } from "./signpost.js";
export { VECTOR_CHARS, needsQuestionVector, vectorText } from "./question-vector.js";
