// Every user action as one registered object (Excalidraw's actions): its id, label, keys, when it applies
// (`enabled`, where the readonly rule lives once) and a pure `perform` returning what to change. Buttons,
// shortcuts, the `?` panel and the tests all read this list; the config's own label hotkeys join it as
// Label Studio assigns them.

import type { ConfigModel, ControlTag, JsonEdit, LabelOption } from '../core';
import type { ClassificationView, RegionView } from '../core/preview';
import { addResultsEdits, deleteRegionEdits, duplicateResults, flagEdits, geometryEdits, labelEdits, labellingControlName, newRegionId, type GeometryPatch } from './commands';
import type { AppState, ViewTransform } from './store';

/** What an action runs against: the store's state and the regions as listed (score threshold applied). */
export interface ActionContext {
  state: AppState;
  regions: RegionView[];
  /** Classification answers of the current prediction (for choice hotkeys). */
  classifications?: ClassificationView[];
  /** A drawing or brush tool is on (Escape leaves it first). */
  toolActive?: boolean;
}

export interface ActionArgs {
  /** The region acted on, by key; the selected region when absent. */
  region?: string;
  /** The key combination that ran the action (a nudge reads its direction from it). */
  combo?: string;
  patch?: GeometryPatch;
  title?: string;
  labels?: string[];
  /** Canvas actions: the view and the canvas size. */
  view?: ViewTransform;
  width?: number;
  height?: number;
}

/** What to change. Edits are applied as one undo step; the rest alongside them. */
export interface Outcome {
  edits?: JsonEdit[];
  title?: string;
  /** The region to select afterwards (null: none). */
  select?: string | null;
  notice?: string;
  view?: ViewTransform | null;
  /** Effects the page carries out (its history, which first flushes what is being typed; its panels). */
  ui?: 'undo' | 'redo' | 'toggleHelp' | 'leaveTool';
}

/**
 * Whether an action applies: true; false when it does not apply here (a key then keeps its usual meaning);
 * or the reason it is refused, which the person is told.
 */
export type Enabled = true | false | string;

export interface Action {
  id: string;
  /** The button text (it may depend on the target: Lock / Unlock). */
  label: string | ((cx: ActionContext, args: ActionArgs) => string);
  /** What it does, for the `?` panel and button titles. */
  doc: string;
  /** Key combinations as a person reads them ("Ctrl+Z", "Alt+.", "?"). Ctrl is Cmd on a Mac. */
  keys: string[];
  /** Label Studio's own keys win over the config's label hotkeys; prelabel's extra keys give way to them. */
  origin: 'label-studio' | 'prelabel';
  enabled(cx: ActionContext, args: ActionArgs): Enabled;
  perform(cx: ActionContext, args: ActionArgs): Outcome;
}

// ---- Keys ------------------------------------------------------------------------------------------

