import { join } from "node:path";
import { readFileShared } from "../core/shared-file.js";

/**
 * Where the phrase cache (phrases.ts) is kept in an index folder: one file for compiled
 * code and one for running from source, as their fingerprints differ. This module imports
 * nothing else of the escalation code, so a thread that never reads a message (the
 * server's main thread) can find and read the file for its worker threads.
 */
export function phraseCacheFile(dir: string): string {
  return join(dir, `phrase-tries-${import.meta.url.endsWith(".ts") ? "ts" : "js"}.bin`);
}

/**
 * The phrase cache file read into memory every thread can read (null when there is none).
 * The server's assistant threads each held their own copy of the risk model's tries (26 MB);
 * given this buffer, each reads its tries from it instead (see usePhraseCacheBytes).
 */
export function readPhraseCacheShared(dir: string): SharedArrayBuffer | null {
  return readFileShared(phraseCacheFile(dir));
}
