import { expect, test } from 'vitest';
import { CodePointText } from './codepoints';

test('code point offsets, as Label Studio and Python count them', () => {
  const t = new CodePointText('a👋b😀c');
  expect(t.length).toBe(5);
  expect(t.slice(1, 3)).toBe('👋b');
  expect(t.toUtf16(2)).toBe(3);
  expect(t.fromUtf16(3)).toBe(2);
  expect(t.fromUtf16(4)).toBe(3);
});

test('plain BMP text maps one to one, and \\r\\n counts two', () => {
  const t = new CodePointText('ab\r\ncd');
  expect(t.hasAstral).toBe(false);
  expect(t.length).toBe(6);
  expect(t.slice(4, 6)).toBe('cd');
});
