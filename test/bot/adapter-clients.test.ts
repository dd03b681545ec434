import { ConversationState, MemoryStorage, type Activity, type TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { createAdapter } from "../../bot/adapter.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";

function message(serviceUrl: string, n: number): Activity {
  return {
    type: "message",
    text: `hello ${n}`,
    channelId: "webchat",
    serviceUrl,
    conversation: { id: `c-${n}` },
    from: { id: "user" },
    recipient: { id: "bot" },
    id: `m-${n}`,
    deliveryMode: "expectReplies",
  } as Activity;
}

describe("the adapter's outbound clients", () => {
  const adapter = createAdapter(parseConfig({}), createLogger({ level: "silent" }), new ConversationState(new MemoryStorage()));
  const clientsOf = async (activity: Activity) => {
    let seen: { connector: unknown; userToken: unknown } | undefined;
    await adapter.handle("", activity, async (context: TurnContext) => {
      seen = { connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) };
      await context.sendActivity("hi");
    });
    return seen!;
  };

  it("when two turns come for the same service URL, the second reuses the first turn's clients", async () => {
    const first = await clientsOf(message("http://127.0.0.1:3978", 1));
    const second = await clientsOf(message("http://127.0.0.1:3978", 2));
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
  });

  it("when a turn comes for another service URL, it gets a connector client of its own, pointed there", async () => {
    const a = await clientsOf(message("http://127.0.0.1:3978", 3));
    const b = await clientsOf(message("http://127.0.0.1:3979", 4));
    expect(b.connector).not.toBe(a.connector);
    expect((b.connector as { baseUri?: string }).baseUri).toBe("http://127.0.0.1:3979");
  });

  it("a reply sent in an expectReplies turn comes back in the response, as before", async () => {
    const response = await adapter.handle("", message("http://127.0.0.1:3978", 5), async (context) => {
      await context.sendActivity("answer");
    });
    expect((response?.body as { activities: { text: string }[] }).activities.map((a) => a.text)).toEqual(["answer"]);
  });
});
