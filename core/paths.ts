import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root (the folder holding package.json). Code runs both from source
 * (vitest, tsx) and from dist/, so data paths are resolved from the root, not from
 * the module's own folder.
 */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "knowledge"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, "..");
    dir = parent;
  }
}

/** Resolve a path relative to the project root (absolute paths pass through). */
export function fromRoot(...parts: string[]): string {
  return resolve(projectRoot, ...parts);
}
