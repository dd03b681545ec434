import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The CommonJS packages a fresh Node process holds after importing `modules` (from source, through tsx). */
function packagesLoadedBy(modules: string[]): string[] {
  const script = [
    `for (const m of ${JSON.stringify(modules)}) await import(m);`,
    `const { createRequire } = await import("node:module");`,
    `console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
  ].join("\n");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as string[];
}

describe("what the server's main thread loads for its dialogs", () => {
  it("the bot and its dialogs load botbuilder-dialogs without the prompts' text recognizers", () => {
    const loaded = packagesLoadedBy([`${root}bot/safeguarding-bot.ts`, `${root}dialogs/main-dialog.ts`]);
    // The dialogs are really there...
    expect(loaded.some((p) => p.includes("botbuilder-dialogs/lib/componentDialog.js"))).toBe(true);
    // ...and the recognizers (16 MB of heap on the main thread) are not.
    expect(loaded.filter((p) => p.includes("@microsoft/recognizers-text"))).toEqual([]);
  }, 90_000);
});
