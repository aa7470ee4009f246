// Painting an image's regions on a 2D context in image pixels: every region with its label, the compared
// prediction and relations (the regions layer, or its bitmap while the view moves), and the highlight of
// the selected or hovered region (a layer of its own, so selecting or hovering repaints one region).

import type { RegionView, RelationView } from '../../core/preview';
import { shapeUtils, type ImageSize } from './shapeUtils';

export interface RegionsPicture {
  visible: RegionView[];
  relations: RelationView[];
  compare?: RegionView[];
  size: ImageSize;
  /** The view scale the picture is painted for: line widths and labels keep their size on screen. */
  scale: number;
}

const LABEL_FONT = 12;
/** Fill opacity of a region, and of the selected one (the highlight brings it there). */
const FILL = 0.12;
const SELECTED_FILL = 0.35;

/** Label widths at the base font size, measured once per text (10,000 labels repeat a few texts). */
const widths = { font: `${LABEL_FONT}px sans-serif`, cache: new Map<string, number>() };
function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widths.cache.get(text);
  if (w === undefined) {
    const font = ctx.font;
    ctx.font = widths.font;
    w = ctx.measureText(text).width;
    ctx.font = font;
    if (widths.cache.size > 50_000) widths.cache.clear();
    widths.cache.set(text, w);
  }
  return w;
}

function drawLock(ctx: CanvasRenderingContext2D, x: number, y: number, s: number) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y + s * 0.45, s * 0.8, s * 0.55);
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = s * 0.14;
  ctx.beginPath();
  ctx.arc(x + s * 0.4, y + s * 0.45, s * 0.25, Math.PI, 0);
  ctx.stroke();
}

const isGhost = (r: RegionView) => r.hidden || r.dropped !== null;

/** The outline of a region in its colour, then the orange dashes of a region with a problem. */
function strokeRegion(ctx: CanvasRenderingContext2D, r: RegionView, px: number, width: number) {
  const ghost = isGhost(r);
  ctx.globalAlpha = ghost ? 0.5 : 1;
  ctx.lineWidth = width * px;
  ctx.strokeStyle = r.color;
  ctx.setLineDash(ghost ? [6 * px, 4 * px] : []);
  ctx.stroke();
  if (r.problems.length) {
    ctx.strokeStyle = '#ff9800';
    ctx.lineWidth = 2 * px;
    ctx.setLineDash([4 * px, 4 * px]);
    ctx.stroke();
  }
}

