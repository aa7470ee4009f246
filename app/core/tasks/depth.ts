// How deep a parsed JSON value nests, found without recursion: JSON.parse accepts any depth, but
// JSON.stringify, String() of a list and every recursive walk overflow the stack a few thousand levels down.

import type { JsonPath } from '../finding';

/** Deeper than this (counted from the task) is a finding, and nothing below it is read. */
export const MAX_DEPTH = 1000;

/**
 * The path (below `value`) of the first list or object nested deeper than `limit` levels, or null when
 * the value stays within it. `value` itself is level 1 when it is a list or object.
 */
export function tooDeep(value: unknown, limit: number): JsonPath | null {
  if (typeof value !== 'object' || value === null) return null;
  if (limit < 1) return [];
  // One frame per open container: the container, its keys (null for a list), and how far the walk is.
  const frames: { v: Record<string, unknown> | unknown[]; keys: string[] | null; next: number }[] = [];
  const path: JsonPath = [];
  const open = (v: object) => frames.push({ v: v as Record<string, unknown>, keys: Array.isArray(v) ? null : Object.keys(v), next: 0 });
  open(value);
  while (frames.length) {
    const top = frames[frames.length - 1];
    const size = top.keys ? top.keys.length : (top.v as unknown[]).length;
    if (top.next >= size) {
      frames.pop();
      path.pop();
      continue;
    }
    const key: string | number = top.keys ? top.keys[top.next] : top.next;
    top.next++;
    const child = (top.v as Record<string | number, unknown>)[key];
    if (typeof child !== 'object' || child === null) continue;
    path.push(key);
    if (frames.length + 1 > limit) return path;
    open(child);
  }
  return null;
}

/** A path as a reader writes it, cut after a few steps: `predictions[0].score[0][0]…`. */
export function pathText(path: JsonPath, steps = 8): string {
  let s = '';
  for (const seg of path.slice(0, steps)) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return path.length > steps ? `${s}…` : s;
}
