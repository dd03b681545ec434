import { describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { composeVariables, envExample, environmentOf, loadCompose } from "./compose-file.js";

// The pilot's compose file, read as compose reads it. Running it is compose.int.test.ts.

const SECRETS = {
  REDIS_PASSWORD: "a-long-random-redis-password-0123456789",
  STATE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  PUBLIC_BASE_URL: "https://safeguarding.example.gov.uk",
};

describe("deployment/compose.yaml", () => {
  const compose = loadCompose({ ...envExample(), ...SECRETS });
  const bots = ["bot-a", "bot-b"].map((name) => compose.services[name]!);

  it("every variable it reads from deployment/.env is documented in .env.example", () => {
    const documented = Object.keys(envExample());
    for (const name of composeVariables()) expect(documented, name).toContain(name);
  });

  it("when a secret is missing from deployment/.env, it refuses to start and names it", () => {
    for (const name of Object.keys(SECRETS)) {
      const env = { ...envExample(), ...SECRETS, [name]: "" };
      expect(() => loadCompose(env)).toThrow(name);
    }
  });

  it("runs two identical bot replicas, built from deployment/Dockerfile, sharing Redis state", () => {
    expect(bots[0]).toEqual(bots[1]);
    for (const bot of bots) {
      expect(bot.build).toEqual({ context: "..", dockerfile: "deployment/Dockerfile" });
      expect(bot.env_file).toBe(".env");
      const env = environmentOf(bot);
      expect(env.STATE_STORE).toBe("redis");
      expect(env.REDIS_URL).toBe(`redis://:${SECRETS.REDIS_PASSWORD}@redis:6379/0`);
      expect(env.STATE_ENCRYPTION_KEY).toBe(SECRETS.STATE_ENCRYPTION_KEY);
    }
  });

  it("the bots' environment, over the operator's env file, is a valid configuration", () => {
    const config = parseConfig({ ...envExample(), ...SECRETS, ...environmentOf(bots[0]!) });
    expect(config.state.store).toBe("redis");
    expect(config.metrics.port).toBe(9464);
    expect(config.bot.anonymous).toBe(true);
  });

  it("the bots run read-only with a temporary folder, drop privileges, restart, and stop within their grace period", () => {
    for (const bot of bots) {
      expect(bot.read_only).toBe(true);
      expect(String(bot.tmpfs)).toMatch(/^\/tmp/);
      expect(bot.restart).toBe("unless-stopped");
      expect(bot.depends_on?.redis?.condition).toBe("service_healthy");
      expect(JSON.stringify(bot.healthcheck?.test)).toContain("/readyz");
      const grace = Number(/^(\d+)s$/.exec(bot.stop_grace_period ?? "")?.[1]);
      // The process must exit (grace + 1 s backstop) before compose sends SIGKILL.
      expect(Number(environmentOf(bot).SHUTDOWN_GRACE_SECONDS) + 1).toBeLessThan(grace);
    }
  });

  it("Redis requires the password, keeps an append-only file on a volume, and is on the internal network only", () => {
    const redis = compose.services.redis!;
    const command = Array.isArray(redis.command) ? redis.command.join(" ") : String(redis.command);
    expect(command).toContain('--requirepass "$REDIS_PASSWORD"');
    expect(command).toContain("--appendonly yes");
    expect(environmentOf(redis).REDIS_PASSWORD).toBe(SECRETS.REDIS_PASSWORD);
    expect(redis.volumes).toContain("redis-data:/data");
    expect(redis.networks).toEqual(["internal"]);
    expect(compose.networks?.internal?.internal).toBe(true);
    expect(redis.restart).toBe("unless-stopped");
    expect(JSON.stringify(redis.healthcheck?.test)).toContain("ping");
    expect(redis.ports).toBeUndefined();
  });

  it("only the proxy publishes ports, and it waits for both bots to be ready", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name !== "proxy") expect(service.ports, name).toBeUndefined();
    }
    const proxy = compose.services.proxy!;
    expect(proxy.ports).toEqual(["80:80", "443:443"]);
    expect(proxy.depends_on).toEqual({ "bot-a": { condition: "service_healthy" }, "bot-b": { condition: "service_healthy" } });
    expect(environmentOf(proxy).PUBLIC_BASE_URL).toBe(SECRETS.PUBLIC_BASE_URL);
    expect(proxy.restart).toBe("unless-stopped");
    expect(proxy.healthcheck).toBeDefined();
  });
});
