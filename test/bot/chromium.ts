import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

/** Where browser tests keep their screenshots (git-ignored). */
export const ARTEFACTS = join(process.cwd(), "test-artifacts");

/** Debian's Chromium, headless, with nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
];

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Let requests to this machine through and block (and record) every other one. */
export async function blockNonLoopback(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
}
