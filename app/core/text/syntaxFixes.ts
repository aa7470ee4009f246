// Fixes for JSON that does not parse, as text changes (a document that does not parse has no paths to
// edit): the trailing comma before a closing bracket, the most common hand-edit slip.

import type { TextChange } from './changes';

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * The change removing a trailing comma, when the error at `offset` is a closing bracket right after one
 * (whitespace between allowed); else null.
 */
export function trailingCommaFix(text: string, offset: number): TextChange | null {
  const c = text[offset];
  if (c !== '}' && c !== ']') return null;
  let i = offset - 1;
  while (i >= 0 && isWs(text[i])) i--;
  return i >= 0 && text[i] === ',' ? { from: i, to: i + 1, insert: '' } : null;
}
