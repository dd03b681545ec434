import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Middleware, Storage, StoreItems, TurnContext } from "botbuilder";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import { withTimeout } from "../core/timeout.js";
import type { AskResult, MessageReading } from "../assistant/index.js";
import { TURN_READING } from "../dialogs/turn-keys.js";

/**
 * Operator figures in the Prometheus text format: counts and timings only. Every label
 * comes from a small fixed set (channel names, intent kinds, triage levels, HTTP
 * statuses, route names); nothing a user typed, no ids, no names ever becomes a label,
 * so a scrape can never leak a message and a caller cannot grow the series without bound.
 */
export interface OperatorMetrics {
  /** Bot Framework middleware (register it first): turns, their latency, signposts raised, turn errors. */
  readonly middleware: Middleware;
  /** The same object, counting answers the corpus does not cover (refusals). */
  observeAnswers<T extends { answer(reading: MessageReading): Promise<AskResult> }>(assistant: T): T;
  /** The same storage, counting its failures and reporting whether the store is reachable. */
  observeStorage(storage: Storage, store: "memory" | "redis", ping?: () => Promise<unknown>): Storage;
  /** Counts every HTTP response of this server by route and status (rejections: 400, 401, 413, 429, 503…). */
  observeHttp(server: HttpServer): void;
  /** The Prometheus exposition. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Channels Bot Framework uses; anything else (an anonymous caller can send any string) is "other". */
const CHANNELS = new Set(["msteams", "webchat", "directline", "emulator", "test", "slack", "email", "sms", "telegram"]);
/** Routes the server answers; other paths are "other". */
const ROUTES = new Set(["/api/messages", "/healthz", "/readyz", "/metrics", "/api/speech/synthesize", "/api/speech/transcribe", "/"]);
/** Statuses that mean the request was refused before or instead of being handled. */
const REJECTED = new Set([400, 401, 403, 404, 405, 408, 413, 415, 429, 431, 503]);
const WORD = /^[a-z0-9_]{1,40}$/;

/** A bounded label for a channel id. */
export function channelLabel(channelId: string | undefined): string {
  const id = (channelId ?? "").toLowerCase();
  return CHANNELS.has(id) ? id : "other";
}

/** A bounded label for a request path (the query string never counts). */
export function routeLabel(url: string | undefined): string {
  const path = (url ?? "").split("?")[0] ?? "";
  return ROUTES.has(path) ? path : "other";
}

/** A bounded label for a code the application chose (an intent kind, a triage level). */
function codeLabel(code: string | undefined): string {
  return code && WORD.test(code) ? code : "other";
}

/** Create the figures on their own registry (never prom-client's global one). */
export function createMetrics(): OperatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "safeguarding_" });
  const turns = new Counter({
    name: "safeguarding_turns_total",
    help: "Messages handled, by channel, conversation type and kind (the intent read at the edge, or empty/too_long).",
    labelNames: ["channel", "conversation", "kind"] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: "safeguarding_turn_duration_seconds",
    help: "Time to handle a message, from reading it at the edge to the last reply, by channel and kind.",
    labelNames: ["channel", "kind"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const activities = new Counter({
    name: "safeguarding_activities_total",
    help: "Other activities (installs, members added, invokes without words), by channel and type.",
    labelNames: ["channel", "type"] as const,
    registers: [registry],
  });
  const signposts = new Counter({
    name: "safeguarding_signposts_total",
    help: "Signposts shown, by level (999, childline, 101_or_childrens_services, nspcc_advice).",
    labelNames: ["level"] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: "safeguarding_refusals_total",
    help: "Questions answered with 'the documents do not cover this', by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: "safeguarding_errors_total",
    help: "Failures: turn errors (the user got an apology), HTTP 5xx, state store operations that failed.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const responses = new Counter({
    name: "safeguarding_http_responses_total",
    help: "HTTP responses by route and status.",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const rejected = new Counter({
    name: "safeguarding_requests_rejected_total",
    help: "Requests refused (400 malformed, 401 unauthenticated, 413 too large, 429/503 overloaded or not ready…), by route and status.",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: "safeguarding_http_request_duration_seconds",
    help: "HTTP request duration by route.",
    labelNames: ["route"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  // The store's health check, when it has one: run at every scrape, so an idle bot still
  // reports a store that went away.
  let healthCheck: { store: string; ping: () => Promise<unknown> } | undefined;
  const storeUp = new Gauge({
    name: "safeguarding_state_store_up",
    help: "1 when the conversation state store answered its last operation or health check, 0 when it failed.",
    labelNames: ["store"] as const,
    registers: [registry],
    async collect() {
      if (!healthCheck) return;
      const ok = await withTimeout(healthCheck.ping(), 1000).then(() => true, () => false);
      this.set({ store: healthCheck.store }, ok ? 1 : 0);
    },
  });
  const storeOps = new Counter({
    name: "safeguarding_state_store_operations_total",
    help: "State store operations by store, operation and outcome.",
    labelNames: ["store", "op", "outcome"] as const,
    registers: [registry],
  });

  const middleware: Middleware = {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      const channel = channelLabel(context.activity.channelId);
      try {
        await next();
      } catch (e) {
        errors.inc({ kind: "turn" });
        throw e;
      } finally {
        const reading = context.turnState.get(TURN_READING) as MessageReading | undefined;
        if (reading) {
          const kind = reading.empty ? "empty" : reading.overLength ? "too_long" : codeLabel(reading.intent.kind);
          const conversation = codeLabel(context.activity.conversation?.conversationType?.toLowerCase() ?? "personal");
          turns.inc({ channel, conversation, kind });
          turnSeconds.observe({ channel, kind }, (performance.now() - started) / 1000);
          const level = reading.triage?.level;
          if (level && level !== "none") signposts.inc({ level: codeLabel(level) });
        } else {
          activities.inc({ channel, type: codeLabel(context.activity.type?.toLowerCase()) });
        }
      }
    },
  };

  return {
    middleware,
    observeAnswers(assistant) {
      // A proxy, so the dialogs keep the object they were written against and never
      // learn that answers are counted.
      return new Proxy(assistant, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (prop === "answer") {
            return async (reading: MessageReading) => {
              const result = await target.answer(reading);
              if (!result.covered) refusals.inc({ reason: "not_covered" });
              return result;
            };
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
    observeStorage(storage, store, ping) {
      storeUp.set({ store }, 1);
      const track = async <T>(op: string, run: () => Promise<T>): Promise<T> => {
        try {
          const out = await run();
          storeOps.inc({ store, op, outcome: "ok" });
          storeUp.set({ store }, 1);
          return out;
        } catch (e) {
          storeOps.inc({ store, op, outcome: "error" });
          errors.inc({ kind: "state_store" });
          storeUp.set({ store }, 0);
          throw e;
        }
      };
      if (ping) healthCheck = { store, ping };
      return {
        read: (keys: string[]) => track("read", () => storage.read(keys)),
        write: (changes: StoreItems) => track("write", () => storage.write(changes)),
        delete: (keys: string[]) => track("delete", () => storage.delete(keys)),
      };
    },
    observeHttp(server) {
      server.on("request", (req: IncomingMessage, res: ServerResponse) => {
        const started = performance.now();
        const route = routeLabel(req.url);
        res.once("finish", () => {
          const status = res.statusCode;
          responses.inc({ route, status: String(status) });
          httpSeconds.observe({ route }, (performance.now() - started) / 1000);
          if (REJECTED.has(status)) rejected.inc({ route, status: String(status) });
          if (status >= 500 && status !== 503) errors.inc({ kind: "http_5xx" });
        });
      });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

export interface MetricsEndpoint {
  /** Where /metrics is served: the bot's own port, or a separate one. */
  url?: string;
  close(): Promise<void>;
}

type RouteServer = { get(path: string, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void): unknown };

/**
 * Serve /metrics as configured: nowhere when off; on a separate port (METRICS_PORT) when
 * set, with the token if there is one; otherwise on the bot's port, behind the token.
 */
export async function serveMetrics(
  server: RouteServer,
  metrics: OperatorMetrics,
  config: Config["metrics"],
  logger: Logger,
): Promise<MetricsEndpoint> {
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    if (config.token && !bearerMatches(req.headers.authorization, config.token)) {
      res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' });
      res.end("A bearer token is required.\n");
      return;
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(body);
  };
  if (!config.enabled) return { close: async () => undefined };
  if (config.port === undefined) {
    server.get("/metrics", answer);
    return { close: async () => undefined };
  }
  const separate = createServer((req, res) => {
    if (req.method === "GET" && routeLabel(req.url) === "/metrics") {
      answer(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found.\n");
  });
  await new Promise<void>((resolve, reject) => {
    separate.once("error", reject);
    separate.listen(config.port, config.host, () => resolve());
  });
  const address = separate.address() as AddressInfo;
  logger.info({ event: "metrics_listening", port: address.port }, "metrics listening");
  return {
    url: `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        separate.close(() => resolve());
        separate.closeAllConnections();
      }),
  };
}
