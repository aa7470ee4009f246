// The one source of truth of the app (zustand): the project texts and analysis, the current task and
// prediction, the selection, the flags shown, the dropped images and the view. Changed only by commands.

import { create } from 'zustand';
import { offsetOf, taskData, type Finding, type JsonEdit } from '../core';
import type { RegionView } from '../core/preview';
import { applyChanges, diffTexts, invertChanges, type TextChange } from '../core/text/changes';
import { changedPlaces } from '../core/edits';
import { editChanges, resultValues, spliceEdits } from '../core/textEdits';
import { updateTasks, type ResultValues } from '../core/tasks/update';
import { textSlice, type TasksDocument } from '../core/tasks/parse';
import type { CheckMessage, CheckRequest } from './analysisWorker';
import { unpackReports } from './reportWire';
import { htmlParser } from '../core/text/htmlParser';
import { regionMapRestorer } from '../core/validate/validate';
import { idleSliceEnd, whenIdle } from './idle';
import { analyze, changeTasks, checkHere, installReports, newVersion, recheck, unreadable, withCheckOptions, type Project } from './project';
import { addResultsEdits, newRegionId, flagEdits, predictionsToAnnotations, sameFix, type GeometryPatch } from './commands';
import { action, type ActionArgs, type Outcome } from './actions';

/** Changes of one text and the changes that undo them: a history entry costs what it changed. */
export interface TextStep {
  changes: TextChange[];
  inverse: TextChange[];
  /** `changes` are not kept while the step is in the past: they are read back from the text when it is undone
   * (the text then is the one the step made). Opening a file is such a step, or it would keep the file's whole
   * text alive beside the edited one (57 MB at 100,000 boxes). */
  lazy?: true;
}

/** A step as kept in the past: an open's changes let go of. */
function keptInPast(entry: HistoryEntry): HistoryEntry {
  return entry.tasks?.lazy && entry.tasks.changes.length ? { ...entry, tasks: { changes: [], inverse: entry.tasks.inverse, lazy: true } } : entry;
}

/** A step about to be undone, its changes read back from the project's text if they were let go of. */
function readyToUndo(entry: HistoryEntry, project: Project): HistoryEntry {
  if (!entry.tasks?.lazy || entry.tasks.changes.length || !entry.tasks.inverse.length) return entry;
  const changes = invertChanges((a, b) => textSlice(project.doc, a, b), entry.tasks.inverse);
  return { ...entry, tasks: { changes, inverse: entry.tasks.inverse, lazy: true } };
}

/** One user action in the undo history: what it changed in the config and in the tasks text. */
export interface HistoryEntry {
  title: string;
  config?: TextStep;
  tasks?: TextStep;
  /** File names before and after, for an action that opened files. */
  names?: { before: { config: string; tasks: string }; after: { config: string; tasks: string } };
  /** The tasks versions before and after the action (undo returns to `before`). */
  versions?: { before: number; after: number };
}

export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

/** A request for a pane to scroll to and select an offset; `nonce` makes repeated requests distinct. */
export interface RevealRequest {
  pane: 'config' | 'tasks';
  offset: number;
  nonce: number;
}

export interface AppState {
  project: Project;
  taskIndex: number;
  predictionIndex: number;
  /** Key of the selected region (its id, or '#<result index>'). */
  selected: string | null;
  showHidden: boolean;
  /** Keys of hidden regions the person chose to show (per task and prediction). */
  revealed: Set<string>;
  /** Dropped images: file name -> object URL. */
  images: Map<string, string>;
  view: ViewTransform | null;
  reveal: RevealRequest | null;
  /** A short message about the last action (files recognised, what an edit changed, ...). */
  notice: string | null;
  /** Undo and redo stacks: each entry is one user action's changes and their inverses. */
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The tasks version last loaded or exported: leaving with another version asks first. */
  savedVersion: number;
  /**
   * The file the tasks text at `version` was read from (decoded by `decodeText`): the worker reads the file
   * itself and the session stores it as its base, instead of copying a text of many megabytes on this thread.
   */
  tasksSource: { blob: Blob; name: string; version: number } | null;

