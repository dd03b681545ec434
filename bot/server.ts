import type { Activity } from "botbuilder";
import restify, { type Request, type Response } from "restify";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "../core/config.js";
import { collectGarbage } from "../core/gc.js";
import { createLogger, type Logger } from "../core/logger.js";
import { TurnAbandoned, abandonReason, isTurnAbandoned, withTurnSignal } from "../core/turn-scope.js";
import { workerCount } from "../core/worker-pool.js";
import type { AssistantService } from "../assistant/pooled-assistant.js";
import { startAssistantPool } from "./assistant-pool.js";
import { MAX_AUDIO_BYTES } from "../speech/index.js";
import { MainDialog } from "../dialogs/main-dialog.js";
import { AuthFailed, createAdapter } from "./adapter.js";
import { Admission, gateTurns, RefusalLog } from "./admission.js";
import { MAX_ACTIVITY_BYTES, readJsonBody, readRawBody } from "./body-reader.js";
import { ConversationRateLimit, RateLimiter } from "./rate-limit.js";
import { guardActivity } from "./request-guard.js";
import { mountWebChat } from "./web-chat.js";
import { mountDirectLine, type MountedDirectLine } from "./direct-line-routes.js";
import { mountSpeech } from "./speech-routes.js";
import { SafeguardingBot } from "./safeguarding-bot.js";
import { MemberDialogState, conversationStateKey } from "./member-state.js";
import { TurnReader } from "./turn-reader.js";
import { mountRecordLinks, originOf, RecordLinks, REQUEST_ORIGIN } from "./record-links.js";
import { mountTab } from "./tab-routes.js";
import type { RedisStorage } from "./redis-storage.js";
import { ExpiringMemoryStorage } from "./expiring-memory-storage.js";
import { StateCipher } from "./state-cipher.js";
import type { StateStore } from "./state-store.js";

export interface StartOptions {
  config?: Config;
  logger?: Logger;
  /** The assistant; by default a pool of worker threads (one per CPU unless WORKER_THREADS says otherwise). */
  assistant?: AssistantService;
  /** Conversation state; by default from the configuration (tests pass their own). */
  storage?: StateStore;
  /** Overrides config.server.port (tests pass 0 for a free port). */
  port?: number;
  host?: string;
}

export interface RunningBot {
  port: number;
  url: string;
  /** Resolves once the index, models and calendar are loaded (the store may still be connecting). */
  ready: Promise<void>;
  isReady(): boolean;
  stop(): Promise<void>;
}

/** The liveness probe's reply: the same bytes every time. */
const HEALTHY = { status: 200, body: JSON.stringify({ status: "ok" }) };

/** A request's path without its query string or trailing slashes. */
function pathOf(url: string | undefined): string {
  return (url ?? "").split("?")[0]!.replace(/\/+$/, "");
}

/** Body limit of the other routes' small JSON requests (speech, the tab's API). */
const MAX_SMALL_JSON_BYTES = 64 * 1024;

/** Routes whose bodies are activities (a long paste of notes fits): the Bot Framework endpoint and Web Chat's transport. */
function carriesActivity(path: string): boolean {
  return path === "/api/messages" || path.startsWith("/v3/directline/");
}

let current: RunningBot | undefined;

/**
 * Start the HTTP server: POST /api/messages (Bot Framework activities, including
 * deliveryMode "expectReplies"), GET /healthz and GET /readyz. Port 0 picks a free port.
 * The server listens at once; /readyz says when the assistant and the store are ready.
 */
