// The edits behind the store's commands, as pure functions of the task and the region: unit-tested
// without a browser, applied by the store as one undo step each.

import type { ConfigModel, Finding, JsonEdit } from '../core';
import type { RegionView } from '../core/preview';
import { LABELS_IN_VALUE } from '../core/tags/media';
import { isObject } from '../core/tasks/jsonValue';

function resultsOf(task: unknown, p: number): unknown[] {
  const preds = isObject(task) && Array.isArray(task.predictions) ? task.predictions : [];
  const pred = preds[p];
  return isObject(pred) && Array.isArray(pred.result) ? pred.result : [];
}

/**
 * Set geometry keys on every result of the region that carries them: the OCR pattern repeats the box in
 * its labels and transcription results, and they must move together.
 */
/** New values for keys of a region's value: coordinates (rounded to 6 decimals), points, span offsets and text. */
export type GeometryPatch = Record<string, number | number[][] | string>;

const rounded = (v: number | number[][] | string): number | number[][] | string =>
  typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : typeof v === 'string' ? v : v.map((pt) => pt.map((c) => Math.round(c * 1e6) / 1e6));

export function geometryEdits(task: unknown, t: number, p: number, region: RegionView, patch: GeometryPatch): JsonEdit[] {
  const results = resultsOf(task, p);
  const edits: JsonEdit[] = [];
  for (const r of region.results) {
    const res = results[r];
    if (!isObject(res) || !isObject(res.value)) continue;
    const carries = r === region.shapeResult || Object.keys(patch).some((k) => k in (res.value as object));
    if (!carries) continue;
    for (const [k, v] of Object.entries(patch)) edits.push({ task: t, path: ['predictions', p, 'result', r, 'value', k], value: rounded(v) });
  }
  return edits;
}

/** Remove the region's results, and relations to or from it (Label Studio drops those too). */
export function deleteRegionEdits(task: unknown, t: number, p: number, region: RegionView): JsonEdit[] {
  const results = resultsOf(task, p);
  const gone = new Set(region.results);
  if (region.id !== null) {
    results.forEach((res, r) => {
      if (isObject(res) && res.type === 'relation' && (String(res.from_id) === region.id || String(res.to_id) === region.id)) gone.add(r);
    });
  }
  return [...gone].map((r) => ({ task: t, path: ['predictions', p, 'result', r], remove: true }));
}

/**
 * Set a flag on the region's results; clearing it removes the key (false is Label Studio's default), so lock
 * then unlock gives back the result as it was rather than leaving "readonly": false.
 */
export function flagEdits(task: unknown, t: number, p: number, region: RegionView, flag: 'readonly' | 'hidden', on: boolean): JsonEdit[] {
  const results = resultsOf(task, p);
  return region.results.flatMap((r): JsonEdit[] => {
    const path = ['predictions', p, 'result', r, flag];
    if (on) return [{ task: t, path, value: true }];
    const res = results[r];
    return isObject(res) && flag in res ? [{ task: t, path, remove: true }] : [];
  });
}

/** Findings whose fix is the same change in another place: same rule, same fix title. */
export function sameFix(a: Finding, b: Finding): boolean {
  return !!a.fix && !!b.fix && a.rule === b.rule && a.fix.title === b.fix.title;
}

/** Every task's predictions turned into annotations (for importing as ground truth); other keys kept. */
export function predictionsToAnnotations(tasks: readonly unknown[]): JsonEdit[] {
  const edits: JsonEdit[] = [];
  tasks.forEach((task, t) => {
    if (!isObject(task) || !Array.isArray(task.predictions) || task.predictions.length === 0) return;
    const existing = Array.isArray(task.annotations) ? task.annotations : [];
    const converted = task.predictions.filter(isObject).map((p) => ({ result: Array.isArray(p.result) ? p.result : [], ground_truth: true, ...(p.model_version !== undefined ? { meta: { model_version: p.model_version } } : {}) }));
    edits.push({ task: t, path: ['annotations'], value: [...existing, ...converted] });
    edits.push({ task: t, path: ['predictions'], value: [] });
  });
  return edits;
}

/** Set the labels of every labelling result of the region (the `*labels` key named like its type). */
export function labelEdits(task: unknown, t: number, p: number, region: RegionView, labels: string[]): JsonEdit[] {
  const results = resultsOf(task, p);
  const edits: JsonEdit[] = [];
  for (const r of region.results) {
    const res = results[r];
    if (!isObject(res) || typeof res.type !== 'string' || !isObject(res.value)) continue;
    if (LABELS_IN_VALUE.has(res.type)) {
      edits.push({ task: t, path: ['predictions', p, 'result', r, 'value', 'labels'], value: labels });
      continue;
    }
    if (!res.type.endsWith('labels')) continue;
    const key = res.type in res.value || !('labels' in res.value) ? res.type : 'labels';
    edits.push({ task: t, path: ['predictions', p, 'result', r, 'value', key], value: labels });
  }
  return edits;
}

