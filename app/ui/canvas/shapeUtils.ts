// One drawing utility per image region kind (rectangle, ellipse, polygon, keypoint, brush): how to draw it
// on a 2D canvas in image pixels, where its label goes, the box around it, whether a point hits it.

import { decodeRle, checkRle } from '../../core';
import { ellipseOutline, rectangleCorners, toPixels, type Point } from '../../core/geometry/image';
import type { RegionView } from '../../core/preview';
import { rgbOf } from '../color';

export interface ImageSize {
  W: number;
  H: number;
}

export interface ShapeUtil {
  /** Trace the outline (a path) in image pixels; the caller fills and strokes. */
  path(ctx: CanvasRenderingContext2D, r: RegionView, size: ImageSize): void;
  /** Where the label is written: the top-left of the shape. */
  anchor(r: RegionView, size: ImageSize): Point;
  /** Does the point (image pixels) hit the region? `tol` is the tolerance in image pixels. */
  hit(r: RegionView, size: ImageSize, p: Point, tol: number): boolean;
  /** A box around the drawn shape, in image pixels (the regions' bitmap must hold regions off the image too). */
  bounds(r: RegionView, size: ImageSize): Box;
  /** Draw it fully instead of path() (masks). */
  paint?(ctx: CanvasRenderingContext2D, r: RegionView, size: ImageSize): void;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(pts: Point[]): Box {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const p of pts) {
    if (p.x < b.x0) b.x0 = p.x;
    if (p.x > b.x1) b.x1 = p.x;
    if (p.y < b.y0) b.y0 = p.y;
    if (p.y > b.y1) b.y1 = p.y;
  }
  return b;
}

const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

function rectValue(r: RegionView) {
  const v = r.value;
  return { x: num(v.x), y: num(v.y), width: num(v.width), height: num(v.height), rotation: num(v.rotation) };
}

function ellipseValue(r: RegionView) {
  const v = r.value;
  return { x: num(v.x), y: num(v.y), radiusX: num(v.radiusX), radiusY: num(v.radiusY), rotation: num(v.rotation) };
}

function polygonPoints(r: RegionView, size: ImageSize): Point[] {
  const pts = Array.isArray(r.value.points) ? (r.value.points as unknown[]) : [];
  return pts.filter((p): p is number[] => Array.isArray(p)).map((p) => ({ x: toPixels(num(p[0]), size.W), y: toPixels(num(p[1]), size.H) }));
}

function tracePolygon(ctx: CanvasRenderingContext2D, pts: Point[], close = true): void {
  if (!pts.length) return;
  ctx.moveTo(pts[0].x, pts[0].y);
  for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i].x, pts[i].y);
  if (close) ctx.closePath();
}

/** Even-odd point in polygon. */
function inside(pts: Point[], p: Point): boolean {
  let c = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    if (pts[i].y > p.y !== pts[j].y > p.y && p.x < ((pts[j].x - pts[i].x) * (p.y - pts[i].y)) / (pts[j].y - pts[i].y) + pts[i].x) c = !c;
  }
  return c;
}

function nearOutline(pts: Point[], p: Point, tol: number): boolean {
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[j];
    const b = pts[i];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len)) : 0;
    const ex = a.x + t * dx - p.x;
    const ey = a.y + t * dy - p.y;
    if (ex * ex + ey * ey <= tol * tol) return true;
  }
  return false;
}

const rectangle: ShapeUtil = {
  path(ctx, r, size) {
    tracePolygon(ctx, rectangleCorners(rectValue(r), size.W, size.H));
  },
  anchor(r, size) {
    return rectangleCorners(rectValue(r), size.W, size.H)[0];
  },
  hit(r, size, p, tol) {
    const pts = rectangleCorners(rectValue(r), size.W, size.H);
    return inside(pts, p) || nearOutline(pts, p, tol);
  },
  bounds(r, size) {
    return boxOf(rectangleCorners(rectValue(r), size.W, size.H));
  },
};

const ellipse: ShapeUtil = {
  path(ctx, r, size) {
    const e = ellipseValue(r);
    ctx.ellipse(toPixels(e.x, size.W), toPixels(e.y, size.H), Math.abs(toPixels(e.radiusX, size.W)), Math.abs(toPixels(e.radiusY, size.H)), (e.rotation * Math.PI) / 180, 0, 2 * Math.PI);
  },
  anchor(r, size) {
    const e = ellipseValue(r);
    return { x: toPixels(e.x - e.radiusX, size.W), y: toPixels(e.y - e.radiusY, size.H) };
  },
  hit(r, size, p, tol) {
    const pts = ellipseOutline(ellipseValue(r), size.W, size.H, 48);
    return inside(pts, p) || nearOutline(pts, p, tol);
  },
  bounds(r, size) {
    const e = ellipseValue(r);
    const x = toPixels(e.x, size.W);
    const y = toPixels(e.y, size.H);
    const reach = Math.max(Math.abs(toPixels(e.radiusX, size.W)), Math.abs(toPixels(e.radiusY, size.H)));
    return { x0: x - reach, y0: y - reach, x1: x + reach, y1: y + reach };
  },
};

