// The app: a toolbar (open files, samples, navigation), the Config and Tasks panes, the preview of the
// current task's prediction, and the Regions, Classifications and Problems panels. Files drop anywhere.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectTag } from '../core';
import { predictionView, type RegionView, type RelationView } from '../core/preview';
import { labellingControlName } from '../store/commands';
import { currentData, currentTask, useStore } from '../store/store';
import { ImageCanvas } from './canvas/ImageCanvas';
import { sortFiles } from './files';
import { Navigation } from './panels/Navigation';
import { ClassificationsPanel } from './panels/ClassificationsPanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { RegionsPanel } from './panels/RegionsPanel';
import { CodeEditor } from './panes/CodeEditor';
import { loadSample, useSamples } from './samples';
import { keepSessionSaved, restoreSession } from './session';
import { HyperTextObject, ParagraphsObject, TextObject } from './text/TextObjects';

const IMAGE_KINDS = new Set(['rectangle', 'ellipse', 'polygon', 'keypoint', 'brush']);

/** Regions drawn on `object`: its own, plus (on the first object of a kind) those whose to_name names nothing. */
function regionsFor(object: ObjectTag, regions: RegionView[], firstImage: boolean, firstText: boolean): RegionView[] {
  return regions.filter((r) => {
    if (r.object) return r.object === object;
    if (firstImage && IMAGE_KINDS.has(r.kind)) return true;
    return firstText && r.kind === 'span';
  });
}

function ObjectView({ object, regions, relations, compare, data, firstImage, firstText }: { object: ObjectTag; regions: RegionView[]; relations: RelationView[]; compare: RegionView[] | null; data: Record<string, unknown> | null; firstImage: boolean; firstText: boolean }) {
  const value = object.variable && data ? data[object.variable] : object.value;
  const mine = regionsFor(object, regions, firstImage, firstText);
  const theirs = compare ? regionsFor(object, compare, firstImage, firstText) : undefined;
  const keys = new Set(mine.map((r) => r.key));
  const myRelations = relations.filter((r) => keys.has(r.fromId) && keys.has(r.toId));
  if (object.namePattern) return <p className="muted">{object.tag} "{object.name}" is repeated for each item of ${object.variable}; its results are listed in Regions.</p>;
  switch (object.type) {
    case 'image':
      return <ImageCanvas object={object} url={typeof value === 'string' ? value : null} regions={mine} relations={myRelations} compare={theirs} />;
    case 'text':
      return <TextObject object={object} value={value} regions={mine} relations={myRelations} compare={theirs} />;
    case 'paragraphs':
      return <ParagraphsObject object={object} value={value} regions={mine} />;
    case 'hypertext':
      return <HyperTextObject object={object} value={value} regions={mine} />;
    default:
      return (
        <section className="text-object" aria-label={`${object.tag} ${object.name}`}>
          <h3>
            {object.name} <span className="muted">{object.tag}</span>
          </h3>
          <p className="muted">
            prelabel does not play {object.tag.toLowerCase()} yet; its {mine.length} region{mine.length === 1 ? '' : 's'} are listed in Regions with their times and labels.
          </p>
        </section>
      );
  }
}

function Pane({ kind, label, language, name, stale, text, onChange, onUndo, onRedo }: { kind: 'config' | 'tasks'; label: string; language: 'xml' | 'json'; name: string; stale: boolean; text: string; onChange(text: string): void; onUndo(): void; onRedo(): void }) {
  const findings = useStore((s) => s.project.findings);
  const reveal = useStore((s) => s.reveal);
  const mine = useMemo(() => findings.filter((f) => f.source === kind), [findings, kind]);
  return (
    <section className="pane" aria-label={`${label} pane`}>
      <h2>
        {label} <span className="muted">{name}</span>
        {stale && <span className="warn"> — does not parse; the preview shows the last good {kind}</span>}
      </h2>
      <CodeEditor label={label} language={language} text={text} findings={mine} onChange={onChange} reveal={reveal?.pane === kind ? reveal : null} onUndo={onUndo} onRedo={onRedo} />
    </section>
  );
}

/** Calls `fn` after a pause; `flush` calls it at once with what is pending (before an undo). */
function useDebounced(fn: (text: string) => void, ms: number) {
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);
  return useMemo(() => {
    const flush = () => {
      window.clearTimeout(timer.current);
      if (pending.current !== null) {
        const t = pending.current;
        pending.current = null;
        fn(t);
      }
    };
    const call = (text: string) => {
      pending.current = text;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, ms);
    };
    return { call, flush };
  }, [fn, ms]);
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
  ['Tab, Shift+Tab', 'Select the next / previous region'],
  ['1 … 9', "Give the selected region the control's n-th label"],
  ['Arrow keys', 'Nudge the selected shape by 0.1% (Shift: 1%)'],
  ['Delete, Backspace', 'Delete the selected region (not when readonly)'],
  ['Ctrl+D', 'Duplicate the selected region'],
  ['A, R', 'Accept (keep, go to the next) or reject (delete, go to the next) the selected region'],
  ['Escape', 'Clear the selection, close this panel'],
  ['Wheel, drag', 'Zoom at the cursor, pan'],
  ['?', 'Show or hide this list'],
];

