import { Document } from "@langchain/core/documents";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Config } from "../core/config.js";
import { invalidInput } from "../core/errors.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { composeAnswer, conceptScorer, documentFrequencies, type KnowledgeAnswer } from "./answer.js";
import { stems } from "./text.js";
import type { DocumentMeta } from "./documents.js";
import type { Embeddings } from "./embeddings/embeddings.js";
import { expandQuestion, loadQuestionTerms, type ExpandedQuestion } from "./expand.js";
import { focusQuestion } from "./focus.js";
import { checkGrounded, rephrase } from "./llm.js";
import { fuseScores, rawScores, type HybridIndex } from "./search.js";
import { loadIndex } from "./store.js";
import type { Chunk } from "./types.js";

const MAX_EMBED_CHARS = 1000;

/** Metadata carried by every retrieved langchain Document. */
export interface PassageMetadata {
  file: string;
  title: string;
  section: string;
  paragraph: string | null;
  jurisdiction: Chunk["jurisdiction"];
  rank: number;
  score: number;
}

/** The hybrid search as a langchain retriever: passages (chunks) best first. */
export class KnowledgeRetriever extends BaseRetriever {
  lc_namespace = ["safeguarding", "knowledge"];

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly k = 4,
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    return this.kb.passages(query, { k: this.k });
  }
}

/** The loaded corpus: answers questions, and exposes a retriever and the document list. */
export class KnowledgeBase {
  readonly retriever: KnowledgeRetriever;
  private readonly freq: ReturnType<typeof documentFrequencies>;
  /** Stems of each unit with its section path, for the concept match. */
  private readonly unitStems: Set<string>[];
  /** Stems of each distinct section heading path, for the heading match. */
  private readonly headingStems: Set<string>[];
  /** Index into headingStems for each unit. */
  private readonly unitHeading: Uint32Array;

  constructor(
    private readonly index: HybridIndex,
    readonly documents: DocumentMeta[],
    private readonly embeddings: Embeddings,
    private readonly llm?: BaseChatModel,
  ) {
    this.freq = documentFrequencies(index);
    this.unitStems = index.refs.map((r) => {
      const c = index.chunks[r.chunk]!;
      return new Set(stems(`${c.units[r.unit]!.text} ${c.section.join(" ")}`));
    });
    // Passages share headings: score each distinct heading once per question, not each unit.
    const headingIds = new Map<string, number>();
    const chunkHeading = index.chunks.map((c) => {
      const h = sectionHeadings(c);
      if (!headingIds.has(h)) headingIds.set(h, headingIds.size);
      return headingIds.get(h)!;
    });
    this.headingStems = [...headingIds.keys()].map((h) => new Set(stems(h)));
    this.unitHeading = Uint32Array.from(index.refs, (r) => chunkHeading[r.chunk]!);
    this.retriever = new KnowledgeRetriever(this);
  }

  private async rank(question: string) {
    const expanded = expandQuestion(focusQuestion(question));
    // The encoder is slow on long text; a question's opening carries its subject.
    const [vector] = await this.embeddings.embed([expanded.inline.slice(0, MAX_EMBED_CHARS)]);
    const score = conceptScorer(expanded, this.freq);
    const concepts = Float32Array.from(this.unitStems, score);
    let headings: Float32Array | undefined;
    if (expanded.concepts.length > 0) {
      const byHeading = Float32Array.from(this.headingStems, score);
      headings = Float32Array.from(this.unitHeading, (h) => byHeading[h]!);
    }
    return { expanded, concepts, headings, raw: rawScores(this.index, expanded.text, vector!) };
  }