export function paintRegions(ctx: CanvasRenderingContext2D, { visible, relations, compare, size, scale }: RegionsPicture): void {
  const px = 1 / scale;
  for (const r of visible) {
    const util = shapeUtils[r.kind];
    const ghost = isGhost(r);
    ctx.save();
    ctx.globalAlpha = ghost ? 0.4 : 1;
    if (util.paint) util.paint(ctx, r, size);
    else {
      ctx.beginPath();
      util.path(ctx, r, size);
      ctx.fillStyle = r.color;
      ctx.globalAlpha = (ghost ? 0.4 : 1) * FILL;
      ctx.fill();
      strokeRegion(ctx, r, px, 2);
    }
    ctx.restore();
  }
  // The compared prediction: white dashed outlines over a dark one, with its labels in italics.
  if (compare?.length) {
    ctx.save();
    for (const r of compare) {
      const util = shapeUtils[r.kind];
      if (!util || util.paint) continue;
      ctx.beginPath();
      util.path(ctx, r, size);
      ctx.setLineDash([]);
      ctx.lineWidth = 3.5 * px;
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
      ctx.stroke();
      ctx.setLineDash([5 * px, 4 * px]);
      ctx.lineWidth = 1.8 * px;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
    ctx.font = `italic ${LABEL_FONT * px}px sans-serif`;
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'top';
    for (const r of compare) {
      const util = shapeUtils[r.kind];
      if (!util) continue;
      const a = util.anchor(r, size);
      ctx.fillText(r.labels.join(', ') || r.kind, a.x + 2 * px, a.y + 2 * px);
    }
    ctx.restore();
  }
  // Relations: a line with an arrowhead from one region's label corner to the other's.
  if (relations.length) {
    const byKey = new Map(visible.map((r) => [r.key, r]));
    ctx.save();
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = '#ffffff';
    ctx.lineWidth = 1.5 * px;
    for (const rel of relations) {
      const a = byKey.get(rel.fromId);
      const b = byKey.get(rel.toId);
      if (!a || !b) continue;
      const p1 = shapeUtils[a.kind].anchor(a, size);
      const p2 = shapeUtils[b.kind].anchor(b, size);
      ctx.beginPath();
      ctx.moveTo(p1.x, p1.y);
      ctx.lineTo(p2.x, p2.y);
      ctx.stroke();
      const t = Math.atan2(p2.y - p1.y, p2.x - p1.x);
      const head = 8 * px;
      ctx.beginPath();
      ctx.moveTo(p2.x, p2.y);
      ctx.lineTo(p2.x - head * Math.cos(t - 0.4), p2.y - head * Math.sin(t - 0.4));
      ctx.lineTo(p2.x - head * Math.cos(t + 0.4), p2.y - head * Math.sin(t + 0.4));
      ctx.fill();
    }
    ctx.restore();
  }
  // Labels on top of all shapes.
  ctx.save();
  ctx.font = `${LABEL_FONT * px}px sans-serif`;
  ctx.textBaseline = 'top';
  for (const r of visible) {
    const util = shapeUtils[r.kind];
    const a = util.anchor(r, size);
    const ghost = isGhost(r);
    let text = r.labels.length ? r.labels.join(', ') : r.kind;
    if (r.score !== null) text += ` ${r.score.toFixed(2)}`;
    if (r.dropped) text += ' — dropped by Label Studio';
    else if (r.problems.length) text += ' !';
    const w = textWidth(ctx, text) * px + (r.readonly ? LABEL_FONT * px * 1.1 : 0) + 6 * px;
    const h = (LABEL_FONT + 4) * px;
    ctx.globalAlpha = ghost ? 0.5 : 0.9;
    ctx.fillStyle = r.dropped ? '#555' : r.problems.length ? '#e65100' : r.color;
    ctx.fillRect(a.x, a.y - h, w, h);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, a.x + 3 * px, a.y - h + 2 * px);
    if (r.readonly) drawLock(ctx, a.x + w - LABEL_FONT * px * 1.05, a.y - h + 2 * px, LABEL_FONT * px);
  }
  ctx.restore();
}

/** How far outside a region's shape its label reaches, in screen pixels (for the bitmap's margins). */
export const LABEL_REACH = LABEL_FONT + 4;

/**
 * The selected region drawn over the regions layer: its fill brought from FILL to SELECTED_FILL opacity
 * and a thicker outline. A hovered region gets a lighter tint and the thicker outline.
 */
export function paintHighlight(ctx: CanvasRenderingContext2D, r: RegionView, size: ImageSize, scale: number, how: 'selected' | 'hovered'): void {
  const util = shapeUtils[r.kind];
  if (!util || util.paint) return;
  const ghost = isGhost(r);
  const base = (ghost ? 0.4 : 1) * FILL;
  const target = (ghost ? 0.4 : 1) * (how === 'selected' ? SELECTED_FILL : FILL * 2);
  ctx.save();
  ctx.beginPath();
  util.path(ctx, r, size);
  ctx.fillStyle = r.color;
  // Over a fill of opacity `base`, one of opacity a gives 1 - (1 - base)(1 - a) = target.
  ctx.globalAlpha = 1 - (1 - target) / (1 - base);
  ctx.fill();
  strokeRegion(ctx, r, 1 / scale, 3);
  ctx.restore();
}
