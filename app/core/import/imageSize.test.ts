// Image sizes from headers: real files written by Chromium, and hand-built headers for the other layouts.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readImageSize } from './imageSize';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name)));

/** A JPEG with an EXIF APP1 segment (Orientation = `o`) inserted after SOI. */
function withExif(jpeg: Uint8Array, o: number, bigEndian: boolean): Uint8Array {
  const u16 = (v: number) => (bigEndian ? [v >> 8, v & 255] : [v & 255, v >> 8]);
  const u32 = (v: number) => (bigEndian ? [0, 0, 0, v] : [v, 0, 0, 0]);
  const tiff = [...(bigEndian ? [0x4d, 0x4d] : [0x49, 0x49]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(o), 0, 0, ...u32(0)];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = payload.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 255, ...payload, ...jpeg.subarray(2)]);
}

describe('readImageSize', () => {
  test('PNG, JPEG and WebP (lossy) files written by Chromium: 37 x 23', () => {
    expect(readImageSize(fixture('37x23.png'))).toEqual({ width: 37, height: 23, type: 'png' });
    expect(readImageSize(fixture('37x23.jpg'))).toEqual({ width: 37, height: 23, type: 'jpeg' });
    expect(readImageSize(fixture('37x23.webp'))).toEqual({ width: 37, height: 23, type: 'webp' });
  });

  test('a JPEG turned by EXIF orientation 6 or 8 shows (and Label Studio measures) 23 x 37; orientation 3 keeps 37 x 23', () => {
    const jpeg = fixture('37x23.jpg');
    expect(readImageSize(withExif(jpeg, 6, true))).toMatchObject({ width: 23, height: 37 });
    expect(readImageSize(withExif(jpeg, 8, false))).toMatchObject({ width: 23, height: 37 });
    expect(readImageSize(withExif(jpeg, 3, false))).toMatchObject({ width: 37, height: 23 });
  });

  test('WebP lossless (VP8L) and extended (VP8X) headers', () => {
    // VP8L: 14 bits width-1, 14 bits height-1, little end first, after the 0x2f signature.
    const w = 300 - 1;
    const h = 200 - 1;
    const bits = w | (h << 14);
    const vp8l = new Uint8Array(30);
    vp8l.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    vp8l.set([...'WEBPVP8L'].map((c) => c.charCodeAt(0)), 8);
    vp8l[20] = 0x2f;
    vp8l.set([bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255], 21);
    expect(readImageSize(vp8l)).toEqual({ width: 300, height: 200, type: 'webp' });
    const vp8x = new Uint8Array(30);
    vp8x.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    vp8x.set([...'WEBPVP8X'].map((c) => c.charCodeAt(0)), 8);
    vp8x.set([(4000 - 1) & 255, (4000 - 1) >> 8, 0, (3000 - 1) & 255, (3000 - 1) >> 8, 0], 24);
    expect(readImageSize(vp8x)).toEqual({ width: 4000, height: 3000, type: 'webp' });
  });

  test('BMP with a top-down (negative) height, and an OS/2 core header', () => {
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d], 0);
    new DataView(bmp.buffer).setUint32(14, 40, true);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(readImageSize(bmp)).toEqual({ width: 640, height: 480, type: 'bmp' });
    const core = new Uint8Array(26);
    core.set([0x42, 0x4d], 0);
    new DataView(core.buffer).setUint32(14, 12, true);
    new DataView(core.buffer).setUint16(18, 64, true);
    new DataView(core.buffer).setUint16(20, 32, true);
    expect(readImageSize(core)).toEqual({ width: 64, height: 32, type: 'bmp' });
  });

  test('not an image, or cut before the size: null', () => {
    expect(readImageSize(new TextEncoder().encode('GIF89a......................'))).toBeNull();
    expect(readImageSize(fixture('37x23.jpg').subarray(0, 20))).toBeNull();
    expect(readImageSize(fixture('37x23.png').subarray(0, 10))).toBeNull();
  });
});