  setConfigText(text: string, name?: string): void;
  setTasksText(text: string, name?: string): void;
  /**
   * Open texts (files, a sample, a saved session). Replacing texts that were there is one undo step; a config
   * that was opened and does not parse is not replaced by the previous one for checking the tasks.
   */
  /** `tasksText` may come parsed already (the page parses a file it opens, to fetch its images while the checks run). */
  loadProject(configText: string, tasksText: string | TasksDocument, names: { config?: string; tasks?: string }, images?: Map<string, string>, options?: { history?: HistoryEntry[]; future?: HistoryEntry[]; savedVersion?: number; version?: number; source?: { blob: Blob; name: string }; check?: number }): void;
  /**
   * Starts the worker's check of a big tasks text before the page parses it (they run side by side); returns
   * the check's id for loadProject's `check`, or undefined for a text checked on the page. What the worker
   * sends before loadProject is kept for it.
   */
  checkEarly(configText: string, tasksText: string, source?: { blob: Blob; name: string }, bytes?: Uint8Array): number | undefined;
  addImages(images: Map<string, string>): void;
  /** An image loaded at its natural size: tasks are checked with it (brush masks that lack original_width/height). `src` is the value the task data gives the image. */
  setImageSize(src: string, width: number, height: number): void;
  selectTask(index: number): void;
  selectPrediction(index: number): void;
  selectRegion(key: string | null): void;
  toggleRevealed(key: string): void;
  setShowHidden(show: boolean): void;
  /** Label tags on the canvas (Label Studio's "Show labels"): null until chosen (then off on busy images). */
  showLabels: boolean | null;
  setShowLabels(show: boolean | null): void;
  nextTaskWithProblems(): void;
  setView(view: ViewTransform | null): void;
  revealInPane(pane: 'config' | 'tasks', offset: number): void;
  setNotice(notice: string | null): void;

  /** Apply edits to the tasks as one undo step; false (with a notice) when they cannot apply. */
  applyEdits(edits: JsonEdit[], title: string): boolean;
  applyFix(finding: Finding): void;
  /** Apply the fix of every finding like this one (same rule, same fix) across the file. */
  applyFixAll(finding: Finding): void;
  /** Text typed in a pane (already debounced): one undo step. */
  editText(pane: 'config' | 'tasks', text: string): void;
  /** Changes typed in a pane (already debounced, on the pane's text as the store has it): one undo step. */
  changeText(pane: 'config' | 'tasks', changes: TextChange[], title?: string): void;
  undo(): void;
  redo(): void;
  moveRegion(region: RegionView, patch: GeometryPatch, title?: string): void;
  deleteRegion(region: RegionView): void;
  toggleFlag(region: RegionView, flag: 'readonly' | 'hidden'): void;
  /** Set a flag on many regions at once (all of them, or all of one label): one undo step. */
  setFlagMany(regions: RegionView[], flag: 'readonly' | 'hidden', on: boolean, what: string): void;
  duplicateRegion(region: RegionView): void;
  /** Review: accept keeps the region and selects the next; reject deletes it and selects the next. */
  review(regions: RegionView[], region: RegionView, verdict: 'accept' | 'reject'): void;
  /** Another prediction of the task drawn over the current one, or null. */
  compareWith: number | null;
  setCompareWith(index: number | null): void;
  /** Carry out what a registered action returned (./actions): its edits as one undo step, then the selection, notice and view. */
  applyOutcome(outcome: Outcome): boolean;
  setLabels(region: RegionView, labels: string[]): void;
  /**
   * Answer a classification control on the current prediction: set value[key] of its result (`result` index),
   * add a result when there is none, remove it when the answer is emptied.
   */
  answer(control: { name: string; toName: string[]; resultTypes: string[] }, result: number | null, key: string, value: unknown): void;
  /** Add new results (a drawn region) to the current prediction, creating it if needed; selects the region. */
  addResults(results: Record<string, unknown>[], title: string): void;
  /** Regions scoring below this are not shown (0 shows all). */
  minScore: number;
  setMinScore(score: number): void;
  /** The text to download, as predictions (unchanged) or turned into annotations. */
  exportText(as: 'predictions' | 'annotations'): string;
  markExported(): void;
}

