import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { fromRoot } from "../core/paths.js";

/** Where the tab's bundle is written, and where the server reads it from. */
export const TAB_BUNDLE = fromRoot("dist", "tab", "tab.js");

/**
 * Bundle the Teams tab's browser code (tab/, with @microsoft/teams-js and zod) into one
 * script. `npm run build` runs this after compiling the server.
 */
export async function buildTab(outfile = TAB_BUNDLE): Promise<string> {
  await build({
    entryPoints: [fromRoot("tab", "main.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2020"],
    minify: true,
    sourcemap: false,
    legalComments: "eof",
    tsconfig: fromRoot("tab", "tsconfig.json"),
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildTab();
  process.stdout.write(`Built the Teams tab: ${out}\n`);
}
