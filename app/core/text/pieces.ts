// A long text kept in pieces, so that an edit builds again only the piece it falls in. A JavaScript string
// cannot be changed: an edit of one region of a 57 MB task made a new 57 MB string, and the first read of it
// (V8 joins a concatenation on first read) cost 300-450 ms of fresh memory on a 2-core machine, per edit.
// A text in pieces reads like a string (length, charCodeAt, slice); the whole string is joined only when
// something asks for all of it (an export, a re-parse of the whole task).

import { lastAtOrBefore } from '../tasks/jsonIndex';
import type { TextChange } from './changes';

/** What the readers of a task's text use of it: a string, or a text in pieces. */
export interface TextLike {
  readonly length: number;
  charCodeAt(i: number): number;
  slice(from?: number, to?: number): string;
}

/** A task's text: a string, or (once a long one is edited) a text in pieces. */
export type TaskText = string | PieceText;

/**
 * `length`: pieces are cut this long, and an edited piece grown past twice this is cut again; `above`: a text
 * longer than this is kept in pieces when it is edited. (The tests make both small, to cut the corpus files.)
 */
export const PIECES = { length: 64 * 1024, above: 1 << 20 };

export class PieceText implements TextLike {
  readonly length: number;
  /** The pieces, none empty, and where each starts. */
  private readonly pieces: readonly string[];
  private readonly starts: readonly number[];
  /** The piece read last, [lo, hi): a scan reads on in it without a search. */
  private cur = '';
  private lo = 0;
  private hi = 0;
  private joined: string | undefined;

  private constructor(pieces: readonly string[]) {
    this.pieces = pieces;
    const starts = new Array<number>(pieces.length);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = at;
      at += pieces[i].length;
    }
    this.starts = starts;
    this.length = at;
  }

  /** `text` cut into pieces of PIECE characters (views into it: no copy). */
  static from(text: string): PieceText {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += PIECES.length) pieces.push(text.slice(at, at + PIECES.length));
    return new PieceText(pieces);
  }

  /** How many pieces (for tests and measures). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Index of the piece holding offset `i` (0 <= i < length). */
  private pieceAt(i: number): number {
    return lastAtOrBefore(this.starts, i);
  }

  charCodeAt(i: number): number {
    if (i >= this.lo && i < this.hi) return this.cur.charCodeAt(i - this.lo);
    if (!(i >= 0 && i < this.length)) return NaN;
    const k = this.pieceAt(i);
    this.cur = this.pieces[k];
    this.lo = this.starts[k];
    this.hi = this.lo + this.cur.length;
    return this.cur.charCodeAt(i - this.lo);
  }

  /** As String.prototype.slice for offsets from 0 to length (negative offsets are not used by the readers). */
  slice(from = 0, to = this.length): string {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    if (from === to) return '';
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const k = this.pieceAt(from);
    const k1 = this.pieceAt(to - 1);
    if (k === k1) return this.pieces[k].slice(from - this.starts[k], to - this.starts[k]);
    const out: string[] = [this.pieces[k].slice(from - this.starts[k])];
    for (let i = k + 1; i < k1; i++) out.push(this.pieces[i]);
    out.push(this.pieces[k1].slice(0, to - this.starts[k1]));
    return out.join('');
  }

  /** The pieces, in order (they join to the text). */
  parts(): readonly string[] {
    return this.pieces;
  }

  /** The whole text as one string (joined once, then kept). */
  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /**
   * The text with sorted, non-overlapping changes applied: the pieces no change falls in are kept as they are;
   * the pieces a run of changes touches are joined, changed, and cut again if they grew long. A change at the
   * boundary of two pieces goes into the earlier one.
   */
  apply(changes: readonly TextChange[]): PieceText {
    if (changes.length === 0) return this;
    const { pieces, starts } = this;
    if (pieces.length === 0) return new PieceText(cut(changes.map((c) => c.insert).join('')));
    // A change reaches from the piece holding the character before `from` (an insertion at a boundary goes
    // into the earlier piece) to the piece holding the character before `to`.
    const first = (c: TextChange) => this.pieceAt(Math.max(0, c.from - 1));
    const last = (c: TextChange) => Math.max(first(c), this.pieceAt(Math.max(0, Math.min(c.to, this.length) - 1)));
    const out: string[] = [];
    let next = 0;
    let i = 0;
    while (i < changes.length) {
      const g0 = first(changes[i]);
      let g1 = last(changes[i]);
      let j = i + 1;
      while (j < changes.length && first(changes[j]) <= g1) g1 = Math.max(g1, last(changes[j++]));
      for (; next < g0; next++) out.push(pieces[next]);
      const parts: string[] = [];
      let at = starts[g0];
      for (let k = i; k < j; k++) {
        const c = changes[k];
        if (c.from > at) parts.push(this.slice(at, c.from));
        parts.push(c.insert);
        at = c.to;
      }
      const end = starts[g1] + pieces[g1].length;
      if (end > at) parts.push(this.slice(at, end));
      for (const piece of cut(parts.join(''))) out.push(piece);
      next = g1 + 1;
      i = j;
    }
    for (; next < pieces.length; next++) out.push(pieces[next]);
    return new PieceText(out);
  }
}

/** A changed stretch as pieces: none when empty, cut again when it grew past twice the piece length. */
function cut(text: string): string[] {
  if (text.length === 0) return [];
  if (text.length <= 2 * PIECES.length) return [text];
  const out: string[] = [];
  for (let at = 0; at < text.length; at += PIECES.length) out.push(text.slice(at, at + PIECES.length));
  return out;
}

/** `text` with sorted, non-overlapping changes applied; a long text comes out in pieces. */
export function applyToText(text: TaskText, changes: readonly TextChange[], applyString: (s: string, cs: readonly TextChange[]) => string): TaskText {
  if (changes.length === 0) return text;
  if (typeof text !== 'string') return text.apply(changes);
  if (text.length > PIECES.above) return PieceText.from(text).apply(changes);
  return applyString(text, changes);
}

/** The whole text as one string. */
export const wholeText = (text: TaskText): string => (typeof text === 'string' ? text : text.toString());
