// A text in pieces reads and changes exactly as the string it stands for.

import { afterAll, describe, expect, test } from 'vitest';
import { applyChanges, type TextChange } from './changes';
import { PIECES, PieceText } from './pieces';

const saved = { ...PIECES };
PIECES.length = 8;
afterAll(() => Object.assign(PIECES, saved));

/** mulberry32, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChanges(length: number, rand: () => number): TextChange[] {
  const out: TextChange[] = [];
  let at = 0;
  while (at <= length && out.length < 6) {
    const from = at + Math.floor(rand() * Math.min(30, length - at + 1));
    if (from > length) break;
    const to = Math.min(length, from + Math.floor(rand() * (rand() < 0.2 ? 40 : 4)));
    out.push({ from, to, insert: 'xyz0123456789'.slice(0, Math.floor(rand() * (rand() < 0.2 ? 13 : 3))) });
    at = to + (rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 10));
  }
  return out;
}

function expectSame(p: PieceText, s: string) {
  expect(p.length).toBe(s.length);
  expect(p.toString()).toBe(s);
  for (let i = -1; i <= s.length; i++) expect(Number.isNaN(p.charCodeAt(i)) ? NaN : p.charCodeAt(i)).toBe(Number.isNaN(s.charCodeAt(i)) ? NaN : s.charCodeAt(i));
  for (let a = 0; a <= s.length; a += 3) for (let b = a; b <= s.length; b += 5) expect(p.slice(a, b)).toBe(s.slice(a, b));
}

describe('PieceText', () => {
  test('cut from a string, it reads as the string', () => {
    const s = 'abcdefghijklmnopqrstuvwxyz'.repeat(3);
    const p = PieceText.from(s);
    expect(p.pieceCount).toBe(Math.ceil(s.length / 8));
    expectSame(p, s);
  });

  test('random changes, applied again and again, give what applying them to the string gives', () => {
    const rand = rng(5);
    let s = 'The quick brown fox jumps over the lazy dog. '.repeat(4);
    let p = PieceText.from(s);
    for (let step = 0; step < 300; step++) {
      const changes = randomChanges(s.length, rand);
      s = applyChanges(s, changes);
      p = p.apply(changes);
      expectSame(p, s);
    }
  });

  test('changes at piece boundaries, at both ends, and emptying it', () => {
    const s = '0123456789abcdefghij'; // pieces 01234567 89abcdef ghij
    const p = PieceText.from(s);
    const cases: TextChange[][] = [
      [{ from: 8, to: 8, insert: 'X' }],
      [{ from: 0, to: 0, insert: 'X' }, { from: 20, to: 20, insert: 'Y' }],
      [{ from: 7, to: 9, insert: '' }, { from: 16, to: 16, insert: 'Z' }],
      [{ from: 0, to: 20, insert: '' }],
      [{ from: 4, to: 12, insert: 'long insert that is more than two pieces long' }],
    ];
    for (const cs of cases) expectSame(p.apply(cs), applyChanges(s, cs));
    const empty = p.apply([{ from: 0, to: 20, insert: '' }]);
    expectSame(empty.apply([{ from: 0, to: 0, insert: 'again' }]), 'again');
  });

  test('an edit keeps the pieces it does not touch (the same strings)', () => {
    const s = 'x'.repeat(80);
    const p = PieceText.from(s);
    const q = p.apply([{ from: 41, to: 42, insert: 'yy' }]);
    expect(q.pieceCount).toBe(p.pieceCount);
    expect(q.slice(0, 40)).toBe(s.slice(0, 40));
    expect(q.slice(40, 49)).toBe('xyyxxxxxxx'.slice(0, 9));
  });
});