export async function start(options: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger({ level: config.log.level, userText: config.log.userText });
  const assistant = options.assistant ?? startAssistantPool(config, logger);

  // Operator figures (off unless configured): counted through the adapter, the storage and the answers.
  // prom-client and the Redis client are imported only when configured (a few hundred ms of start-up, and memory, otherwise).
  const metricsModule = config.metrics.enabled ? await import("./metrics.js") : undefined;
  const metrics = metricsModule?.createMetrics();
  const storage = options.storage ?? (await createStorage(config, logger));
  const ping = isRedis(storage) ? () => storage.ping() : undefined;
  const dialogState = new MemberDialogState(metrics ? metrics.observeStorage(storage, config.state.store, ping) : storage);
  const adapter = createAdapter(config, logger, dialogState);
  const records = new RecordLinks({ ttlMs: config.recordLinks.ttlSeconds * 1000, logger });
  if (metrics) adapter.use(metrics.middleware);
  adapter.use(new ConversationRateLimit(new RateLimiter(config.server.conversationTurnsPerMinute, config.server.conversationBurst), logger));
  adapter.use(
    new TurnReader(assistant, {
      debugTraces: config.bot.debugTraces,
      // Links are absolute: the public address when deployed, the address asked for in local use.
      recordLink: (draft, context) => {
        const base = config.publicBaseUrl ?? (config.bot.anonymous ? (context.turnState.get(REQUEST_ORIGIN) as string | undefined) : undefined);
        if (!base) return null;
        return `${base}/api/records/${records.hold(draft, context.activity.conversation?.id ?? "")}.docx`;
      },
    }),
  );
  const calculator = await assistant.calculator();
  let bot: SafeguardingBot | undefined;
  const dialog = new MainDialog({
    assistant: metrics ? metrics.observeAnswers(assistant) : assistant,
    calculator,
    openPrivateChat: (context, request) => (bot ? bot.openPrivateChat(context, request) : Promise.resolve(false)),
  });
  bot = new SafeguardingBot({ assistant, dialogState, dialog, logger, ...(config.bot.appId ? { appId: config.bot.appId } : {}) });
  const handler = bot;

  let ready = false;
  let readyError: string | undefined;
  const readyPromise = assistant.warmUp().then(
    () => {
      // Start-up's garbage (modules' set-up, the calendar) goes before the first turn, as in the worker threads.
      collectGarbage();
      ready = true;
      logger.info({ event: "ready" }, "index and models loaded");
    },
    (e: unknown) => {
      readyError = e instanceof Error ? (e.message.split("\n")[0] ?? "failed to load") : "failed to load";
      logger.error({ event: "not_ready", err: { message: readyError } }, "could not load index or models");
    },
  );

  const readiness = () => {
    const store = storage.health();
    const body = {
      ready: ready && store.ready,
      assistant: { ready, ...(readyError ? { error: readyError } : {}) },
      store: { name: storage.name, ready: store.ready, ...(store.error ? { error: store.error } : {}) },
    };
    return body;
  };

  // A mixed turn costs a thread about 45 ms of CPU (npm run bench): 16 a thread in flight is under a second's queue.
  const maxInFlight = config.server.maxTurnsInFlight === "auto" ? 16 * workerCount(config.server.workerThreads) : config.server.maxTurnsInFlight;
  const admission = new Admission(maxInFlight, { turnBudgetMs: config.server.turnBudgetMs });
  const server = restify.createServer({
    name: "safeguarding-assistant",
    handleUncaughtExceptions: false,
    // restify's own logger is ours (redacting, JSON lines), and quiet below warnings.
    log: logger.child({ component: "restify" }, { level: "warn" }) as never,
  });
  // Admission comes before restify sees the request: a refused turn costs nothing more than its reply.
  // (The metrics' observer, added after, still counts refusals.)
  const refusals = new RefusalLog((r) => logger.warn({ event: "turns_refused", ...r, inFlight: admission.stats().inFlight }, "too many turns in flight"));
  // The probes are answered there too, so a liveness check never waits on restify's handling of turns.
  gateTurns(server.server, admission, {
    isTurn: (req) => req.method === "POST" && pathOf(req.url) === "/api/messages",
    probe: (req) => {
      // HEAD too: some load balancers and uptime checkers probe with it (Node sends no body for HEAD).
      if (req.method !== "GET" && req.method !== "HEAD") return undefined;
      const path = pathOf(req.url);
      if (path === "/healthz") return HEALTHY;
      if (path !== "/readyz") return undefined;
      const body = readiness();
      return { status: body.ready ? 200 : 503, body: JSON.stringify(body) };
    },
    onRefused: (seconds) => refusals.add(seconds),
  });
  if (metrics) metrics.observeHttp(server.server);
  server.use(restify.plugins.queryParser({ mapParams: false }));

  // Our own body reader: size and depth limits before anything parses, nothing logged.
  server.use((req, res, next) => {
    if (req.method !== "POST" && req.method !== "PUT") return next();
    const path = req.path();
    const read: Promise<{ ok: true; body: unknown } | { ok: false; status: number; error: string }> =
      path === "/api/speech/transcribe"
        ? readRawBody(req, { maxBytes: MAX_AUDIO_BYTES })
        : readJsonBody(req, { maxBytes: carriesActivity(path) ? MAX_ACTIVITY_BYTES : MAX_SMALL_JSON_BYTES });
    read.then(
      (r) => {
        if (r.ok) {
          req.body = r.body;
          return next();
        }
        if (r.status === 413) res.setHeader("Connection", "close");
        logger.warn({ event: "bad_request", status: r.status, route: path }, "request body refused");
        res.json(r.status, { error: r.error });
        return next(false);
      },
      () => {
        res.json(400, { error: "The request body could not be read." });
        return next(false);
      },
    );
  });

  // GET and HEAD /healthz and /readyz are answered by the gate, in front of restify (above).
  mountRecordLinks(server, records);
  mountTab(server, assistant, logger);
  let directLine: MountedDirectLine | undefined;
  let serviceUrl = "http://127.0.0.1";
  if (config.bot.anonymous) {
    mountWebChat(server, { browserSpeech: config.webChat.browserSpeech, idleSeconds: config.state.ttlSeconds });
    mountSpeech(server, logger);
    // Web Chat's transport: each web conversation runs through the same adapter and bot, in-process.
    directLine = mountDirectLine(
      server,
      {
        run: (activity) => adapter.runExpectingReplies(activity, (context) => handler.run(context)),
        idleSeconds: config.state.ttlSeconds,
        maxConversations: config.webChat.maxConversations,
        serviceUrl: () => serviceUrl,
        onForget: (id) => storage.delete([conversationStateKey("webchat", id)]),
      },
      logger,
    );
  }

  server.post("/api/messages", async (req: Request, res: Response) => {
    const guard = guardActivity(req.body, { anonymous: config.bot.anonymous, emulatorServiceUrl: config.server.emulatorServiceUrl });
    if (!guard.ok) {
      res.json(guard.status, { error: guard.error });
      return;
    }
    const activity = req.body as Activity;
    const authHeader = String(req.headers.authorization ?? "");

    // The turn's budget, and its caller: work for a caller that has gone is dropped.
    const controller = new AbortController();
    const budget = setTimeout(() => controller.abort("budget"), config.server.turnBudgetMs);
    res.once("close", () => {
      if (!res.writableFinished) controller.abort("client_gone");
    });
    const abandoned = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener("abort", () => reject(new TurnAbandoned(abandonReason(controller.signal))), { once: true });
    });
    const origin = originOf(req.headers.host);
    const turn = withTurnSignal(controller.signal, () =>
      adapter.handle(authHeader, activity, (context) => {
        if (origin) context.turnState.set(REQUEST_ORIGIN, origin);
        return handler.run(context);
      }),
    );
    turn.catch(() => undefined); // settled below, or abandoned
    try {
      const result = await Promise.race([turn, abandoned]);
      if (result?.body !== undefined) res.json(result.status, result.body);
      else {
        res.status(result?.status ?? 200);
        res.end();
      }
    } catch (e) {
      if (e instanceof AuthFailed) {
        logger.warn({ event: "auth_failed", reason: e.reason, channelId: activity.channelId }, "request not authenticated");
        res.json(401, { error: "The request could not be authenticated." });
      } else if (isTurnAbandoned(e)) {
        logger.warn({ event: "turn_abandoned", reason: e.reason, channelId: activity.channelId }, "turn abandoned");
        if (e.reason === "budget" && !res.headersSent) {
          res.setHeader("Retry-After", String(admission.retryAfterSeconds()));
          res.json(503, { error: "The assistant took too long. Please try again in a moment." });
        }
      } else {
        logger.error({ event: "request_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "request failed");
        if (!res.headersSent) res.json(500, { error: "internal error" });
      }
    } finally {
      clearTimeout(budget);
    }
  });

  // restify answers unparseable or unroutable requests itself; keep those replies short and unlogged.
  server.on("restifyError", (req, _res, err, cb) => {
    logger.warn({ event: "bad_request", status: err.statusCode, route: req.getRoute?.()?.path }, "bad request");
    return cb();
  });

  const metricsEndpoint = metrics && metricsModule ? await metricsModule.serveMetrics(server, metrics, config.metrics, logger) : undefined;

  const port = options.port ?? config.server.port;
  const host = options.host ?? config.server.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
  serviceUrl = url;
  logger.info({ event: "listening", port: address.port, host, anonymous: config.bot.anonymous, store: storage.name }, "bot listening");

  const running: RunningBot = {
    port: address.port,
    url,
    ready: readyPromise,
    isReady: () => readiness().ready,
    stop: async () => {
      records.close();
      refusals.close();
      await directLine?.close();
      await new Promise<void>((resolve) => {
        void metricsEndpoint?.close();
        // Requests in flight finish (a message being answered is not cut off); keep-alive
        // sockets are closed as soon as they are idle; after the grace period, everything is.
        const http = server.server;
        const sweep = setInterval(() => http.closeIdleConnections(), 100);
        const cutoff = setTimeout(() => http.closeAllConnections(), config.shutdown.graceSeconds * 1000);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cutoff);
          void Promise.allSettled([storage.close(), assistant.close?.()]).then(() => resolve());
        });
        http.closeIdleConnections();
      });
    },
  };
  current = running;
  return running;
}

