// An image's pixel size from its first bytes (PNG, JPEG, WebP, BMP): no decoding, no node:fs.

export interface ImageSize {
  width: number;
  height: number;
  type: 'png' | 'jpeg' | 'webp' | 'bmp';
}

/** How many leading bytes are enough for every format but a JPEG with a big EXIF block before its frame header. */
export const HEADER_BYTES = 64 * 1024;

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const u32le = (b: Uint8Array, i: number) => ((b[i + 3] << 24) >>> 0) + (b[i + 2] << 16) + (b[i + 1] << 8) + b[i];
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/**
 * The size the browser (and so Label Studio's `naturalWidth`) shows: a JPEG whose EXIF orientation
 * turns it by 90 degrees (5..8) has its width and height swapped. Null when the bytes are not one of
 * the four formats or end before the size.
 */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
  const b = bytes;
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') {
    return { width: u32be(b, 16), height: u32be(b, 20), type: 'png' };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return readJpeg(b);
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, type: 'webp' };
    if (chunk === 'VP8L') {
      return { width: 1 + (((b[22] & 0x3f) << 8) | b[21]), height: 1 + (((b[24] & 0x0f) << 10) | (b[23] << 2) | ((b[22] & 0xc0) >> 6)), type: 'webp' };
    }
    if (chunk === 'VP8X') return { width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), type: 'webp' };
    return null;
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    const dib = u32le(b, 14);
    if (dib === 12) return { width: u16le(b, 18), height: u16le(b, 20), type: 'bmp' };
    // A negative height is a top-down bitmap: the same size.
    return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)), type: 'bmp' };
  }
  return null;
}

function readJpeg(b: Uint8Array): ImageSize | null {
  let orientation = 1;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = u16be(b, i + 2);
    if (marker === 0xe1 && ascii(b, i + 4, 4) === 'Exif') orientation = exifOrientation(b, i + 10, i + 2 + len) ?? orientation;
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width, type: 'jpeg' } : { width, height, type: 'jpeg' };
    }
    i += 2 + len;
  }
  return null;
}

/** The EXIF Orientation tag (0x0112) of IFD0, reading the TIFF block at `t` that ends at `end`. */
function exifOrientation(b: Uint8Array, t: number, end: number): number | null {
  if (end > b.length || t + 8 > end) return null;
  const le = b[t] === 0x49 && b[t + 1] === 0x49;
  const r16 = (i: number) => (le ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number) => (le ? u32le(b, i) : u32be(b, i));
  const ifd = t + r32(t + 4);
  if (ifd + 2 > end) return null;
  const n = r16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > end) return null;
    if (r16(e) === 0x0112) return r16(e + 8);
  }
  return null;
}
