// The tokens the tasks pane colours in a JSON text too big for a syntax tree: the kinds the JSON grammar
// gives them, read from the line's start so that a string begun before the view is known for one.

import { parser } from '@lezer/json';
import { describe, expect, test } from 'vitest';
import { jsonTokens, type JsonTokenKind } from './jsonColours';

const kinds = (line: string, from?: number, to?: number) => jsonTokens(line, from, to).map((t) => [line.slice(t.from, t.to), t.kind]);

/** The same tokens as the JSON grammar's syntax tree names them. */
function byGrammar(text: string): [string, JsonTokenKind][] {
  const out: [string, JsonTokenKind][] = [];
  const names: Record<string, JsonTokenKind> = { String: 'string', PropertyName: 'property', Number: 'number', True: 'bool', False: 'bool', Null: 'null' };
  parser.parse(text).iterate({
    enter(n) {
      const kind = names[n.name];
      if (!kind) return;
      out.push([text.slice(n.from, n.to), kind]);
      return false;
    },
  });
  return out;
}

describe('jsonTokens', () => {
  test('names strings, property names, numbers and literals as the JSON grammar does', () => {
    const line = '{"id": 1, "data": {"text": "a \\"quoted\\" word: yes", "n": -1.5e3, "ok": true, "no": false, "none": null}, "list": ["x", 2, null]}';
    expect(kinds(line)).toEqual(byGrammar(line));
    expect(kinds(line)).toContainEqual(['"a \\"quoted\\" word: yes"', 'string']);
    expect(kinds(line)).toContainEqual(['"data"', 'property']);
  });

  test('a pretty-printed file, line by line, reads as the grammar reads the whole', () => {
    const text = JSON.stringify([{ data: { image: 'a.png', score: 0.5 }, predictions: [{ result: [{ id: 'r0', value: { x: 1, labels: ['Car'] }, readonly: false, meta: null }] }] }], null, 2);
    const lineByLine = text.split('\n').flatMap((l) => kinds(l));
    expect(lineByLine).toEqual(byGrammar(text));
  });

  test('only tokens reaching into the range are given, a string begun before it included', () => {
    const line = '{"text": "' + 'word '.repeat(50) + 'end", "n": 12, "b": true}';
    const inside = line.indexOf('word word') + 100;
    expect(kinds(line, inside, inside + 5)).toEqual([[`"${'word '.repeat(50)}end"`, 'string']]);
    expect(kinds(line, line.indexOf('12'), line.length)).toEqual([
      ['12', 'number'],
      ['"b"', 'property'],
      ['true', 'bool'],
    ]);
    expect(kinds(line, 0, 3)).toEqual([['"text"', 'property']]);
  });

  test('a string the line cuts off is still a string; words that are not literals are not coloured', () => {
    expect(kinds('  "unfinished')).toEqual([['"unfinished', 'string']]);
    expect(kinds('[truex, nulls, true]')).toEqual([['true', 'bool']]);
  });
});
