// COCO run-length masks (pycocotools maskApi.c): counts over COLUMN-major pixels, as a list or its compressed string.

import { encodeRle, maskToRgba } from '../brush/rle';

/** Decode `rleToString`'s compressed counts: 6-bit groups (char - 48), 5 data bits each, low first, 0x20 = more, 0x10 = negative; from the 4th on, a delta to counts[i-2]. */
export function decodeCocoCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new Error('the compressed counts string ends inside a number.');
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 63) throw new Error(`character "${s[p]}" at ${p} is not part of a COCO compressed counts string.`);
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2];
    counts.push(x);
  }
  return counts;
}

/** pycocotools' `rleToString`, the inverse of decodeCocoCounts (used by the tests to write compressed masks). */
export function encodeCocoCounts(counts: readonly number[]): string {
  let s = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2];
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= 5;
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      s += String.fromCharCode(c + 48);
    }
  }
  return s;
}

/** The mask as one byte per pixel, ROW-major (index y*w + x), from column-major counts (index x*h + y). */
export function cocoCountsToMask(counts: readonly number[], h: number, w: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  let i = 0;
  let on = false;
  for (const run of counts) {
    if (!Number.isInteger(run) || run < 0) throw new Error(`a run length of ${run}: runs are whole numbers from 0.`);
    if (i + run > w * h) throw new Error(`the runs cover more than the ${w} x ${h} = ${w * h} pixels of "size".`);
    if (on) for (let k = i; k < i + run; k++) mask[(k % h) * w + Math.floor(k / h)] = 1;
    i += run;
    on = !on;
  }
  if (i !== w * h) throw new Error(`the runs cover ${i} pixels, but "size" [${h}, ${w}] has ${w * h}.`);
  return mask;
}

/** A COCO RLE segmentation as Label Studio brush RLE of the same pixels (RGBA, 255 in all four channels). */
export function cocoRleToBrush(counts: readonly number[] | string, h: number, w: number): number[] {
  const runs = typeof counts === 'string' ? decodeCocoCounts(counts) : counts;
  return encodeRle(maskToRgba(cocoCountsToMask(runs, h, w)));
}
