// Text changes as values: the splices one edit made (ranges of the old text and what replaced them), their
// inverse, and applying them. Undo keeps these, not copies of the text.

export interface TextChange {
  /** Range of the old text replaced (UTF-16 offsets, `to` exclusive). */
  from: number;
  to: number;
  insert: string;
}

/** Sorted by position, and no two overlapping (touching is allowed). Throws otherwise. */
export function normalizeChanges(changes: readonly TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].from < sorted[i - 1].to) throw new Error('overlapping changes');
  return sorted;
}

/** The text with sorted, non-overlapping changes applied, in one pass. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  if (changes.length === 0) return text;
  if (changes.length === 1) {
    const c = changes[0];
    return text.slice(0, c.from) + c.insert + text.slice(c.to);
  }
  const parts: string[] = [];
  let at = 0;
  for (const c of changes) {
    parts.push(text.slice(at, c.from), c.insert);
    at = c.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * A string of its own: V8 makes a slice of 13 characters or more a view into the string it was cut from, and a
 * kept slice keeps the whole of that alive (an undo step's old text kept a 57 MB tasks text per version).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The changes that turn the new text back into the old one. `text` is the old text, or a function reading a
 * range of it (for a text kept in pieces). Their texts are strings of their own (see ownString): they are
 * kept in the undo history, long after the text they were read from.
 */
export function invertChanges(text: string | ((from: number, to: number) => string), changes: readonly TextChange[]): TextChange[] {
  const read = typeof text === 'string' ? (a: number, b: number) => text.slice(a, b) : text;
  let delta = 0;
  return changes.map((c) => {
    const from = c.from + delta;
    delta += c.insert.length - (c.to - c.from);
    return { from, to: from + c.insert.length, insert: ownString(read(c.from, c.to)) };
  });
}

/** Where an offset of the old text is in the new text (an offset inside a replaced range maps to its end). */
export function mapOffset(changes: readonly TextChange[], offset: number): number {
  let delta = 0;
  for (const c of changes) {
    if (c.from > offset) break;
    if (c.to > offset) return c.from + delta + c.insert.length;
    delta += c.insert.length - (c.to - c.from);
  }
  return offset + delta;
}

/** One change turning `a` into `b` (their common start and end kept): for texts given whole, e.g. a pasted config. */
export function diffTexts(a: string, b: string): TextChange[] {
  if (a === b) return [];
  const n = Math.min(a.length, b.length);
  let s = 0;
  while (s < n && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let e = 0;
  while (e < n - s && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  return [{ from: s, to: a.length - e, insert: b.slice(s, b.length - e) }];
}

/** Characters a set of changes holds (inserted text plus the ranges): what a history entry of them costs. */
export const changesSize = (changes: readonly TextChange[]) => changes.reduce((n, c) => n + c.insert.length + 16, 0);
