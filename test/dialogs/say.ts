import type { Activity } from "botbuilder";
import type { DialogTestClient } from "botbuilder-testing";
import { activityText } from "./harness.js";

/** Send one message (or a card button's value) to a dialog under test and collect every reply's words, joined. */
export async function say(client: DialogTestClient, input: string | Partial<Activity>): Promise<string> {
  return (await replies(client, input)).map(activityText).join("\n---\n");
}

/** Send one message and return every reply activity. */
export async function replies(client: DialogTestClient, input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  const out: Partial<Activity>[] = [];
  let reply = await client.sendActivity(input as Partial<Activity>);
  while (reply) {
    out.push(reply);
    reply = client.getNextReply();
  }
  return out;
}
