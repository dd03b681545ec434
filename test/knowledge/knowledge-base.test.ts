import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type Config } from "../../core/config.js";
import { isAppError } from "../../core/errors.js";
import { quoteCore } from "../../knowledge/quote.js";
import { buildIndex, loadKnowledgeBase, type KnowledgeBase } from "../../knowledge/index.js";
import { FakeEmbeddings } from "./fake-embeddings.js";

let dir: string;
let config: Config;
let kb: KnowledgeBase;
const embeddings = new FakeEmbeddings();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kb-test-"));
  config = parseConfig({ INDEX_DIR: join(dir, "index") });
  await buildIndex({ config, embeddings });
  kb = await loadKnowledgeBase({ config, embeddings });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUESTIONS = [
  "When must the initial child protection conference be held?",
  "what is the core group actually for",
  "what's health's job at a strategy discussion? I'm a named nurse",
  "Max timescale for a single assessment?",
  "NRM and ICTG referral - which one first?",
  "When is a joint agency response needed after a child dies?",
  "can a young person bring an advocate to the strategy meeting in wales",
  "Is Lewisham's MACE where individual cases get managed?",
  "what should a contingency plan say",
  "who should attend a strategy discussion?",
  "what happens at a child protection review conference?",
  "when can a child protection plan be discontinued?",
];

describe("the saved index", () => {
  it("loading does not re-embed the corpus", async () => {
    const before = embeddings.calls;
    await loadKnowledgeBase({ config, embeddings });
    expect(embeddings.calls).toBe(before);
  });

  it("an index built with other embeddings is refused with an operator message", async () => {
    const other = new FakeEmbeddings("another-model");
    await expect(loadKnowledgeBase({ config, embeddings: other })).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === "config" && e.message.includes("safeguard index"),
    );
  });

  it("an index that predates the local procedures folder's contents is refused", async () => {
    const local = join(dir, "local");
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, "our-procedure.md"), "# Our procedure\n\nStrategy discussions are chaired by a team manager.\n");
    const withLocal = parseConfig({ INDEX_DIR: join(dir, "index"), LOCAL_DOCS_DIR: local });
    await expect(loadKnowledgeBase({ config: withLocal, embeddings })).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === "config" && /changed/.test(e.message),
    );
  });
});

describe("answers", () => {
  it("every quote is verbatim from the cited file's cleaned text and at most about 300 characters", async () => {
    let checked = 0;
    for (const q of QUESTIONS) {
      const a = await kb.answer(q);
      for (const c of a.citations) {
        expect(c.quote.length).toBeLessThanOrEqual(301);
        const core = quoteCore(c.quote);
        expect(kb.chunks.some((ch) => ch.file === c.file && ch.text.includes(core))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(QUESTIONS.length);
  });

  it("a covered answer says its jurisdiction and names the document", async () => {
    const a = await kb.answer("what is the core group actually for");
    expect(a.covered).toBe(true);
    expect(a.jurisdiction).toBe("england");
    expect(a.answer).toMatch(/^In England, Working Together 2023/);
    expect(a.citations[0]!.title).toBe("Working Together to Safeguard Children 2023");
  });

  it("a Wales timescale the Wales sources do not set is not covered and England's rule is never given as Wales's", async () => {
    const a = await kb.answer(
      "What timescale do the Wales Safeguarding Procedures set for the initial child protection conference in Wales? Is it the same 15 days?",
    );
    expect(a.covered).toBe(false);
    expect(a.jurisdiction).toBe("wales");
    const [walesPart, comparison] = a.answer.split("For comparison only");
    expect(walesPart).not.toMatch(/\d+ working days/);
    if (comparison) expect(comparison).toMatch(/England's guidance, not a Wales rule/);
    for (const c of a.citations) expect(c.title).toBe("Working Together to Safeguard Children 2023");
  });

  it("an explicit jurisdiction option wins over the question's words", async () => {
    const a = await kb.answer("who should attend a strategy discussion?", { jurisdiction: "wales" });
    expect(a.jurisdiction).toBe("wales");
    for (const c of a.citations) if (a.covered) expect(c.file).toMatch(/^cascade-wales/);
  });

  it.each([
    "How long does an enhanced DBS check usually take to come back?",
    "What does KCSIE 2024 say about how often DSL training has to be refreshed?",
    "can i be sued personally if my referral turns out to be wrong and the family complain?",
  ])("an out-of-scope question is refused and signposted, with no invented rule: %s", async (q) => {
    const a = await kb.answer(q);
    expect(a.covered).toBe(false);
    expect(a.answer).toContain("do not cover");
    expect(a.answer).toContain("0808 800 5000");
    expect(a.answer).not.toMatch(/\d+ (working )?days/);
  });

  it("a false premise is answered with the real rule and its citation", async () => {
    const a = await kb.answer("Quote me the exact WT2023 paragraph that says the ICPC must be within 10 working days");
    expect(a.answer).not.toMatch(/ICPC must be within 10 working days/);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it("the retriever is a langchain retriever returning Documents with citation metadata", async () => {
    const docs = await kb.retriever.invoke("core group child protection plan");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]!.metadata).toMatchObject({ file: expect.any(String), title: expect.any(String), section: expect.any(String) });
    expect(docs[0]!.pageContent.length).toBeGreaterThan(0);
  });

  it("an empty question is invalid input", async () => {
    await expect(kb.answer("  ")).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "invalid_input");
  });
});

describe("optional LLM rephrasing", () => {
  const question = "what is the core group actually for";

  it("a rephrasing that adds a timescale is rejected and the extractive answer is kept", async () => {
    const extractive = await kb.answer(question);
    const llm = new FakeListChatModel({ responses: ["The core group must meet every 6 weeks and is chaired by the police."] });
    const withLlm = await loadKnowledgeBase({ config, embeddings, llm });
    const a = await withLlm.answer(question);
    expect(a.answer).toBe(extractive.answer);
  });

  it("a faithful rephrasing is used, with the same citations", async () => {
    const extractive = await kb.answer(question);
    const llm = new FakeListChatModel({ responses: ["The core group develops the child protection plan."] });
    const withLlm = await loadKnowledgeBase({ config, embeddings, llm });
    const a = await withLlm.answer(question);
    expect(a.answer).toBe("The core group develops the child protection plan.");
    expect(a.citations).toEqual(extractive.citations);
  });
});
