// A report made in the worker travels without its region maps; regionMapRestorer gives it the map its own
// check built, so that the next check of the task (an edit) can keep the map instead of building it.

import { describe, expect, test } from 'vitest';
import { parseConfig } from '../config/parse';
import { parseTasks } from '../tasks/parse';
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
