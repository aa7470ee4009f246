// Image regions: rectangle, ellipse, polygon, keypoint, brush/magic-wand masks (and their *labels forms,
// and `labels` results that carry geometry on an Image): value shape and bounds, in percent of the image.

import { checkRle } from '../brush/rle';
import type { Fix, JsonEdit } from '../finding';
import { rectangleCorners } from '../geometry/image';
import type { ResultCheck, ValueFamily } from '../validate/context';
import { isNum, jsonType, needNumber } from './valueKeys';

export type ImageShape = 'rectangle' | 'ellipse' | 'polygon' | 'keypoint' | 'brush' | 'bitmask' | 'vector';

const BY_TYPE: Record<string, ImageShape> = {
  rectangle: 'rectangle',
  rectanglelabels: 'rectangle',
  ellipse: 'ellipse',
  ellipselabels: 'ellipse',
  polygon: 'polygon',
  polygonlabels: 'polygon',
  keypoint: 'keypoint',
  keypointlabels: 'keypoint',
  brush: 'brush',
  brushlabels: 'brush',
  magicwand: 'brush',
  bitmask: 'bitmask',
  bitmasklabels: 'bitmask',
  vector: 'vector',
  vectorlabels: 'vector',
};

/** Shape of an image result: from its type, or for `labels`-like types from the keys it carries. */
export function imageShapeOf(type: string | null, value: Record<string, unknown> | null): ImageShape | null {
  if (type && BY_TYPE[type]) return BY_TYPE[type];
  if (!value) return null;
  if ('points' in value) return 'polygon';
  if ('rle' in value) return 'brush';
  if ('radiusX' in value) return 'ellipse';
  if ('vertices' in value) return 'vector';
  if ('imageDataURL' in value) return 'bitmask';
  if ('x' in value && 'y' in value) return 'height' in value ? 'rectangle' : 'keypoint';
  return null;
}

const EPS = 1e-3;
const outside = (v: number) => v < -EPS || v > 100 + EPS;
/**
 * How far past an edge (in percent of the image) a value may reach and still be read as a rounding
 * overflow of percent (a YOLO box whose centre +- half its width is 100.2, a devkit's 1-based xmax), not as
 * pixels: pixel numbers above 100 are rarely this close to it, and a prediction in pixels has others.
 */
const SLIVER = 1;
/** A number no rounding of percent gives: the region is in pixels (or some other unit). */
const clearlyAbove = (v: number) => v > 100 + SLIVER;

interface Coord {
  key: string;
  path: (string | number)[];
  v: number;
  axis: 'x' | 'y';
}

function coordsOf(shape: ImageShape, value: Record<string, unknown>): Coord[] {
  const out: Coord[] = [];
  const add = (key: string, axis: 'x' | 'y') => {
    if (isNum(value[key])) out.push({ key, path: ['value', key], v: value[key] as number, axis });
  };
  if (shape === 'polygon') {
    const pts = value.points as unknown[];
    pts.forEach((pt, i) => {
      const [x, y] = pt as number[];
      out.push({ key: `points[${i}][0]`, path: ['value', 'points', i, 0], v: x, axis: 'x' });
      out.push({ key: `points[${i}][1]`, path: ['value', 'points', i, 1], v: y, axis: 'y' });
    });
    return out;
  }
  add('x', 'x');
  add('y', 'y');
  if (shape === 'rectangle') {
    add('width', 'x');
    add('height', 'y');
  }
  if (shape === 'ellipse') {
    add('radiusX', 'x');
    add('radiusY', 'y');
  }
  return out;
}

