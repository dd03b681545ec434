import { z } from "zod";

/**
 * The minimum an incoming activity must carry before it reaches the Bot Framework
 * adapter. The adapter's own checks let some malformed bodies through to code that
 * then crashes (a missing `conversation` becomes a 500); we answer those with a 400.
 */
const ActivityShape = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(256),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  from: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  recipient: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
  text: z.string().optional().nullable(),
});

export type GuardResult = { ok: true } | { ok: false; status: number; error: string };

/** Where an anonymous (local) bot may send replies. */
export interface ReplyPolicy {
  /** No credentials: nobody vouches for the caller, so its serviceUrl is not trusted. */
  anonymous: boolean;
  /** The Bot Framework Emulator's URL, the one address an anonymous bot may post to. */
  emulatorServiceUrl?: string | undefined;
}

/**
 * Check a parsed request body; the message is safe to return to the caller. In
 * anonymous mode a reply goes back in the HTTP response (deliveryMode "expectReplies")
 * or to the configured Emulator, never to whatever serviceUrl a request names: that
 * would let anyone make the bot POST to an address of their choosing.
 */
export function guardActivity(body: unknown, policy: ReplyPolicy = { anonymous: false }): GuardResult {
  if (body === undefined || body === null || (typeof body === "string" && body.trim() === "")) {
    return { ok: false, status: 400, error: "The request body is empty: send a Bot Framework activity as JSON." };
  }
  if (typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, status: 400, error: "The request body must be a JSON object (a Bot Framework activity)." };
  }
  const parsed = ActivityShape.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "activity"))].slice(0, 5);
    return { ok: false, status: 400, error: `The activity is missing or has invalid fields: ${fields.join(", ")}.` };
  }
  if (policy.anonymous && !repliesAllowed(body as { deliveryMode?: unknown; serviceUrl: string }, policy.emulatorServiceUrl)) {
    return {
      ok: false,
      status: 400,
      error:
        'Without Bot Framework credentials the bot only replies in the response: send deliveryMode "expectReplies" ' +
        "(or set EMULATOR_SERVICE_URL to the Bot Framework Emulator's URL).",
    };
  }
  return { ok: true };
}

function repliesAllowed(activity: { deliveryMode?: unknown; serviceUrl: string }, emulator: string | undefined): boolean {
  if (activity.deliveryMode === "expectReplies") return true;
  if (!emulator) return false;
  try {
    return new URL(activity.serviceUrl).origin === new URL(emulator).origin;
  } catch {
    return false;
  }
}
