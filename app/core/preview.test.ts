// The prediction view: regions merged by id, labels, colours, flags, dropped results, classifications.

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { guideExamples } from '../testing/shared';
import { check } from '.';
import { predictionView } from './preview';
import { mediaExtent, videoLifespans } from './tags/media';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));

function viewOf(id: string, t = 0, p = 0) {
  const { config, doc, report } = check(examples[id].config, examples[id].tasks);
  return predictionView(config, doc.tasks[t], t, p, report.findings);
}

test('bbox: two labelled boxes with their label colours, one classification', () => {
  const v = viewOf('bbox');
  expect(v.regions.map((r) => [r.key, r.kind, r.labels, r.color])).toEqual([
    ['result1', 'rectangle', ['Airplane'], 'green'],
    ['result2', 'rectangle', ['Car'], 'blue'],
  ]);
  expect(v.classifications.map((c) => [c.fromName, c.value])).toEqual([['choice', { choices: ['Airbus'] }]]);
});

test('OCR: box, label and transcription sharing an id are one region with its text', () => {
  const v = viewOf('ocr');
  expect(v.regions).toHaveLength(1);
  expect(v.regions[0]).toMatchObject({ key: 'bb1', kind: 'rectangle', labels: ['Text'], color: 'green', results: [0, 1, 2], details: ['transcription: TOTAL'] });
});

test('troubleshooting: the span with an unknown from_name is drawn, marked dropped with the reason', () => {
  const v = viewOf('troubleshooting');
  expect(v.regions).toHaveLength(1);
  expect(v.regions[0].dropped).toMatch(/from_name "ner"/);
  expect(v.regions[0].details).toEqual(['entity: yay']);
});

test('shapes: the keypoint under the Rectangle control carries its problem but is not dropped (Label Studio lists it)', () => {
  const v = viewOf('shapes');
  const def = v.regions.find((r) => r.key === 'DEF')!;
  expect(def.kind).toBe('keypoint');
  expect(def.problems.map((f) => f.rule)).toEqual(['type-mismatch']);
  expect(def.dropped).toBeNull();
});

test('NER: region scores come from value.score', () => {
  expect(viewOf('ner').regions.map((r) => r.score)).toEqual([0.7, 0.65, 0.95, 0.5]);
});

test('media regions: a video rectangle takes its label from value.labels, coloured as the Label of the Labels on its video; each region says where it lies', () => {
  const config = readFileSync(new URL('../../e2e/fixtures/media.xml', import.meta.url), 'utf8');
  const tasks = readFileSync(new URL('../../e2e/fixtures/media.json', import.meta.url), 'utf8');
  const { config: model, doc, report } = check(config, tasks);
  const v = predictionView(model, doc.tasks[0], 0, 0, report.findings);
  expect(v.regions.map((r) => [r.key, r.kind, r.labels, r.color, r.extent])).toEqual([
    ['a1', 'segment', ['Speech'], '#1f77b4', '1.5–3.25 s, channel 0'],
    ['a2', 'segment', ['Noise'], '#ff7f0e', '12–12.75 s'],
    ['v1', 'track', ['Car'], '#944BFF', 'frames 1–5'],
    ['v2', 'track', ['Airplane'], '#98C84E', 'frames 33–57, 76–1009'],
    ['t1', 'track', ['Jump'], '#e91e63', 'frames 10–20, 30–35'],
    ['s1', 'range', ['Run'], '#55bb55', '3–7'],
    ['s2', 'range', ['Run'], '#55bb55', '2021-03-01 10:00:00 – 2021-03-01 10:05:30'],
    ['s3', 'range', ['Stop'], '#5555ff', 'instant at 9'],
  ]);
  expect(report.findings).toEqual([]);
});

test('video lifespans follow Label Studio: a keyframe not enabled ends one, or shows alone; an open one runs to framesCount', () => {
  const k = (frame: number, enabled?: boolean) => ({ frame, x: 0, y: 0, width: 1, height: 1, ...(enabled === undefined ? {} : { enabled }) });
  expect(videoLifespans([k(1, true), k(5, false)])).toEqual([[1, 5]]);
  expect(videoLifespans([k(76, true), k(33, true), k(57, false), k(104, true)])).toEqual([[33, 57], [76, null]]);
  // Without `enabled` a keyframe is off (Label Studio's isInLifespan): the box shows on that frame only.
  expect(videoLifespans([k(10), k(20)])).toEqual([[10, 10], [20, 20]]);
  expect(mediaExtent('video', { sequence: [k(10)] })).toBe('frame 10');
  expect(mediaExtent('video', { sequence: [k(3, true)] })).toBe('frames 3–end');
  expect(mediaExtent('video', { sequence: 'x' })).toBeNull();
  expect(mediaExtent('audio', { start: '1', end: 2 })).toBeNull();
  expect(mediaExtent('timeseries', { start: 1602708145233, end: 1602708375312 })).toBe('1602708145233–1602708375312');
  expect(mediaExtent('image', { x: 1 })).toBeNull();
});

