// The Finding: what validation says about one place in the config or the tasks file.

export type Severity = 'error' | 'warning' | 'info';

/** A path inside one task, e.g. ['predictions', 0, 'result', 3, 'value', 'x']. */
export type JsonPath = (string | number)[];

/** One machine-applicable change to the tasks: set (or remove) the value at `path` in task `task`. */
export interface JsonEdit {
  task: number;
  path: JsonPath;
  value?: unknown;
  /** Remove the key or array element instead of setting it. */
  remove?: boolean;
  /** Rename the key at `path` to this name, keeping its value. */
  renameTo?: string;
}

export interface Fix {
  /** What applying it does, in words a person reads on a button. */
  title: string;
  edits: JsonEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Which text the position refers to. */
  source: 'config' | 'tasks';
  task: number | null;
  prediction: number | null;
  result: number | null;
  /** 1-based line and column in the source text (0 when unknown). */
  line: number;
  column: number;
  /** UTF-16 offset in the source text, for editors; -1 when unknown. */
  offset: number;
  message: string;
  suggestion?: string;
  fix?: Fix;
  /** Where inside the task the finding points (for locating and for the UI). */
  path?: JsonPath;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Longest quoted value a message repeats in full, and the longest message. */
const QUOTE_MAX = 80;
const MESSAGE_MAX = 600;

/**
 * A message fit to read: every double-quoted value longer than QUOTE_MAX characters is cut with an
 * ellipsis (a 1 MB label must not make a 1 MB line), and the whole message is capped. One pass, no regex,
 * so an unbalanced quote in a long message costs no backtracking.
 */
export function readable(message: string): string {
  if (message.length <= QUOTE_MAX) return message;
  let out = '';
  let i = 0;
  const n = message.length;
  while (i < n && out.length <= MESSAGE_MAX) {
    const open = message.indexOf('"', i);
    if (open === -1) {
      out += message.slice(i);
      break;
    }
    let close = open + 1;
    while (close < n && message.charCodeAt(close) !== 34) close += message.charCodeAt(close) === 92 ? 2 : 1;
    if (close >= n) {
      out += message.slice(i);
      break;
    }
    out += message.slice(i, open + 1);
    const inner = message.slice(open + 1, close);
    out += inner.length > QUOTE_MAX ? `${cut(inner, QUOTE_MAX - 20)}…` : inner;
    out += '"';
    i = close + 1;
  }
  return out.length > MESSAGE_MAX ? `${cut(out, MESSAGE_MAX)}…` : out;
}

/** The first `max` UTF-16 units of s, not splitting a surrogate pair or a backslash escape. */
function cut(s: string, max: number): string {
  let end = Math.min(max, s.length);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  let backslashes = 0;
  for (let k = end - 1; k >= 0 && s.charCodeAt(k) === 92; k--) backslashes++;
  if (backslashes % 2 === 1) end--;
  return s.slice(0, end);
}
