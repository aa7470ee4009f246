// Applies JsonEdits (a finding's fix) to parsed tasks, copying only the objects on each edited path.

import type { JsonEdit, JsonPath } from './finding';

type Container = Record<string, unknown> | unknown[];

function shallowCopy(v: unknown): Container {
  return Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
}

function renameKey(obj: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  // Keep the key's position, so an export differs from the input only where it was edited.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k === from ? to : k] = v;
  return out;
}

function applyAt(node: unknown, path: JsonPath, edit: JsonEdit): unknown {
  if (path.length === 0) return edit.value;
  if (typeof node !== 'object' || node === null) throw new Error(`cannot edit below a ${node === null ? 'null' : typeof node}`);
  const [head, ...rest] = path;
  const copy = shallowCopy(node) as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (edit.remove) {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete copy[head];
      return copy;
    }
    if (edit.renameTo !== undefined) return renameKey(copy as Record<string, unknown>, String(head), edit.renameTo);
    copy[head] = edit.value;
    return copy;
  }
  copy[head] = applyAt(copy[head], rest, edit);
  return copy;
}

/**
 * A new tasks array with the edits applied; untouched tasks keep their identity. Paths name places in the
 * input: removals run last, from the end, so removing elements 0 and 1 removes the original two.
 */
export function applyEdits(tasks: readonly unknown[], edits: readonly JsonEdit[]): unknown[] {
  const out = [...tasks];
  const ordered = [...edits.filter((e) => !e.remove), ...edits.filter((e) => e.remove).sort((a, b) => comparePaths(b, a))];
  for (const e of ordered) out[e.task] = applyAt(out[e.task], e.path, e);
  return out;
}

/** Document order of two edits' places (task, then path). */
export function comparePaths(a: JsonEdit, b: JsonEdit): number {
  if (a.task !== b.task) return a.task - b.task;
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i];
    const y = b.path[i];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return a.path.length - b.path.length;
}

/** The object or array holding the last key of `path` in `node`, or undefined where the path leads nowhere. */
function parentAt(node: unknown, path: JsonPath): Record<string | number, unknown> | undefined {
  let at = node;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[path[i]];
  }
  return typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>) : undefined;
}

/** Two JSON values alike (keys in any order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * How many places the edits change in `tasks`: the distinct paths whose value (or key) is another after
 * them. What a notice counts as changes, so that it says what the exported file shows: a fix that also
 * writes the values already there ("Move the span" sets all four ends, one of them different) is one change.
 */
export function changedPlaces(tasks: readonly unknown[], edits: readonly JsonEdit[]): number {
  // A place edited twice counts once. Places are told apart by the object holding them and their key (a set
  // of path strings cost 140 ms at 100,000 edits; this, a few).
  const seen = new Map<object, string | number | (string | number)[]>();
  let n = 0;
  for (const e of edits) {
    const parent = parentAt(tasks[e.task], e.path);
    const last = e.path[e.path.length - 1];
    if (parent === undefined || last === undefined) {
      n++;
      continue;
    }
    const keys = seen.get(parent);
    if (keys === undefined) seen.set(parent, last);
    else if (Array.isArray(keys)) {
      if (keys.includes(last)) continue;
      keys.push(last);
    } else if (keys === last) continue;
    else seen.set(parent, [keys, last]);
    const present = Object.hasOwn(parent, last);
    if (e.remove) n += present ? 1 : 0;
    else if (e.renameTo !== undefined) n += present && e.renameTo !== String(last) ? 1 : 0;
    else n += present && sameValue(parent[last], e.value) ? 0 : 1;
  }
  return n;
}
