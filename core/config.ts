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
    /** Embedding model threads of each worker thread (on two CPUs or more; one CPU runs the model in the worker thread itself). */
    MODEL_THREADS: z.coerce.number().int().min(1).max(16).default(1),
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

    /**
     * The bot's public address (https://bot.example.org), with no path: the Teams tab's
     * URL, the app package's valid domain and the base of "Download as Word" links.
     */
    PUBLIC_BASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?\/?$/i, "must be an http(s) origin with no path, e.g. https://bot.example.org")
        .transform((v) => v.replace(/\/$/, ""))
        .optional(),
    ),
    /** How long a drafted record stays downloadable as Word, in memory only (seconds). */
    RECORD_LINK_TTL_SECONDS: z.coerce.number().int().min(60).max(24 * 3600).default(1800),
    /** The Teams app's own id (a GUID). Defaults to MicrosoftAppId. */
    TEAMS_APP_ID: optionalString,
    /** Shown as the app's publisher in Teams. */
    TEAMS_DEVELOPER_NAME: z.string().trim().min(1).max(32).default("Safeguarding assistant"),
    /** Privacy and terms pages; by default the tab's "About and privacy" section. */
    TEAMS_PRIVACY_URL: optionalString.pipe(z.string().regex(/^https:\/\/\S+$/, "must be an https URL").optional()),
    TEAMS_TERMS_URL: optionalString.pipe(z.string().regex(/^https:\/\/\S+$/, "must be an https URL").optional()),
    /** Most web chat conversations held at once (local, anonymous mode); more are refused until some go idle. */
    WEBCHAT_MAX_CONVERSATIONS: z.coerce.number().int().min(1).max(100_000).default(200),
    /**
     * Offer the browser's own Web Speech API as a choice on the web chat page. Off by
     * default: some browsers send that audio to a cloud service. The bot's offline voice is always offered.
     */
    WEBCHAT_BROWSER_SPEECH: bool(false),
    /** The key state was encrypted with before the current one: read with it during a rotation, never written with it. */
    STATE_ENCRYPTION_KEY_PREVIOUS: optionalString,

    /** Operator figures: Prometheus /metrics. Off by default; when on, protected by a token or a separate port. */
    METRICS_ENABLED: bool(false),
    /** Bearer token a scraper must send (at least 16 characters). A secret: no default. */
    METRICS_TOKEN: optionalString,
    /** Serve /metrics on this port only (not on the bot's port), e.g. 9464 on an internal network. */
    METRICS_PORT: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
    /** Interface of the separate metrics port; 127.0.0.1 unless the scraper is on another host. */
    METRICS_HOST: z.string().default("127.0.0.1"),

    /** Seconds in-flight requests get to finish after SIGTERM before the process exits (keep below the platform's grace period). */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(8),
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
    if (env.STATE_ENCRYPTION_KEY_PREVIOUS && Buffer.from(env.STATE_ENCRYPTION_KEY_PREVIOUS, "base64").length !== 32) {
      ctx.addIssue({ code: "custom", path: ["STATE_ENCRYPTION_KEY_PREVIOUS"], message: "must be 32 bytes, base64-encoded (the key being retired)" });
    }
    if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN.length < 16) {
      ctx.addIssue({ code: "custom", path: ["METRICS_TOKEN"], message: "must be at least 16 characters (e.g. `openssl rand -hex 24`)" });
    }
    if (env.METRICS_ENABLED && !env.METRICS_TOKEN && env.METRICS_PORT === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["METRICS_TOKEN"],
        message: "or METRICS_PORT is required when METRICS_ENABLED=true: /metrics is never open on the bot's public port",
      });
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
    /** Embedding model threads of each worker thread, where the model has threads of its own (MODEL_THREADS). */
    readonly modelThreads: number;
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
    /** The retiring key during a rotation: decrypts, never encrypts. */
    readonly previousEncryptionKey?: string;
    readonly ttlSeconds: number;
  };
  /** Where the bot is reached from outside, when it is deployed (PUBLIC_BASE_URL). */
  readonly publicBaseUrl?: string;
  /** "Download as Word" links for drafted records: kept in memory this long. */
  readonly recordLinks: { readonly ttlSeconds: number };
  /** What the Teams app package is built from. */
  readonly teams: {
    readonly appId?: string;
    readonly developerName: string;
    readonly privacyUrl?: string;
    readonly termsUrl?: string;
  };
  /** The local web chat page and its Direct Line-compatible transport (anonymous mode only). */
  readonly webChat: {
    readonly maxConversations: number;
    readonly browserSpeech: boolean;
  };
  /** Operator figures (Prometheus). */
  readonly metrics: {
    readonly enabled: boolean;
    readonly token?: string;
    /** When set, /metrics is served on this port only. */
    readonly port?: number;
    readonly host: string;
  };
  readonly shutdown: { readonly graceSeconds: number };
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
      modelThreads: e.MODEL_THREADS,
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
      previousEncryptionKey: e.STATE_ENCRYPTION_KEY_PREVIOUS,
      ttlSeconds: e.STATE_TTL_SECONDS,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL,
    recordLinks: { ttlSeconds: e.RECORD_LINK_TTL_SECONDS },
    teams: {
      appId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
      developerName: e.TEAMS_DEVELOPER_NAME,
      privacyUrl: e.TEAMS_PRIVACY_URL,
      termsUrl: e.TEAMS_TERMS_URL,
    },
    webChat: { maxConversations: e.WEBCHAT_MAX_CONVERSATIONS, browserSpeech: e.WEBCHAT_BROWSER_SPEECH },
    metrics: { enabled: e.METRICS_ENABLED, token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST },
    shutdown: { graceSeconds: e.SHUTDOWN_GRACE_SECONDS },
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
