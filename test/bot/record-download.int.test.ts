import { randomUUID } from "node:crypto";
import { readdirSync, statSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../assistant/index.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { projectRoot } from "../../core/paths.js";
import { start, type RunningBot } from "../../bot/server.js";
import { renderDocx } from "../../records/index.js";
import { completeRecord } from "../records/fixtures.js";

// "Download as Word" on the record card, through POST /api/messages on the real server.

type Card = { body?: unknown[]; actions?: { type: string; title: string; url?: string }[] };
type Activity = { type: string; text?: string; attachments?: { contentType: string; content: Card }[] };

let assistant: Assistant;
let local: RunningBot;
let deployed: RunningBot;
const startedAt = Date.now();
const marker = `MARKER-${randomUUID()}`;

beforeAll(async () => {
  const config = parseConfig({});
  assistant = await createAssistant({ config });
  local = await start({ port: 0, host: "127.0.0.1", config, assistant, logger: createLogger({ level: "silent" }) });
  deployed = await start({
    port: 0,
    host: "127.0.0.1",
    config: parseConfig({ PUBLIC_BASE_URL: "https://safeguarding.example.org" }),
    assistant,
    logger: createLogger({ level: "silent" }),
  });
  await Promise.all([local.ready, deployed.ready]);
});

afterAll(async () => {
  await local?.stop();
  await deployed?.stop();
});

async function say(bot: RunningBot, conversation: string, text: string): Promise<Activity[]> {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      text,
      channelId: "msteams",
      serviceUrl: "http://127.0.0.1:1",
      conversation: { id: conversation, conversationType: "personal" },
      from: { id: "29:alice" },
      recipient: { id: "28:bot" },
      id: randomUUID(),
      deliveryMode: "expectReplies",
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Activity[] }).activities;
}

/** Draft a record from notes, skipping whatever the bot still asks, until the record card arrives; its Word link. */
async function draftLink(bot: RunningBot, conversation: string): Promise<string | undefined> {
  const notes = JSON.stringify({ ...completeRecord(), concerns: `Infant with unexplained bruising. ${marker}` });
  let replies = await say(bot, conversation, `draft: ${notes}`);
  for (let i = 0; i < 15; i++) {
    const action = replies.flatMap((a) => a.attachments ?? []).flatMap((att) => att.content.actions ?? []).find((a) => a.title === "Download as Word");
    if (action) return action.url;
    if (replies.some((a) => JSON.stringify(a).includes("Strategy discussion record"))) return undefined;
    replies = await say(bot, conversation, "skip");
  }
  throw new Error("the record card never came");
}

/** Word files changed since the test started, under a folder, whose document text holds `text`. */
async function wordFilesHolding(dir: string, text: string, depth = 4): Promise<string[]> {
  const found: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    if (["node_modules", ".git", "dist"].includes(name)) continue;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory() && depth > 0) found.push(...(await wordFilesHolding(path, text, depth - 1)));
    else if (st.isFile() && st.mtimeMs >= startedAt && st.size < 5_000_000) {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, 2).toString() !== "PK") continue;
      const xml = await JSZip.loadAsync(bytes).then((z) => z.file("word/document.xml")?.async("string"), () => undefined);
      if (xml?.includes(text)) found.push(path);
    }
  }
  return found;
}

describe("a drafted record as a Word download", () => {
  let link: string | undefined;

  it("the record card links to the Word file on this server, at the address the request came to", async () => {
    link = await draftLink(local, `a:${randomUUID()}`);
    expect(link).toMatch(new RegExp(`^${local.url}/api/records/[A-Za-z0-9_-]{43}\\.docx$`));
  });

  it("the link serves a valid Word document holding the draft, with a safe filename and no caching", async () => {
    const res = await fetch(link as string);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toBe('attachment; filename="strategy-discussion-record-2025-05-14.docx"');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files)).toContain("[Content_Types].xml");
    expect(await zip.file("word/document.xml")?.async("string")).toContain(marker);
  });

  it("an unknown or malformed token is a 404 that names nothing", async () => {
    for (const path of [`/api/records/${"A".repeat(43)}.docx`, "/api/records/nope.docx", `${new URL(link as string).pathname.replace(".docx", ".pdf")}`]) {
      const res = await fetch(`${local.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("deployed with PUBLIC_BASE_URL, the link uses the public address", async () => {
    const deployedLink = await draftLink(deployed, `a:${randomUUID()}`);
    expect(deployedLink).toMatch(/^https:\/\/safeguarding\.example\.org\/api\/records\/[A-Za-z0-9_-]{43}\.docx$/);
    // The same token is served by the instance that drafted it.
    const res = await fetch(`${deployed.url}${new URL(deployedLink as string).pathname}`);
    expect(res.status).toBe(200);
  });

  it("nothing was written to disk: no Word file with this draft in the project or the temporary folder", async () => {
    // The search finds a Word file with the text when there is one...
    const probe = await mkdtemp(join(tmpdir(), "sg-probe-"));
    const other = `PROBE-${randomUUID()}`;
    await writeFile(join(probe, "probe.docx"), await renderDocx({ record: { ...completeRecord(), concerns: other }, gaps: [], deadlines: [], warnings: [], missing: [] }));
    expect(await wordFilesHolding(tmpdir(), other, 2)).toHaveLength(1);
    await rm(probe, { recursive: true });
    // ...and finds none with this test's drafts.
    expect([...(await wordFilesHolding(projectRoot, marker)), ...(await wordFilesHolding(tmpdir(), marker, 2))]).toEqual([]);
  });
});
