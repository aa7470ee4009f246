// While the view pans or zooms, the regions layer shows a bitmap of the regions instead of painting every
// region each frame (10,000 boxes take longer than a frame to paint); when the move ends, the regions are
// painted crisp again at the new scale. Selecting and hovering never touch this layer.

import Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { ViewTransform } from '../../store/store';
import { changedBoxes, shapeBox, LABEL_REACH, paintLabels, paintOverShapes, paintRegions, paintShapes, prepareRepaint, repaintBoxes, type RegionsPicture } from './paintRegions';
import { shapeUtils, type Box } from './shapeUtils';
import { cancelIdle, idleSliceEnd, whenIdle } from '../../store/idle';

/** A bitmap of the regions, placed in image pixels. */
interface Bitmap {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The picture it shows (the same regions at another scale can still stand in while moving). */
  picture: RegionsPicture;
  /** A copy of the screen is only good for the move that starts from that screen. */
  fromScreen: boolean;
}

/** Bitmap size limits: 16 M pixels (64 MB) at most, 4096 on a side, whatever the zoom. */
const MAX_SIDE = 4096;
const MAX_AREA = 16 * 1024 * 1024;
/** The move ends this long after the last wheel event. */
const WHEEL_END_MS = 200;
/** An edit changing more regions than this paints them all again rather than box by box. */
const REPAINT_LIMIT = 500;

const sameRegions = (a: RegionsPicture, b: RegionsPicture) => a.visible === b.visible && a.labels === b.labels && a.relations === b.relations && a.compare === b.compare && a.size.W === b.size.W && a.size.H === b.size.H;

/** `box` widened to hold `b` as well. */
function widen(box: Box, b: Box): void {
  if (b.x0 < box.x0) box.x0 = b.x0;
  if (b.y0 < box.y0) box.y0 = b.y0;
  if (b.x1 > box.x1) box.x1 = b.x1;
  if (b.y1 > box.y1) box.y1 = b.y1;
}

/** The box around the image and every region drawn (image pixels), being measured a slice at a time. */
interface ExtentJob {
  picture: RegionsPicture;
  box: Box;
  /** The next region: of `visible`, then of `compare` (from visible.length on). */
  next: number;
}

const startExtent = (picture: RegionsPicture): ExtentJob => ({ picture, box: { x0: 0, y0: 0, x1: picture.size.W, y1: picture.size.H }, next: 0 });

/** Measures regions until `until` (performance.now()); true when every region is in the box. */
function stepExtent(job: ExtentJob, until: number): boolean {
  const { visible, compare, size } = job.picture;
  const n = visible.length + (compare?.length ?? 0);
  while (job.next < n) {
    const end = Math.min(n, job.next + 2000);
    for (let i = job.next; i < end; i++) {
      const r = i < visible.length ? visible[i] : compare![i - visible.length];
      // Kept per region view (labels are in the bitmap's margins): 100,000 regions are not measured per edit.
      if (shapeUtils[r.kind]) widen(job.box, shapeBox(r, size));
    }
    job.next = end;
    if (performance.now() >= until) break;
  }
  return job.next >= n;
}

/** Regions being painted a slice at a time, in the order of a whole paint: the shapes, what goes over them, then the labels. */
interface PaintJob {
  picture: RegionsPicture;
  ctx: CanvasRenderingContext2D;
  phase: 'shapes' | 'over' | 'labels' | 'done';
  next: number;
}

/** A bitmap being painted a slice at a time. */
interface BitmapJob extends PaintJob {
  bitmap: Bitmap;
}

/** A whole paint of the layer with more regions than this goes a slice per frame (100,000 boxes take ~1 s). */
export const SLICED_PAINT = { above: 20_000 };
/**
 * How long a frame's slice of a whole paint paints at first, and at most. Painting is only half the cost:
 * the frame that shows the slice rasterises it (without a GPU, several times the painting's time), so the
 * slice is made smaller while frames come late and larger while they come on time.
 */
const FRAME_SLICE_MS = { first: 4, max: 12, min: 1 };
/** A frame that comes this long after the last slice ended came late. */
const LATE_FRAME_MS = 30;

/** A new canvas for the whole extent (labels included), at `resolution` bitmap pixels per image pixel or less. */
function startBitmap(picture: RegionsPicture, extent: Box, resolution: number): BitmapJob {
  const { W, H } = picture.size;
  const px = 1 / picture.scale;
  // Labels stand above their region and run to its right; a region far off the image is cut at one image away.
  const x0 = Math.max(-W, extent.x0 - 4 * px);
  const y0 = Math.max(-H, extent.y0 - (LABEL_REACH + 4) * px);
  const x1 = Math.min(2 * W, extent.x1 + 200 * px);
  const y1 = Math.min(2 * H, extent.y1 + 4 * px);
  const w = x1 - x0;
  const h = y1 - y0;
  const k = Math.min(resolution, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(w * k));
  canvas.height = Math.max(1, Math.ceil(h * k));
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(k, 0, 0, k, -x0 * k, -y0 * k);
  return { bitmap: { canvas, x: x0, y: y0, width: w, height: h, picture, fromScreen: false }, picture, ctx, phase: 'shapes', next: 0 };
}

