import pngjs from "pngjs";

const { PNG } = pngjs;

/** The app's accent colour (also the manifest's accentColor). */
export const ACCENT = "#1D4F91";

type Point = readonly [number, number];

/**
 * The shield, in unit coordinates (0..1, y down): a flat top, straight sides and
 * curved lower edges meeting at a point. Curves are flattened to short segments.
 */
function shield(inset = 0): Point[] {
  const top = 0.14 + inset;
  const left = 0.2 + inset;
  const right = 0.8 - inset;
  const shoulder = 0.5;
  const tip = 0.88 - inset * 1.6;
  const curve = (from: Point, ctrl: Point, to: Point): Point[] =>
    Array.from({ length: 12 }, (_, i) => {
      const t = (i + 1) / 12;
      const u = 1 - t;
      return [u * u * from[0] + 2 * u * t * ctrl[0] + t * t * to[0], u * u * from[1] + 2 * u * t * ctrl[1] + t * t * to[1]] as const;
    });
  return [
    [left, top],
    [right, top],
    [right, shoulder],
    ...curve([right, shoulder], [right, tip - 0.12], [0.5, tip]),
    ...curve([0.5, tip], [left, tip - 0.12], [left, shoulder]),
  ];
}

/** A tick inside the shield, as a thick polyline's outline. */
const TICK: Point[] = [
  [0.33, 0.47],
  [0.45, 0.59],
  [0.68, 0.34],
  [0.73, 0.4],
  [0.45, 0.7],
  [0.28, 0.53],
];

function inside(poly: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as Point;
    const [xj, yj] = poly[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** How much of pixel (px, py) of a size×size image a shape covers, from 4×4 samples (anti-aliasing). */
function coverage(size: number, px: number, py: number, shape: (x: number, y: number) => boolean): number {
  let n = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) if (shape((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) n++;
  }
  return n / 16;
}

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function draw(size: number, pixel: (px: number, py: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/**
 * The colour icon: 192×192, a white shield with an accent-coloured tick on a
 * transparent background inside an accent-coloured rounded square.
 */
export function colorIcon(): Buffer {
  const size = 192;
  const accent = rgb(ACCENT);
  const outer = shield();
  const r = 0.12;
  const roundedSquare = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  return draw(size, (px, py) => {
    const square = coverage(size, px, py, roundedSquare);
    const white = coverage(size, px, py, (x, y) => inside(outer, x, y) && !inside(TICK, x, y));
    // White over accent; the square's edge fades into transparency.
    const mix = (c: number) => Math.round(c * (1 - white) + 255 * white);
    return [mix(accent[0]), mix(accent[1]), mix(accent[2]), Math.round(255 * square)];
  });
}

/**
 * The outline icon: 32×32, the shield's outline in white on a transparent background,
 * as Teams requires (it tints the outline itself).
 */
export function outlineIcon(): Buffer {
  const size = 32;
  const outer = shield();
  const inner = shield(0.075);
  return draw(size, (px, py) => {
    const ring = coverage(size, px, py, (x, y) => inside(outer, x, y) && !inside(inner, x, y));
    const tick = coverage(size, px, py, (x, y) => inside(TICK, x, y));
    return [255, 255, 255, Math.round(255 * Math.min(1, ring + tick))];
  });
}
