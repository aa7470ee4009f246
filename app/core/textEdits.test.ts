// Edits spliced into the tasks text: the result parses to what applyEdits gives, and nothing else moves.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sharedPath } from '../testing/shared';
import { applyEdits } from './edits';
import type { JsonEdit } from './finding';
import { parseTasks } from './tasks/parse';
import { lastMember, spliceEdits } from './textEdits';
import { valueEnd } from './tasks/jsonIndex';

const TEXT = `[
  {
    "data": {"image": "a.png"},
    "predictions": [
      {
        "model_version": "m",
        "result": [
          {"id": "r1", "from_name": "lable", "value": {"x": 1.50, "labels": ["car"]}, "extra": {"keep": [1, 2]}},
          {"id": "r2", "from_name": "label", "value": {"x": 2}}
        ]
      }
    ]
  },
  {"data": {"image": "b.png"}, "predictions": []}
]`;

function both(text: string, edits: JsonEdit[]) {
  const doc = parseTasks(text);
  const spliced = spliceEdits(doc, edits);
  expect(JSON.parse(spliced)).toEqual(applyEdits(doc.tasks, edits));
  return spliced;
}

const r = (k: number, ...rest: (string | number)[]) => ['predictions', 0, 'result', k, ...rest];

describe('splicing', () => {
  test('setting a value changes only that value', () => {
    const out = both(TEXT, [{ task: 0, path: r(0, 'from_name'), value: 'label' }]);
    expect(out).toBe(TEXT.replace('"lable"', '"label"'));
  });

  test('several edits at once, from the end backwards', () => {
    const out = both(TEXT, [
      { task: 0, path: r(0, 'value', 'labels', 0), value: 'Car' },
      { task: 0, path: r(1, 'value', 'x'), value: 20 },
      { task: 1, path: ['predictions'], value: [] },
    ]);
    expect(out).toContain('"x": 1.50'); // untouched number keeps its spelling
    expect(out).toContain('{"id": "r2", "from_name": "label", "value": {"x": 20}}');
  });

  test('adding a key and an element', () => {
    const out = both(TEXT, [
      { task: 0, path: r(1, 'readonly'), value: true },
      { task: 1, path: ['predictions', 0], value: { result: [] } },
    ]);
    expect(out).toContain('"value": {"x": 2}, "readonly": true}');
    expect(out).toContain('"predictions": [{"result":[]}]');
  });

  test('adding several elements to one list, in order, also to an empty list', () => {
    const out = both(TEXT, [
      { task: 0, path: r(2), value: { id: 'n1' } },
      { task: 0, path: r(3), value: { id: 'n2' } },
      { task: 1, path: ['predictions', 0], value: { result: [] } },
      { task: 1, path: ['predictions', 1], value: { result: [1] } },
    ]);
    expect(out).toContain('"predictions": [{"result":[]}, {"result":[1]}]');
  });

  test('removing an element and a key', () => {
    both(TEXT, [{ task: 0, path: r(1), remove: true }]);
    both(TEXT, [{ task: 0, path: r(0), remove: true }]);
    const out = both(TEXT, [{ task: 0, path: r(0, 'extra'), remove: true }]);
    expect(out).not.toContain('keep');
  });

  test('removing neighbouring elements in one go', () => {
    both(TEXT, [
      { task: 0, path: r(0), remove: true },
      { task: 0, path: r(1), remove: true },
    ]);
  });

  test('renaming a key keeps its place', () => {
    const out = both(TEXT, [{ task: 0, path: r(0, 'value', 'labels'), renameTo: 'rectanglelabels' }]);
    expect(out).toContain('{"x": 1.50, "rectanglelabels": ["car"]}');
  });

  test('JSON Lines stay one task per line', () => {
    const jsonl = '{"data": {"t": 1}, "predictions": [{"result": []}]}\n{"data": {"t": 2}}\n';
    const doc = parseTasks(jsonl);
    const out = spliceEdits(doc, [{ task: 1, path: ['predictions'], value: [{ result: [{ id: 'a', value: { x: 1 } }] }] }]);
    expect(out.split('\n')).toHaveLength(3);
    expect(parseTasks(out).tasks[1]).toEqual({ data: { t: 2 }, predictions: [{ result: [{ id: 'a', value: { x: 1 } }] }] });
  });

  test("new members are written in the file's own layout: at the siblings' indentation, pretty when they span lines", () => {
    const pretty = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result: [{ id: 'a', value: { x: 1 } }] }] }], null, 4);
    const doc = parseTasks(pretty);
    const out = spliceEdits(doc, [
      { task: 0, path: ['predictions', 0, 'result', 1], value: { id: 'b', value: { x: 2 } } },
      { task: 0, path: ['predictions', 0, 'result', 0, 'readonly'], value: true },
    ]);
    // As JSON.stringify(..., 4) writes the whole: the new result and the new key in the file's indentation.
    expect(out).toBe(JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result: [{ id: 'a', value: { x: 1 }, readonly: true }, { id: 'b', value: { x: 2 } }] }] }], null, 4));
    // Two new results in one edit: each on its own lines.
    const two = spliceEdits(doc, [
      { task: 0, path: ['predictions', 0, 'result', 1], value: { id: 'b' } },
      { task: 0, path: ['predictions', 0, 'result', 2], value: { id: 'c' } },
    ]);
    expect(two).toBe(JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result: [{ id: 'a', value: { x: 1 } }, { id: 'b' }, { id: 'c' }] }] }], null, 4));
    // Windows line ends stay Windows line ends.
    const crlf = spliceEdits(parseTasks(pretty.replace(/\n/g, '\r\n')), [{ task: 0, path: ['predictions', 0, 'result', 1], value: { id: 'b' } }]);
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    // Results written one per line stay one line each; a container on one line gets ", ".
    const lines = '[{"data": {}, "predictions": [{"result": [\n  {"id": "a"},\n  {"id": "b"}\n]}]}]';
    expect(spliceEdits(parseTasks(lines), [{ task: 0, path: ['predictions', 0, 'result', 2], value: { id: 'c', value: { x: 1 } } }])).toBe('[{"data": {}, "predictions": [{"result": [\n  {"id": "a"},\n  {"id": "b"},\n  {"id":"c","value":{"x":1}}\n]}]}]');
  });

  test('an edit below a missing parent is refused', () => {
    expect(() => spliceEdits(parseTasks(TEXT), [{ task: 1, path: ['predictions', 3, 'result', 0], value: 1 }])).toThrow(/parent/);
  });
});

