// What the page says when the tasks text does not parse: where it breaks (line and column, a click away in
// the Tasks pane), in the preview instead of an empty object, and before an export of that text.

import type { Finding, TasksDocument } from '../core';
import { useStore } from '../store/store';

/** The first place the tasks text does not parse, or null when it parses. */
export function syntaxProblem(doc: TasksDocument): Finding | null {
  return doc.syntax[0] ?? null;
}

/** "line 3, column 1", as the Problems list and editors say it. */
export const where = (f: Finding) => `line ${f.line}, column ${f.column}`;

/** A button naming where the text breaks: pressed, the Tasks pane scrolls there and puts the cursor on it. */
export function SyntaxPlace({ finding }: { finding: Finding }) {
  const revealInPane = useStore((s) => s.revealInPane);
  return (
    <button type="button" className="link-button" title="Show it in the Tasks pane" onClick={() => revealInPane('tasks', finding.offset)}>
      {where(finding)}
    </button>
  );
}

/** In the preview, in place of the objects: no task can be shown, why, and where to fix it. */
export function TasksDoNotParse({ finding }: { finding: Finding }) {
  return (
    <div className="preview-message" role="status">
      <p>
        <strong>The tasks file does not parse, so no task can be shown.</strong>
      </p>
      <p>
        At <SyntaxPlace finding={finding} />: {finding.message}
      </p>
      <p className="muted">Fix it in the Tasks pane (what you typed there is kept), or open another tasks file.</p>
    </div>
  );
}

/** Asked before exporting a tasks text that does not parse: the file written would not open in Label Studio. */
export function ExportDoesNotParse({ finding, annotations, onExport, onCancel }: { finding: Finding; annotations: boolean; onExport(): void; onCancel(): void }) {
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="export-broken-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h2 id="export-broken-title">The tasks text does not parse</h2>
        <p>
          At {where(finding)}: {finding.message}
        </p>
        <p>
          The file exported would hold this text as it is{annotations ? ' (its predictions are not turned into annotations)' : ''}, and Label Studio would not import it.
        </p>
        <div className="modal-buttons">
          <button type="button" onClick={onExport}>
            Export anyway
          </button>
          <button type="button" autoFocus onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
