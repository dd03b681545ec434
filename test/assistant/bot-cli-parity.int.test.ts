import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import { Assistant } from "../../assistant/index.js";
import { runCli, type CliIO } from "../../cli/main.js";
import { fixedClock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { MemberDialogState } from "../../bot/member-state.js";
import { SafeguardingBot } from "../../bot/safeguarding-bot.js";
import { TurnReader } from "../../bot/turn-reader.js";
import { activityText } from "../dialogs/harness.js";
import cases from "./parity-cases.json" with { type: "json" };

// The bot and the CLI are two edges over the same use cases: the same message must get the
// same content through both (the real index, models and calendar).
const config = parseConfig({});
const assistant = new Assistant({ config, clock: fixedClock("2025-06-12T12:00:00Z") });
let adapter: TestAdapter;

beforeAll(async () => {
  await assistant.warmUp();
  const bot = new SafeguardingBot({
    assistant,
    dialogState: new MemberDialogState(new MemoryStorage()),
    dialog: new MainDialog({ assistant, calculator: await assistant.calculator() }),
    logger: createLogger({ level: "silent", userText: false }),
  });
  adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new TurnReader(assistant, { debugTraces: false }));
});

let seq = 0;
async function viaBot(text: string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.length = 0;
  seq += 1;
  await adapter.processActivity({ type: "message", text, channelId: "webchat", conversation: { id: `parity-${seq}` }, from: { id: "u" }, recipient: { id: "b" } } as Partial<Activity>);
  return [...adapter.activeQueue];
}

async function viaCli(command: string, text: string): Promise<Record<string, unknown>> {
  const out: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(String(s)), stderr: () => undefined, readStdin: async () => "" };
  await runCli([command, text, "--json"], io, { config, assistant });
  return JSON.parse(out.join("")) as Record<string, unknown>;
}

const SIGNPOST_HEADINGS = /A child may be in immediate danger|You can talk to someone now|Report this concern|Advice is available/;

describe("the bot and the CLI say the same thing", () => {
  it.each(cases)('"$text"', async ({ text, cli }) => {
    const [fromCli, replies] = await Promise.all([viaCli(cli, text), viaBot(text)]);
    const words = replies.map(activityText).join("\n");
    // The same signpost, shown first.
    const signpost = fromCli.signpost as { level: string } | null;
    if (signpost) expect(activityText(replies[0] ?? {})).toMatch(SIGNPOST_HEADINGS);
    else expect(words).not.toMatch(SIGNPOST_HEADINGS);
    if (cli === "ask") {
      const answer = String(fromCli.answer);
      // An answer the bot holds back after an urgent signpost is the only difference allowed.
      if (fromCli.covered || !signpost || !["999", "childline"].includes(signpost.level)) {
        const lead = answer.split("\n")[0]!.slice(0, 120);
        expect(words).toContain(lead);
        for (const c of fromCli.citations as { quote: string }[]) expect(words).toContain(c.quote.slice(0, 60));
      }
    } else {
      expect(words).toContain(String(fromCli.stage_title));
      for (const step of fromCli.steps as { title: string }[]) expect(words).toContain(step.title);
    }
  });
});
