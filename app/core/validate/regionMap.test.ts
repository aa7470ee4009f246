// A report made in the worker travels without its region maps; regionMapRestorer gives it the map its own
// check built, so that the next check of the task (an edit) can keep the map instead of building it.

import { describe, expect, test } from 'vitest';
import { parseConfig } from '../config/parse';
import { parseTasks } from '../tasks/parse';
import { analyzeTasks, reanalyze } from '../analysis';
import type { JsonEdit } from '../finding';
import type { PredictionRegions } from '../regions';
import { updateTasks } from '../tasks/update';
import { editChanges } from '../textEdits';
import { regionMapRestorer, validateTask, type TaskReport } from './validate';

/** The region map of prediction `p` restored at once; false when there was nothing to restore. */
const restoreRegionMap = (report: TaskReport, p: number) => regionMapRestorer(report, p)?.step(Infinity) ?? false;

const CONFIG = `<View><Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels>
  <Relations><Relation value="near"/></Relations></View>`;

function task(n: number) {
  const result: unknown[] = [];
  for (let i = 0; i < n; i++) {
    // Every tenth region is given twice an id (two regions, one id: a finding); a relation between two.
    const id = i % 10 === 9 ? `r${i - 1}` : `r${i}`;
    result.push({ id, from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: i % 90, y: 1, width: 5, height: 5, rotation: 0, rectanglelabels: ['Car'] } });
  }
  result.push({ type: 'relation', from_id: 'r0', to_id: 'r1', direction: 'right' });
  result.push({ from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 1, y: 1, width: 5, height: 5, rotation: 0, rectanglelabels: ['Car'] } });
  return { data: { image: '/a.png' }, predictions: [{ result }, { result: result.slice(0, 3) }] };
}

describe('regionMapRestorer', () => {
  const config = parseConfig(CONFIG);
  const doc = parseTasks(JSON.stringify([task(700)]));

  test('builds the map the check built, for a prediction with a memo only, once', () => {
    const full = validateTask(config, doc, 0);
    expect(full.memo?.[0]).toBeTruthy();
    const { regionMaps, ...rest } = structuredClone(full);
    const sent: TaskReport = rest;
    expect(regionMaps?.[0]?.byId.size).toBeGreaterThan(600);
    expect(restoreRegionMap(sent, 1)).toBe(false); // 3 results: no memo, no map
    expect(restoreRegionMap(sent, 0)).toBe(true);
    expect(sent.regionMaps?.[0]?.byId).toEqual(full.regionMaps?.[0]?.byId);
    expect(sent.regionMaps?.[0]?.loose).toEqual(full.regionMaps?.[0]?.loose);
    expect(restoreRegionMap(sent, 0)).toBe(false);
  });

  test('the next check of the task keeps the restored map and finds what a fresh check finds', () => {
    const { regionMaps: _, ...rest } = structuredClone(validateTask(config, doc, 0));
    const sent: TaskReport = rest;
    restoreRegionMap(sent, 0);
    const map = sent.regionMaps![0];
    const again = validateTask(config, doc, 0, {}, undefined, { prev: sent, changed: new Map([[0, new Set([5])]]), move: (f) => f });
    expect(again.regionMaps?.[0]).toBe(map);
    expect(again.findings).toEqual(validateTask(config, doc, 0).findings);
  });
});

/** A region map as plain data, in id order (a renumbered map may hold its regions in another order). */
function plain(map: PredictionRegions | null | undefined) {
  if (!map) return null;
  return { regions: [...map.byId.values()].map((r) => ({ ...r, results: [...r.results] })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), loose: [...map.loose] };
}

describe('renumbering the region map after results come and go', () => {
  const config = parseConfig(CONFIG);

  test('equals the map a fresh check builds, after random removals, additions and id changes', () => {
    // A deterministic sequence: removals anywhere (the first result too), additions in the middle and at the
    // end (new ids, ids of existing regions: a second result of a region, before its shape; no id), id changes.
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let doc = parseTasks(JSON.stringify([task(700)], null, 2));
    let analysis = analyzeTasks(config, doc);
    let renumbered = 0;
    for (let step = 0; step < 40; step++) {
      const list = (doc.tasks[0] as { predictions: { result: { id?: string }[] }[] }).predictions[0].result;
      const n = list.length;
      const at = () => Math.floor(rand() * n);
      const edits: JsonEdit[] = [];
      const kind = step % 4;
      if (kind === 0) for (let k = 0; k < 1 + Math.floor(rand() * 5); k++) edits.push({ task: 0, path: ['predictions', 0, 'result', step === 0 ? 0 : at()], remove: true });
      if (kind === 1) {
        const id = rand() < 0.3 ? undefined : rand() < 0.5 ? `new${step}` : list[at()].id;
        const value = { x: 2, y: 2, width: 3, height: 3, rotation: 0, rectanglelabels: ['Car'] };
        const res = rand() < 0.5 ? { from_name: 'label', to_name: 'image', type: 'rectanglelabels', value } : { from_name: 'label', to_name: 'image', type: 'labels', value: { labels: ['Car'] } };
        edits.push({ task: 0, path: ['predictions', 0, 'result', rand() < 0.5 ? n : at()], value: id === undefined ? res : { id, ...res } });
      }
      if (kind === 2) edits.push({ task: 0, path: ['predictions', 0, 'result', at(), 'id'], value: rand() < 0.5 ? `renamed${step}` : String(list[at()].id) });
      if (kind === 3) edits.push({ task: 0, path: ['predictions', 0, 'result', at()], remove: true }, { task: 0, path: ['predictions', 0, 'result', at(), 'value', 'x'], value: 7 });
      let changes;
      try {
        changes = editChanges(doc, edits);
      } catch {
        continue;
      }
      const update = updateTasks(doc, changes);
      const before = analysis.reports[0].regionMaps?.[0];
      analysis = reanalyze(analysis, update);
      doc = update.doc;
      const fresh = validateTask(config, doc, 0);
      const map = analysis.reports[0].regionMaps?.[0];
      if (map && map === before) renumbered++;
      expect(plain(map), `step ${step}`).toEqual(plain(fresh.regionMaps?.[0]));
      expect(analysis.reports[0].findings, `step ${step}`).toEqual(fresh.findings);
    }
    // The path under test was taken (the map of the last check changed in place, not built again).
    expect(renumbered).toBeGreaterThan(20);
  });
});
