// Turns JsonEdits into changes of the tasks TEXT, splicing only the edited values: every byte not edited
// stays as the user wrote it (formatting, key order, number spelling, other tasks), so an export differs
// from the input only where a person changed something, and JSON Lines stay one task per line. All edits
// of one action become one sorted set of changes, computed in one pass over the places they name.

import type { JsonEdit, JsonPath } from './finding';
import { elementEnd, isJsonWs, keyCount, locate, valueEnd } from './tasks/jsonIndex';
import { offsetInTask, type TasksDocument } from './tasks/parse';
import { applyChanges, normalizeChanges, type TextChange } from './text/changes';
import type { TextLike } from './text/pieces';
import { PATCH, type ResultValues } from './tasks/update';

interface Splice extends TextChange {
  /** For a new member or element: the member text, and whether its container was empty. */
  member?: string;
  empty?: boolean;
  /** Offset of the container a new member goes into. */
  container?: number;
  /** What goes before each new member: ", " on a line of siblings, or a line break and the siblings' indentation. */
  sep?: string;
}

/**
 * How new members of a container are written to look like its last child: on a line of their own at its
 * indentation (pretty-printed with the file's indent step when it spans lines), or after ", " when the
 * children share a line. A container written on one line gets compact members.
 */
function layoutAfter(text: TextLike, childStart: number, childEnd: number): { sep: string; format(v: unknown): string } {
  const compact = { sep: ', ', format: (v: unknown) => JSON.stringify(v) };
  let lineStart = childStart;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === 0) return compact;
  const indent = text.slice(lineStart, childStart);
  if (!/^[ \t]*$/.test(indent)) return compact;
  const nl = text.charCodeAt(lineStart - 2) === 13 ? '\r\n' : '\n';
  const child = text.slice(childStart, childEnd);
  const inner = /\n([ \t]*)\S/.exec(child);
  // A child spanning lines: the step from its line's indentation to its first inner line's.
  const step = inner && inner[1].length > indent.length && inner[1].startsWith(indent) ? inner[1].slice(indent.length) : null;
  return {
    sep: `,${nl}${indent}`,
    format: (v) => (step ? JSON.stringify(v, null, step).split('\n').join(nl + indent) : JSON.stringify(v)),
  };
}

function skipWsBack(text: TextLike, i: number): number {
  while (i > 0 && isJsonWs(text.charCodeAt(i - 1))) i--;
  return i;
}

function skipWs(text: TextLike, i: number): number {
  while (i < text.length && isJsonWs(text.charCodeAt(i))) i++;
  return i;
}

/** The value at `path` in the task, or `undefined` with `found` false when the path does not exist. */
function lookup(task: unknown, path: JsonPath): { found: boolean; value: unknown } {
  let v = task;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, seg)) return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: v };
}

/** The members of the object or elements of the array starting at `start`: where each begins and ends. */
function children(text: TextLike, start: number): { key?: string; from: number; value: number; end: number }[] {
  const out: { key?: string; from: number; value: number; end: number }[] = [];
  const isObject = text.charCodeAt(start) === 123;
  let i = skipWs(text, start + 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 125 || c === 93) break;
    const from = i;
    let key: string | undefined;
    if (isObject) {
      const keyEnd = valueEnd(text, i);
      key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = skipWs(text, skipWs(text, keyEnd) + 1);
    }
    const end = valueEnd(text, i);
    out.push({ key, from, value: i, end });
    i = skipWs(text, end);
    if (text.charCodeAt(i) === 44) i = skipWs(text, i + 1);
  }
  return out;
}

/** Start (the opening quote) of the string whose closing quote is at `end`, read backwards. */
function stringStartBack(text: TextLike, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    if (text.charCodeAt(i) !== 34) continue;
    let b = 0;
    while (i - 1 - b >= 0 && text.charCodeAt(i - 1 - b) === 92) b++;
    if (b % 2 === 0) return i;
  }
  return -1;
}

