import { describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { checkGrounded, createChatModel } from "../../knowledge/index.js";

const passages = [
  "The receiving local authority should convene a child protection conference within 15 working days of being notified of the move.",
  "A local authority social worker, health practitioners and a police representative should, as a minimum, be involved.",
];

describe("grounding check of a rephrased answer", () => {
  it.each([
    ["The new area must hold a conference within 15 working days of hearing about the move.", true, []],
    ["The new area must hold a conference within 10 working days.", false, ["10"]],
    ["The new area must hold a conference within three months.", false, ["three", "months"]],
    ["A social worker, health and the police must be involved, with a GP.", false, ["gp"]],
    ["A social worker, health and the police should be involved at a minimum.", true, []],
  ])("%s -> ok=%s", (text, ok, added) => {
    const r = checkGrounded(text, passages);
    expect(r.ok).toBe(ok);
    for (const a of added) expect(r.added).toContain(a);
  });
});

describe("chat model factory", async () => {
  it("no model is created when no provider is configured", async () => {
    expect(await createChatModel(parseConfig({}))).toBeUndefined();
  });

  it("an OpenAI-compatible endpoint and Ollama are created without any network call", async () => {
    const openai = await createChatModel(parseConfig({ LLM_PROVIDER: "openai", LLM_MODEL: "m", LLM_BASE_URL: "http://127.0.0.1:9/v1" }));
    expect(openai?._llmType()).toBe("openai");
    const ollama = await createChatModel(parseConfig({ LLM_PROVIDER: "ollama", LLM_MODEL: "llama3" }));
    expect(ollama?._llmType()).toBe("ollama");
  });

  it("Azure without its instance and deployment names is a configuration error", async () => {
    await expect(createChatModel(parseConfig({ LLM_PROVIDER: "azure" }))).rejects.toThrow(/AZURE_OPENAI_API_INSTANCE_NAME/);
  });
});
