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
