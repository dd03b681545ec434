import { readFileSync } from "node:fs";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { Assistant } from "../assistant/assistant.js";
import { deadlineEvents, pathwayView } from "../assistant/pathway-view.js";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { fromRoot } from "../core/paths.js";
import { formatDate, toIcs } from "../deadlines/index.js";
import { DeadlineRequest, JurisdictionParam, type DeadlineResponse, type PathwayResponse } from "./tab-contract.js";

/**
 * Hosts allowed to frame the tab: Teams on the web, desktop and mobile, and the
 * Microsoft 365 hosts that run Teams apps. Nothing else may frame it.
 */
const TEAMS_HOSTS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.teams.microsoft.us",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
];

/** Only our own files, no inline script or style; framed only by Teams. */
const PAGE_HEADERS = {
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // teams-js (only loaded inside Teams) checks its host against Microsoft's list of valid origins.
    "connect-src 'self' https://res.cdn.office.net",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self' ${TEAMS_HOSTS.join(" ")}`,
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

const API_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

type Asset = { type: string; read: () => Buffer };
const ASSETS: Record<string, Asset> = {
  "/tab/": { type: "text/html; charset=utf-8", read: () => readFileSync(fromRoot("tab", "index.html")) },
  "/tab/tab.css": { type: "text/css; charset=utf-8", read: () => readFileSync(fromRoot("tab", "tab.css")) },
  // Bundled by `npm run build` (scripts/build-tab.ts).
  "/tab/tab.js": { type: "text/javascript; charset=utf-8", read: () => readFileSync(fromRoot("dist", "tab", "tab.js")) },
};

function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The Teams tab (the deadline calculator and the pathway at a glance) and its JSON API,
 * over the same use cases as the bot and the CLI. Requests are checked with the tab's
 * contract; an invalid one gets a 400 with words the tab shows as they are.
 */
export function mountTab(server: Server, assistant: Pick<Assistant, "deadline">, logger: Logger): void {
  const cache = new Map<string, Buffer>();
  for (const [path, asset] of Object.entries(ASSETS)) {
    server.get(path, async (_req, res) => {
      let body = cache.get(path);
      if (!body) {
        try {
          body = asset.read();
          cache.set(path, body);
        } catch {
          logger.error({ event: "tab_asset_missing", path }, "tab file missing: run npm run build");
          res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", ...API_HEADERS });
          res.end("The tab has not been built. Run npm run build.");
          return;
        }
      }
      res.writeHead(200, { "Content-Type": asset.type, "Content-Length": body.length, ...PAGE_HEADERS });
      res.end(body);
    });
  }
  server.get("/tab", async (_req, res) => {
    res.writeHead(302, { Location: "/tab/" });
    res.end();
  });

  const handle = (run: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await run(req, res);
    } catch (e) {
      if (e instanceof z.ZodError) return sendJson(res, 400, { error: e.issues[0]?.message ?? "That request is not valid." });
      if (isAppError(e) && (e.code === "invalid_input" || e.code === "not_available")) return sendJson(res, 400, { error: e.message });
      // What was typed is not logged: only that the request failed.
      logger.error({ event: "tab_api_failed", route: req.getRoute?.()?.path, err: { type: e instanceof Error ? e.name : typeof e } }, "tab API failed");
      sendJson(res, 500, { error: "Something went wrong on my side. Please try again." });
    }
  };

  const deadline = async (input: unknown): Promise<DeadlineResponse> => {
    const q = DeadlineRequest.parse(input);
    const view = await assistant.deadline(q.event, q.date, { jurisdiction: q.jurisdiction });
    const label = deadlineEvents().find((e) => e.id === view.event)?.label ?? view.event;
    const ics = `/api/tab/deadline.ics?${new URLSearchParams({ event: view.event, date: view.event_date, jurisdiction: view.jurisdiction })}`;
    return {
      event: view.event,
      event_label: label,
      event_date: view.event_date,
      event_date_label: view.event_date_label,
      event_date_interpretation: view.event_date_interpretation,
      ...(view.event_date_ambiguous ? { event_date_ambiguous: view.event_date_ambiguous } : {}),
      jurisdiction: view.jurisdiction,
      deadlines: view.deadlines.map((d) => ({
        rule: d.rule,
        label: d.label,
        due: d.due,
        due_label: d.due_label,
        rule_text: d.rule_text,
        explanation: d.explanation,
        skipped: d.skipped_reasons.map((s) => ({ date: s.date, date_label: formatDate(s.date), reason: s.reason })),
        weekend_days: d.weekend_days,
        calendar_confirmed: d.calendar_confirmed,
        citations: d.citations,
      })),
      warnings: view.warnings,
      conventions: view.conventions,
      ics,
      signpost: view.signpost,
    };
  };

  server.get("/api/tab/events", handle(async (_req, res) => sendJson(res, 200, { events: deadlineEvents() })));

  server.post("/api/tab/deadline", handle(async (req, res) => sendJson(res, 200, await deadline(req.body))));

  server.get(
    "/api/tab/deadline.ics",
    handle(async (req, res) => {
      const q = DeadlineRequest.parse(req.query);
      const view = await assistant.deadline(q.event, q.date, { jurisdiction: q.jurisdiction });
      const ics = toIcs(view);
      res.writeHead(200, {
        ...API_HEADERS,
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Length": Buffer.byteLength(ics),
        "Content-Disposition": `attachment; filename="safeguarding-deadlines-${view.event}-${view.event_date}.ics"`,
      });
      res.end(ics);
    }),
  );

  server.get(
    "/api/tab/pathway",
    handle(async (req, res) => {
      const jurisdiction = JurisdictionParam.default("england").parse((req.query as { jurisdiction?: string } | undefined)?.jurisdiction);
      const body: PathwayResponse = pathwayView(jurisdiction);
      sendJson(res, 200, body);
    }),
  );
}
