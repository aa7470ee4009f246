// Round trip over the corpus through the store: load, export unchanged = the input; one edit through a
// command changes that value and nothing else.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sharedPath } from '../testing/shared';
import { useStore } from './store';

const root = sharedPath('corpus/editor-examples');
const cases = readdirSync(root)
  .filter((ex) => existsSync(`${root}/${ex}/tasks.json`) && existsSync(`${root}/${ex}/config.xml`))
  .map((ex) => [ex]);

/** A small deterministic PRNG: the "random" edit is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe.each(cases)('%s', (ex) => {
  const config = readFileSync(`${root}/${ex}/config.xml`, 'utf8');
  const text = readFileSync(`${root}/${ex}/tasks.json`, 'utf8');

  test('export without edits gives the input back, byte for byte', () => {
    useStore.getState().loadProject(config, text, {});
    expect(useStore.getState().exportText('predictions')).toBe(text);
  });

  test('one edit changes that value only; undo restores the input', () => {
    useStore.getState().loadProject(config, text, {});
    const tasks = JSON.parse(text);
    const list = Array.isArray(tasks) ? tasks : [tasks];
    const random = rng(ex.length * 7919);
    const t = Math.floor(random() * list.length);
    const path = ['prelabel_checked'];
    expect(useStore.getState().applyEdits([{ task: t, path, value: { at: t } }], 'Mark')).toBe(true);
    const out = JSON.parse(useStore.getState().exportText('predictions'));
    const outList = Array.isArray(out) ? out : [out];
    expect(outList).toHaveLength(list.length);
    outList.forEach((task: Record<string, unknown>, i: number) => {
      if (i !== t) expect(task).toEqual(list[i]);
      else expect(task).toEqual({ ...list[i], prelabel_checked: { at: t } });
    });
    useStore.getState().undo();
    expect(useStore.getState().exportText('predictions')).toBe(text);
  });
});