const EMPTY = analyze(null, '', '[]');
const HISTORY = 200;
/** Tasks texts longer than this are checked in a Web Worker. */
const CHECK_IN_WORKER_ABOVE = 2_000_000;
let checks = 0;
let worker: Worker | null = null;

/**
 * The check worker, made while the page is idle after its first screen: made at the first big file, loading
 * and compiling its module held that file's check back by ~0.5 s (measured at 23 MB).
 */
export function warmCheckWorker(): void {
  if (typeof Worker !== 'undefined') workerNow();
}

/** Hand a check to the worker; its batches of reports go into the project as they come. */
function startCheck(request: CheckRequest): void {
  // The file's bytes, when the page read them, are moved to the worker (the page has decoded them already).
  const bytes = request.tasksFile?.bytes;
  workerNow().postMessage(request, bytes ? [bytes.buffer] : []);
}

function workerNow(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<CheckMessage>) => {
      if (early?.id === e.data.id) early.queue.push(e.data);
      else onCheckMessage(e.data);
    };
    worker.onerror = (e) => failCheck(e.message || 'the worker stopped');
  }
  return worker;
}

function onCheckMessage(m: CheckMessage): void {
  const { project } = useStore.getState();
  if (project.checking?.id !== m.id) return;
  if (m.kind === 'batch') {
    const next = installReports(project, m.id, m.from, unpackReports(m.reports), m.lines);
    useStore.setState({ project: next });
    if (!next.checking) restoreRegionMapsWhenIdle();
  } else if (m.kind === 'failed') failCheck(m.message);
}

/**
 * The worker's reports come without region maps: each prediction with a memo gets its map back while the
 * page is idle, in slices of a few milliseconds, so that the first edit of a task of 10,000 regions does
 * not build it (a map of every region's id: ~15-25 ms at 10,000, ~100 ms at 100,000 on this machine). The
 * reports are read anew at each prediction (an image that loads, an edit, replace the list).
 */
function restoreRegionMapsWhenIdle(): void {
  let t = 0;
  let p = 0;
  let restorer: { step(until: number): boolean } | null = null;
  const step = (deadline?: IdleDeadline) => {
    const until = idleSliceEnd(deadline);
    const reports = useStore.getState().project.analysis?.reports ?? [];
    for (;;) {
      if (restorer) {
        if (!restorer.step(until)) return void whenIdle(step);
        restorer = null;
      }
      if (t >= reports.length) return;
      const n = reports[t].memo?.length ?? 0;
      if (p >= n) {
        t++;
        p = 0;
        continue;
      }
      restorer = regionMapRestorer(reports[t], p++);
      if (performance.now() >= until) return void whenIdle(step);
    }
  };
  whenIdle(step);
}

/** A check started before its project was loaded (see checkEarly), and what the worker sent for it meanwhile. */
let early: { id: number; queue: CheckMessage[] } | null = null;

/** The worker could not finish: check here instead, and say so (nothing loaded is lost). */
function failCheck(reason: string): void {
  worker?.terminate();
  worker = null;
  // A check started early fails with its project, once that is loaded.
  if (early) early.queue.push({ id: early.id, kind: 'failed', message: reason });
  const { project } = useStore.getState();
  if (!project.checking) return;
  useStore.setState({ project: checkHere(project), notice: `The background check stopped (${reason}); the tasks were checked here instead.` });
}

function clampTask(project: Project, index: number): number {
  const n = project.goodDoc?.tasks.length ?? 0;
  return Math.max(0, Math.min(index, Math.max(0, n - 1)));
}

function predictionCount(project: Project, t: number): number {
  const task = project.goodDoc?.tasks[t];
  const data = task && typeof task === 'object' && !Array.isArray(task) ? (task as Record<string, unknown>).predictions : null;
  return Array.isArray(data) ? data.length : 0;
}

let nonce = 0;

