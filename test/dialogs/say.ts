import type { DialogTestClient } from "botbuilder-testing";

/** Send one message to a dialog under test and collect every reply it makes, joined. */
export async function say(client: DialogTestClient, text: string): Promise<string> {
  const replies: string[] = [];
  let reply = await client.sendActivity(text);
  while (reply) {
    replies.push(String(reply.text ?? ""));
    reply = client.getNextReply();
  }
  return replies.join("\n---\n");
}
