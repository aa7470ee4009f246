// The pieces a text is cut into by its spans: the same as the definition (every piece's covering spans are
// those that start at or before it and end at or after it), and found without visiting every span per piece.

import { describe, expect, test } from 'vitest';
import type { RegionView } from '../../core/preview';
import { spanPieces, type SpanRange } from './spanLayout';

function region(key: string): RegionView {
  return { key, id: key, results: [0], shapeResult: 0, kind: 'span', type: 'labels', objectName: 'text', object: null, value: {}, labels: ['L'], details: [], extent: null, color: 'red', score: null, readonly: false, hidden: false, dropped: null, problems: [], originalWidth: null, originalHeight: null };
}

/** The pieces by their definition, one filter over all spans per piece (how SpanText cut the text before). */
function byDefinition(length: number, spans: SpanRange[]) {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(s.start, length)));
    cuts.add(Math.max(0, Math.min(s.end, length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    const covering = sorted.filter((s) => !s.compare && s.start <= from && s.end >= to && s.end > s.start);
    const compared = sorted.filter((s) => s.compare && s.start <= from && s.end >= to && s.end > s.start);
    out.push({ from, to, covering, compared });
  }
  return out;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const keys = (pieces: { from: number; to: number; covering: SpanRange[]; compared: SpanRange[] }[]) =>
  pieces.map((p) => `${p.from}-${p.to}:${p.covering.map((s) => s.region.key).join(',')}|${p.compared.map((s) => s.region.key).join(',')}`);

describe('spanPieces', () => {
  test('cuts like the definition: nested, overlapping, equal, empty, reversed, compared and out-of-range spans', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const length = Math.floor(r() * 40);
      const spans: SpanRange[] = Array.from({ length: Math.floor(r() * 14) }, (_, i) => {
        const start = Math.floor(r() * (length + 10)) - 5;
        const end = r() < 0.15 ? start - Math.floor(r() * 3) : start + Math.floor(r() * 15);
        return { region: region(`s${i}`), start, end, ghost: false, compare: r() < 0.25 };
      });
      // Some spans share their start and end with another.
      if (spans.length > 2 && r() < 0.5) spans.push({ ...spans[0], region: region('dup') });
      expect(keys(spanPieces(length, spans)), `seed ${seed}`).toEqual(keys(byDefinition(length, spans)));
    }
  });

  test('a text with 4,000 side-by-side spans is cut reading each span a few times, not once per piece', () => {
    let reads = 0;
    const spans: SpanRange[] = Array.from({ length: 4000 }, (_, i) => {
      const s = { region: region(`s${i}`), ghost: false, start: 0, end: 0 };
      let start = i * 10;
      let end = i * 10 + 5;
      Object.defineProperty(s, 'start', { get: () => (reads++, start), set: (v) => (start = v) });
      Object.defineProperty(s, 'end', { get: () => (reads++, end), set: (v) => (end = v) });
      return s;
    });
    const pieces = spanPieces(40_000, spans);
    expect(pieces).toHaveLength(8000);
    expect(pieces.filter((p) => p.covering.length === 1)).toHaveLength(4000);
    // Sorting reads each span about log2(4,000) = 12 times; a filter per piece reads each 8,000 times.
    expect(reads).toBeLessThan(4000 * 60);
  });
});