/** Start of the JSON value whose last character is at `last`, read backwards (-1 when it cannot be read so). */
function valueStartBack(text: TextLike, last: number): number {
  const c = text.charCodeAt(last);
  if (c === 34) return stringStartBack(text, last);
  if (c === 125 || c === 93) {
    let depth = 0;
    for (let i = last; i >= 0; i--) {
      const d = text.charCodeAt(i);
      // Scanning back outside strings, a quote closes a string: its text is skipped whole.
      if (d === 34) {
        i = stringStartBack(text, i);
        if (i < 0) return -1;
      } else if (d === 125 || d === 93) depth++;
      else if (d === 123 || d === 91) {
        depth--;
        if (depth === 0) return i;
      }
    }
    return -1;
  }
  let i = last;
  while (i > 0) {
    const d = text.charCodeAt(i - 1);
    if (d === 44 || d === 58 || d === 91 || d === 123 || isJsonWs(d)) break;
    i--;
  }
  return i;
}

/**
 * Where the last member (or element) of the container from `start` to its closing bracket at `close` begins
 * and ends, read backwards from the bracket: only that member is read, not every member before it (adding
 * a key to 100,000 results read them all to find their last member). Null when empty or not read so.
 */
export function lastMember(text: TextLike, start: number, close: number): { from: number; end: number } | null {
  const end = skipWsBack(text, close);
  if (end - 1 <= start) return null;
  const v = valueStartBack(text, end - 1);
  if (v <= start) return null;
  if (text.charCodeAt(start) === 91) return { from: v, end };
  const colon = skipWsBack(text, v) - 1;
  if (text.charCodeAt(colon) !== 58) return null;
  const keyEnd = skipWsBack(text, colon) - 1;
  if (keyEnd <= start || text.charCodeAt(keyEnd) !== 34) return null;
  const from = stringStartBack(text, keyEnd);
  return from > start ? { from, end } : null;
}

/** The starts of a prediction's results, from the index, when `list` is the path of its result list. */
function resultStarts(doc: TasksDocument, t: number, list: JsonPath): readonly number[] | undefined {
  return list.length === 3 && list[0] === 'predictions' && list[2] === 'result' && typeof list[1] === 'number' ? doc.index.results[t]?.[list[1]] : undefined;
}

/** The children of a container, read as asked: a prediction's results from the index (their starts are
 * known; an end is found when needed), anything else by scanning it. */
function childrenOf(doc: TasksDocument, t: number, parent: JsonPath, start: number): { length: number; key(i: number): string | undefined; from(i: number): number; end(i: number): number } {
  const text = doc.taskTexts[t];
  const starts = resultStarts(doc, t, parent);
  if (starts && starts.length && text.charCodeAt(start) === 91) return { length: starts.length, key: () => undefined, from: (i) => starts[i], end: (i) => elementEnd(text, starts, i) };
  const kids = children(text, start);
  return { length: kids.length, key: (i) => kids[i].key, from: (i) => kids[i].from, end: (i) => kids[i].end };
}

/** Containers shorter than this (characters) are read as a string of their own when a member is added. */
const SMALL_CONTAINER = 65_536;