const NAMED: Record<string, string> = { esc: 'Escape', escape: 'Escape', enter: 'Enter', return: 'Enter', space: 'Space', ' ': 'Space', backspace: 'Backspace', delete: 'Delete', del: 'Delete', tab: 'Tab', up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight', arrowup: 'ArrowUp', arrowdown: 'ArrowDown', arrowleft: 'ArrowLeft', arrowright: 'ArrowRight' };
const MODS: Record<string, 'Ctrl' | 'Alt' | 'Shift'> = { ctrl: 'Ctrl', control: 'Ctrl', cmd: 'Ctrl', command: 'Ctrl', meta: 'Ctrl', '⌘': 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift' };

/** One canonical spelling of a key: named keys capitalised, characters lower-cased. */
function keyName(k: string): string {
  const named = NAMED[k.toLowerCase()];
  if (named) return named;
  return k.length === 1 ? k.toLowerCase() : k;
}

/** Shift is part of a combination for letters and named keys; for "?" or "!" it is how the character is typed. */
const shiftCounts = (key: string) => key.length > 1 || /^[a-z]$/.test(key);

function combo(ctrl: boolean, alt: boolean, shift: boolean, key: string): string {
  return [ctrl && 'Ctrl', alt && 'Alt', shift && shiftCounts(key) && 'Shift', key].filter(Boolean).join('+');
}

/** The canonical combination of a spelled one: "Ctrl+Shift+Z" -> "Ctrl+Shift+z", "shift+a" -> "Shift+a", "alt+." -> "Alt+.". */
export function normalizeCombo(spec: string): string {
  const s = spec.trim();
  // "+" itself, or a combination ending in it ("ctrl++").
  const parts = s === '+' ? ['+'] : s.endsWith('++') ? [...s.slice(0, -2).split('+'), '+'] : s.split('+');
  const key = keyName(parts[parts.length - 1]);
  const mods = new Set(parts.slice(0, -1).map((m) => MODS[m.trim().toLowerCase()]).filter(Boolean));
  return combo(mods.has('Ctrl'), mods.has('Alt'), mods.has('Shift'), key);
}

const CODE_KEYS: Record<string, string> = { Period: '.', Comma: ',', Slash: '/', Minus: '-', Equal: '=' };

/** The combination of a key event, spelled as normalizeCombo spells it. */
export function eventCombo(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  let key = e.key;
  // With Alt (Option on a Mac) the character typed is another one (Option+. is "≥"): read the key itself.
  if (e.altKey) {
    if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
    else if (/^Digit\d$/.test(e.code)) key = e.code.slice(5);
    else if (CODE_KEYS[e.code]) key = CODE_KEYS[e.code];
  }
  return combo(e.ctrlKey || e.metaKey, e.altKey, e.shiftKey, keyName(key));
}

// ---- The config's hotkeys, as Label Studio assigns them -------------------------------------------

/** Keys Label Studio gives, in this order, to labels and choices without a hotkey (its Hotkey.makeComb). */
const DEFAULT_HOTKEYS = '1234567890qwetasdfgzxcvbyiopjklnm';

export interface ConfigHotkey {
  combo: string;
  /** As written in the config, or the key assigned. */
  keys: string;
  control: ControlTag;
  option: LabelOption;
  assigned: boolean;
}

/** Controls whose options take hotkeys in Label Studio: every *Labels and Choices (not Taxonomy's tree). */
const takesHotkeys = (c: ControlTag) => c.tag === 'Choices' || c.tag.endsWith('Labels');

/**
 * Every label's and choice's hotkey: the config's own (`hotkey="c"`, keymaster spelling, "a,b" for two),
 * then, in config order, the next free key of Label Studio's sequence for each option without one.
 */
export function configHotkeys(config: ConfigModel | null | undefined): ConfigHotkey[] {
  if (!config?.ok) return [];
  const out: ConfigHotkey[] = [];
  const taken = new Set<string>();
  const controls = [...config.controls.values()].filter(takesHotkeys);
  for (const control of controls)
    for (const option of control.options)
      for (const k of (option.hotkey ?? '').split(',').filter((x) => x.trim())) {
        const c = normalizeCombo(k);
        taken.add(c);
        out.push({ combo: c, keys: k.trim(), control, option, assigned: false });
      }
  let next = 0;
  for (const control of controls)
    for (const option of control.options) {
      if (option.hotkey) continue;
      while (next < DEFAULT_HOTKEYS.length && taken.has(DEFAULT_HOTKEYS[next])) next++;
      if (next >= DEFAULT_HOTKEYS.length) return out;
      const k = DEFAULT_HOTKEYS[next++];
      taken.add(k);
      out.push({ combo: k, keys: k, control, option, assigned: true });
    }
  return out;
}

// ---- The actions ---------------------------------------------------------------------------------

const nameOf = (r: RegionView) => r.id ?? r.key;

/** The region acted on: the one named by key, else the selected one. */
export function targetOf(cx: ActionContext, args: ActionArgs): RegionView | undefined {
  const key = args.region ?? cx.state.selected;
  return key ? cx.regions.find((r) => r.key === key) : undefined;
}

/** The one readonly rule: a locked region (or one Label Studio drops) is not changed, and this says why. */
export function refusal(region: RegionView, verb: string): string | null {
  if (region.readonly) return `Region ${nameOf(region)} is readonly: unlock it to ${verb} it.`;
  return null;
}

const onRegion =
  (verb: string, editable = true) =>
  (cx: ActionContext, args: ActionArgs): Enabled => {
    const r = targetOf(cx, args);
    if (!r) return false;
    return (editable && refusal(r, verb)) || true;
  };

const where = (cx: ActionContext) => ({ t: cx.state.taskIndex, p: cx.state.predictionIndex, task: cx.state.project.goodDoc?.tasks[cx.state.taskIndex] });

const MOVABLE = new Set(['rectangle', 'ellipse', 'keypoint']);
const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function cycle(cx: ActionContext, step: 1 | -1): Outcome {
  const n = cx.regions.length;
  const i = cx.regions.findIndex((r) => r.key === cx.state.selected);
  const next = i === -1 ? (step === 1 ? 0 : n - 1) : (i + step + n) % n;
  return { select: cx.regions[next].key };
}

function zoom(args: ActionArgs, factor: number): Outcome {
  const v = args.view!;
  const cx = (args.width ?? 0) / 2;
  const cy = (args.height ?? 0) / 2;
  // The point at the canvas centre stays put.
  return { view: { scale: v.scale * factor, x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor } };
}

function flagToggle(flag: 'readonly' | 'hidden'): Action['perform'] {
  return (cx, args) => {
    const r = targetOf(cx, args)!;
    const { t, p, task } = where(cx);
    const on = !r[flag];
    return { edits: flagEdits(task, t, p, r, flag, on), title: `${on ? 'Set' : 'Clear'} ${flag} on ${nameOf(r)}` };
  };
}

export const ACTIONS: Action[] = [
  { id: 'history.undo', label: 'Undo', doc: 'Undo', keys: ['Ctrl+Z'], origin: 'label-studio', enabled: (cx) => cx.state.past.length > 0 || 'Nothing to undo.', perform: () => ({ ui: 'undo' }) },
  { id: 'history.redo', label: 'Redo', doc: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], origin: 'label-studio', enabled: (cx) => cx.state.future.length > 0 || 'Nothing to redo.', perform: () => ({ ui: 'redo' }) },
  { id: 'region.next', label: 'Next region', doc: 'Select the next region', keys: ['Alt+.'], origin: 'label-studio', enabled: (cx) => cx.regions.length > 0, perform: (cx) => cycle(cx, 1) },
  { id: 'region.previous', label: 'Previous region', doc: 'Select the previous region', keys: ['Alt+,'], origin: 'label-studio', enabled: (cx) => cx.regions.length > 0, perform: (cx) => cycle(cx, -1) },
  { id: 'region.unselect', label: 'Unselect', doc: 'Unselect the region', keys: ['U'], origin: 'label-studio', enabled: (cx) => cx.state.selected !== null, perform: () => ({ select: null }) },
  {
    id: 'region.exit',
    label: 'Exit',
    doc: 'Leave the drawing tool; again: unselect the region',
    keys: ['Escape'],
    origin: 'label-studio',
    enabled: (cx) => !!cx.toolActive || cx.state.selected !== null,
    perform: (cx) => (cx.toolActive ? { ui: 'leaveTool' } : { select: null }),
  },
  {
    id: 'region.delete',
    label: 'Delete',
    doc: 'Delete the selected region',
    keys: ['Backspace', 'Delete'],
    origin: 'label-studio',
    enabled: onRegion('delete'),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const { t, p, task } = where(cx);
      return { edits: deleteRegionEdits(task, t, p, r), title: `Delete region ${nameOf(r)}`, select: null };
    },
  },
  {
    id: 'region.duplicate',
    label: 'Duplicate',
    doc: 'Duplicate the selected region',
    keys: ['Ctrl+D'],
    origin: 'label-studio',
    enabled: onRegion('duplicate', false),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const { t, p, task } = where(cx);
      const results = duplicateResults(task, p, r);
      return { edits: addResultsEdits(task, t, p, results), title: `Duplicate region ${nameOf(r)}`, select: String(results[0]?.id ?? '') || null };
    },
  },
  { id: 'region.hide', label: (cx, a) => (targetOf(cx, a)?.hidden ? 'Unhide' : 'Hide'), doc: 'Hide or unhide the selected region (its hidden flag)', keys: ['Alt+H'], origin: 'label-studio', enabled: onRegion('hide', false), perform: flagToggle('hidden') },
  {
    id: 'region.hideAll',
    label: (cx) => (cx.regions.length && cx.regions.every((r) => r.hidden) ? 'Unhide all' : 'Hide all'),
    doc: 'Hide all regions (unhide them when all are hidden)',
    keys: ['Ctrl+H'],
    origin: 'label-studio',
    enabled: (cx) => cx.regions.length > 0,
    perform: (cx) => {
      const { t, p, task } = where(cx);
      const on = !cx.regions.every((r) => r.hidden);
      return { edits: cx.regions.flatMap((r) => flagEdits(task, t, p, r, 'hidden', on)), title: `${on ? 'Set' : 'Clear'} hidden on all regions (${cx.regions.length})` };
    },
  },
  { id: 'region.lock', label: (cx, a) => (targetOf(cx, a)?.readonly ? 'Unlock' : 'Lock'), doc: 'Lock or unlock the selected region (readonly)', keys: ['Alt+L'], origin: 'label-studio', enabled: onRegion('lock', false), perform: flagToggle('readonly') },
  {
    id: 'region.accept',
    label: 'Accept',
    doc: 'Accept the selected region and go to the next',
    keys: ['Ctrl+Enter'],
    origin: 'label-studio',
    enabled: onRegion('accept', false),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const i = cx.regions.findIndex((x) => x.key === r.key);
      return { select: cx.regions[i + 1]?.key ?? null, notice: `Accepted ${nameOf(r)}.` };
    },
  },
  {
    id: 'region.reject',
    label: 'Reject',
    doc: 'Reject the selected region (delete it) and go to the next',
    keys: ['R'],
    origin: 'prelabel',
    enabled: onRegion('reject'),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const { t, p, task } = where(cx);
      const i = cx.regions.findIndex((x) => x.key === r.key);
      return { edits: deleteRegionEdits(task, t, p, r), title: `Delete region ${nameOf(r)}`, select: cx.regions[i + 1]?.key ?? null };
    },
  },
  {
    id: 'region.nudge',
    label: 'Nudge',
    doc: 'Nudge the selected shape by 0.1% of the image (Shift: 1%)',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'],
    origin: 'prelabel',
    enabled: (cx, args) => {
      const r = targetOf(cx, args);
      if (!r || !MOVABLE.has(r.kind)) return false;
      return refusal(r, 'move') || true;
    },
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const combo = args.combo ?? 'ArrowRight';
      const [dx, dy] = NUDGE[combo.replace('Shift+', '')] ?? [0, 0];
      const step = combo.startsWith('Shift+') ? 1 : 0.1;
      const { t, p, task } = where(cx);
      // Only the coordinate that moves is written: the other keeps its digits as the file has them.
      const patch: GeometryPatch = dx ? { x: Number(r.value.x) + dx * step } : { y: Number(r.value.y) + dy * step };
      return { edits: geometryEdits(task, t, p, r, patch), title: `Nudge ${nameOf(r)}` };
    },
  },
  {
    id: 'region.move',
    label: 'Move',
    doc: 'Move, resize or reshape the region (drag it or its handles)',
    keys: [],
    origin: 'prelabel',
    enabled: onRegion('move'),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const { t, p, task } = where(cx);
      return { edits: geometryEdits(task, t, p, r, args.patch ?? {}), title: `${args.title ?? 'Move region'} ${nameOf(r)}` };
    },
  },
  {
    id: 'region.label',
    label: 'Label',
    doc: 'Give the region these labels',
    keys: [],
    origin: 'prelabel',
    enabled: onRegion('relabel'),
    perform: (cx, args) => {
      const r = targetOf(cx, args)!;
      const labels = args.labels ?? [];
      // The same labels again change nothing (no edit, no undo step).
      if (labels.length === r.labels.length && labels.every((l, i) => l === r.labels[i])) return {};
      const { t, p, task } = where(cx);
      return { edits: labelEdits(task, t, p, r, labels), title: `Label ${nameOf(r)} as ${labels.join(', ')}` };
    },
  },
  { id: 'help.toggle', label: '? Shortcuts', doc: 'Show or hide the list of shortcuts', keys: ['?'], origin: 'prelabel', enabled: () => true, perform: () => ({ ui: 'toggleHelp' }) },
  { id: 'view.fit', label: 'Fit', doc: 'Fit the image in the canvas', keys: [], origin: 'prelabel', enabled: () => true, perform: () => ({ view: null }) },
  { id: 'view.zoomIn', label: 'Zoom in', doc: 'Zoom in at the centre (or turn the wheel at the cursor)', keys: [], origin: 'prelabel', enabled: (_cx, a) => !!a.view, perform: (_cx, a) => zoom(a, 1.25) },
  { id: 'view.zoomOut', label: 'Zoom out', doc: 'Zoom out at the centre', keys: [], origin: 'prelabel', enabled: (_cx, a) => !!a.view, perform: (_cx, a) => zoom(a, 1 / 1.25) },
];

