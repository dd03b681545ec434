import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Activity, Attachment } from "botbuilder";
import { ChannelPresenter } from "../../bot/presenter.js";
import { signpostCard } from "../../bot/cards.js";
import { signpostText, type SignpostLevel } from "../../escalation/index.js";
import { testAssistant } from "../dialogs/harness.js";
import { ARTEFACTS, CHROMIUM_ARGS, blockNonLoopback } from "./chromium.js";
import { measureContrast, type TextContrast } from "./card-contrast.js";
import { teamsHostConfig, teamsHostCss, type TeamsTheme } from "./teams-host-configs.js";

// Every card the bot sends, rendered by the `adaptivecards` renderer (the one Web Chat
// uses; Teams renders the same schema) in headless Chromium under Teams' light, dark and
// high-contrast host configs. The contrast of every piece of text against the background
// it is drawn on is computed from the rendered styles and must meet WCAG AA. Screenshots
// are kept in test-artifacts/cards/.

const THEMES: TeamsTheme[] = ["light", "dark", "highContrast"];
const LEVELS: SignpostLevel[] = ["999", "childline", "101_or_childrens_services", "nspcc_advice"];
const OUT = join(ARTEFACTS, "cards");

let browser: Browser;
let page: Page;
const blocked: string[] = [];
const cards: { name: string; content: unknown }[] = [];

const cardOf = (a: Partial<Activity> | Attachment): unknown => ("contentType" in a ? a.content : a.attachments?.[0]?.content);

beforeAll(async () => {
  // The cards exactly as the bot sends them in a Teams chat, from the real use cases.
  const assistant = testAssistant("2025-05-20T09:00:00Z");
  const teams = new ChannelPresenter({ channelId: "msteams", teamsChannel: false });
  for (const level of LEVELS) cards.push({ name: `signpost-${level}`, content: cardOf(signpostCard({ level, text: signpostText(level) })) });
  cards.push({ name: "what-next", content: cardOf(teams.next(await assistant.next("strategy discussion done, s47 agreed: what happens next?"))) });
  cards.push({ name: "deadline", content: cardOf(teams.deadline(await assistant.deadline("icpc", "14/05/2025"))) });
  const notes =
    "Strategy discussion 14/05/2025. Child ref C-123. Present: Jo Smith SW (CSC), DC Patel (police), HV Ann Lee (health). Apologies: school. " +
    "Concerns: bruising to the arm seen at nursery. s47 agreed. Crim: police to lead a joint investigation, video interview within 7 days. " +
    "Actions: SW to visit the child today; HV to share health records by 16/05/2025; police to check records.";
  cards.push({ name: "record", content: cardOf(teams.record(await assistant.draft(notes))) });
  cards.push({
    name: "choice",
    content: cardOf(
      teams.prompt({
        text: "Did the local authority decide to start section 47 enquiries?",
        choices: [
          { value: "Yes", label: "Yes" },
          { value: "No", label: "No" },
          { value: "Not decided yet", label: "Not decided yet" },
        ],
      }),
    ),
  });

  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 540, height: 900 } });
  await blockNonLoopback(context, blocked);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Render one card under one theme; returns the contrast of each text element and keeps a screenshot. */
async function render(theme: TeamsTheme, name: string, content: unknown): Promise<TextContrast[]> {
  await page.setContent(`<!doctype html><html lang="en-GB"><head><style>${teamsHostCss(theme)}</style></head><body><div class="card-frame" id="card"></div></body></html>`);
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js") });
  const errors = await page.evaluate(
    ({ hostConfig, content }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import("adaptivecards") }).AdaptiveCards;
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext();
      card.parse(content as object, context);
      const rendered = card.render();
      if (rendered) document.getElementById("card")?.appendChild(rendered);
      return [...Array(context.eventCount).keys()].map((i) => context.getEventAt(i).message);
    },
    { hostConfig: teamsHostConfig(theme), content },
  );
  expect(errors, `${name} parses under schema 1.5 without warnings`).toEqual([]);
  await page.locator("#card").screenshot({ path: join(OUT, `${name}-${theme}.png`) });
  return page.locator("#card").evaluate(measureContrast);
}

const failures = (measured: TextContrast[]) => measured.filter((m) => m.ratio < m.required);

describe("every card meets WCAG AA contrast in Teams' themes", () => {
  for (const theme of THEMES) {
    it(`${theme}: signposts at every level, what next, deadline, record and choice prompt`, async () => {
      const report: string[] = [];
      for (const { name, content } of cards) {
        const measured = await render(theme, name, content);
        // Not vacuous: the card's words were found and measured.
        expect(measured.length, `${name} has text`).toBeGreaterThan(name === "choice" ? 3 : 1);
        report.push(`${name}: ${measured.length} texts, lowest ${Math.min(...measured.map((m) => m.ratio))}:1`);
        expect(failures(measured), `${name} in ${theme}`).toEqual([]);
      }
      console.log(`[contrast ${theme}] ${report.join("; ")}`);
    });
  }

  it("the check is not blind: light-coloured text on the light card is caught", async () => {
    const bad = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "Container", style: "warning", items: [{ type: "TextBlock", text: "Warning colour on warning", color: "Warning", weight: "Bolder", wrap: true }] },
        { type: "TextBlock", text: "Light colour on the card", color: "Light", wrap: true },
      ],
    };
    const measured = await render("light", "negative-control", bad);
    const failed = failures(measured).map((m) => m.text);
    expect(failed).toContain("Light colour on the card");
    console.log(`[contrast negative control] ${measured.map((m) => `${m.text}: ${m.ratio}:1`).join("; ")}`);
  });

  it("rendering fetched nothing from the network", () => {
    expect(blocked).toEqual([]);
  });
});
