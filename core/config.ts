import { z } from "zod";
import { AppError } from "./errors.js";
import { fromRoot } from "./paths.js";

const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** Every environment key the application reads, with its default. Documented in .env.example. */
const EnvSchema = z
  .object({
    // Bot Framework / Azure Bot Service. No MicrosoftAppId = anonymous local use (Emulator, curl).
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
    MicrosoftAppTenantId: optionalString,
    /** Operator opt-in: send botbuilder's state-snapshot trace activities (they hold what users typed). */
    BOT_DEBUG_TRACES: bool(false),

    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Interface to listen on. Default: 127.0.0.1 in anonymous (local) mode, 0.0.0.0 with credentials. */
    HOST: optionalString,
    /** Anonymous mode only: the Bot Framework Emulator's own URL, the one address replies may be posted to. */
    EMULATOR_SERVICE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/i.test(v), "must be an http(s) URL"),
    /** Worker threads that answer messages: "auto" (one per CPU besides the event loop's, at least one) or a number. */
    WORKER_THREADS: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default("auto"),
    /** Turns being worked on at once; more get 503 with Retry-After. "auto": 16 per worker thread. */
    MAX_TURNS_IN_FLIGHT: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(10_000)]).default("auto"),
    /** Longest a turn may take (ms) before it is abandoned with 503 and Retry-After (Teams waits 15 s). */
    TURN_BUDGET_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Messages one conversation may send per minute, and in a burst, before it is asked to slow down. */
    CONVERSATION_TURNS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
    CONVERSATION_BURST: z.coerce.number().int().min(1).max(10_000).default(10),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Operator opt-in: write what users type to the logs. Off by default (children's data). */
    LOG_USER_TEXT: bool(false),

    /** Where the prebuilt retrieval index lives. */
    INDEX_DIR: z.string().default("data/index"),
    /** Optional folder of the authority's own procedures (md, txt, pdf, docx). */
    LOCAL_DOCS_DIR: optionalString,
    /** Rank local procedures above national guidance, or below it. */
    LOCAL_DOCS_RANK: z.enum(["above_national", "below_national"]).default("below_national"),
    /** Jurisdiction the local documents speak for. */
    LOCAL_DOCS_JURISDICTION: z.enum(["england", "wales", "both"]).default("england"),

    EMBEDDINGS_PROVIDER: z.enum(["use", "transformers"]).default("use"),
    /** Folder of a local transformers.js model (required when EMBEDDINGS_PROVIDER=transformers). */
    TRANSFORMERS_MODEL_DIR: optionalString,

    /** Optional LLM that may rephrase answers; never adds facts. */
    LLM_PROVIDER: z.enum(["none", "openai", "azure", "ollama"]).default("none"),
    LLM_MODEL: optionalString,
    LLM_BASE_URL: optionalString,
    LLM_API_KEY: optionalString,
    AZURE_OPENAI_API_INSTANCE_NAME: optionalString,
    AZURE_OPENAI_API_DEPLOYMENT_NAME: optionalString,
    AZURE_OPENAI_API_VERSION: optionalString,

    /** Extra bank holidays proclaimed after the library's release (JSON file). */
    HOLIDAYS_OVERRIDE_FILE: optionalString,

    /** Longest message answered (characters). Longer input is still triaged in full. */
    MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(8000),
    /** Operator opt-in: keep drafted records on disk in this folder. Off by default. */
    RECORDS_DIR: optionalString,

    /** Where conversation state lives: memory (one instance) or redis (several instances). */
    STATE_STORE: z.enum(["memory", "redis"]).default("memory"),
    REDIS_URL: optionalString,
    /** 32 random bytes, base64: state in Redis is encrypted with it. A secret: no default. */
    STATE_ENCRYPTION_KEY: optionalString,
    STATE_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== "UserAssignedMSI") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "is required when MicrosoftAppId is set",
      });
    }
    if (env.MicrosoftAppType === "SingleTenant" && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "is required for SingleTenant" });
    }
    if (env.EMBEDDINGS_PROVIDER === "transformers" && !env.TRANSFORMERS_MODEL_DIR) {
      ctx.addIssue({
        code: "custom",
        path: ["TRANSFORMERS_MODEL_DIR"],
        message: "is required when EMBEDDINGS_PROVIDER=transformers",
      });
    }
    if (env.STATE_STORE === "redis") {
      if (!env.REDIS_URL) ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required when STATE_STORE=redis" });
      if (!env.STATE_ENCRYPTION_KEY || Buffer.from(env.STATE_ENCRYPTION_KEY, "base64").length !== 32) {
        ctx.addIssue({
          code: "custom",
          path: ["STATE_ENCRYPTION_KEY"],
          message: "must be 32 random bytes, base64-encoded, when STATE_STORE=redis (e.g. `openssl rand -base64 32`)",
        });
      }
    }
    if (env.LLM_PROVIDER !== "none" && !env.LLM_MODEL && env.LLM_PROVIDER !== "azure") {
      ctx.addIssue({ code: "custom", path: ["LLM_MODEL"], message: `is required when LLM_PROVIDER=${env.LLM_PROVIDER}` });
    }
  });

