// Label Studio brush masks: the RLE bit stream of @thi.ng/rle-pack (FORMAT-NOTES §5).
// Checked before decoding, so a COCO `counts` list pasted into `rle` gives a message, not a
// gigantic allocation.

import { encodeBinary } from '@thi.ng/rle-pack';

/** Largest mask decoded without known image size: 8192 x 8192 RGBA. */
export const MAX_WORDS = 8192 * 8192 * 4;

export interface RleHeader {
  words: number;
  wordSize: number;
  sizes: [number, number, number, number];
}

export interface RleCheck {
  ok: boolean;
  header: RleHeader | null;
  /** What is wrong, for a person. */
  problem?: string;
  /** Painted pixels (alpha byte non-zero), when the stream was walked. */
  painted?: number;
}

class BitReader {
  private pos = 0;
  constructor(private readonly bytes: ArrayLike<number>) {}
  get remaining(): number {
    return this.bytes.length * 8 - this.pos;
  }
  read(n: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) {
      const byte = this.bytes[this.pos >> 3];
      const bit = (byte >> (7 - (this.pos & 7))) & 1;
      v = v * 2 + bit;
      this.pos++;
    }
    return v;
  }
}

export function readHeader(bytes: ArrayLike<number>): RleHeader | null {
  if (bytes.length < 7) return null;
  const r = new BitReader(bytes);
  const words = r.read(32);
  const wordSize = r.read(5) + 1;
  const sizes = [r.read(4) + 1, r.read(4) + 1, r.read(4) + 1, r.read(4) + 1] as [number, number, number, number];
  return { words, wordSize, sizes };
}

/**
 * Check a brush `rle` value. `width`/`height` are the image's pixel size when known: the stream must
 * hold exactly width*height*4 words. `sizeName` says in a message where that size comes from.
 */
export function checkRle(rle: unknown, width?: number, height?: number, sizeName = 'original_width x original_height'): RleCheck {
  if (!Array.isArray(rle)) return { ok: false, header: null, problem: '`rle` must be a list of byte values (0..255).' };
  if (rle.length === 0) return { ok: false, header: null, problem: '`rle` is empty: a mask needs at least its 7-byte header.' };
  let above = 0;
  for (let i = 0; i < rle.length; i++) {
    const b = rle[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0) {
      return { ok: false, header: null, problem: `\`rle\`[${i}] is ${JSON.stringify(b)}: every entry must be an integer byte 0..255.` };
    }
    if (b > 255) above++;
  }
  if (above) {
    return { ok: false, header: null, problem: `${above} value(s) in \`rle\` are above 255: this looks like COCO RLE counts, not Label Studio's byte stream. Convert the mask with label_studio_converter.brush.mask2rle (Python).` };
  }
  const header = readHeader(rle);
  if (!header) return { ok: false, header: null, problem: `\`rle\` has ${rle.length} byte(s): too short for the 7-byte header of a Label Studio mask.` };
  const expected = width && height ? width * height * 4 : null;
  if (header.wordSize !== 8) {
    return { ok: false, header, problem: `The header says ${header.wordSize}-bit words; Label Studio masks use 8-bit words (header bytes 4 and 5 are normally 57 and 27). This is not a mask written by Label Studio's encoder.` };
  }
  if (expected !== null && header.words !== expected) {
    return { ok: false, header, problem: `The header says ${header.words} bytes of RGBA, but ${sizeName} x 4 = ${width} x ${height} x 4 = ${expected}. The mask was encoded for another image size.` };
  }
  if (expected === null && header.words > MAX_WORDS) {
    return { ok: false, header, problem: `The header says ${header.words} bytes of RGBA (more than an 8192 x 8192 image): this is not a Label Studio mask (COCO counts pasted into \`rle\`?).` };
  }
  return walk(rle, header);
}

/** Walk the groups without allocating the raster: does the stream hold all its words? */
function walk(bytes: ArrayLike<number>, header: RleHeader): RleCheck {
  const r = new BitReader(bytes);
  r.read(53);
  const { words, wordSize, sizes } = header;
  let out = 0;
  let painted = 0;
  while (out < words) {
    if (r.remaining < 3) return { ok: false, header, problem: `The stream ends after ${out} of ${words} bytes: the mask is truncated.` };
    const flag = r.read(1);
    const k = r.read(2);
    if (r.remaining < sizes[k]) return { ok: false, header, problem: `The stream ends inside a run after ${out} of ${words} bytes: the mask is truncated.` };
    const n = r.read(sizes[k]) + 1;
    if (flag) {
      if (r.remaining < wordSize) return { ok: false, header, problem: `The stream ends after ${out} of ${words} bytes: the mask is truncated.` };
      const w = r.read(wordSize);
      if (w !== 0) painted += alphaCount(out, Math.min(n, words - out));
      out += n;
    } else {
      if (r.remaining < n * wordSize) return { ok: false, header, problem: `The stream ends after ${out} of ${words} bytes: the mask is truncated.` };
      for (let j = 0; j < n && out < words; j++, out++) {
        const w = r.read(wordSize);
        if (w !== 0 && (out & 3) === 3) painted++;
      }
    }
  }
  if (out > words) return { ok: false, header, problem: `The last run goes ${out - words} byte(s) past the ${words} the header announces.` };
  return { ok: true, header, painted };
}

/** How many indices in [start, start+n) are alpha bytes (index % 4 === 3). */
function alphaCount(start: number, n: number): number {
  const first = (3 - (start & 3) + 4) & 3;
  return n > first ? Math.floor((n - first - 1) / 4) + 1 : 0;
}

/** Decode to the RGBA raster. Call checkRle first: this trusts the stream. */
export function decodeRle(bytes: ArrayLike<number>): Uint8Array {
  const header = readHeader(bytes);
  if (!header) throw new Error('rle header missing');
  const r = new BitReader(bytes);
  r.read(53);
  const { words, wordSize, sizes } = header;
  const out = new Uint8Array(words);
  let i = 0;
  while (i < words) {
    const flag = r.read(1);
    const n = r.read(sizes[r.read(2)]) + 1;
    if (flag) {
      const w = r.read(wordSize);
      out.fill(w, i, Math.min(words, i + n));
      i += n;
    } else {
      for (let j = 0; j < n && i < words; j++) out[i++] = r.read(wordSize);
    }
  }
  return out;
}

/** Encode an RGBA raster (Label Studio writes the mask value into all four channels). */
export function encodeRle(rgba: ArrayLike<number>): number[] {
  return Array.from(encodeBinary(Array.from(rgba), rgba.length, 8));
}

/** A single-channel mask (0 = empty) as the RGBA bytes Label Studio stores. */
export function maskToRgba(mask: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(mask.length * 4);
  for (let i = 0; i < mask.length; i++) {
    const v = mask[i] ? 255 : 0;
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = v;
  }
  return out;
}