test('after an edit, the regions of results it left alone are the same objects, and the view equals one made afresh', () => {
  const config = '<View><Image name="img" value="$image"/><RectangleLabels name="label" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels><TextArea name="note" toName="img" perRegion="true"/></View>';
  const result = Array.from({ length: 40 }, (_, r) => ({ id: `r${r}`, from_name: 'label', to_name: 'img', type: 'rectanglelabels', value: { x: r, y: 1, width: 2, height: 2, rectanglelabels: ['Car'] } }));
  const text = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result }] }], null, 2);
  const first = check(config, text);
  const v1 = predictionView(first.config, first.doc.tasks[0], 0, 0, first.report.findings);
  // The same again: every region reused.
  const again = predictionView(first.config, first.doc.tasks[0], 0, 0, first.report.findings);
  expect(again.regions.every((r, i) => r === v1.regions[i])).toBe(true);
  // Result 5 relabelled to a label the config lacks (a problem), result 9 given a per-region note (a detail
  // joins it), result 12 given a second result with its id: those three change, the rest stay.
  const task = structuredClone(first.doc.tasks[0]) as { predictions: { result: Record<string, unknown>[] }[] };
  const list = (first.doc.tasks[0] as typeof task).predictions[0].result.slice();
  list[5] = { ...list[5], value: { ...(list[5].value as object), rectanglelabels: ['Truck'] } };
  list.push({ id: 'r9', from_name: 'note', to_name: 'img', type: 'textarea', value: { text: ['dented'] } });
  list.push({ id: 'r12', from_name: 'label', to_name: 'img', type: 'labels', value: { x: 12, y: 1, width: 2, height: 2, labels: ['Bus'] } });
  task.predictions[0].result = list;
  const second = check(config, JSON.stringify([task]));
  const edited = { ...(first.doc.tasks[0] as object), predictions: [{ result: list }] };
  // The same config object (findings from checking the edited file: the same rules said the same).
  const v2 = predictionView(first.config, edited, 0, 0, second.report.findings);
  const fresh = predictionView(first.config, structuredClone(edited), 0, 0, second.report.findings);
  expect(v2).toEqual(fresh);
  expect(v2.regions[5].problems.length).toBeGreaterThan(0);
  expect(v2.regions[9].details).toEqual(['note: dented']);
  expect(v2.regions[12].results).toEqual([12, 41]);
  for (let r = 0; r < 40; r++) expect(v2.regions[r] === v1.regions[r], `region ${r}`).toBe(![5, 9, 12].includes(r));
  // With another config, nothing is reused.
  const v3 = predictionView(second.config, edited, 0, 0, second.report.findings);
  for (let r = 0; r < 40; r++) expect(v3.regions[r] === v2.regions[r], `region ${r}`).toBe(false);
  // The views made before were not changed by the joins.
  expect(v1.regions[9].details).toEqual([]);
  expect(v1.regions[12].results).toEqual([12]);
  expect(v2.regions[9].details).toEqual(['note: dented']);
});

test('after results are removed or added, the view equals one made afresh, and the shifted regions keep their paint', () => {
  const config = '<View><Image name="img" value="$image"/><RectangleLabels name="label" toName="img"><Label value="Car"/></RectangleLabels></View>';
  const result = Array.from({ length: 60 }, (_, r) => ({ id: `r${r}`, from_name: 'label', to_name: 'img', type: 'rectanglelabels', value: { x: r, y: 1, width: 2, height: 2, rectanglelabels: ['Car'] } }));
  const text = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result }] }]);
  const first = check(config, text);
  const task0 = first.doc.tasks[0] as { predictions: { result: unknown[] }[] };
  const was = predictionView(first.config, task0, 0, 0, first.report.findings);
  const old = task0.predictions[0].result;
  // r0 deleted, 20 results removed in one place (more than the walk looks past), one new result put in the middle.
  const fresh = { id: 'new', from_name: 'label', to_name: 'img', type: 'rectanglelabels', value: { x: 9, y: 9, width: 1, height: 1, rectanglelabels: ['Car'] } };
  const list = [...old.slice(1, 10), fresh, ...old.slice(10, 20), ...old.slice(40)];
  const edited = { ...task0, predictions: [{ result: list }] };
  const v = predictionView(first.config, edited, 0, 0, []);
  // Made afresh: under another task number nothing was kept for it.
  expect(v).toEqual(predictionView(first.config, structuredClone(edited), 5, 0, []));
  expect(v.regions.map((r) => r.key)).toEqual(list.map((x) => (x as { id: string }).id));
  expect(v.regions.map((r) => r.shapeResult)).toEqual(list.map((_, i) => i));
  // The shifted regions are the objects of the last view, renumbered: nothing is copied for a shift.
  expect(v.regions[0]).toBe(was.regions[1]);
  expect(v.regions[8]).toBe(was.regions[9]);
});

test('regions without an id, keyed by their index, are made again under a new index: a fresh key, no merge with another', () => {
  const config = '<View><Image name="img" value="$image"/><RectangleLabels name="label" toName="img"><Label value="Car"/></RectangleLabels></View>';
  const box = (x: number) => ({ from_name: 'label', to_name: 'img', type: 'rectanglelabels', value: { x, y: 1, width: 2, height: 2, rectanglelabels: ['Car'] } });
  const [a, b, c] = [box(1), box(2), box(3)];
  const text = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result: [a, b, c] }] }]);
  const first = check(config, text);
  const task0 = first.doc.tasks[0] as { data: unknown; predictions: { result: unknown[] }[] };
  const [pa, pb, pc] = task0.predictions[0].result;
  predictionView(first.config, task0, 0, 0, []);
  // The first one deleted: the others move up one.
  const deleted = { ...task0, predictions: [{ result: [pb, pc] }] };
  const v = predictionView(first.config, deleted, 0, 0, []);
  expect(v.regions.map((r) => r.key)).toEqual(['#0', '#1']);
  expect(v).toEqual(predictionView(first.config, structuredClone(deleted), 7, 0, []));
  // A new one at the end, where the last used to be: a region of its own.
  const added = { ...task0, predictions: [{ result: [pb, pc, box(4)] }] };
  const w = predictionView(first.config, added, 0, 0, []);
  expect(w.regions.map((r) => [r.key, r.results])).toEqual([['#0', [0]], ['#1', [1]], ['#2', [2]]]);
  expect(w).toEqual(predictionView(first.config, structuredClone(added), 8, 0, []));
  expect(pa).toBeDefined();
});
