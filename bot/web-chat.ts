import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Request, Response, Server } from "restify";
import { fromRoot } from "../core/paths.js";

export interface WebChatPageOptions {
  /** Offer the browser's own Web Speech API as a voice choice (it may use a cloud service). */
  browserSpeech: boolean;
  /** How long an idle conversation is kept, to tell the user. */
  idleSeconds: number;
}

/** "an hour", "90 minutes", "2 hours": how long an idle conversation is kept, in words. */
export function idleInWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes === 60) return "an hour";
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

/** Bot Framework Web Chat's full bundle (React included), served from the installed package: no CDN. */
function webChatBundle(): { path: string; version: string } {
  const entry = createRequire(import.meta.url).resolve("botframework-webchat");
  const root = join(dirname(entry), "..");
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  return { path: join(root, "dist", "webchat.js"), version };
}

const OUR_ASSETS: Record<string, { file: string; type: string }> = {
  "/chat/chat.js": { file: "chat.js", type: "text/javascript; charset=utf-8" },
  "/chat/speech.js": { file: "speech.js", type: "text/javascript; charset=utf-8" },
  "/chat/chat.css": { file: "chat.css", type: "text/css; charset=utf-8" },
};

/**
 * The hash of an empty style element. Web Chat 4.18.1 gives its nonce to its own style
 * sheets but not to react-scroll-to-bottom's, whose sheet is an empty `<style>` filled
 * through the CSSOM (insertRule, which the policy does not govern). Allowing exactly
 * the empty string lets that sheet exist without allowing any inline style content.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The page's policy: scripts only from this server (no inline script, no eval), styles
 * from this server plus the `<style>` elements Web Chat inserts, which carry this
 * response's nonce; network calls only to this server (the Direct Line transport and
 * the offline speech endpoints); audio from blobs (spoken replies); no framing.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "microphone=(self), camera=(), geolocation=()",
};

/**
 * A static file answered with an ETag and, where the browser accepts it, gzip (the Web Chat bundle is 4 MB).
 * The file is read from disk when asked for, not held: the server kept the bundle's 4 MB in memory from
 * start-up on for a page few open (and the bench never does). What is kept is its gzip (about a quarter of
 * it), once a browser has asked for it; browsers all accept gzip, so the plain file is rarely read again.
 * Installed files do not change while the server runs: the ETag is worked out once, at start-up.
 */
function staticFile(path: string, type: string, cacheControl: string) {
  const etag = `"${createHash("sha256").update(readFileSync(path)).digest("base64url").slice(0, 27)}"`;
  let gzipped: Promise<Buffer> | undefined;
  return async (req: Request, res: Response): Promise<void> => {
    const headers: Record<string, string | number> = { "Content-Type": type, ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding", ...COMMON_HEADERS };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      // A failed read is not kept: the next request tries again.
      gzipped ??= readFile(path).then(
        (body) => gzipSync(body),
        (e: unknown) => {
          gzipped = undefined;
          throw e;
        },
      );
      const body = await gzipped;
      res.writeHead(200, { ...headers, "Content-Encoding": "gzip", "Content-Length": body.length });
      res.end(body);
      return;
    }
    const body = await readFile(path);
    res.writeHead(200, { ...headers, "Content-Length": body.length });
    res.end(body);
  };
}

/**
 * The local web chat page: Bot Framework Web Chat over this server's Direct Line-
 * compatible transport (direct-line-routes.ts), with offline voice through the bot's
 * speech endpoints. It talks to the bot anonymously, so it is only served when the bot
 * has no Bot Framework credentials; a secured deployment is reached through Teams.
 */
export function mountWebChat(server: Server, options: WebChatPageOptions): void {
  const bundle = webChatBundle();
  const page = readFileSync(fromRoot("bot", "web", "chat.html"), "utf8");
  server.get("/chat/webchat.js", staticFile(bundle.path, "text/javascript; charset=utf-8", "no-cache"));
  for (const [path, asset] of Object.entries(OUR_ASSETS)) {
    server.get(path, staticFile(fromRoot("bot", "web", asset.file), asset.type, "no-cache"));
  }

  server.get("/chat/", async (_req: Request, res: Response) => {
    // A fresh nonce per page: Web Chat puts it on the style elements it creates.
    const nonce = randomBytes(18).toString("base64");
    const html = Buffer.from(
      page
        .replaceAll("{{nonce}}", nonce)
        .replaceAll("{{browserSpeech}}", options.browserSpeech ? "true" : "false")
        .replaceAll("{{webChatVersion}}", bundle.version)
        .replaceAll("{{idle}}", idleInWords(options.idleSeconds)),
      "utf8",
    );
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": html.length,
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "Cache-Control": "no-store",
      ...COMMON_HEADERS,
    });
    res.end(html);
  });
  for (const path of ["/", "/chat"]) {
    server.get(path, async (_req: Request, res: Response) => {
      res.writeHead(302, { Location: "/chat/" });
      res.end();
    });
  }
}
