// A tasks document after text changes, re-reading only the tasks the changes fall in: the other tasks keep
// their parsed values, texts and index entries, and only their offsets move. Nothing here copies the whole
// text: the new text of a task is built from its old text and the changes inside it.

import { isObject } from './jsonValue';
import { lastAtOrBefore, valueEnd } from './jsonIndex';
import { applyChanges, type TextChange } from '../text/changes';
import { makeDocument, parseJsonLine, parseTasks, parseTaskText, type TaskSlice, type TasksDocument } from './parse';

/** What an update did: which tasks were read again (indices in the new document), or everything. */
export type TasksUpdate = { doc: TasksDocument; full: true } | { doc: TasksDocument; full: false; touched: number[]; shift: Shift[]; patched?: Map<number, Patch> };

/** A task patched result by result: which results changed, and the changes (in its old text's offsets). */
export interface Patch {
  results: Map<number, Set<number>>;
  changes: TextChange[];
  oldStart: number;
}

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

const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Index of the task whose span holds [from, to] (ends included), or -1. */
function taskAt(doc: TasksDocument, from: number, to: number): number {
  const k = lastAtOrBefore(doc.index.tasks, from);
  return k >= 0 && to <= doc.index.ends[k] ? k : -1;
}

const fullRead = (doc: TasksDocument, changes: readonly TextChange[]): TasksUpdate => ({ doc: parseTasks(applyChanges(doc.text, changes)), full: true });

/**
 * The document for `applyChanges(doc.text, changes)`. Changes must be sorted and not overlap. Each change
 * that lies within one task re-reads that task alone; a change between tasks, one that breaks the JSON of a
 * list or single task, or one that adds a line break to a JSON Lines task reads the whole text again.
 */
export function updateTasks(doc: TasksDocument, changes: readonly TextChange[]): TasksUpdate {
  if (changes.length === 0) return { doc, full: false, touched: [], shift: [] };
  if (doc.syntax.length > 0 && doc.format !== 'jsonl') return fullRead(doc, changes);
  const hit: number[] = [];
  for (const c of changes) {
    const k = taskAt(doc, c.from, c.to);
    if (k === -1) return fullRead(doc, changes);
    if (hit[hit.length - 1] !== k) hit.push(k);
  }

  const idx = doc.index;
  const n = idx.tasks.length;
  const tasks = doc.tasks.slice();
  const starts = idx.tasks.slice();
  const ends = idx.ends.slice();
  const predictions = idx.predictions.slice();
  const results = idx.results.slice();
  const taskTexts = doc.taskTexts.slice();
  const gaps = doc.gaps.slice();
  let syntax = doc.syntax;
  const shift: Shift[] = [];
  const jsonl = doc.format === 'jsonl';
  // JSON Lines syntax findings are positioned below, before the new document exists: build the old line index first.
  if (jsonl) doc.lines.position(0);
  // The new whole text is joined only if a line position is asked for before the line index was built.
  let next: ReturnType<typeof makeDocument> | null = null;
  const lines = doc.lines.update(() => next!.text, changes);
  const lineFindings: { t: number; slice: TaskSlice }[] = [];
  let patched: Map<number, Patch> | undefined;
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
    const oldStart = idx.tasks[t];
    const own: TextChange[] = [];
    let grow = 0;
    let ownLines = 0;
    while (ci < changes.length && changes[ci].from >= oldStart && changes[ci].from <= idx.ends[t]) {
      const c = changes[ci++];
      own.push({ from: c.from - oldStart, to: c.to - oldStart, insert: c.insert });
      grow += c.insert.length - (c.to - c.from);
      ownLines += breaks(c.insert) - breaks(doc.taskTexts[t], c.from - oldStart, c.to - oldStart);
    }
    const text = applyChanges(doc.taskTexts[t], own);
    const patch = own.length && doc.taskTexts[t].length > PATCH_ABOVE ? patchResults(doc, t, own) : null;
    let slice: TaskSlice;
    if (patch) {
      slice = patch;
      (patched ??= new Map()).set(t, { results: patch.changed, changes: own, oldStart });
      if (jsonl) lineFindings.push({ t, slice });
    } else if (jsonl) {
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return fullRead(doc, changes);
      // A JSON Lines file is lines of objects: a line that no longer starts with one is read with the rest.
      let s = 0;
      while (s < text.length && isWs(text.charCodeAt(s))) s++;
      if (text.charCodeAt(s) !== 123) return fullRead(doc, changes);
      let e = text.length;
      while (e > s && isWs(text.charCodeAt(e - 1))) e--;
      slice = parseTaskText(text) ?? { task: undefined, start: s, end: e, predictions: [], results: [] };
      lineFindings.push({ t, slice });
    } else {
      const parsed = parseTaskText(text);
      if (!parsed) return fullRead(doc, changes);
      slice = parsed;
    }
    // Whitespace the change left around the value belongs to the gaps beside it.
    const newStart = oldStart + delta;
    if (slice.start > 0 || slice.end < text.length) {
      gaps[t] += text.slice(0, slice.start);
      gaps[t + 1] = text.slice(slice.end) + gaps[t + 1];
    }
    taskTexts[t] = slice.start > 0 || slice.end < text.length ? text.slice(slice.start, slice.end) : text;
    tasks[t] = slice.task;
    starts[t] = newStart + slice.start;
    ends[t] = newStart + slice.end;
    predictions[t] = slice.start ? slice.predictions.map((o) => o - slice.start) : slice.predictions;
    results[t] = slice.start ? slice.results.map((r) => r.map((o) => o - slice.start)) : slice.results;
    delta += grow;
    if (grow !== 0 || ownLines !== 0) shift.push({ after: t, delta: grow, lines: ownLines });
  }
  if (jsonl) {
    // The syntax findings of re-read lines are made again; those of other lines move with them.
    const touched = new Set(hit);
    syntax = syntax.filter((f) => f.task === null || !touched.has(f.task)).map((f) => (f.task !== null && shift.length ? moveFinding(f, shiftOf(shift, f.task), lines) : f));
    for (const { t, slice } of lineFindings) if (slice.task === undefined) syntax.push(parseJsonLine(taskTexts[t], starts[t], t, lines).syntax!);
    syntax.sort((x, y) => x.offset - y.offset);
  }
  next = makeDocument({ format: doc.format, tasks, index: { tasks: starts, ends, predictions, results }, taskTexts, gaps, syntax, lines });
  return { doc: next, full: false, touched: hit, shift, ...(patched ? { patched } : {}) };
}

