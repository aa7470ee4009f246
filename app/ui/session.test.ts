// Lists of many changes are stored packed (typed arrays and one string): what is read back is what was saved.

import { describe, expect, test } from 'vitest';
import type { TextChange } from '../core/text/changes';
import { packChanges, unpackChanges } from './session';

describe('packed changes in the saved session', () => {
  test('many changes come back as they were: offsets, empty and non-ASCII inserts, deletions', () => {
    const changes: TextChange[] = [];
    for (let i = 0; i < 1000; i++) changes.push({ from: i * 40, to: i * 40 + (i % 3), insert: i % 4 === 0 ? '' : i % 4 === 1 ? ', "readonly": true' : i % 4 === 2 ? 'é😀\n' : '"' });
    const stored = packChanges(changes);
    expect(Array.isArray(stored)).toBe(false);
    // Stored through a structured clone, as IndexedDB does.
    expect(unpackChanges(structuredClone(stored))).toEqual(changes);
    // The same list saved again is not packed again.
    expect(packChanges(changes)).toBe(stored);
  });

  test('a few changes are stored as they are', () => {
    const few: TextChange[] = [{ from: 3, to: 5, insert: 'x' }];
    expect(packChanges(few)).toBe(few);
    expect(unpackChanges(few)).toBe(few);
  });
});
