import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { fold, words } from "./text.js";

/**
 * The optional chat model that may rephrase answers (off unless LLM_PROVIDER is set).
 * Creating it makes no network call. Providers load lazily: most deployments run
 * without an LLM and should not pay their start-up cost.
 */
export async function createChatModel(config: Config): Promise<BaseChatModel | undefined> {
  const llm = config.llm;
  switch (llm.provider) {
    case "none":
      return undefined;
    case "openai": {
      const { ChatOpenAI } = await import("@langchain/openai");
      return new ChatOpenAI({
        model: llm.model,
        apiKey: llm.apiKey ?? "not-needed",
        temperature: 0,
        configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : undefined,
      });
    }
    case "azure": {
      if (!llm.azure.instanceName || !llm.azure.deploymentName) {
        throw new AppError(
          "config",
          "LLM_PROVIDER=azure needs AZURE_OPENAI_API_INSTANCE_NAME and AZURE_OPENAI_API_DEPLOYMENT_NAME.",
        );
      }
      const { AzureChatOpenAI } = await import("@langchain/openai");
      return new AzureChatOpenAI({
        azureOpenAIApiKey: llm.apiKey,
        azureOpenAIApiInstanceName: llm.azure.instanceName,
        azureOpenAIApiDeploymentName: llm.azure.deploymentName,
        azureOpenAIApiVersion: llm.azure.apiVersion ?? "2024-10-21",
        temperature: 0,
      });
    }
    case "ollama": {
      const { ChatOllama } = await import("@langchain/ollama");
      return new ChatOllama({ model: llm.model, baseUrl: llm.baseUrl, temperature: 0 });
    }
  }
}

const NUMBER_WORDS = new Set([
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "first", "second", "third", "half",
]);
const TIME_WORDS = new Set(["immediately", "hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "annually", "yearly", "daily", "weekly", "monthly", "overnight"]);
const ROLES = [
  "social worker", "police", "health visitor", "gp", "general practitioner", "paediatrician", "nurse", "midwife",
  "designated officer", "lado", "designated safeguarding lead", "dsl", "teacher", "head teacher", "headteacher",
  "school", "probation", "youth offending", "youth justice", "independent reviewing officer", "iro", "chair",
  "conference chair", "manager", "team manager", "practice supervisor", "local authority", "nspcc", "court",
  "cafcass", "ofsted", "secretary of state", "panel", "coroner", "medical examiner", "doctor", "advocate",
  "safeguarding partners", "british transport police", "btp", "housing", "ambulance", "guardian",
];

/**
 * Reject a rephrased answer that adds a number, a timescale or a role that is not in
 * the passages it was given. Returns what was added, for tests and logs.
 */
export function checkGrounded(rephrased: string, passages: string[]): { ok: boolean; added: string[] } {
  const source = fold(passages.join(" "));
  const sourceWords = new Set(words(source));
  const added = new Set<string>();
  for (const n of rephrased.match(/\d+(?:[.,:]\d+)?/g) ?? []) {
    if (!new RegExp(`(^|[^0-9])${n.replace(/[.]/g, "\\.")}($|[^0-9])`).test(source)) added.add(n);
  }
  for (const w of words(rephrased)) {
    if ((NUMBER_WORDS.has(w) || TIME_WORDS.has(w)) && !sourceWords.has(w)) added.add(w);
  }
  const text = ` ${fold(rephrased).replace(/[^a-z0-9]+/g, " ")} `;
  const src = ` ${source.replace(/[^a-z0-9]+/g, " ")} `;
  for (const role of ROLES) {
    if (text.includes(` ${role} `) && !src.includes(` ${role} `) && !src.includes(` ${role}s `)) added.add(role);
  }
  return { ok: added.size === 0, added: [...added] };
}

/** Ask the model to rephrase the passages as a short answer; returns null on any failure. */
export async function rephrase(llm: BaseChatModel, question: string, passages: string[]): Promise<string | null> {
  try {
    const reply = await llm.invoke([
      [
        "system",
        "You rephrase extracts from child protection guidance for practitioners in plain British English. " +
          "Use only the extracts. Do not add any number, timescale, role or duty that is not in them. " +
          "Answer in at most five short sentences.",
      ],
      ["human", `Question: ${question}\n\nExtracts:\n${passages.map((p, i) => `[${i + 1}] ${p}`).join("\n")}`],
    ]);
    const text = typeof reply.content === "string" ? reply.content : reply.content.map((c) => ("text" in c ? c.text : "")).join("");
    return text.trim() || null;
  } catch {
    // The extractive answer stands on its own: a failing model must never block an answer.
    return null;
  }
}
