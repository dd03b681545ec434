/**
 * `p`, or a rejection with "timed out" after `ms`. The timer is unref'd so a pending check never
 * holds the process open at shutdown; a rejection that is not an Error is wrapped so callers can
 * read `name` (the adapter tells a refused token from an unreachable key set by it).
 */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    timer.unref();
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