/** Tasks longer than this are patched result by result when every change lies inside one result. */
const PATCH_ABOVE = 50_000;

/** Which result (prediction p, result r) of task t holds [from, to] (offsets in the task's text), or null. */
function resultAt(doc: TasksDocument, t: number, from: number, to: number): { p: number; r: number; start: number; end: number } | null {
  const p = lastAtOrBefore(doc.index.predictions[t], from);
  if (p === -1) return null;
  const starts = doc.index.results[t][p];
  const r = lastAtOrBefore(starts, from);
  if (r === -1) return null;
  const start = starts[r];
  const end = valueEnd(doc.taskTexts[t], start);
  return to <= end ? { p, r, start, end } : null;
}

/**
 * Task t after changes that each lie inside one of its results: those results are parsed again, the task's
 * value is copied along their paths only, and the offsets after each change move. Null when a change is
 * elsewhere or a changed result no longer parses on its own (the whole task is read then).
 */
function patchResults(doc: TasksDocument, t: number, own: readonly TextChange[]): (TaskSlice & { changed: Map<number, Set<number>> }) | null {
  const task = doc.tasks[t];
  if (!isObject(task) || !Array.isArray(task.predictions)) return null;
  const groups: { p: number; r: number; start: number; end: number; changes: TextChange[] }[] = [];
  for (const c of own) {
    const last = groups[groups.length - 1];
    if (last && c.from >= last.start && c.to <= last.end) {
      last.changes.push(c);
      continue;
    }
    const at = resultAt(doc, t, c.from, c.to);
    if (!at) return null;
    groups.push({ ...at, changes: [c] });
  }
  const text = doc.taskTexts[t];
  const predictions = task.predictions.slice();
  const copied = new Set<number>();
  const changed = new Map<number, Set<number>>();
  for (const g of groups) {
    let set = changed.get(g.p);
    if (!set) changed.set(g.p, (set = new Set()));
    set.add(g.r);
    const local = g.changes.map((c) => ({ from: c.from - g.start, to: c.to - g.start, insert: c.insert }));
    const resultText = applyChanges(text.slice(g.start, g.end), local);
    const first = resultText.charCodeAt(0);
    const lastChar = resultText.charCodeAt(resultText.length - 1);
    // The result must still be one value filling its place (no whitespace moved in at its ends).
    if (first === 32 || first === 10 || first === 13 || first === 9 || lastChar === 32 || lastChar === 10 || lastChar === 13 || lastChar === 9) return null;
    let value: unknown;
    try {
      value = JSON.parse(resultText);
    } catch {
      return null;
    }
    const pred = predictions[g.p];
    if (!isObject(pred) || !Array.isArray(pred.result) || g.r >= pred.result.length) return null;
    if (!copied.has(g.p)) {
      predictions[g.p] = { ...pred, result: pred.result.slice() };
      copied.add(g.p);
    }
    (predictions[g.p] as { result: unknown[] }).result[g.r] = value;
  }
  // Offsets after a change move by what it added; the changes are sorted, so one walk per list.
  const move = (list: readonly number[]) => {
    const out = new Array<number>(list.length);
    let k = 0;
    let delta = 0;
    for (let i = 0; i < list.length; i++) {
      while (k < own.length && own[k].to <= list[i]) {
        delta += own[k].insert.length - (own[k].to - own[k].from);
        k++;
      }
      out[i] = list[i] + delta;
    }
    return out;
  };
  const grown = own.reduce((n, c) => n + c.insert.length - (c.to - c.from), 0);
  return {
    changed,
    task: { ...task, predictions },
    start: 0,
    end: text.length + grown,
    predictions: move(doc.index.predictions[t]),
    results: doc.index.results[t].map(move),
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
