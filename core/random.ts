/**
 * mulberry32: a small seeded generator. Generated data, note variations and the bench's
 * workload use it so the same seed gives the same lines on every run and a failure can
 * be replayed.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of numbers in [0, 1), as `seeded` returns. */
export type Rng = () => number;

/** One of `xs`, chosen by `r`. */
export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** True with probability `p`. */
export function chance(r: Rng, p: number): boolean {
  return r() < p;
}
