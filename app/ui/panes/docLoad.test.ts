// A long text goes into the editor a slice at a time, from a string or from a reader of a text kept in pieces
// (a bulk edit of 100,000 regions is not joined into one 57 MB string for it): the editor ends with the same text.

import { describe, expect, test } from 'vitest';
import type { Text } from '@codemirror/state';
import { loadSliced, type Loadable } from './docLoad';

function load(text: Loadable): Promise<{ head: string; whole: string }> {
  return new Promise((resolve) => {
    let head = '';
    loadSliced(
      text,
      (begin) => (head = begin.toString()),
      (rest: Text) => resolve({ head, whole: head + rest.toString() }),
    );
  });
}

describe('loadSliced', () => {
  // Lines of every length around the reader's window (4,096) and the slice size, and a text without a final line break.
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push('x'.repeat((i * 977) % 9000));
  const text = lines.join('\n');

  test('from a string: the head ends at a line break, and head and rest make the text', async () => {
    const { head, whole } = await load(text);
    expect(head.endsWith('\n')).toBe(true);
    expect(whole).toBe(text);
  });

  test('from a reader: the same text, read in ranges only (never whole)', async () => {
    let longest = 0;
    const reader: Loadable = {
      length: text.length,
      slice(from, to) {
        longest = Math.max(longest, to - from);
        return text.slice(from, to);
      },
    };
    const { whole } = await load(reader);
    expect(whole).toBe(text);
    expect(longest).toBeLessThan(text.length / 4);
  });

  test('from a reader of a range of a longer text: nothing past the range, though a line ends just after it', async () => {
    // One long line (compact JSON, JSON Lines): no line break in the range's last window, one right after it.
    const range = 'y'.repeat(1_200_000);
    const longer = `${range}tail of the text that follows\n`;
    // A reader as the editor makes one: offsets of the range, read from the longer text, asked past its end.
    const reader: Loadable = { length: range.length, slice: (from, to) => longer.slice(from, to) };
    const { whole } = await load(reader);
    expect(whole).toBe(range);
  });
});
