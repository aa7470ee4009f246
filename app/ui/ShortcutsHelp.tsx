// The help panel (?): every keyboard shortcut, generated from the one shortcut table (../store/actions),
// with the config's label and choice hotkeys. Loaded when first opened.

import { useEffect, useRef } from 'react';
import { configHotkeys, keyTable } from '../store/actions';
import { useStore } from '../store/store';
import { ACTIONS } from './actions';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const config = useStore((s) => s.project.goodConfig);
  const { shadowed } = keyTable(config);
  const hotkeys = configHotkeys(config);
  // The panel takes the focus while open (its list scrolls with the keys), and gives it back when closed.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => before?.focus();
  }, []);
  const gaveWay = (id: string, k: string) => shadowed.find((s) => s.binding.kind === 'action' && s.binding.action.id === id && s.binding.keys === k);
  return (
    <div ref={panel} tabIndex={-1} className="help" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {ACTIONS.filter((a) => a.keys.length).map((a) => (
            <tr key={a.id}>
              <th>
                {a.keys.map((k, i) => {
                  const by = gaveWay(a.id, k)?.by;
                  return (
                    <span key={k}>
                      {i > 0 && ', '}
                      {by ? <s title={`taken by ${by.kind === 'hotkey' ? `the label "${by.hotkey.option.value}"` : 'another action'}`}>{k}</s> : <kbd>{k}</kbd>}
                    </span>
                  );
                })}
              </th>
              <td>{a.doc}</td>
            </tr>
          ))}
          <tr>
            <th>Tab, Shift+Tab</th>
            <td>Move the keyboard focus; Enter on a row of the Regions or Problems list selects it</td>
          </tr>
          <tr>
            <th>Drag a region</th>
            <td>Select and move it (readonly regions stay)</td>
          </tr>
          <tr>
            <th>Wheel; drag on empty canvas, middle button or Space+drag</th>
            <td>Zoom at the cursor; pan the image</td>
          </tr>
          {hotkeys.map((h) => (
            <tr key={`${h.control.name} ${h.option.value} ${h.combo}`}>
              <th>
                <kbd>{h.keys}</kbd>
              </th>
              <td>
                {h.control.tag === 'Choices' ? 'Answer' : 'Label the selected region'} "{h.option.value}" ({h.control.name}
                {h.assigned ? ', assigned in config order as Label Studio does' : ''})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
