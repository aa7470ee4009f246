// Applies JsonEdits to the tasks TEXT, splicing only the edited values: every byte not edited stays as the
// user wrote it (formatting, key order, number spelling, other tasks), so an export differs from the
// input only where a person changed something, and JSON Lines stay one task per line.

import { comparePaths } from './edits';
import type { JsonEdit } from './finding';
import { valueEnd } from './tasks/jsonIndex';
import { offsetOf, parseTasks, type TasksDocument } from './tasks/parse';

interface Splice {
  from: number;
  to: number;
  insert: string;
  /** For a new member or element: the member text, and whether its container was empty. */
  member?: string;
  empty?: boolean;
}

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

function skipWsBack(text: string, i: number): number {
  while (i > 0 && isWs(text[i - 1])) i--;
  return i;
}

function skipWs(text: string, i: number): number {
  while (i < text.length && isWs(text[i])) i++;
  return i;
}

/** Does `path` exist in the task value? */
function exists(task: unknown, path: (string | number)[]): boolean {
  let v = task;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !(seg in (v as object))) return false;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return true;
}

function getAt(task: unknown, path: (string | number)[]): unknown {
  let v = task;
  for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
  return v;
}

function spliceFor(doc: TasksDocument, e: JsonEdit): Splice {
  const text = doc.text;
  const task = doc.tasks[e.task];
  const json = (v: unknown) => JSON.stringify(v);
  if (e.path.length === 0) {
    const start = offsetOf(doc, e.task, []);
    return { from: start, to: valueEnd(text, start), insert: json(e.value) };
  }
  const parentPath = e.path.slice(0, -1);
  const last = e.path[e.path.length - 1];
  if (exists(task, e.path)) {
    const start = offsetOf(doc, e.task, e.path);
    const end = valueEnd(text, start);
    if (e.renameTo !== undefined) {
      const keyAt = offsetOf(doc, e.task, e.path, true);
      const keyEnd = valueEnd(text, keyAt);
      return { from: keyAt, to: keyEnd, insert: json(e.renameTo) };
    }
    if (e.remove) {
      // Remove the member or element with one neighbouring comma.
      const from = typeof last === 'string' ? offsetOf(doc, e.task, e.path, true) : start;
      const after = skipWs(text, end);
      if (text[after] === ',') return { from, to: skipWs(text, after + 1), insert: '' };
      const before = skipWsBack(text, from);
      if (text[before - 1] === ',') return { from: before - 1, to: end, insert: '' };
      return { from, to: end, insert: '' };
    }
    return { from: start, to: end, insert: json(e.value) };
  }
  // A new key or a new element: insert before the parent's closing bracket.
  if (!exists(task, parentPath)) throw new Error(`cannot edit ${e.path.join('.')}: its parent does not exist`);
  const parent = getAt(task, parentPath);
  const pStart = offsetOf(doc, e.task, parentPath);
  const pEnd = valueEnd(text, pStart) - 1; // the closing } or ]
  const empty = Array.isArray(parent) ? parent.length === 0 : Object.keys(parent as object).length === 0;
  const member = Array.isArray(parent) ? json(e.value) : `${json(String(last))}: ${json(e.value)}`;
  const at = skipWsBack(text, pEnd);
  return { from: at, to: at, insert: `${empty ? '' : ', '}${member}`, member, empty };
}

/**
 * The tasks text with `edits` applied. Edits must not overlap (the same value edited twice keeps the last).
 * Throws when an edit's parent does not exist.
 */
export function spliceEdits(doc: TasksDocument, edits: readonly JsonEdit[]): string {
  // Removals next to each other would take the same comma: apply them one at a time, last first.
  const removals = edits.filter((e) => e.remove);
  if (removals.length > 1) {
    const rest = edits.filter((e) => !e.remove);
    let current = rest.length ? parseTasks(spliceEdits(doc, rest)) : doc;
    const ordered = [...removals].sort((a, b) => comparePaths(b, a));
    for (const e of ordered) current = parseTasks(spliceEdits(current, [e]));
    return current.text;
  }
  const byPlace = new Map<string, JsonEdit>();
  for (const e of edits) byPlace.set(`${e.task}\u0000${e.path.join('\u0000')}\u0000${e.renameTo ?? ''}`, e);
  // New members added to the same container become one insertion, in the order the edits list them.
  const merged = new Map<number, Splice>();
  const splices: Splice[] = [];
  for (const e of byPlace.values()) {
    const sp = spliceFor(doc, e);
    const same = sp.member !== undefined ? merged.get(sp.from) : undefined;
    if (same) {
      same.insert += `, ${sp.member}`;
      continue;
    }
    if (sp.member !== undefined) merged.set(sp.from, sp);
    splices.push(sp);
  }
  splices.sort((a, b) => b.from - a.from || b.to - a.to);
  let text = doc.text;
  let limit = Infinity;
  for (const s of splices) {
    if (s.to > limit) throw new Error('overlapping edits');
    text = text.slice(0, s.from) + s.insert + text.slice(s.to);
    limit = s.from;
  }
  return text;
}


