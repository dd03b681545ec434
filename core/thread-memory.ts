import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";

/** What one thread holds, for the operator's memory profile (scripts/mem-profile.ts). Bytes. */
export interface ThreadMemory {
  /** "main", or the pool path of a worker thread ("assistant[0]", "assistant[0]/embeddings[0]"). */
  thread: string;
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the V8 heap that the thread's objects hold (array buffers included). */
  external: number;
  arrayBuffers: number;
  /** V8's own figure for this thread: the heap plus its malloced and external memory. */
  v8Total: number;
  /** Named extras a thread reports (the model's WebAssembly heap). */
  extra: Record<string, number>;
  /** Committed bytes of each V8 heap space (new_space, old_space, large_object_space...): where heapTotal goes. */
  spaces: Record<string, number>;
}

const reporters = new Map<string, () => number>();

/** Let this thread's memory profile name a figure of its own (the model reports its WebAssembly heap). */
export function reportMemory(name: string, bytes: () => number): void {
  reporters.set(name, bytes);
}

/** The memory of the calling thread (process.memoryUsage's heap figures are per thread; its rss is the process's). */
export function threadMemory(thread: string): ThreadMemory {
  const m = process.memoryUsage();
  const h = getHeapStatistics();
  const extra: Record<string, number> = {};
  for (const [name, bytes] of reporters) {
    try {
      extra[name] = bytes();
    } catch {
      // A reporter whose part has not loaded yet has nothing to say.
    }
  }
  return {
    thread,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    v8Total: h.total_heap_size + h.malloced_memory + h.external_memory,
    extra,
    spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size])),
  };
}