/** The change for one edit, in offsets of the task's own text. */
function spliceFor(doc: TasksDocument, e: JsonEdit): Splice {
  const text = doc.taskTexts[e.task];
  const task = doc.tasks[e.task];
  const json = (v: unknown) => JSON.stringify(v);
  if (e.path.length === 0) return { from: 0, to: text.length, insert: json(e.value) };
  const parentPath = e.path.slice(0, -1);
  const last = e.path[e.path.length - 1];
  if (lookup(task, e.path).found) {
    if (e.renameTo !== undefined) {
      const keyAt = offsetInTask(doc, e.task, e.path, true);
      return { from: keyAt, to: valueEnd(text, keyAt), insert: json(e.renameTo) };
    }
    const start = offsetInTask(doc, e.task, e.path);
    return { from: start, to: valueEnd(text, start), insert: json(e.value) };
  }
  // A new key or a new element: insert before the parent's closing bracket.
  const parent = lookup(task, parentPath);
  if (!parent.found || typeof parent.value !== 'object' || parent.value === null) throw new Error(`cannot edit ${e.path.join('.')}: its parent does not exist`);
  const pStart = offsetInTask(doc, e.task, parentPath);
  // The closing } or ]; a result's end is read back from the next result's start (see elementEnd).
  const r = parentPath.length === 4 ? parentPath[3] : undefined;
  const siblings = typeof r === 'number' ? resultStarts(doc, e.task, parentPath.slice(0, 3)) : undefined;
  const pEnd = (siblings && typeof r === 'number' && siblings[r] === pStart ? elementEnd(text, siblings, r) : valueEnd(text, pStart)) - 1;
  const empty = Array.isArray(parent.value) ? parent.value.length === 0 : Object.keys(parent.value).length === 0;
  const at = skipWsBack(text, pEnd);
  let sep = ', ';
  let format = json;
  if (!empty) {
    // A small container (a result) is read as one string of its own: reading back its last member char by
    // char from the pieces of a long text cost most of a bulk edit of 100,000 results. (A line start before
    // the container reads as a compact layout either way: its opening bracket is on that line.)
    const small = pEnd - pStart < SMALL_CONTAINER && typeof text !== 'string';
    const local = small ? text.slice(pStart, pEnd + 1) : text;
    const base = small ? pStart : 0;
    const last = lastMember(local, pStart - base, pEnd - base);
    if (last) ({ sep, format } = layoutAfter(local, last.from - base, last.end - base));
    else {
      const kids = childrenOf(doc, e.task, parentPath, pStart);
      const lastKid = kids.length - 1;
      if (lastKid >= 0) ({ sep, format } = layoutAfter(text, kids.from(lastKid), kids.end(lastKid)));
    }
  }
  const member = Array.isArray(parent.value) ? format(e.value) : `${json(String(last))}: ${format(e.value)}`;
  return { from: at, to: at, insert: `${empty ? '' : sep}${member}`, member, empty, container: pStart, sep };
}

/**
 * Removals grouped by container: each run of neighbouring removed children goes with the commas between
 * them and one comma beside the run, so removing any set of children in one pass leaves valid JSON.
 * Returns the splices (in offsets of the task's text) and the containers left empty.
 */
function removalSplices(doc: TasksDocument, t: number, removals: readonly JsonEdit[]): { splices: Splice[]; emptied: Set<number> } {
  const groups = new Map<string, { parent: JsonPath; names: Set<string | number> }>();
  for (const e of removals) {
    if (e.path.length === 0 || !lookup(doc.tasks[t], e.path).found) continue;
    const parent = e.path.slice(0, -1);
    const key = parent.join('\u0000');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { parent, names: new Set() }));
    g.names.add(e.path[e.path.length - 1]);
  }
  const splices: Splice[] = [];
  const emptied = new Set<number>();
  for (const g of groups.values()) {
    const start = offsetInTask(doc, t, g.parent);
    const kids = childrenOf(doc, t, g.parent, start);
    const n = kids.length;
    const gone = (i: number) => g.names.has(kids.key(i) ?? i);
    let all = true;
    for (let i = 0; i < n && all; i++) all = gone(i);
    if (all) {
      splices.push({ from: kids.from(0), to: kids.end(n - 1), insert: '' });
      emptied.add(start);
      continue;
    }
    for (let i = 0; i < n; i++) {
      if (!gone(i)) continue;
      let j = i;
      while (j + 1 < n && gone(j + 1)) j++;
      // Up to the next kept child, or back to the end of the kept child before the run.
      if (j + 1 < n) splices.push({ from: kids.from(i), to: kids.from(j + 1), insert: '' });
      else splices.push({ from: kids.end(i - 1), to: kids.end(j), insert: '' });
      i = j;
    }
  }
  return { splices, emptied };
}

/**
 * The text changes that apply `edits` (sorted, not overlapping). The same place edited twice keeps the
 * last edit; edits inside a removed value are moot and dropped. Throws when an edit's parent does not exist.
 */
