import { loadEnvFile } from "node:process";
import { existsSync } from "node:fs";
import { fromRoot } from "../core/paths.js";
import { runCli } from "./main.js";

// The process entry point of `safeguard`: wire real streams to runCli.
const envFile = fromRoot(".env");
if (existsSync(envFile)) loadEnvFile(envFile);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
});
// Let stdout drain before exiting: large batch outputs are written asynchronously to pipes.
process.stdout.write("", () => process.exit(code));
