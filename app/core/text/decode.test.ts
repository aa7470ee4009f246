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