export function editChanges(doc: TasksDocument, edits: readonly JsonEdit[]): TextChange[] {
  const byTask = new Map<number, JsonEdit[]>();
  for (const e of edits) {
    if (doc.taskTexts[e.task] === undefined) throw new Error(`cannot edit task ${e.task}: there is no such task`);
    let list = byTask.get(e.task);
    if (!list) byTask.set(e.task, (list = []));
    list.push(e);
  }
  const out: TextChange[] = [];
  for (const t of [...byTask.keys()].sort((a, b) => a - b)) {
    const base = doc.index.tasks[t];
    for (const c of taskChanges(doc, t, byTask.get(t)!)) out.push({ from: base + c.from, to: base + c.to, insert: c.insert });
  }
  return out;
}

/**
 * Edits that surely name different places, seen without a key per edit (a key string for each of Lock all's
 * 100,000 edits cost ~0.1-0.2 s in Node): none renames, and every path is the first's but for one position
 * where the numbers rise (result 0, 1, 2, ... of one prediction).
 */
function distinctPlaces(edits: readonly JsonEdit[]): boolean {
  if (edits.length < 2) return true;
  const first = edits[0].path;
  let k = -1;
  for (let i = 1; i < edits.length; i++) {
    const e = edits[i];
    if (e.renameTo !== undefined || edits[0].renameTo !== undefined || e.path.length !== first.length) return false;
    const prev = edits[i - 1].path;
    for (let j = 0; j < first.length; j++) {
      if (j === k) continue;
      if (e.path[j] === first[j]) continue;
      if (k !== -1) return false;
      k = j;
    }
    if (k === -1) return false;
    const a = prev[k];
    const b = e.path[k];
    if (typeof a !== 'number' || typeof b !== 'number' || !(b > a)) return false;
  }
  return true;
}

/** The changes of one task's edits, in offsets of the task's own text. */
function taskChanges(doc: TasksDocument, t: number, edits: readonly JsonEdit[]): TextChange[] {
  const { splices: removed, emptied } = removalSplices(
    doc,
    t,
    edits.filter((e) => e.remove),
  );
  const sets = edits.filter((e) => !e.remove);
  // Distinct places differ at one position only: siblings, so members added to one container are neighbours
  // in the list, and the last one added is the only one a new member can join (no map of 100,000 entries).
  const distinct = distinctPlaces(sets);
  let places: Iterable<JsonEdit> = sets;
  if (!distinct) {
    const byPlace = new Map<string, JsonEdit>();
    for (const e of sets) byPlace.set(`${e.path.join('\u0000')}\u0000${e.renameTo ?? ''}`, e);
    places = byPlace.values();
  }
  // New members added to the same container become one insertion, in the order the edits list them.
  const merged = new Map<number, Splice>();
  const members: Splice[] = [];
  const splices: Splice[] = [];
  for (const e of places) {
    const sp = spliceFor(doc, e);
    const prev = members[members.length - 1];
    const same = sp.member === undefined ? undefined : distinct ? (prev?.from === sp.from ? prev : undefined) : merged.get(sp.from);
    if (same) {
      same.insert += `${same.sep ?? ', '}${sp.member}`;
      continue;
    }
    if (sp.member !== undefined) {
      if (!distinct) merged.set(sp.from, sp);
      members.push(sp);
    }
    splices.push(sp);
  }
  // A container whose children were all removed gets its new members without a leading comma.
  for (const sp of members) if (sp.container !== undefined && emptied.has(sp.container) && !sp.empty) sp.insert = sp.insert.slice((sp.sep ?? ', ').length);
  const ranges = normalizeChanges(removed);
  // Within a removed range: a change of some text there, or an insertion strictly inside it (one at its ends stays).
  const inside = (s: Splice) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (s.from < r.from) hi = mid - 1;
      else if (s.from > r.to || (s.from === r.to && s.to === s.from)) lo = mid + 1;
      else return s.to <= r.to && (s.to > s.from ? true : s.from > r.from && s.from < r.to);
    }
    return false;
  };
  const kept = splices.filter((s) => !inside(s));
  return normalizeChanges([...ranges, ...kept].map(({ from, to, insert }) => ({ from, to, insert })));
}

/** The tasks text with `edits` applied (see editChanges). */
export function spliceEdits(doc: TasksDocument, edits: readonly JsonEdit[]): string {
  return applyChanges(doc.text, editChanges(doc, edits));
}

