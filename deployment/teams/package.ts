import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadEnvFile } from "node:process";
import { loadConfig } from "../../core/config.js";
import { fromRoot } from "../../core/paths.js";
import { buildAppPackage } from "./app-package.js";

// `npm run teams:package [-- --out DIR]`: fill the manifest from the configuration
// (.env or the environment) and write appPackage.zip and the filled manifest.json.
const envFile = fromRoot(".env");
if (existsSync(envFile)) loadEnvFile(envFile);

const outIndex = process.argv.indexOf("--out");
const outDir = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1] as string) : fromRoot("deployment", "teams", "build");

try {
  const { manifest, zip } = await buildAppPackage(loadConfig());
  const zipFile = join(outDir, "appPackage.zip");
  mkdirSync(dirname(zipFile), { recursive: true });
  writeFileSync(zipFile, zip);
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`Wrote ${zipFile} (Teams app ${String(manifest.id)}, version ${String(manifest.version)}). Upload it in Teams: Apps > Manage your apps > Upload an app.\n`);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
