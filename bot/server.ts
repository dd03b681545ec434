import type { Storage } from "botbuilder";
import restify from "restify";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "../core/config.js";
import { createLogger, type Logger } from "../core/logger.js";
import { createAssistant, type Assistant } from "../assistant/index.js";
import { MainDialog } from "../dialogs/main-dialog.js";
import { createAdapter } from "./adapter.js";
import { guardActivity } from "./request-guard.js";
import { mountWebChat } from "./web-chat.js";
import { mountDirectLine, type MountedDirectLine } from "./direct-line-routes.js";
import { mountSpeech } from "./speech-routes.js";
import { SafeguardingBot } from "./safeguarding-bot.js";
import { MemberDialogState, conversationStateKey } from "./member-state.js";
import { TurnReader } from "./turn-reader.js";
import { mountRecordLinks, originOf, RecordLinks, REQUEST_ORIGIN } from "./record-links.js";
import { mountTab } from "./tab-routes.js";
import { RedisStorage } from "./redis-storage.js";
import { ExpiringMemoryStorage } from "./expiring-memory-storage.js";
import { StateCipher } from "./state-cipher.js";
import { createMetrics, serveMetrics } from "./metrics.js";

export interface StartOptions {
  config?: Config;
  logger?: Logger;
  assistant?: Assistant;
  /** Overrides config.server.port (tests pass 0 for a free port). */
  port?: number;
  host?: string;
}

export interface RunningBot {
  port: number;
  url: string;
  /** Resolves once the index, models and calendar are loaded. */
  ready: Promise<void>;
  isReady(): boolean;
  stop(): Promise<void>;
}

/** Largest request body accepted: a long paste of notes fits; anything larger is refused with 413. */
const MAX_BODY_BYTES = 1024 * 1024;

let current: RunningBot | undefined;

/**
 * Start the HTTP server: POST /api/messages (Bot Framework activities, including
 * deliveryMode "expectReplies"), GET /healthz and GET /readyz. Port 0 picks a free port.
 */
export async function start(options: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger({ level: config.log.level, userText: config.log.userText });
  const assistant = options.assistant ?? (await createAssistant({ config }));

  // Operator figures (off unless configured): counted through the adapter, the storage and the answers.
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const storage = await createStorage(config);
  const ping = storage instanceof RedisStorage ? () => storage.ping() : undefined;
  const dialogState = new MemberDialogState(metrics ? metrics.observeStorage(storage, config.state.store, ping) : storage);
  const adapter = createAdapter(config, logger, dialogState);
  const records = new RecordLinks({ ttlMs: config.recordLinks.ttlSeconds * 1000, logger });
  if (metrics) adapter.use(metrics.middleware);
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
      ready = true;
      logger.info({ event: "ready" }, "index and models loaded");
    },
    (e: unknown) => {
      readyError = e instanceof Error ? e.message.split("\n")[0] : "failed to load";
      logger.error({ event: "not_ready", err: { message: readyError } }, "could not load index or models");
    },
  );

  const server = restify.createServer({ name: "safeguarding-assistant", handleUncaughtExceptions: false });
  if (metrics) metrics.observeHttp(server.server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES * 3, mapParams: false, mapFiles: false }));

  server.get("/healthz", async (_req, res) => {
    res.json(200, { status: "ok" });
  });
  server.get("/readyz", async (_req, res) => {
    res.json(ready ? 200 : 503, { ready, ...(readyError ? { error: readyError } : {}) });
  });
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

  server.post("/api/messages", async (req, res) => {
    const guard = guardActivity(req.body);
    if (!guard.ok) {
      res.json(guard.status, { error: guard.error });
      return;
    }
    try {
      const origin = originOf(req.headers.host);
      await adapter.process(req, res, (context) => {
        if (origin) context.turnState.set(REQUEST_ORIGIN, origin);
        return handler.run(context);
      });
    } catch (e) {
      logger.error({ event: "request_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "request failed");
      if (!res.headersSent) res.json(500, { error: "internal error" });
    }
  });

  // restify answers unparseable bodies itself; keep those replies short and unlogged.
  server.on("restifyError", (req, res, err, cb) => {
    logger.warn({ event: "bad_request", status: err.statusCode, route: req.getRoute?.()?.path }, "bad request");
    return cb();
  });

  const metricsEndpoint = metrics ? await serveMetrics(server, metrics, config.metrics, logger) : undefined;

  const port = options.port ?? config.server.port;
  const host = options.host ?? config.server.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
  serviceUrl = url;
  logger.info({ event: "listening", port: address.port, anonymous: config.bot.anonymous }, "bot listening");

  const running: RunningBot = {
    port: address.port,
    url,
    ready: readyPromise,
    isReady: () => ready,
    stop: async () => {
      records.close();
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
          if (storage instanceof RedisStorage) void storage.close().finally(resolve);
          else resolve();
        });
        http.closeIdleConnections();
      });
    },
  };
  current = running;
  return running;
}

/** Conversation state: in memory (forgotten when idle) by default; encrypted in Redis when configured. */
async function createStorage(config: Config): Promise<Storage> {
  if (config.state.store !== "redis") return new ExpiringMemoryStorage(config.state.ttlSeconds);
  return RedisStorage.connect({
    url: config.state.redisUrl ?? "",
    cipher: new StateCipher(config.state.encryptionKey ?? "", config.state.previousEncryptionKey ? [config.state.previousEncryptionKey] : []),
    ttlSeconds: config.state.ttlSeconds,
  });
}

/** Stop the server started last by start(). */
export async function stop(): Promise<void> {
  const running = current;
  current = undefined;
  if (running) await running.stop();
}
