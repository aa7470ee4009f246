// Reads a tasks file (a JSON list, one task object, or JSON Lines) into values plus a position index. The
// text is kept in pieces, each task's own text and the gaps between tasks, so that an edit of one task
// builds a new text of that task only; the whole text is joined when something asks for it.

import type { Finding, JsonPath } from '../finding';
import { indexOfChar, LineIndex } from '../text/lines';
import type { TaskText } from '../text/pieces';
import { emptyIndex, indexDocument, lastAtOrBefore, locate, type DocIndex } from './jsonIndex';
import { findJsonSyntaxError } from './jsonSyntax';

export type TasksFormat = 'array' | 'object' | 'jsonl';

export interface TasksDocument {
  /** The whole text: `gaps[0] + taskTexts[0] + gaps[1] + ... + gaps[n]`, joined on first read. */
  readonly text: string;
  /** Length of the whole text (known without joining it). */
  length: number;
  format: TasksFormat;
  /** Parsed tasks in file order; `undefined` marks a JSON Lines line that did not parse. */
  tasks: unknown[];
  index: DocIndex;
  /** The text of each task value, from `index.tasks[t]` to `index.ends[t]`. */
  taskTexts: TaskText[];
  /** The text between tasks: before the first, between each two, after the last (one more than tasks). */
  gaps: string[];
  /** json-syntax findings; when the whole text is unreadable, `tasks` is empty. */
  syntax: Finding[];
  lines: LineIndex;
}

export type DocumentParts = Omit<TasksDocument, 'text' | 'length'>;

/** A document from its parts; `text` when the whole text is at hand already. */
export function makeDocument(parts: DocumentParts, text?: string): TasksDocument {
  let whole = text;
  let length = 0;
  if (text !== undefined) length = text.length;
  else {
    for (const g of parts.gaps) length += g.length;
    for (const t of parts.taskTexts) length += t.length;
  }
  return {
    ...parts,
    length,
    get text() {
      if (whole === undefined) {
        // From the pieces of texts kept in pieces (joining such a text on its own first kept a second copy in it).
        const out = textPieces(parts);
        whole = out.join('');
      }
      return whole;
    },
  };
}

/**
 * The whole text as a list of strings that join to it, without joining them (a text in pieces gives its
 * pieces): for writing the text somewhere that takes parts, a 57 MB string is not made for it.
 */
export function textPieces(doc: Pick<TasksDocument, 'gaps' | 'taskTexts'>): string[] {
  const out: string[] = [];
  for (let t = 0; t < doc.taskTexts.length; t++) {
    if (doc.gaps[t]) out.push(doc.gaps[t]);
    const text = doc.taskTexts[t];
    if (typeof text === 'string') out.push(text);
    else for (const piece of text.parts()) out.push(piece);
  }
  if (doc.gaps[doc.taskTexts.length]) out.push(doc.gaps[doc.taskTexts.length]);
  return out;
}

export function syntaxFinding(lines: LineIndex, offset: number, message: string, task: number | null = null): Finding {
  const { line, column } = lines.position(offset);
  return { rule: 'json-syntax', severity: 'error', source: 'tasks', task, prediction: null, result: null, line, column, offset, message };
}

/** Task texts and the gaps around them, as slices of the whole text. */
function pieces(text: string, index: DocIndex): { taskTexts: string[]; gaps: string[] } {
  const taskTexts: string[] = [];
  const gaps: string[] = [];
  let at = 0;
  for (let t = 0; t < index.tasks.length; t++) {
    gaps.push(text.slice(at, index.tasks[t]));
    taskTexts.push(text.slice(index.tasks[t], index.ends[t]));
    at = index.ends[t];
  }
  gaps.push(text.slice(at));
  return { taskTexts, gaps };
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
    const tasks = Array.isArray(value) ? value : [value];
    return makeDocument({ format: Array.isArray(value) ? 'array' : 'object', tasks, index, ...pieces(text, index), syntax: [], lines }, text);
  }
  const jsonl = parseJsonLines(text, start, lines);
  if (jsonl) return jsonl;
  const problem = findJsonSyntaxError(text, start) ?? { offset: start, message: 'The text is not valid JSON.' };
  return makeDocument({ format: 'array', tasks: [], index: emptyIndex(), taskTexts: [], gaps: [text], syntax: [syntaxFinding(lines, problem.offset, problem.message)], lines }, text);
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
    const line = parseJsonLine(text.slice(a, b), a, tasks.length, lines);
    tasks.push(line.task);
    index.tasks.push(a);
    index.ends.push(b);
    index.predictions.push(line.predictions);
    index.results.push(line.results);
    if (line.syntax) syntax.push(line.syntax);
    else good++;
  }
  if (good === 0) return null;
  return makeDocument({ format: 'jsonl', tasks, index, ...pieces(text, index), syntax, lines }, text);
}

