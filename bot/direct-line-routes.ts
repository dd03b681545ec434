import type { Request, Response, Server } from "restify";
import type { Logger } from "../core/logger.js";
import { DirectLineConversations, DirectLineError, type DirectLineOptions } from "./direct-line.js";

/** Where the transport answers: the same paths as the Direct Line 3.0 service, on the bot's own server. */
export const DIRECT_LINE_PATH = "/v3/directline";

export interface MountedDirectLine {
  conversations: DirectLineConversations;
  /** Stop forgetting on a timer and forget every conversation now. */
  close(): Promise<void>;
}

/** The token from `Authorization: Bearer ...` (DirectLineJS sends "Bearer undefined" before it has one). */
function bearer(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  const token = match?.[1];
  return token && token !== "undefined" && token !== "null" ? token : undefined;
}

/**
 * The Direct Line 3.0 REST subset Web Chat needs with `webSocket: false`: start a
 * conversation (with or without a generated token), reconnect, refresh the token, post
 * an activity, and get activities after a watermark. File uploads are refused. Served
 * only in anonymous (local) mode, like the web chat page it exists for. Nothing a user
 * sends is logged: only counts and error types.
 */
export function mountDirectLine(server: Server, options: DirectLineOptions, logger: Logger): MountedDirectLine {
  const conversations = new DirectLineConversations({
    ...options,
    onError: (e) => logger.error({ event: "webchat_turn_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "web chat turn failed"),
  });

  /** Runs a route's work and answers with its status and body, or the Direct Line error shape. */
  const handle =
    (work: (req: Request) => Promise<[number, unknown]> | [number, unknown]) =>
    async (req: Request, res: Response): Promise<void> => {
      res.header("Cache-Control", "no-store");
      try {
        const [status, body] = await work(req);
        res.json(status, body);
      } catch (e) {
        if (e instanceof DirectLineError) {
          res.json(e.status, { error: { code: e.code, message: e.message } });
          return;
        }
        logger.error({ event: "webchat_request_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "web chat request failed");
        res.json(500, { error: { code: "ServiceError", message: "The assistant could not handle that request." } });
      }
    };
  const id = (req: Request) => String((req.params as { conversationId?: string }).conversationId ?? "");
  const base = `${DIRECT_LINE_PATH}/conversations/:conversationId`;

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, handle(() => [200, conversations.generate()]));
  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, handle((req) => [200, conversations.refresh(bearer(req))]));
  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    handle(async (req) => {
      const userId = (req.body as { user?: { id?: unknown } } | undefined)?.user?.id;
      const { ticket, created } = await conversations.start(bearer(req), typeof userId === "string" ? userId : undefined);
      if (created) logger.info({ event: "webchat_conversation_started", open: conversations.size }, "web chat conversation started");
      return [created ? 201 : 200, ticket];
    }),
  );
  server.get(base, handle((req) => [200, conversations.reconnect(id(req), bearer(req))]));
  server.post(`${base}/activities`, handle((req) => [200, conversations.post(id(req), bearer(req), req.body)]));
  server.get(
    `${base}/activities`,
    handle((req) => [200, conversations.read(id(req), bearer(req), (req.query as { watermark?: string } | undefined)?.watermark)]),
  );
  server.post(
    `${base}/upload`,
    handle((req) => {
      conversations.reconnect(id(req), bearer(req));
      throw new DirectLineError(400, "BadArgument", "Files cannot be sent to the safeguarding assistant. Please type or paste your text.");
    }),
  );

  const everyMs = Math.max(1000, Math.min(60_000, (options.idleSeconds * 1000) / 4));
  const timer = setInterval(() => {
    void conversations.sweep().then((forgotten) => {
      if (forgotten > 0) logger.info({ event: "webchat_conversations_forgotten", forgotten, open: conversations.size }, "idle web chat conversations forgotten");
    });
  }, everyMs);
  timer.unref();

  return {
    conversations,
    close: async () => {
      clearInterval(timer);
      await conversations.clear();
    },
  };
}