export const useStore = create<AppState>()((set, get) => ({
  project: EMPTY,
  taskIndex: 0,
  predictionIndex: 0,
  selected: null,
  showHidden: false,
  showLabels: null,
  revealed: new Set(),
  images: new Map(),
  view: null,
  reveal: null,
  notice: null,
  past: [],
  future: [],
  savedVersion: EMPTY.tasksVersion,
  tasksSource: null,
  minScore: 0,
  compareWith: null,

  setConfigText(text, name) {
    const { project } = get();
    set({ project: analyze(project, text, project.doc, { config: name }) });
  },

  setTasksText(text, name) {
    const { project } = get();
    set(withPosition(get(), analyze(project, project.configText, text, { tasks: name })));
  },

  loadProject(configText, tasksInput, names, images, options) {
    const prev = get().project;
    const tasksText = typeof tasksInput === 'string' ? tasksInput : tasksInput.text;
    // Analysed against the previous project, so that a file that does not parse keeps the last good preview.
    // A big file is shown at once and checked by a worker (the page stays interactive, with a progress bar).
    const started = options?.check !== undefined && early?.id === options.check ? early : null;
    if (early && early !== started) early = null;
    const check = tasksText.length > CHECK_IN_WORKER_ABOVE && typeof Worker !== 'undefined' ? (started?.id ?? ++checks) : undefined;
    let project = analyze(prev, configText, tasksInput, names, configText !== prev.configText, check, tasksText !== prev.tasksText);
    if (project.checking && project.checkedAgainst === 'last-good') project = checkHere(project);
    const source = options?.source;
    if (project.checking && !started)
      startCheck({
        id: project.checking.id,
        configText,
        ...(source ? { tasksFile: { ...source, length: tasksText.length } } : { tasksText }),
        imageSizes: [...(project.options.imageSizes ?? [])],
      });
    if (options?.version !== undefined) project.tasksVersion = options.version;
    // Replacing what was there is one undo step (nothing to undo when the app was empty).
    const empty = prev === EMPTY;
    const tasksChanged = project.doc !== prev.doc;
    const entry: HistoryEntry = {
      title: `Open ${[configText !== prev.configText && project.configName, tasksChanged && project.tasksName].filter(Boolean).join(' and ') || 'files'}`,
      config: step(prev.configText, diffTexts(prev.configText, configText)),
      tasks: tasksChanged ? lazyStep(step(prev.tasksText, diffTexts(prev.tasksText, tasksText))) : undefined,
      names: { before: { config: prev.configName, tasks: prev.tasksName }, after: { config: project.configName, tasks: project.tasksName } },
      versions: { before: prev.tasksVersion, after: project.tasksVersion },
    };
    const past = options?.history ?? (empty ? [] : [...get().past, entry].slice(-HISTORY));
    // Opened tasks count as saved; opening only a config keeps whether the tasks had changes.
    const clean = get().savedVersion === prev.tasksVersion;
    const savedVersion = options?.savedVersion ?? (tasksChanged || empty || clean ? project.tasksVersion : get().savedVersion);
    const tasksSource = source ? { ...source, version: project.tasksVersion } : tasksChanged ? null : get().tasksSource;
    set({ project, taskIndex: 0, predictionIndex: 0, selected: null, revealed: new Set(), view: null, past, future: options?.future ?? [], savedVersion, tasksSource, compareWith: null, ...(images ? { images } : {}) });
    // What the worker sent for this check while the page parsed the text.
    if (started) {
      early = null;
      for (const m of started.queue) onCheckMessage(m);
    }
  },

  checkEarly(configText, tasksText, source, bytes) {
    if (!(tasksText.length > CHECK_IN_WORKER_ABOVE && typeof Worker !== 'undefined')) return undefined;
    const id = ++checks;
    early = { id, queue: [] };
    startCheck({ id, configText, ...(source ? { tasksFile: { ...source, length: tasksText.length, ...(bytes ? { bytes } : {}) } } : { tasksText }), imageSizes: [...(get().project.options.imageSizes ?? [])] });
    return id;
  },

  addImages(images) {
    const merged = new Map(get().images);
    for (const [k, v] of images) merged.set(k, v);
    set({ images: merged, view: null });
  },

  setImageSize(src, width, height) {
    const { project } = get();
    const known = project.options.imageSizes?.get(src);
    if (known && known.width === width && known.height === height) return;
    const imageSizes = new Map(project.options.imageSizes);
    imageSizes.set(src, { width, height });
    set({ project: withCheckOptions(project, { ...project.options, imageSizes }) });
  },

  selectTask(index) {
    const t = clampTask(get().project, index);
    set({ taskIndex: t, predictionIndex: 0, selected: null, revealed: new Set(), view: null, compareWith: null });
  },

  selectPrediction(index) {
    const n = predictionCount(get().project, get().taskIndex);
    set({ predictionIndex: Math.max(0, Math.min(index, n - 1)), selected: null, revealed: new Set(), compareWith: null });
  },

  selectRegion(key) {
    set({ selected: key });
  },

  toggleRevealed(key) {
    const revealed = new Set(get().revealed);
    if (revealed.has(key)) revealed.delete(key);
    else revealed.add(key);
    set({ revealed });
  },

  setShowHidden(show) {
    set({ showHidden: show });
  },

  setShowLabels(show) {
    set({ showLabels: show });
  },

  nextTaskWithProblems() {
    const { project, taskIndex } = get();
    const withProblems = new Set(project.findings.filter((f) => f.source === 'tasks' && f.task !== null && f.severity !== 'info').map((f) => f.task as number));
    const n = project.goodDoc?.tasks.length ?? 0;
    for (let k = 1; k <= n; k++) {
      const t = (taskIndex + k) % n;
      if (withProblems.has(t)) {
        get().selectTask(t);
        return;
      }
    }
    set({ notice: 'No task has problems.' });
  },

  setView(view) {
    set({ view });
  },

  revealInPane(pane, offset) {
    set({ reveal: { pane, offset, nonce: ++nonce } });
  },

  setNotice(notice) {
    set({ notice });
  },

  applyEdits(edits, title) {
    const { project } = get();
    if (!edits.length) return false;
    if (unreadable(project.doc)) {
      set({ notice: `Cannot ${title.toLowerCase()}: the tasks text does not parse. Fix the JSON first.` });
      return false;
    }
    let changes: TextChange[];
    try {
      changes = editChanges(project.doc, edits);
    } catch (e) {
      set({ notice: `Cannot ${title.toLowerCase()}: ${(e as Error).message}.` });
      return false;
    }
    // Counted as the exported file will show them: places whose value changes, not edits made.
    const changed = changedPlaces(project.doc.tasks, edits);
    // What the edited results become is known from the edits: the first apply need not parse them again.
    record(get, set, { title, tasks: stepOnDoc(project, changes) }, false, resultValues(project.doc, edits));
    // Show what changed: the Tasks pane scrolls to the first edited place.
    const first = edits[0];
    const doc = get().project.doc;
    const at = first.remove ? offsetOf(doc, first.task, first.path.slice(0, -1)) : offsetOf(doc, first.task, first.path);
    set({
      notice: `${title} (${changed === 0 ? 'no value changed' : `${changed} change${changed === 1 ? '' : 's'}`}). Ctrl+Z undoes it.`,
      ...(at >= 0 ? { reveal: { pane: 'tasks' as const, offset: at, nonce: ++nonce } } : {}),
    });
    return true;
  },

  applyFix(finding) {
    if (finding.fix) get().applyEdits(finding.fix.edits, finding.fix.title);
  },

  applyFixAll(finding) {
    const like = get().project.findings.filter((f) => sameFix(f, finding));
    get().applyEdits(
      like.flatMap((f) => f.fix!.edits),
      `${finding.fix!.title} — ${like.length} place${like.length === 1 ? '' : 's'}`,
    );
  },

  editText(pane, text) {
    const { project } = get();
    get().changeText(pane, diffTexts(pane === 'config' ? project.configText : project.tasksText, text));
  },

  changeText(pane, changes, title) {
    if (!changes.length) return;
    const { project } = get();
    // Typing is one undo step per pause (the panes debounce), so Ctrl+Z works the same across panes and canvas.
    const what = title ?? `Typing in the ${pane === 'config' ? 'Config' : 'Tasks'} pane`;
    if (pane === 'config') record(get, set, { title: what, config: step(project.configText, changes) });
    else record(get, set, { title: what, tasks: stepOnDoc(project, changes) }, true);
  },

  undo() {
    travel(get, set, 'past');
  },

  redo() {
    travel(get, set, 'future');
  },

  moveRegion(region, patch, title = 'Move region') {
    runOn(get, set, 'region.move', region, { patch, title });
  },

  deleteRegion(region) {
    runOn(get, set, 'region.delete', region);
  },

  toggleFlag(region, flag) {
    runOn(get, set, flag === 'readonly' ? 'region.lock' : 'region.hide', region);
  },

  setFlagMany(regions, flag, on, what) {
    const { taskIndex, predictionIndex } = get();
    get().applyEdits(
      regions.flatMap((r) => flagEdits(currentTask(get()), taskIndex, predictionIndex, r, flag, on)),
      `${on ? 'Set' : 'Clear'} ${flag} on ${what} (${regions.length} region${regions.length === 1 ? '' : 's'})`,
    );
  },

  duplicateRegion(region) {
    runOn(get, set, 'region.duplicate', region);
  },

  review(regions, region, verdict) {
    runOn(get, set, verdict === 'accept' ? 'region.accept' : 'region.reject', region, {}, regions);
  },

  applyOutcome(outcome) {
    if (outcome.edits?.length && !get().applyEdits(outcome.edits, outcome.title ?? 'Edit')) return false;
    const next: Partial<AppState> = {};
    if (outcome.select !== undefined) next.selected = outcome.select;
    if (outcome.notice !== undefined) next.notice = outcome.notice;
    if (outcome.view !== undefined) next.view = outcome.view;
    set(next);
    return true;
  },

  setCompareWith(index) {
    set({ compareWith: index });
  },

  setLabels(region, labels) {
    runOn(get, set, 'region.label', region, { labels });
  },

  answer(control, result, key, value) {
    const { taskIndex: t, predictionIndex: p } = get();
    const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
    const title = `Answer ${control.name}`;
    if (result === null) {
      if (empty) return;
      const res = { id: newRegionId(), from_name: control.name, to_name: control.toName[0] ?? control.name, type: control.resultTypes[0], value: { [key]: value } };
      get().applyEdits(addResultsEdits(currentTask(get()), t, p, [res]), title);
      return;
    }
    const base = ['predictions', p, 'result', result];
    get().applyEdits(empty ? [{ task: t, path: base, remove: true }] : [{ task: t, path: [...base, 'value', key], value }], empty ? `Clear ${control.name}` : title);
  },

  addResults(results, title) {
    const { taskIndex, predictionIndex } = get();
    if (get().applyEdits(addResultsEdits(currentTask(get()), taskIndex, predictionIndex, results), title)) set({ selected: String(results[0].id) });
  },

  setMinScore(score) {
    set({ minScore: Math.max(0, Math.min(1, Number.isFinite(score) ? score : 0)) });
  },

  exportText(as) {
    const { project } = get();
    if (as === 'predictions' || unreadable(project.doc)) return project.tasksText;
    return spliceEdits(project.doc, predictionsToAnnotations(project.doc.tasks));
  },

  markExported() {
    set({ savedVersion: get().project.tasksVersion });
  },
}));