/** One task's text read on its own: its value (undefined when it does not parse) and index entry, relative to the text. */
export interface TaskSlice {
  task: unknown;
  /** Where the value starts and ends in the text read (whitespace around it excluded). */
  start: number;
  end: number;
  predictions: number[];
  results: number[][];
  syntax?: Finding;
}

/** The JSON value that `text` holds, as one task, or null when it does not parse. */
export function parseTaskText(text: string): TaskSlice | null {
  let task: unknown;
  try {
    task = JSON.parse(text);
  } catch {
    return null;
  }
  const one = indexDocument(text, 0, text.length, undefined, true);
  return { task, start: one.tasks[0], end: one.ends[0], predictions: one.predictions[0], results: one.results[0] };
}

/**
 * One line of a JSON Lines file (`text`, found at `base` in the file, task index `n`: task n + 1 to a person); a line that does not
 * parse is a task of its own with a json-syntax finding.
 */
export function parseJsonLine(text: string, base: number, n: number, lines: LineIndex): TaskSlice {
  const slice = parseTaskText(text);
  if (slice) return slice;
  const problem = findJsonSyntaxError(text, 0, text.length) ?? { offset: 0, message: 'This line is not valid JSON.' };
  return { task: undefined, start: 0, end: text.length, predictions: [], results: [], syntax: syntaxFinding(lines, base + problem.offset, `JSON Lines, task ${n + 1}: ${problem.message}`, n) };
}

/** Offset of `path` inside task `task`, relative to the start of the task's text (the path starts at the task). */
export function offsetInTask(doc: TasksDocument, task: number, path: JsonPath = [], atKey = false): number {
  const idx = doc.index;
  const text = doc.taskTexts[task];
  if (text === undefined) return -1;
  // Shortcut through the index for predictions and results, then walk the rest.
  if (path[0] === 'predictions' && typeof path[1] === 'number') {
    const p = path[1];
    const predStart = idx.predictions[task]?.[p];
    if (predStart !== undefined) {
      if (path[2] === 'result' && typeof path[3] === 'number') {
        const resStart = idx.results[task]?.[p]?.[path[3]];
        if (resStart !== undefined) return locate(text, resStart, path.slice(4), atKey);
      }
      return locate(text, predStart, path.slice(2), atKey);
    }
  }
  return locate(text, 0, path, atKey);
}

/** Offset in the text of `path` inside task `task` (the path starts at the task). */
export function offsetOf(doc: TasksDocument, task: number, path: JsonPath = [], atKey = false): number {
  const rel = offsetInTask(doc, task, path, atKey);
  return rel < 0 ? -1 : doc.index.tasks[task] + rel;
}

/** text.slice(from, to) of the document, read from its pieces (the whole text is not joined for it). */
export function textSlice(doc: TasksDocument, from: number, to: number): string {
  if (from >= to) return '';
  const { tasks: starts, ends } = doc.index;
  // The last task starting at or before `from` (or -1: `from` is in the first gap).
  const k = lastAtOrBefore(starts, from);
  const out: string[] = [];
  // Walk the pieces from there: task k, gap k+1, task k+1, ...
  let piece = k === -1 ? 0 : 2 * k + 1;
  while (from < to) {
    const isTask = piece % 2 === 1;
    const t = (piece - 1) >> 1;
    const start = isTask ? starts[t] : piece === 0 ? 0 : ends[(piece >> 1) - 1];
    const text = isTask ? doc.taskTexts[t] : doc.gaps[piece >> 1];
    if (text === undefined) break;
    const end = start + text.length;
    if (from < end) {
      out.push(text.slice(from - start, Math.min(to, end) - start));
      from = Math.min(to, end);
    }
    piece++;
  }
  return out.join('');
}
