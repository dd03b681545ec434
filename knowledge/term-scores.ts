import type MiniSearch from "minisearch";
import { Recent } from "../core/recent.js";

/**
 * BM25 scores of a query over a MiniSearch index, the same numbers `mini.search(query, { combineWith:
 * "OR", boost, processTerm, boostTerm })` gives, to the bit, without its per-result objects and sort,
 * and with each query term's scores remembered.
 *
 * Why: the lexical evidence of one question is up to twelve searches over four indexes, about a fifth
 * of a turn's CPU outside the model, and most of it scored the same common terms ("referral",
 * "strategy", "plan") for every question over their long posting lists, then built, sorted and threw
 * away an object per matching passage. A term's scores depend only on the term, its boost and the
 * index, never on the rest of the query, so they are worked out once (by MiniSearch itself) and kept.
 *
 * What MiniSearch does with them (minisearch 7, `executeQuery`, `combineResults`, `search`): the
 * query's tokens through `processTerm`, each term's per-document score (its fields summed, in
 * `executeQuerySpec`), summed over the terms in query order, then multiplied by the number of distinct
 * terms the document matched. That is repeated here in the same order, so the same doubles come out.
 * Only exact terms are supported (no prefix or fuzzy search, no document boost or filter): an index
 * configured otherwise is searched by MiniSearch as before.
 */
export interface TermQuery {
  /** Field boosts, as `search`'s `boost`. */
  boost: Record<string, number>;
  processTerm: (term: string) => string | null;
  boostTerm: (term: string) => number;
}

/** One term's hits: the documents' own ids (as added) and their scores for the term. */
interface TermHits {
  ids: Uint32Array;
  scores: Float64Array;
}

/** The parts of MiniSearch read here: its own, not in its published types (minisearch 7.2). */
interface Internals {
  _options: {
    tokenize: (text: string) => string[];
    searchOptions: { tokenize?: (text: string) => string[]; prefix?: unknown; fuzzy?: unknown; boostDocument?: unknown; filter?: unknown; combineWith?: string };
  };
  _documentIds: Map<number, unknown>;
  executeQuerySpec(
    query: { term: string; fuzzy: false; prefix: false; termBoost: number },
    options: { boost: Record<string, number>; combineWith: "OR" },
  ): Map<number, { score: number }>;
}

/**
 * Terms remembered per index and boost (least recently used goes first). A term's hits are 12
 * bytes a matching document: after 6,465 varied messages (the bench's mix and the labelled
 * triage set) the four indexes held 1.7 MB, and the lexical evidence of a new question took
 * 0.3-0.4 ms of CPU instead of 3.3-3.5.
 */
const TERMS_KEPT = 1000;
const kept = new WeakMap<object, Map<string, Recent<TermHits>>>();

/** Whether the index is searched the plain way this module repeats. */
function plain(m: Internals): boolean {
  const o = m._options?.searchOptions;
  return (
    typeof m.executeQuerySpec === "function" &&
    m._documentIds instanceof Map &&
    !!o &&
    !o.prefix &&
    !o.fuzzy &&
    !o.boostDocument &&
    !o.filter &&
    (o.combineWith ?? "OR").toUpperCase() === "OR"
  );
}

function termHits(m: Internals, term: string, termBoost: number, boost: Record<string, number>): TermHits {
  const boostKey = JSON.stringify(boost);
  let byBoost = kept.get(m);
  if (!byBoost) kept.set(m, (byBoost = new Map()));
  let terms = byBoost.get(boostKey);
  if (!terms) byBoost.set(boostKey, (terms = new Recent<TermHits>(TERMS_KEPT)));
  const key = `${termBoost}\u0000${term}`;
  const known = terms.get(key);
  if (known) return known;
  const results = m.executeQuerySpec({ term, fuzzy: false, prefix: false, termBoost }, { boost, combineWith: "OR" });
  const ids = new Uint32Array(results.size);
  const scores = new Float64Array(results.size);
  let k = 0;
  for (const [docId, r] of results) {
    ids[k] = m._documentIds.get(docId) as number;
    scores[k++] = r.score;
  }
  return terms.set(key, { ids, scores });
}

/**
 * Add `weight` × each document's score for `query` to `out[id]` (ids are the documents' own, 0 to
 * out.length - 1), exactly as `out[r.id] += weight * r.score` over `mini.search(...)` would.
 */
export function addTermScores<T>(mini: MiniSearch<T>, query: string, q: TermQuery, weight: number, out: Float32Array): void {
  const m = mini as unknown as Internals;
  if (!plain(m)) {
    for (const r of mini.search(query, { boost: q.boost, combineWith: "OR", processTerm: q.processTerm, boostTerm: q.boostTerm })) out[r.id as number]! += weight * r.score;
    return;
  }
  const tokenize = m._options.searchOptions.tokenize ?? m._options.tokenize;
  const terms = tokenize(query)
    .flatMap((t) => q.processTerm(t))
    .filter((t): t is string => !!t);
  if (terms.length === 0) return;
  const n = out.length;
  const score = new Float64Array(n);
  // Distinct terms matched per document (MiniSearch's "quality"); 0: not matched yet.
  const quality = new Uint32Array(n);
  const touched: number[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    // A term said twice adds its scores twice, but counts once among the terms matched.
    const distinct = !seen.has(term);
    seen.add(term);
    const { ids, scores } = termHits(m, term, q.boostTerm(term), q.boost);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (quality[id] === 0) {
        touched.push(id);
        score[id] = scores[k]!;
        quality[id] = 1;
      } else {
        score[id] = score[id]! + scores[k]!;
        if (distinct) quality[id]!++;
      }
    }
  }
  for (const id of touched) out[id]! += weight * (score[id]! * quality[id]!);
}
