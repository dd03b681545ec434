import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Activity } from "botbuilder";

/**
 * The conversations of a small Direct Line 3.0-compatible transport, so Bot Framework
 * Web Chat (or any DirectLineJS client, with `webSocket: false`) talks to this bot with
 * no cloud Direct Line service. The HTTP routes are in direct-line-routes.ts; this file
 * holds the rules:
 *
 * - A conversation's id and token are random (192 and 256 bits); every call but "start
 *   a conversation" must present the conversation's token, compared in constant time.
 * - Each conversation is its own bot conversation (its own dialog state); nothing is
 *   shared between them, and a client cannot choose another conversation's id.
 * - What the user typed lives only in memory, only until the client has fetched the
 *   activities after it (the watermark it sends back acknowledges them), and the whole
 *   conversation is forgotten once idle: nothing is logged or written to disk.
 */

/** An activity as JSON on the wire (timestamps are strings there). */
export type WireActivity = { type: string; id?: string; [key: string]: unknown };

/** Runs one activity through the bot (expectReplies) and resolves with its replies, in order. */
export type TurnRunner = (activity: WireActivity) => Promise<Partial<Activity>[]>;

export interface DirectLineOptions {
  run: TurnRunner;
  /** A conversation with no message from its user for this long is forgotten. */
  idleSeconds: number;
  /** Most conversations held at once; more are refused (503) until some are forgotten. */
  maxConversations: number;
  /** The bot's endpoint, given to the adapter as the activity's serviceUrl. */
  serviceUrl: () => string;
  /** Called with a forgotten conversation's id, to drop the bot's state for it too. */
  onForget?: (conversationId: string) => void | Promise<void>;
  /** Called when a turn fails outside the bot's own turn-error handler (no user text). */
  onError?: (e: unknown) => void;
  now?: () => number;
}

/** What the client learns when it starts, reconnects to or refreshes a conversation. */
export interface ConversationTicket {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** An error with the status and Direct Line error code to answer with; its message is safe to show. */
export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DirectLineError";
  }
}

/** The bot's identity in web conversations. */
export const WEB_CHAT_BOT = { id: "safeguarding-assistant", name: "Safeguarding assistant", role: "bot" } as const;
export const WEB_CHAT_CHANNEL_ID = "webchat";

/** Longest backlog of undelivered activities kept for one conversation. */
const MAX_PENDING = 200;
/** Activity types a client may post; typing indicators are accepted and dropped. */
const POSTABLE = new Set(["message", "event", "typing"]);
/** Reply types passed on to the client; trace activities and invoke responses never leave the server. */
const DELIVERED = new Set(["message", "typing", "event", "endOfConversation"]);
const APOLOGY =
  "Sorry, something went wrong on my side and I could not finish that. Please try again. If a child is in immediate danger, call 999.";

