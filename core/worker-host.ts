import { parentPort } from "node:worker_threads";
import { withTurnSignal } from "./turn-scope.js";
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
      send({ type: "ready" });
    },
    (e: unknown) => send({ type: "failed", message: (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "failed to start" }),
  );
}
