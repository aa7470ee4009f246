// A tasks document after text changes, re-reading only the tasks the changes fall in: the other tasks keep
// their parsed values and index entries, and only their offsets move.

import type { TextChange } from '../text/changes';
import { applyChanges } from '../text/changes';
import { parseJsonLine, parseTasks, parseTaskSlice, type TaskSlice, type TasksDocument } from './parse';

/** What an update did: which tasks were read again (indices in the new document), or everything. */
export type TasksUpdate = { doc: TasksDocument; full: true } | { doc: TasksDocument; full: false; touched: number[]; shift: Shift[] };

/** Task `after` changed length by `delta` characters and `lines` line breaks: the tasks after it moved. */
export interface Shift {
  after: number;
  delta: number;
  lines: number;
}

const breaks = (s: string, from = 0, to = s.length) => {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/** Index of the task whose span holds [from, to] (ends included), or -1. */
function taskAt(doc: TasksDocument, from: number, to: number): number {
  const starts = doc.index.tasks;
  let lo = 0;
  let hi = starts.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= from) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k >= 0 && to <= doc.index.ends[k] ? k : -1;
}

/**
 * The document for `applyChanges(doc.text, changes)`. Changes must be sorted and not overlap. Each change
 * that lies within one task re-reads that task alone; a change between tasks, one that breaks the JSON of a
 * list or single task, or one that adds a line break to a JSON Lines task reads the whole text again.
 */
export function updateTasks(doc: TasksDocument, changes: readonly TextChange[]): TasksUpdate {
  const text = applyChanges(doc.text, changes);
  if (changes.length === 0) return { doc, full: false, touched: [], shift: [] };
  const readable = doc.syntax.length === 0 || doc.format === 'jsonl';
  const hit: number[] = [];
  if (readable) {
    for (const c of changes) {
      const k = taskAt(doc, c.from, c.to);
      if (k === -1) return { doc: parseTasks(text), full: true };
      if (hit[hit.length - 1] !== k) hit.push(k);
    }
  } else return { doc: parseTasks(text), full: true };

  const idx = doc.index;
  const n = idx.tasks.length;
  const tasks = doc.tasks.slice();
  const starts = idx.tasks.slice();
  const ends = idx.ends.slice();
  const predictions = idx.predictions.slice();
  const results = idx.results.slice();
  const lines = doc.lines.update(text, changes);
  let syntax = doc.syntax;
  const shift: Shift[] = [];
  let ci = 0;
  let delta = 0;
  let h = 0;
  for (let t = 0; t < n; t++) {
    if (hit[h] !== t) {
      if (delta !== 0) {
        starts[t] += delta;
        ends[t] += delta;
      }
      continue;
    }
    h++;
    const a = idx.tasks[t] + delta;
    let own = 0;
    let ownLines = 0;
    while (ci < changes.length && changes[ci].from <= idx.ends[t] && changes[ci].from >= idx.tasks[t]) {
      const c = changes[ci];
      own += c.insert.length - (c.to - c.from);
      ownLines += breaks(c.insert) - breaks(doc.text, c.from, c.to);
      ci++;
    }
    const b = idx.ends[t] + delta + own;
    let slice: TaskSlice | null;
    if (doc.format === 'jsonl') {
      for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return { doc: parseTasks(text), full: true };
      // A JSON Lines file is lines of objects: a line that no longer starts with one is read with the rest.
      let s = a;
      while (s < b && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      if (text.charCodeAt(s) !== 123) return { doc: parseTasks(text), full: true };
      slice = parseJsonLine(text, a, b, t, lines);
      if (slice.task === undefined && b === a) return { doc: parseTasks(text), full: true };
    } else {
      slice = parseTaskSlice(text, a, b);
      if (!slice) return { doc: parseTasks(text), full: true };
    }
    tasks[t] = slice.task;
    starts[t] = slice.start;
    ends[t] = slice.end;
    predictions[t] = slice.predictions;
    results[t] = slice.results;
    if (doc.format === 'jsonl') {
      const others = syntax.filter((f) => f.task !== t);
      syntax = slice.syntax ? [...others, slice.syntax].sort((x, y) => x.offset - y.offset) : others;
    }
    delta += own;
    if (own !== 0 || ownLines !== 0) shift.push({ after: t, delta: own, lines: ownLines });
  }
  if (doc.format === 'jsonl' && shift.length) syntax = syntax.map((f) => (f.task !== null && !hit.includes(f.task) ? moveFinding(f, shiftOf(shift, f.task), lines) : f));
  return {
    doc: { text, format: doc.format, tasks, index: { tasks: starts, ends, predictions, results }, syntax, lines },
    full: false,
    touched: hit,
    shift,
  };
}

/** How far task `t` moved: the sum of the length changes of the tasks before it. */
export function shiftOf(shift: readonly Shift[], t: number): number {
  let d = 0;
  for (const s of shift) if (s.after < t) d += s.delta;
  return d;
}

/** A finding moved by `delta` characters, its line and column read again. */
export function moveFinding<F extends { offset: number; line: number; column: number }>(f: F, delta: number, lines: { position(o: number): { line: number; column: number } }): F {
  if (f.offset < 0) return f;
  const offset = f.offset + delta;
  const { line, column } = lines.position(offset);
  if (offset === f.offset && line === f.line && column === f.column) return f;
  return { ...f, offset, line, column };
}
