// The worker's reports cross to the page packed: after a real structured clone (what postMessage does) and
// unpacking, they are the reports the worker made, memo and all, with the moved buffers really moved.

import { describe, expect, test } from 'vitest';
import { parseConfig, parseTasks } from '../core';
import '../core/text/parse5';
import { validateTask, type TaskReport } from '../core/validate/validate';
import { packReports, unpackReports } from './reportWire';

const config = parseConfig(`<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Person"/></RectangleLabels>
  <Relations><Relation value="near"/></Relations>
</View>`);

/** `n` results: boxes with string ids, every 7th with a wrong label, every 11th without an id, a relation, and a text label. */
function task(n: number, id: (r: number) => unknown = (r) => `r${r}`) {
  const result: unknown[] = [];
  for (let r = 0; r < n; r++) {
    const res: Record<string, unknown> = { type: 'rectanglelabels', from_name: 'label', to_name: 'image', value: { x: r % 90, y: 1, width: 5, height: 5, rectanglelabels: [r % 7 === 0 ? 'Truck' : 'Car'] } };
    if (r % 11 !== 0) res.id = id(r);
    result.push(res);
  }
  result.push({ type: 'relation', from_id: 'r1', to_id: 'r2', direction: 'right', labels: ['near'] });
  return { data: { image: 'a.png' }, predictions: [{ model_version: 'm', result }] };
}

function wire(reports: TaskReport[]): { back: TaskReport[]; moved: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const packed = packReports(reports, transfer);
  const cloned = structuredClone(packed, { transfer });
  return { back: unpackReports(cloned), moved: transfer };
}

const strip = ({ regionMaps: _maps, ...report }: TaskReport) => report;

describe('packed reports', () => {
  test('a task of many results (with a memo): the same report after the crossing; its buffers were moved', () => {
    const doc = parseTasks(JSON.stringify([task(1200)], null, 2));
    const report = strip(validateTask(config, doc, 0, {}));
    expect(report.memo?.[0]?.length).toBe(1201);
    expect(report.findings.length).toBeGreaterThan(100);
    const { back, moved } = wire([report]);
    expect(back).toEqual([report]);
    expect(moved.length).toBe(2);
    expect(moved.every((b) => b.byteLength === 0)).toBe(true);
    // A finding of a result is one object in the task's list and in the result's memo, as it was.
    const [r] = back;
    const inMemo = r.memo![0]!.find((m) => m.findings.length)!.findings[0];
    expect(r.findings).toContain(inMemo);
  });

  test('ids that are not all strings (numbers, none, one holding NUL) cross as they are', () => {
    for (const id of [(r: number) => r, (r: number) => (r === 5 ? 'a\u0000b' : `r${r}`), (r: number) => (r % 2 ? null : `x${r}`)]) {
      const doc = parseTasks(JSON.stringify([task(600, id)]));
      const report = strip(validateTask(config, doc, 0, {}));
      expect(report.memo?.[0]).toBeTruthy();
      expect(wire([report]).back).toEqual([report]);
    }
  });

  test('small tasks (no memo) and a mix of both cross unchanged', () => {
    const doc = parseTasks(JSON.stringify([task(3), task(700), { data: {} }]));
    const reports = [0, 1, 2].map((t) => strip(validateTask(config, doc, t, {})));
    expect(reports[0].memo).toBeUndefined();
    expect(wire(reports).back).toEqual(reports);
  });
});
