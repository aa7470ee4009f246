// Rules about regions across one prediction's results: shared ids, references, units.

import { findControl, type LabelOption } from '../../config/model';
import { imageShapeOf, pixelJudgment, type ImageShape } from '../../tags/image';
import type { JsonEdit } from '../../finding';
import type { PredictionCheck, Rule } from '../context';
import { isObject } from '../../tasks/jsonValue';
import { jsonType } from '../../tags/valueKeys';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  doc: 'Two different regions with the same `id` in one prediction: two results from the same control, or two different shapes. (Results of one region sharing an id, like the OCR box + label + transcription, are correct.)',
  prediction(cx) {
    for (const region of cx.regions.byId.values()) {
      if (region.results.length < 2) continue;
      const seen = new Map<string, number>();
      let firstShape: { r: number; kind: string } | null = null;
      for (const r of region.results) {
        const res = cx.results[r] as Record<string, unknown>;
        if (!cx.resultSound[r] || !isObject(res)) continue;
        const key = `${String(res.from_name)}\u0000${String(res.type)}`;
        const prev = seen.get(key);
        if (prev !== undefined) {
          cx.report(`Result ${r} has the same id "${region.id}" as result ${prev}, and both come from "${String(res.from_name)}": they are two regions, and Label Studio merges them into one. Give each region its own id.`, { result: r, path: ['id'] });
          continue;
        }
        seen.set(key, r);
        // Only shape types define a shape; a `labels` result copies its region's geometry.
        const kind = imageShapeOf(String(res.type), null);
        if (!kind) continue;
        if (firstShape && firstShape.kind !== kind) {
          cx.report(`Result ${r} is a ${kind} with id "${region.id}", but result ${firstShape.r} with that id is a ${firstShape.kind}: one region has one shape. Give each shape its own id.`, { result: r, path: ['id'] });
        } else if (!firstShape) firstShape = { r, kind };
      }
    }
  },
};

export const orphanRegionRef: Rule = {
  id: 'orphan-region-ref',
  severity: 'error',
  doc: 'A per-region result (perRegion TextArea/Choices/..., or a `labels` result without geometry) or a relation pointing at an id that no region has.',
  prediction(cx) {
    const { regions } = cx;
    cx.results.forEach((res, r) => {
      if (!cx.resultSound[r] || !isObject(res)) return;
      if (res.type === 'relation') {
        for (const key of ['from_id', 'to_id']) {
          const id = res[key];
          if ((typeof id === 'string' || typeof id === 'number') && !regions.byId.has(String(id))) {
            cx.report(`The relation's ${key} "${String(id)}" is the id of no region in this prediction: Label Studio drops the relation.`, { result: r, path: [key] });
          }
        }
        return;
      }
      if (res.id === undefined) return;
      const control = typeof res.from_name === 'string' && cx.config.ok ? findControl(cx.config, res.from_name) : undefined;
      const value = isObject(res.value) ? res.value : null;
      const labelsWithoutShape = res.type === 'labels' && value && !('start' in value) && imageShapeOf('labels', value) === null;
      if ((control?.perRegion || labelsWithoutShape) && !regions.hasRegion(res.id)) {
        cx.report(`This ${String(res.type)} result has id ${typeof res.id === 'string' || typeof res.id === 'number' ? `"${res.id}"` : jsonType(res.id)}, but no region (shape or span) in this prediction has that id, so it describes nothing. Share the id of the region it belongs to.`, { result: r, path: ['id'] });
      }
    });
  },
};

/** Does any label or choice of the config have a maxUsages? (Most configs have none: 100,000 results are not walked for it.) */
const usageLimits = new WeakMap<object, boolean>();
function limitsUsages(config: PredictionCheck['config']): boolean {
  let has = usageLimits.get(config);
  if (has === undefined) {
    has = false;
    for (const control of config.controls.values()) if (control.options.some((o) => o.maxUsages !== null)) has = true;
    usageLimits.set(config, has);
  }
  return has;
}