const polygon: ShapeUtil = {
  path(ctx, r, size) {
    tracePolygon(ctx, polygonPoints(r, size));
  },
  anchor(r, size) {
    const pts = polygonPoints(r, size);
    return pts.reduce((best, q) => (q.y < best.y || (q.y === best.y && q.x < best.x) ? q : best), pts[0] ?? { x: 0, y: 0 });
  },
  hit(r, size, p, tol) {
    const pts = polygonPoints(r, size);
    return inside(pts, p) || nearOutline(pts, p, tol);
  },
  bounds(r, size) {
    return boxOf(polygonPoints(r, size));
  },
};

/** Keypoints are drawn with a radius of `width` percent of the image width, at least a few pixels on screen. */
const keypoint: ShapeUtil = {
  path(ctx, r, size) {
    const x = toPixels(num(r.value.x), size.W);
    const y = toPixels(num(r.value.y), size.H);
    const radius = Math.max(toPixels(num(r.value.width, 0.5), size.W), 1);
    ctx.moveTo(x + radius, y);
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
  },
  anchor(r, size) {
    return { x: toPixels(num(r.value.x), size.W), y: toPixels(num(r.value.y), size.H) };
  },
  hit(r, size, p, tol) {
    const x = toPixels(num(r.value.x), size.W);
    const y = toPixels(num(r.value.y), size.H);
    const radius = Math.max(toPixels(num(r.value.width, 0.5), size.W), tol * 2);
    return (p.x - x) ** 2 + (p.y - y) ** 2 <= radius * radius;
  },
  bounds(r, size) {
    const x = toPixels(num(r.value.x), size.W);
    const y = toPixels(num(r.value.y), size.H);
    const radius = Math.max(toPixels(num(r.value.width, 0.5), size.W), 1);
    return { x0: x - radius, y0: y - radius, x1: x + radius, y1: y + radius };
  },
};

// Decoded masks, tinted with their region colour, cached per value object and the size decoded at: a mask
// without original_width/height is decoded at the image's natural size, known once the image has loaded.
const maskCache = new WeakMap<object, { color: string; W: number; H: number; canvas: HTMLCanvasElement | null; bounds: { x: number; y: number } }>();

function maskCanvas(r: RegionView, size: ImageSize) {
  const W = r.originalWidth ?? size.W;
  const H = r.originalHeight ?? size.H;
  const cached = maskCache.get(r.value);
  if (cached && cached.color === r.color && cached.W === W && cached.H === H) return cached;
  const entry = { color: r.color, W, H, canvas: null as HTMLCanvasElement | null, bounds: { x: 0, y: 0 } };
  if (checkRle(r.value.rle, W, H).ok) {
    const rgba = decodeRle(r.value.rle as number[]);
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(W, H);
    const [cr, cg, cb] = rgbOf(r.color);
    let minX = W;
    let minY = H;
    for (let i = 0, px = 0; i < rgba.length; i += 4, px++) {
      if (rgba[i + 3] === 0) continue;
      img.data[i] = cr;
      img.data[i + 1] = cg;
      img.data[i + 2] = cb;
      img.data[i + 3] = 150;
      const x = px % W;
      const y = (px - x) / W;
      if (y < minY) minY = y;
      if (x < minX && y === minY) minX = x;
    }
    ctx.putImageData(img, 0, 0);
    entry.canvas = canvas;
    entry.bounds = { x: minX === W ? 0 : minX, y: minY === H ? 0 : minY };
  }
  maskCache.set(r.value, entry);
  return entry;
}

const brush: ShapeUtil = {
  path() {},
  paint(ctx, r, size) {
    const m = maskCanvas(r, size);
    if (m.canvas) ctx.drawImage(m.canvas, 0, 0, size.W, size.H);
  },
  anchor(r, size) {
    const m = maskCanvas(r, size);
    return { x: (m.bounds.x * size.W) / (r.originalWidth ?? size.W), y: (m.bounds.y * size.H) / (r.originalHeight ?? size.H) };
  },
  hit(r, size, p) {
    const m = maskCanvas(r, size);
    if (!m.canvas) return false;
    const x = Math.floor((p.x * m.canvas.width) / size.W);
    const y = Math.floor((p.y * m.canvas.height) / size.H);
    if (x < 0 || y < 0 || x >= m.canvas.width || y >= m.canvas.height) return false;
    return m.canvas.getContext('2d')!.getImageData(x, y, 1, 1).data[3] > 0;
  },
  bounds(_r, size) {
    return { x0: 0, y0: 0, x1: size.W, y1: size.H };
  },
};

export const shapeUtils: Record<string, ShapeUtil> = { rectangle, ellipse, polygon, keypoint, brush };
