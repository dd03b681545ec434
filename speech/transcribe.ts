import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { invalidInput } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { run } from "./run.js";

/** Largest recording accepted (about a minute of 16 kHz mono audio). */
export const MAX_AUDIO_BYTES = 2 * 1024 * 1024;

export type RecognitionMode = "free" | "commands";

/**
 * Speech to text with pocketsphinx (offline). Any WAV is converted to the 16 kHz mono
 * 16-bit form the model expects with sox. "commands" restricts recognition to the
 * bot's spoken commands (a JSGF grammar), which makes them far more reliable.
 * The recording only ever sits in a temporary folder that is always removed.
 */
export async function transcribe(wav: Buffer, mode: RecognitionMode = "free"): Promise<string> {
  if (wav.length === 0) throw invalidInput("The recording is empty.");
  if (wav.length > MAX_AUDIO_BYTES) throw invalidInput("The recording is too long: please keep it under a minute.");
  if (wav.subarray(0, 4).toString("latin1") !== "RIFF" || wav.subarray(8, 12).toString("latin1") !== "WAVE") {
    throw invalidInput("The recording must be a WAV file.");
  }
  const dir = await mkdtemp(join(tmpdir(), "sg-stt-"));
  try {
    const input = join(dir, "in.wav");
    const audio = join(dir, "16k.wav");
    await writeFile(input, wav, { mode: 0o600 });
    await run("sox", [input, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", audio]);
    const args = ["-infile", audio, "-logfn", "/dev/null"];
    if (mode === "commands") args.push("-jsgf", fromRoot("speech", "commands.gram"));
    const { stdout } = await run("pocketsphinx_continuous", args, { timeoutMs: 30_000 });
    return stdout.toString("utf8").replace(/\s+/g, " ").trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
