// The action registry: one binding per key, Label Studio's hotkey assignment, key spellings, pure performs.

import { beforeEach, expect, test } from 'vitest';
import { parseConfig } from '../core';
import { predictionView } from '../core/preview';
import { guideExamples } from '../testing/shared';
import { ACTIONS, action, configHotkeys, eventCombo, hotkeyOutcome, keyTable, normalizeCombo, type Action } from './actions';
import { currentTask, useStore } from './store';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));
const regionsNow = () => {
  const s = useStore.getState();
  return predictionView(s.project.goodConfig, currentTask(s), s.taskIndex, s.predictionIndex, s.project.findings).regions;
};
const cx = () => ({ state: useStore.getState(), regions: regionsNow() });

beforeEach(() => useStore.getState().loadProject(examples.bbox.config, examples.bbox.tasks, {}));

/** Key combinations claimed by more than one action (all actions' keys share the page's one scope). */
function clashes(actions: Action[]): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const a of actions)
    for (const k of a.keys) {
      const c = normalizeCombo(k);
      const had = seen.get(c);
      if (had && had !== a.id) out.push(`${k}: ${had} and ${a.id}`);
      seen.set(c, a.id);
    }
  return out;
}

test('no two actions claim one key', () => {
  expect(clashes(ACTIONS)).toEqual([]);
  // The check sees a clash when there is one.
  expect(clashes([...ACTIONS, { ...action('region.unselect'), id: 'other', keys: ['u'] }])).toEqual(['u: region.unselect and other']);
  // And the table binds every key of every action (nothing gives way without a config).
  expect(keyTable(null).shadowed).toEqual([]);
});

test("Label Studio's keys are bound: Alt+. and Alt+, cycle, u, Escape, Backspace and Delete, Ctrl+D, Alt+H, Ctrl+H, Ctrl+Enter; Tab is not", () => {
  const b = keyTable(null).bindings;
  const id = (k: string) => { const x = b.get(normalizeCombo(k)); return x?.kind === 'action' ? x.action.id : null; };
  expect([id('Alt+.'), id('Alt+,'), id('u'), id('Escape'), id('Backspace'), id('Delete'), id('Ctrl+D'), id('Alt+H'), id('Ctrl+H'), id('Ctrl+Enter')]).toEqual([
    'region.next', 'region.previous', 'region.unselect', 'region.exit', 'region.delete', 'region.delete', 'region.duplicate', 'region.hide', 'region.hideAll', 'region.accept',
  ]);
  expect(id('Tab')).toBeNull();
  expect(id('Shift+Tab')).toBeNull();
});

