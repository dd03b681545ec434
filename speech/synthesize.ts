import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { invalidInput } from "../core/errors.js";
import { run } from "./run.js";

/** Longest text spoken in one go: a signpost or a short answer, not a document. */
export const MAX_SPEECH_CHARS = 2000;

/** Make text speakable: no Markdown marks, no URLs read out letter by letter. */
export function speakable(text: string): string {
  return text
    .replace(/\*\*|__|`|#+ /g, "")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Text to speech with flite (offline). Returns a WAV file. The text is passed as an
 * argument, never through a shell, and the temporary folder is always removed.
 */
export async function synthesize(text: string): Promise<Buffer> {
  const words = speakable(text);
  if (words === "") throw invalidInput("There is no text to speak.");
  if (words.length > MAX_SPEECH_CHARS) throw invalidInput(`That is too long to speak (the limit is ${MAX_SPEECH_CHARS} characters).`);
  const dir = await mkdtemp(join(tmpdir(), "sg-tts-"));
  try {
    const out = join(dir, "speech.wav");
    // slt is flite's clearest built-in voice (and the one pocketsphinx recognises best).
    await run("flite", ["-voice", "slt", "-t", words, "-o", out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
