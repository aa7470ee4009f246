// A tasks document after text changes, re-reading only the tasks the changes fall in: the other tasks keep
// their parsed values, texts and index entries, and only their offsets move. Nothing here copies the whole
// text: the new text of a task is built from its old text and the changes inside it.

import { isObject } from './jsonValue';
import { elementEnd, isJsonWs, lastAtOrBefore, valueEnd } from './jsonIndex';
import { applyChanges, type TextChange } from '../text/changes';
import { applyToText, wholeText, type TextLike } from '../text/pieces';
import { makeDocument, parseJsonLine, parseTasks, parseTaskText, type TaskSlice, type TasksDocument } from './parse';

/** What an update did: which tasks were read again (indices in the new document), or everything. */
export type TasksUpdate = { doc: TasksDocument; full: true } | { doc: TasksDocument; full: false; touched: number[]; shift: Shift[]; patched?: Map<number, Patch> };

/** A task patched result by result: which results changed, and the changes (in its old text's offsets). */
export interface Patch {
  results: Map<number, Set<number>>;
  /** Per prediction whose results were removed or added: for each new result, the old index it was (-1: new). */
  origin?: Map<number, number[]>;
  changes: TextChange[];
  oldStart: number;
}

/** Task `after` changed length by `delta` characters and `lines` line breaks: the tasks after it moved. */
export interface Shift {
  after: number;
  delta: number;
  lines: number;
}