/**
 * The control whose labels the region can take: the from_name of its labelling result, or for a video
 * rectangle the <Labels> on its video (the one holding its current label, else the first).
 */
export function labellingControlName(task: unknown, p: number, region: RegionView, config?: ConfigModel | null): string | null {
  const results = resultsOf(task, p);
  for (const r of region.results) {
    const res = results[r];
    if (isObject(res) && typeof res.type === 'string' && res.type.endsWith('labels') && typeof res.from_name === 'string') return res.from_name;
  }
  if (!config?.ok || !region.objectName || !LABELS_IN_VALUE.has(region.type)) return null;
  const onObject = [...config.controls.values()].filter((c) => c.tag === 'Labels' && c.options.length > 0 && c.toName.includes(region.objectName!));
  return (onObject.find((c) => c.optionSet.has(region.labels[0] ?? '')) ?? onObject[0])?.name ?? null;
}

/** A region id in Label Studio's style: 10 letters and digits. */
export function newRegionId(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 10; i++) id += chars[Math.floor(Math.random() * chars.length)];
  return id;
}

export interface NewRegion {
  /** The drawing control (e.g. RectangleLabels "label", or Rectangle "bbox"). */
  control: { name: string; type: string; resultTypes: string[]; options: unknown[] };
  /** A generic <Labels> on the same object, for tools without labels of their own. */
  labelsControl?: { name: string } | null;
  label: string | null;
  toName: string;
  /** Geometry in percent: x, y, width, height / radiusX, radiusY / points. */
  geometry: Record<string, unknown>;
  originalWidth: number;
  originalHeight: number;
}

/** The results of a newly drawn region: the shape (with its label), plus a `labels` result sharing its id
 * when the label comes from a separate <Labels> control (the OCR pattern). */
export function newRegionResults(n: NewRegion): Record<string, unknown>[] {
  const id = newRegionId();
  const type = n.control.resultTypes[0];
  const base = { id, from_name: n.control.name, to_name: n.toName, type, original_width: n.originalWidth, original_height: n.originalHeight, image_rotation: 0 };
  const ownLabels = type.endsWith('labels');
  const shape = { ...base, value: { ...n.geometry, ...(ownLabels && n.label ? { [type]: [n.label] } : {}) } };
  const out: Record<string, unknown>[] = [shape];
  if (!ownLabels && n.label && n.labelsControl) {
    out.push({ ...base, from_name: n.labelsControl.name, type: 'labels', value: { ...n.geometry, labels: [n.label] } });
  }
  return out;
}

/** Edits that add results to prediction p of the task, creating the prediction (or the list) if needed. */
export function addResultsEdits(task: unknown, t: number, p: number, results: Record<string, unknown>[]): JsonEdit[] {
  const preds = isObject(task) && Array.isArray(task.predictions) ? task.predictions : null;
  const fresh = { model_version: 'prelabel', result: results };
  if (!preds) return [{ task: t, path: ['predictions'], value: [fresh] }];
  const pred = preds[p];
  if (!isObject(pred)) return [{ task: t, path: ['predictions', preds.length], value: fresh }];
  if (!Array.isArray(pred.result)) return [{ task: t, path: ['predictions', p, 'result'], value: results }];
  return results.map((res, i) => ({ task: t, path: ['predictions', p, 'result', (pred.result as unknown[]).length + i], value: res }));
}

/** A copy of the region's results under a new id, image shapes shifted by 2% so the copy is seen. */
export function duplicateResults(task: unknown, p: number, region: RegionView): Record<string, unknown>[] {
  const results = resultsOf(task, p);
  const id = newRegionId();
  const shift = (v: unknown) => (typeof v === 'number' ? Math.min(100, v + 2) : v);
  return region.results.flatMap((r) => {
    const res = results[r];
    if (!isObject(res)) return [];
    const copy = JSON.parse(JSON.stringify(res)) as Record<string, unknown>;
    copy.id = id;
    const v = copy.value as Record<string, unknown> | undefined;
    if (v && ['rectangle', 'ellipse', 'keypoint'].includes(region.kind)) {
      v.x = shift(v.x);
      v.y = shift(v.y);
    } else if (v && region.kind === 'polygon' && Array.isArray(v.points)) {
      v.points = (v.points as unknown[][]).map((pt) => [shift(pt[0]), shift(pt[1])]);
    }
    delete copy.readonly;
    return [copy];
  });
}
