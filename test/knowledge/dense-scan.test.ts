import { describe, expect, it } from "vitest";
import { dot, dots } from "../../knowledge/search.js";

/** Rows as the index loads them: views laid end to end in one buffer (store.ts). */
function packed(count: number, d: number, seed: number): Float32Array[] {
  const flat = new Float32Array(count * d);
  let x = seed;
  for (let i = 0; i < flat.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    flat[i] = x / 2147483648 - 0.5;
  }
  return Array.from({ length: count }, (_, r) => flat.subarray(r * d, (r + 1) * d));
}

describe("scanning every vector of the index (dots)", () => {
  const v = packed(1, 512, 7)[0]!;

  it("when the rows are laid end to end, each score is dot's to the bit, whatever the number of rows left after the blocks of four", () => {
    for (const count of [1, 2, 3, 4, 5, 6, 7, 40, 41, 42, 43]) {
      const rows = packed(count, 512, count);
      const got = dots(rows, v);
      rows.forEach((row, r) => expect(Object.is(got[r], dot(v, row))).toBe(true));
    }
  });

  it("when the rows are separate arrays or of another length, it falls back to dot per row", () => {
    const separate = packed(5, 512, 3).map((row) => Float32Array.from(row));
    const got = dots(separate, v);
    separate.forEach((row, r) => expect(got[r]).toBe(dot(v, row)));
    const short = packed(3, 6, 5);
    const w = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const s = dots(short, w);
    short.forEach((row, r) => expect(s[r]).toBe(dot(w, row)));
  });

  it("an empty list scores nothing", () => {
    expect(dots([], v).length).toBe(0);
  });
});
