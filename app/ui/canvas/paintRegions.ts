// Painting an image's regions on a 2D context in image pixels: every region with its label, the compared
// prediction and relations (the regions layer, or its bitmap while the view moves), and the highlight of
// the selected or hovered region (a layer of its own, so selecting or hovering repaints one region).

import type { RegionView, RelationView } from '../../core/preview';
import { nextMatch } from '../../core/resync';
import { shapeUtils, type Box, type ImageSize } from './shapeUtils';
import { textOn } from '../color';

export interface RegionsPicture {
  visible: RegionView[];
  relations: RelationView[];
  compare?: RegionView[];
  size: ImageSize;
  /** The view scale the picture is painted for: line widths and labels keep their size on screen. */
  scale: number;
  /** Many regions are shown (see crowded): only those wide enough on screen get a label. */
  crowded?: boolean;
  /** Label tags over the regions (Label Studio's "Show labels"); shown unless false. */
  labels?: boolean;
}

/** More regions than this make a crowded picture. */
export const CROWDED = 1000;
/** In a crowded picture, a region narrower than this on screen (CSS pixels) is painted without its label. */
export const LABEL_MIN_WIDTH = 40;

export const crowded = (visible: readonly RegionView[]) => visible.length > CROWDED;

/**
 * Is the region's label painted? In a crowded picture a label over a region a few pixels wide covers its
 * neighbours and cannot be read (100,000 labels also took 1.8 s of the 3.3 s their paint took); the label
 * comes with zooming in, and Regions and the hover name every region meanwhile.
 */
export function labelShown(r: RegionView, { crowded, size, scale }: RegionsPicture): boolean {
  if (!crowded) return true;
  if (!shapeUtils[r.kind]) return false;
  const b = shapeBox(r, size);
  return (b.x1 - b.x0) * scale >= LABEL_MIN_WIDTH;
}

/**
 * Whether tags would pile up at the fitted view: many regions, or many tags landing on one another (brush
 * masks and keypoints close together). Such images start with the labels off, as Label Studio's setting is.
 */