export const maxUsages: Rule = {
  id: 'max-usages',
  severity: 'error',
  doc: 'More regions (or answers) of one prediction carry a label or choice than its `maxUsages` (on the `<Label>`/`<Choice>` or its control) allows.',
  prediction(cx) {
    if (!cx.config.ok || !limitsUsages(cx.config)) return;
    // Regions already counted per option: results sharing an id are one region (FORMAT-NOTES §3).
    const seen = new Map<LabelOption, Set<string>>();
    cx.results.forEach((res, r) => {
      if (!cx.resultSound[r] || !isObject(res) || !isObject(res.value) || typeof res.from_name !== 'string' || typeof res.type !== 'string') return;
      const control = findControl(cx.config, res.from_name);
      if (!control || control.dynamicOptions) return;
      const key = res.type === 'choices' ? 'choices' : res.type.endsWith('labels') ? (res.type in res.value ? res.type : 'labels') : null;
      const list = key ? res.value[key] : undefined;
      if (!Array.isArray(list)) return;
      for (const label of new Set(list)) {
        const option = typeof label === 'string' ? control.optionSet.get(label) : undefined;
        if (!option || option.maxUsages === null) continue;
        let regions = seen.get(option);
        if (!regions) seen.set(option, (regions = new Set()));
        const region = typeof res.id === 'string' || typeof res.id === 'number' ? `id:${String(res.id)}` : `result:${r}`;
        if (regions.has(region)) continue;
        regions.add(region);
        if (regions.size === option.maxUsages + 1) {
          const what = res.type === 'choices' ? 'answers' : 'regions';
          cx.report(`"${option.value}" of "${control.name}" may be used ${option.maxUsages} time(s) (maxUsages), but this is the ${ordinal(regions.size)} of this prediction's ${what} with it. Label Studio does not let an annotator go past the limit; remove the extra ${what} or raise maxUsages in the config.`, {
            result: r,
            path: ['value', key!],
          });
        }
      }
    });
  },
};

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** A prediction whose image geometry is all within 0..1: normalized fractions where percent belongs. */
export const suspectUnits: Rule = {
  id: 'suspect-units',
  severity: 'warning',
  doc: 'Every image coordinate of a prediction is within 0..1: they look like normalized fractions where Label Studio wants percent (0..100). Or most regions of a prediction are in pixels and this one\'s numbers just happen to fit 0..100: the fix converts the whole prediction.',
  prediction(cx: PredictionCheck) {
    pixelsThatLookLikePercent(cx);
    // First pass without allocating: most predictions are in percent and stop here.
    let count = 0;
    let max = 0;
    let first = -1;
    const shapes: (ImageShape | null)[] = [];
    for (let r = 0; r < cx.results.length; r++) {
      const shape = fractionShape(cx, r);
      shapes.push(shape);
      if (!shape) continue;
      const m = maxCoordinate(shape, (cx.results[r] as { value: Record<string, unknown> }).value);
      if (m < 0) continue;
      count++;
      if (first === -1) first = r;
      if (m > max) max = m;
      if (max > 1) return;
    }
    if (count === 0 || max === 0) return;
    const edits: JsonEdit[] = [];
    shapes.forEach((shape, r) => {
      if (!shape) return;
      const value = (cx.results[r] as { value: Record<string, unknown> }).value;
      const base = ['predictions', cx.p, 'result', r, 'value'];
      if (shape === 'polygon') {
        (value.points as unknown[]).forEach((pt, i) => Array.isArray(pt) && pt.slice(0, 2).forEach((v, j) => typeof v === 'number' && edits.push({ task: cx.t, path: [...base, 'points', i, j], value: v * 100 })));
      } else {
        for (const k of SCALAR_KEYS) if (typeof value[k] === 'number' && !(shape === 'keypoint' && k === 'width')) edits.push({ task: cx.t, path: [...base, k], value: (value[k] as number) * 100 });
      }
    });
    cx.report(`All ${count} image region(s) of this prediction lie within 0..1: these look like normalized fractions (YOLO/COCO-style), but Label Studio reads percent (0..100), so every region is drawn in the top-left 1% of the image. Multiply by 100.`, {
      result: first,
      path: ['value'],
      fix: { title: 'Multiply all image coordinates of this prediction by 100', edits },
    });
  },
};

/** In a prediction mostly in pixels, the regions whose numbers happen to fit 0..100 get the prediction's fix too. */
function pixelsThatLookLikePercent(cx: PredictionCheck): void {
  const judgment = pixelJudgment(cx.results, cx.t, cx.p);
  if (!judgment.pixels) return;
  const done = new Set<string>();
  for (const r of judgment.quiet) {
    if (!cx.resultSound[r]) continue;
    const res = cx.results[r] as Record<string, unknown>;
    const region = typeof res.id === 'string' || typeof res.id === 'number' ? String(res.id) : `#${r}`;
    if (done.has(region)) continue;
    done.add(region);
    cx.report(`This region's numbers all fit in 0..100, but ${judgment.pixelRegions} of the ${judgment.regions} image regions of this prediction are clearly in pixels (numbers above 100): it is most likely in pixels too, and Label Studio would draw it far too large and in the wrong place.${judgment.fix ? ' The fix converts every region of the prediction, so none is left in pixels.' : ' Add original_width and original_height to every region to let prelabel convert them.'}`, {
      result: r,
      path: ['value'],
      ...(judgment.fix ? { fix: judgment.fix } : {}),
    });
  }
}

const SCALAR_KEYS = ['x', 'y', 'width', 'height', 'radiusX', 'radiusY'];

/** The image shape of result r when its coordinates can be checked for fractions, else null. */
function fractionShape(cx: PredictionCheck, r: number): ImageShape | null {
  const res = cx.results[r];
  if (!cx.resultSound[r] || !isObject(res) || !isObject(res.value)) return null;
  const shape = imageShapeOf(typeof res.type === 'string' ? res.type : null, res.value);
  if (!shape || shape === 'brush' || shape === 'bitmask' || shape === 'vector') return null;
  if (shape === 'polygon' && !Array.isArray(res.value.points)) return null;
  return shape;
}

/** Largest absolute coordinate of a shape, or -1 when it has none. */
function maxCoordinate(shape: ImageShape, value: Record<string, unknown>): number {
  let max = -1;
  if (shape === 'polygon') {
    for (const pt of value.points as unknown[]) {
      if (!Array.isArray(pt)) continue;
      for (let j = 0; j < 2; j++) if (typeof pt[j] === 'number') max = Math.max(max, Math.abs(pt[j]));
    }
    return max;
  }
  for (const k of SCALAR_KEYS) {
    const v = value[k];
    if (typeof v === 'number' && !(shape === 'keypoint' && k === 'width')) max = Math.max(max, Math.abs(v));
  }
  return max;
}
