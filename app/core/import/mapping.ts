// Imported images onto the user's config: the control per geometry, class names to its labels, tasks out.

import type { ConfigModel, ControlTag, LabelOption, ObjectTag } from '../config/model';
import { ImportError, type ImportResult, type Shape, type ShapeKind } from './model';

/** Where one geometry kind goes: a `*Labels` control, or a shape control plus a `Labels` control on the same image. */
export interface KindTarget {
  kind: ShapeKind;
  /** RectangleLabels / PolygonLabels / KeyPointLabels / BrushLabels, or the plain shape control. */
  control: ControlTag;
  /** With a plain shape control: the Labels control that carries the label. */
  labels: ControlTag | null;
}

export interface MappingPlan {
  object: ObjectTag;
  targets: Partial<Record<ShapeKind, KindTarget>>;
  /** COCO segmentations written as their bbox, because the config has no polygon/brush control. */
  boxesForSegments: boolean;
  /** class name -> label, per control name. */
  labels: Map<string, Map<string, string>>;
  /** class -> label pairs for the dialog and the summary: one row per class and control. */
  rows: { className: string; control: string; label: string | null; how: 'map' | 'exact' | 'case' | 'index' | 'dynamic' | null; count: number }[];
  /** Classes (and keypoints) with no label: the import stops with `unmappedMessage`. */
  unmapped: string[];
  unmappedMessage: string | null;
}

const LABELED: Record<ShapeKind, [string, string]> = {
  rectangle: ['RectangleLabels', 'Rectangle'],
  polygon: ['PolygonLabels', 'Polygon'],
  keypoint: ['KeyPointLabels', 'KeyPoint'],
  mask: ['BrushLabels', 'Brush'],
};
const VALUE_KEY: Record<string, string> = { RectangleLabels: 'rectanglelabels', PolygonLabels: 'polygonlabels', KeyPointLabels: 'keypointlabels', BrushLabels: 'brushlabels', Labels: 'labels' };
const KIND_WORD: Record<ShapeKind, string> = { rectangle: 'boxes', polygon: 'polygons', keypoint: 'keypoints', mask: 'masks' };

function kindsIn(result: ImportResult): Set<ShapeKind> {
  const kinds = new Set<ShapeKind>();
  for (const im of result.images) for (const o of im.objects) for (const s of o.shapes) kinds.add(s.kind);
  return kinds;
}

function targetFor(config: ConfigModel, object: ObjectTag, kind: ShapeKind): KindTarget | null {
  const on = [...config.controls.values()].filter((c) => c.toName.includes(object.name));
  const [labeled, plain] = LABELED[kind];
  const c = on.find((x) => x.tag === labeled);
  if (c) return { kind, control: c, labels: null };
  const p = on.find((x) => x.tag === plain);
  const l = on.find((x) => x.tag === 'Labels');
  if (p && l) return { kind, control: p, labels: l };
  return null;
}

