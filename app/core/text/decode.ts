// Turns an opened file's bytes into the text the panes edit, keeping what export must give back: a UTF-8
// byte order mark stays in the text (Blob.text() and a default TextDecoder drop it, so an export lost it).

export interface DecodedText {
  text: string;
  /** Set when the bytes were not valid UTF-8: what happened, in words for the notice. */
  problem?: string;
}

/** Decode a file's bytes: UTF-8 (BOM kept), UTF-16 with a BOM, or, when invalid, UTF-8 with U+FFFD and a problem. */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), problem: `${name} is UTF-16 (little-endian); it is shown as read, and an export writes it as UTF-8.` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), problem: `${name} is UTF-16 (big-endian); it is shown as read, and an export writes it as UTF-8.` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const at = firstInvalidByte(bytes);
    let bad = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
    return {
      text,
      problem: `${name} is not valid UTF-8 (first bad byte at offset ${at}, perhaps Latin-1 or Windows-1252): ${bad} character${bad === 1 ? '' : 's'} could not be read and show as \uFFFD. An export writes the file as UTF-8, with \uFFFD in their place; convert the file to UTF-8 first to keep them.`,
    };
  }
}

/** Bytes decoded at a time while looking for the first bad one. */
const CHUNK = 1 << 16;

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence (where the first invalid or
 * unfinished sequence begins). One streaming pass finds the 64 KB chunk where decoding first fails; that chunk
 * is then read byte by byte from the last character start before it. (Halving prefixes of the whole file
 * decoded ~25 of them: 7 s for one bad byte at the end of 23 MB.)
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let at = 0;
  try {
    for (; at < bytes.length; at += CHUNK) stream.decode(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), { stream: true });
    stream.decode();
    return bytes.length;
  } catch {
    // The bad sequence is in this chunk, or began at most 3 bytes before it.
  }
  let from = Math.max(0, Math.min(at, bytes.length) - 3);
  for (let k = 0; k < 3 && from > 0 && (bytes[from] & 0xc0) === 0x80; k++) from--;
  return firstInvalidFrom(bytes, from);
}

/** The first invalid or unfinished UTF-8 sequence at or after `i` (a character start), by the WHATWG decoder's rules. */
function firstInvalidFrom(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (i + k >= n || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return n;
}
