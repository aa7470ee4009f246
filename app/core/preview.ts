// What one prediction shows: its regions (results sharing an id merged), with labels, colour, score,
// flags, and what Label Studio would drop; its classifications and relations. Plain data for the ui.

import { findControl, findObject, type ConfigModel, type ControlTag, type ObjectTag } from './config/model';
import type { Finding } from './finding';
import { nextMatch } from './resync';
import { LABELS_IN_VALUE, mediaExtent } from './tags/media';
import { familyFor } from './tags/registry';
import { isObject } from './tasks/jsonValue';

export interface RegionView {
  /** Stable key within the prediction: the id, or '#<result index>' for a result without id. */
  key: string;
  id: string | null;
  /** Indices of the results forming this region. */
  results: number[];
  /** The result giving the shape or span. */
  shapeResult: number;
  /** 'rectangle' | 'ellipse' | 'polygon' | 'keypoint' | 'brush' | 'span' | 'segment' | 'range' | 'track' | ... */
  kind: string;
  type: string;
  objectName: string | null;
  object: ObjectTag | null;
  value: Record<string, unknown>;
  labels: string[];
  /** Per-region answers (perRegion TextArea, Choices, ...), as "name: value" strings. */
  details: string[];
  /** Where a media region lies, in words ("1.5–3.25 s", "frames 1–5", "instant at 9"); null for other kinds. */
  extent: string | null;
  color: string;
  score: number | null;
  readonly: boolean;
  hidden: boolean;
  /** Why Label Studio would not show this region (unknown names), or null. */
  dropped: string | null;
  problems: Finding[];
  originalWidth: number | null;
  originalHeight: number | null;
  /**
   * What the image canvas measured of this view (its boxes), kept on the view itself rather than in a
   * WeakMap (100,000 weak entries slowed every garbage collection, and setting them was 114 ms of a delete).
   * A copy that paints the same (the same region under a new index) keeps it; one that may paint otherwise
   * is made without it.
   */
  painted?: unknown;
}

export interface ClassificationView {
  result: number;
  control: ControlTag | null;
  fromName: string;
  type: string;
  value: Record<string, unknown>;
  dropped: string | null;
  problems: Finding[];
}

export interface RelationView {
  result: number;
  fromId: string;
  toId: string;
  direction: string;
  labels: string[];
  problems: Finding[];
}

export interface PredictionView {
  regions: RegionView[];
  classifications: ClassificationView[];
  relations: RelationView[];
}

/** Label Studio's label colours when a <Label> has no background. */
const PALETTE = ['#f44336', '#2196f3', '#4caf50', '#ff9800', '#9c27b0', '#00bcd4', '#e91e63', '#8bc34a', '#3f51b5', '#ffc107'];
const UNLABELED = '#00b0ff';

/**
 * A label's colour: its <Label>'s background in the result's control, or, for a control without labels of
 * its own (VideoRectangle writes the labels of a <Labels> on the same video into its own result), in a
 * control on the same object that has that label.
 */
