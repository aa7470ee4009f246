// Offsets to 1-based line and column numbers, for any text the user gave.

/**
 * indexOf for one character, as a plain loop: V8's String.prototype.indexOf from a position was measured
 * taking seconds per call on multi-megabyte texts once the calling function had been optimized.
 */
export function indexOfChar(text: string, code: number, from = 0): number {
  for (let i = from, n = text.length; i < n; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Where each line starts (a text of 2 GB would not fit in a string). */
type Starts = Int32Array;

/**
 * Where each line of `text` starts. A regular expression finds the line breaks: ~4x faster than a loop of
 * charCodeAt at 23 MB (Chromium), and it is not String.prototype.indexOf (see above).
 */
function scanLines(text: string): Int32Array {
  // Pretty-printed JSON has lines of ~30 characters: a guess that is rarely grown.
  let starts = new Int32Array(Math.max(16, Math.ceil(text.length / 24)));
  let n = 1;
  const re = /\n/g;
  while (re.exec(text) !== null) {
    if (n === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = re.lastIndex;
  }
  return starts.slice(0, n);
}

export class LineIndex {
  private starts: Starts | null = null;

  /** `text` may be a function giving it, for a text joined only when a position is first asked for. */
  constructor(
    private readonly text: string | (() => string),
    starts?: Starts,
  ) {
    if (starts) this.starts = starts;
  }

  /** A copy of the line starts to send to another thread, or null when they were never needed here. */
  transferable(): Int32Array | null {
    return this.starts ? this.starts.slice() : null;
  }

  /**
   * Takes line starts made elsewhere for the same text (the worker that checks the file read it too): the
   * 800,000 lines of a 23 MB file are not scanned again on the page. Ignored when this index has its own.
   */
  adopt(starts: Int32Array): void {
    if (!this.starts && starts.length > 0 && starts[0] === 0) this.starts = starts;
  }

  /**
   * The line index of the text after `changes` (sorted, on this text): line starts before, between and after
   * the changes are shifted, only the inserted text is scanned. Stays lazy when this one was never used.
   */
  update(newText: string | (() => string), changes: readonly { from: number; to: number; insert: string }[]): LineIndex {
    if (!this.starts) return new LineIndex(newText);
    const old = this.starts;
    // Filled in place: 2.4 million starts pushed one by one took ~250 ms at 100,000 changes.
    let added = 0;
    for (const c of changes) for (let i = indexOfChar(c.insert, 10); i !== -1; i = indexOfChar(c.insert, 10, i + 1)) added++;
    const out = new Int32Array(old.length + added);
    let n = 0;
    let k = 0;
    let delta = 0;
    for (const c of changes) {
      // Starts up to and including c.from are before the change (a start at c.from is after a newline before it).
      while (k < old.length && old[k] <= c.from) out[n++] = old[k++] + delta;
      // Starts inside the replaced range go; newlines inside the insertion come.
      while (k < old.length && old[k] <= c.to) k++;
      const base = c.from + delta;
      for (let i = indexOfChar(c.insert, 10); i !== -1; i = indexOfChar(c.insert, 10, i + 1)) out[n++] = base + i + 1;
      delta += c.insert.length - (c.to - c.from);
    }
    while (k < old.length) out[n++] = old[k++] + delta;
    return new LineIndex(newText, n === out.length ? out : out.subarray(0, n));
  }

  private lineStarts(): Starts {
    if (this.starts) return this.starts;
    this.starts = scanLines(typeof this.text === 'string' ? this.text : this.text());
    return this.starts;
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    if (offset < 0) return { line: 0, column: 0 };
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** UTF-16 offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const starts = this.lineStarts();
    const start = starts[Math.min(Math.max(line, 1), starts.length) - 1];
    return start + Math.max(column, 1) - 1;
  }
}
