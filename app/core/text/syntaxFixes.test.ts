// The trailing-comma fix: found from the error's offset, and the text then parses.
import { expect, test } from 'vitest';
import { applyChanges } from './changes';
import { parseTasks } from '../tasks/parse';
import { trailingCommaFix } from './syntaxFixes';

test('a trailing comma before } or ] is removed, whitespace and line breaks between kept; the text then parses', () => {
  for (const text of ['[{"data": {"a": 1,}}]', '[{"data": {"a": [1, 2,\n  ]}}]', '[\n  {"data": {}},\r\n]']) {
    // The parser's finding points at the closing bracket.
    const f = parseTasks(text).syntax.find((x) => x.rule === 'json-syntax')!;
    expect(f.message).toMatch(/Trailing comma/);
    const fix = trailingCommaFix(text, f.offset);
    expect(fix).not.toBeNull();
    const fixed = applyChanges(text, [fix!]);
    expect(() => JSON.parse(fixed)).not.toThrow();
    expect(fixed.length).toBe(text.length - 1);
  }
  expect(trailingCommaFix('[1, 2]', 5)).toBeNull();
  expect(trailingCommaFix('{"a": 1}', 3)).toBeNull();
});