// prelabel's single-letter keys, kept where a config's label hotkey does not take them.
const EXTRA_KEYS: Record<string, string[]> = { 'region.accept': ['A'], 'region.lock': ['L'], 'region.hide': ['H'] };
for (const a of ACTIONS) if (EXTRA_KEYS[a.id]) a.keys.push(...EXTRA_KEYS[a.id]);
/** Keys that are prelabel's own even on a Label Studio action (a config hotkey may take them). */
const EXTRA = new Set(Object.entries(EXTRA_KEYS).flatMap(([id, keys]) => keys.map((k) => `${id} ${normalizeCombo(k)}`)));

export const ACTION_BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function action(id: string): Action {
  const a = ACTION_BY_ID.get(id);
  if (!a) throw new Error(`No action "${id}"`);
  return a;
}

export const labelOf = (a: Action, cx: ActionContext, args: ActionArgs) => (typeof a.label === 'string' ? a.label : a.label(cx, args));

/** What a key combination runs. */
export type KeyBinding = { kind: 'action'; action: Action; keys: string; combo: string; yields: boolean } | { kind: 'hotkey'; hotkey: ConfigHotkey; combo: string };

/**
 * The one shortcut table: every action's keys and the config's hotkeys, each combination bound once.
 * Label Studio's keys first, then the config's hotkeys, then prelabel's extra keys where still free;
 * `shadowed` lists the bindings that gave way.
 */
