import type { Request, Response, Server } from "restify";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { synthesize, transcribe, type RecognitionMode } from "../speech/index.js";

/**
 * Offline speech over HTTP, for clients without the browser's Web Speech API:
 * POST /api/speech/synthesize {"text"} → audio/wav, and POST /api/speech/transcribe
 * (an audio/wav body, ?mode=commands for the command grammar) → {"text"}. Served in
 * anonymous (local) mode only, like the web chat page. Nothing heard or said is logged.
 */
export function mountSpeech(server: Server, logger: Logger): void {
  server.post("/api/speech/synthesize", async (req: Request, res: Response) => {
    try {
      const text = (req.body as { text?: unknown } | undefined)?.text;
      if (typeof text !== "string") {
        res.json(400, { error: 'Send JSON with a "text" field.' });
        return;
      }
      const wav = await synthesize(text);
      res.writeHead(200, { "Content-Type": "audio/wav", "Content-Length": wav.length, "Cache-Control": "no-store" });
      res.end(wav);
    } catch (e) {
      fail(res, e, logger);
    }
  });

  server.post("/api/speech/transcribe", async (req: Request, res: Response) => {
    try {
      const body = req.body as unknown;
      const wav = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const mode: RecognitionMode = (req.query as { mode?: string } | undefined)?.mode === "commands" ? "commands" : "free";
      res.json(200, { text: await transcribe(wav, mode) });
    } catch (e) {
      fail(res, e, logger);
    }
  });
}

function fail(res: Response, e: unknown, logger: Logger): void {
  if (isAppError(e) && e.code === "invalid_input") {
    res.json(400, { error: e.message });
    return;
  }
  if (isAppError(e) && e.code === "not_available") {
    res.json(503, { error: e.message });
    return;
  }
  logger.error({ event: "speech_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "speech failed");
  res.json(500, { error: "Speech failed inside the assistant." });
}
