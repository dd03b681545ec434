import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { fromRoot } from "../../core/paths.js";
import { start, type RunningBot } from "../../bot/server.js";
import { buildTab } from "../../scripts/build-tab.js";

// The Teams tab outside Teams, as a plain page in real headless Chromium (Debian's),
// against the real bot; every request that would leave this machine is blocked.

const ARTIFACTS = fromRoot("test-artifacts", "tab");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

let bot: RunningBot;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const leftTheMachine: string[] = [];

beforeAll(async () => {
  await buildTab();
  mkdirSync(ARTIFACTS, { recursive: true });
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  await bot.ready;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname)) return route.continue();
    leftTheMachine.push(url.href);
    return route.abort();
  });
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** Press Tab until the element matching `selector` has the focus (keyboard only), or fail. */
async function tabTo(selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** WCAG contrast ratio of an element's text colour against the page background behind it. */
async function contrastOf(selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const lum = ([r, g, b]: number[]) =>
      [r, g, b].map((v) => {
        const s = (v ?? 0) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }).reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    let bgEl: HTMLElement | null = el;
    let bg = "rgba(0, 0, 0, 0)";
    while (bgEl) {
      bg = getComputedStyle(bgEl).backgroundColor;
      if ((rgb(bg)[3] ?? 1) !== 0) break;
      bgEl = bgEl.parentElement;
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }, selector);
}

describe("the Teams tab, outside Teams", () => {
  it("opens as a plain page under a strict content security policy that only Teams may frame", async () => {
    const res = await page.goto(`${bot.url}/tab/`);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    await expect.poll(() => page.locator("#event option").count()).toBeGreaterThan(5);
    expect(await page.locator("html").getAttribute("data-host")).toBe("browser");
  });

  it("every field has a label, and with the keyboard alone a deadline is worked out with its rule, skipped days and source", async () => {
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select, button")).filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length || el.textContent?.trim();
        return !labelled;
      }).length,
    );
    expect(unlabelled).toBe(0);

    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to/);
    await tabTo("#event");
    // "Strategy discussion" is chosen first; the keyboard can change it and come back.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await page.locator("#event").inputValue()).toBe("strategy_discussion");
    await tabTo("#date");
    await page.keyboard.type("28/04/2025");
    await tabTo("#deadline-form button[type=submit]");
    await page.keyboard.press("Enter");

    const result = page.locator("#deadline-result");
    await expect.poll(() => result.locator("h3").count()).toBe(1);
    const text = (await result.textContent()) ?? "";
    expect(text).toContain("From the strategy discussion on Mon 28 Apr 2025");
    expect(text).toContain("ICPC: Tue 20 May 2025");
    expect(text).toContain("within 15 working days of the strategy discussion");
    expect(text).toContain("Mon 5 May 2025: Early May bank holiday");
    expect(text).toContain("Working Together to Safeguard Children 2023");
    // The result's heading takes the focus, so a screen reader hears it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("deadline-heading");
    await page.screenshot({ path: `${ARTIFACTS}/tab-deadline.png`, fullPage: true });

    const href = await result.locator("a[download]").getAttribute("href");
    expect(href).toMatch(/^\/api\/tab\/deadline\.ics\?/);
    const ics = await page.request.get(`${bot.url}${href}`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const cal = await ics.text();
    expect(cal).toContain("BEGIN:VCALENDAR");
    expect(cal).toMatch(/DTSTART;VALUE=DATE:20250520/);
  });

  it("a date that does not exist is explained in an alert, and the field is marked invalid", async () => {
    await page.fill("#date", "31/02/2025");
    await page.click("#deadline-form button[type=submit]");
    const alert = page.locator("#deadline-result [role=alert]");
    await expect.poll(() => alert.textContent()).toMatch(/does not exist/);
    expect(await page.locator("#date").getAttribute("aria-invalid")).toBe("true");
    // Chromium reports the API's 400 in the console; that one is expected here, and only that one.
    expect(consoleErrors).toEqual([expect.stringMatching(/status of 400/)]);
    consoleErrors.length = 0;
  });

  it("the pathway at a glance shows England's stages with steps, who, when and sources, and Wales's on request", async () => {
    const stages = page.locator("#pathway .stage");
    await expect.poll(() => stages.count()).toBeGreaterThan(10);
    const strat = page.locator("#pathway summary", { hasText: /^Strategy discussion$/ });
    await strat.focus();
    await page.keyboard.press("Enter");
    const opened = page.locator("#pathway details[open]");
    await expect.poll(() => opened.count()).toBe(1);
    const text = (await opened.textContent()) ?? "";
    expect(text).toContain("Who");
    expect(text).toContain("When");
    expect(text).toMatch(/Working Together to Safeguard Children 2023/);

    await page.locator("#pathway-jurisdiction input[value=england]").focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("#pathway .stage-title").first().textContent()).toMatch(/\(Wales\)/);
    const wales = (await page.locator("#pathway").textContent()) ?? "";
    expect(wales).toContain("Complex Safeguarding Wales");
    expect(wales).not.toContain("Working Together to Safeguard Children 2023");
  });

  it("at 320 px wide (and so at 200% zoom of 640 px) nothing scrolls sideways", async () => {
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 700 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `${ARTIFACTS}/tab-320px.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 800 });
  });

  it("text meets WCAG AA contrast in Teams' default, dark and high-contrast themes", async () => {
    for (const theme of ["default", "dark", "contrast"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      for (const sel of ["h1", ".hint", ".danger", "#deadline-form button", ".problem", "#pathway .citation figcaption", "#pathway summary"]) {
        expect(await contrastOf(sel), `${sel} in ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
      await page.screenshot({ path: `${ARTIFACTS}/tab-theme-${theme}.png`, fullPage: false });
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = "default"));
  });

  it("a screenshot is kept, no console errors were logged, and nothing tried to leave the machine", async () => {
    const png = await page.screenshot({ path: `${ARTIFACTS}/tab-outside-teams.png`, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(consoleErrors).toEqual([]);
    // Outside Teams the Teams SDK is never loaded, so it never calls its CDN.
    expect(leftTheMachine).toEqual([]);
  });
});
