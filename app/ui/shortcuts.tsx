// Every keyboard shortcut in one place, as data: the keys a person reads in the help panel, the test on
// the key event, and the command it runs. The help panel (?, ./ShortcutsHelp, loaded on demand) is generated
// from this list.

import { useEffect } from 'react';
import type { RegionView } from '../core/preview';
import { labellingControlName } from '../store/commands';
import { currentTask, useStore, type AppState } from '../store/store';

export interface ShortcutContext {
  state: AppState;
  /** Regions of the current prediction, as listed (score threshold applied). */
  regions: RegionView[];
  selected: RegionView | undefined;
  undo(): void;
  redo(): void;
  toggleHelp(open?: boolean): void;
  /** True when nothing has the keyboard focus (Tab then walks the regions). */
  bodyFocused: boolean;
}

export interface Shortcut {
  keys: string;
  doc: string;
  test(e: KeyboardEvent, mod: boolean): boolean;
  /** Runs the command; returns false when it did not apply (the key keeps its usual meaning). */
  run(cx: ShortcutContext, e: KeyboardEvent): boolean;
}

const key = (e: KeyboardEvent) => e.key.toLowerCase();

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+Z', doc: 'Undo', test: (e, mod) => mod && key(e) === 'z' && !e.shiftKey, run: (cx) => (cx.undo(), true) },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', doc: 'Redo', test: (e, mod) => mod && ((key(e) === 'z' && e.shiftKey) || key(e) === 'y'), run: (cx) => (cx.redo(), true) },
  {
    keys: 'Tab, Shift+Tab',
    doc: 'Select the next / previous region',
    test: (e) => e.key === 'Tab',
    run: (cx, e) => {
      if (!cx.regions.length || !cx.bodyFocused) return false;
      const i = cx.regions.findIndex((r) => r.key === cx.state.selected);
      const n = cx.regions.length;
      const next = i === -1 ? (e.shiftKey ? n - 1 : 0) : (i + (e.shiftKey ? -1 : 1) + n) % n;
      cx.state.selectRegion(cx.regions[next].key);
      return true;
    },
  },
  {
    keys: '1 … 9',
    doc: "Give the selected region the control's n-th label (multi-label controls: toggle it)",
    test: (e, mod) => !mod && /^[1-9]$/.test(e.key),
    run: (cx, e) => {
      const region = cx.selected;
      const name = region && labellingControlName(currentTask(cx.state), cx.state.predictionIndex, region, cx.state.project.goodConfig);
      const control = name ? cx.state.project.goodConfig?.controls.get(name) : undefined;
      const label = control?.options[Number(e.key) - 1];
      if (!region || !control || !label) return false;
      const has = region.labels.includes(label.value);
      cx.state.setLabels(region, control.choice === 'multiple' ? (has ? region.labels.filter((l) => l !== label.value) : [...region.labels, label.value]) : [label.value]);
      return true;
    },
  },
  {
    keys: 'Arrow keys',
    doc: 'Nudge the selected shape by 0.1% of the image (Shift: 1%)',
    test: (e) => e.key.startsWith('Arrow'),
    run: (cx, e) => {
      const region = cx.selected;
      if (!region || !['rectangle', 'ellipse', 'keypoint'].includes(region.kind)) return false;
      const step = e.shiftKey ? 1 : 0.1;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      cx.state.moveRegion(region, { x: Number(region.value.x) + dx, y: Number(region.value.y) + dy }, 'Nudge');
      return true;
    },
  },
  { keys: 'Delete, Backspace', doc: 'Delete the selected region (not when readonly)', test: (e) => e.key === 'Delete' || e.key === 'Backspace', run: (cx) => !!cx.selected && (cx.state.deleteRegion(cx.selected), true) },
  { keys: 'Ctrl+D', doc: 'Duplicate the selected region', test: (e, mod) => mod && key(e) === 'd', run: (cx) => !!cx.selected && (cx.state.duplicateRegion(cx.selected), true) },
  { keys: 'A', doc: 'Accept the selected region and go to the next', test: (e, mod) => !mod && e.key === 'a', run: (cx) => !!cx.selected && (cx.state.review(cx.regions, cx.selected, 'accept'), true) },
  { keys: 'R', doc: 'Reject the selected region (delete it) and go to the next', test: (e, mod) => !mod && e.key === 'r', run: (cx) => !!cx.selected && (cx.state.review(cx.regions, cx.selected, 'reject'), true) },
  { keys: 'L', doc: 'Lock or unlock the selected region (readonly)', test: (e, mod) => !mod && e.key === 'l', run: (cx) => !!cx.selected && (cx.state.toggleFlag(cx.selected, 'readonly'), true) },
  { keys: 'H', doc: 'Hide or unhide the selected region (hidden)', test: (e, mod) => !mod && e.key === 'h', run: (cx) => !!cx.selected && (cx.state.toggleFlag(cx.selected, 'hidden'), true) },
  { keys: 'Escape', doc: 'Clear the selection and stop drawing; close this panel', test: (e) => e.key === 'Escape', run: (cx) => (cx.toggleHelp(false), cx.state.selectRegion(null), true) },
  { keys: '?', doc: 'Show or hide this list', test: (e) => e.key === '?', run: (cx) => (cx.toggleHelp(), true) },
];

/** Shortcuts outside the editors (the editors route their own undo keys to the same commands). */
export function useShortcuts(regions: RegionView[], undo: () => void, redo: () => void, toggleHelp: (open?: boolean) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Events sent to the window or the document count as typed on the page itself.
      const target = e.target instanceof Element ? e.target : document.body;
      // Keys typed into a text field or an editor are theirs; checkboxes and buttons do not take keys.
      if (target.closest('.cm-editor, select, textarea') || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))) return;
      const mod = e.ctrlKey || e.metaKey;
      const shortcut = SHORTCUTS.find((s) => s.test(e, mod));
      if (!shortcut) return;
      const state = useStore.getState();
      const cx: ShortcutContext = { state, regions, selected: regions.find((r) => r.key === state.selected), undo, redo, toggleHelp, bodyFocused: target === document.body };
      if (shortcut.run(cx, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [regions, undo, redo, toggleHelp]);
}
