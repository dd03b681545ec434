import { readFileSync } from "node:fs";
import type { Server } from "restify";
import { fromRoot } from "../core/paths.js";

const ASSETS: Record<string, { file: string; type: string }> = {
  "/chat/": { file: "chat.html", type: "text/html; charset=utf-8" },
  "/chat/chat.js": { file: "chat.js", type: "text/javascript; charset=utf-8" },
  "/chat/chat.css": { file: "chat.css", type: "text/css; charset=utf-8" },
};

// Only our own files, no inline script, no framing: replies may quote user text.
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/**
 * The local web chat page (with offline voice through the bot's speech endpoints). It
 * talks to /api/messages anonymously, so it is only served when the bot has no
 * Bot Framework credentials; a secured deployment uses Teams or Azure Web Chat.
 */
export function mountWebChat(server: Server): void {
  const loaded = Object.entries(ASSETS).map(([path, a]) => [path, a.type, readFileSync(fromRoot("bot", "web", a.file))] as const);
  for (const [path, type, body] of loaded) {
    server.get(path, async (_req, res) => {
      res.writeHead(200, { "Content-Type": type, "Content-Length": body.length, ...SECURITY_HEADERS });
      res.end(body);
    });
  }
  server.get("/", async (_req, res) => {
    res.writeHead(302, { Location: "/chat/" });
    res.end();
  });
  server.get("/chat", async (_req, res) => {
    res.writeHead(302, { Location: "/chat/" });
    res.end();
  });
}
