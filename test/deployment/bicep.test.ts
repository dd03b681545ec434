import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { parseBicep, type BicepFile, type BicepResource } from "./bicep.js";

// deployment/azure/main.bicep, parsed with the tree-sitter Bicep grammar and checked for
// what the issue asks of it. Neither the Bicep CLI nor Azure can be reached from here:
// `az bicep build` and a deployment were not run (README, "What was not run here").

/**
 * API versions the template may use: each checked against the published REST
 * specifications (Azure/azure-rest-api-specs, stable folders) when it was written.
 */
const KNOWN_API_VERSIONS: Record<string, string[]> = {
  "Microsoft.ManagedIdentity/userAssignedIdentities": ["2023-01-31"],
  "Microsoft.OperationalInsights/workspaces": ["2023-09-01"],
  "Microsoft.KeyVault/vaults": ["2023-07-01"],
  "Microsoft.KeyVault/vaults/secrets": ["2023-07-01"],
  "Microsoft.Authorization/roleAssignments": ["2022-04-01"],
  "Microsoft.Cache/redisEnterprise": ["2025-07-01"],
  "Microsoft.Cache/redisEnterprise/databases": ["2025-07-01"],
  "Microsoft.ContainerRegistry/registries": ["2023-07-01"],
  "Microsoft.App/managedEnvironments": ["2025-01-01"],
  "Microsoft.App/containerApps": ["2025-01-01"],
  "Microsoft.BotService/botServices": ["2022-09-15"],
  "Microsoft.BotService/botServices/channels": ["2022-09-15"],
};

/** Settings that are secrets: in the app they may only come from Key Vault references. */
const SECRET_SETTINGS = ["REDIS_URL", "STATE_ENCRYPTION_KEY", "STATE_ENCRYPTION_KEY_PREVIOUS", "METRICS_TOKEN", "MicrosoftAppPassword", "LLM_API_KEY"];

const text = readFileSync(join(projectRoot, "deployment", "azure", "main.bicep"), "utf8");
const parameters = JSON.parse(readFileSync(join(projectRoot, "deployment", "azure", "main.parameters.json"), "utf8")) as {
  $schema: string;
  parameters: Record<string, { value: unknown }>;
};
let bicep: BicepFile;
beforeAll(async () => {
  bicep = await parseBicep(text);
});