function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="help" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{what}</td>
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

export function App() {
  const project = useStore((s) => s.project);
  const taskIndex = useStore((s) => s.taskIndex);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const notice = useStore((s) => s.notice);
  const editText = useStore((s) => s.editText);
  const canUndo = useStore((s) => s.past.length > 0);
  const canRedo = useStore((s) => s.future.length > 0);
  const dirty = useStore((s) => s.project.tasksText !== s.savedTasksText);
  const [exportAs, setExportAs] = useState<'predictions' | 'annotations'>('predictions');
  const samples = useSamples();
  // Restore the saved session; else open with the first sample (the guide's bounding-box example).
  const [restored, setRestored] = useState<boolean | null>(null);
  useEffect(() => {
    void restoreSession().then(setRestored);
    return keepSessionSaved();
  }, []);
  useEffect(() => {
    if (restored === false && samples.length && !useStore.getState().project.configText) void loadSample(samples[0]);
  }, [samples, restored]);
  const [dragging, setDragging] = useState(false);

  const task = useStore(currentTask);
  const data = useStore(currentData);
  const config = project.goodConfig;
  const fullView = useMemo(() => predictionView(config, task, taskIndex, predictionIndex, project.findings), [config, task, taskIndex, predictionIndex, project.findings]);
  const minScore = useStore((s) => s.minScore);
  const view = useMemo(() => (minScore > 0 ? { ...fullView, regions: fullView.regions.filter((r) => r.score === null || r.score >= minScore) } : fullView), [fullView, minScore]);
  const belowThreshold = fullView.regions.length - view.regions.length;
  const compareWith = useStore((s) => s.compareWith);
  const compareView = useMemo(() => (compareWith === null ? null : predictionView(config, task, taskIndex, compareWith, project.findings)), [config, task, taskIndex, compareWith, project.findings]);
  const [help, setHelp] = useState(false);

  const configEdits = useDebounced(useCallback((t: string) => editText('config', t), [editText]), 300);
  const tasksEdits = useDebounced(useCallback((t: string) => editText('tasks', t), [editText]), 300);
  const undo = useCallback(() => {
    configEdits.flush();
    tasksEdits.flush();
    useStore.getState().undo();
  }, [configEdits, tasksEdits]);
  const redo = useCallback(() => useStore.getState().redo(), []);
  const exportFile = () => {
    configEdits.flush();
    tasksEdits.flush();
    const s = useStore.getState();
    const base = s.project.tasksName.slice(s.project.tasksName.lastIndexOf('/') + 1);
    const name = base.replace(/(\.[^.]*)?$/, (ext) => (exportAs === 'annotations' ? `.annotations${ext || '.json'}` : ext || '.json'));
    download(name, s.exportText(exportAs));
    s.markExported();
    s.setNotice(`Exported ${name}${exportAs === 'annotations' ? ' (predictions turned into annotations)' : ''}.`);
  };

  // Undo / redo and Delete outside the editors (the editors route their own keys to the same commands).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      // Keys typed into a text field or an editor are theirs; checkboxes and buttons do not take keys.
      if (target.closest('.cm-editor, select, textarea') || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (mod && ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y')) {
        e.preventDefault();
        redo();
      } else if (mod && e.key.toLowerCase() === 'd') {
        const s = useStore.getState();
        const region = view.regions.find((r) => r.key === s.selected);
        if (region) {
          e.preventDefault();
          s.duplicateRegion(region);
        }
      } else if (!mod && (e.key === 'a' || e.key === 'r')) {
        const s = useStore.getState();
        const region = view.regions.find((r) => r.key === s.selected);
        if (region) s.review(view.regions, region, e.key === 'a' ? 'accept' : 'reject');
      } else if (e.key === '?') {
        setHelp((h) => !h);
      } else if (e.key === 'Escape') {
        setHelp(false);
        useStore.getState().selectRegion(null);
      } else if (e.key === 'Tab' && view.regions.length && target === document.body) {
        // Tab / Shift+Tab walk through the regions when no control has the focus (else Tab moves the focus).
        e.preventDefault();
        const s = useStore.getState();
        const i = view.regions.findIndex((r) => r.key === s.selected);
        const n = view.regions.length;
        s.selectRegion(view.regions[(i + (e.shiftKey ? -1 : 1) + n + (i === -1 && e.shiftKey ? 1 : 0)) % n].key);
      } else if (/^[1-9]$/.test(e.key) && !mod) {
        // Number keys label the selected region with the control's n-th label, as in Label Studio.
        const s = useStore.getState();
        const region = view.regions.find((r) => r.key === s.selected);
        const name = region && labellingControlName(currentTask(s), s.predictionIndex, region);
        const control = name ? s.project.goodConfig?.controls.get(name) : undefined;
        const label = control?.options[Number(e.key) - 1];
        if (region && label) {
          // Multi-label controls toggle the label; others replace it.
          const has = region.labels.includes(label.value);
          s.setLabels(region, control!.choice === 'multiple' ? (has ? region.labels.filter((l) => l !== label.value) : [...region.labels, label.value]) : [label.value]);
        }
      } else if (e.key.startsWith('Arrow')) {
        // Nudge the selected shape: 0.1% of the image per press, 1% with Shift.
        const s = useStore.getState();
        const region = view.regions.find((r) => r.key === s.selected);
        if (!region || !['rectangle', 'ellipse', 'keypoint'].includes(region.kind)) return;
        e.preventDefault();
        const step = e.shiftKey ? 1 : 0.1;
        const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
        const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
        s.moveRegion(region, { x: Number(region.value.x) + dx, y: Number(region.value.y) + dy }, 'Nudge');
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const s = useStore.getState();
        const region = view.regions.find((r) => r.key === s.selected);
        if (region) {
          e.preventDefault();
          s.deleteRegion(region);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, view.regions]);

  // Leaving with changes not exported asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const openFiles = useCallback(async (files: Iterable<File>) => {
    const sorted = await sortFiles(files);
    const s = useStore.getState();
    if (sorted.config || sorted.tasks) {
      s.loadProject(sorted.config?.text ?? s.project.configText, sorted.tasks?.text ?? s.project.tasksText, { config: sorted.config?.name, tasks: sorted.tasks?.name });
    }
    if (sorted.images.size) s.addImages(sorted.images);
    const parts = [sorted.config && `config ${sorted.config.name}`, sorted.tasks && `tasks ${sorted.tasks.name}`, sorted.images.size && `${sorted.images.size} image${sorted.images.size === 1 ? '' : 's'}`].filter(Boolean);
    s.setNotice(parts.length ? `Loaded ${parts.join(', ')}.${sorted.skipped.length ? ` Skipped: ${sorted.skipped.join('; ')}.` : ''}` : `Nothing recognised: ${sorted.skipped.join('; ')}`);
  }, []);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void openFiles(e.dataTransfer.files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles]);

  const objects = config ? [...config.objects.values()] : [];
  const firstImage = objects.find((o) => o.type === 'image');
  const firstText = objects.find((o) => o.type === 'text');

  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <header className="toolbar">
        <h1>prelabel</h1>
        <label className="file-button">
          Open files
          <input type="file" multiple accept=".xml,.json,.jsonl,.ndjson,.txt,image/*" onChange={(e) => e.target.files && openFiles(Array.from(e.target.files))} />
        </label>
        <label>
          Sample{' '}
          <select aria-label="Sample" value="" onChange={(e) => e.target.value && loadSample(samples.find((s) => s.id === e.target.value)!)}>
            <option value="">Load a sample…</option>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <Navigation />
        <span className="edit-buttons">
          <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z or Ctrl+Y">
            Redo
          </button>
          <button type="button" className="export" onClick={exportFile}>
            Export
          </button>
          <select aria-label="Export as" value={exportAs} onChange={(e) => setExportAs(e.target.value as 'predictions' | 'annotations')}>
            <option value="predictions">as predictions</option>
            <option value="annotations">as annotations (ground truth)</option>
          </select>
          {dirty && <span className="muted-light">changes not exported</span>}
        </span>
        <label>
          Min score{' '}
          <input aria-label="Min score" className="min-score" type="number" min={0} max={1} step={0.05} value={minScore} onChange={(e) => useStore.getState().setMinScore(Number(e.target.value))} />
          {belowThreshold > 0 && <span className="muted-light"> {belowThreshold} below</span>}
        </label>
        <button type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          ? Shortcuts
        </button>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
      </header>
      <div className="columns">
        <div className="panes">
          <Pane kind="config" label="Config" language="xml" name={project.configName} stale={project.stale.config} text={project.configText} onChange={configEdits.call} onUndo={undo} onRedo={redo} />
          <Pane kind="tasks" label="Tasks" language="json" name={project.tasksName} stale={project.stale.tasks} text={project.tasksText} onChange={tasksEdits.call} onUndo={undo} onRedo={redo} />
        </div>
        <main className="preview" aria-label="Preview">
          {!config && <p className="muted">Drop a labeling config (.xml) and a tasks file (.json) anywhere, or open a sample.</p>}
          {objects.map((o) => (
            <ObjectView key={o.name} object={o} regions={view.regions} relations={view.relations} compare={compareView?.regions ?? null} data={data} firstImage={o === firstImage} firstText={o === firstText} />
          ))}
          {view.relations.length > 0 && (
            <section className="panel" aria-label="Relations">
              <h2>Relations</h2>
              <ul>
                {view.relations.map((r) => (
                  <li key={r.result} className={r.problems.length ? 'has-problem' : ''}>
                    {r.fromId} {r.direction === 'left' ? '←' : r.direction === 'bi' ? '↔' : '→'} {r.toId} {r.labels.join(', ')}
                    {r.problems.map((p, i) => (
                      <div key={i} className="warn">
                        {p.rule}: {p.message}
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </main>
        <aside className="side">
          <RegionsPanel regions={view.regions} />
          <ClassificationsPanel config={config} items={view.classifications} />
          <ProblemsPanel />
        </aside>
      </div>
      {dragging && <div className="drop-overlay">Drop a config, tasks and images</div>}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
