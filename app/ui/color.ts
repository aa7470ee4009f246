// Label backgrounds in configs are any CSS colour ("darkorange", "rgba(...)", "#0f0"): normalised here
// so that the ui can add transparency.

const cache = new Map<string, [number, number, number]>();
let ctx: CanvasRenderingContext2D | null = null;

export function rgbOf(color: string): [number, number, number] {
  let rgb = cache.get(color);
  if (rgb) return rgb;
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
