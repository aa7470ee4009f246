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