export function keyTable(config?: ConfigModel | null): { bindings: Map<string, KeyBinding>; shadowed: { binding: KeyBinding; by: KeyBinding }[] } {
  const bindings = new Map<string, KeyBinding>();
  const shadowed: { binding: KeyBinding; by: KeyBinding }[] = [];
  const put = (b: KeyBinding) => {
    const had = bindings.get(b.combo);
    if (had) shadowed.push({ binding: b, by: had });
    else bindings.set(b.combo, b);
  };
  const actionBindings = ACTIONS.flatMap((a) => a.keys.map((k): KeyBinding => ({ kind: 'action', action: a, keys: k, combo: normalizeCombo(k), yields: a.origin === 'prelabel' || EXTRA.has(`${a.id} ${normalizeCombo(k)}`) })));
  for (const b of actionBindings) if (b.kind === 'action' && !b.yields) put(b);
  for (const h of configHotkeys(config)) put({ kind: 'hotkey', hotkey: h, combo: h.combo });
  for (const b of actionBindings) if (b.kind === 'action' && b.yields) put(b);
  return { bindings, shadowed };
}

/** A label or choice hotkey: label the selected region (toggle for multi-label controls), or answer the choice. */
export function hotkeyOutcome(cx: ActionContext, h: ConfigHotkey): Outcome | Enabled {
  const { t, p, task } = where(cx);
  const value = h.option.value;
  if (h.control.tag === 'Choices' && !h.control.perRegion) {
    const answer = cx.classifications?.find((c) => c.fromName === h.control.name);
    const current = Array.isArray(answer?.value.choices) ? (answer!.value.choices as unknown[]).map(String) : [];
    const single = h.control.choice !== 'multiple';
    const next = current.includes(value) ? current.filter((c) => c !== value) : single ? [value] : [...current, value];
    const title = `Answer ${h.control.name}`;
    if (!answer) {
      const res = { id: newRegionId(), from_name: h.control.name, to_name: h.control.toName[0] ?? h.control.name, type: h.control.resultTypes[0], value: { choices: next } };
      return { edits: addResultsEdits(task, t, p, [res]), title };
    }
    const base = ['predictions', p, 'result', answer.result];
    return { edits: next.length ? [{ task: t, path: [...base, 'value', 'choices'], value: next }] : [{ task: t, path: base, remove: true }], title: next.length ? title : `Clear ${h.control.name}` };
  }
  const r = targetOf(cx, {});
  if (!r) return false;
  const name = labellingControlName(task, p, r, cx.state.project.goodConfig);
  if (name !== h.control.name) return `"${value}" is a label of ${h.control.name}; region ${nameOf(r)} takes its labels from ${name ?? 'no labels control'}.`;
  const no = refusal(r, 'relabel');
  if (no) return no;
  const has = r.labels.includes(value);
  const labels = h.control.choice === 'multiple' ? (has ? r.labels.filter((l) => l !== value) : [...r.labels, value]) : [value];
  return action('region.label').perform(cx, { region: r.key, labels });
}
