/** A message as an Emulator-style caller sends it, replies returned in the response (deliveryMode expectReplies). */
export interface Reply {
  text?: string;
  attachments?: unknown[];
}

let seq = 0;

/**
 * One message activity as an Emulator-style caller sends it, with the replies asked for in the response
 * (deliveryMode expectReplies). Each call gets a fresh id and, unless `extra` sets one, a fresh conversation
 * named `${prefix}-N`, so tests that share a running bot never share a dialog.
 */
export function emulatorActivity(text: string | undefined, extra: Record<string, unknown> = {}, prefix = "c") {
  seq += 1;
  return {
    type: "message",
    text,
    channelId: "emulator",
    serviceUrl: "http://localhost:1",
    conversation: { id: `${prefix}-${seq}` },
    from: { id: "u1" },
    recipient: { id: "b1" },
    id: `a-${seq}`,
    deliveryMode: "expectReplies",
    ...extra,
  };
}

/** POST one message to a running bot's /api/messages; the status and the replies it returned. */
export async function postMessage(
  url: string,
  conversation: string,
  text: string,
  from = { id: "u1" },
  recipient = { id: "b1" },
  channelId = "emulator",
): Promise<{ status: number; replies: Reply[] }> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(emulatorActivity(text, { conversation: { id: conversation }, from, recipient, channelId })),
  });
  const body = (await res.json()) as { activities?: Reply[] };
  return { status: res.status, replies: body.activities ?? [] };
}
