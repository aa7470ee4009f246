// Reading tasks files: the three shapes, positions of every task/prediction/result, syntax errors explained.

import { describe, expect, test } from 'vitest';
import { offsetOf, parseTasks } from './parse';
import { valueEnd } from './jsonIndex';

describe('document shapes', () => {
  test('a JSON list of tasks', () => {
    const doc = parseTasks('[{"data": {"a": 1}}, {"data": {"a": 2}}]');
    expect(doc.format).toBe('array');
    expect(doc.tasks).toHaveLength(2);
    expect(doc.syntax).toEqual([]);
  });

  test('a single task object', () => {
    const doc = parseTasks('{"data": {"a": 1}, "predictions": []}');
    expect(doc.format).toBe('object');
    expect(doc.tasks).toHaveLength(1);
  });

  test('JSON Lines, with a broken line reported at its line and the others kept', () => {
    const text = '{"data": {"a": 1}}\n{"data": {"a": 2},}\n{"data": {"a": 3}}\n';
    const doc = parseTasks(text);
    expect(doc.format).toBe('jsonl');
    expect(doc.tasks).toEqual([{ data: { a: 1 } }, undefined, { data: { a: 3 } }]);
    expect(doc.syntax).toHaveLength(1);
    expect(doc.syntax[0]).toMatchObject({ rule: 'json-syntax', line: 2, task: 1 });
    expect(doc.syntax[0].message).toMatch(/Trailing comma/);
    // Positions of the third task point at its own line.
    expect(doc.lines.position(offsetOf(doc, 2)).line).toBe(3);
  });

  test('a byte-order mark is not a syntax error', () => {
    expect(parseTasks('\uFEFF[{"data": {}}]').syntax).toEqual([]);
  });

  test('unknown keys are kept at every level', () => {
    const doc = parseTasks('[{"data": {}, "meta": {"x": 1}, "predictions": [{"result": [], "extra": true}]}]');
    expect(doc.tasks[0]).toEqual({ data: {}, meta: { x: 1 }, predictions: [{ result: [], extra: true }] });
  });
});

describe('positions', () => {
  const text = `[
  {
    "data": {"text": "a \\"quoted\\" [thing]"},
    "predictions": [
      {"model_version": "m", "result": [
        {"id": "a", "from_name": "x", "value": {"labels": ["L"]}},
        {"id": "b", "from_name": "y"}
      ]},
      {"result": [{"id": "c"}]}
    ]
  },
  {"data": {}, "predictions": []}
]`;
  const doc = parseTasks(text);
  const at = (task: number, path: (string | number)[], atKey = false) => {
    const o = offsetOf(doc, task, path, atKey);
    return text.slice(o, o + 12);
  };

  test('tasks, predictions and results are indexed', () => {
    expect(doc.index.tasks).toHaveLength(2);
    expect(doc.index.predictions[0]).toHaveLength(2);
    expect(doc.index.results[0][0]).toHaveLength(2);
    expect(doc.index.results[0][1]).toHaveLength(1);
  });

  test('a path inside a result points at the value, or at the key', () => {
    expect(at(0, ['predictions', 0, 'result', 1, 'from_name'])).toMatch(/^"y"/);
    expect(at(0, ['predictions', 0, 'result', 0, 'value', 'labels', 0])).toMatch(/^"L"/);
    expect(at(0, ['predictions', 0, 'result', 0, 'value'], true)).toMatch(/^"value"/);
    expect(at(0, ['predictions', 1, 'result', 0, 'id'])).toMatch(/^"c"/);
    expect(at(1, ['predictions'])).toMatch(/^\[\]/);
  });

  test('a missing key points at the object that lacks it', () => {
    expect(at(0, ['predictions', 0, 'result', 1, 'type'])).toMatch(/^\{"id": "b"/);
  });

  test('line and column are 1-based', () => {
    const o = offsetOf(doc, 0, ['predictions', 0, 'result', 1, 'from_name']);
    expect(doc.lines.position(o)).toEqual({ line: 7, column: 34 });
  });
});

test('the index is right for values of every shape: deep, with escapes, brackets in strings, long (read whole or by the loop)', () => {
  // Values that a quick match takes whole and values it leaves to the character loop (deeper than six,
  // a backslash in a string), in results and in task data, pretty-printed and compact.
  let deep: unknown = 1;
  for (let d = 0; d < 9; d++) deep = d % 2 ? [deep, {}] : { k: deep, s: '}]' };
  const values = [
    { x: 1, y: 2.5e-3, labels: ['Car'] },
    { text: 'a "quoted" \\ back\nslash', labels: ['[{x}]'] },
    { deep },
    { points: [[1, 2], [3, 4]], empty: {}, none: [], t: true, f: false, n: null },
    { rle: Array.from({ length: 5000 }, (_, i) => i % 256) },
    { unicode: 'é\u2028😀', braces: '{{{', quote: '"' },
  ];
  const tasks = Array.from({ length: 12 }, (_, t) => ({
    data: t % 3 ? { image: `a${t}.png`, meta: values[t % values.length] } : { text: 'x\\"}'.repeat(50) },
    predictions: [{ model_version: 'm', result: values.map((value, r) => ({ id: `r${t}_${r}`, type: 'labels', value: values[(r + t) % values.length], extra: value })) }],
  }));
  for (const text of [JSON.stringify(tasks, null, 2), JSON.stringify(tasks), JSON.stringify(tasks, null, '\t')]) {
    const doc = parseTasks(text);
    expect(doc.syntax).toEqual([]);
    expect(doc.index.tasks).toHaveLength(tasks.length);
    for (let t = 0; t < tasks.length; t++) {
      expect(JSON.parse(text.slice(doc.index.tasks[t], doc.index.ends[t]))).toEqual(tasks[t]);
      const results = doc.index.results[t][0];
      expect(results).toHaveLength(values.length);
      for (let r = 0; r < results.length; r++) {
        const start = doc.index.tasks[t] + results[r];
        expect(JSON.parse(text.slice(start, valueEnd(text, start)))).toEqual(tasks[t].predictions[0].result[r]);
      }
    }
  }
});

describe('syntax errors say what and where', () => {
  const first = (text: string) => {
    const doc = parseTasks(text);
    expect(doc.tasks).toEqual([]);
    return doc.syntax[0];
  };

  test.each([
    ['[\n  {"a": 1},\n]', 3, 1, /Trailing comma before '\]'/],
    ['[{"score": NaN}]', 1, 12, /NaN.*Python/],
    ["[{'data': {}}]", 1, 3, /double quotes.*Python/],
    ['[{"ok": True}]', 1, 9, /Python.*true/],
    ['[{"a": 1}\n{"b": 2}]', 2, 1, /Expected ',' or '\]'/],
    ['[{"a": "unclosed}]', 1, 8, /not closed/],
    ['[{"a": 1}', 1, 10, /not closed/],
    ['', 1, 1, /empty/],
  ])('%j', (text, line, column, message) => {
    const f = first(text);
    expect(f.rule).toBe('json-syntax');
    expect(f.message).toMatch(message);
    expect([f.line, f.column]).toEqual([line, column]);
  });
});
