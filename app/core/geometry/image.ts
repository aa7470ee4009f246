// Image region geometry in Label Studio's conventions (FORMAT-NOTES §4): percent of the image,
// rectangles rotated clockwise about their top-left corner in pixel space, ellipses about their centre.

export interface Point {
  x: number;
  y: number;
}

export const toPixels = (percent: number, size: number): number => (percent / 100) * size;
export const toPercent = (pixels: number, size: number): number => (pixels / size) * 100;

/** Corners of a rectangle in pixels, clockwise from the top-left (x, y). */
export function rectangleCorners(v: { x: number; y: number; width: number; height: number; rotation?: number }, W: number, H: number): Point[] {
  const x = toPixels(v.x, W);
  const y = toPixels(v.y, H);
  const w = toPixels(v.width, W);
  const h = toPixels(v.height, H);
  const t = ((v.rotation ?? 0) * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return [
    { x, y },
    { x: x + w * c, y: y + w * s },
    { x: x + w * c - h * s, y: y + w * s + h * c },
    { x: x - h * s, y: y + h * c },
  ];
}

/** Points on an ellipse's outline in pixels (centre x, y; radii in percent of width and height). */
export function ellipseOutline(v: { x: number; y: number; radiusX: number; radiusY: number; rotation?: number }, W: number, H: number, steps = 32): Point[] {
  const cx = toPixels(v.x, W);
  const cy = toPixels(v.y, H);
  const rx = toPixels(v.radiusX, W);
  const ry = toPixels(v.radiusY, H);
  const t = ((v.rotation ?? 0) * Math.PI) / 180;
  const pts: Point[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    const ex = rx * Math.cos(a);
    const ey = ry * Math.sin(a);
    pts.push({ x: cx + ex * Math.cos(t) - ey * Math.sin(t), y: cy + ex * Math.sin(t) + ey * Math.cos(t) });
  }
  return pts;
}

export function boundingBox(points: Point[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}
