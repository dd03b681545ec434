import { readFileSync, readdirSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import JSZip from "jszip";
import pngjs from "pngjs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { fromRoot } from "../../core/paths.js";
import { COMMANDS } from "../../dialogs/commands.js";
import { buildAppPackage, fillPlaceholders, TEMPLATE_FILE } from "../../deployment/teams/app-package.js";

const { PNG } = pngjs;
const SCHEMAS = fromRoot("node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
const BOT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

const config = (extra: Record<string, string> = {}) =>
  parseConfig({ MicrosoftAppId: BOT_ID, MicrosoftAppPassword: "not-a-real-secret", PUBLIC_BASE_URL: "https://safeguarding.example.org", ...extra });

/** The newest numbered manifest schema the npm package ships (v1.30 and so on; not the dev preview). */
function newestSchemaVersion(): string {
  const versions = readdirSync(SCHEMAS).filter((d) => /^v\d+\.\d+$/.test(d)).map((d) => d.slice(1));
  return versions.sort((a, b) => {
    const [am, an] = a.split(".").map(Number) as [number, number];
    const [bm, bn] = b.split(".").map(Number) as [number, number];
    return am - bm || an - bn;
  }).at(-1) as string;
}

/** Validate with the schema shipped in @microsoft/app-manifest, as the Teams toolkit does (draft-04, ajv). */
function schemaErrors(manifest: Record<string, unknown>): string[] {
  const text = readFileSync(`${SCHEMAS}/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`, "utf8");
  // The published schema has a "\a" in a regex that JavaScript's RegExp rejects; the toolkit makes the same substitution.
  const schema = JSON.parse(text.replace(/\\a/g, "\\x07")) as object;
  // CommonJS packages: their class and function are on `.default` under Node's ESM loader.
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false, strict: false });
  ajvFormats.default(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const z = await JSZip.loadAsync(zip);
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(z.files)) files.set(name, await (z.file(name) as JSZip.JSZipObject).async("nodebuffer"));
  return files;
}

describe("the Teams app package", () => {
  it("the filled manifest is valid against the newest schema shipped in @microsoft/app-manifest", async () => {
    const { manifest } = await buildAppPackage(config());
    expect(manifest.manifestVersion).toBe(newestSchemaVersion());
    expect(schemaErrors(manifest)).toEqual([]);
    // The validator is live: a manifest with a broken id or a stray field fails it.
    expect(schemaErrors({ ...manifest, id: "${MicrosoftAppId}" }).join()).toMatch(/\/id/);
    expect(schemaErrors({ ...manifest, supportsFiles: true }).length).toBeGreaterThan(0);
  });

  it("the zip holds exactly manifest.json and the two icons at its root, and the manifest in it is the filled one", async () => {
    const { manifest, zip } = await buildAppPackage(config());
    const files = await unzip(zip);
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const inZip = JSON.parse((files.get("manifest.json") as Buffer).toString("utf8")) as Record<string, unknown>;
    expect(inZip).toEqual(manifest);
    expect(JSON.stringify(inZip)).not.toContain("${{");
  });

  it("the colour icon is 192×192 and the outline icon 32×32, white on a transparent background", async () => {
    const files = await unzip((await buildAppPackage(config())).zip);
    const color = PNG.sync.read(files.get("color.png") as Buffer);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(files.get("outline.png") as Buffer);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]] as number[];
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    }
    // Mostly background, with a real drawn outline, and transparent corners.
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(40);
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(outline.data[(y * 32 + x) * 4 + 3]).toBe(0);
    // The colour icon is drawn, not blank: the accent and white both appear.
    const colours = new Set<string>();
    for (let i = 0; i < color.data.length; i += 4) if (color.data[i + 3] === 255) colours.add(`${color.data[i]},${color.data[i + 1]},${color.data[i + 2]}`);
    expect(colours.has("29,79,145")).toBe(true);
    expect(colours.has("255,255,255")).toBe(true);
  });

  it("the bot id, app id, tab and valid domain come from MicrosoftAppId and PUBLIC_BASE_URL", async () => {
    const { manifest } = await buildAppPackage(config({ TEAMS_APP_ID: "9b2f1a00-1111-4222-8333-444455556666" }));
    const m = manifest as {
      id: string;
      bots: { botId: string; supportsFiles: boolean; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
      staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
      validDomains: string[];
      permissions?: string[];
    };
    expect(m.id).toBe("9b2f1a00-1111-4222-8333-444455556666");
    expect(m.bots[0]?.botId).toBe(BOT_ID);
    expect(m.bots[0]?.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    // Records go as a download link, not as files, and nothing needs extra permissions.
    expect(m.bots[0]?.supportsFiles).toBe(false);
    expect(m.permissions ?? []).toEqual([]);
    expect(m.validDomains).toEqual(["safeguarding.example.org"]);
    const tab = m.staticTabs.find((s) => s.contentUrl);
    expect(tab?.contentUrl).toBe("https://safeguarding.example.org/tab/");
    expect(tab?.scopes).toEqual(["personal"]);
    // The chat stays beside the tab in the personal app.
    expect(m.staticTabs.some((s) => s.entityId === "conversations")).toBe(true);
    expect(m.bots[0]?.commandLists[0]?.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    expect(m.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(COMMANDS.map((c) => c.title));
  });

  it("without a bot id or a public https address the package is refused, naming the variables", async () => {
    await expect(buildAppPackage(parseConfig({}))).rejects.toThrow(/MicrosoftAppId.*PUBLIC_BASE_URL/);
    await expect(buildAppPackage(config({ PUBLIC_BASE_URL: "http://safeguarding.example.org" }))).rejects.toThrow(/PUBLIC_BASE_URL/);
    await expect(buildAppPackage(config({ TEAMS_APP_ID: "not-a-guid" }))).rejects.toThrow(/TEAMS_APP_ID/);
  });

  it("every placeholder in the template is filled, values are JSON-escaped, and an unknown one is an error", () => {
    const names = [...readFileSync(TEMPLATE_FILE, "utf8").matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(5);
    expect(fillPlaceholders('{"a":"${{X}}"}', { X: 'say "hi"\\' })).toBe('{"a":"say \\"hi\\"\\\\"}');
    expect(() => fillPlaceholders('{"a":"${{NOPE}}"}', {})).toThrow(/NOPE/);
  });
});
