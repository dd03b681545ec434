import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { projectRoot } from "../../core/paths.js";
import { dockerfileCmd, envExample, environmentOf, loadCompose } from "./compose-file.js";
import { postMessage } from "../bot/emulator-message.js";

// The pilot of deployment/compose.yaml, run without a container engine: each service's
// own command with the environment the compose file gives it (read from the file, so the
// two cannot drift), a real redis-server with its password, both bot replicas with
// STATE_STORE=redis, and Caddy with deployment/Caddyfile in front. What differs from
// compose, and only because everything shares one host here: ports (free ones instead
// of 3978/6379/9464 in separate network namespaces), service host names (127.0.0.1),
// and /app, the image's working folder, which is this checkout.

const SECRETS = {
  REDIS_PASSWORD: `pilot-${Math.random().toString(36).slice(2)}-redis-password`,
  STATE_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
  // The operator's choice in deployment/.env: figures on (the compose file puts them on METRICS_PORT).
  METRICS_ENABLED: "true",
};

interface Bot {
  name: string;
  process: ChildProcess;
  url: string;
  metricsUrl: string;
  exited: Promise<number | null>;
}

const work = mkdtempSync(join(tmpdir(), "sg-compose-"));
const children: ChildProcess[] = [];
let redisUrl: string;
let proxyUrl: string;
const bots: Bot[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function run(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // Each service's output goes to a log in the temp folder (kept when a test fails).
  const log = openSync(join(work, `${basename(command)}-${children.length}.log`), "a");
  const child = spawn(command, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", log, log] });
  children.push(child);
  return child;
}

/** The image's /app is this checkout; compose's service names resolve to this host. */
function onThisHost(value: string, ports: Record<string, number>): string {
  let out = value.startsWith("/app/") ? join(projectRoot, value.slice("/app/".length)) : value;
  for (const [host, port] of Object.entries(ports)) out = out.replace(new RegExp(`@${host}:\\d+`), `@127.0.0.1:${port}`);
  return out;
}

async function say(url: string, text: string, conversation = "pilot-1"): Promise<string> {
  const { status, replies } = await postMessage(url, conversation, text, { id: "practitioner-1" }, { id: "bot" }, "webchat");
  expect(status).toBe(200);
  return replies.map((a) => a.text ?? "").join("\n");
}

async function turnsServedBy(bot: Bot): Promise<number> {
  const body = await (await fetch(bot.metricsUrl)).text();
  return body
    .split("\n")
    .filter((l) => l.startsWith("safeguarding_turns_total{"))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
}

beforeAll(async () => {
  // Here the public address is plain HTTP on this host (Caddy then asks for no certificate).
  const proxyPort = await freePort();
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const operatorEnv = { ...envExample(), ...SECRETS, PUBLIC_BASE_URL: proxyUrl };
  const compose = loadCompose(operatorEnv);

  // Redis: the service's own command and environment, on a free port, its data in a temp folder.
  const redisPort = await freePort();
  const redis = compose.services.redis!;
  const [shell, flag, script] = redis.command as string[];
  run(shell!, [flag!, `${script} --port ${redisPort} --bind 127.0.0.1 --dir ${work}`], environmentOf(redis));
  redisUrl = `redis://127.0.0.1:${redisPort}`;
  await until("redis", async () => {
    const probe = createClient({ url: redisUrl, password: SECRETS.REDIS_PASSWORD });
    probe.on("error", () => undefined);
    await probe.connect();
    await probe.quit();
    return true;
  });

  // The bots: the image's CMD, with the operator's env file under the service's environment.
  const cmd = dockerfileCmd(readFileSync(join(projectRoot, "deployment", "Dockerfile"), "utf8"));
  for (const name of ["bot-a", "bot-b"]) {
    const port = await freePort();
    const metricsPort = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...operatorEnv, ...environmentOf(compose.services[name]!) })) env[k] = onThisHost(v, { redis: redisPort });
    env.PORT = String(port);
    env.METRICS_PORT = String(metricsPort);
    const child = run(cmd[0]!, cmd.slice(1), env);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    bots.push({ name, process: child, url: `http://127.0.0.1:${port}`, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, exited });
  }
  for (const bot of bots) await until(`${bot.name} ready`, async () => (await fetch(`${bot.url}/readyz`)).status === 200);

  // Caddy with deployment/Caddyfile, its upstreams pointed at the two processes.
  const caddyfile = readFileSync(join(projectRoot, "deployment", "Caddyfile"), "utf8")
    .replace("bot-a:3978", new URL(bots[0]!.url).host)
    .replace("bot-b:3978", new URL(bots[1]!.url).host);
  const caddyPath = join(work, "Caddyfile");
  writeFileSync(caddyPath, caddyfile);
  run("caddy", ["run", "--config", caddyPath, "--adapter", "caddyfile"], {
    ...environmentOf(compose.services.proxy!),
    CADDY_ADMIN: `localhost:${await freePort()}`,
    HOME: work,
    XDG_DATA_HOME: join(work, "caddy-data"),
    XDG_CONFIG_HOME: join(work, "caddy-config"),
  });
  await until("caddy", async () => (await fetch(`${proxyUrl}/healthz`)).status === 200);
});