/**
 * What the edited results parse to after `edits`, worked out from their values instead of parsing their new
 * text again (Lock all on 100,000 results re-parsed 40 MB of them): for each task whose edits all set a value
 * inside a result (no removal, no renaming, no result added or removed), the results copied along the edited
 * paths only. Splicing writes JSON.stringify of the value in place of the old one (a new key at the end of its
 * object, a new element at the end of its array), so a parse of the new text gives these values; a value that
 * would not read back the same (not finite, -0, ...) goes through JSON. A task is left to the parse when an
 * element goes past the end of an array, or a key on an edited path is written twice in its object (the
 * splice changes the first, a parse reads the last). Undefined when no task qualifies.
 */
export function resultValues(doc: TasksDocument, edits: readonly JsonEdit[]): ResultValues | undefined {
  const out: ResultValues = new Map();
  const refused = new Set<number>();
  for (const e of edits) {
    const t = e.task;
    if (refused.has(t)) continue;
    const [pred, p, res, r] = e.path;
    // Only a task long enough to be patched result by result uses them (see updateTasks).
    if (!((doc.taskTexts[t]?.length ?? 0) > PATCH.above)) {
      refused.add(t);
      continue;
    }
    const task = doc.tasks[t] as { predictions?: { result?: unknown[] }[] } | undefined;
    const old = typeof p === 'number' && typeof r === 'number' ? task?.predictions?.[p]?.result?.[r] : undefined;
    let next: unknown;
    if (!e.remove && e.renameTo === undefined && e.path.length > 4 && pred === 'predictions' && res === 'result' && old !== undefined) {
      let byP = out.get(t);
      if (!byP) out.set(t, (byP = new Map()));
      let byR = byP.get(p as number);
      if (!byR) byP.set(p as number, (byR = new Map()));
      const text = doc.taskTexts[t];
      const at = doc.index.results[t]?.[p as number]?.[r as number];
      const once = (i: number) => at !== undefined && keyCount(text, locate(text, at, e.path.slice(4, i)), String(e.path[i])) === 1;
      next = setInside(byR.has(r as number) ? byR.get(r as number) : old, e.path, 4, e.value, once);
      if (next !== undefined) {
        byR.set(r as number, next);
        continue;
      }
    }
    refused.add(t);
    out.delete(t);
  }
  return out.size ? out : undefined;
}

/**
 * `node` with path[i..] set to `value` as it reads back from JSON, copied along the path; undefined when it
 * cannot be said so. `once(i)`: is the key path[i], which the object there has, written only once in it?
 */
function setInside(node: unknown, path: JsonPath, i: number, value: unknown, once: (i: number) => boolean): unknown {
  if (i === path.length) return readBack(value);
  if (typeof node !== 'object' || node === null) return undefined;
  const seg = path[i];
  if (Array.isArray(node)) {
    if (typeof seg !== 'number' || !Number.isInteger(seg) || !(seg >= 0 && seg <= node.length) || (seg === node.length && i < path.length - 1)) return undefined;
    const v = setInside(node[seg], path, i + 1, value, once);
    if (v === undefined) return undefined;
    const copy = node.slice();
    copy[seg] = v;
    return copy;
  }
  // An own "__proto__" (JSON.parse makes one) would be set through the prototype's setter by the copy below.
  if (typeof seg !== 'string' || seg === '__proto__' || Object.prototype.hasOwnProperty.call(node, '__proto__')) return undefined;
  const obj = node as Record<string, unknown>;
  const has = Object.prototype.hasOwnProperty.call(obj, seg);
  if (has ? !once(i) : i < path.length - 1) return undefined;
  const v = setInside(has ? obj[seg] : undefined, path, i + 1, value, once);
  if (v === undefined) return undefined;
  // Object.assign, not spread: {...obj, [seg]: v} copies a parsed object several times slower (V8).
  const copy = Object.assign({}, obj);
  copy[seg] = v;
  return copy;
}

/** A value as JSON.parse(JSON.stringify(value)) gives it back; undefined when it has no JSON text. */
function readBack(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : JSON.parse(JSON.stringify(value));
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}
