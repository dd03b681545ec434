import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Writable } from "node:stream";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { synthesize } from "../../speech/index.js";
import { ARTEFACTS, CHROMIUM_ARGS, blockNonLoopback } from "./chromium.js";
import { measureContrast } from "./card-contrast.js";

// The web chat page (Bot Framework Web Chat over the bot's own Direct Line-compatible
// transport) in real headless Chromium (Debian's), against the real bot and its offline
// speech. Every request that is not to this machine is blocked and recorded.

const TYPED_SECRET = "Jayden Smith-Okafor lives at 14 Larch Close";

let bot: RunningBot;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const external: string[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "debug", destination: logStream }) });
  await bot.ready;
  // The fake microphone plays a spoken question with silence around it (it loops), so the
  // voice path runs end to end: the page hears the question end, and the bot hears it.
  const dir = await mkdtemp(join(tmpdir(), "sg-mic-"));
  await writeFile(join(dir, "spoken.wav"), await synthesize("what is a strategy discussion"));
  await promisify(execFile)("sox", [join(dir, "spoken.wav"), join(dir, "question.wav"), "pad", "0.6", "2.5"]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${join(dir, "question.wav")}`],
  });
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await blockNonLoopback(context, external);
  page = await newPage(context);
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

async function newPage(ctx: BrowserContext): Promise<Page> {
  const p = await ctx.newPage();
  p.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  p.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return p;
}

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const ACTIVITY = ".webchat__basic-transcript__activity";

/** The transcript as the user sees it: who said each activity, its text, and whether it holds a card. */
async function transcript(p: Page = page): Promise<{ fromUser: boolean; text: string; card: boolean }[]> {
  return p.locator(ACTIVITY).evaluateAll((els) =>
    els.map((e) => ({
      fromUser: Boolean(e.querySelector(".webchat__stacked-layout--from-user")),
      text: (e as HTMLElement).innerText,
      card: Boolean(e.querySelector(".ac-adaptiveCard")),
    })),
  );
}

/** Type a message and send it with Enter; resolves with the activities after it once `until` sees them. */
async function send(text: string, until: (after: Awaited<ReturnType<typeof transcript>>) => boolean, p: Page = page) {
  // The tests type faster than a person: when the bot's per-conversation rate limit answers "please wait a few
  // seconds and send it again" (as the record's questions, skipped one after another, can make it), do what it asks.
  for (let tries = 0; tries < 5; tries++) {
    const after = await sendOnce(text, (a) => until(a) || a.some((x) => !x.fromUser && RATE_LIMITED.test(x.text)), p);
    if (!after.some((x) => !x.fromUser && RATE_LIMITED.test(x.text)) || until(after)) return after;
    await p.waitForTimeout(3_000);
  }
  throw new Error(`still rate limited after five tries: ${text}`);
}

const RATE_LIMITED = /faster than I can answer them/i;

async function sendOnce(text: string, until: (after: Awaited<ReturnType<typeof transcript>>) => boolean, p: Page) {
  const before = (await transcript(p)).length;
  await p.fill(SEND_BOX, text);
  await p.press(SEND_BOX, "Enter");
  let after: Awaited<ReturnType<typeof transcript>> = [];
  await expect
    .poll(
      async () => {
        after = (await transcript(p)).slice(before);
        return after.length > 1 && after[0]?.fromUser === true && until(after.slice(1));
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
  return after.slice(1);
}

const botSays = (pattern: RegExp) => (after: { fromUser: boolean; text: string }[]) => after.some((a) => !a.fromUser && pattern.test(a.text));

describe("the web chat page", () => {
  it("is Bot Framework Web Chat served from this server under a strict content security policy, and greets the user", async () => {
    const res = await page.goto(`${bot.url}/`);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("connect-src 'self'");
    const buildInfo = await page.evaluate(() => (window as unknown as { WebChat?: { buildInfo?: { version: string; variant: string } } }).WebChat?.buildInfo);
    expect(buildInfo).toMatchObject({ version: expect.stringMatching(/^4\./), variant: "full" });
    await expect.poll(async () => (await transcript())[0]?.text ?? "", { timeout: 30_000 }).toMatch(/safeguarding assistant/i);
    expect(await page.locator("body > header").textContent()).toContain("999");
  });

  it("a question gets an answer whose sources Web Chat lists as citations, and a source opens its quote", async () => {
    const after = await send("who has to be at a strategy discussion?", botSays(/police/i));
    const answer = page.locator(ACTIVITY).filter({ hasText: /police representative/i }).last();
    const references = answer.locator(".webchat__link-definitions__list-item");
    expect(await references.count()).toBeGreaterThan(0);
    expect(await references.first().innerText()).toContain("Working Together to Safeguard Children 2023");
    // The Markdown was rendered: no link definitions or markers as raw text.
    expect(after.map((a) => a.text).join("\n")).not.toMatch(/\]: cite:/);
    await references.first().locator("button, a").first().click();
    const dialog = page.locator(".webchat__citation-modal-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/police representative/i);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it("Web Chat's live region reads out the answer", async () => {
    expect(await page.locator(".webchat__live-region-transcript").innerText()).toMatch(/police representative/i);
  });

  it("what happens next comes as an Adaptive Card with the steps", async () => {
    const after = await send("strategy discussion done, s47 agreed: what happens next?", (a) => a.some((x) => x.card && /What happens next/.test(x.text)));
    const card = after.find((a) => a.card && /What happens next/.test(a.text));
    expect(card?.text).toMatch(/section 47|enquir/i);
  });

  it("a draft asks with buttons; clicking one answers as if typed; the finished record is a formatted card, not Markdown", async () => {
    await send("draft: Strat 14/5/25. Child ref C-1. Present: Jo Smith SW (CSC), HV Ann Lee (health), DC Patel (police). Concerns: bruising. Actions: SW to visit today", botSays(/read your notes/i));
    // Skip what the notes left out until the section 47 question, which has buttons.
    const choice = page.locator(".ac-adaptiveCard").filter({ hasText: "Did the local authority decide to start section 47 enquiries?" }).last();
    for (let i = 0; i < 6 && (await choice.count()) === 0; i++) await send("skip", (a) => a.some((x) => !x.fromUser));
    await expect.poll(() => choice.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = (await transcript()).length;
    await choice.getByRole("button", { name: "Yes" }).click();
    await expect.poll(async () => (await transcript()).slice(before).some((a) => !a.fromUser && /criminal investigation/i.test(a.text)), { timeout: 30_000 }).toBe(true);
    const clicked = (await transcript()).slice(before);
    expect(clicked[0]).toMatchObject({ fromUser: true, text: expect.stringContaining("Yes") });
    // Finish: skip the remaining questions; the record arrives as a card.
    const record = page.locator(".ac-adaptiveCard").filter({ hasText: /Strategy discussion record/i });
    for (let i = 0; i < 14 && (await record.count()) === 0; i++) await send("skip", (a) => a.some((x) => !x.fromUser));
    await expect.poll(() => record.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await record.last().innerText();
    expect(shown).toMatch(/Jo Smith/);
    expect(shown).not.toMatch(/^#|\|---|\*\*/m);
    expect(await record.last().locator("table, .ac-factset, [role=table]").count()).toBeGreaterThan(0);
  });

  it("a danger message gets the 999 signpost first, announced as an alert", async () => {
    await send("cancel", (a) => a.some((x) => !x.fromUser));
    const after = await send("my neighbour's toddler is locked out on the balcony and he is hitting her right now", (a) => a.some((x) => /999/.test(x.text)));
    expect(after[0]?.fromUser).toBe(false);
    expect(after[0]?.card).toBe(true);
    expect(after[0]?.text).toContain("999");
    expect(await page.locator("#alert").getAttribute("role")).toBe("alert");
    expect(await page.locator("#alert").textContent()).toContain("999");
  });

  it("text that looks like HTML is shown as text, never run", async () => {
    await send('<img src=x onerror="window.__pwned=1"> what is a core group?', (a) => a.some((x) => !x.fromUser && /core group/i.test(x.text)));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const mine = (await transcript()).filter((a) => a.fromUser).at(-1);
    expect(mine?.text).toContain("<img");
  });

  it("voice: the microphone is heard by the bot's offline recogniser, the question is answered, and the answer is spoken by its offline voice", async () => {
    const before = (await transcript()).length;
    const heard = page.waitForResponse((r) => r.url().endsWith("/api/speech/transcribe"), { timeout: 40_000 });
    const spoken = page.waitForResponse((r) => r.url().endsWith("/api/speech/synthesize"), { timeout: 60_000 });
    await page.locator(".webchat__microphone-button__button").click();
    const transcribed: Response = await heard;
    expect(transcribed.status()).toBe(200);
    await expect
      .poll(async () => (await transcript()).slice(before).find((a) => a.fromUser)?.text.toLowerCase() ?? "", { timeout: 30_000 })
      .toMatch(/strategy|discussion/);
    const synthesized = await spoken;
    expect(synthesized.status()).toBe(200);
    expect(synthesized.headers()["content-type"]).toBe("audio/wav");
  });

  it("with read aloud on, a typed question's answer is spoken too", async () => {
    await page.check("#read-aloud");
    const spoken = page.waitForResponse((r) => r.url().endsWith("/api/speech/synthesize"), { timeout: 60_000 });
    await send("what is a core group?", botSays(/core group/i));
    expect((await spoken).status()).toBe(200);
    await page.uncheck("#read-aloud");
  });

  it("offers the offline voice and no voice, not the browser's own (cloud) speech; choosing no voice removes the microphone", async () => {
    expect(await page.locator("#voice-choice option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["offline", "off"]);
    await page.selectOption("#voice-choice", "off");
    await expect.poll(() => page.locator(".webchat__microphone-button__button").count()).toBe(0);
    expect(await page.locator("#read-aloud").isDisabled()).toBe(true);
    await page.selectOption("#voice-choice", "offline");
    await expect.poll(() => page.locator(".webchat__microphone-button__button").count()).toBe(1);
  });

  it("with WEBCHAT_BROWSER_SPEECH=true the browser's own speech is offered too, where the browser has it, but never chosen by default", async () => {
    const other = await start({ port: 0, host: "127.0.0.1", config: parseConfig({ WEBCHAT_BROWSER_SPEECH: "true" }), logger: createLogger({ level: "silent" }) });
    try {
      const p = await newPage(context);
      await p.goto(`${other.url}/`);
      const hasSpeech = await p.evaluate(() => "webkitSpeechRecognition" in window || "SpeechRecognition" in window);
      const options = await p.locator("#voice-choice option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(options).toEqual(hasSpeech ? ["offline", "browser", "off"] : ["offline", "off"]);
      expect(await p.locator("#voice-choice").inputValue()).toBe("offline");
      await p.close();
    } finally {
      await other.stop();
    }
  });

  it("works from the keyboard alone: Tab reaches the message box, Enter sends, and card buttons take Enter", async () => {
    const keyboardPage = await newPage(context);
    await keyboardPage.goto(`${bot.url}/`);
    await expect.poll(async () => (await transcript(keyboardPage)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await keyboardPage.keyboard.press("Tab");
      reached = await keyboardPage.evaluate((sel) => document.activeElement?.matches(sel) ?? false, SEND_BOX);
    }
    expect(reached).toBe(true);
    const typeAndSend = async (text: string, expected: RegExp) => {
      await keyboardPage.keyboard.type(text);
      await keyboardPage.keyboard.press("Enter");
      await expect.poll(async () => (await transcript(keyboardPage)).some((a) => !a.fromUser && expected.test(a.text)), { timeout: 30_000 }).toBe(true);
    };
    // The draft asks each field the notes left out, the time first; skipping by keyboard reaches the section 47 question.
    await typeAndSend("draft: Strat 14/5/25. Child ref C-1. Present: Jo Smith SW (CSC), HV Ann Lee (health), DC Patel (police). Concerns: bruising.", /What time did it start/);
    const asked47 = async () => (await transcript(keyboardPage)).some((a) => !a.fromUser && /section 47 enquiries/.test(a.text));
    for (let i = 0; i < 6 && !(await asked47()); i++) {
      const before = (await transcript(keyboardPage)).length;
      await keyboardPage.keyboard.type("skip");
      await keyboardPage.keyboard.press("Enter");
      await expect.poll(async () => (await transcript(keyboardPage)).slice(before).some((a) => !a.fromUser), { timeout: 30_000 }).toBe(true);
    }
    expect(await asked47()).toBe(true);
    // Into the transcript (Web Chat: Shift+Tab to the history), Enter into the newest card, Enter on its first button.
    await keyboardPage.keyboard.press("Shift+Tab");
    await keyboardPage.keyboard.press("Shift+Tab");
    await keyboardPage.keyboard.press("Enter");
    expect(await keyboardPage.evaluate(() => document.activeElement?.textContent)).toBe("Yes");
    await keyboardPage.keyboard.press("Enter");
    await expect.poll(async () => (await transcript(keyboardPage)).some((a) => /criminal investigation/i.test(a.text)), { timeout: 30_000 }).toBe(true);
    await keyboardPage.close();
  });

  it("each browser tab is its own conversation: one never sees another's messages", async () => {
    const other = await newPage(context);
    await other.goto(`${bot.url}/`);
    await expect.poll(async () => (await transcript(other)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await send(`${TYPED_SECRET}. What is a core group?`, (a) => a.some((x) => !x.fromUser));
    await other.waitForTimeout(1500);
    expect((await transcript(other)).map((a) => a.text).join("\n")).not.toContain("Larch Close");
    await other.close();
  });

  it("reflows to a 320 px wide screen and to 200% zoom with nothing cut off sideways", async () => {
    for (const size of [
      { width: 320, height: 640 },
      { width: 640, height: 400 }, // a 1280 × 800 window at 200% zoom
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const { scrollWidth, clientWidth, sendBoxVisible } = await page.evaluate((sel) => {
        const box = document.querySelector(sel)?.getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          sendBoxVisible: Boolean(box && box.width > 100 && box.bottom <= window.innerHeight && box.right <= window.innerWidth + 1),
        };
      }, SEND_BOX);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(sendBoxVisible).toBe(true);
      await page.screenshot({ path: join(ARTEFACTS, `web-chat-${size.width}px.png`) });
    }
    await page.setViewportSize({ width: 1024, height: 800 });
  });

  it("every piece of text on the page, the cards included, meets WCAG AA contrast", async () => {
    const measured = await page.locator("body").evaluate(measureContrast);
    expect(measured.length).toBeGreaterThan(50);
    expect(measured.filter((m) => m.ratio < m.required)).toEqual([]);
  });

  it("nothing the user typed reached the logs, no request left this machine, and the console has no errors", async () => {
    await page.screenshot({ path: join(ARTEFACTS, "web-chat.png"), fullPage: true });
    const logs = logLines.join("");
    expect(logs).toContain("webchat_conversation_started");
    for (const typed of ["Larch Close", "strategy discussion done", "toddler", "Jo Smith"]) expect(logs).not.toContain(typed);
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