type Env = z.infer<typeof EnvSchema>;

/** The application's configuration: parsed once, typed, read-only. */
export interface Config {
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: Env["MicrosoftAppType"];
    readonly tenantId?: string;
    /** True when no credentials are set: the bot accepts anonymous calls. */
    readonly anonymous: boolean;
    /** Whether trace activities (state snapshots) may leave the server. Off unless an operator turns it on. */
    readonly debugTraces: boolean;
  };
  readonly server: {
    readonly port: number;
    readonly host: string;
    /** Anonymous mode: where replies may be posted besides the HTTP response (the Emulator). */
    readonly emulatorServiceUrl?: string;
    readonly workerThreads: number | "auto";
    readonly maxTurnsInFlight: number | "auto";
    readonly turnBudgetMs: number;
    readonly conversationTurnsPerMinute: number;
    readonly conversationBurst: number;
  };
  readonly log: { readonly level: Env["LOG_LEVEL"]; readonly userText: boolean };
  readonly knowledge: {
    readonly indexDir: string;
    readonly localDocsDir?: string;
    readonly localDocsRank: Env["LOCAL_DOCS_RANK"];
    readonly localDocsJurisdiction: Env["LOCAL_DOCS_JURISDICTION"];
  };
  readonly embeddings: { readonly provider: Env["EMBEDDINGS_PROVIDER"]; readonly transformersModelDir?: string };
  readonly llm: {
    readonly provider: Env["LLM_PROVIDER"];
    readonly model?: string;
    readonly baseUrl?: string;
    readonly apiKey?: string;
    readonly azure: { readonly instanceName?: string; readonly deploymentName?: string; readonly apiVersion?: string };
  };
  readonly deadlines: { readonly holidaysOverrideFile?: string };
  readonly limits: { readonly maxMessageChars: number };
  readonly records: { readonly dir?: string };
  readonly state: {
    readonly store: "memory" | "redis";
    readonly redisUrl?: string;
    readonly encryptionKey?: string;
    readonly ttlSeconds: number;
  };
}

/**
 * Parse an environment into a Config. Throws an AppError("config") naming every
 * malformed variable. Pure: tests pass their own env.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(environment)"} ${i.message}`);
    throw new AppError("config", `Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return Object.freeze({
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      anonymous: !e.MicrosoftAppId,
      debugTraces: e.BOT_DEBUG_TRACES,
    },
    server: {
      port: e.PORT,
      // Local use listens on loopback only, unless the operator says otherwise.
      host: e.HOST ?? (e.MicrosoftAppId ? "0.0.0.0" : "127.0.0.1"),
      emulatorServiceUrl: e.EMULATOR_SERVICE_URL,
      workerThreads: e.WORKER_THREADS,
      maxTurnsInFlight: e.MAX_TURNS_IN_FLIGHT,
      turnBudgetMs: e.TURN_BUDGET_MS,
      conversationTurnsPerMinute: e.CONVERSATION_TURNS_PER_MINUTE,
      conversationBurst: e.CONVERSATION_BURST,
    },
    log: { level: e.LOG_LEVEL, userText: e.LOG_USER_TEXT },
    knowledge: {
      indexDir: fromRoot(e.INDEX_DIR),
      localDocsDir: e.LOCAL_DOCS_DIR ? fromRoot(e.LOCAL_DOCS_DIR) : undefined,
      localDocsRank: e.LOCAL_DOCS_RANK,
      localDocsJurisdiction: e.LOCAL_DOCS_JURISDICTION,
    },
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      transformersModelDir: e.TRANSFORMERS_MODEL_DIR ? fromRoot(e.TRANSFORMERS_MODEL_DIR) : undefined,
    },
    llm: {
      provider: e.LLM_PROVIDER,
      model: e.LLM_MODEL,
      baseUrl: e.LLM_BASE_URL,
      apiKey: e.LLM_API_KEY,
      azure: {
        instanceName: e.AZURE_OPENAI_API_INSTANCE_NAME,
        deploymentName: e.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        apiVersion: e.AZURE_OPENAI_API_VERSION,
      },
    },
    deadlines: { holidaysOverrideFile: e.HOLIDAYS_OVERRIDE_FILE ? fromRoot(e.HOLIDAYS_OVERRIDE_FILE) : undefined },
    limits: { maxMessageChars: e.MAX_MESSAGE_CHARS },
    records: { dir: e.RECORDS_DIR ? fromRoot(e.RECORDS_DIR) : undefined },
    state: {
      store: e.STATE_STORE,
      redisUrl: e.REDIS_URL,
      encryptionKey: e.STATE_ENCRYPTION_KEY,
      ttlSeconds: e.STATE_TTL_SECONDS,
    },
  });
}

let cached: Config | undefined;

/**
 * The process's configuration, parsed from process.env on first use. This is the
 * only place that reads process.env (entry points may load a .env file first).
 */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
