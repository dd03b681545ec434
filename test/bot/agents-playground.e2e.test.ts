import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { fromRoot } from "../../core/paths.js";
import { start, type RunningBot } from "../../bot/server.js";

// The bot in the Microsoft 365 Agents Playground (a Teams-like client that runs on this
// machine, with its own mocked Bot Connector), opened in headless Chromium with every
// request that would leave the machine blocked. The Playground's page asks Microsoft's
// CDN for fonts and animations; those requests fail and it works without them.

const CLI = fromRoot("node_modules", ".bin", "agentsplayground");
const ARTIFACTS = fromRoot("test-artifacts", "playground");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

let bot: RunningBot;
let playground: ChildProcess;
let playgroundUrl = "";
// The Playground writes a log of the conversation into devTools/ under its working folder: a temporary one.
let playgroundDir = "";
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  // Anonymous mode replies only to a configured local client: the Playground is one (its connector is http://localhost:PORT/_connector).
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({ EMULATOR_SERVICE_URL: `http://localhost:${port}` }), logger: createLogger({ level: "silent" }) });
  await bot.ready;
  playgroundDir = await mkdtemp(join(tmpdir(), "sg-playground-"));
  playground = spawn(CLI, ["-e", `${bot.url}/api/messages`, "-c", "msteams", "-p", String(port), "--disable-telemetry"], {
    cwd: playgroundDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the Playground did not start")), 60_000);
    playground.stdout?.on("data", (d: Buffer) => {
      const m = /Listening on (\d+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        playgroundUrl = `http://127.0.0.1:${m[1]}/`;
        resolve();
      }
    });
    playground.once("exit", (code) => reject(new Error(`the Playground exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    return LOOPBACK.has(url.hostname) || url.protocol === "data:" || url.protocol === "blob:" ? route.continue() : route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (playground && playground.exitCode === null) {
    playground.kill("SIGTERM");
    await new Promise((resolve) => playground.once("exit", resolve));
  }
  await bot?.stop();
  if (playgroundDir) await rm(playgroundDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CLI))("the bot in the Microsoft 365 Agents Playground (msteams channel)", () => {
  it("installing the bot shows the welcome once", async () => {
    await page.goto(playgroundUrl);
    const welcome = page.getByText("Hello, I am the safeguarding assistant.", { exact: false });
    await expect.poll(() => welcome.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The chat list previews its first words; the conversation shows the whole welcome, once
    // (Teams announces an install both as the bot joining and as installationUpdate).
    await page.waitForTimeout(1000);
    const bubbles = await page.evaluate(() =>
      Array.from(document.querySelectorAll("p, li, div"))
        .filter((el) => !el.closest("[role=treeitem]") && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.includes("Type cancel to stop what we are doing"))).length,
    );
    expect(bubbles).toBe(1);
  });

  it("a question is answered with the guidance's words, citation markers the client renders, and feedback buttons", async () => {
    const box = page.locator("[contenteditable=true][role=textbox]");
    await box.click();
    await page.keyboard.type("who has to be at a strategy discussion?");
    await page.keyboard.press("Enter");
    const answer = page.getByText(/A local authority social worker, health practitioners and a police representative/);
    await expect.poll(() => answer.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Teams renders the citation entity as numbered pills and feedbackLoopEnabled as like/dislike.
    await expect.poll(() => page.locator("a", { hasText: /^1$/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Like" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Dislike" }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/playground-answer.png` });
    expect(pageErrors).toEqual([]);
  });
});