function imageSize(cx: ResultCheck): { W: number; H: number } | null {
  const W = cx.result.original_width;
  const H = cx.result.original_height;
  return isNum(W) && isNum(H) && W > 0 && H > 0 ? { W, H } : null;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

function checkShape(cx: ResultCheck): void {
  const value = cx.value!;
  const shape = imageShapeOf(cx.type, value);
  if (!shape) {
    // A `labels` result on an image without geometry belongs to the region with its id (orphan-region-ref checks that).
    return;
  }
  if (shape === 'rectangle') {
    for (const k of ['x', 'y', 'width', 'height']) needNumber(cx, k);
    needNumber(cx, 'rotation', true);
  } else if (shape === 'ellipse') {
    for (const k of ['x', 'y', 'radiusX', 'radiusY']) needNumber(cx, k);
    needNumber(cx, 'rotation', true);
  } else if (shape === 'keypoint') {
    needNumber(cx, 'x');
    needNumber(cx, 'y');
    needNumber(cx, 'width', true);
  } else if (shape === 'polygon') {
    const pts = value.points;
    if (!Array.isArray(pts)) {
      cx.report(`value.points is ${jsonType(pts)}; it must be a list of [x, y] points in percent.`, { path: ['value', 'points'] });
      cx.valueOk = false;
      return;
    }
    for (let i = 0; i < pts.length; i++) {
      const pt = pts[i];
      if (!Array.isArray(pt) || pt.length < 2 || !isNum(pt[0]) || !isNum(pt[1])) {
        cx.report(`value.points[${i}] is ${jsonType(pt)}; every point must be [x, y] with two numbers.`, { path: ['value', 'points', i] });
        cx.valueOk = false;
        return;
      }
    }
    if (pts.length < 3) {
      cx.report(`The polygon has ${pts.length} point(s); Label Studio drops polygons with fewer than 3.`, { path: ['value', 'points'] });
      cx.valueOk = false;
    }
  } else if (shape === 'brush') {
    if (value.format !== 'rle') {
      cx.report(`value.format is ${jsonType(value.format)}; brush masks need "format": "rle".`, { path: value.format === undefined ? ['value'] : ['value', 'format'] });
      cx.valueOk = false;
    }
    if (!Array.isArray(value.rle)) {
      cx.report(`value.rle is ${jsonType(value.rle)}; it must be the list of RLE bytes.`, { path: value.rle === undefined ? ['value'] : ['value', 'rle'] });
      cx.valueOk = false;
    }
  } else if (shape === 'vector') {
    if (!Array.isArray(value.vertices)) {
      cx.report(`value.vertices is ${jsonType(value.vertices)}; a vector region needs a list of vertices.`, { path: ['value'] });
      cx.valueOk = false;
    }
  }
}

/** How the image regions of one prediction are measured: mostly in pixels (numbers above 100), or not. */
export interface PixelJudgment {
  /** Image regions of the prediction (results sharing an id are one region). */
  regions: number;
  /** Regions with a coordinate clearly above 100 (more than a rounding sliver): clearly pixels. */
  pixelRegions: number;
  /** Most regions are clearly in pixels, so all of them are taken to be. */
  pixels: boolean;
  /** Results whose coordinates all fit in 0..100, by index (the regions a per-result check would let pass). */
  quiet: Set<number>;
  /** One fix converting every image region of the prediction, or null (a result without original_width/height, or one that would not fit). */
  fix: Fix | null;
}

const judged = new WeakMap<unknown[], PixelJudgment>();
const NOT_PIXELS: PixelJudgment = { regions: 0, pixelRegions: 0, pixels: false, quiet: new Set(), fix: null };

const SCALAR_GEOMETRY = ['x', 'y', 'width', 'height', 'radiusX', 'radiusY'];

/** Does an image result hold a number clearly above 100 (past a rounding sliver) in its geometry (x, y, sizes, radii, points)? */
function hasCoordinateAbove100(res: unknown): boolean {
  if (!res || typeof res !== 'object') return false;
  const value = (res as Record<string, unknown>).value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') return false;
  for (const k of SCALAR_GEOMETRY) {
    const v = value[k];
    if (typeof v === 'number' && clearlyAbove(v)) return true;
  }
  const points = value.points;
  if (Array.isArray(points)) for (const pt of points) if (Array.isArray(pt) && ((typeof pt[0] === 'number' && clearlyAbove(pt[0])) || (typeof pt[1] === 'number' && clearlyAbove(pt[1])))) return true;
  return false;
}

/**
 * Judge the units of a whole prediction, once: a box whose pixel numbers happen to be under 100 looks
 * like percent on its own, so converting region by region would leave the prediction in mixed units.
 */
export function pixelJudgment(results: unknown[], t: number, p: number): PixelJudgment {
  const cached = judged.get(results);
  if (cached) return cached;
  // The common case, a prediction in percent, is told by one look at each result, with nothing built.
  if (!results.some(hasCoordinateAbove100)) {
    judged.set(results, NOT_PIXELS);
    return NOT_PIXELS;
  }
  const regionIsPixels = new Map<string, boolean>();
  const quiet = new Set<number>();
  const edits: JsonEdit[] = [];
  let convertible = true;
  for (let r = 0; r < results.length; r++) {
    const res = results[r] as Record<string, unknown>;
    if (!res || typeof res !== 'object' || Array.isArray(res)) continue;
    const value = res.value as Record<string, unknown>;
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const shape = imageShapeOf(typeof res.type === 'string' ? res.type : null, value);
    if (shape !== 'rectangle' && shape !== 'ellipse' && shape !== 'keypoint' && shape !== 'polygon') continue;
    if (shape === 'polygon' && (!Array.isArray(value.points) || !value.points.every((pt) => Array.isArray(pt) && isNum(pt[0]) && isNum(pt[1])))) continue;
    const coords = coordsOf(shape, value);
    if (!coords.length) continue;
    const above = coords.some((c) => clearlyAbove(c.v));
    if (!coords.some((c) => c.v > 100 + EPS)) quiet.add(r);
    const key = typeof res.id === 'string' || typeof res.id === 'number' ? `id:${String(res.id)}` : `result:${r}`;
    regionIsPixels.set(key, (regionIsPixels.get(key) ?? false) || above);
    const W = res.original_width;
    const H = res.original_height;
    if (!isNum(W) || !isNum(H) || W <= 0 || H <= 0) {
      convertible = false;
      continue;
    }
    for (const c of coords) {
      const pct = (c.v / (c.axis === 'x' ? W : H)) * 100;
      const isSize = c.key === 'width' || c.key === 'height' || c.key.startsWith('radius');
      if (isSize ? pct < 0 : outside(pct)) convertible = false;
      edits.push({ task: t, path: ['predictions', p, 'result', r, ...c.path], value: round(pct) });
    }
  }
  const regions = regionIsPixels.size;
  let pixelRegions = 0;
  for (const v of regionIsPixels.values()) if (v) pixelRegions++;
  const pixels = pixelRegions > 0 && pixelRegions * 2 > regions;
  const fix = pixels && convertible && edits.length ? { title: `Convert all ${regions} image region${regions === 1 ? '' : 's'} of this prediction from pixels to percent`, edits } : null;
  const judgment = { regions, pixelRegions, pixels, quiet, fix };
  judged.set(results, judgment);
  return judgment;
}

const inRange = (v: unknown) => typeof v === 'number' && v >= -EPS && v <= 100 + EPS;

/** The common case, without allocating: an unrotated rectangle inside the image. */
function rectangleInside(value: Record<string, unknown>): boolean {
  const { x, y, width, height, rotation } = value as Record<string, number>;
  return inRange(x) && inRange(y) && inRange(width) && inRange(height) && (rotation === undefined || rotation === 0) && x + width <= 100 + EPS && y + height <= 100 + EPS;
}

function checkBounds(cx: ResultCheck): void {
  const value = cx.value!;
  const shape = imageShapeOf(cx.type, value);
  if (!shape || shape === 'brush' || shape === 'bitmask' || shape === 'vector') return;
  if (shape === 'rectangle' && rectangleInside(value)) return;
  const coords = coordsOf(shape, value);
  const bad: string[] = [];
  let firstPath: (string | number)[] | null = null;
  let anyAbove = false;
  for (const c of coords) {
    const isSize = c.key === 'width' || c.key === 'height' || c.key.startsWith('radius');
    if (isSize && c.v < 0) {
      bad.push(`${c.key} = ${c.v} is negative`);
      firstPath ??= c.path;
    } else if (outside(c.v)) {
      bad.push(`${c.key} = ${c.v}`);
      firstPath ??= c.path;
      if (c.v > 100) anyAbove = true;
    }
  }
  if (shape === 'rectangle' && !bad.length) {
    const x = value.x as number;
    const y = value.y as number;
    const w = value.width as number;
    const h = value.height as number;
    const rotation = isNum(value.rotation) ? value.rotation : 0;
    if (rotation % 360 === 0) {
      if (x + w > 100 + EPS) {
        bad.push(`x + width = ${round(x + w)} goes past the right edge`);
        firstPath ??= ['value', 'width'];
      }
      if (y + h > 100 + EPS) {
        bad.push(`y + height = ${round(y + h)} goes past the bottom edge`);
        firstPath ??= ['value', 'height'];
      }
    } else {
      const size = imageSize(cx);
      if (size) {
        const corners = rectangleCorners({ x, y, width: w, height: h, rotation }, size.W, size.H);
        const tol = 0.5;
        if (corners.some((p) => p.x < -tol || p.y < -tol || p.x > size.W + tol || p.y > size.H + tol)) {
          cx.report(`Rotated by ${rotation}° about its top-left corner, this rectangle has corners outside the image; Label Studio draws it cut off.`, { path: ['value', 'rotation'], severity: 'warning' });
        }
      }
    }
  }
  if ((shape === 'ellipse' || shape === 'keypoint') && !bad.length) reportOverhang(cx, shape, value);
  if (!bad.length) return;
  let message = `Outside the image: ${bad.join(', ')}. Image coordinates are percent of the image (0..100).`;
  const size = imageSize(cx);
  let fix;
  const judgment = anyAbove && Array.isArray(cx.prediction.result) ? pixelJudgment(cx.prediction.result as unknown[], cx.t, cx.p) : null;
  const sliver = judgment?.pixels ? null : roundingOverflow(shape, value, coords);
  if (sliver) {
    reportSliver(cx, shape, value, coords, message, sliver, firstPath);
    return;
  }
  if (judgment?.pixels && judgment.fix) {
    const others = judgment.regions === 1 ? '' : judgment.pixelRegions === judgment.regions ? `, as all ${judgment.regions} image regions of this prediction do` : `, as ${judgment.pixelRegions} of the ${judgment.regions} image regions of this prediction do`;
    message += ` These look like pixels${others}: the fix converts ${judgment.regions === 1 ? 'them' : 'every region of the prediction'} with original_width and original_height${size ? ` (${size.W} x ${size.H})` : ''}.`;
    fix = judgment.fix;
  } else if (anyAbove) {
    if (size) {
      const edits: JsonEdit[] = [];
      const base = ['predictions', cx.p, 'result', cx.r];
      const converted = coords.map((c) => ({ c, pct: (c.v / (c.axis === 'x' ? size.W : size.H)) * 100 }));
      const fits = converted.every(({ c, pct }) => (c.key.startsWith('radius') || c.key === 'width' || c.key === 'height' ? pct >= 0 : !outside(pct)));
      for (const { c, pct } of converted) edits.push({ task: cx.t, path: [...base, ...c.path], value: round(pct) });
      message += ` These look like pixels: in a ${size.W} x ${size.H} image, divide x values by ${size.W} and y values by ${size.H}, times 100.`;
      if (fits) fix = { title: `Convert pixels to percent (${size.W} x ${size.H} image)`, edits };
    } else {
      message += ' These look like pixels: divide by the image width/height and multiply by 100 (add original_width and original_height to let prelabel do it).';
    }
  }
  cx.report(message, { path: firstPath ?? ['value'], ...(fix ? { fix } : {}) });
}

/**
 * How far the geometry reaches outside 0..100 when all of it is within a rounding sliver of the image
 * (no negative size, nothing past SLIVER), and whether a single value is above 100; null otherwise.
 */
function roundingOverflow(shape: ImageShape, value: Record<string, unknown>, coords: Coord[]): { by: number; valueAbove100: boolean } | null {
  let by = 0;
  let valueAbove100 = false;
  for (const c of coords) {
    const isSize = c.key === 'width' || c.key === 'height' || c.key.startsWith('radius');
    if (isSize && c.v < 0) return null;
    by = Math.max(by, -c.v, c.v - 100);
    if (c.v > 100 + EPS) valueAbove100 = true;
  }
  if (shape === 'rectangle' && !(isNum(value.rotation) && value.rotation % 360 !== 0)) {
    const { x, y, width, height } = value as Record<string, number>;
    by = Math.max(by, x + width - 100, y + height - 100);
  }
  return by <= SLIVER ? { by, valueAbove100 } : null;
}

/** The value cut into the image: an unrotated box keeps its far edge when its near edge is cut, and ends at 100. */
function clampedEdits(cx: ResultCheck, shape: ImageShape, value: Record<string, unknown>, coords: Coord[]): JsonEdit[] {
  const base = ['predictions', cx.p, 'result', cx.r];
  const edits: JsonEdit[] = [];
  const set = (path: (string | number)[], from: number, to: number) => {
    if (Math.abs(from - to) > 1e-9) edits.push({ task: cx.t, path: [...base, ...path], value: round(to) });
  };
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  if (shape === 'rectangle' && !(isNum(value.rotation) && value.rotation % 360 !== 0)) {
    for (const [pos, size] of [['x', 'width'], ['y', 'height']] as const) {
      const p = value[pos] as number;
      const w = value[size] as number;
      const p2 = clamp(p);
      const w2 = Math.max(0, Math.min(w + Math.min(0, p), 100 - p2));
      set(['value', pos], p, p2);
      set(['value', size], w, w2);
    }
    return edits;
  }
  for (const c of coords) set(c.path, c.v, clamp(c.v));
  return edits;
}

/**
 * Geometry a rounding sliver past the edge: percent that overflows, not pixels. Label Studio's editor does
 * not clamp a prediction when it loads it (RectRegion and the other regions take x, y, width, height as
 * given; only dragging is bounded, by fixRectToFit), so the region is drawn that much past the edge: a
 * warning. A single value above 100 is an error: Label Studio's prediction check (label-studio-sdk
 * `validate_prediction`, whose RectangleValue, KeyPoint, Ellipse and Polygon values are `confloat(le=100)`)
 * rejects it, and with it the import, when the server validates predictions.
 */
function reportSliver(cx: ResultCheck, shape: ImageShape, value: Record<string, unknown>, coords: Coord[], message: string, sliver: { by: number; valueAbove100: boolean }, firstPath: (string | number)[] | null): void {
  const by = round(sliver.by);
  const edits = clampedEdits(cx, shape, value, coords);
  const what = shape === 'rectangle' ? 'box' : shape;
  let text = `${message} It reaches past the edge by ${by} (at most ${SLIVER} point): a rounding overflow of percent, not pixels.`;
  text += sliver.valueAbove100
    ? ' Label Studio\'s prediction check rejects a value above 100 (its import fails when predictions are validated); its editor would draw the region as given.'
    : ` Label Studio draws the ${what} as given, ${by}% past the edge (it does not clamp predictions).`;
  text += ' The fix clamps it to the image.';
  cx.report(text, {
    path: firstPath ?? ['value'],
    ...(sliver.valueAbove100 ? {} : { severity: 'warning' as const }),
    ...(edits.length ? { fix: { title: shape === 'rectangle' ? 'Clamp the box to the image edges' : 'Clamp the coordinates to the image (0..100)', edits } } : {}),
  });
}

/**
 * An ellipse or keypoint whose centre is on the image but whose outline reaches past an edge: Label
 * Studio draws it cut off. Extents in pixels (radii are percent of the width and of the height; a
 * keypoint's `width` is its radius in percent of the width); without original_width/height, square pixels.
 */
function reportOverhang(cx: ResultCheck, shape: 'ellipse' | 'keypoint', value: Record<string, unknown>): void {
  const known = imageSize(cx);
  const { W, H } = known ?? { W: 100, H: 100 };
  const cxp = ((value.x as number) / 100) * W;
  const cyp = ((value.y as number) / 100) * H;
  let halfW: number;
  let halfH: number;
  if (shape === 'ellipse') {
    const rx = ((value.radiusX as number) / 100) * W;
    const ry = ((value.radiusY as number) / 100) * H;
    const t = ((isNum(value.rotation) ? value.rotation : 0) * Math.PI) / 180;
    halfW = Math.sqrt((rx * Math.cos(t)) ** 2 + (ry * Math.sin(t)) ** 2);
    halfH = Math.sqrt((rx * Math.sin(t)) ** 2 + (ry * Math.cos(t)) ** 2);
  } else {
    if (!isNum(value.width) || value.width <= 0) return;
    halfW = halfH = (value.width / 100) * W;
  }
  const tol = known ? 0.5 : EPS;
  const edges: string[] = [];
  if (cxp - halfW < -tol) edges.push('left');
  if (cxp + halfW > W + tol) edges.push('right');
  if (cyp - halfH < -tol) edges.push('top');
  if (cyp + halfH > H + tol) edges.push('bottom');
  if (!edges.length) return;
  const what = shape === 'ellipse' ? 'This ellipse (x, y is its centre, radiusX and radiusY its radii)' : `This keypoint (radius width = ${value.width}% of the image width)`;
  cx.report(`${what} reaches past the ${edges.join(', ')} edge${edges.length > 1 ? 's' : ''} of the image; Label Studio draws it cut off.`, { path: ['value', shape === 'ellipse' ? 'radiusX' : 'width'], severity: 'warning' });
}

function checkMask(cx: ResultCheck): void {
  const value = cx.value!;
  if (imageShapeOf(cx.type, value) !== 'brush' || !Array.isArray(value.rle)) return;
  const size = imageSize(cx);
  if (!size) return checkUnsizedMask(cx, value.rle);
  const res = checkRle(value.rle, size.W, size.H);
  if (!res.ok) {
    cx.report(`The brush mask does not decode: ${res.problem}`, { path: ['value', 'rle'] });
  } else if (res.painted === 0) {
    reportEmpty(cx);
  }
}

function reportEmpty(cx: ResultCheck): void {
  cx.report('The brush mask decodes but paints no pixel (its alpha channel is all zero): Label Studio shows an empty region.', { path: ['value', 'rle'], severity: 'warning' });
}

/** The natural size of the loaded image this result is on, when the app has loaded it. */
function loadedSize(cx: ResultCheck): { W: number; H: number } | null {
  const variable = cx.object?.variable;
  const src = variable && cx.data ? cx.data[variable] : undefined;
  const s = typeof src === 'string' ? cx.options.imageSizes?.get(src) : undefined;
  return s && s.width > 0 && s.height > 0 ? { W: s.width, H: s.height } : null;
}

/**
 * A mask without original_width/original_height: Label Studio decodes it at the image's natural size, so
 * it is checked at the loaded image's size when the app has one, and the fix writes that size in.
 */
function checkUnsizedMask(cx: ResultCheck, rle: unknown[]): void {
  const loaded = loadedSize(cx);
  const res = checkRle(rle, loaded?.W, loaded?.H, "the loaded image's width x height");
  if (!res.ok) {
    const unfit = loaded && res.header && res.header.words !== loaded.W * loaded.H * 4;
    cx.report(`The brush mask does not decode: ${res.problem}${unfit ? " The result has no original_width/original_height, so Label Studio decodes it at the image's natural size, which it does not fit." : ''}`, { path: ['value', 'rle'] });
    return;
  }
  const missing = ['original_width', 'original_height'].filter((k) => !(isNum(cx.result[k]) && (cx.result[k] as number) > 0));
  const what = missing.length === 2 ? 'original_width and original_height are missing' : `${missing[0]} is missing`;
  if (loaded) {
    const base = ['predictions', cx.p, 'result', cx.r];
    cx.report(`${what}: Label Studio decodes the mask at the image's natural size, here ${loaded.W} x ${loaded.H} (the loaded image), which the mask fits. Add the sizes so that the mask does not depend on which image is loaded.`, {
      path: [],
      severity: 'warning',
      fix: {
        title: `Add original_width ${loaded.W} and original_height ${loaded.H} (the loaded image)`,
        edits: [
          { task: cx.t, path: [...base, 'original_width'], value: loaded.W },
          { task: cx.t, path: [...base, 'original_height'], value: loaded.H },
        ],
      },
    });
  } else {
    const words = res.header!.words;
    cx.report(`${what}: Label Studio decodes the mask at the image's natural size, which prelabel does not know until the image is loaded (the mask holds ${words} bytes, ${words / 4} pixels). Open the image to check the mask against it and add the sizes.`, { path: [], severity: 'warning' });
  }
  if (res.painted === 0) reportEmpty(cx);
}

export const imageFamily: ValueFamily = {
  id: 'image',
  regionKind: imageShapeOf,
  checks: {
    'value-shape': checkShape,
    'out-of-bounds': checkBounds,
    'rle-invalid': checkMask,
  },
};

/** Geometry keys that a `labels`-type result copies from its shape (not label keys). */
export const GEOMETRY_KEYS = new Set(['x', 'y', 'width', 'height', 'rotation', 'radiusX', 'radiusY', 'points', 'rle', 'format', 'closed']);
