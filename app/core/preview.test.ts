// The prediction view: regions merged by id, labels, colours, flags, dropped results, classifications.

import { expect, test } from 'vitest';
import { guideExamples } from '../testing/shared';
import { check } from '.';
import { predictionView } from './preview';

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
