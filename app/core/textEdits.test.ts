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

describe('many edits at once, as bulk actions make them: the text parses to the edited values', () => {
  // A prediction of 30 results, pretty-printed; a small random generator with a fixed seed.
  const results = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, from_name: 'label', value: { x: i, labels: i % 4 ? ['Car'] : [] }, ...(i % 5 === 0 ? { readonly: false } : {}) }));
  const text = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: results }] }], null, 2);
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);

  test('one key set or added on every result (Lock all, Hide all), in order and on some only', () => {
    both(text, results.map((_, i) => ({ task: 0, path: r(i, 'readonly'), value: true })));
    both(text, results.map((_, i) => ({ task: 0, path: r(i, 'value', 'x'), value: i * 2 })));
    both(text, [3, 4, 9, 20].map((i) => ({ task: 0, path: r(i, 'hidden'), value: true })));
    // The same key of the same results again, later in the list: the last edit of each place wins.
    const out = both(text, [3, 5, 3, 5].map((i, k) => ({ task: 0, path: r(i, 'value', 'x'), value: 100 + k })));
    expect(JSON.parse(out)[0].predictions[0].result[3].value.x).toBe(102);
  });

  test('elements appended to one list, and to the lists inside results (members joined into one insertion)', () => {
    both(text, [30, 31, 32].map((i) => ({ task: 0, path: r(i), value: { id: `n${i}` } })));
    both(text, results.map((_, i) => ({ task: 0, path: r(i, 'value', 'labels', i % 4 ? 1 : 0), value: 'Person' })));
  });

  test('random mixes: the same place twice (the last wins), renames, keys added twice over, any order', () => {
    for (let round = 0; round < 40; round++) {
      const edits: JsonEdit[] = [];
      const n = 1 + rand(12);
      for (let k = 0; k < n; k++) {
        const i = rand(30);
        const kind = rand(5);
        if (kind === 0) edits.push({ task: 0, path: r(i, 'readonly'), value: rand(2) === 0 });
        else if (kind === 1) edits.push({ task: 0, path: r(i, 'value', 'x'), value: rand(100) });
        else if (kind === 2) edits.push({ task: 0, path: r(i, 'score'), value: rand(10) / 10 });
        else if (kind === 3) edits.push({ task: 0, path: r(i, 'value', 'labels', 0), value: `L${rand(3)}` });
        else edits.push({ task: 0, path: r(i, 'from_name'), renameTo: 'from' });
      }
      // A rename and another edit of the same key cannot both apply: keep the first edit of each result then.
      const seen = new Set<string>();
      const ok = edits.filter((e) => {
        const key = `${e.path[3]}/${String(e.path[4])}`;
        const renamed = e.renameTo !== undefined ? `${e.path[3]}/rename` : null;
        if (renamed && (seen.has(renamed) || seen.has(key))) return false;
        if (!renamed && seen.has(`${e.path[3]}/rename`) && e.path[4] === 'from_name') return false;
        seen.add(key);
        if (renamed) seen.add(renamed);
        return true;
      });
      // Sorted by result as the app sorts them (in offset order), and as given.
      both(text, ok);
      both(text, [...ok].sort((a, b) => (a.path[3] as number) - (b.path[3] as number)));
    }
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