  /** The best passages for a query, as langchain Documents with their citation metadata. */
  async passages(query: string, opts: { k?: number; jurisdiction?: Jurisdiction } = {}): Promise<Document<PassageMetadata>[]> {
    const { expanded, raw, concepts, headings } = await this.rank(query);
    const jurisdiction = opts.jurisdiction ?? expanded.jurisdiction;
    const ranked = fuseScores(this.index, raw, { ...fusionOptions(expanded, concepts, headings), jurisdiction });
    const seen = new Set<number>();
    const docs: Document<PassageMetadata>[] = [];
    for (const s of ranked) {
      const chunk = this.index.chunks[this.index.refs[s.ref]!.chunk]!;
      if (seen.has(chunk.id)) continue;
      seen.add(chunk.id);
      docs.push(
        new Document<PassageMetadata>({
          pageContent: chunk.text,
          metadata: {
            file: chunk.file,
            title: chunk.title,
            section: chunk.section.join(" > "),
            paragraph: chunk.paragraph,
            jurisdiction: chunk.jurisdiction,
            rank: chunk.rank,
            score: s.score,
          },
        }),
      );
      if (docs.length >= (opts.k ?? 4)) break;
    }
    return docs;
  }

  /**
   * Answer a procedure question from the corpus. Jurisdiction: the option, else the
   * words of the question, else the best evidence.
   */
  async answer(question: string, opts: { jurisdiction?: Jurisdiction } = {}): Promise<KnowledgeAnswer> {
    if (question.trim() === "") throw invalidInput("Please type your question.");
    const { expanded, raw, concepts, headings } = await this.rank(question);
    const asked = opts.jurisdiction ?? expanded.jurisdiction;
    const fusion = fusionOptions(expanded, concepts, headings);
    const scoped = fuseScores(this.index, raw, { ...fusion, jurisdiction: asked });
    const englandRanked = asked === "wales" ? fuseScores(this.index, raw, { ...fusion, jurisdiction: "england" }) : undefined;
    const composed = composeAnswer({
      index: this.index,
      documents: this.documents,
      question: expanded,
      ranked: scoped,
      asked,
      freq: this.freq,
      englandRanked,
    });
    const { passages, ...result } = composed;
    if (this.llm && result.covered) {
      const text = await rephrase(this.llm, question, passages);
      if (text && checkGrounded(text, passages).ok) return { ...result, answer: text };
    }
    return result;
  }

  /** The passage a citation points at (for evaluation and audits), if it exists. */
  passageOf(citation: { file: string; section: string; quote: string }): string | undefined {
    const core = citation.quote.replace(/^…|…$/g, "");
    return this.index.chunks.find((c) => c.file === citation.file && c.section.join(" > ") === citation.section && c.text.includes(core))?.text;
  }

  /** Every chunk (for tests of the quote property and for audits). */
  get chunks(): readonly Chunk[] {
    return this.index.chunks;
  }
}

/** What the ranking needs to know about a question, besides its raw evidence and jurisdiction. */
function fusionOptions(expanded: ExpandedQuestion, concepts: Float32Array, headings: Float32Array | undefined) {
  const terms = loadQuestionTerms();
  return {
    timescale: expanded.asksTimescale,
    definition: expanded.asksDefinition,
    concepts,
    headings,
    subjects: expanded.subjects,
    namedDocuments: expanded.namedDocuments,
    actor: expanded.actor,
    negated: expanded.negated,
    intents: expanded.intents.flatMap((name) => terms.intents[name] ?? []),
  };
}

/**
 * The headings a passage sits under, as a reader sees them: its section path without
 * the document's own title (which every passage of the document shares).
 */
export function sectionHeadings(chunk: Chunk): string {
  return chunk.section.filter((s) => s !== chunk.title).join(" ");
}

/** Load the saved index and make a knowledge base (no re-embedding of the corpus). */
export async function loadKnowledgeBase(opts: { config: Config; embeddings: Embeddings; llm?: BaseChatModel }): Promise<KnowledgeBase> {
  const index = loadIndex(opts.config, opts.embeddings);
  return new KnowledgeBase(index, index.documents, opts.embeddings, opts.llm);
}
