// Opened files keep their bytes' meaning: a UTF-8 BOM survives, text that is not UTF-8 is said to be so.

import { expect, test } from 'vitest';
import { decodeText } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

test('a UTF-8 BOM stays at the start of the text, so an export writes it back byte for byte', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('[{"data": {"text": "é"}}]')]);
  const { text, problem } = decodeText(bytes, 'tasks.json');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(problem).toBeUndefined();
  expect(new TextEncoder().encode(text)).toEqual(bytes);
});

test('bytes that are not UTF-8 (Latin-1 é) are read with U+FFFD and a problem that says so and where', () => {
  const bytes = new Uint8Array([...utf8('[{"data": {"text": "caf'), 0xe9, ...utf8('"}}]')]);
  const { text, problem } = decodeText(bytes, 'tasks.json');
  expect(text).toBe('[{"data": {"text": "caf\uFFFD"}}]');
  expect(problem).toMatch(/tasks\.json is not valid UTF-8 \(first bad byte at offset 23/);
  expect(problem).toMatch(/export writes the file as UTF-8/);
});

test('UTF-16 with a BOM is read, and said to be exported as UTF-8', () => {
  const s = '[{"data": {}}]';
  const bytes = new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);
  const { text, problem } = decodeText(bytes, 'x.json');
  expect(text.replace(/^\uFEFF/, '')).toBe(s);
  expect(problem).toMatch(/UTF-16/);
});

test('the first bad byte is found exactly, in small random bytes and around the 64 KB chunks of a big file', () => {
  const fatal = (b: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };
  const offsetOf = (problem: string | undefined) => Number(/first bad byte at offset (\d+)/.exec(problem ?? '')?.[1]);
  let seed = 3;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  // Bytes from valid characters of every length, with now and then a byte that breaks one.
  const pieces = [utf8('a'), utf8('é'), utf8('€'), utf8('😀'), [0xe9], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80]];
  for (let round = 0; round < 400; round++) {
    const out: number[] = [];
    const n = 1 + rand(20);
    for (let k = 0; k < n; k++) out.push(...(rand(6) === 0 ? pieces[4 + rand(5)] : pieces[rand(4)]));
    const bytes = new Uint8Array(out);
    const { problem } = decodeText(bytes, 'x.json');
    if (fatal(bytes)) {
      expect(problem).toBeUndefined();
      continue;
    }
    const at = offsetOf(problem);
    // Everything before it decodes; nothing longer than it does.
    expect(fatal(bytes.subarray(0, at))).toBe(true);
    expect(fatal(bytes.subarray(0, at + 1))).toBe(false);
  }
  // A big file: a bad byte just before, at and after a chunk's start, and a character split by the chunks.
  for (const where of [65533, 65534, 65535, 65536, 65537, 4 * 65536 + 1]) {
    const bytes = new Uint8Array(300_000).fill(0x61);
    bytes.set(utf8('€'), 65535); // e2 82 ac across the first chunk's end
    bytes[where] = 0xe9;
    const { problem } = decodeText(bytes, 'big.json');
    // (0xe9 at 65535 makes e9 82 ac, a valid character.)
    if (fatal(bytes)) {
      expect(problem).toBeUndefined();
      continue;
    }
    const at = offsetOf(problem);
    expect(at).toBeLessThanOrEqual(where);
    expect(fatal(bytes.subarray(0, at))).toBe(true);
    expect(fatal(bytes.subarray(0, at + 1))).toBe(false);
  }
  expect(decodeText(new Uint8Array(200_000).fill(0x61), 'ok.json').problem).toBeUndefined();
});