/** The `model_index` attribute of a <Label> (Label Studio's ML backends use it to tie keypoint labels to model outputs). */
function modelIndex(config: ConfigModel, option: LabelOption): number | null {
  const m = /^<[^>]*\bmodel_index\s*=\s*["'](\d+)["']/.exec(config.text.slice(option.offset, option.offset + 2000));
  return m ? Number(m[1]) : null;
}

function findLabel(control: ControlTag, name: string): { label: string; how: 'exact' | 'case' } | null {
  const exact = control.optionSet.get(name);
  if (exact) return { label: exact.value, how: 'exact' };
  const lower = name.toLowerCase();
  for (const o of control.options) if (o.value.toLowerCase() === lower || o.alias?.toLowerCase() === lower) return { label: o.value, how: 'case' };
  return null;
}

/** Plan the mapping; `map` is the user's class=label pairs (`--map`, the dialog). */
export function planMapping(result: ImportResult, config: ConfigModel, map: Record<string, string> = {}): MappingPlan {
  const images = [...config.objects.values()].filter((o) => o.tag === 'Image');
  if (!images.length) throw new ImportError('the config has no <Image> tag to put the predictions on.');
  const kinds = kindsIn(result);
  // The image whose controls take the most of the kinds found.
  let object = images[0];
  let best = -1;
  for (const im of images) {
    const n = [...kinds].filter((k) => targetFor(config, im, k)).length;
    if (n > best) [object, best] = [im, n];
  }
  if (!object.variable) throw new ImportError(`the <Image name="${object.name}"> has value="${object.value ?? ''}", not a $variable: the task data cannot name the image.`);
  const targets: MappingPlan['targets'] = {};
  let boxesForSegments = false;
  const missing: ShapeKind[] = [];
  for (const k of kinds) {
    const t = targetFor(config, object, k);
    if (t) targets[k] = t;
    else missing.push(k);
  }
  // COCO segmentations on a boxes-only config: their bbox is what the config can show.
  const segs = missing.filter((k) => k === 'polygon' || k === 'mask');
  if (segs.length && result.format === 'coco' && (targets.rectangle ?? targetFor(config, object, 'rectangle'))) {
    const allHaveBox = result.images.every((im) => im.objects.every((o) => !o.shapes.some((s) => s.kind === 'polygon' || s.kind === 'mask') || o.boxFallback));
    if (allHaveBox) {
      boxesForSegments = true;
      targets.rectangle = targets.rectangle ?? targetFor(config, object, 'rectangle')!;
      for (const k of segs) missing.splice(missing.indexOf(k), 1);
    }
  }
  if (missing.length) {
    const want = missing.map((k) => `${KIND_WORD[k]} (${LABELED[k][0]}, or ${LABELED[k][1]} with Labels)`).join(', ');
    throw new ImportError(`the input has ${want.replace(/ \(.*?\)/g, '')}, but the config has no control for them on <Image name="${object.name}">: add ${want}, or leave out --config to have one generated.`);
  }

  const labels = new Map<string, Map<string, string>>();
  const rows: MappingPlan['rows'] = [];
  const unmapped: string[] = [];
  const problems: string[] = [];
  const seen = new Map<string, MappingPlan['rows'][number]>();
  const resolve = (control: ControlTag, name: string, index: number | null, fallbackName: string | null) => {
    const key = `${control.name}\u0000${name}`;
    const had = seen.get(key);
    if (had) {
      had.count++;
      return;
    }
    let label: string | null = null;
    let how: MappingPlan['rows'][number]['how'] = null;
    if (map[name] !== undefined) {
      const f = findLabel(control, map[name]);
      if (f || control.dynamicOptions) [label, how] = [f?.label ?? map[name], 'map'];
      else problems.push(`--map ${name}=${map[name]}: "${map[name]}" is not a label of ${control.tag} "${control.name}".`);
    } else if (control.dynamicOptions) [label, how] = [name, 'dynamic'];
    else {
      const f = findLabel(control, name);
      if (f) [label, how] = [f.label, f.how];
      else if (index !== null) {
        const byIndex = control.options.find((o) => modelIndex(config, o) === index);
        if (byIndex) [label, how] = [byIndex.value, 'index'];
      }
      if (!label && fallbackName !== null) {
        const f2 = findLabel(control, fallbackName);
        if (f2) [label, how] = [f2.label, f2.how];
      }
    }
    const row = { className: name, control: control.name, label, how, count: 1 };
    seen.set(key, row);
    rows.push(row);
    if (label === null) unmapped.push(name);
    let m = labels.get(control.name);
    if (!m) labels.set(control.name, (m = new Map()));
    if (label !== null) m.set(name, label);
  };
  for (const im of result.images) {
    for (const o of im.objects) {
      for (const s of shapesOf(o, boxesForSegments)) {
        const t = targets[s.kind]!;
        const control = t.labels ?? t.control;
        if (s.kind === 'keypoint') resolve(control, keypointName(s), s.index, o.className);
        else resolve(control, o.className, null, null);
      }
    }
  }
  let unmappedMessage: string | null = null;
  const unnamed = new Set<string>();
  for (const im of result.images) for (const o of im.objects) if (o.unnamed && unmapped.includes(o.className)) unnamed.add(o.className);
  if (unmapped.length || problems.length) {
    const parts: string[] = [...problems];
    const byControl = new Map<string, string[]>();
    for (const r of rows) if (r.label === null) byControl.set(r.control, [...(byControl.get(r.control) ?? []), r.className]);
    for (const [name, list] of byControl) {
      const c = config.controls.get(name)!;
      const offered = c.options.map((o) => o.value);
      parts.push(`${list.length} class${list.length === 1 ? '' : 'es'} ${list.length === 1 ? 'has' : 'have'} no label in ${c.tag} "${name}": ${list.map((n) => (unnamed.has(n) ? `${n} (a class id past the class names)` : n)).join(', ')}. Its labels: ${offered.join(', ') || '(none)'}.`);
    }
    const firstRow = rows.find((r) => r.label === null);
    const firstLabel = firstRow ? config.controls.get(firstRow.control)?.options[0]?.value : undefined;
    const example = firstRow ? `--map ${firstRow.className}=${firstLabel ?? 'Label'}` : '--map CLASS=LABEL';
    parts.push(`Map each with ${example} (repeatable), or add the label to the config. Nothing was written.`);
    unmappedMessage = parts.join('\n');
  }
  return { object, targets, boxesForSegments, labels, rows, unmapped, unmappedMessage };
}

const keypointName = (s: Extract<Shape, { kind: 'keypoint' }>) => s.name ?? String(s.index);

function shapesOf(o: ImportResult['images'][number]['objects'][number], boxesForSegments: boolean): Shape[] {
  if (!boxesForSegments || !o.boxFallback) return o.shapes;
  const rest = o.shapes.filter((s) => s.kind !== 'polygon' && s.kind !== 'mask');
  return [o.boxFallback, ...rest];
}

export interface TaskOptions {
  /** Prefix of the image's name in `data` (default `/data/local-files/?d=`, Label Studio's local storage). */
  imageRootUrl?: string;
  modelVersion: string;
}

export const DEFAULT_IMAGE_ROOT = '/data/local-files/?d=';

/** The tasks, one per image, one prediction each. Throws the unmapped-class message when the plan has one. */
export function buildTasks(result: ImportResult, plan: MappingPlan, options: TaskOptions): Record<string, unknown>[] {
  if (plan.unmappedMessage) throw new ImportError(plan.unmappedMessage);
  const root = options.imageRootUrl ?? DEFAULT_IMAGE_ROOT;
  const toName = plan.object.name;
  return result.images.map((im) => {
    const out: Record<string, unknown>[] = [];
    const size = im.width && im.height ? { original_width: im.width, original_height: im.height, image_rotation: 0 } : {};
    let n = 0;
    const scores: number[] = [];
    for (const o of im.objects) {
      if (o.score !== null) scores.push(o.score);
      let parent: string | null = null;
      for (const s of shapesOf(o, plan.boxesForSegments)) {
        const t = plan.targets[s.kind]!;
        const labelControl = t.labels ?? t.control;
        const className = s.kind === 'keypoint' ? keypointName(s) : o.className;
        const label = plan.labels.get(labelControl.name)!.get(className)!;
        const id = `r${++n}`;
        const geometry = shapeValue(s);
        const extra: Record<string, unknown> = {};
        if (o.score !== null) extra.score = o.score;
        // Pose: the points belong to their box (Label Studio's own YOLO keypoint export links them so).
        if (s.kind === 'keypoint' && parent) extra.parentID = parent;
        if (s.kind === 'rectangle' && parent === null) parent = id;
        const maskSize = s.kind === 'mask' ? { original_width: s.width, original_height: s.height, image_rotation: 0 } : size;
        if (t.labels) {
          out.push({ id, type: t.control.type, from_name: t.control.name, to_name: toName, ...maskSize, value: geometry, ...extra });
          out.push({ id, type: 'labels', from_name: t.labels.name, to_name: toName, ...maskSize, value: { ...geometry, labels: [label] }, ...extra });
        } else {
          out.push({ id, type: t.control.type, from_name: t.control.name, to_name: toName, ...maskSize, value: { ...geometry, [VALUE_KEY[t.control.tag]]: [label] }, ...extra });
        }
      }
    }
    const prediction: Record<string, unknown> = { model_version: options.modelVersion };
    // The prediction's score (Label Studio sorts and filters tasks by it): the mean of its regions' scores.
    if (scores.length) prediction.score = tidy(scores.reduce((a, b) => a + b, 0) / scores.length);
    prediction.result = out;
    // Each part of the path percent-encoded: a '#', '&' or '?' in a file name would cut the URL short.
    return { data: { [plan.object.variable!]: root + im.file.split('/').map(encodeURIComponent).join('/') }, predictions: [prediction] };
  });
}

/**
 * A computed number without floating-point noise (89.99999999999999 is 90): 9 decimals, far below a pixel in
 * percent of any image, and a score keeps what its model wrote.
 */
const tidy = (v: number) => Math.round(v * 1e9) / 1e9;

function shapeValue(s: Shape): Record<string, unknown> {
  if (s.kind === 'rectangle') return { x: tidy(s.x), y: tidy(s.y), width: tidy(s.width), height: tidy(s.height), rotation: tidy(s.rotation) };
  if (s.kind === 'polygon') return { points: s.points.map(([x, y]) => [tidy(x), tidy(y)]), closed: true };
  if (s.kind === 'keypoint') return { x: tidy(s.x), y: tidy(s.y) };
  return { format: 'rle', rle: s.rle };
}
