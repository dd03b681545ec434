import { describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { AppError } from "../../core/errors.js";

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
});