/** Regions painted between two looks at the clock. */
const SLICE = 250;

/** Paints on until `until` (performance.now()); true once every region is painted. */
function stepPaint(job: PaintJob, until: number): boolean {
  const pic = job.picture;
  const n = pic.visible.length;
  while (job.phase !== 'done' && performance.now() < until) {
    if (job.phase === 'over') {
      paintOverShapes(job.ctx, pic);
      job.phase = 'labels';
      job.next = 0;
      continue;
    }
    const to = Math.min(n, job.next + SLICE);
    if (job.phase === 'shapes') paintShapes(job.ctx, pic, job.next, to);
    else paintLabels(job.ctx, pic, job.next, to);
    job.next = to;
    if (to === n) job.phase = job.phase === 'shapes' ? 'over' : 'done';
  }
  return job.phase === 'done';
}

/** Paint the whole extent now (a move starting with nothing better to show). */
function paintBitmap(picture: RegionsPicture, extent: Box, resolution: number): Bitmap {
  const job = startBitmap(picture, extent, resolution);
  stepPaint(job, Infinity);
  return job.bitmap;
}

/** A copy of what the regions layer shows now: enough when every region is on screen (the fitted view). */
function copyScreen(layer: Konva.Layer, view: ViewTransform, picture: RegionsPicture): Bitmap {
  const src = layer.getNativeCanvasElement();
  const canvas = document.createElement('canvas');
  canvas.width = src.width;
  canvas.height = src.height;
  canvas.getContext('2d')!.drawImage(src, 0, 0);
  const stage = layer.getStage();
  return { canvas, x: -view.x / view.scale, y: -view.y / view.scale, width: stage.width() / view.scale, height: stage.height() / view.scale, picture, fromScreen: true };
}

interface Options {
  layer: React.RefObject<Konva.Layer | null>;
  /** The node that paints the regions crisp. */
  shape: React.RefObject<Konva.Shape | null>;
  /** The node that shows the bitmap while moving. */
  bitmap: React.RefObject<Konva.Image | null>;
  picture: RegionsPicture;
  view: ViewTransform;
  width: number;
  height: number;
}

