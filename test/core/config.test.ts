import { describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { readFileSync } from "node:fs";
import { AppError } from "../../core/errors.js";
import { fromRoot } from "../../core/paths.js";

function configError(env: Record<string, string>): AppError {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a configuration error");
}

describe("configuration", () => {
  it("when nothing is set, runs anonymously on port 3978 with the offline defaults", () => {
    const c = parseConfig({});
    expect(c.bot.anonymous).toBe(true);
    expect(c.server.port).toBe(3978);
    expect(c.embeddings.provider).toBe("use");
    expect(c.llm.provider).toBe("none");
    expect(c.log.userText).toBe(false);
    expect(c.records.dir).toBeUndefined();
  });

  it("anonymous (local) use listens on loopback; with credentials on every interface; HOST overrides both", () => {
    expect(parseConfig({}).server.host).toBe("127.0.0.1");
    expect(parseConfig({ MicrosoftAppId: "a", MicrosoftAppPassword: "p" }).server.host).toBe("0.0.0.0");
    expect(parseConfig({ HOST: "0.0.0.0" }).server.host).toBe("0.0.0.0");
  });

  it("load limits have safe defaults and malformed values are named", () => {
    const c = parseConfig({});
    expect(c.server).toMatchObject({ workerThreads: "auto", maxTurnsInFlight: "auto", turnBudgetMs: 10_000, conversationTurnsPerMinute: 30, conversationBurst: 10 });
    expect(parseConfig({ WORKER_THREADS: "3" }).server.workerThreads).toBe(3);
    expect(c.server.modelThreads).toBe(1);
    expect(parseConfig({ MODEL_THREADS: "2" }).server.modelThreads).toBe(2);
    expect(configError({ WORKER_THREADS: "lots" }).message).toContain("WORKER_THREADS");
    expect(configError({ MAX_TURNS_IN_FLIGHT: "0" }).message).toContain("MAX_TURNS_IN_FLIGHT");
    expect(configError({ EMULATOR_SERVICE_URL: "localhost" }).message).toContain("EMULATOR_SERVICE_URL");
  });

  it("when PORT is not a number, the error names PORT", () => {
    const e = configError({ PORT: "abc" });
    expect(e.code).toBe("config");
    expect(e.message).toContain("PORT");
  });

  it("when PORT is out of range, the error names PORT", () => {
    expect(configError({ PORT: "70000" }).message).toContain("PORT");
  });

  it("when an app id is set without a password, the error names MicrosoftAppPassword", () => {
    expect(configError({ MicrosoftAppId: "abc" }).message).toContain("MicrosoftAppPassword");
  });

  it("when credentials are set, the bot is not anonymous", () => {
    const c = parseConfig({ MicrosoftAppId: "id", MicrosoftAppPassword: "secret" });
    expect(c.bot.anonymous).toBe(false);
  });

  it("when the app type is unknown, the error names MicrosoftAppType", () => {
    expect(configError({ MicrosoftAppType: "Whatever" }).message).toContain("MicrosoftAppType");
  });

  it("when SingleTenant has no tenant id, the error names MicrosoftAppTenantId", () => {
    const e = configError({ MicrosoftAppId: "id", MicrosoftAppPassword: "p", MicrosoftAppType: "SingleTenant" });
    expect(e.message).toContain("MicrosoftAppTenantId");
  });

  it("when transformers embeddings are chosen without a model folder, the error names TRANSFORMERS_MODEL_DIR", () => {
    expect(configError({ EMBEDDINGS_PROVIDER: "transformers" }).message).toContain("TRANSFORMERS_MODEL_DIR");
  });

  it("the web chat holds up to 200 conversations and offers only the offline voice unless told otherwise", () => {
    expect(parseConfig({}).webChat).toEqual({ maxConversations: 200, browserSpeech: false });
    expect(parseConfig({ WEBCHAT_MAX_CONVERSATIONS: "5", WEBCHAT_BROWSER_SPEECH: "true" }).webChat).toEqual({ maxConversations: 5, browserSpeech: true });
  });

  it("when WEBCHAT_MAX_CONVERSATIONS or WEBCHAT_BROWSER_SPEECH is malformed, the error names it", () => {
    expect(configError({ WEBCHAT_MAX_CONVERSATIONS: "lots" }).message).toContain("WEBCHAT_MAX_CONVERSATIONS");
    expect(configError({ WEBCHAT_MAX_CONVERSATIONS: "0" }).message).toContain("WEBCHAT_MAX_CONVERSATIONS");
    expect(configError({ WEBCHAT_BROWSER_SPEECH: "perhaps" }).message).toContain("WEBCHAT_BROWSER_SPEECH");
  });

  it("when LOG_USER_TEXT is not a boolean, the error names it", () => {
    expect(configError({ LOG_USER_TEXT: "maybe" }).message).toContain("LOG_USER_TEXT");
  });

  it("when an LLM provider is chosen without a model, the error names LLM_MODEL", () => {
    expect(configError({ LLM_PROVIDER: "openai" }).message).toContain("LLM_MODEL");
  });

  it("when several values are wrong, every one is named", () => {
    const e = configError({ PORT: "x", LOG_LEVEL: "loud" });
    expect(e.message).toContain("PORT");
    expect(e.message).toContain("LOG_LEVEL");
  });

  it("when Redis state is chosen without a URL or a 32-byte key, both are named", () => {
    const e = configError({ STATE_STORE: "redis", STATE_ENCRYPTION_KEY: Buffer.from("short").toString("base64") });
    expect(e.message).toContain("REDIS_URL");
    expect(e.message).toContain("STATE_ENCRYPTION_KEY");
  });

  it("when Redis state is fully configured, it is accepted", () => {
    const c = parseConfig({ STATE_STORE: "redis", REDIS_URL: "redis://localhost:6379", STATE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") });
    expect(c.state.store).toBe("redis");
    expect(c.state.ttlSeconds).toBe(3600);
  });

  it("the parsed configuration cannot be changed", () => {
    const c = parseConfig({});
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("PUBLIC_BASE_URL is an http(s) origin: a trailing slash is dropped, a path or another scheme names the variable", () => {
    expect(parseConfig({ PUBLIC_BASE_URL: "https://bot.example.org/" }).publicBaseUrl).toBe("https://bot.example.org");
    expect(parseConfig({}).publicBaseUrl).toBeUndefined();
    for (const bad of ["https://bot.example.org/api", "ftp://bot.example.org", "bot.example.org"]) {
      expect(configError({ PUBLIC_BASE_URL: bad }).message).toMatch(/PUBLIC_BASE_URL/);
    }
  });

  it("record links last 30 minutes by default, and RECORD_LINK_TTL_SECONDS out of range names itself", () => {
    expect(parseConfig({}).recordLinks.ttlSeconds).toBe(1800);
    expect(parseConfig({ RECORD_LINK_TTL_SECONDS: "600" }).recordLinks.ttlSeconds).toBe(600);
    expect(configError({ RECORD_LINK_TTL_SECONDS: "5" }).message).toMatch(/RECORD_LINK_TTL_SECONDS/);
  });

  it("the Teams app id defaults to the bot's app id, and privacy and terms pages must be https", () => {
    const c = parseConfig({ MicrosoftAppId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301", MicrosoftAppPassword: "x" });
    expect(c.teams.appId).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    expect(c.teams.developerName).toBe("Safeguarding assistant");
    expect(configError({ TEAMS_PRIVACY_URL: "http://example.org/privacy" }).message).toMatch(/TEAMS_PRIVACY_URL/);
    expect(configError({ TEAMS_DEVELOPER_NAME: "x".repeat(33) }).message).toMatch(/TEAMS_DEVELOPER_NAME/);
  });

  it("every key the configuration reads is documented in .env.example", () => {
    const example = readFileSync(fromRoot(".env.example"), "utf8");
    const source = readFileSync(fromRoot("core", "config.ts"), "utf8");
    const keys = [...source.matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*):\s/gm)].map((m) => m[1] as string).filter((k) => /^[A-Z]|^Microsoft/.test(k));
    expect(keys).toContain("PUBLIC_BASE_URL");
    for (const key of keys) expect(example, key).toMatch(new RegExp(`^${key}=`, "m"));
  });
});
