import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * One full garbage collection of the calling thread, without starting Node with
 * --expose-gc. Loading an index, a risk model or a model leaves tens of megabytes of
 * garbage (files read whole, then copied or decoded; the model's weight file) that a
 * thread which does little allocating afterwards may hold for a long time, so a thread
 * calls this once when it has loaded everything, before it says it is ready.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  setFlagsFromString("--no-expose-gc");
  gc();
}

/**
 * How far past what it holds live a thread's heap grows before its next full collection, in
 * percent. V8 scales its own factor with the heap's limit (about 1.4 at 512 MB, see
 * OLD_GENERATION_MB in worker-pool.ts); every thread of the server holds far less than its
 * limit and makes garbage steadily under load, so the room between collections was most of
 * what its heap grew by. Measured with the bench's mix, 300 then 500 messages at 50 and 200
 * conversations (MEM_MIX=1 MEM_WARM=1 MEM_LOAD="50:600:0:300,200:600:0:500" node
 * dist/scripts/mem-profile.js, with and without the flag): peak RSS 395 -> 372 MB, the
 * assistant thread's heap 116 -> 108 MB and the main thread's 65 -> 59 MB after the load, CPU
 * per turn 69.7 -> 68.3 ms (a busy host; one run each).
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Set V8's heap growing factor for every thread of this process (a V8 flag is process-wide,
 * and read at each full collection, so worker threads started later follow it too). The
 * server calls this before it starts its threads; a flag on Node's command line wins.
 */
export function limitHeapGrowth(): void {
  if (process.execArgv.some((a) => a.startsWith("--heap-growing-percent"))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Let each worker thread's young generation be the size its pool gives it (core/worker-pool.ts,
 * `resourceLimits`). V8 reads --max-semi-space-size when it sets up each thread's heap, and that
 * flag, given on the command line to size the main thread (package.json's start, the image's
 * NODE_OPTIONS, the bench), wins over a thread's own limit: every thread got 4 MB semi-spaces,
 * the model thread too, whose small pool setting (pooled-embeddings.ts) was never used. The main
 * thread's heap is set up by the time this runs and keeps its size; threads started afterwards
 * take their pool's.
 */
export function letThreadsSizeTheirYoungGeneration(): void {
  setFlagsFromString("--max-semi-space-size=0");
}
