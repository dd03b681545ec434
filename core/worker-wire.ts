import { AppError, type AppErrorCode } from "./errors.js";
import type { ThreadMemory } from "./thread-memory.js";
import { TurnAbandoned, type AbandonReason } from "./turn-scope.js";

/** Messages from the pool to a worker thread. */
export type ToWorker =
  | { type: "call"; id: number; method: string; args: unknown[] }
  | { type: "abort"; id: number; reason: AbandonReason }
  /** Report this thread's memory and its own pools' (the operator's memory profile); `collect`: after a full GC, so what is live. */
  | { type: "memory"; id: number; collect?: boolean };

/** An error as it crosses threads: enough to rebuild the application's own error types. */
export interface WireError {
  name: string;
  message: string;
  code?: AppErrorCode;
  reason?: AbandonReason;
}

/** Messages from a worker thread to the pool. */
export type FromWorker =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: WireError }
  | { type: "memory"; id: number; threads: ThreadMemory[] };

/** An error, flattened to cross a thread boundary (AppError keeps its code and safe message). */
export function toWire(e: unknown): WireError {
  if (e instanceof TurnAbandoned) return { name: e.name, message: e.message, reason: e.reason };
  if (e instanceof AppError) return { name: e.name, message: e.message, code: e.code };
  // Other errors' messages may quote input: only their type crosses.
  return { name: e instanceof Error ? e.name : typeof e, message: "internal error" };
}

/** The error a WireError stands for, on the pool's side. */
export function fromWire(w: WireError): Error {
  if (w.name === "TurnAbandoned") return new TurnAbandoned(w.reason ?? "client_gone");
  if (w.code) return new AppError(w.code, w.message);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}
