// The keyboard: one listener that looks the pressed combination up in the one shortcut table (the action
// registry's keys and the config's label hotkeys, ../store/actions keyTable) and runs what it finds.
// Tab and Shift+Tab are the browser's (they move the focus).

import { useEffect, useMemo } from 'react';
import type { ConfigModel } from '../core';
import { eventCombo, hotkeyOutcome, keyTable } from '../store/actions';
import { actionContext, carryOut, runAction } from './actions';

/** Keys typed into a text field or an editor are theirs; checkboxes and buttons do not take keys. */
function typing(target: Element): boolean {
  return !!target.closest('.cm-editor, select, textarea, [contenteditable="true"]') || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range'].includes(target.type));
}

/** Shortcuts outside the editors (the editors route their own undo keys to the same commands). */
export function useShortcuts(config: ConfigModel | null | undefined, helpOpen: boolean, closeHelp: () => void): void {
  const table = useMemo(() => keyTable(config).bindings, [config]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Events sent to the window or the document count as typed on the page itself.
      const target = e.target instanceof Element ? e.target : document.body;
      if (typing(target)) return;
      const combo = eventCombo(e);
      // Enter and Space on a focused button or row are its own.
      if ((combo === 'Enter' || combo === 'Space') && target !== document.body) return;
      if (combo === 'Escape' && helpOpen) {
        closeHelp();
        e.preventDefault();
        return;
      }
      const b = table.get(combo);
      if (!b) return;
      let ran;
      if (b.kind === 'action') ran = runAction(b.action, { combo });
      else {
        const out = hotkeyOutcome(actionContext(), b.hotkey);
        if (typeof out === 'object') carryOut(out);
        else if (typeof out === 'string') actionContext().state.setNotice(out);
        ran = out;
      }
      if (ran !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [table, helpOpen, closeHelp]);
}
