// Brush masks: interoperable with @thi.ng/rle-pack (what Label Studio decodes with), checked before decoding.

import { decodeBinary, encodeBinary } from '@thi.ng/rle-pack';
import { describe, expect, test } from 'vitest';
import { checkRle, decodeRle, encodeRle, maskToRgba, readHeader } from './rle';

function randomMask(w: number, h: number, seed: number): Uint8Array {
  let s = seed;
  const m = new Uint8Array(w * h);
  // Blobs of runs, like real masks, plus noise.
  for (let i = 0; i < m.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    m[i] = (i % w > w / 4 && i % w < w / 2 && Math.floor(i / w) > h / 3) || (s & 0xff) < 8 ? 1 : 0;
  }
  return m;
}

describe('interoperability with @thi.ng/rle-pack', () => {
  test('what rle-pack encodes, prelabel decodes', () => {
    const rgba = maskToRgba(randomMask(37, 23, 1));
    const bytes = encodeBinary(Array.from(rgba), rgba.length, 8);
    expect(Array.from(decodeRle(bytes))).toEqual(Array.from(rgba));
  });

  test('what prelabel encodes, rle-pack decodes', () => {
    const rgba = maskToRgba(randomMask(64, 40, 2));
    const bytes = encodeRle(rgba);
    expect(Array.from(decodeBinary(Uint8Array.from(bytes)))).toEqual(Array.from(rgba));
  });

  test('the default header bytes 4 and 5 are 57 and 27', () => {
    const bytes = encodeRle(maskToRgba(randomMask(8, 8, 3)));
    expect([bytes[4], bytes[5]]).toEqual([57, 27]);
    expect(readHeader(bytes)).toEqual({ words: 256, wordSize: 8, sizes: [3, 4, 8, 16] });
  });
});

describe('checkRle', () => {
  const rgba = maskToRgba(randomMask(20, 10, 4));
  const bytes = encodeRle(rgba);

  test('a valid mask passes and counts its painted pixels', () => {
    const painted = Array.from(randomMask(20, 10, 4)).filter(Boolean).length;
    expect(checkRle(bytes, 20, 10)).toMatchObject({ ok: true, painted });
    expect(checkRle(bytes)).toMatchObject({ ok: true, painted });
  });

  test('a size mismatch with original_width x original_height says both numbers', () => {
    const r = checkRle(bytes, 10, 20 + 1);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/800 bytes.*10 x 21 x 4 = 840/);
  });

  test('COCO counts pasted into rle: a finding, no allocation', () => {
    const r = checkRle([12000, 45, 3100, 8, 77000]);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/COCO/);
  });

  test('a header announcing gigabytes is refused without decoding', () => {
    const r = checkRle([255, 255, 255, 255, 57, 27, 0, 0]);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/8192 x 8192/);
  });

  test('a truncated stream', () => {
    const r = checkRle(bytes.slice(0, bytes.length - 4), 20, 10);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/truncated/);
  });

  test('not a list, negative or fractional bytes, too short', () => {
    expect(checkRle('abc').problem).toMatch(/list/);
    expect(checkRle([1, -1, 3]).problem).toMatch(/integer byte/);
    expect(checkRle([1, 2.5]).problem).toMatch(/integer byte/);
    expect(checkRle([2, 3, 3, 2]).problem).toMatch(/too short/);
    expect(checkRle([]).problem).toMatch(/empty/);
  });

  test('an all-transparent mask is ok but paints nothing', () => {
    const empty = encodeRle(new Uint8Array(4 * 6));
    expect(checkRle(empty, 3, 2)).toMatchObject({ ok: true, painted: 0 });
  });
});