export function useMoveBitmap({ layer, shape, bitmap, picture, view, width, height }: Options) {
  const moving = useRef(false);
  const cached = useRef<Bitmap | null>(null);
  /** The picture the crisp shape last painted: a screen copy is only good when it is the current one. */
  const painted = useRef<RegionsPicture | null>(null);
  const wheelTimer = useRef(0);
  const latest = useRef({ picture, view, width, height });
  latest.current = { picture, view, width, height };
  // The extent is measured when a move or the idle bitmap needs it, not on every edit (every region is
  // looked at: 10 ms at 10,000 boxes, 100 at 100,000, on the edit's critical path when it was a memo).
  const extentKept = useRef<{ picture: RegionsPicture; box: Box } | null>(null);
  /** The extent being measured while the page is idle (see the bitmap's effect below). */
  const extentJob = useRef<ExtentJob | null>(null);
  const sameExtent = (a: RegionsPicture, b: RegionsPicture) => a.visible === b.visible && a.compare === b.compare && a.size.W === b.size.W && a.size.H === b.size.H;
  /** The extent of `pic` when measured by `until`, else null (what was measured is kept for the next call). */
  const extentBy = (pic: RegionsPicture, until: number): Box | null => {
    const k = extentKept.current;
    if (k && sameExtent(k.picture, pic)) return k.box;
    if (!extentJob.current || !sameExtent(extentJob.current.picture, pic)) extentJob.current = startExtent(pic);
    const job = extentJob.current;
    if (!stepExtent(job, until)) return null;
    extentJob.current = null;
    extentKept.current = { picture: pic, box: job.box };
    return job.box;
  };
  const extentFor = (pic: RegionsPicture): Box => extentBy(pic, Infinity)!;

  /** Has the repaint's scratch canvas been set up for this layer (see paintedWhole)? */
  const warmed = useRef(false);
  /** The view the crisp shape last painted for. */
  const paintedView = useRef<ViewTransform | null>(null);

  /** A whole paint going a slice per frame, and its next frame. */
  const slicing = useRef<{ job: PaintJob; frame: number } | null>(null);
  const stopSlicing = () => {
    if (!slicing.current) return;
    cancelAnimationFrame(slicing.current.frame);
    slicing.current = null;
    delete layer.current?.getNativeCanvasElement().dataset.painting;
  };

  /** The layer shows the whole of `pic` at `v`. */
  const paintedWhole = (pic: RegionsPicture, v: ViewTransform) => {
    painted.current = pic;
    paintedView.current = v;
    if (!warmed.current) {
      warmed.current = true;
      // The first repaint after an edit set up its scratch canvas (~25-50 ms): done while the page is idle.
      whenIdle(() => {
        const c = layer.current?.getNativeCanvasElement();
        if (c) prepareRepaint(c.width, c.height);
      });
    }
  };

  // One function for good: react-konva would redraw the whole layer whenever the shape's sceneFunc changed.
  // Konva calls it when the layer is drawn (a new view, a move's end); a new picture at the same view is
  // painted below, only where it differs. Many regions are painted a slice per frame, in the order of a
  // whole paint (the same pixels in the end), so that the page answers while 100,000 boxes appear; until
  // the last slice the layer counts as not painted (data-painting on its canvas says so).
  const paint = useCallback((ctx: CanvasRenderingContext2D) => {
    const { picture: pic, view: v } = latest.current;
    // Konva cleared the layer for this draw: a paint still going on starts again.
    stopSlicing();
    if (pic.visible.length <= SLICED_PAINT.above) {
      paintRegions(ctx, pic);
      paintedWhole(pic, v);
      return;
    }
    painted.current = null;
    const job: PaintJob = { picture: pic, ctx, phase: 'shapes', next: 0 };
    let budget = FRAME_SLICE_MS.first;
    stepPaint(job, performance.now() + budget);
    let sliceEnd = performance.now();
    // The next slices paint where Konva had placed this one.
    const at = ctx.getTransform();
    const canvas = layer.current?.getNativeCanvasElement();
    if (canvas) canvas.dataset.painting = 'yes';
    const frame = () => {
      const on = slicing.current;
      if (!on || on.job !== job) return;
      const gap = performance.now() - sliceEnd;
      budget = gap > LATE_FRAME_MS ? Math.max(FRAME_SLICE_MS.min, budget / 2) : gap < LATE_FRAME_MS / 2 ? Math.min(FRAME_SLICE_MS.max, budget * 1.5) : budget;
      ctx.save();
      ctx.setTransform(at);
      const done = stepPaint(job, performance.now() + budget);
      ctx.restore();
      sliceEnd = performance.now();
      if (!done) {
        on.frame = requestAnimationFrame(frame);
        return;
      }
      stopSlicing();
      paintedWhole(pic, v);
    };
    slicing.current = { job, frame: requestAnimationFrame(frame) };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // A new picture: paint again only the boxes where it differs from the one on the layer (an edit moves or
  // relabels a few of 10,000 regions); the bitmap kept for moves gets the same boxes. Anything else (another
  // scale or view, many regions changed, a move going on): draw the layer whole.
  useLayoutEffect(() => {
    const prev = painted.current;
    const node = layer.current;
    // A whole paint going on of another picture: this one is painted whole instead.
    if (node && slicing.current && slicing.current.job.picture !== picture) {
      stopSlicing();
      node.batchDraw();
      return;
    }
    if (!node || !prev || prev === picture) return;
    const v = paintedView.current;
    const sameView = !!v && v.x === view.x && v.y === view.y && v.scale === view.scale;
    const boxes = sameView && !moving.current && prev.labels === picture.labels && shape.current?.visible() ? changedBoxes(prev, picture, REPAINT_LIMIT) : null;
    const c = cached.current;
    if (boxes === null) {
      if (c && !sameRegions(c.picture, picture)) cached.current = null;
      node.batchDraw();
      return;
    }
    // The extent grows by what changed (one that shrank stays as it was: a larger bitmap is only larger).
    const ek = extentKept.current;
    if (ek && ek.picture === prev && sameRegions({ ...prev, visible: picture.visible, compare: picture.compare }, picture)) {
      const box = { ...ek.box };
      for (const b of boxes) widen(box, b);
      extentKept.current = { picture, box };
    }
    const canvas = node.getCanvas();
    const k = canvas.getPixelRatio();
    repaintBoxes(canvas.getContext()._context, { k: k * view.scale, dx: k * view.x, dy: k * view.y }, picture, boxes, true);
    painted.current = picture;
    if (c && !c.fromScreen && c.picture === prev) {
      const ck = c.canvas.width / c.width;
      repaintBoxes(c.canvas.getContext('2d')!, { k: ck, dx: -c.x * ck, dy: -c.y * ck }, picture, boxes, false);
      c.picture = picture;
    } else if (c && !sameRegions(c.picture, picture)) cached.current = null;
  }, [picture]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Is every region (and its label) inside the stage at this view? */
  const allOnScreen = (v: ViewTransform, w: number, h: number, extent: Box) =>
    v.x + extent.x0 * v.scale >= 0 && v.y + extent.y0 * v.scale - LABEL_REACH >= 0 && v.x + extent.x1 * v.scale <= w && v.y + extent.y1 * v.scale <= h;

  /** A bitmap of the whole extent painted for a scale near enough to this one (blurry, but complete). */
  const usable = (c: Bitmap | null, pic: RegionsPicture, scale: number, tolerance: number): c is Bitmap => {
    const ratio = c ? scale / c.picture.scale : 0;
    return !!c && !c.fromScreen && sameRegions(c.picture, pic) && ratio > 1 / tolerance && ratio < tolerance;
  };

  // Never paint 10,000 regions at the start of a move if it can be helped: the bitmap painted while idle,
  // else a copy of the screen (what lies off screen shows when the move ends), else paint the extent now.
  const bitmapNow = (): Bitmap => {
    const { picture: pic, view: v } = latest.current;
    if (usable(cached.current, pic, v.scale, 4)) return cached.current;
    if (layer.current && painted.current === pic) return copyScreen(layer.current, v, pic);
    cached.current = paintBitmap(pic, extentFor(pic), v.scale * (window.devicePixelRatio || 1));
    return cached.current;
  };

  const beginMove = () => {
    if (moving.current || !shape.current || !bitmap.current) return;
    // The bitmap stands in for the regions while the view moves; the end of the move paints them whole. A
    // whole paint going on stops: what it has painted so far stands in (painting the rest now would hold
    // the move's first frame for the time the slices take).
    const partly = slicing.current?.job.picture === latest.current.picture && layer.current;
    stopSlicing();
    moving.current = true;
    const b = partly ? copyScreen(partly, latest.current.view, latest.current.picture) : bitmapNow();
      bitmap.current.setAttrs({ image: b.canvas, x: b.x, y: b.y, width: b.width, height: b.height, visible: true });
    shape.current.visible(false);
  };

  const endMove = useCallback(() => {
    window.clearTimeout(wheelTimer.current);
    if (!moving.current) return;
    moving.current = false;
    bitmap.current?.visible(false);
    shape.current?.visible(true);
    layer.current?.batchDraw();
  }, [layer, shape, bitmap]);

  /** A wheel step: the move goes on until the wheel rests. */
  const wheelMove = () => {
    beginMove();
    window.clearTimeout(wheelTimer.current);
    wheelTimer.current = window.setTimeout(endMove, WHEEL_END_MS);
  };

  // Zoomed in, a copy of the screen lacks what is off screen: paint the whole extent while the page is idle,
  // a slice at a time (10,000 regions take half a second to paint, 100,000 several: never in one go).
  useEffect(() => {
    // A bitmap of other regions is of no use again: let it go (it can hold 64 MB). (One repainted box by box
    // above already shows this picture.)
    if (cached.current && !sameRegions(cached.current.picture, picture)) cached.current = null;
    if (layer.current && !usable(cached.current, picture, view.scale, 4)) delete layer.current.getNativeCanvasElement().dataset.bitmap;
    if (usable(cached.current, picture, view.scale, 2)) return;
    let job: BitmapJob | null = null;
    let handle = 0;
    const run = (deadline?: IdleDeadline) => {
      if (!moving.current) {
        job ??= startBitmap(picture, extentFor(picture), view.scale * (window.devicePixelRatio || 1));
        if (stepPaint(job, idleSliceEnd(deadline))) {
          cached.current = job.bitmap;
          // For the browser tests: a move from now on shows the whole extent.
          if (layer.current) layer.current.getNativeCanvasElement().dataset.bitmap = 'extent';
          return;
        }
      }
      handle = whenIdle(run, { timeout: 1000 });
    };
    // Every region in view (the fitted view): a copy of the screen will do for a move. The extent is measured
    // in slices (100,000 regions take ~100 ms to measure the first time).
    const measure = (deadline?: IdleDeadline) => {
      const extent = extentBy(picture, idleSliceEnd(deadline));
      if (!extent) handle = whenIdle(measure, { timeout: 1000 });
      else if (!allOnScreen(view, width, height, extent)) handle = whenIdle(run, { timeout: 2000 });
    };
    const timer = window.setTimeout(() => (handle = whenIdle(measure, { timeout: 1000 })), 300);
    return () => {
      window.clearTimeout(timer);
      cancelIdle(handle);
    };
  }, [picture, view, width, height]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(
    () => () => {
      window.clearTimeout(wheelTimer.current);
      stopSlicing();
    },
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );

  return { paint, beginMove, endMove, wheelMove, isMoving: () => moving.current };
}
