// The help panel (?): every keyboard shortcut, generated from the list in ./shortcuts. Loaded when first opened.

import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="help" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th>{s.keys}</th>
              <td>{s.doc}</td>
            </tr>
          ))}
          <tr>
            <th>Wheel, drag</th>
            <td>Zoom at the cursor, pan the image</td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
