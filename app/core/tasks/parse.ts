// Reads a tasks file (a JSON list, one task object, or JSON Lines) into values plus a position index.

import type { Finding, JsonPath } from '../finding';
import { indexOfChar, LineIndex } from '../text/lines';
import { emptyIndex, indexDocument, locate, type DocIndex } from './jsonIndex';
import { findJsonSyntaxError } from './jsonSyntax';

export type TasksFormat = 'array' | 'object' | 'jsonl';

export interface TasksDocument {
  text: string;
  format: TasksFormat;
  /** Parsed tasks in file order; `undefined` marks a JSON Lines line that did not parse. */
  tasks: unknown[];
  index: DocIndex;
  /** json-syntax findings; when the whole text is unreadable, `tasks` is empty. */
  syntax: Finding[];
  lines: LineIndex;
}

export function syntaxFinding(lines: LineIndex, offset: number, message: string, task: number | null = null): Finding {
  const { line, column } = lines.position(offset);
  return { rule: 'json-syntax', severity: 'error', source: 'tasks', task, prediction: null, result: null, line, column, offset, message };
}

export function parseTasks(text: string): TasksDocument {
  const lines = new LineIndex(text);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start ? text.slice(start) : text;
  let value: unknown;
  let ok = true;
  try {
    value = JSON.parse(body);
  } catch {
    ok = false;
  }
  if (ok) {
    const index = indexDocument(text, start);
    if (Array.isArray(value)) return { text, format: 'array', tasks: value, index, syntax: [], lines };
    return { text, format: 'object', tasks: [value], index, syntax: [], lines };
  }
  const jsonl = parseJsonLines(text, start, lines);
  if (jsonl) return jsonl;
  const problem = findJsonSyntaxError(text, start) ?? { offset: start, message: 'The text is not valid JSON.' };
  return {
    text,
    format: 'array',
    tasks: [],
    index: emptyIndex(),
    syntax: [syntaxFinding(lines, problem.offset, problem.message)],
    lines,
  };
}

/** JSON Lines: every non-empty line starts with '{', and there are at least two of them. */
function parseJsonLines(text: string, start: number, lines: LineIndex): TasksDocument | null {
  const spans: [number, number][] = [];
  let pos = start;
  while (pos <= text.length) {
    let nl = indexOfChar(text, 10, pos);
    if (nl === -1) nl = text.length;
    let a = pos;
    while (a < nl && /\s/.test(text[a])) a++;
    let b = nl;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) {
      if (text[a] !== '{') return null;
      spans.push([a, b]);
    }
    pos = nl + 1;
  }
  if (spans.length < 2) return null;
  const tasks: unknown[] = [];
  const syntax: Finding[] = [];
  const index = emptyIndex();
  let good = 0;
  for (const [a, b] of spans) {
    const line = parseJsonLine(text, a, b, tasks.length, lines);
    tasks.push(line.task);
    index.tasks.push(line.start);
    index.ends.push(line.end);
    index.predictions.push(line.predictions);
    index.results.push(line.results);
    if (line.syntax) syntax.push(line.syntax);
    else good++;
  }
  if (good === 0) return null;
  return { text, format: 'jsonl', tasks, index, syntax, lines };
}

/** One task of the text, read on its own: its value (undefined when it does not parse) and its index entry. */
export interface TaskSlice {
  task: unknown;
  start: number;
  end: number;
  predictions: number[];
  results: number[][];
  syntax?: Finding;
}

/** The JSON value in text[a, b) as task number `n`, or null when it does not parse. */
export function parseTaskSlice(text: string, a: number, b: number): TaskSlice | null {
  let task: unknown;
  try {
    task = JSON.parse(text.slice(a, b));
  } catch {
    return null;
  }
  const one = indexDocument(text, a, b, undefined, true);
  return { task, start: one.tasks[0], end: one.ends[0], predictions: one.predictions[0], results: one.results[0] };
}

/** One line of a JSON Lines file; a line that does not parse is a task of its own with a json-syntax finding. */
export function parseJsonLine(text: string, a: number, b: number, n: number, lines: LineIndex): TaskSlice {
  const slice = parseTaskSlice(text, a, b);
  if (slice) return slice;
  const problem = findJsonSyntaxError(text, a, b) ?? { offset: a, message: 'This line is not valid JSON.' };
  return { task: undefined, start: a, end: b, predictions: [], results: [], syntax: syntaxFinding(lines, problem.offset, `JSON Lines, task ${n}: ${problem.message}`, n) };
}

/** Offset in the text of `path` inside task `task` (the path starts at the task). */
export function offsetOf(doc: TasksDocument, task: number, path: JsonPath = [], atKey = false): number {
  const idx = doc.index;
  const taskStart = idx.tasks[task];
  if (taskStart === undefined) return -1;
  // Shortcut through the index for predictions and results, then walk the rest.
  if (path[0] === 'predictions' && typeof path[1] === 'number') {
    const p = path[1];
    const predStart = idx.predictions[task]?.[p];
    if (predStart !== undefined) {
      if (path[2] === 'result' && typeof path[3] === 'number') {
        const resStart = idx.results[task]?.[p]?.[path[3]];
        if (resStart !== undefined) return locate(doc.text, taskStart + resStart, path.slice(4), atKey);
      }
      return locate(doc.text, taskStart + predStart, path.slice(2), atKey);
    }
  }
  return locate(doc.text, taskStart, path, atKey);
}
