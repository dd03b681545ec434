import { parentPort } from "node:worker_threads";
import { collectGarbage } from "./gc.js";
import { threadMemory } from "./thread-memory.js";
import { withTurnSignal } from "./turn-scope.js";
import { poolsOfThisThread } from "./worker-pool.js";
import { toWire, type FromWorker, type ToWorker } from "./worker-wire.js";

/** What a worker thread offers: named async functions taking and returning plain data. */
export type WorkerHandlers = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * The worker side of core/worker-pool.ts: build the handlers once (load models and
 * indexes), say ready, then run each call inside a turn scope whose signal the pool
 * can abort. A failed start is reported once, without a stack trace.
 */
export function serveWorker(init: () => Promise<WorkerHandlers>): void {
  const port = parentPort;
  if (!port) throw new Error("serveWorker must run in a worker thread");
  const send = (m: FromWorker) => port.postMessage(m);
  const running = new Map<number, AbortController>();
  init().then(
    (handlers) => {
      port.on("message", (m: ToWorker) => {
        if (m.type === "abort") {
          running.get(m.id)?.abort(m.reason);
          return;
        }
        if (m.type === "memory") {
          // This thread's figures, then those of the pools it started (an assistant thread's model thread).
          if (m.collect) collectGarbage();
          void Promise.all([...poolsOfThisThread].map((p) => p.memory(m.collect))).then((nested) =>
            send({ type: "memory", id: m.id, threads: [threadMemory(""), ...nested.flat()] }),
          );
          return;
        }
        const handler = handlers[m.method];
        if (!handler) {
          send({ type: "error", id: m.id, error: { name: "Error", message: `unknown method ${m.method}` } });
          return;
        }
        const controller = new AbortController();
        running.set(m.id, controller);
        withTurnSignal(controller.signal, () => (handler as (...args: unknown[]) => Promise<unknown>)(...m.args))
          .then(
            (value) => send({ type: "result", id: m.id, value }),
            (e: unknown) => send({ type: "error", id: m.id, error: toWire(e) }),
          )
          .finally(() => running.delete(m.id));
      });
      // What loading left behind goes now, not whenever this thread next fills its heap.
      collectGarbage();
      send({ type: "ready" });
    },
    (e: unknown) => send({ type: "failed", message: (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "failed to start" }),
  );
}