function colorOf(label: string, control: ControlTag | undefined, config?: ConfigModel | null, toName?: string | null): string {
  let owner = control?.optionSet.has(label) ? control : undefined;
  if (!owner && config?.ok && toName) owner = [...config.controls.values()].find((c) => c.toName.includes(toName) && c.optionSet.has(label));
  const opt = owner?.optionSet.get(label);
  if (opt?.background) return opt.background;
  if (owner && opt) return PALETTE[owner.options.indexOf(opt) % PALETTE.length] ?? PALETTE[0];
  let h = 0;
  for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

// Checked in Label Studio's editor 1.4: unknown names drop the result; a type or to_name mismatch is still listed.
const DROP_RULES = new Set(['unknown-from-name', 'unknown-to-name']);

function labelsIn(type: string, value: Record<string, unknown>): string[] {
  const v = value[type] ?? (type.endsWith('labels') || LABELS_IN_VALUE.has(type) ? value.labels : undefined);
  if (Array.isArray(v)) {
    // A loop, not filter: this runs once per region (100,000 at a time).
    const out: string[] = [];
    for (const x of v) if (typeof x === 'string') out.push(x);
    return out;
  }
  return typeof v === 'string' ? [v] : [];
}

/**
 * The last views made, per task and prediction: the config and result list they were made of and, per result
 * index, the view of a one-result region without problems or details made of it. A list (not a WeakMap keyed
 * by result: 100,000 weak entries made every garbage collection slower).
 */
interface LastView {
  config: ConfigModel | null;
  results: readonly unknown[];
  regions: (RegionView | undefined)[];
}
const lastViews = new Map<string, LastView>();
const itself = <T>(x: T) => x;
const LAST_VIEWS = 4;

/**
 * The view of prediction `p` of task `t`. `findings` are the validation findings (any task); only those of
 * this prediction are attached.
 */
export function predictionView(config: ConfigModel | null, task: unknown, t: number, p: number, findings: readonly Finding[]): PredictionView {
  const out: PredictionView = { regions: [], classifications: [], relations: [] };
  if (!isObject(task) || !Array.isArray(task.predictions)) return out;
  const prediction = task.predictions[p];
  if (!isObject(prediction) || !Array.isArray(prediction.result)) return out;
  const results = prediction.result as unknown[];

  const problemsOf = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.task !== t || f.prediction !== p || f.result === null || f.severity === 'info') continue;
    let list = problemsOf.get(f.result);
    if (!list) problemsOf.set(f.result, (list = []));
    list.push(f);
  }
  const droppedOf = (r: number) => (problemsOf.size ? (problemsOf.get(r)?.find((f) => DROP_RULES.has(f.rule))?.message ?? null) : null);

  // Regions made here, by key.
  const byKey = new Map<string, RegionView>();
  const attachments: { r: number; key: string }[] = [];
  // Views of one-result regions without problems made last time for the same result object are used again
  // (an edit of one of 100,000 results leaves the others' objects as they were): `hits`, beside the index of
  // their result now (`hitAt`). Never changed here, they are copied before a second result or a detail joins
  // them; to find one by key, a map of them is made the first time a result asks (most edits: never).
  const hits: (RegionView | null)[] = [];
  const hitAt: number[] = [];
  let hitKeys: Map<string, number> | null = null;
  const hitIndex = (key: string): number | undefined => {
    if (!hitKeys) {
      hitKeys = new Map();
      for (let i = 0; i < hits.length; i++) hitKeys.set(hits[i]!.key, i);
    }
    return hitKeys.get(key);
  };
  const own = (key: string): RegionView | undefined => {
    const region = byKey.get(key);
    if (region || !hits.length) return region;
    const i = hitIndex(key);
    const hit = i === undefined ? null : hits[i];
    if (!hit) return undefined;
    const copy = { ...hit, results: [hitAt[i!]], shapeResult: hitAt[i!], labels: [...hit.labels], details: [...hit.details], problems: [...hit.problems], painted: undefined };
    byKey.set(key, copy);
    hits[i!] = null;
    return copy;
  };
  const lastKey = `${t}/${p}`;
  const last = lastViews.get(lastKey);
  const before = last && last.config === config ? last : null;
  // The last list is walked beside this one: a result removed or added before r (a delete, a duplicate)
  // shifts the rest by one, and their views are used again under their new index.
  let j = 0;
  const oldResults = before?.results ?? [];
  results.forEach((res, r) => {
    if (!isObject(res)) return;
    let hit: RegionView | undefined;
    if (before) {
      const k = nextMatch(oldResults, j, res, itself);
      if (k !== -1) {
        hit = before.regions[k];
        j = k + 1;
      }
    }
    // A region without an id is keyed by its index: under another index it is made again, with its new key.
    if (hit && !problemsOf.has(r) && !byKey.has(hit.key) && (hit.id !== null || hit.shapeResult === r)) {
      if (hitKeys) hitKeys.set(hit.key, hits.length);
      hits.push(hit);
      hitAt.push(r);
      return;
    }
    const type = typeof res.type === 'string' ? res.type : '';
    const value = isObject(res.value) ? res.value : {};
    if (type === 'relation') {
      out.relations.push({
        result: r,
        fromId: String(res.from_id),
        toId: String(res.to_id),
        direction: typeof res.direction === 'string' ? res.direction : 'right',
        labels: Array.isArray(res.labels) ? res.labels.map(String) : [],
        problems: problemsOf.get(r) ?? [],
      });
      return;
    }
    const fromName = typeof res.from_name === 'string' ? res.from_name : '';
    const toName = typeof res.to_name === 'string' ? res.to_name : null;
    const control = config?.ok ? findControl(config, fromName) : undefined;
    const object = config?.ok && toName ? findObject(config, toName) : undefined;
    const family = familyFor(type, object?.type);
    const kind = family?.regionKind(type, value) ?? null;
    const hasId = typeof res.id === 'string' || typeof res.id === 'number';
    const key = hasId ? String(res.id) : `#${r}`;
    if (!kind) {
      if (hasId) attachments.push({ r, key });
      else out.classifications.push({ result: r, control: control ?? null, fromName, type, value, dropped: droppedOf(r), problems: problemsOf.get(r) ?? [] });
      return;
    }
    const existing = own(key);
    if (existing) {
      // The OCR pattern: a `labels` result with the same id and geometry labels the shape.
      const more = labelsIn(type, value);
      if (more.length && !existing.labels.length) existing.color = colorOf(more[0], control, config, toName);
      existing.results.push(r);
      existing.labels.push(...more);
      if (res.readonly === true) existing.readonly = true;
      if (res.hidden === true) existing.hidden = true;
      return;
    }
    const labels = labelsIn(type, value);
    const score = typeof res.score === 'number' ? res.score : typeof value.score === 'number' ? value.score : null;
    byKey.set(key, {
      key,
      id: hasId ? String(res.id) : null,
      results: [r],
      shapeResult: r,
      kind,
      type,
      objectName: toName,
      object: object ?? null,
      value,
      labels,
      details: [],
      extent: family ? mediaExtent(family.id, value) : null,
      color: labels.length ? colorOf(labels[0], control, config, toName) : UNLABELED,
      score,
      readonly: res.readonly === true,
      hidden: res.hidden === true,
      dropped: droppedOf(r),
      problems: [],
      originalWidth: typeof res.original_width === 'number' ? res.original_width : null,
      originalHeight: typeof res.original_height === 'number' ? res.original_height : null,
      painted: undefined,
    });
  });

  // Results sharing an id with a region add labels and answers to it; others are classifications.
  for (const { r, key } of attachments) {
    const res = results[r] as Record<string, unknown>;
    const type = String(res.type ?? '');
    const value = isObject(res.value) ? res.value : {};
    const region = own(key);
    const fromName = typeof res.from_name === 'string' ? res.from_name : '';
    const control = config?.ok ? findControl(config, fromName) : undefined;
    if (!region) {
      out.classifications.push({ result: r, control: control ?? null, fromName, type, value, dropped: droppedOf(r), problems: problemsOf.get(r) ?? [] });
      continue;
    }
    region.results.push(r);
    const labels = labelsIn(type, value);
    if (labels.length && type.endsWith('labels')) {
      if (!region.labels.length) region.color = colorOf(labels[0], control, config, region.objectName);
      region.labels.push(...labels);
    } else if (type === 'textarea') {
      const text = Array.isArray(value.text) ? value.text.join(' / ') : String(value.text ?? '');
      region.details.push(`${fromName}: ${text}`);
    } else if (type === 'choices' && Array.isArray(value.choices)) {
      region.details.push(`${fromName}: ${value.choices.join(', ')}`);
    } else if (type === 'rating' || type === 'number' || type === 'datetime') {
      region.details.push(`${fromName}: ${String(value[type])}`);
    }
    if (res.readonly === true) region.readonly = true;
    if (res.hidden === true) region.hidden = true;
    if (region.score === null && typeof res.score === 'number') region.score = res.score;
  }
  const kept: (RegionView | undefined)[] = new Array(results.length);
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    if (!hit) continue;
    const r = hitAt[i];
    if (hit.shapeResult !== r) {
      // Renumbered (a result before it came or went; it has an id, see above). The last view is done with once
      // this one is made, so the region takes its new index in place: a delete among 100,000 regions copies
      // none of them (and the canvas sees them unchanged).
      hit.results[0] = r;
      hit.shapeResult = r;
    }
    kept[r] = hit;
    out.regions.push(hit);
  }
  for (const region of byKey.values()) {
    if (region.results.length > 1) region.results.sort((a, b) => a - b);
    if (problemsOf.size) for (const r of region.results) region.problems.push(...(problemsOf.get(r) ?? []));
    if (region.results.length === 1 && region.problems.length === 0 && region.details.length === 0 && region.dropped === null) kept[region.shapeResult] = region;
    out.regions.push(region);
  }
  lastViews.delete(lastKey);
  lastViews.set(lastKey, { config, results, regions: kept });
  if (lastViews.size > LAST_VIEWS) lastViews.delete(lastViews.keys().next().value!);
  out.regions.sort((a, b) => a.shapeResult - b.shapeResult);
  return out;
}
