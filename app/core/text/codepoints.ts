// Label Studio counts text offsets in Unicode code points (as Python's len() does); JavaScript strings
// index UTF-16 units. This maps between the two, cheaply when a text has no astral characters.

const SURROGATE = /[\uD800-\uDFFF]/;

export class CodePointText {
  /** UTF-16 index of each code point, plus one past the end; null when they coincide. */
  private readonly starts: Int32Array | null;
  readonly length: number;

  constructor(readonly text: string) {
    if (!SURROGATE.test(text)) {
      this.starts = null;
      this.length = text.length;
      return;
    }
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      starts.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    starts.push(text.length);
    this.starts = Int32Array.from(starts);
    this.length = starts.length - 1;
  }

  get hasAstral(): boolean {
    return this.starts !== null;
  }

  /** UTF-16 index of code point offset `cp` (clamped to the text). */
  toUtf16(cp: number): number {
    const c = Math.max(0, Math.min(cp, this.length));
    return this.starts ? this.starts[c] : c;
  }

  /** Code point offset of UTF-16 index `u` (an index inside a pair maps to the pair's code point). */
  fromUtf16(u: number): number {
    if (!this.starts) return Math.max(0, Math.min(u, this.length));
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