// HyperText HTML is checked with parse5, which is not on the first screen: it is loaded when a config first
// has a <HyperText>, and the tasks are checked again with it (until then its spans are checked in form only).
let htmlParserLoad: Promise<void> | null = null;
/** The load of the HTML parser, once one was started (for tests). */
export const htmlParserLoaded = () => htmlParserLoad;
function needsHtmlParser(project: Project): boolean {
  const c = project.goodConfig;
  return !!c && ([...c.objects.values()].some((o) => o.type === 'hypertext') || c.objectPatterns.some((o) => o.type === 'hypertext'));
}
useStore.subscribe((state, prev) => {
  if (state.project === prev.project || htmlParserLoad || htmlParser() || !needsHtmlParser(state.project)) return;
  htmlParserLoad = import('../core/text/parse5').then(
    (m) => {
      m.registerParse5();
      useStore.setState({ project: recheck(useStore.getState().project) });
    },
    (e: unknown) => {
      htmlParserLoad = null;
      useStore.setState({ notice: `The HTML parser could not be loaded (${e instanceof Error ? e.message : String(e)}): HyperText spans are checked without their HTML.` });
    },
  );
});

/** The step that applies `changes` to `text`, with its inverse. */
function lazyStep(st: TextStep | undefined): TextStep | undefined {
  return st && { changes: [], inverse: st.inverse, lazy: true };
}