interface Conversation {
  id: string;
  tokenHash: Buffer;
  userId: string;
  started: boolean;
  /** Activities not yet acknowledged by the client; `pending[0]` has watermark `base`. */
  pending: WireActivity[];
  base: number;
  /** The client's user last spoke (or the conversation started), in ms. */
  lastUsed: number;
  /** Turns run one at a time, in the order they were posted. */
  queue: Promise<void>;
  /** The last activity sequence number used. */
  seq: number;
}

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest();
const USER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class DirectLineConversations {
  private readonly byId = new Map<string, Conversation>();
  private readonly byToken = new Map<string, string>();
  private readonly now: () => number;

  constructor(private readonly opts: DirectLineOptions) {
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.byId.size;
  }

  /** POST /tokens/generate: a token bound to a new conversation, started by the first POST /conversations. */
  generate(): ConversationTicket {
    const { conversation, token } = this.create(undefined);
    return this.ticket(conversation, token);
  }

  /**
   * POST /conversations. With a token from `generate` it starts that conversation (or,
   * already started, returns it); with none it creates and starts a new one. Starting
   * tells the bot the user and the bot joined, so it says hello.
   */
  async start(token: string | undefined, requestedUserId?: string): Promise<{ ticket: ConversationTicket; created: boolean }> {
    if (token) {
      const conversation = this.byTokenOrThrow(token);
      const created = !conversation.started;
      if (created) await this.begin(conversation);
      return { ticket: this.ticket(conversation, token), created };
    }
    const { conversation, token: fresh } = this.create(requestedUserId);
    await this.begin(conversation);
    return { ticket: this.ticket(conversation, fresh), created: true };
  }

  /** GET /conversations/{id}: the same conversation and token, for a client reconnecting. */
  reconnect(conversationId: string, token: string | undefined): ConversationTicket {
    return this.ticket(this.authorised(conversationId, token), token as string);
  }

  /** POST /tokens/refresh: the token stays valid while the conversation lives; says how long that is. */
  refresh(token: string | undefined): ConversationTicket {
    if (!token) throw new DirectLineError(403, "TokenMissing", "Send the conversation's token.");
    return this.ticket(this.byTokenOrThrow(token), token);
  }

  /**
   * POST /conversations/{id}/activities: echo the activity back to the client (Web Chat
   * matches it to what it sent), queue it for the bot and answer with its id at once;
   * the replies follow when the client next fetches activities.
   */
  post(conversationId: string, token: string | undefined, body: unknown): { id: string } {
    const conversation = this.authorised(conversationId, token);
    const posted = readPosted(body);
    const id = this.nextId(conversation);
    if (posted.type === "typing") return { id };
    conversation.lastUsed = this.now();
    const timestamp = new Date(this.now()).toISOString();
    const from = (body as { from?: { name?: unknown } }).from;
    const echo: WireActivity = {
      ...posted,
      id,
      timestamp,
      channelId: WEB_CHAT_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: "user", ...(typeof from?.name === "string" ? { name: from.name.slice(0, 64) } : {}) },
      recipient: { ...WEB_CHAT_BOT },
    };
    this.deliver(conversation, echo);
    this.enqueue(conversation, echo);
    return { id };
  }

  /** GET /conversations/{id}/activities?watermark=: what the client has not seen, and the new watermark. */
  read(conversationId: string, token: string | undefined, watermark: string | undefined): { activities: WireActivity[]; watermark: string } {
    const conversation = this.authorised(conversationId, token);
    const seen = Number.parseInt(watermark ?? "", 10);
    if (Number.isSafeInteger(seen) && seen > conversation.base) {
      // The client has these: drop them, so what the user typed is held no longer than needed.
      const drop = Math.min(seen - conversation.base, conversation.pending.length);
      conversation.pending.splice(0, drop);
      conversation.base += drop;
    }
    return { activities: [...conversation.pending], watermark: String(conversation.base + conversation.pending.length) };
  }

  /** Forget every conversation idle longer than the limit (and the bot's state for it). */
  async sweep(): Promise<number> {
    const cutoff = this.now() - this.opts.idleSeconds * 1000;
    const idle = [...this.byId.values()].filter((c) => c.lastUsed < cutoff);
    for (const c of idle) await this.forget(c);
    return idle.length;
  }

  /** Forget everything (the server is stopping). */
  async clear(): Promise<void> {
    for (const c of [...this.byId.values()]) await this.forget(c);
  }

  /** Resolves when every queued turn has run (tests, and a clean shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.byId.values()].map((c) => c.queue));
  }

  private create(requestedUserId: string | undefined): { conversation: Conversation; token: string } {
    if (this.byId.size >= this.opts.maxConversations) {
      throw new DirectLineError(503, "ServiceUnavailable", "Too many conversations are open. Please try again later.");
    }
    const id = randomBytes(24).toString("base64url");
    const token = randomBytes(32).toString("base64url");
    const userId = requestedUserId && USER_ID.test(requestedUserId) ? requestedUserId : `web-user-${randomBytes(12).toString("base64url")}`;
    const conversation: Conversation = { id, tokenHash: hash(token), userId, started: false, pending: [], base: 0, lastUsed: this.now(), queue: Promise.resolve(), seq: 0 };
    this.byId.set(id, conversation);
    this.byToken.set(conversation.tokenHash.toString("hex"), id);
    return { conversation, token };
  }

  private async begin(conversation: Conversation): Promise<void> {
    conversation.started = true;
    conversation.lastUsed = this.now();
    const joined: WireActivity = {
      type: "conversationUpdate",
      id: this.nextId(conversation),
      timestamp: new Date(this.now()).toISOString(),
      channelId: WEB_CHAT_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: "user" },
      recipient: { ...WEB_CHAT_BOT },
      membersAdded: [{ id: WEB_CHAT_BOT.id, name: WEB_CHAT_BOT.name }, { id: conversation.userId }],
    };
    this.enqueue(conversation, joined);
  }

  private enqueue(conversation: Conversation, activity: WireActivity): void {
    conversation.queue = conversation.queue.then(() => this.turn(conversation, activity));
  }

  private async turn(conversation: Conversation, activity: WireActivity): Promise<void> {
    if (activity.type === "message") this.deliver(conversation, this.fromBot(conversation, { type: "typing" }, activity.id));
    let replies: Partial<Activity>[];
    try {
      replies = await this.opts.run({ ...activity, serviceUrl: this.opts.serviceUrl(), deliveryMode: "expectReplies" });
    } catch (e) {
      this.opts.onError?.(e);
      replies = [{ type: "message", text: APOLOGY }];
    }
    if (!this.byId.has(conversation.id)) return; // forgotten while the bot was answering
    for (const reply of replies) {
      if (DELIVERED.has(reply.type ?? "")) this.deliver(conversation, this.fromBot(conversation, reply, activity.id));
    }
  }

  private fromBot(conversation: Conversation, reply: Partial<Activity>, replyToId: string | undefined): WireActivity {
    const { serviceUrl: _s, deliveryMode: _d, ...rest } = reply;
    return {
      ...rest,
      type: rest.type ?? "message",
      id: this.nextId(conversation),
      timestamp: new Date(this.now()).toISOString(),
      channelId: WEB_CHAT_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { ...WEB_CHAT_BOT },
      recipient: { id: conversation.userId, role: "user" },
      ...(replyToId && rest.type !== "typing" ? { replyToId } : {}),
    };
  }

  private deliver(conversation: Conversation, activity: WireActivity): void {
    conversation.pending.push(activity);
    if (conversation.pending.length > MAX_PENDING) {
      const drop = conversation.pending.length - MAX_PENDING;
      conversation.pending.splice(0, drop);
      conversation.base += drop;
    }
  }

  /** Activity ids as the Direct Line service makes them: the conversation id and a sequence number. */
  private nextId(conversation: Conversation): string {
    conversation.seq += 1;
    return `${conversation.id}|${String(conversation.seq).padStart(7, "0")}`;
  }

  private ticket(conversation: Conversation, token: string): ConversationTicket {
    const left = Math.max(0, Math.round((conversation.lastUsed + this.opts.idleSeconds * 1000 - this.now()) / 1000));
    return { conversationId: conversation.id, token, expires_in: left };
  }

  private byTokenOrThrow(token: string): Conversation {
    const id = this.byToken.get(hash(token).toString("hex"));
    const conversation = id ? this.byId.get(id) : undefined;
    if (!conversation) throw new DirectLineError(403, "TokenExpired", "This conversation has ended or its token is not valid. Reload the page to start again.");
    return conversation;
  }

  private authorised(conversationId: string, token: string | undefined): Conversation {
    const conversation = this.byId.get(conversationId);
    if (!conversation) throw new DirectLineError(404, "ConversationNotFound", "This conversation has ended. Reload the page to start again.");
    if (!token || !timingSafeEqual(hash(token), conversation.tokenHash)) {
      throw new DirectLineError(403, "TokenInvalid", "That token is not valid for this conversation.");
    }
    return conversation;
  }

  private async forget(conversation: Conversation): Promise<void> {
    this.byId.delete(conversation.id);
    this.byToken.delete(conversation.tokenHash.toString("hex"));
    conversation.pending.length = 0;
    try {
      await this.opts.onForget?.(conversation.id);
    } catch (e) {
      this.opts.onError?.(e);
    }
  }
}

/** The parts of a posted activity the bot is given; the rest (ids, channel, conversation, sender) are set here. */
function readPosted(body: unknown): WireActivity {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new DirectLineError(400, "BadArgument", "Send an activity as a JSON object.");
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== "string" || !POSTABLE.has(a.type)) {
    throw new DirectLineError(400, "BadArgument", "Only message activities can be sent to the safeguarding assistant.");
  }
  if (Array.isArray(a.attachments) && a.attachments.length > 0) {
    throw new DirectLineError(400, "BadArgument", "Files cannot be sent to the safeguarding assistant. Please type or paste your text.");
  }
  if (a.text !== undefined && a.text !== null && typeof a.text !== "string") {
    throw new DirectLineError(400, "BadArgument", "An activity's text must be a string.");
  }
  const kept: WireActivity = { type: a.type };
  for (const key of ["text", "textFormat", "value", "locale", "entities", "channelData", "name", "localTimezone", "localTimestamp"]) {
    if (a[key] !== undefined) kept[key] = a[key];
  }
  return kept;
}
