/**
 * `npm run eval`: runs the QA sample through `ask` and prints, per kind and overall,
 * fact recall, source hit, out-of-scope refusals, latency and shown length, then
 * the two baselines scored the same way.
 */
import { readFileSync } from "node:fs";
import { parseConfig } from "../core/config.js";
import { fromRoot } from "../core/paths.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { buildIndex, loadKnowledgeBase, type KnowledgeBase } from "../knowledge/index.js";
import { isAppError } from "../core/errors.js";
import type { Embeddings } from "../knowledge/embeddings/embeddings.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { runBaselines } from "./eval-baselines.js";
import { factStated, percentile, shownText, sourceHit, unsupportedTimescales, type Shown } from "./eval-score.js";

interface QaCase {
  id: string;
  question: string;
  jurisdiction: string;
  answer_facts: string[];
  source: { file: string | null; quote: string | null; section: string | null };
  kind: string;
}

export type AskFn = (question: string, opts: { jurisdiction?: Jurisdiction }) => Promise<Shown>;

interface Row {
  c: QaCase;
  facts: number;
  stated: number;
  hit: boolean | null;
  refused: boolean | null;
  ms: number;
  /** Time spent embedding the question (the model's share of `ms`). */
  embedMs: number;
  chars: number;
  unsupported: string[];
}

/** Embeddings that add up the time spent in the model, so latency can be split into the model's share and ours. */
export class TimedEmbeddings implements Embeddings {
  spentMs = 0;
  constructor(private readonly inner: Embeddings) {}
  get id(): string {
    return this.inner.id;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const t0 = performance.now();
    try {
      return await this.inner.embed(texts);
    } finally {
      this.spentMs += performance.now() - t0;
    }
  }
}

/** Score one system over the cases; `timer` (if given) says how much of each answer's time went on embedding. */
export async function runEval(cases: QaCase[], ask: AskFn, timer?: TimedEmbeddings): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of cases) {
    const j = c.jurisdiction === "england" || c.jurisdiction === "wales" ? c.jurisdiction : undefined;
    const spent0 = timer?.spentMs ?? 0;
    const t0 = performance.now();
    const r = await ask(c.question, { jurisdiction: j });
    const ms = performance.now() - t0;
    const embedMs = (timer?.spentMs ?? 0) - spent0;
    const shown = shownText(r);
    const stated = c.answer_facts.filter((f) => factStated(f, shown)).length;
    rows.push({
      c,
      facts: c.answer_facts.length,
      stated,
      hit: c.source.file && c.source.quote ? sourceHit(r, { file: c.source.file, quote: c.source.quote }) : null,
      refused: c.kind === "out_of_scope" ? !r.covered : null,
      ms,
      embedMs,
      chars: shown.length,
      unsupported: unsupportedTimescales(r),
    });
  }
  return rows;
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "  - ");

/** Print per kind and overall. */
export function report(name: string, rows: Row[], verbose = false): void {
  const kinds = [...new Set(rows.map((r) => r.c.kind))].sort();
  console.log(`\n== ${name} ==`);
  console.log("kind           n  fact_recall  source_hit  refusals");
  const line = (label: string, rs: Row[]) => {
    const facts = rs.reduce((a, r) => a + r.facts, 0);
    const stated = rs.reduce((a, r) => a + r.stated, 0);
    const hits = rs.filter((r) => r.hit !== null);
    const oos = rs.filter((r) => r.refused !== null);
    console.log(
      `${label.padEnd(13)} ${String(rs.length).padStart(2)}  ${f2(stated / facts).padStart(11)}  ${f2(hits.filter((r) => r.hit).length / hits.length).padStart(10)}  ${f2(oos.filter((r) => r.refused).length / oos.length).padStart(8)}`,
    );
  };
  for (const k of kinds) line(k, rows.filter((r) => r.c.kind === k));
  line("overall", rows);
  const ms = rows.map((r) => r.ms);
  const own = rows.map((r) => r.ms - r.embedMs);
  const embed = rows.map((r) => r.embedMs);
  const unsupported = rows.filter((r) => r.unsupported.length > 0);
  console.log(
    `latency median ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms; shown length median ${percentile(rows.map((r) => r.chars), 50)} chars; answers with a timescale absent from their citations: ${unsupported.length}`,
  );
  if (embed.some((x) => x > 0)) {
    console.log(
      `  of which question embedding median ${percentile(embed, 50).toFixed(1)} ms, p95 ${percentile(embed, 95).toFixed(1)} ms; the rest (retrieval and composition) median ${percentile(own, 50).toFixed(1)} ms, p95 ${percentile(own, 95).toFixed(1)} ms`,
    );
  }
  if (verbose) {
    for (const r of rows) {
      const miss = r.stated < r.facts || r.hit === false || r.refused === false || r.unsupported.length > 0;
      if (miss) console.log(`  miss ${r.c.id} (${r.c.kind}) facts ${r.stated}/${r.facts} hit=${r.hit} refused=${r.refused} unsupported=${r.unsupported.join(",")}`);
    }
  }
}

export function loadCases(path = fromRoot("test", "eval", "qa.jsonl")): QaCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as QaCase);
}

/** The system under test: the knowledge base, with each citation's passage for the source-hit check. */
export function askKnowledgeBase(kb: KnowledgeBase): AskFn {
  return async (q, opts) => {
    const r = await kb.answer(q, opts);
    return { ...r, citations: r.citations.map((c) => ({ ...c, passage: kb.passageOf(c) })) };
  };
}

/** The lead's facade (triage first, then the knowledge base): what users get. */
async function askAssistant(config: ReturnType<typeof parseConfig>, kb: KnowledgeBase): Promise<AskFn> {
  const { createAssistant } = await import("../assistant/index.js");
  const assistant = await createAssistant({ config });
  await assistant.warmUp();
  return async (q, opts) => {
    const r = await assistant.ask(q, opts);
    return { ...r, citations: r.citations.map((c) => ({ ...c, passage: kb.passageOf(c) })) };
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // `--file <path>` (or a bare *.jsonl) runs the same scorer on another set, such as test/knowledge/dev-questions.jsonl.
  const flag = args.indexOf("--file");
  const file = flag >= 0 ? args[flag + 1] : args.find((a) => a.endsWith(".jsonl"));
  if (flag >= 0 && !file) throw new Error("--file needs a path to a .jsonl file of QA cases.");
  const cases = loadCases(file);
  const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
  const t0 = performance.now();
  const embeddings = new TimedEmbeddings(await UseEmbeddings.load());
  let kb: KnowledgeBase;
  try {
    kb = await loadKnowledgeBase({ config, embeddings });
  } catch (e) {
    if (!isAppError(e) || e.code !== "config") throw e;
    console.log(`${e.message} Building it now…`);
    await buildIndex({ config, embeddings, onProgress: (m) => console.log(m) });
    kb = await loadKnowledgeBase({ config, embeddings });
  }
  const loadMs = performance.now() - t0;
  await kb.answer("warm up the encoder");
  const ask = args.includes("--assistant") ? await askAssistant(config, kb) : askKnowledgeBase(kb);
  const rows = await runEval(cases, ask, embeddings);
  report("safeguarding-assistant (knowledge layer)", rows, args.includes("--verbose"));
  console.log(`cold start (model + index load) ${loadMs.toFixed(0)} ms; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (!args.includes("--no-baselines")) {
    for (const b of await runBaselines(embeddings, config.knowledge.indexDir)) report(b.name, await runEval(cases, b.ask));
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("eval.ts") || process.argv[1]?.endsWith("eval.js")) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