describe('round trip over the corpus: parse, splice nothing or one edit, compare', () => {
  const files: string[] = [];
  const root = sharedPath('corpus/editor-examples');
  for (const ex of readdirSync(root)) if (existsSync(`${root}/${ex}/tasks.json`)) files.push(`${root}/${ex}/tasks.json`);
  const templates = sharedPath('corpus/templates/sample-tasks');
  for (const f of readdirSync(templates)) files.push(`${templates}/${f}`);

  test.each(files.map((f) => [f.replace(sharedPath('corpus'), '')]))('%s', (name) => {
    const text = readFileSync(sharedPath('corpus') + name, 'utf8');
    const doc = parseTasks(text);
    expect(spliceEdits(doc, [])).toBe(text);
    // Set one leaf in the first task: the rest of the text is unchanged.
    const edits: JsonEdit[] = [{ task: 0, path: ['prelabel_touched'], value: true }];
    const out = spliceEdits(doc, edits);
    expect(JSON.parse(out)).toEqual(applyEdits(doc.tasks, edits).length === 1 && doc.format === 'object' ? applyEdits(doc.tasks, edits)[0] : applyEdits(doc.tasks, edits));
    const reparsed = parseTasks(out);
    for (let t = 1; t < doc.tasks.length; t++) expect(reparsed.tasks[t]).toEqual(doc.tasks[t]);
  });
});

describe('the last member of a container, read backwards from its closing bracket', () => {
  const ws = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';
  /** The last member read forwards, member by member (as the edits did before). */
  function forward(text: string, start: number): { from: number; end: number } | null {
    const object = text[start] === '{';
    let i = start + 1;
    let last: { from: number; end: number } | null = null;
    while (i < text.length) {
      while (ws(text[i])) i++;
      if (text[i] === '}' || text[i] === ']') return last;
      const from = i;
      if (object) {
        i = valueEnd(text, i);
        while (ws(text[i])) i++;
        i++; // the colon
        while (ws(text[i])) i++;
      }
      i = valueEnd(text, i);
      last = { from, end: i };
      while (ws(text[i])) i++;
      if (text[i] === ',') i++;
    }
    throw new Error('not a container');
  }
  const texts = [
    '{"a": "x\\\\"}',
    '{"a": "say \\"}\\" and ]", "b" : [1, "]", {"c": "\\\\"}] }',
    '[1, 2.5e-3 , true,null,"q\\"\\\\", {}, [] ]',
    '{ "k\\"ey" :\r\n\t-0.5 }',
    '{}',
    '[ ]',
    '{"nested": {"deep": [[{"x": "}"}]]}}',
  ];
  for (const ex of readdirSync(sharedPath('corpus/editor-examples')).sort()) {
    const f = sharedPath(`corpus/editor-examples/${ex}/tasks.json`);
    if (existsSync(f)) texts.push(readFileSync(f, 'utf8'));
  }
  test('equals reading it forwards, for every container of the cases and the corpus tasks', () => {
    for (const t of texts.slice(0, 7)) JSON.parse(t);
    let containers = 0;
    for (const text of texts) {
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
          i = valueEnd(text, i) - 1;
          continue;
        }
        if (c !== '{' && c !== '[') continue;
        const close = valueEnd(text, i) - 1;
        expect(lastMember(text, i, close), `${text.slice(i, i + 60)}`).toEqual(forward(text, i));
        containers++;
      }
    }
    expect(containers).toBeGreaterThan(100);
  });
});
