import { randomBytes } from "node:crypto";
import type { Server } from "restify";
import type { Logger } from "../core/logger.js";
import { renderDocx, type DraftResult } from "../records/index.js";

/** Turn-state key for the origin (http://host:port) the request came to, used for links in anonymous local mode. */
export const REQUEST_ORIGIN = Symbol("requestOrigin");

/** A Host header we are willing to put in a link: a name or address and an optional port, nothing else. */
const HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

/** The origin a request came to, when its Host header is a plain host (local use only). */
export function originOf(host: string | undefined): string | undefined {
  return host && HOST.test(host) ? `http://${host}` : undefined;
}

/** 32 random bytes, URL-safe: 43 characters nobody can guess. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const SWEEP_MS = 60_000;

interface Held {
  /** The draft as it was shown; rendered as Word at the first download, not before. */
  draft: DraftResult;
  docx?: Promise<Buffer | null>;
  expires: number;
  conversation: string;
  filename: string;
}

export interface RecordLinksOptions {
  /** How long a record stays downloadable. */
  ttlMs: number;
  logger: Logger;
  /** Most records held at once; the oldest goes first. */
  maxRecords?: number;
  now?: () => number;
}

/**
 * Drafted records as Word files behind "Download as Word" links. Each is held in memory
 * only (never written to disk), rendered when first downloaded, under an unguessable token, for one
 * conversation: a new draft there replaces the last one. After the time allowed it is
 * forgotten. Held per process: with several instances, the link works on the instance
 * that drafted the record.
 */
export class RecordLinks {
  private readonly held = new Map<string, Held>();
  private readonly byConversation = new Map<string, string>();
  private readonly now: () => number;
  private readonly maxRecords: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly opts: RecordLinksOptions) {
    this.now = opts.now ?? Date.now;
    this.maxRecords = opts.maxRecords ?? 500;
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  /** Render the draft as Word and hold it for this conversation; returns the token for its link. */
  hold(draft: DraftResult, conversation: string): string {
    this.sweep();
    const previous = this.byConversation.get(conversation);
    if (previous) this.held.delete(previous);
    while (this.held.size >= this.maxRecords) {
      const oldest = this.held.keys().next().value as string;
      this.forget(oldest);
    }
    const token = randomBytes(32).toString("base64url");
    const date = draft.record.date && /^\d{4}-\d{2}-\d{2}$/.test(draft.record.date) ? draft.record.date : "undated";
    // Rendering Word is 15-90 ms of the event loop's time, and most drafts are never downloaded:
    // it waits for the first download. The draft is copied, so the file is the draft as shown.
    this.held.set(token, { draft: structuredClone(draft), expires: this.now() + this.opts.ttlMs, conversation, filename: `strategy-discussion-record-${date}.docx` });
    this.byConversation.set(conversation, token);
    return token;
  }

  /** The Word file for a token, or null when the token is malformed, unknown or expired. */
  async get(token: string): Promise<{ docx: Buffer; filename: string } | null> {
    if (!TOKEN.test(token)) return null;
    this.sweep();
    const held = this.held.get(token);
    if (!held) return null;
    held.docx ??= renderDocx(held.draft).catch((e: unknown) => {
      this.opts.logger.error({ event: "record_render_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "could not render a record");
      return null;
    });
    const docx = await held.docx;
    return docx ? { docx, filename: held.filename } : null;
  }

  /** How many records are held now. */
  get size(): number {
    return this.held.size;
  }

  /** Forget everything (the server stops). */
  close(): void {
    clearInterval(this.timer);
    this.held.clear();
    this.byConversation.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, h] of this.held) if (h.expires <= now) this.forget(token);
  }

  private forget(token: string): void {
    const h = this.held.get(token);
    this.held.delete(token);
    if (h && this.byConversation.get(h.conversation) === token) this.byConversation.delete(h.conversation);
  }
}

/**
 * GET /api/records/<token>.docx: the held Word file, with a filename that names no
 * child, never cached; 404 for anything else.
 */
export function mountRecordLinks(server: Server, links: RecordLinks): void {
  server.get("/api/records/:file", async (req, res) => {
    const file = String((req.params as { file?: string }).file ?? "");
    const found = file.endsWith(".docx") ? await links.get(file.slice(0, -".docx".length)) : null;
    const common = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
    if (!found) {
      const body = JSON.stringify({ error: "This download link has expired or does not exist. Draft the record again to get a new one." });
      res.writeHead(404, { ...common, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    res.writeHead(200, {
      ...common,
      "Content-Type": DOCX_TYPE,
      "Content-Length": found.docx.length,
      "Content-Disposition": `attachment; filename="${found.filename}"`,
    });
    res.end(found.docx);
  });
}
