// The incremental update's tests again, with tasks patched result by result and their texts kept in pieces
// from 300 characters on, cut every 97 characters: every corpus task edited comes out in pieces, boundaries
// falling inside keys, numbers and strings, so each reader of a task's text (locate, edits, patches,
// inverses, line index) meets pieces.

import { expect, test } from 'vitest';
import { PIECES, PieceText } from '../text/pieces';
import { editChanges } from '../textEdits';
import { parseTasks, textPieces } from './parse';
import { PATCH, updateTasks } from './update';

PIECES.length = 97;
PIECES.above = 300;
PATCH.above = 300;
await import('./update.test');

test('with these sizes, an edited task of a corpus-sized file is kept in pieces', () => {
  const text = JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ result: Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, value: { x: i } })) }] }], null, 2);
  const doc = parseTasks(text);
  const next = updateTasks(doc, editChanges(doc, [{ task: 0, path: ['predictions', 0, 'result', 3, 'value', 'x'], value: 42 }])).doc;
  const t = next.taskTexts[0];
  expect(t).toBeInstanceOf(PieceText);
  expect((t as PieceText).pieceCount).toBeGreaterThan(5);
  expect(next.text).toBe(text.replace('"x": 3\n', '"x": 42\n'));
  // Saved as parts (the session's base): they join to the text, pieces and gaps alike.
  expect(textPieces(next).join('')).toBe(next.text);
  expect(textPieces(parseTasks(` ${text}\n`)).join('')).toBe(` ${text}\n`);
  expect(textPieces(parseTasks('[{"a": 1},')).join('')).toBe('[{"a": 1},');
});
