import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { synthesize } from "../../speech/index.js";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The web chat page in real headless Chromium (Debian's), against the real bot.

let bot: RunningBot;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  await bot.ready;
  // The fake microphone plays a spoken question, so the voice path runs end to end.
  const micFile = join(await mkdtemp(join(tmpdir(), "sg-mic-")), "question.wav");
  await writeFile(micFile, await synthesize("what is a strategy discussion"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${micFile}`,
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

async function ask(text: string) {
  const before = await page.locator("#log li").count();
  await page.fill("#message", text);
  await page.press("#message", "Enter");
  await page.waitForFunction((n) => document.querySelectorAll("#log li.bot").length > 0 && document.querySelectorAll("#log li").length > n + 1, before);
}

describe("web chat page", () => {
  it("opens with the greeting and the 999 line, under a strict content security policy", async () => {
    const res = await page.goto(`${bot.url}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect.poll(() => page.locator("#log li.bot").first().textContent()).toMatch(/strategy discussion/i);
    expect(await page.locator("header").textContent()).toContain("999");
  });

  it("a question gets a cited answer", async () => {
    await ask("who has to be at a strategy discussion?");
    const last = await page.locator("#log li.bot").last().textContent();
    expect(last).toContain("Working Together to Safeguard Children 2023");
  });

  it("an emergency shows the 999 signpost first, as an alert", async () => {
    const before = await page.locator("#log li.bot").count();
    await ask("my neighbour's toddler is locked out on the balcony and he is hitting her right now");
    const firstReply = page.locator("#log li.bot").nth(before);
    expect(await firstReply.getAttribute("role")).toBe("alert");
    expect(await firstReply.getAttribute("class")).toContain("level-999");
    expect(await firstReply.textContent()).toContain("999");
  });

  it("text that looks like HTML is shown as text, never run", async () => {
    await ask('<img src=x onerror="window.__pwned=1"> what is a core group?');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("#log li.user").last().textContent()).toContain("<img");
  });

  it("with read-aloud on, replies are spoken through the bot's offline speech", async () => {
    await page.check("#speak-replies");
    const spoken = page.waitForResponse((r) => r.url().endsWith("/api/speech/synthesize"));
    await ask("what is a core group?");
    const res = await spoken;
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("audio/wav");
    await page.uncheck("#speak-replies");
  });

  it("the microphone records, the bot's offline recogniser hears the question, and it is answered", async () => {
    const before = await page.locator("#log li.user").count();
    await page.click("#mic");
    await page.waitForTimeout(3500);
    const heard = page.waitForResponse((r) => r.url().includes("/api/speech/transcribe"));
    await page.click("#mic");
    const res = await heard;
    expect(res.status()).toBe(200);
    await expect.poll(() => page.locator("#log li.user").count()).toBeGreaterThan(before);
    expect((await page.locator("#log li.user").last().textContent())?.toLowerCase()).toMatch(/strategy|discussion/);
  });

  it("a screenshot of the conversation renders", async () => {
    const png = await page.screenshot({ path: "/tmp/safeguarding-web-chat.png", fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