const breaks = (s: TextLike, from = 0, to = s.length) => {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/** Index of the task whose span holds [from, to] (ends included), or -1. */
function taskAt(doc: TasksDocument, from: number, to: number): number {
  const k = lastAtOrBefore(doc.index.tasks, from);
  return k >= 0 && to <= doc.index.ends[k] ? k : -1;
}

const fullRead = (doc: TasksDocument, changes: readonly TextChange[]): TasksUpdate => ({ doc: parseTasks(applyChanges(doc.text, changes)), full: true });

/**
 * What edited results parse to, when it is known without parsing them (see resultValues in textEdits.ts):
 * task -> prediction -> result -> its value after the changes.
 */
export type ResultValues = Map<number, Map<number, Map<number, unknown>>>;

/**
 * The document for `applyChanges(doc.text, changes)`. Changes must be sorted and not overlap. Each change
 * that lies within one task re-reads that task alone; a change between tasks, one that breaks the JSON of a
 * list or single task, or one that adds a line break to a JSON Lines task reads the whole text again. `values`:
 * the known values of edited results of long tasks (their text is not parsed again).
 */
export function updateTasks(doc: TasksDocument, changes: readonly TextChange[], values?: ResultValues): TasksUpdate {
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
    // A long task's text comes out in pieces: the edit builds the piece it falls in, not the whole text.
    let text = applyToText(doc.taskTexts[t], own, applyChanges);
    const patch = own.length && doc.taskTexts[t].length > PATCH.above ? patchResults(doc, t, own, values?.get(t)) : null;
    let slice: TaskSlice;
    if (patch) {
      slice = patch;
      (patched ??= new Map()).set(t, { results: patch.changed, ...(patch.origin ? { origin: patch.origin } : {}), changes: own, oldStart });
      if (jsonl) lineFindings.push({ t, slice });
    } else if (jsonl) {
      text = wholeText(text);
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return fullRead(doc, changes);
      // A JSON Lines file is lines of objects: a line that no longer starts with one is read with the rest.
      let s = 0;
      while (s < text.length && isJsonWs(text.charCodeAt(s))) s++;
      if (text.charCodeAt(s) !== 123) return fullRead(doc, changes);
      let e = text.length;
      while (e > s && isJsonWs(text.charCodeAt(e - 1))) e--;
      slice = parseTaskText(text) ?? { task: undefined, start: s, end: e, predictions: [], results: [] };
      lineFindings.push({ t, slice });
    } else {
      // Read whole again: the text is joined (a text in pieces is cut again at its next edit).
      text = wholeText(text);
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
    for (const { t, slice } of lineFindings) if (slice.task === undefined) syntax.push(parseJsonLine(wholeText(taskTexts[t]), starts[t], t, lines).syntax!);
    syntax.sort((x, y) => x.offset - y.offset);
  }
  next = makeDocument({ format: doc.format, tasks, index: { tasks: starts, ends, predictions, results }, taskTexts, gaps, syntax, lines });
  return { doc: next, full: false, touched: hit, shift, ...(patched ? { patched } : {}) };
}

/** Tasks longer than this are patched result by result when every change lies inside one result (the tests make it small). */
export const PATCH = { above: 50_000 };

/** Which result (prediction p, result r) of task t holds [from, to] (offsets in the task's text), or null. */
function resultAt(doc: TasksDocument, t: number, from: number, to: number): { p: number; r: number; start: number; end: number } | null {
  const p = lastAtOrBefore(doc.index.predictions[t], from);
  if (p === -1) return null;
  const starts = doc.index.results[t][p];
  const r = lastAtOrBefore(starts, from);
  if (r === -1) return null;
  const start = starts[r];
  const end = elementEnd(doc.taskTexts[t], starts, r);
  // Text put in right after a result is not in it (a new result after it, say).
  if (from === to && from === end) return null;
  return to <= end ? { p, r, start, end } : null;
}

/** Results of one prediction after a change that removes or adds whole results (a run of them, or none). */
interface Splice {
  p: number;
  /** Old results [from, to) are gone... */
  from: number;
  to: number;
  /** ...and these came in their place, with their starts in the new task text. */
  values: unknown[];
  starts: number[];
}

/**
 * A change to the result list of a prediction that removes whole results and/or puts whole new ones in
 * their place, read as such; null when it is anything else. `shiftBefore` is what the changes before it
 * added to the text (for the new results' offsets).
 */
function spliceAt(doc: TasksDocument, t: number, c: TextChange, shiftBefore: number): Splice | null {
  const p = lastAtOrBefore(doc.index.predictions[t], c.from);
  if (p === -1) return null;
  const starts = doc.index.results[t][p];
  if (!starts || starts.length === 0) return null;
  const text = doc.taskTexts[t];
  // The results before the change end at or before it; those after start at or after its end.
  let from = lastAtOrBefore(starts, c.from - 1) + 1;
  if (from > 0 && elementEnd(text, starts, from - 1) > c.from) return null;
  let to = from;
  while (to < starts.length && starts[to] < c.to) {
    if (elementEnd(text, starts, to) > c.to) return null;
    to++;
  }
  // The stretch between the kept neighbours (or the brackets) holds only what the change touched.
  let g0: number;
  if (from > 0) g0 = elementEnd(text, starts, from - 1);
  else {
    g0 = starts[0] - 1;
    while (g0 >= 0 && isJsonWs(text.charCodeAt(g0))) g0--;
    if (text.charCodeAt(g0) !== 91) return null;
    g0++;
  }
  let g1: number;
  if (to < starts.length) g1 = starts[to];
  else {
    g1 = valueEnd(text, starts[starts.length - 1]);
    while (g1 < text.length && isJsonWs(text.charCodeAt(g1))) g1++;
    if (text.charCodeAt(g1) !== 93) return null;
  }
  if (c.from < g0 || c.to > g1) return null;
  const seg = text.slice(g0, c.from) + c.insert + text.slice(c.to, g1);
  // Values and commas, read in order: with the kept neighbours around them they must make a list again
  // (value, comma, value, ..., value), or nothing at all.
  const values: unknown[] = [];
  const at: number[] = [];
  const seq: boolean[] = from > 0 ? [true] : []; // true: a value, false: a comma
  let i = 0;
  while (i < seg.length) {
    const ch = seg.charCodeAt(i);
    if (isJsonWs(ch)) i++;
    else if (ch === 44) {
      seq.push(false);
      i++;
    } else {
      const e0 = valueEnd(seg, i);
      if (e0 <= i || e0 > seg.length) return null;
      try {
        values.push(JSON.parse(seg.slice(i, e0)));
      } catch {
        return null;
      }
      at.push(i);
      seq.push(true);
      i = e0;
    }
  }
  if (to < starts.length) seq.push(true);
  if (seq.length && (seq.length % 2 === 0 || seq.some((v, k) => v !== (k % 2 === 0)))) return null;
  const base = g0 + shiftBefore;
  return { p, from, to, values, starts: at.map((o) => base + o) };
}

/**
 * Task t after changes that each lie inside one of its results, or remove or add whole results: the changed
 * and new results are parsed, the task's value is copied along their paths only, and the offsets after each
 * change move. Null when a change is elsewhere or does not read that way (the whole task is read then).
 */
function patchResults(doc: TasksDocument, t: number, own: readonly TextChange[], known?: ReadonlyMap<number, ReadonlyMap<number, unknown>>): (TaskSlice & { changed: Map<number, Set<number>>; origin?: Map<number, number[]> }) | null {
  const task = doc.tasks[t];
  if (!isObject(task) || !Array.isArray(task.predictions)) return null;
  const groups: { p: number; r: number; start: number; end: number; changes: TextChange[] }[] = [];
  const splices: Splice[] = [];
  let grownSoFar = 0;
  for (const c of own) {
    const last = groups[groups.length - 1];
    if (last && c.from >= last.start && c.to <= last.end) last.changes.push(c);
    else {
      const at = resultAt(doc, t, c.from, c.to);
      if (at) groups.push({ p: at.p, r: at.r, start: at.start, end: at.end, changes: [c] });
      else {
        const sp = spliceAt(doc, t, c, grownSoFar);
        if (!sp) return null;
        const prev = splices[splices.length - 1];
        if (prev && prev.p === sp.p && sp.from < prev.to) return null;
        splices.push(sp);
      }
    }
    grownSoFar += c.insert.length - (c.to - c.from);
  }
  const text = doc.taskTexts[t];
  const predictions = task.predictions.slice();
  const copied = new Set<number>();
  const changedOld = new Map<number, Set<number>>();
  for (const g of groups) {
    let set = changedOld.get(g.p);
    if (!set) changedOld.set(g.p, (set = new Set()));
    set.add(g.r);
    let value = known?.get(g.p)?.get(g.r);
    if (value === undefined) {
      const local = g.changes.map((c) => ({ from: c.from - g.start, to: c.to - g.start, insert: c.insert }));
      const resultText = applyChanges(text.slice(g.start, g.end), local);
      const first = resultText.charCodeAt(0);
      const lastChar = resultText.charCodeAt(resultText.length - 1);
      // The result must still be one value filling its place (no whitespace moved in at its ends).
      if (isJsonWs(first) || isJsonWs(lastChar)) return null;
      try {
        value = JSON.parse(resultText);
      } catch {
        return null;
      }
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
  const results = doc.index.results[t].map(move);
  // Results removed or added: the lists of those predictions are built again, old results keeping their values.
  let origin: Map<number, number[]> | undefined;
  const changed = changedOld;
  for (let k = 0; k < splices.length; ) {
    const p = splices[k].p;
    const mine: Splice[] = [];
    while (k < splices.length && splices[k].p === p) mine.push(splices[k++]);
    const pred = predictions[p];
    if (!isObject(pred) || !Array.isArray(pred.result)) return null;
    const old = pred.result as unknown[];
    if (old.length !== doc.index.results[t][p].length) return null;
    const list: unknown[] = [];
    const starts: number[] = [];
    const from: number[] = [];
    const set = new Set<number>();
    const oldChanged = changedOld.get(p);
    let r = 0;
    for (const sp of mine) {
      for (; r < sp.from; r++) {
        if (oldChanged?.has(r)) set.add(list.length);
        from.push(r);
        list.push(old[r]);
        starts.push(results[p][r]);
      }
      for (let v = 0; v < sp.values.length; v++) {
        set.add(list.length);
        from.push(-1);
        list.push(sp.values[v]);
        starts.push(sp.starts[v]);
      }
      r = sp.to;
    }
    for (; r < old.length; r++) {
      if (oldChanged?.has(r)) set.add(list.length);
      from.push(r);
      list.push(old[r]);
      starts.push(results[p][r]);
    }
    predictions[p] = { ...pred, result: list };
    results[p] = starts;
    changed.set(p, set);
    (origin ??= new Map()).set(p, from);
  }
  const grown = own.reduce((n, c) => n + c.insert.length - (c.to - c.from), 0);
  const patchedTask = { ...task, predictions };
  return {
    changed,
    ...(origin ? { origin } : {}),
    task: patchedTask,
    start: 0,
    end: text.length + grown,
    predictions: move(doc.index.predictions[t]),
    results,
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
