// The remaining editing commands: labels, new regions, duplicates, answers, many flags, review.

import { readFileSync } from 'node:fs';
import { beforeEach, expect, test } from 'vitest';
import { parseConfig } from '../core';
import { predictionView } from '../core/preview';
import { guideExamples } from '../testing/shared';
import { addResultsEdits, duplicateResults, labelEdits, labellingControlName, newRegionResults } from './commands';
import { currentTask, useStore } from './store';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));
const regionsNow = () => {
  const s = useStore.getState();
  return predictionView(s.project.goodConfig, currentTask(s), s.taskIndex, s.predictionIndex, s.project.findings).regions;
};
const resultsNow = () => JSON.parse(useStore.getState().project.tasksText)[0].predictions[0].result;

beforeEach(() => useStore.getState().loadProject(examples.bbox.config, examples.bbox.tasks, {}));

test('labelEdits sets the labels key named like the type', () => {
  const [r1] = regionsNow();
  expect(labelEdits(currentTask(useStore.getState()), 0, 0, r1, ['Car'])).toEqual([{ task: 0, path: ['predictions', 0, 'result', 0, 'value', 'rectanglelabels'], value: ['Car'] }]);
  useStore.getState().setLabels(r1, ['Car']);
  expect(resultsNow()[0].value.rectanglelabels).toEqual(['Car']);
});

test('a new region from a labelled tool carries its label; from an unlabelled tool, a labels result shares its id', () => {
  const config = parseConfig(examples.ocr.config);
  const bbox = config.controls.get('bbox')!;
  const label = config.controls.get('label')!;
  const results = newRegionResults({ control: bbox, labelsControl: label, label: 'Text', toName: 'image', geometry: { x: 1, y: 2, width: 3, height: 4, rotation: 0 }, originalWidth: 10, originalHeight: 20 });
  expect(results).toHaveLength(2);
  expect(results[0]).toMatchObject({ from_name: 'bbox', type: 'rectangle', value: { x: 1 } });
  expect(results[1]).toMatchObject({ id: results[0].id, from_name: 'label', type: 'labels', value: { labels: ['Text'] } });
  expect(String(results[0].id)).toMatch(/^[A-Za-z0-9]{10}$/);
});

test('addResults creates the prediction when a task has none, and selects the new region', () => {
  expect(addResultsEdits({ data: {} }, 0, 0, [{ id: 'n' }])).toEqual([{ task: 0, path: ['predictions'], value: [{ model_version: 'prelabel', result: [{ id: 'n' }] }] }]);
  useStore.getState().addResults([{ id: 'new1', from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 1, y: 1, width: 1, height: 1, rotation: 0, rectanglelabels: ['Car'] } }], 'Draw');
  expect(useStore.getState().selected).toBe('new1');
  expect(resultsNow()).toHaveLength(4);
});

test('duplicate copies every result of the region under one new id, shifted', () => {
  const [r1] = regionsNow();
  const copies = duplicateResults(currentTask(useStore.getState()), 0, r1);
  expect(copies).toHaveLength(1);
  expect(copies[0].id).not.toBe('result1');
  expect((copies[0].value as { x: number }).x).toBeCloseTo(6.98, 6);
  useStore.getState().duplicateRegion(r1);
  expect(regionsNow()).toHaveLength(3);
});

test('answer adds, changes and removes a classification result', () => {
  const choice = parseConfig(examples.bbox.config).controls.get('choice')!;
  useStore.getState().answer(choice, 2, 'choices', ['Boeing']);
  expect(resultsNow()[2].value.choices).toEqual(['Boeing']);
  useStore.getState().answer(choice, 2, 'choices', []);
  expect(resultsNow()).toHaveLength(2);
  useStore.getState().answer(choice, null, 'choices', ['Airbus']);
  expect(resultsNow()[2]).toMatchObject({ from_name: 'choice', to_name: 'image', type: 'choices', value: { choices: ['Airbus'] } });
});

test('flags on many regions are one undo step', () => {
  const before = useStore.getState().project.tasksText;
  useStore.getState().setFlagMany(regionsNow(), 'hidden', true, 'all regions');
  expect(resultsNow().slice(0, 2).map((r: { hidden: boolean }) => r.hidden)).toEqual([true, true]);
  useStore.getState().undo();
  expect(useStore.getState().project.tasksText).toBe(before);
});

test('review: accept moves on; reject deletes and moves on', () => {
  const [r1, r2] = regionsNow();
  useStore.getState().review(regionsNow(), r1, 'accept');
  expect(useStore.getState().selected).toBe(r2.key);
  useStore.getState().review(regionsNow(), r1, 'reject');
  expect(regionsNow().map((r) => r.key)).toEqual(['result2']);
  expect(useStore.getState().selected).toBe('result2');
});

test('an applied edit scrolls the Tasks pane to it', () => {
  const [r1] = regionsNow();
  useStore.getState().moveRegion(r1, { x: 7 });
  const reveal = useStore.getState().reveal!;
  const text = useStore.getState().project.tasksText;
  expect(reveal.pane).toBe('tasks');
  expect(text.slice(reveal.offset, reveal.offset + 1)).toBe('7');
});

test('a video rectangle is relabelled in its own value.labels, from the Labels on its video', () => {
  const config = readFileSync(new URL('../../e2e/fixtures/media.xml', import.meta.url), 'utf8');
  const tasks = readFileSync(new URL('../../e2e/fixtures/media.json', import.meta.url), 'utf8');
  useStore.getState().loadProject(config, tasks, {});
  const car = regionsNow().find((r) => r.id === 'v1')!;
  const s = useStore.getState();
  expect(labellingControlName(currentTask(s), 0, car, s.project.goodConfig)).toBe('videoLabels');
  expect(labelEdits(currentTask(s), 0, 0, car, ['Airplane'])).toEqual([{ task: 0, path: ['predictions', 0, 'result', 2, 'value', 'labels'], value: ['Airplane'] }]);
  useStore.getState().setLabels(car, ['Airplane']);
  expect(resultsNow()[2].value).toMatchObject({ labels: ['Airplane'], framesCount: 1009 });
  expect(regionsNow().find((r) => r.id === 'v1')).toMatchObject({ labels: ['Airplane'], color: '#98C84E' });
});
