// Label backgrounds in configs are any CSS colour ("darkorange", "rgba(...)", "#0f0"): normalised here
// so that the ui can add transparency.

const cache = new Map<string, [number, number, number]>();
let ctx: CanvasRenderingContext2D | null = null;

export function rgbOf(color: string): [number, number, number] {
  let rgb = cache.get(color);
  if (rgb) return rgb;
  // #rgb and #rrggbb are read here; other CSS colours (names, rgb(), hsl()) by a canvas.
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (short || long) {
    rgb = (short ? short.slice(1).map((c) => parseInt(c + c, 16)) : long!.slice(1).map((c) => parseInt(c, 16))) as [number, number, number];
    cache.set(color, rgb);
    return rgb;
  }
  ctx ??= document.createElement('canvas').getContext('2d');
  rgb = [255, 0, 0];
  if (ctx) {
    ctx.fillStyle = '#000000';
    ctx.fillStyle = color;
    const v = String(ctx.fillStyle);
    const hex = /^#([0-9a-f]{6})$/i.exec(v);
    const fn = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(v);
    if (hex) rgb = [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as [number, number, number];
    else if (fn) rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  }
  cache.set(color, rgb);
  return rgb;
}

export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = rgbOf(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const textCache = new Map<string, string>();

/** Black or white, whichever contrasts more with `background` (yellow and light labels get black text). */
export function textOn(background: string): '#000000' | '#ffffff' {
  let t = textCache.get(background);
  if (!t) {
    const l = luminance(rgbOf(background));
    // Contrast ratios against black and white: (L + 0.05) / 0.05 and 1.05 / (L + 0.05).
    t = (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
    textCache.set(background, t);
  }
  return t as '#000000' | '#ffffff';
}
