import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Storage } from "botbuilder";
import { afterEach, describe, expect, it } from "vitest";
import { bearerMatches, channelLabel, createMetrics, routeLabel } from "../../bot/metrics.js";
import { parseConfig } from "../../core/config.js";
import { AppError } from "../../core/errors.js";

// The figures' parts on their own: labels stay bounded, the token is checked, rejections,
// store failures and the store's health are counted. The whole server is metrics.int.test.ts.

function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = body
    .split("\n")
    .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
  throw new Error("expected a configuration error");
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("metrics configuration", () => {
  it("when nothing is set, the figures are off", () => {
    expect(parseConfig({}).metrics.enabled).toBe(false);
  });

  it("when metrics are enabled with neither a token nor a separate port, start-up stops and names METRICS_TOKEN", () => {
    expect(configError({ METRICS_ENABLED: "true" })).toContain("METRICS_TOKEN");
  });

  it("when the token is short, the error names METRICS_TOKEN", () => {
    expect(configError({ METRICS_ENABLED: "true", METRICS_TOKEN: "short" })).toContain("METRICS_TOKEN");
  });

  it("a separate port alone is enough, and an empty METRICS_PORT means none", () => {
    expect(parseConfig({ METRICS_ENABLED: "true", METRICS_PORT: "9464" }).metrics).toMatchObject({ enabled: true, port: 9464, host: "127.0.0.1" });
    expect(parseConfig({ METRICS_PORT: "" }).metrics.port).toBeUndefined();
    expect(configError({ METRICS_PORT: "70000" })).toContain("METRICS_PORT");
  });
});

describe("labels", () => {
  it("a channel id an anonymous caller made up is counted as other, never as itself", () => {
    expect(channelLabel("msteams")).toBe("msteams");
    expect(channelLabel("Amy Smith 12 Acacia Avenue")).toBe("other");
    expect(channelLabel(undefined)).toBe("other");
  });

  it("a request path is one of the server's routes or other; query strings never count", () => {
    expect(routeLabel("/api/messages?x=1")).toBe("/api/messages");
    expect(routeLabel("/api/messages/Amy")).toBe("other");
    expect(routeLabel("/metrics")).toBe("/metrics");
  });
});

describe("the bearer token", () => {
  const token = "a-token-of-thirty-two-characters";
  it("is accepted only exactly, with the Bearer scheme", () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });
});

describe("HTTP responses", () => {
  it("a 503 (overloaded or not ready) and a 429 are counted as rejected, a 200 is not", async () => {
    const metrics = createMetrics();
    const statuses = [503, 429, 200];
    server = createServer((_req, res) => {
      res.writeHead(statuses.shift() ?? 200);
      res.end();
    });
    metrics.observeHttp(server);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    for (let i = 0; i < 3; i++) await (await fetch(url, { method: "POST", body: "{}" })).arrayBuffer();
    const { body } = await metrics.render();
    expect(sample(body, "safeguarding_requests_rejected_total", { route: "/api/messages", status: "503" })).toBe(1);
    expect(sample(body, "safeguarding_requests_rejected_total", { route: "/api/messages", status: "429" })).toBe(1);
    expect(sample(body, "safeguarding_requests_rejected_total", { status: "200" })).toBeUndefined();
    expect(sample(body, "safeguarding_http_responses_total", { route: "/api/messages", status: "200" })).toBe(1);
    expect(sample(body, "safeguarding_errors_total", { kind: "http_5xx" })).toBeUndefined();
  });
});

describe("the state store", () => {
  const failing: Storage = {
    read: () => Promise.reject(new Error("connection refused")),
    write: () => Promise.resolve(),
    delete: () => Promise.resolve(),
  };

  it("when an operation fails, the failure is counted, the store is reported down, and the error still reaches the caller", async () => {
    const metrics = createMetrics();
    const storage = metrics.observeStorage(failing, "redis");
    await expect(storage.read(["k"])).rejects.toThrow("connection refused");
    let body = (await metrics.render()).body;
    expect(sample(body, "safeguarding_state_store_up", { store: "redis" })).toBe(0);
    expect(sample(body, "safeguarding_state_store_operations_total", { op: "read", outcome: "error" })).toBe(1);
    expect(sample(body, "safeguarding_errors_total", { kind: "state_store" })).toBe(1);
    await storage.write({ k: { a: 1 } });
    body = (await metrics.render()).body;
    expect(sample(body, "safeguarding_state_store_up", { store: "redis" })).toBe(1);
  });

  it("with a health check, every scrape asks the store, so an idle bot reports a store that went away", async () => {
    const metrics = createMetrics();
    let reachable = true;
    metrics.observeStorage(failing, "redis", () => (reachable ? Promise.resolve("PONG") : Promise.reject(new Error("down"))));
    expect(sample((await metrics.render()).body, "safeguarding_state_store_up", { store: "redis" })).toBe(1);
    reachable = false;
    expect(sample((await metrics.render()).body, "safeguarding_state_store_up", { store: "redis" })).toBe(0);
  });
});
