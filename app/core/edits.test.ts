import { describe, expect, it } from 'vitest';
import { changedPlaces } from './edits';

const tasks = [{ predictions: [{ result: [{ value: { start: '/p[1]/text()[1]', startOffset: 4, end: '/p[1]/text()[1]', endOffset: 9, labels: ['PER'] } }] }] }];
const at = (key: string) => ['predictions', 0, 'result', 0, 'value', key];

describe('changedPlaces', () => {
  it('counts the values that differ, not the edits: a span moved by one offset is one change', () => {
    const edits = [
      { task: 0, path: at('start'), value: '/p[1]/text()[1]' },
      { task: 0, path: at('startOffset'), value: 5 },
      { task: 0, path: at('end'), value: '/p[1]/text()[1]' },
      { task: 0, path: at('endOffset'), value: 9 },
    ];
    expect(changedPlaces(tasks, edits)).toBe(1);
  });

  it('compares objects and arrays by value, and counts a path once', () => {
    expect(changedPlaces(tasks, [{ task: 0, path: at('labels'), value: ['PER'] }])).toBe(0);
    expect(changedPlaces(tasks, [{ task: 0, path: at('labels'), value: ['LOC'] }])).toBe(1);
    expect(changedPlaces(tasks, [{ task: 0, path: at('startOffset'), value: 1 }, { task: 0, path: at('startOffset'), value: 1 }])).toBe(1);
  });

  it('counts a key added, removed or renamed; not one removed that is not there', () => {
    expect(changedPlaces(tasks, [{ task: 0, path: at('globalOffsets'), value: { start: 4, end: 9 } }])).toBe(1);
    expect(changedPlaces(tasks, [{ task: 0, path: at('labels'), remove: true }])).toBe(1);
    expect(changedPlaces(tasks, [{ task: 0, path: at('nothing'), remove: true }])).toBe(0);
    expect(changedPlaces(tasks, [{ task: 0, path: at('labels'), renameTo: 'hypertextlabels' }])).toBe(1);
    expect(changedPlaces(tasks, [{ task: 0, path: ['predictions', 0, 'result', 0], remove: true }])).toBe(1);
  });
});
