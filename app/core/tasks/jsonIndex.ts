// Where tasks, predictions and results start in a JSON text that JSON.parse already accepted.
// One pass over the characters, reading only the keys of task and
// prediction objects are read. Finer positions (a key inside a result) are found on demand by locate().

import type { JsonPath } from '../finding';
import type { TextLike } from '../text/pieces';

export interface DocIndex {
  /** Offset of each task value in the text. */
  tasks: number[];
  /** End (exclusive) of each task value in the text. */
  ends: number[];
  /**
   * Offset of each prediction value, per task, relative to the task's start: an edit in one task shifts the
   * others by changing only their entries in `tasks` and `ends`.
   */
  predictions: number[][];
  /** Offset of each result value, per task and prediction, relative to the task's start. */
  results: number[][][];
}

export const emptyIndex = (): DocIndex => ({ tasks: [], ends: [], predictions: [], results: [] });

/** Index of the last entry of a sorted list that is at most `x` (-1 when there is none): which task, prediction or result an offset falls in. */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k;
}

const OTHER = 0;
const ROOT_ARRAY = 1;
const TASK = 2;
const PREDS = 3;
const PRED = 4;
const RESULTS = 5;

/**
 * End (exclusive) of the string starting with the quote at `i`. A plain loop, not indexOf: after V8
 * optimizes this function on small texts, indexOf from a position in a multi-megabyte string was
 * measured at seconds per call (a 4 MB brush-mask file took 44 s to index).
 */
function stringEnd(text: TextLike, i: number): number {
  const n = text.length;
  for (let k = i + 1; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) return k + 1;
    if (c === 92) k++;
  }
  return n;
}

function isDelimiter(c: number): boolean {
  // , ] } and whitespace end a number or literal
  return c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The index's own copy of stringEnd, called with strings only: the readers below are also given texts in
 * pieces (core/text/pieces.ts), and one function seeing both kinds of text made indexing a file ~1.5x slower.
 * End (exclusive) of the string starting with the quote at `i`. A plain loop, not indexOf: after V8
 * optimizes this function on small texts, indexOf from a position in a multi-megabyte string was
 * measured at seconds per call (a 4 MB brush-mask file took 44 s to index).
 */
function indexStringEnd(text: string, i: number): number {
  const n = text.length;
  for (let k = i + 1; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) return k + 1;
    if (c === 92) k++;
  }
  return n;
}

/**
 * An object or array nested at most six deep whose strings have no backslash, matched whole: V8's regular
 * expressions run this ~2-3x faster than the loop below (indexing 100,000 results, 57 MB: 135 -> 68 ms in
 * Node). It is written so that it never backtracks far: each run of characters other than brackets and
 * quotes is taken whole by one greedy class (no `(a+)*`), so a value it does not match (deeper, or with an
 * escape in a string) fails in one pass and is read by the loop. Only for JSON that JSON.parse accepted,
 * where brackets pair as they should.
 */
const NESTED = (() => {
  const plain = String.raw`[^{}\[\]"]*`;
  const str = String.raw`"[^"\\]*"`;
  let level = String.raw`[\[{]${plain}(?:${str}${plain})*[\]}]`;
  for (let depth = 2; depth <= 6; depth++) level = String.raw`[\[{]${plain}(?:(?:${str}|${level})${plain})*[\]}]`;
  return new RegExp(level, 'y');
})();

/**
 * A value longer than this that NESTED matched turns it off for the rest of the text: matching one of
 * 1,000,000 elements cost up to 250 ms the first time (its stack grows), where the loop takes ~40 ms.
 */
const QUICK_UP_TO = 1 << 18;

/** Whether NESTED is still used in this text (see QUICK_UP_TO). */
interface Skipping {
  quick: boolean;
}

