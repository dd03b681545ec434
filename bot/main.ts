import { existsSync } from "node:fs";
import { loadEnvFile } from "node:process";
import { fromRoot } from "../core/paths.js";
import { loadConfig } from "../core/config.js";
import { createLogger } from "../core/logger.js";
import { startAssistantPool } from "./assistant-pool.js";

// `npm start`: load .env if present, parse configuration once, start, and shut down gracefully.
const envFile = fromRoot(".env");
if (existsSync(envFile)) loadEnvFile(envFile);

let config;
try {
  config = loadConfig();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const logger = createLogger({ level: config.log.level, userText: config.log.userText });
// The worker threads start loading the index and models first; the server (the Bot Framework,
// restify: seconds of module loading) is imported while they do.
const assistant = startAssistantPool(config, logger);
const { start, stop } = await import("./server.js");
const bot = await start({ config, logger, assistant });
process.stdout.write(`Safeguarding assistant listening on ${bot.url}/api/messages (health: /healthz, ready: /readyz)\n`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "shutdown", signal, graceSeconds: config.shutdown.graceSeconds }, "shutting down");
    // Requests in flight get SHUTDOWN_GRACE_SECONDS to finish; the exit must come before the
    // platform's own kill (Docker waits 10 s by default, Kubernetes and Container Apps 30 s).
    const force = setTimeout(() => process.exit(1), config.shutdown.graceSeconds * 1000 + 1000);
    force.unref();
    void stop().then(() => process.exit(0));
  });
}
