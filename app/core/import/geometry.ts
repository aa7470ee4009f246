// Conversions from the formats' coordinates to Label Studio's percent geometry (README "Import" has the formulas).

import type { Shape } from './model';

const clampPct = (v: number) => Math.min(100, Math.max(0, v));

/**
 * An axis-aligned box in percent (top-left x, y and size), cut to the image: a box past an edge by
 * rounding noise or by the model ends on it (Label Studio flags boxes past 100%).
 */
export function boxShape(x: number, y: number, width: number, height: number): Shape {
  const left = clampPct(x);
  const top = clampPct(y);
  const w = Math.max(0, Math.min(x + width, 100) - left);
  const h = Math.max(0, Math.min(y + height, 100) - top);
  return { kind: 'rectangle', x: left, y: top, width: x >= 0 && x + width <= 100 ? width : w, height: y >= 0 && y + height <= 100 ? height : h, rotation: 0 };
}

/** YOLO detect: centre and size in 0..1 of the image. */
export function centreBox(xc: number, yc: number, w: number, h: number): Shape {
  return boxShape((xc - w / 2) * 100, (yc - h / 2) * 100, w * 100, h * 100);
}

/**
 * A rotated rectangle from its four corners in pixels (P1..P4 in drawing order). Label Studio keeps the
 * first corner (x, y), the side lengths, and the clockwise rotation about that corner in pixel space:
 *   x = P1x/W*100, y = P1y/H*100, width = |P2-P1|/W*100, height = |P4-P1|/H*100,
 *   rotation = atan2(P2y-P1y, P2x-P1x) in degrees, in [0, 360).
 * That needs P1 -> P2 -> P3 -> P4 to run clockwise on screen (y down): (P2-P1) x (P4-P1) > 0. Corners
 * given counter-clockwise are the same rectangle walked the other way, so P2 and P4 swap roles.
 */
export function cornersToRotatedBox(corners: [number, number][], W: number, H: number): Shape {
  const [p1, p2a, , p4a] = corners;
  let p2 = p2a;
  let p4 = p4a;
  const cross = (p2[0] - p1[0]) * (p4[1] - p1[1]) - (p2[1] - p1[1]) * (p4[0] - p1[0]);
  if (cross < 0) [p2, p4] = [p4, p2];
  const w = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
  const h = Math.hypot(p4[0] - p1[0], p4[1] - p1[1]);
  let rotation = (Math.atan2(p2[1] - p1[1], p2[0] - p1[0]) * 180) / Math.PI;
  if (rotation < 0) rotation += 360;
  if (rotation >= 360 || Object.is(rotation, -0)) rotation = 0;
  return { kind: 'rectangle', x: (p1[0] / W) * 100, y: (p1[1] / H) * 100, width: (w / W) * 100, height: (h / H) * 100, rotation };
}

/** Polygon points in percent, each cut into 0..100. */
export function polygonShape(points: [number, number][]): Shape {
  return { kind: 'polygon', points: points.map(([x, y]) => [clampPct(x), clampPct(y)]) };
}
