// The page's side of the action registry (../store/actions): running an action from a button or a key with
// what the page knows (the regions as listed, its history that flushes typing first, its panels and tools),
// and the button that renders an action: its label, its keys in the title, disabled with the reason.

import { useStore } from '../store/store';
import { action, ACTIONS, labelOf, type Action, type ActionArgs, type ActionContext, type Enabled, type Outcome } from '../store/actions';
import type { ClassificationView, RegionView } from '../core/preview';

/** What the page provides to the actions; App sets it as it renders. */
export interface PageEnv {
  regions: RegionView[];
  classifications: ClassificationView[];
  undo(): void;
  redo(): void;
  toggleHelp(open?: boolean): void;
}

const env: PageEnv = { regions: [], classifications: [], undo: () => useStore.getState().undo(), redo: () => useStore.getState().redo(), toggleHelp: () => {} };

export function providePageEnv(e: PageEnv): void {
  Object.assign(env, e);
}

// Drawing and brush tools that are on, each with the function that turns it off (Escape leaves them first).
const tools = new Set<() => void>();
export function toolOn(leave: () => void): () => void {
  tools.add(leave);
  return () => tools.delete(leave);
}

export function actionContext(regions: RegionView[] = env.regions): ActionContext {
  return { state: useStore.getState(), regions, classifications: env.classifications, toolActive: tools.size > 0 };
}

/** Carry out an outcome: the page's effects here, the rest in the store. */
export function carryOut(outcome: Outcome): void {
  if (outcome.ui === 'undo') env.undo();
  else if (outcome.ui === 'redo') env.redo();
  else if (outcome.ui === 'toggleHelp') env.toggleHelp();
  else if (outcome.ui === 'leaveTool') [...tools].forEach((leave) => leave());
  useStore.getState().applyOutcome(outcome);
}

/** Run an action: true when it ran; a refusal is told as the notice (and counts as handled). */
export function runAction(a: Action | string, args: ActionArgs = {}, regions?: RegionView[]): Enabled {
  const act = typeof a === 'string' ? action(a) : a;
  const cx = actionContext(regions);
  const ok = act.enabled(cx, args);
  if (ok === true) carryOut(act.perform(cx, args));
  else if (typeof ok === 'string') useStore.getState().setNotice(ok);
  return ok;
}

/** "Delete (Backspace, Delete)": what a button's title says. */
export const withKeys = (a: Action) => (a.keys.length ? `${a.doc} (${a.keys.join(', ')})` : a.doc);

/** A button for a registered action. It re-renders with the store (the label and the reason may change). */
export function ActionButton({ id, args = {}, regions, className, expanded }: { id: string; args?: ActionArgs; regions?: RegionView[]; className?: string; expanded?: boolean }) {
  // Re-render when what `enabled` reads changes: the history, the selection, the project.
  useStore((s) => s.past.length + s.future.length);
  useStore((s) => s.selected);
  useStore((s) => s.project);
  const a = action(id);
  const cx = actionContext(regions);
  const ok = a.enabled(cx, args);
  return (
    <button type="button" className={className} aria-expanded={expanded} disabled={ok !== true} title={typeof ok === 'string' ? ok : withKeys(a)} onClick={() => runAction(a, args, regions)}>
      {labelOf(a, cx, args)}
    </button>
  );
}

export { ACTIONS };
