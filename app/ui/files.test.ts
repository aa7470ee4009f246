// Opening files: recognised by content; their text as the bytes say (a BOM kept, non-UTF-8 reported).

import { expect, test } from 'vitest';
import { sortFiles } from './files';

test('a tasks file starting with a UTF-8 BOM keeps it in its text (export gives it back)', async () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[{"data": {}}]')]);
  const sorted = await sortFiles([new File([bytes], 'tasks.json')]);
  expect(sorted.tasks?.text.charCodeAt(0)).toBe(0xfeff);
  expect(sorted.problems).toEqual([]);
});

test('a tasks file that is not valid UTF-8 is opened, with a problem saying so', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('[{"data": {"t": "caf'), 0xe9, ...new TextEncoder().encode('"}}]')]);
  const sorted = await sortFiles([new File([bytes], 'latin1.json')]);
  expect(sorted.tasks?.text).toContain('caf\uFFFD');
  expect(sorted.problems).toEqual([expect.stringMatching(/^latin1\.json is not valid UTF-8/)]);
});
