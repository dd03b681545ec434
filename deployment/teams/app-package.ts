import { readFileSync } from "node:fs";
import JSZip from "jszip";
import type { Config } from "../../core/config.js";
import { AppError } from "../../core/errors.js";
import { fromRoot } from "../../core/paths.js";
import { COMMANDS } from "../../dialogs/commands.js";
import { t } from "../../messages/index.js";
import { ACCENT, colorIcon, outlineIcon } from "./icons.js";

/** The manifest template: `${{NAME}}` placeholders, filled from configuration. */
export const TEMPLATE_FILE = fromRoot("deployment", "teams", "manifest.template.json");

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** A fixed time for the zip's entries, so the same configuration gives the same package. */
const ZIP_DATE = new Date("2025-01-01T00:00:00Z");

/**
 * Fill every `${{NAME}}` in the template text. Values are JSON-escaped (they land inside
 * JSON strings); a placeholder with no value is an error naming it.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const v = values[name];
    if (v === undefined) {
      missing.add(name);
      return "";
    }
    return JSON.stringify(v).slice(1, -1);
  });
  if (missing.size > 0) throw new AppError("config", `The Teams manifest template needs values for: ${[...missing].join(", ")}.`);
  return filled;
}

/**
 * The placeholder values from configuration. The bot id is MicrosoftAppId and the tab
 * and valid domain come from PUBLIC_BASE_URL: the same names an Azure template sets.
 */
export function manifestValues(config: Config, appVersion: string): Record<string, string> {
  const problems: string[] = [];
  const botId = config.bot.appId;
  if (!botId || !GUID.test(botId)) problems.push("MicrosoftAppId must be set to the Azure Bot's app id (a GUID)");
  const appId = config.teams.appId;
  if (appId && !GUID.test(appId)) problems.push("TEAMS_APP_ID must be a GUID");
  const base = config.publicBaseUrl;
  if (!base || !base.startsWith("https://")) {
    problems.push("PUBLIC_BASE_URL must be set to the bot's public https address, e.g. https://bot.example.org");
  }
  if (problems.length > 0 || !base || !botId) throw new AppError("config", `Cannot build the Teams app package: ${problems.join("; ")}.`);
  return {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: appId ?? botId,
    MicrosoftAppId: botId,
    PUBLIC_BASE_URL: base,
    PUBLIC_HOST: new URL(base).host,
    TEAMS_DEVELOPER_NAME: config.teams.developerName,
    TEAMS_PRIVACY_URL: config.teams.privacyUrl ?? `${base}/tab/#privacy`,
    TEAMS_TERMS_URL: config.teams.termsUrl ?? `${base}/tab/#terms`,
    ACCENT_COLOR: ACCENT,
  };
}

/** The bot's command menu, one list for every scope, from the conversation's own command list. */
export function commandLists(): { scopes: string[]; commands: { title: string; description: string }[] }[] {
  return [
    {
      scopes: ["personal", "team", "groupChat"],
      commands: COMMANDS.map((c) => ({ title: c.title, description: t(c.description) })),
    },
  ];
}

/** The filled manifest as an object. */
export function buildManifest(config: Config, template = readFileSync(TEMPLATE_FILE, "utf8")): Record<string, unknown> {
  const version = (JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string }).version;
  const manifest = JSON.parse(fillPlaceholders(template, manifestValues(config, version))) as {
    bots: { commandLists: unknown }[];
  } & Record<string, unknown>;
  for (const bot of manifest.bots) bot.commandLists = commandLists();
  return manifest;
}

/** The app package Teams installs: manifest.json and the two icons, at the zip's root. */
export async function buildAppPackage(config: Config): Promise<{ manifest: Record<string, unknown>; zip: Buffer }> {
  const manifest = buildManifest(config);
  const zip = new JSZip();
  const entry = { date: ZIP_DATE };
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, entry);
  zip.file("color.png", colorIcon(), entry);
  zip.file("outline.png", outlineIcon(), entry);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
  return { manifest, zip: buffer };
}
