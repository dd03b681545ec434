/**
 * WCAG 2 contrast of every piece of text in a rendered element, computed in the browser
 * from the computed styles: the text colour (with its alpha) against the background it
 * is drawn on, found by compositing the backgrounds of the element and its ancestors
 * over the page's. Runs in the page (passed to page.evaluate), so it is self-contained.
 */
export interface TextContrast {
  text: string;
  color: string;
  background: string;
  ratio: number;
  fontSizePx: number;
  fontWeight: number;
  /** WCAG "large text": at least 24 px, or 18.66 px and bold (700). */
  large: boolean;
  /** 4.5:1, or 3:1 for large text. */
  required: number;
}

export function measureContrast(root: Element): TextContrast[] {
  type RGBA = [number, number, number, number];
  const parse = (css: string): RGBA => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m?.[1]) return [0, 0, 0, 0];
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: RGBA) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const hex = ([r, g, b]: RGBA) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
  const backgroundOf = (el: Element): RGBA => {
    const layers: RGBA[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    let bg: RGBA = [255, 255, 255, 1]; // the canvas behind a transparent page
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };

  // Text only screen readers get (1 px boxes, clipped, transparent or fully faded) is not drawn.
  const hidden = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      if (style.display === "none" || style.visibility === "hidden" || Number.parseFloat(style.opacity) === 0) return true;
      if ((box.width <= 1 || box.height <= 1) && style.overflow !== "visible") return true;
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return true;
      if (e === root) break;
    }
    return parse(getComputedStyle(el).color)[3] === 0;
  };

  const out: TextContrast[] = [];
  const elements = [root, ...Array.from(root.querySelectorAll("*"))];
  for (const el of elements) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
    if (own === "") continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || hidden(el)) continue;
    const background = backgroundOf(el);
    const color = over(parse(style.color), background);
    const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    const fontSizePx = Number.parseFloat(style.fontSize);
    const fontWeight = Number.parseInt(style.fontWeight, 10);
    const large = fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
    out.push({
      text: own.slice(0, 60),
      color: hex(color),
      background: hex(background),
      ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
      fontSizePx,
      fontWeight,
      large,
      required: large ? 3 : 4.5,
    });
  }
  return out;
}