function resource(type: string): BicepResource {
  const found = bicep.resources.filter((r) => r.type === type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

describe("deployment/azure/main.bicep", () => {
  it("parses without a syntax error, and every name it uses is declared", () => {
    expect(bicep.errors).toEqual([]);
    expect(bicep.undeclared).toEqual([]);
    const builtins = ["concat", "empty", "guid", "json", "resourceGroup", "string", "subscriptionResourceId", "take", "tenant", "uniqueString"];
    for (const f of bicep.functions) expect(builtins, `unknown function ${f}`).toContain(f);
  });

  it("uses only stable API versions that exist for each resource type", () => {
    for (const r of bicep.resources) {
      expect(r.apiVersion, r.type).not.toMatch(/preview/);
      expect(KNOWN_API_VERSIONS[r.type], `${r.type}@${r.apiVersion}`).toContain(r.apiVersion);
    }
  });

  it("documents every parameter, and takes secrets only as @secure() parameters without a value", () => {
    for (const p of bicep.params) expect(p.decorators.some((d) => d.startsWith("@description(")), p.name).toBe(true);
    for (const name of ["stateEncryptionKey", "previousStateEncryptionKey", "metricsToken"]) {
      const p = bicep.params.find((x) => x.name === name)!;
      expect(p.decorators, name).toContain("@secure()");
      expect([undefined, "''"]).toContain(p.default);
    }
    for (const p of bicep.params.filter((x) => /key|token|password|secret/i.test(x.name))) expect(p.decorators, p.name).toContain("@secure()");
  });

  it("registers the bot with a user-assigned managed identity (no password), as new Azure Bots must be", () => {
    const bot = resource("Microsoft.BotService/botServices");
    expect(bot.body).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot.body).toContain("msaAppId: identity.properties.clientId");
    expect(bot.body).toContain("msaAppMSIResourceId: identity.id");
    expect(bot.body).toContain("msaAppTenantId: tenant().tenantId");
    expect(bot.body).toMatch(/endpoint: 'https:\/\/\$\{app\.properties\.configuration\.ingress\.fqdn\}\/api\/messages'/);
    expect(text).not.toMatch(/MultiTenant/);
    expect(text).not.toMatch(/MicrosoftAppPassword/);
    resource("Microsoft.ManagedIdentity/userAssignedIdentities");
  });

  it("connects the Microsoft Teams channel", () => {
    const teams = resource("Microsoft.BotService/botServices/channels");
    expect(teams.body).toContain("name: 'MsTeamsChannel'");
    expect(teams.body).toContain("channelName: 'MsTeamsChannel'");
    expect(teams.body).toContain("isEnabled: true");
  });

  it("runs the bot on Container Apps, two replicas or more and never scaled to zero, with liveness, readiness and start-up probes", () => {
    const app = resource("Microsoft.App/containerApps");
    const min = bicep.params.find((p) => p.name === "minReplicas")!;
    expect(Number(min.default)).toBeGreaterThanOrEqual(2);
    expect(min.decorators).toContain("@minValue(2)");
    expect(app.body).toContain("minReplicas: minReplicas");
    expect(app.body).toMatch(/type: 'Liveness'\s+httpGet: \{\s+path: '\/healthz'/);
    expect(app.body).toMatch(/type: 'Readiness'\s+httpGet: \{\s+path: '\/readyz'/);
    expect(app.body).toMatch(/type: 'Startup'\s+httpGet: \{\s+path: '\/readyz'/);
    expect(app.body).toContain("targetPort: 3978");
    expect(app.body).toContain("allowInsecure: false");
    // The process must be done (SHUTDOWN_GRACE_SECONDS + 1 s backstop) before the platform's kill.
    const grace = Number(/terminationGracePeriodSeconds: (\d+)/.exec(app.body)?.[1]);
    const shutdown = Number(/name: 'SHUTDOWN_GRACE_SECONDS', value: '(\d+)'/.exec(text)?.[1]);
    expect(shutdown + 1).toBeLessThan(grace);
  });

  it("keeps state in Azure Managed Redis over TLS, one endpoint, with persistence", () => {
    expect(resource("Microsoft.Cache/redisEnterprise").body).toContain("minimumTlsVersion: '1.2'");
    const db = resource("Microsoft.Cache/redisEnterprise/databases");
    expect(db.body).toContain("clientProtocol: 'Encrypted'");
    expect(db.body).toContain("clusteringPolicy: 'NoCluster'");
    expect(db.body).toContain("aofEnabled: true");
    expect(text).toMatch(/'rediss:\/\/:\$\{redisDatabase\.listKeys\(\)\.primaryKey\}@\$\{redis\.properties\.hostName\}:10000'/);
  });

  it("gives the app every secret by Key Vault reference, read with the managed identity, never as a plain value", () => {
    const vault = resource("Microsoft.KeyVault/vaults");
    expect(vault.body).toContain("enableRbacAuthorization: true");
    expect(vault.body).toContain("enablePurgeProtection: true");
    expect(text).toContain("4633458b-17de-408a-b874-0445c86b69e6"); // Key Vault Secrets User
    for (const setting of SECRET_SETTINGS) {
      for (const m of text.matchAll(new RegExp(`\\{ name: '${setting}', ([^}]*)\\}`, "g"))) expect(m[1], setting).toMatch(/^secretRef: '/);
    }
    const app = resource("Microsoft.App/containerApps");
    expect(app.body).toContain("secrets: secretRefs");
    const secretsVar = /var secretRefs = concat\(([\s\S]*?)\n\)/.exec(text)![1]!;
    expect(secretsVar).not.toMatch(/\bvalue:/);
    expect((secretsVar.match(/keyVaultUrl:/g) ?? []).length).toBe((secretsVar.match(/identity: identity\.id/g) ?? []).length);
  });

  it("sends the containers' logs to Log Analytics", () => {
    resource("Microsoft.OperationalInsights/workspaces");
    expect(resource("Microsoft.App/managedEnvironments").body).toContain("destination: 'log-analytics'");
  });

  it("outputs the bot id and the public address the Teams app package needs", () => {
    const outputs = bicep.outputs.map((o) => o.name);
    for (const name of ["microsoftAppId", "publicBaseUrl", "botDomain", "messagingEndpoint", "microsoftAppTenantId"]) expect(outputs).toContain(name);
    for (const o of bicep.outputs) expect(o.decorators.some((d) => d.startsWith("@description(")), o.name).toBe(true);
  });

  it("the README's deployment steps name only parameters and outputs the template has, and every output", () => {
    const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Deploy for your organisation"), readme.indexOf("\n## ", readme.indexOf("## Deploy for your organisation") + 3));
    expect(section.length).toBeGreaterThan(1000);
    const named = new Set([...section.matchAll(/`([a-z]+[A-Z][A-Za-z]*)`/g)].map((m) => m[1]!));
    const declared = [...bicep.params.map((p) => p.name), ...bicep.outputs.map((o) => o.name)];
    for (const name of named) expect(declared, `README names ${name}`).toContain(name);
    for (const o of bicep.outputs) expect(named, `output ${o.name} is not in the README`).toContain(o.name);
  });

  it("the parameters file names only parameters the template declares, and holds no secret", () => {
    expect(parameters.$schema).toContain("deploymentParameters.json");
    const declared = bicep.params.map((p) => p.name);
    for (const name of Object.keys(parameters.parameters)) expect(declared, name).toContain(name);
    for (const p of bicep.params.filter((x) => x.decorators.includes("@secure()"))) expect(parameters.parameters[p.name], p.name).toBeUndefined();
    // What has no default and is not in the file is given on the command line (README).
    const required = bicep.params.filter((p) => p.default === undefined && !(p.name in parameters.parameters)).map((p) => p.name);
    expect(required.sort()).toEqual(["containerImage", "stateEncryptionKey"]);
  });
});
