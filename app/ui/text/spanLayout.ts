// How a text is cut by its spans, as SpanText draws it: the pieces between span boundaries with the spans
// covering each (outer first), and where each span's label tag goes. One sweep over the boundaries, so a
// text with thousands of spans costs the spans' number times their nesting depth, not its square.

import type { RegionView } from '../../core/preview';

export interface SpanRange {
  region: RegionView;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  ghost: boolean;
  /** A span of the compared prediction: drawn as a dashed underline, its tag in italics. */
  compare?: boolean;
  /** False for a piece of a span that ends elsewhere (a span over several paragraphs has one tag). */
  tag?: boolean;
}

export interface SpanPiece {
  from: number;
  to: number;
  /** Spans of the prediction covering the piece, outer first (by start, then the longer first, then given order). */
  covering: SpanRange[];
  /** Spans of the compared prediction covering it, in the same order. */
  compared: SpanRange[];
}

const clamp = (x: number, length: number) => Math.max(0, Math.min(x, length));

/**
 * The pieces of a text of `length` cut at every span's start and end (clamped to the text), in order.
 * A span covers a piece when it starts at or before the piece and ends at or after it.
 */
export function spanPieces(length: number, spans: readonly SpanRange[]): SpanPiece[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(clamp(s.start, length));
    cuts.add(clamp(s.end, length));
  }
  const points = [...cuts].filter((p) => !Number.isNaN(p)).sort((a, b) => a - b);
  const index = new Map(points.map((p, i) => [p, i]));
  // Spans by the piece they start at and the one they stop before; a span covering nothing is left out.
  const order = spans.map((s, i) => ({ s, i }));
  order.sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end || a.i - b.i);
  const starting: SpanRange[][] = points.map(() => []);
  const ending: SpanRange[][] = points.map(() => []);
  for (const { s } of order) {
    const a = index.get(clamp(s.start, length));
    const b = index.get(clamp(s.end, length));
    if (a === undefined || b === undefined || !(s.start < s.end) || a >= b) continue;
    starting[a].push(s);
    ending[b].push(s);
  }
  const out: SpanPiece[] = [];
  // The spans open at the current piece, in drawing order: later starts are always appended after earlier ones.
  let active: SpanRange[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    if (ending[i].length) {
      const gone = new Set(ending[i]);
      active = active.filter((s) => !gone.has(s));
    }
    if (starting[i].length) active = active.concat(starting[i]);
    const covering: SpanRange[] = [];
    const compared: SpanRange[] = [];
    for (const s of active) (s.compare ? compared : covering).push(s);
    out.push({ from: points[i], to: points[i + 1], covering, compared });
  }
  return out;
}

/** Where each span's tag goes: after its end (clamped to the text), inner spans' tags before outer ones'. */
export function tagsByPosition(spans: readonly SpanRange[], length: number): Map<number, SpanRange[]> {
  const at = new Map<number, SpanRange[]>();
  const order = spans.map((s, i) => ({ s, i })).filter(({ s }) => s.tag !== false);
  order.sort((a, b) => b.s.start - a.s.start || a.i - b.i);
  for (const { s } of order) {
    const pos = clamp(s.end, length);
    const list = at.get(pos);
    if (list) list.push(s);
    else at.set(pos, [s]);
  }
  return at;
}