function step(text: string, changes: TextChange[]): TextStep | undefined {
  return changes.length ? { changes, inverse: invertChanges(text, changes) } : undefined;
}

/** The same for the tasks text, reading the replaced ranges from the document's pieces. */
function stepOnDoc(project: Project, changes: TextChange[]): TextStep | undefined {
  return changes.length ? { changes, inverse: invertChanges((a, b) => textSlice(project.doc, a, b), changes) } : undefined;
}

/** The project after a history step's changes (forward or inverse): the tasks through the incremental path. */
function applyEntry(project: Project, entry: HistoryEntry, way: 'changes' | 'inverse', typed = false, values?: ResultValues): Project {
  let p = project;
  const names = entry.names ? (way === 'changes' ? entry.names.after : entry.names.before) : {};
  const version = entry.versions ? (way === 'changes' ? entry.versions.after : entry.versions.before) : undefined;
  if (entry.config) p = analyze(p, applyChanges(p.configText, entry.config[way]), p.doc, names);
  if (entry.tasks) p = changeTasks(p, entry.tasks[way], { to: version, typed }, names, updateTasks(p.doc, entry.tasks[way], values));
  else if (entry.names && !entry.config) p = analyze(p, p.configText, p.doc, names);
  return p;
}

/** The task and prediction shown, kept within what the project has. */
function withPosition(state: AppState, project: Project): Partial<AppState> {
  const t = clampTask(project, state.taskIndex);
  return { project, taskIndex: t, predictionIndex: Math.min(state.predictionIndex, Math.max(0, predictionCount(project, t) - 1)) };
}

