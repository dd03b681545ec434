import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { load, YAML11_SCHEMA } from "js-yaml";
import { projectRoot } from "../../core/paths.js";

// Reading deployment/compose.yaml the way `docker compose` does (YAML with merge keys,
// then ${VARIABLE} interpolation from deployment/.env), so the tests run exactly the
// services and environment the file describes.

export const COMPOSE_FILE = join(projectRoot, "deployment", "compose.yaml");
export const ENV_EXAMPLE = join(projectRoot, ".env.example");

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  env_file?: string | string[];
  healthcheck?: { test: string[] | string; interval?: string; start_period?: string };
  restart?: string;
  read_only?: boolean;
  tmpfs?: string[] | string;
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  user?: string;
  volumes?: string[];
  ports?: string[];
  networks?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
}

/** Every ${NAME…} (and $NAME) in a string, `$$` (a literal $) excluded. */
export function variablesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1] ?? m[2];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** Every variable the compose file interpolates (in its values, as compose does; comments are not read). */
export function composeVariables(): string[] {
  const names = new Set<string>();
  walkStrings(rawCompose(), (s) => {
    for (const n of variablesIn(s)) names.add(n);
    return s;
  });
  return [...names].sort();
}

function walkStrings(node: unknown, f: (s: string) => string): unknown {
  if (typeof node === "string") return f(node);
  if (Array.isArray(node)) return node.map((n) => walkStrings(n, f));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walkStrings(v, f)]));
  }
  return node;
}

function rawCompose(): unknown {
  // YAML 1.1, as compose reads it: merge keys (<<: *bot) included.
  return load(readFileSync(COMPOSE_FILE, "utf8"), { schema: YAML11_SCHEMA });
}

/**
 * Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * ${VAR?error}, ${VAR:+alternative}, $VAR, and $$ for a literal dollar. A required
 * variable that is missing throws, as compose refuses to start.
 */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, arg, bare) => {
    if (whole === "$$") return "$";
    const name = (braced ?? bare) as string;
    const value = env[name];
    const unsetOrEmpty = value === undefined || value === "";
    switch (op as string | undefined) {
      case undefined:
        return value ?? "";
      case ":-":
        return unsetOrEmpty ? (arg as string) : (value as string);
      case "-":
        return value === undefined ? (arg as string) : value;
      case ":?":
        if (unsetOrEmpty) throw new Error(`compose: ${name} is required: ${arg as string}`);
        return value as string;
      case "?":
        if (value === undefined) throw new Error(`compose: ${name} is required: ${arg as string}`);
        return value;
      case ":+":
        return unsetOrEmpty ? "" : (arg as string);
      default:
        throw new Error(`compose: unsupported interpolation ${whole}`);
    }
  });
}

/** The compose file, its values interpolated with `env` (what deployment/.env would hold). */
export function loadCompose(env: Record<string, string | undefined>): ComposeFile {
  return walkStrings(rawCompose(), (s) => interpolate(s, env)) as ComposeFile;
}

/** .env.example as the operator's env file (`cp .env.example deployment/.env`). */
export function envExample(): Record<string, string> {
  return parseEnv(readFileSync(ENV_EXAMPLE, "utf8")) as Record<string, string>;
}

/** A service's `environment:` as strings. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.environment ?? {})) out[k] = v === null ? "" : String(v);
  return out;
}

/** The image's CMD from deployment/Dockerfile (the bots' command: compose does not override it). */
export function dockerfileCmd(dockerfile: string): string[] {
  const line = dockerfile.split("\n").find((l) => /^CMD\s+\[/.test(l));
  if (!line) throw new Error("deployment/Dockerfile has no exec-form CMD");
  return JSON.parse(line.replace(/^CMD\s+/, "")) as string[];
}
