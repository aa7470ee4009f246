// The one source of truth of the app (zustand): the project texts and analysis, the current task and
// prediction, the selection, the flags shown, the dropped images and the view. Changed only by commands.

import { create } from 'zustand';
import { taskData } from '../core';
import { analyze, type Project } from './project';

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
  /** A short message about the last action (files recognised, nothing recognised, ...). */
  notice: string | null;

  setConfigText(text: string, name?: string): void;
  setTasksText(text: string, name?: string): void;
  loadProject(configText: string, tasksText: string, names: { config?: string; tasks?: string }, images?: Map<string, string>): void;
  addImages(images: Map<string, string>): void;
  selectTask(index: number): void;
  selectPrediction(index: number): void;
  selectRegion(key: string | null): void;
  toggleRevealed(key: string): void;
  setShowHidden(show: boolean): void;
  nextTaskWithProblems(): void;
  setView(view: ViewTransform | null): void;
  revealInPane(pane: 'config' | 'tasks', offset: number): void;
  setNotice(notice: string | null): void;
}

const EMPTY = analyze(null, '', '[]');

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
  revealed: new Set(),
  images: new Map(),
  view: null,
  reveal: null,
  notice: null,

  setConfigText(text, name) {
    const { project } = get();
    set({ project: analyze(project, text, project.tasksText, { config: name }) });
  },

  setTasksText(text, name) {
    const { project, taskIndex, predictionIndex } = get();
    const next = analyze(project, project.configText, text, { tasks: name });
    const t = clampTask(next, taskIndex);
    set({ project: next, taskIndex: t, predictionIndex: Math.min(predictionIndex, Math.max(0, predictionCount(next, t) - 1)) });
  },

  loadProject(configText, tasksText, names, images) {
    // Analysed against the previous project, so that a file that does not parse keeps the last good preview.
    const project = analyze(get().project, configText, tasksText, names);
    set({ project, taskIndex: 0, predictionIndex: 0, selected: null, revealed: new Set(), view: null, ...(images ? { images } : {}) });
  },

  addImages(images) {
    const merged = new Map(get().images);
    for (const [k, v] of images) merged.set(k, v);
    set({ images: merged, view: null });
  },

  selectTask(index) {
    const t = clampTask(get().project, index);
    set({ taskIndex: t, predictionIndex: 0, selected: null, revealed: new Set(), view: null });
  },

  selectPrediction(index) {
    const n = predictionCount(get().project, get().taskIndex);
    set({ predictionIndex: Math.max(0, Math.min(index, n - 1)), selected: null, revealed: new Set() });
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
}));

/** The task shown now (from the last good tasks document). */
export function currentTask(state: Pick<AppState, 'project' | 'taskIndex'>): unknown {
  return state.project.goodDoc?.tasks[state.taskIndex];
}

export function currentData(state: Pick<AppState, 'project' | 'taskIndex'>): Record<string, unknown> | null {
  return taskData(currentTask(state));
}
