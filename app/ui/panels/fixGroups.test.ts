import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core';
import { sameFix } from '../../store/commands';
import { likeCount } from './fixGroups';

const finding = (rule: string, title: string | null, task = 0): Finding => ({
  rule,
  severity: 'error',
  source: 'tasks',
  task,
  prediction: 0,
  result: 0,
  line: 1,
  column: 1,
  offset: 0,
  message: rule,
  ...(title === null ? {} : { fix: { title, edits: [{ task, path: ['x'], value: 1 }] } }),
});

describe('likeCount', () => {
  it('counts what sameFix counts, for every finding', () => {
    const rules = ['unknown-label', 'unknown-from-name', 'pixel-units'];
    const titles = ['Replace "car" with "Car"', 'Rename to "label"', null];
    const findings: Finding[] = [];
    for (let i = 0; i < 200; i++) findings.push(finding(rules[(i * 7) % 3], titles[(i * 5) % 3], i));
    for (const f of findings) expect(likeCount(findings, f)).toBe(f.fix ? findings.filter((g) => sameFix(g, f)).length : 0);
  });

  it('is computed once per findings array, and again for a new one', () => {
    const a = [finding('r', 't'), finding('r', 't')];
    expect(likeCount(a, a[0])).toBe(2);
    const b = [...a, finding('r', 't')];
    expect(likeCount(b, a[0])).toBe(3);
    expect(likeCount(a, a[0])).toBe(2);
  });

  it('takes a rule and a title that merely concatenate alike as different fixes', () => {
    const fs = [finding('a', 'bc'), finding('ab', 'c')];
    expect(likeCount(fs, fs[0])).toBe(1);
  });
});
