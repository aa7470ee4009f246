// Reads a tasks file (a JSON list, one task object, or JSON Lines) into values plus a position index.

import type { Finding, JsonPath } from '../finding';
import { indexOfChar, LineIndex } from '../text/lines';
import { indexDocument, locate, type DocIndex } from './jsonIndex';
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

function syntaxFinding(lines: LineIndex, offset: number, message: string, task: number | null = null): Finding {
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
    index: { tasks: [], predictions: [], results: [] },
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
  const index: DocIndex = { tasks: [], predictions: [], results: [] };
  let good = 0;
  for (const [a, b] of spans) {
    try {
      tasks.push(JSON.parse(text.slice(a, b)));
      indexDocument(text, a, b, index);
      good++;
    } catch {
      const n = tasks.length;
      tasks.push(undefined);
      index.tasks.push(a);
      index.predictions.push([]);
      index.results.push([]);
      const problem = findJsonSyntaxError(text, a, b) ?? { offset: a, message: 'This line is not valid JSON.' };
      syntax.push(syntaxFinding(lines, problem.offset, `JSON Lines, task ${n}: ${problem.message}`, n));
    }
  }
  if (good === 0) return null;
  return { text, format: 'jsonl', tasks, index, syntax, lines };
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
        if (resStart !== undefined) return locate(doc.text, resStart, path.slice(4), atKey);
      }
      return locate(doc.text, predStart, path.slice(2), atKey);
    }
  }
  return locate(doc.text, taskStart, path, atKey);
}
