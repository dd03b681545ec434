/** The knowledge layer's public API: build the index, load it, answer from it. */
export { buildIndex, type IndexStats } from "./store.js";
export { loadKnowledgeBase, KnowledgeBase, KnowledgeRetriever, type PassageMetadata, type AnswerOptions } from "./knowledge-base.js";
export type { KnowledgeAnswer, KnowledgeCitation } from "./answer.js";
export { createChatModel, checkGrounded } from "./llm.js";
export type { DocumentMeta } from "./documents.js";
export { expandQuestion } from "./expand.js";
