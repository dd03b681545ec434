import { spawn } from "node:child_process";
import { AppError } from "../core/errors.js";

/** Run a program with arguments (never through a shell) and collect its output. */
export function run(
  program: string,
  args: readonly string[],
  opts: { input?: Buffer; timeoutMs?: number } = {},
): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 20_000);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => {
      if (err.length < 4000) err += d.toString();
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        e.code === "ENOENT"
          ? new AppError("not_available", `Offline speech needs ${program}: install flite, sox, pocketsphinx and pocketsphinx-en-us (Debian packages).`, { cause: e })
          : e,
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr: err });
      else reject(new AppError("internal", `${program} failed (${signal ?? `exit ${code}`}).`, { cause: new Error(err) }));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.input);
  });
}
