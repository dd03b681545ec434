#!/usr/bin/env node
// The `safeguard` command. Runs the compiled CLI (npm install builds it).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/run.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("safeguard: not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n");
  process.exit(3);
}
await import(main.href);