/**
 * Conversation state: in memory (forgotten when idle) by default; encrypted in Redis
 * when configured. Redis connects in the background, retrying with backoff, and every
 * change of its state is logged once, by name.
 */
async function createStorage(config: Config, logger: Logger): Promise<StateStore> {
  if (config.state.store !== "redis") return new ExpiringMemoryStorage(config.state.ttlSeconds);
  const { RedisStorage } = await import("./redis-storage.js");
  return RedisStorage.create({
    url: config.state.redisUrl ?? "",
    cipher: new StateCipher(config.state.encryptionKey ?? "", config.state.previousEncryptionKey ? [config.state.previousEncryptionKey] : []),
    ttlSeconds: config.state.ttlSeconds,
    onEvent: (e) => {
      const { type: event, ...fields } = e;
      if (e.type === "state_store_unavailable") logger.error({ event, ...fields }, `conversation store (${e.store}) unavailable: ${e.reason}`);
      else if (e.type === "state_store_retry") logger.warn({ event, ...fields }, `conversation store (${e.store}): retrying in ${e.inMs} ms`);
      else logger.info({ event, ...fields }, e.recovered ? `conversation store (${e.store}) recovered` : `conversation store (${e.store}) ready`);
    },
  });
}

function isRedis(storage: StateStore): storage is RedisStorage {
  return storage.name === "redis" && typeof (storage as Partial<RedisStorage>).ping === "function";
}

/** Stop the server started last by start(). */
export async function stop(): Promise<void> {
  const running = current;
  current = undefined;
  if (running) await running.stop();
}
