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

/** Check a parsed request body; the message is safe to return to the caller. */
export function guardActivity(body: unknown): GuardResult {
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
  return { ok: true };
}
