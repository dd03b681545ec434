/** A message as an Emulator-style caller sends it, replies returned in the response (deliveryMode expectReplies). */
export interface Reply {
  text?: string;
  attachments?: unknown[];
}

let seq = 0;

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
    body: JSON.stringify({
      type: "message",
      text,
      channelId,
      serviceUrl: "http://localhost:1",
      conversation: { id: conversation },
      from,
      recipient,
      id: `a-${++seq}`,
      deliveryMode: "expectReplies",
    }),
  });
  const body = (await res.json()) as { activities?: Reply[] };
  return { status: res.status, replies: body.activities ?? [] };
}