export function busyLabels(visible: RegionView[], size: ImageSize, scale: number): boolean {
  if (visible.length > 150) return true;
  const anchors = visible.map((r) => shapeUtils[r.kind].anchor(r, size));
  let overlaps = 0;
  for (let i = 0; i < anchors.length; i++)
    for (let j = i + 1; j < anchors.length; j++)
      if (Math.abs(anchors[i].x - anchors[j].x) * scale < 50 && Math.abs(anchors[i].y - anchors[j].y) * scale < LABEL_FONT + 4) overlaps++;
  return overlaps >= 2 && overlaps * 4 >= visible.length;
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

function drawLock(ctx: CanvasRenderingContext2D, x: number, y: number, s: number, color = '#fff') {
  ctx.fillStyle = color;
  ctx.fillRect(x, y + s * 0.45, s * 0.8, s * 0.55);
  ctx.strokeStyle = color;
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

/** A region's label text: its labels (or kind), score, and why it is flagged. */
function labelText(r: RegionView): string {
  let text = r.labels.length ? r.labels.join(', ') : r.kind;
  if (r.score !== null) text += ` ${r.score.toFixed(2)}`;
  if (r.dropped) text += ' — dropped by Label Studio';
  else if (r.problems.length) text += ' !';
  return text;
}

/** The label's box above the anchor, in image pixels at `px` image pixels per screen pixel. */
function labelSize(ctx: CanvasRenderingContext2D, r: RegionView, text: string, px: number): { w: number; h: number } {
  return { w: textWidth(ctx, text) * px + (r.readonly ? LABEL_FONT * px * 1.1 : 0) + 6 * px, h: (LABEL_FONT + 4) * px };
}

/** Optional parts of a paint: `endpoints` finds relation ends among more regions than those painted (a repaint of a part). */
interface PaintOptions {
  endpoints?: Map<string, RegionView>;
}

/** Every region of the picture: shapes, then the compared prediction and relations, then labels on top. */
export function paintRegions(ctx: CanvasRenderingContext2D, picture: RegionsPicture, options: PaintOptions = {}): void {
  paintShapes(ctx, picture, 0, picture.visible.length);
  paintOverShapes(ctx, picture, options);
  paintLabels(ctx, picture, 0, picture.visible.length);
}

/** The shapes of regions [from, to) (a part of a whole paint; see paintRegions for the order). */
export function paintShapes(ctx: CanvasRenderingContext2D, { visible, size, scale }: RegionsPicture, from: number, to: number): void {
  const px = 1 / scale;
  // The context's state is set per region rather than saved and restored (save/restore cost a third of
  // painting 100,000 boxes); only a region that paints itself (a mask) gets a save/restore of its own.
  ctx.save();
  let dashed = false;
  const dash = (on: boolean) => {
    if (on !== dashed) ctx.setLineDash(on ? [6 * px, 4 * px] : []);
    dashed = on;
  };
  for (let i = from; i < to; i++) {
    const r = visible[i];
    const util = shapeUtils[r.kind];
    const ghost = isGhost(r);
    if (util.paint) {
      ctx.save();
      ctx.globalAlpha = ghost ? 0.4 : 1;
      util.paint(ctx, r, size);
      ctx.restore();
      continue;
    }
    ctx.beginPath();
    util.path(ctx, r, size);
    ctx.fillStyle = r.color;
    ctx.globalAlpha = (ghost ? 0.4 : 1) * FILL;
    ctx.fill();
    ctx.globalAlpha = ghost ? 0.5 : 1;
    ctx.lineWidth = 2 * px;
    ctx.strokeStyle = r.color;
    dash(ghost);
    ctx.stroke();
    if (r.problems.length) {
      ctx.strokeStyle = '#ff9800';
      ctx.setLineDash([4 * px, 4 * px]);
      dashed = true;
      ctx.stroke();
      ctx.setLineDash([]);
      dashed = false;
    }
  }
  ctx.restore();
}

/** What is painted over all shapes and under all labels: the compared prediction and the relations. */
export function paintOverShapes(ctx: CanvasRenderingContext2D, { visible, relations, compare, size, scale }: RegionsPicture, options: PaintOptions = {}): void {
  const px = 1 / scale;
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
    const byKey = options.endpoints ?? new Map(visible.map((r) => [r.key, r]));
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
}

/** The labels of regions [from, to), on top of all shapes. */
export function paintLabels(ctx: CanvasRenderingContext2D, picture: RegionsPicture, from: number, to: number): void {
  const { visible, size, scale, labels } = picture;
  if (labels === false) return;
  const px = 1 / scale;
  ctx.save();
  ctx.font = `${LABEL_FONT * px}px sans-serif`;
  ctx.textBaseline = 'top';
  for (let i = from; i < to; i++) {
    const r = visible[i];
    if (!labelShown(r, picture)) continue;
    const util = shapeUtils[r.kind];
    const a = util.anchor(r, size);
    const ghost = isGhost(r);
    const text = labelText(r);
    const { w, h } = labelSize(ctx, r, text, px);
    rememberBox(r, size, scale, a, w, h);
    ctx.globalAlpha = ghost ? 0.5 : 0.9;
    const background = r.dropped ? '#555' : r.problems.length ? '#e65100' : r.color;
    ctx.fillStyle = background;
    ctx.fillRect(a.x, a.y - h, w, h);
    // Black or white by contrast: white on yellow or light labels cannot be read.
    const ink = textOn(background);
    ctx.fillStyle = ink;
    ctx.fillText(text, a.x + 3 * px, a.y - h + 2 * px);
    if (r.readonly) drawLock(ctx, a.x + w - LABEL_FONT * px * 1.05, a.y - h + 2 * px, LABEL_FONT * px, ink);
  }
  ctx.restore();
}

let measuring: CanvasRenderingContext2D | null = null;

/**
 * Boxes computed per region view (kept on the view: RegionView.painted), for the image size they were
 * computed at: the shape's box, and the box its paint reaches at `scale` (with its label or without). A view
 * that paints as one before inherits them (see changedBoxes), so an edit of one of 100,000 regions measures
 * one region.
 */
interface Boxes {
  W: number;
  H: number;
  shape: Box;
  scale: number;
  labelled: boolean;
  paint: Box | null;
}
function boxesOf(r: RegionView, size: ImageSize): Boxes {
  const hit = r.painted as Boxes | undefined;
  if (hit && hit.W === size.W && hit.H === size.H) return hit;
  const entry: Boxes = { W: size.W, H: size.H, shape: shapeUtils[r.kind].bounds(r, size), scale: 0, labelled: false, paint: null };
  r.painted = entry;
  return entry;
}

/** The box around a region's shape in image pixels (kept per view: 100,000 regions are not measured per edit). */
export function shapeBox(r: RegionView, size: ImageSize): Box {
  return boxesOf(r, size).shape;
}

/**
 * Where a region's paint reaches in `picture`, in image pixels: the box around its shape, widened by its
 * outline, and its label above it when the label is painted.
 */
export function paintBox(r: RegionView, picture: RegionsPicture): Box {
  const { size, scale } = picture;
  const e = boxesOf(r, size);
  const labelled = picture.labels !== false && labelShown(r, picture);
  if (e.paint && e.scale === scale && e.labelled === labelled) return e.paint;
  if (!labelled) {
    const m = 3 / scale;
    const b = e.shape;
    e.paint = { x0: b.x0 - m, y0: b.y0 - m, x1: b.x1 + m, y1: b.y1 + m };
    e.scale = scale;
    e.labelled = false;
    return e.paint;
  }
  measuring ??= document.createElement('canvas').getContext('2d')!;
  const { w, h } = labelSize(measuring, r, labelText(r), 1 / scale);
  return rememberBox(r, size, scale, shapeUtils[r.kind].anchor(r, size), w, h);
}

/** The paint box of a labelled region from its shape's box, its label's anchor and size (a whole paint keeps
 * every region's, so the first edit after it finds them). */
function rememberBox(r: RegionView, size: ImageSize, scale: number, a: { x: number; y: number }, w: number, h: number): Box {
  const e = boxesOf(r, size);
  const b = e.shape;
  const m = 3 / scale;
  e.paint = { x0: Math.min(b.x0, a.x) - m, y0: Math.min(b.y0, a.y - h) - m, x1: Math.max(b.x1, a.x + w) + m, y1: Math.max(b.y1, a.y) + m };
  e.scale = scale;
  e.labelled = true;
  return e.paint;
}

/** `b` paints as `a`: it reaches where `a` does. */
function inheritBox(a: RegionView, b: RegionView) {
  if (a !== b && a.painted !== undefined && b.painted !== a.painted) b.painted = a.painted;
}

const sameStrings = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Plain JSON values equal, to a bounded depth (region values are small; deeper means "changed"). */
function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 8) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

/** Does a region paint exactly as another (same shape, colour, label, flags)? */
export function samePaint(a: RegionView, b: RegionView): boolean {
  if (a === b) return true;
  return (
    a.key === b.key &&
    a.kind === b.kind &&
    a.color === b.color &&
    a.score === b.score &&
    a.dropped === b.dropped &&
    a.problems.length > 0 === b.problems.length > 0 &&
    a.readonly === b.readonly &&
    a.hidden === b.hidden &&
    a.originalWidth === b.originalWidth &&
    a.originalHeight === b.originalHeight &&
    sameStrings(a.labels, b.labels) &&
    (a.kind === 'brush' ? a.value === b.value : sameJson(a.value, b.value))
  );
}

const keyOf = (r: RegionView) => r.key;

/**
 * Where `next` paints differently from `prev`, as boxes in image pixels; null when the two cannot be
 * compared (another size or scale, other relations) or more than `limit` regions changed: then everything
 * is painted again.
 */
export function changedBoxes(prev: RegionsPicture, next: RegionsPicture, limit: number): Box[] | null {
  if (prev.size.W !== next.size.W || prev.size.H !== next.size.H || prev.scale !== next.scale || !!prev.crowded !== !!next.crowded || prev.labels !== next.labels) return null;
  const boxes: Box[] = [];
  const changedKeys = new Set<string>();
  const lists: [RegionView[], RegionView[]][] = [[prev.visible, next.visible]];
  if (prev.compare !== next.compare) lists.push([prev.compare ?? [], next.compare ?? []]);
  for (const [before, after] of lists) {
    if (before === after) continue;
    const add = (r: RegionView) => {
      if (boxes.length >= 2 * limit) return false;
      boxes.push(paintBox(r, next));
      changedKeys.add(r.key);
      return true;
    };
    if (before.length === after.length && before.every((r, i) => r.key === after[i].key)) {
      for (let i = 0; i < after.length; i++) {
        if (samePaint(before[i], after[i])) inheritBox(before[i], after[i]);
        else if (!add(before[i]) || !add(after[i])) return null;
      }
      continue;
    }
    // Regions added or removed: both lists walked side by side, looking past a few removed regions to find
    // the next one both have (no map of 100,000 keys per edit). What either list has that the walk does not
    // pair (removed, added, or moved in the order) is painted again where it was and where it is: the
    // regions reaching there are painted again in the new order, so the pixels are those of a whole paint.
    let j = 0;
    for (const r of after) {
      const k = nextMatch(before, j, r.key, keyOf);
      if (k !== -1) {
        for (let x = j; x < k; x++) if (!add(before[x])) return null;
        const b = before[k];
        if (samePaint(b, r)) inheritBox(b, r);
        else if (!add(b) || !add(r)) return null;
        j = k + 1;
      } else if (!add(r)) return null;
    }
    for (; j < before.length; j++) if (!add(before[j])) return null;
  }
  // Relations run between label corners: a moved end moves its line.
  if (prev.relations !== next.relations && (prev.relations.length || next.relations.length)) {
    if (prev.relations.length !== next.relations.length) return null;
    for (let i = 0; i < next.relations.length; i++) {
      const a = prev.relations[i];
      const b = next.relations[i];
      if (a.fromId !== b.fromId || a.toId !== b.toId) return null;
    }
  }
  if (next.relations.length && changedKeys.size) {
    for (const [pic, list] of [[prev, prev.visible], [next, next.visible]] as const) {
      const byKey = new Map(list.map((r) => [r.key, r]));
      for (const rel of pic.relations) {
        if (!changedKeys.has(rel.fromId) && !changedKeys.has(rel.toId)) continue;
        const a = byKey.get(rel.fromId);
        const b = byKey.get(rel.toId);
        if (!a || !b) continue;
        const p1 = shapeUtils[a.kind].anchor(a, pic.size);
        const p2 = shapeUtils[b.kind].anchor(b, pic.size);
        const m = 10 / pic.scale;
        boxes.push({ x0: Math.min(p1.x, p2.x) - m, y0: Math.min(p1.y, p2.y) - m, x1: Math.max(p1.x, p2.x) + m, y1: Math.max(p1.y, p2.y) + m });
      }
    }
  }
  return boxes;
}

/** An affine map from image pixels to a canvas's own pixels: device = k * image + (dx, dy). */
export interface CanvasPlacement {
  k: number;
  dx: number;
  dy: number;
}

/** A canvas to paint a repaint's regions in, kept between repaints (one per size). */
let scratch: CanvasRenderingContext2D | null = null;
function scratchOf(width: number, height: number): CanvasRenderingContext2D {
  if (!scratch || scratch.canvas.width !== width || scratch.canvas.height !== height) {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    scratch = c.getContext('2d')!;
  }
  return scratch;
}

/**
 * Sets up the scratch canvas of repaintBoxes for a canvas of this size (its first use cost 25-50 ms at
 * 1600x1000 here: the first edit after opening a file paid it).
 */
export function prepareRepaint(width: number, height: number): void {
  const s = scratchOf(width, height);
  s.clearRect(0, 0, 1, 1);
  s.fillRect(0, 0, 1, 1);
  s.clearRect(0, 0, 1, 1);
}

/**
 * Paints `boxes` (image pixels) of a canvas again with `picture`, leaving the rest as it was: each box is
 * widened to whole canvas pixels, and every region reaching into one is painted again, in order.
 * `exact`: the regions are painted on a scratch canvas of the same size and placement and the boxes copied
 * from it, so the pixels are exactly those of painting everything again (Chromium's rasteriser draws a few
 * edge pixels differently under a clip, or on a canvas placed elsewhere). Otherwise they are painted under
 * a clip, off by a few levels at some pixels (good enough for a bitmap that stands in while the view moves).
 */
export function repaintBoxes(ctx: CanvasRenderingContext2D, at: CanvasPlacement, picture: RegionsPicture, boxes: Box[], exact: boolean): void {
  if (!boxes.length) return;
  const { width, height } = ctx.canvas;
  const device: Box[] = [];
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x0 * at.k + at.dx) - 1);
    const y0 = Math.max(0, Math.floor(b.y0 * at.k + at.dy) - 1);
    const x1 = Math.min(width, Math.ceil(b.x1 * at.k + at.dx) + 1);
    const y1 = Math.min(height, Math.ceil(b.y1 * at.k + at.dy) + 1);
    if (x1 > x0 && y1 > y0) device.push({ x0, y0, x1, y1 });
  }
  if (!device.length) return;
  // Back in image pixels, the boxes as cleared: whatever reaches into them is painted again.
  const image = device.map((d) => ({ x0: (d.x0 - at.dx) / at.k, y0: (d.y0 - at.dy) / at.k, x1: (d.x1 - at.dx) / at.k, y1: (d.y1 - at.dy) / at.k }));
  const reaches = (r: RegionView) => {
    if (!shapeUtils[r.kind]) return false;
    const pb = paintBox(r, picture);
    for (const b of image) if (pb.x0 < b.x1 && pb.x1 > b.x0 && pb.y0 < b.y1 && pb.y1 > b.y0) return true;
    return false;
  };
  const part: RegionsPicture = { ...picture, visible: picture.visible.filter(reaches), compare: picture.compare?.filter(reaches) };
  const options = { endpoints: picture.relations.length ? new Map(picture.visible.map((r) => [r.key, r])) : undefined };
  if (exact) {
    const s = scratchOf(width, height);
    const u = device.reduce((a, d) => ({ x0: Math.min(a.x0, d.x0), y0: Math.min(a.y0, d.y0), x1: Math.max(a.x1, d.x1), y1: Math.max(a.y1, d.y1) }));
    s.setTransform(1, 0, 0, 1, 0, 0);
    s.clearRect(u.x0, u.y0, u.x1 - u.x0, u.y1 - u.y0);
    s.save();
    s.setTransform(at.k, 0, 0, at.k, at.dx, at.dy);
    paintRegions(s, part, options);
    s.restore();
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    for (const d of device) {
      ctx.clearRect(d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
      ctx.drawImage(s.canvas, d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0, d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
    }
    ctx.restore();
    return;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  for (const d of device) ctx.rect(d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
  ctx.clip();
  for (const d of device) ctx.clearRect(d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
  ctx.setTransform(at.k, 0, 0, at.k, at.dx, at.dy);
  paintRegions(ctx, part, options);
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
