import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { speakable, synthesize, transcribe } from "../../speech/index.js";

// Real flite, sox and pocketsphinx from Debian's packages.

describe("offline speech", () => {
  it("text is spoken to a WAV file", async () => {
    const wav = await synthesize("If a child is in immediate danger, call 999 now.");
    expect(wav.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(wav.subarray(8, 12).toString("latin1")).toBe("WAVE");
    expect(wav.length).toBeGreaterThan(20_000);
  });

  it("a spoken question is heard back as the same words", async () => {
    const wav = await synthesize("what is a strategy discussion");
    expect((await transcribe(wav)).toLowerCase()).toContain("strategy discussion");
  });

  it("with the command grammar, a spoken command is recognised exactly", async () => {
    const wav = await synthesize("who has to be at a core group");
    expect(await transcribe(wav, "commands")).toBe("who has to be at a core group");
  });

  it("Markdown marks and links are not read out", () => {
    expect(speakable("**Call 999** now, see https://example.org/x")).toBe("Call 999 now, see");
  });

  it("empty text and a file that is not WAV are refused with a clear message", async () => {
    await expect(synthesize("  ")).rejects.toThrow(/no text to speak/);
    await expect(transcribe(Buffer.from("hello, not audio at all"))).rejects.toThrow(/must be a WAV file/);
    await expect(transcribe(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });
});

describe("speech over HTTP", () => {
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  });

  afterAll(async () => {
    await bot?.stop();
  });

  it("synthesize returns audio that transcribe turns back into the words", async () => {
    const spoken = await fetch(`${bot.url}/api/speech/synthesize`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "what happens next" }),
    });
    expect(spoken.status).toBe(200);
    expect(spoken.headers.get("content-type")).toBe("audio/wav");
    const wav = new Uint8Array(await spoken.arrayBuffer());
    const heard = await fetch(`${bot.url}/api/speech/transcribe?mode=commands`, {
      method: "POST",
      headers: { "content-type": "audio/wav" },
      body: new Blob([wav]),
    });
    expect(heard.status).toBe(200);
    expect(await heard.json()).toEqual({ text: "what happens next" });
  });

  it("a body that is not audio gets a 400 with the reason", async () => {
    const res = await fetch(`${bot.url}/api/speech/transcribe`, {
      method: "POST",
      headers: { "content-type": "audio/wav" },
      body: "not audio",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/WAV/);
  });
});
