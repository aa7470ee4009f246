// Depth of parsed JSON without recursion.

import { expect, test } from 'vitest';
import { pathText, tooDeep } from './depth';

const nest = (n: number): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n));

test('a value within the limit is fine; the first too-deep place is found by its path', () => {
  expect(tooDeep(1, 3)).toBeNull();
  expect(tooDeep({ a: [1, { b: 2 }] }, 3)).toBeNull();
  expect(tooDeep({ a: [1, { b: [3] }] }, 3)).toEqual(['a', 1, 'b']);
  expect(tooDeep(nest(3), 3)).toBeNull();
  expect(tooDeep(nest(4), 3)).toEqual([0, 0, 0]);
});

test('100,000 levels: no stack overflow', () => {
  expect(tooDeep(nest(100000), 1000)).toHaveLength(1000);
});

test('paths read as a person writes them, cut short', () => {
  expect(pathText(['predictions', 0, 'score', 0])).toBe('predictions[0].score[0]');
  expect(pathText(Array(20).fill(0), 3)).toBe('[0][0][0]…');
});