/** valueEnd for the index, on a string only (see indexStringEnd). */
function indexValueEnd(text: string, i: number, skipping: Skipping): number {
  const c = text.charCodeAt(i);
  if (c === 34) return indexStringEnd(text, i);
  if (c !== 123 && c !== 91) {
    let j = i + 1;
    while (j < text.length && !isDelimiter(text.charCodeAt(j))) j++;
    return j;
  }
  if (skipping.quick) {
    NESTED.lastIndex = i;
    try {
      if (NESTED.test(text)) {
        if (NESTED.lastIndex - i > QUICK_UP_TO) skipping.quick = false;
        return NESTED.lastIndex;
      }
    } catch {
      // A value too big for the expression's stack: read by the loop, as the rest of this text.
      skipping.quick = false;
    }
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 34) {
      j = indexStringEnd(text, j);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/**
 * Index one JSON document in text[start, end): a root array holds tasks, any other root value is one task
 * (single-task files and JSON Lines); with `rootIsTask` the root value is one task whatever it is (one
 * task re-indexed after an edit). Appends to `into` so that JSON Lines can share one index.
 */
export function indexDocument(text: string, start = 0, end = text.length, into?: DocIndex, rootIsTask = false): DocIndex {
  const idx: DocIndex = into ?? emptyIndex();
  const first = idx.tasks.length;
  const skipping: Skipping = { quick: true };
  const kinds: number[] = [];
  const isObj: boolean[] = [];
  const keys: (string | null)[] = [];
  let depth = 0;
  let awaitingValue = true;
  let expectKey = false;
  let t = -1;
  let p = -1;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (expectKey) {
      if (c === 34) {
        const e = indexStringEnd(text, i);
        const kind = kinds[depth - 1];
        keys[depth - 1] = kind === TASK || kind === PRED ? text.slice(i + 1, e - 1) : null;
        i = e;
        expectKey = false;
        continue;
      }
      if (c === 125) {
        // empty object
        depth--;
        expectKey = false;
        awaitingValue = false;
        if (kinds[depth] === TASK) idx.ends[t] = i + 1;
        i++;
        continue;
      }
      i++;
      continue;
    }
    if (awaitingValue && c !== 93) {
      awaitingValue = false;
      // Which slot is this value in?
      let childKind = OTHER;
      if (depth === 0) {
        if (c === 91 && !rootIsTask) childKind = ROOT_ARRAY;
        else {
          t = idx.tasks.length;
          idx.tasks.push(i);
          idx.predictions.push([]);
          idx.results.push([]);
          childKind = TASK;
        }
      } else {
        const parent = kinds[depth - 1];
        if (parent === ROOT_ARRAY) {
          t = idx.tasks.length;
          idx.tasks.push(i);
          idx.predictions.push([]);
          idx.results.push([]);
          childKind = TASK;
        } else if (parent === TASK) {
          if (keys[depth - 1] === 'predictions') childKind = PREDS;
        } else if (parent === PREDS) {
          p = idx.predictions[t].length;
          idx.predictions[t].push(i - idx.tasks[t]);
          idx.results[t].push([]);
          childKind = PRED;
        } else if (parent === PRED) {
          if (keys[depth - 1] === 'result') childKind = RESULTS;
        } else if (parent === RESULTS) {
          idx.results[t][p].push(i - idx.tasks[t]);
        }
      }
      // Nothing inside a result, a task's data or any other value is indexed: skip it whole (NESTED, or a
      // bracket-counting loop: the state machine below cost ~7 ns a character, most of opening a big file).
      if (childKind === OTHER && (c === 123 || c === 91)) {
        i = indexValueEnd(text, i, skipping);
        continue;
      }
      if (c === 123) {
        kinds[depth] = childKind === ROOT_ARRAY || childKind === PREDS || childKind === RESULTS ? OTHER : childKind;
        isObj[depth] = true;
        keys[depth] = null;
        depth++;
        expectKey = true;
        i++;
        continue;
      }
      if (c === 91) {
        kinds[depth] = childKind === TASK || childKind === PRED ? OTHER : childKind;
        isObj[depth] = false;
        depth++;
        awaitingValue = true;
        i++;
        continue;
      }
      if (c === 34) {
        i = indexStringEnd(text, i);
        continue;
      }
      i++;
      while (i < end && !isDelimiter(text.charCodeAt(i))) i++;
      continue;
    }
    if (c === 44) {
      if (isObj[depth - 1]) expectKey = true;
      else awaitingValue = true;
    } else if (c === 58) {
      awaitingValue = true;
    } else if (c === 125 || c === 93) {
      depth--;
      awaitingValue = false;
      if (kinds[depth] === TASK) idx.ends[t] = i + 1;
    }
    i++;
  }
  // Tasks that are not objects (a task-shape error) have no closing brace seen above.
  for (let k = first; k < idx.tasks.length; k++) if (idx.ends[k] === undefined) idx.ends[k] = indexValueEnd(text, idx.tasks[k], skipping);
  return idx;
}

/** End (exclusive) of the JSON value starting at `i` (which must be the value's first character). */
export function valueEnd(text: TextLike, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return stringEnd(text, i);
  if (c !== 123 && c !== 91) {
    let j = i + 1;
    while (j < text.length && !isDelimiter(text.charCodeAt(j))) j++;
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 34) {
      j = stringEnd(text, j);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** JSON whitespace: space, line feed, carriage return, tab. */
export const isJsonWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * End (exclusive) of element `i` of a list whose element starts are `starts` (a prediction's results, from
 * the index): read back from where the next element starts, over the comma and whitespace between them,
 * rather than through the element (a lock of 100,000 results read 57 MB that way, twice). The last element,
 * or anything else between two starts, is read through.
 */
export function elementEnd(text: TextLike, starts: readonly number[], i: number): number {
  if (i + 1 >= starts.length) return valueEnd(text, starts[i]);
  let j = starts[i + 1] - 1;
  while (j > starts[i] && isJsonWs(text.charCodeAt(j))) j--;
  if (text.charCodeAt(j) !== 44) return valueEnd(text, starts[i]);
  j--;
  while (j > starts[i] && isJsonWs(text.charCodeAt(j))) j--;
  return j + 1;
}


function skipWs(text: TextLike, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}

/**
 * Offset of the value at `path` below the value starting at `start`. For a key, the offset of the key
 * itself when `atKey` is set (so a finding about a wrong key name points at the name).
 * Returns the deepest offset reached when the path does not exist, so a finding about a missing key
 * points at the object that lacks it.
 */
export function locate(text: TextLike, start: number, path: JsonPath, atKey = false): number {
  let i = skipWs(text, start);
  for (let step = 0; step < path.length; step++) {
    const seg = path[step];
    const c = text.charCodeAt(i);
    const last = step === path.length - 1;
    if (c === 123 && typeof seg === 'string') {
      let found = -1;
      for (let j = skipWs(text, i + 1); j >= 0 && j < text.length && text.charCodeAt(j) === 34; ) {
        const keyEnd = stringEnd(text, j);
        const v = skipWs(text, skipWs(text, keyEnd) + 1);
        if (keyOf(text, j, keyEnd) === seg) {
          found = last && atKey ? j : v;
          break;
        }
        j = nextMember(text, v);
      }
      if (found === -1) return i;
      i = found;
      continue;
    }
    if (c === 91 && typeof seg === 'number') {
      let j = skipWs(text, i + 1);
      let n = 0;
      let found = -1;
      while (j < text.length && text.charCodeAt(j) !== 93) {
        if (n === seg) {
          found = j;
          break;
        }
        j = skipWs(text, valueEnd(text, j));
        if (text.charCodeAt(j) === 44) j = skipWs(text, j + 1);
        else break;
        n++;
      }
      if (found === -1) return i;
      i = found;
      continue;
    }
    return i;
  }
  return i;
}

/** How many times `key` is written in the object starting at `start` (a key given twice is read as its last). */
export function keyCount(text: TextLike, start: number, key: string): number {
  let i = skipWs(text, start);
  if (text.charCodeAt(i) !== 123) return 0;
  let n = 0;
  for (let j = skipWs(text, i + 1); j >= 0 && j < text.length && text.charCodeAt(j) === 34; ) {
    const keyEnd = stringEnd(text, j);
    if (keyOf(text, j, keyEnd) === key) n++;
    j = nextMember(text, skipWs(text, skipWs(text, keyEnd) + 1));
  }
  return n;
}

/** The key whose string runs from `j` to `keyEnd`, as a parse reads it (escapes decoded). */
function keyOf(text: TextLike, j: number, keyEnd: number): string {
  const raw = text.slice(j + 1, keyEnd - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(j, keyEnd)) as string) : raw;
}

/** Where the member after the one whose value starts at `v` begins, or -1 when that one is the last. */
function nextMember(text: TextLike, v: number): number {
  const j = skipWs(text, valueEnd(text, v));
  return text.charCodeAt(j) === 44 ? skipWs(text, j + 1) : -1;
}