let failed = false;
afterEach((context) => {
  if (context.task.result?.state === "fail") failed = true;
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  if (failed) console.warn(`compose pilot logs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

describe("the compose pilot, run service by service", () => {
  it("a conversation through the proxy is spread over both replicas and carries on, its state shared in Redis", async () => {
    expect(await say(proxyUrl, "draft a strategy record")).toMatch(/date of the strategy discussion/);
    expect(await say(proxyUrl, "14/5/2025")).toMatch(/What time did it start/);
    expect(await say(proxyUrl, "10:00")).toMatch(/meeting in person, a phone call, or virtual/);
    expect(await say(proxyUrl, "help")).toBeTruthy();
    const served = await Promise.all(bots.map(turnsServedBy));
    expect(served[0]! + served[1]!).toBe(4);
    expect(served[0]).toBeGreaterThanOrEqual(1);
    expect(served[1]).toBeGreaterThanOrEqual(1);
  });

  it("a conversation begun on one replica is continued by the other", async () => {
    expect(await say(bots[0]!.url, "draft a strategy record", "pilot-2")).toMatch(/date of the strategy discussion/);
    expect(await say(bots[1]!.url, "yesterday", "pilot-2")).toMatch(/What time did it start/);
  });

  it("Redis refuses a client without the password, and holds state only sealed, with a time-to-live", async () => {
    // A plain connection that sends no password is refused any command.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(redisUrl).port), "127.0.0.1", () => socket.write("GET anything\r\n"));
      socket.once("data", (d) => {
        resolve(d.toString());
        socket.destroy();
      });
      socket.once("error", reject);
    });
    expect(reply).toMatch(/^-NOAUTH/);

    const client = createClient({ url: redisUrl, password: SECRETS.REDIS_PASSWORD });
    await client.connect();
    try {
      const keys = await client.keys("safeguarding:state:*");
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        // Stored as "<eTag>|<sealed state>": only the sealed part holds anything of the conversation.
        const value = (await client.get(key)) ?? "";
        expect(value.slice(value.indexOf("|") + 1).startsWith("v1.")).toBe(true);
        for (const typed of ["Patel", "Khan", "Jo Smith", "strategy"]) expect(value).not.toContain(typed);
        const ttl = await client.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(Number(envExample().STATE_TTL_SECONDS));
      }
    } finally {
      await client.quit();
    }
  });

  it("the proxy never serves /metrics; the figures are on each bot's metrics port only", async () => {
    expect((await fetch(`${proxyUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${bots[0]!.url}/metrics`)).status).toBe(404);
    expect((await fetch(bots[0]!.metricsUrl)).status).toBe(200);
  });

  it("when a replica is stopped with SIGTERM it exits cleanly within its grace period, and the conversation carries on through the other", async () => {
    const [first, second] = bots as [Bot, Bot];
    const started = Date.now();
    first.process.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const grace = Number(environmentOf(loadCompose({ ...envExample(), ...SECRETS, PUBLIC_BASE_URL: proxyUrl }).services["bot-a"]!).SHUTDOWN_GRACE_SECONDS);
    expect(Date.now() - started).toBeLessThan((grace + 1) * 1000);

    // The proxy's active check (health_interval in deployment/Caddyfile) takes the stopped replica out.
    const interval = Number(/health_interval (\d+)s/.exec(readFileSync(join(projectRoot, "deployment", "Caddyfile"), "utf8"))?.[1]);
    await new Promise((r) => setTimeout(r, (interval + 1) * 1000));
    const before = await turnsServedBy(second);
    expect(await say(proxyUrl, "skip")).toMatch(/\?/);
    expect(await turnsServedBy(second)).toBe(before + 1);
  });
});