test('key events are read as the combinations are spelled (Option+. on a Mac types "≥"; "?" needs Shift)', () => {
  const ev = (key: string, code: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  expect(eventCombo(ev('≥', 'Period', { altKey: true }))).toBe(normalizeCombo('Alt+.'));
  expect(eventCombo(ev('.', 'Period', { altKey: true }))).toBe('Alt+.');
  expect(eventCombo(ev('?', 'Slash', { shiftKey: true }))).toBe('?');
  expect(eventCombo(ev('Z', 'KeyZ', { metaKey: true, shiftKey: true }))).toBe(normalizeCombo('Ctrl+Shift+Z'));
  expect(eventCombo(ev('A', 'KeyA', { shiftKey: true }))).toBe(normalizeCombo('shift+a'));
  expect(eventCombo(ev('Enter', 'Enter', { ctrlKey: true }))).toBe(normalizeCombo('ctrl+enter'));
  expect(normalizeCombo('command+1')).toBe('Ctrl+1');
});

const labels = (n: number, extra = '') => `<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image">${Array.from({ length: n }, (_, i) => `<Label value="L${i}"${i === 2 ? extra : ''}/>`).join('')}</RectangleLabels><Choices name="c" toName="image"><Choice value="yes"/><Choice value="no" hotkey="n"/></Choices></View>`;

test("labels without a hotkey get Label Studio's keys in config order, after the config's own", () => {
  const hk = configHotkeys(parseConfig(labels(4, ' hotkey="1"')));
  const of = (v: string) => hk.filter((h) => h.option.value === v).map((h) => h.combo);
  // L2 has "1": the others take 2, 3, 4, ... in order, across controls (the choice "yes" comes after L3).
  expect([of('L0'), of('L1'), of('L2'), of('L3'), of('yes'), of('no')]).toEqual([['2'], ['3'], ['1'], ['4'], ['5'], ['n']]);
  // Past 1..9 and 0, Label Studio goes on with q, w, e, t (not r).
  const many = configHotkeys(parseConfig(labels(14)));
  expect(many.filter((h) => h.assigned).slice(9, 14).map((h) => h.combo)).toEqual(['0', 'q', 'w', 'e', 't']);
});

test("a config hotkey takes prelabel's own letter keys, never Label Studio's", () => {
  // 15 labels: the 15th gets "a" (Label Studio's sequence), which was prelabel's Accept.
  const t = keyTable(parseConfig(labels(15)));
  const a = t.bindings.get('a');
  expect(a?.kind === 'hotkey' && a.hotkey.option.value).toBe('L14');
  expect(t.shadowed.map((s) => (s.binding.kind === 'action' ? `${s.binding.action.id} ${s.binding.keys}` : ''))).toEqual(['region.accept A']);
  expect(t.bindings.get(normalizeCombo('Ctrl+Enter'))?.kind).toBe('action');
});

test('a label hotkey labels the selected region; the same label again is no edit', () => {
  const [r1] = regionsNow();
  useStore.getState().selectRegion(r1.key);
  const hk = configHotkeys(useStore.getState().project.goodConfig);
  const other = hk.find((h) => h.control.tag === 'RectangleLabels' && !r1.labels.includes(h.option.value))!;
  const out = hotkeyOutcome(cx(), other);
  expect(typeof out === 'object' && out.edits?.[0].value).toEqual([other.option.value]);
  const same = hk.find((h) => h.option.value === r1.labels[0])!;
  const again = hotkeyOutcome(cx(), same);
  expect(typeof again === 'object' && again.edits).toBeUndefined();
});

test('perform is pure: it returns edits and leaves the store as it was; a readonly region is refused with the reason', () => {
  const [r1] = regionsNow();
  const before = useStore.getState().project.tasksText;
  const out = action('region.delete').perform(cx(), { region: r1.key });
  expect(out.edits?.length).toBeGreaterThan(0);
  expect(useStore.getState().project.tasksText).toBe(before);
  useStore.getState().toggleFlag(r1, 'readonly');
  const locked = regionsNow()[0];
  expect(action('region.delete').enabled(cx(), { region: locked.key })).toMatch(/readonly: unlock it/);
  expect(action('region.nudge').enabled(cx(), { region: locked.key })).toMatch(/readonly/);
  // Duplicating and unlocking stay possible.
  expect(action('region.duplicate').enabled(cx(), { region: locked.key })).toBe(true);
  expect(action('region.lock').enabled(cx(), { region: locked.key })).toBe(true);
});

test('a nudge writes only the coordinate that moves (the other keeps the digits the file has)', () => {
  const [r1] = regionsNow();
  const right = action('region.nudge').perform(cx(), { region: r1.key, combo: 'ArrowRight' });
  expect(right.edits?.map((e) => e.path.at(-1))).toEqual(['x']);
  expect(right.edits?.[0].value).toBeCloseTo(Number(r1.value.x) + 0.1, 6);
  const down = action('region.nudge').perform(cx(), { region: r1.key, combo: 'Shift+ArrowDown' });
  expect(down.edits?.map((e) => e.path.at(-1))).toEqual(['y']);
  expect(down.edits?.[0].value).toBeCloseTo(Number(r1.value.y) + 1, 6);
});

test('Escape leaves the tool first, then unselects', () => {
  useStore.getState().selectRegion(regionsNow()[0].key);
  expect(action('region.exit').perform({ ...cx(), toolActive: true }, {})).toEqual({ ui: 'leaveTool' });
  expect(action('region.exit').perform(cx(), {})).toEqual({ select: null });
});

test('lock then unlock gives back the text as it was (the readonly key it added is removed, not set to false)', () => {
  const before = useStore.getState().project.tasksText;
  useStore.getState().toggleFlag(regionsNow()[0], 'readonly');
  expect(useStore.getState().project.tasksText).toContain('"readonly": true');
  useStore.getState().toggleFlag(regionsNow()[0], 'readonly');
  expect(useStore.getState().project.tasksText).toBe(before);
  // Relabelling to the label it has is no change (no undo step).
  const steps = useStore.getState().past.length;
  const r = regionsNow()[0];
  useStore.getState().setLabels(r, [...r.labels]);
  expect(useStore.getState().past.length).toBe(steps);
});