/** Apply one user action and put it on the undo stack. `typed`: the Tasks pane has the change already. */
function record(get: () => AppState, set: (partial: Partial<AppState>) => void, entry: HistoryEntry, typed = false, values?: ResultValues): void {
  if (!entry.config && !entry.tasks) return;
  const state = get();
  if (entry.tasks) entry.versions = { before: state.project.tasksVersion, after: newVersion() };
  set({ ...withPosition(state, applyEntry(state.project, entry, 'changes', typed, values)), past: [...state.past, entry].slice(-HISTORY), future: [] });
}

/** Undo (from 'past') or redo (from 'future'): apply the entry's inverse or its changes, move it to the other stack. */
function travel(get: () => AppState, set: (partial: Partial<AppState>) => void, from: 'past' | 'future'): void {
  const state = get();
  const stack = state[from];
  const other = from === 'past' ? 'future' : 'past';
  const top = stack[stack.length - 1];
  if (!top) {
    set({ notice: from === 'past' ? 'Nothing to undo.' : 'Nothing to redo.' });
    return;
  }
  // Undone, a step needs its changes for the redo; redone, an open lets go of them again.
  const entry = from === 'past' ? readyToUndo(top, state.project) : top;
  const project = applyEntry(state.project, entry, from === 'past' ? 'inverse' : 'changes');
  set({ ...withPosition(state, project), [from]: stack.slice(0, -1), [other]: [...state[other], from === 'past' ? entry : keptInPast(entry)], notice: `${from === 'past' ? 'Undone' : 'Redone'}: ${entry.title}.` });
}

/** Run a registered action on one region (the store's region commands): refused with its reason as the notice. */
function runOn(get: () => AppState, set: (partial: Partial<AppState>) => void, id: string, region: RegionView, args: ActionArgs = {}, regions: RegionView[] = [region]): void {
  const cx = { state: get(), regions: regions.some((r) => r.key === region.key) ? regions : [...regions, region] };
  const a = action(id);
  const ok = a.enabled(cx, { ...args, region: region.key });
  if (ok !== true) {
    if (typeof ok === 'string') set({ notice: ok });
    return;
  }
  get().applyOutcome(a.perform(cx, { ...args, region: region.key }));
}

/** The task shown now (from the last good tasks document). */
export function currentTask(state: Pick<AppState, 'project' | 'taskIndex'>): unknown {
  return state.project.goodDoc?.tasks[state.taskIndex];
}

export function currentData(state: Pick<AppState, 'project' | 'taskIndex'>): Record<string, unknown> | null {
  return taskData(currentTask(state));
}
