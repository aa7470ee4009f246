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

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Halve the prefix that still decodes: cheap even for a large file.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    let ok = true;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
    } catch {
      ok = false;
    }
    if (ok) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
