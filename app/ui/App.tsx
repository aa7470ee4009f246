// The app: a toolbar (open files, samples, navigation), the Config and Tasks panes, the preview of the
// current task's prediction, and the Regions, Classifications and Problems panels. Files drop anywhere.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeSet } from '@codemirror/state';
import { parseConfig, parseTasks, type Finding, type ObjectTag } from '../core';
import { useStable } from './stable';
import { textSlice } from '../core/tasks/parse';
import type { TextChange } from '../core/text/changes';
import { predictionView, type RegionView, type RelationView } from '../core/preview';
import { currentData, currentTask, useStore, warmCheckWorker } from '../store/store';
import { preloadTaskImages } from './canvas/imageLoad';
import { deferred } from './deferred';
import { droppedFiles, sortFiles, takeBytes } from './files';
import { Navigation } from './panels/Navigation';
import { ClassificationsPanel } from './panels/ClassificationsPanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { RegionsPanel } from './panels/RegionsPanel';
import { CodeEditor, textChanges, type TextSource } from './panes/CodeEditor';
import { loadSample, useSamples } from './samples';
import { keepSessionSaved, restoreSession } from './session';
import { useShortcuts } from './shortcuts';
import { ActionButton, providePageEnv } from './actions';
import { ExportDoesNotParse, syntaxProblem, TasksDoNotParse, where } from './tasksSyntax';

// Not on the first screen (the bounding-box sample): loaded when first shown.
// The image canvas brings Konva and its React renderer (a quarter of the first load): loaded beside the
// first screen, drawn as soon as it is in.
const ImageCanvas = deferred('image canvas', () => import('./canvas/ImageCanvas'), (m) => m.ImageCanvas, { className: 'image-object part-placeholder' });
const ImageList = deferred('image list', () => import('./canvas/ImageList'), (m) => m.ImageList, { className: 'image-object part-placeholder' });
const TextObject = deferred('text view', () => import('./text/TextObjects'), (m) => m.TextObject);
const ParagraphsObject = deferred('paragraphs view', () => import('./text/TextObjects'), (m) => m.ParagraphsObject);
const HyperTextObject = deferred('HyperText view', () => import('./text/HyperTextObject'), (m) => m.HyperTextObject);
const ImportDialog = deferred('import dialog', () => import('./ImportDialog'), (m) => m.ImportDialog, { className: 'modal' });
const ShortcutsHelp = deferred('list of shortcuts', () => import('./ShortcutsHelp'), (m) => m.ShortcutsHelp, { className: 'help' });

const IMAGE_KINDS = new Set(['rectangle', 'ellipse', 'polygon', 'keypoint', 'brush']);

const NO_FINDINGS: Finding[] = [];

/** Regions drawn on `object`: its own, plus (on the first object of a kind) those whose to_name names nothing. */
function regionsFor(object: ObjectTag, regions: RegionView[], firstImage: boolean, firstText: boolean): RegionView[] {
  const mine = (r: RegionView) => {
    if (r.object) return r.object === object;
    if (firstImage && IMAGE_KINDS.has(r.kind)) return true;
    return firstText && r.kind === 'span';
  };
  // The one object of most configs has all the regions: the list itself, not a copy (its views keep their
  // memos, and 100,000 regions are not copied on each edit).
  return regions.every(mine) ? regions : regions.filter(mine);
}

function ObjectView({ object, regions, relations, compare, data, firstImage, firstText }: { object: ObjectTag; regions: RegionView[]; relations: RelationView[]; compare: RegionView[] | null; data: Record<string, unknown> | null; firstImage: boolean; firstText: boolean }) {
  const value = object.variable && data ? data[object.variable] : object.value;
  const mine = regionsFor(object, regions, firstImage, firstText);
  const theirs = compare ? regionsFor(object, compare, firstImage, firstText) : undefined;
  const myRelations = useMemo(() => {
    if (!relations.length) return relations;
    const keys = new Set(mine.map((r) => r.key));
    return relations.filter((r) => keys.has(r.fromId) && keys.has(r.toId));
  }, [mine, relations]);
  if (object.namePattern) return <p className="muted">{object.tag} "{object.name}" is repeated for each item of ${object.variable}; its results are listed in Regions.</p>;
  switch (object.type) {
    case 'image': {
      // <Image valueList="$images">: a list of URLs, shown one at a time with a pager.
      const list = typeof object.attrs.valueList === 'string' && data ? data[object.attrs.valueList.replace(/^\$/, '')] : undefined;
      if (Array.isArray(list)) return <ImageList object={object} urls={list} regions={mine} relations={myRelations} compare={theirs} />;
      return <ImageCanvas object={object} url={typeof value === 'string' ? value : null} regions={mine} relations={myRelations} compare={theirs} />;
    }
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
            prelabel does not play {object.tag.toLowerCase()} yet; {mine.length === 1 ? 'its 1 region is' : `its ${mine.length} regions are`} listed in Regions with their times and labels.
          </p>
        </section>
      );
  }
}

interface PaneProps {
  kind: 'config' | 'tasks';
  label: string;
  language: 'xml' | 'json';
  name: string;
  stale: boolean;
  text: string | TextSource;
  version: number;
  change: { base: number; changes: readonly TextChange[]; typed: boolean } | null;
  onChange(changes: ChangeSet): void;
  onUndo(): void;
  onRedo(): void;
}

/** A number that changes when `text` does: the config pane's version. */
function useTextVersion(text: string): number {
  const last = useRef({ text, version: 0 });
  if (last.current.text !== text) last.current = { text, version: last.current.version + 1 };
  return last.current.version;
}

function Pane({ kind, label, language, name, stale, text, version, change, onChange, onUndo, onRedo }: PaneProps) {
  const findings = useStore((s) => s.project.findings);
  const reveal = useStore((s) => s.reveal);
  const mine = useMemo(() => findings.filter((f) => f.source === kind), [findings, kind]);
  return (
    <section className="pane" aria-label={`${label} pane`}>
      <h2>
        {label} <span className="muted">{name}</span>
        {stale && <span className="warn"> — does not parse; the preview shows the last good {kind}</span>}
      </h2>
      <CodeEditor label={label} language={language} text={text} version={version} change={change} findings={mine} onChange={onChange} reveal={reveal?.pane === kind ? reveal : null} onUndo={onUndo} onRedo={onRedo} />
    </section>
  );
}

/** Calls `fn` after a pause; `flush` calls it at once with what is pending (before an undo). */
/** Typing in a pane, handed on after a pause as one set of changes (the transactions composed). */
function useDebouncedChanges(fn: (changes: ChangeSet) => void, ms: number) {
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<ChangeSet | null>(null);
  return useMemo(() => {
    const flush = () => {
      window.clearTimeout(timer.current);
      if (pending.current !== null) {
        const cs = pending.current;
        pending.current = null;
        fn(cs);
      }
    };
    const call = (cs: ChangeSet) => {
      pending.current = pending.current ? pending.current.compose(cs) : cs;
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

interface DragSummary {
  files: number;
  xml: number;
  json: number;
  images: number;
  other: number;
}

/** What the dragged files are, from their types (a config is XML, tasks JSON; anything else is read by its name on drop). */
function dragSummary(items: DataTransferItemList): DragSummary {
  const s: DragSummary = { files: 0, xml: 0, json: 0, images: 0, other: 0 };
  for (const item of items) {
    if (item.kind !== 'file') continue;
    s.files++;
    if (/xml/.test(item.type)) s.xml++;
    else if (/json/.test(item.type)) s.json++;
    else if (item.type.startsWith('image/')) s.images++;
    else s.other++;
  }
  return s;
}
const sameSummary = (a: DragSummary, b: DragSummary) => a.files === b.files && a.xml === b.xml && a.json === b.json && a.images === b.images && a.other === b.other;

/** The panel over the page while files are dragged: what each kind of file opens as, and what is coming. */
function DropPanel({ summary: s }: { summary: DragSummary }) {
  const parts = [s.xml && `${s.xml} config${s.xml > 1 ? 's' : ''} (XML)`, s.json && `${s.json} tasks file${s.json > 1 ? 's' : ''} (JSON)`, s.images && `${s.images} image${s.images > 1 ? 's' : ''}`, s.other && `${s.other} to recognise by name on drop`].filter(Boolean);
  return (
    <div className="drop-overlay">
      <div className="drop-panel" role="dialog" aria-label="Drop files to open">
        <h2>Drop to open</h2>
        <p className="drop-coming">
          {s.files} file{s.files === 1 ? '' : 's'}: {parts.join(', ') || 'of unknown types, recognised by name on drop'}
        </p>
        <ul>
          <li>
            <b>Config</b>: a labeling config, .xml
          </li>
          <li>
            <b>Tasks</b>: .json, .jsonl or .ndjson (replaces the tasks open now; one undo step)
          </li>
          <li>
            <b>Images</b>: shown where a task names them by file name
          </li>
          <li>
            <b>Model output</b>: YOLO labels (.txt with classes.txt or data.yaml), COCO JSON or Pascal VOC XML, files or folders: imported as predictions
          </li>
        </ul>
        <p className="muted">What each file was recognised as is said under the page once dropped.</p>
      </div>
    </div>
  );
}

export function App() {
  const project = useStore((s) => s.project);
  const taskIndex = useStore((s) => s.taskIndex);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const notice = useStore((s) => s.notice);
  const changeText = useStore((s) => s.changeText);
  const dirty = useStore((s) => s.project.tasksVersion !== s.savedVersion);
  const [exportAs, setExportAs] = useState<'predictions' | 'annotations'>('predictions');
  /** The opened tasks file was not UTF-8 (what decodeText said): export says it writes UTF-8. */
  const tasksEncoding = useRef<string | null>(null);
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
  // The object views' code, fetched once the first screen is up (when the page is idle): a file opened later
  // is drawn at once, without a placeholder and a second pass while its view's code arrives.
  useEffect(() => {
    const preload = () => {
      warmCheckWorker();
      void Promise.all([ImageCanvas, ImageList, TextObject, ParagraphsObject, HyperTextObject].map((part) => part.preload())).then((ok) => {
        // For the browser tests: every view's code is in (or failed, and loads again when shown).
        document.documentElement.dataset.viewsLoaded = ok.every(Boolean) ? 'yes' : 'no';
      });
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preload, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 500);
    return () => window.clearTimeout(id);
  }, []);
  /** Files being dragged over the page, by kind (their types are known while dragging, their names only on drop). */
  const [dragging, setDragging] = useState<DragSummary | null>(null);

  const task = useStore(currentTask);
  const data = useStore(currentData);
  const config = project.goodConfig;
  // The findings of this task only (the views attach them to their results), the same array while they stay
  // the same: a batch of the worker's reports for other tasks, or an edit of another task, does not build
  // the 100,000 views of this one again.
  const taskFindings = useStable(useStore((s) => s.project.analysis?.reports[s.taskIndex]?.findings) ?? NO_FINDINGS);
  const fullView = useMemo(() => predictionView(config, task, taskIndex, predictionIndex, taskFindings), [config, task, taskIndex, predictionIndex, taskFindings]);
  const minScore = useStore((s) => s.minScore);
  const view = useMemo(() => (minScore > 0 ? { ...fullView, regions: fullView.regions.filter((r) => r.score === null || r.score >= minScore) } : fullView), [fullView, minScore]);
  const belowThreshold = fullView.regions.length - view.regions.length;
  const compareWith = useStore((s) => s.compareWith);
  const compareView = useMemo(() => (compareWith === null ? null : predictionView(config, task, taskIndex, compareWith, taskFindings)), [config, task, taskIndex, compareWith, taskFindings]);
  const [help, setHelp] = useState(false);
  // The side columns can be closed (the canvas then takes their room) and the panes column resized.
  const [panesOpen, setPanesOpen] = useState(true);
  const [sideOpen, setSideOpen] = useState(true);

  const configEdits = useDebouncedChanges(useCallback((cs: ChangeSet) => changeText('config', textChanges(cs)), [changeText]), 300);
  const tasksEdits = useDebouncedChanges(useCallback((cs: ChangeSet) => changeText('tasks', textChanges(cs)), [changeText]), 300);
  const configVersion = useTextVersion(project.configText);
  const tasksText = useMemo<TextSource>(
    () => ({
      whole: () => useStore.getState().project.tasksText,
      slice: (from, to) => textSlice(useStore.getState().project.doc, from, to),
      reader: () => {
        const doc = useStore.getState().project.doc;
        return (from, to) => textSlice(doc, from, to);
      },
    }),
    [],
  );
  const undo = useCallback(() => {
    configEdits.flush();
    tasksEdits.flush();
    useStore.getState().undo();
  }, [configEdits, tasksEdits]);
  const redo = useCallback(() => useStore.getState().redo(), []);
  const writeExport = () => {
    const s = useStore.getState();
    const base = s.project.tasksName.slice(s.project.tasksName.lastIndexOf('/') + 1);
    const name = base.replace(/(\.[^.]*)?$/, (ext) => (exportAs === 'annotations' ? `.annotations${ext || '.json'}` : ext || '.json'));
    const broken = syntaxProblem(s.project.doc);
    download(name, s.exportText(exportAs));
    s.markExported();
    s.setNotice(`Exported ${name}${exportAs === 'annotations' && !broken ? ' (predictions turned into annotations)' : ''}.${broken ? ` It does not parse (${where(broken)}).` : ''}${tasksEncoding.current ? ' It is written as UTF-8: the tasks file opened was not UTF-8.' : ''}`);
  };
  /** Asked first when the tasks text does not parse (never written without a word); `then` runs once it is written. */
  const [exportBroken, setExportBroken] = useState<{ finding: Finding; then?: () => void } | null>(null);
  const exportFile = (then?: () => void) => {
    configEdits.flush();
    tasksEdits.flush();
    const broken = syntaxProblem(useStore.getState().project.doc);
    if (broken) return setExportBroken({ finding: broken, then });
    writeExport();
    then?.();
  };

  const toggleHelp = useCallback((open?: boolean) => setHelp((h) => (open === undefined ? !h : open)), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  providePageEnv({ regions: view.regions, classifications: view.classifications, undo, redo, toggleHelp });
  useShortcuts(config, help, closeHelp);

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

  /** Replacing tasks that have changes not exported asks first (the replacement is also one undo step). */
  const [replacing, setReplacing] = useState<{ what: string; go(): void } | null>(null);
  const guardReplace = useCallback((what: string, go: () => void) => {
    const s = useStore.getState();
    if (s.project.tasksVersion === s.savedVersion) go();
    else setReplacing({ what, go });
  }, []);

  /** A drop of model output waits in the import dialog; Import opens its tasks as a tasks file. */
  const [importing, setImporting] = useState<Awaited<ReturnType<typeof sortFiles>> | null>(null);

  const openFiles = useCallback(async (files: Iterable<File>) => {
    const sorted = await sortFiles(files);
    if (sorted.model) {
      setImporting(sorted);
      return;
    }
    if (sorted.tasks) guardReplace(`Opening ${sorted.tasks.name}`, () => openSorted(sorted));
    else openSorted(sorted);
  }, [guardReplace]);

  const openSorted = (sorted: Awaited<ReturnType<typeof sortFiles>>) => {
    const before = useStore.getState();
    const configText = sorted.config?.text ?? before.project.configText;
    // New tasks are parsed here, so that the images of the task shown first are on their way while the
    // tasks are checked and the page drawn (the same text again is the store's to keep as it is).
    const fresh = !!sorted.tasks && sorted.tasks.text !== before.project.tasksText;
    // A big file's check starts in the worker now, beside the parse here (it started after it: ~0.5 s later at 23 MB).
    const check = fresh ? before.checkEarly(configText, sorted.tasks!.text, sorted.tasks!.file ? { blob: sorted.tasks!.file, name: sorted.tasks!.name } : undefined, takeBytes(sorted.tasks!)) : undefined;
    const tasks = fresh ? parseTasks(sorted.tasks!.text) : (sorted.tasks?.text ?? before.project.tasksText);
    let loading = 0;
    if ((sorted.config || sorted.tasks) && typeof tasks !== 'string' && tasks.tasks.length) {
      const config = configText === before.project.configText && before.project.goodConfig ? before.project.goodConfig : parseConfig(configText);
      if (config.ok) loading = preloadTaskImages(config, tasks.tasks[0], new Map([...before.images, ...sorted.images]));
    }
    const open = () => {
      const s = useStore.getState();
      if (sorted.config || sorted.tasks)
        s.loadProject(configText, tasks, { config: sorted.config?.name, tasks: sorted.tasks?.name }, undefined, { ...(sorted.tasks?.file ? { source: { blob: sorted.tasks.file, name: sorted.tasks.name } } : {}), ...(check !== undefined ? { check } : {}) });
      if (sorted.images.size) s.addImages(sorted.images);
      const parts = [sorted.config && `config ${sorted.config.name}`, sorted.tasks && `tasks ${sorted.tasks.name}`, sorted.images.size && `${sorted.images.size} image${sorted.images.size === 1 ? '' : 's'}`].filter(Boolean);
      if (sorted.tasks) tasksEncoding.current = sorted.tasks.problem ?? null;
      const problems = [...sorted.notes, ...sorted.problems].map((p) => ` ${p}`).join('');
      s.setNotice(parts.length ? `Loaded ${parts.join(', ')}.${sorted.skipped.length ? ` Skipped: ${sorted.skipped.join('; ')}.` : ''}${problems}` : `Nothing recognised: ${sorted.skipped.join('; ')}`);
    };
    // An image's request is sent at the next microtask checkpoint (the HTML spec's "update the image data"
    // awaits a stable state): opened after it, the checks and the drawing do not hold the request back.
    if (loading) queueMicrotask(open);
    else open();
  };

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      const next = dragSummary(e.dataTransfer.items);
      setDragging((d) => (d && sameSummary(d, next) ? d : next));
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(null);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(null);
      void droppedFiles(e.dataTransfer).then(openFiles);
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
  // No task to draw (the tasks do not parse, or there are none): a message in the objects' place, not an empty canvas.
  const brokenTasks = project.goodDoc ? null : syntaxProblem(project.doc);
  const showsTask = !!project.goodDoc?.tasks.length;
  const firstImage = objects.find((o) => o.type === 'image');
  const firstText = objects.find((o) => o.type === 'text');

  return (
    <div className={`app${dragging ? ' dragging' : ''}`} data-tasks-version={project.tasksVersion} data-checking={project.checking ? 'yes' : 'no'}>
      <header className="toolbar">
        <h1>prelabel</h1>
        <label className="file-button">
          Open files
          <input type="file" multiple accept=".xml,.json,.jsonl,.ndjson,.txt,.yaml,.yml,image/*" onChange={(e) => e.target.files && openFiles(Array.from(e.target.files))} />
        </label>
        <label className="file-button" title="Open a folder (model output with its images, or tasks and a config)">
          <span className="wide-only">Open folder</span>
          <span className="narrow-only">Folder</span>
          <input type="file" aria-label="Open folder" multiple {...{ webkitdirectory: '' }} onChange={(e) => e.target.files && openFiles(Array.from(e.target.files))} />
        </label>
        <label>
          <span className="wide-only">Sample </span>
          <select
            aria-label="Sample"
            value=""
            onChange={(e) => {
              const sample = samples.find((s) => s.id === e.target.value);
              if (sample) guardReplace(`Loading the sample “${sample.title}”`, () => void loadSample(sample));
            }}
          >
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
          <ActionButton id="history.undo" />
          <ActionButton id="history.redo" />
          <button type="button" className="export" onClick={() => exportFile()}>
            Export
          </button>
          <select aria-label="Export as" value={exportAs} onChange={(e) => setExportAs(e.target.value as 'predictions' | 'annotations')}>
            <option value="predictions">as predictions</option>
            <option value="annotations">as annotations (ground truth)</option>
          </select>
          {dirty && <span className="muted-light">changes not exported</span>}
        </span>
        <label>
          <span className="wide-only">Min score </span>
          <span className="narrow-only">Min </span>
          <input aria-label="Min score" className="min-score" type="number" min={0} max={1} step={0.05} value={minScore} onChange={(e) => useStore.getState().setMinScore(Number(e.target.value))} />
          {belowThreshold > 0 && <span className="muted-light"> {belowThreshold} below</span>}
        </label>
        <ActionButton id="help.toggle" expanded={help} />
      </header>
      {replacing && (
        <div className="modal-backdrop">
          <div className="modal" role="dialog" aria-modal="true" aria-labelledby="replace-title">
            <h2 id="replace-title">Changes not exported</h2>
            <p>
              The tasks here have changes you have not exported. {replacing.what} replaces them; Undo brings them back.
            </p>
            <div className="modal-buttons">
              <button
                type="button"
                onClick={() => {
                  setReplacing(null);
                  exportFile(replacing.go);
                }}
              >
                Export, then open
              </button>
              <button
                type="button"
                onClick={() => {
                  setReplacing(null);
                  replacing.go();
                }}
              >
                Discard changes and open
              </button>
              <button type="button" autoFocus onClick={() => setReplacing(null)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
      <div className={`columns${panesOpen ? '' : ' panes-closed'}${sideOpen ? '' : ' side-closed'}`}>
        <div className="panes" hidden={!panesOpen}>
          <Pane kind="config" label="Config" language="xml" name={project.configName} stale={project.stale.config} text={project.configText} version={configVersion} change={null} onChange={configEdits.call} onUndo={undo} onRedo={redo} />
          <Pane kind="tasks" label="Tasks" language="json" name={project.tasksName} stale={project.stale.tasks} text={tasksText} version={project.tasksVersion} change={project.tasksChange} onChange={tasksEdits.call} onUndo={undo} onRedo={redo} />
        </div>
        <main className="preview" aria-label="Preview">
          <div className="column-toggles">
            <button type="button" className="column-toggle" aria-expanded={panesOpen} onClick={() => setPanesOpen((o) => !o)} title={panesOpen ? 'Hide the Config and Tasks panes' : 'Show the Config and Tasks panes'}>
              {panesOpen ? '‹ Panes' : '› Panes'}
            </button>
            <button type="button" className="column-toggle" aria-expanded={sideOpen} onClick={() => setSideOpen((o) => !o)} title={sideOpen ? 'Hide the Regions and Problems panels' : 'Show the Regions and Problems panels'}>
              {sideOpen ? 'Panels ›' : 'Panels ‹'}
            </button>
          </div>
          {!config && !project.configText && <p className="muted">Drop a labeling config (.xml) and a tasks file (.json) anywhere, or open a sample.</p>}
          {!config && project.configText && <p className="muted">The config does not parse, so nothing can be drawn: its error is listed in Problems, with where it is.</p>}
          {config && brokenTasks && <TasksDoNotParse finding={brokenTasks} />}
          {config && project.goodDoc && !project.goodDoc.tasks.length && (
            <p className="preview-message" role="status">
              The tasks file has no tasks: open one (.json, .jsonl) to see its predictions here.
            </p>
          )}
          {showsTask && objects.map((o) => (
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
        <aside className="side" hidden={!sideOpen}>
          <RegionsPanel regions={view.regions} />
          <ClassificationsPanel config={config} items={view.classifications} />
          <ProblemsPanel />
        </aside>
      </div>
      {/* The notice of the last action, on a line of its own under the columns: the header stays one row. */}
      <footer className="statusbar">
        {/* Down here, not in the header: appearing there it wrapped the header to two rows and back, and the
            canvas under it was resized twice while a big file opened (~150 ms each at 10,000 boxes). */}
        {project.checking && (
          <span className="checking">
            <progress aria-label="Checking tasks" max={project.checking.total} value={project.checking.done} /> Checking {project.checking.done.toLocaleString('en-US')} of {project.checking.total.toLocaleString('en-US')} tasks
          </span>
        )}
        {notice && (
          <span className="notice" role="status" title={notice}>
            {notice}
          </span>
        )}
      </footer>
      {dragging && <DropPanel summary={dragging} />}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {exportBroken && (
        <ExportDoesNotParse
          finding={exportBroken.finding}
          annotations={exportAs === 'annotations'}
          onCancel={() => setExportBroken(null)}
          onExport={() => {
            setExportBroken(null);
            writeExport();
            exportBroken.then?.();
          }}
        />
      )}
      {importing?.model && (
        <div className="modal-backdrop">
          <ImportDialog
            model={importing.model}
            imageFiles={importing.imageFiles}
            dropped={importing.config}
            current={project.configText ? { name: project.configName ?? null, text: project.configText } : null}
            onCancel={() => setImporting(null)}
            onImport={(o) => {
              const sorted = importing;
              setImporting(null);
              guardReplace(`Importing ${o.tasks.name}`, () => openSorted({ ...sorted, model: null, config: o.config, tasks: o.tasks }));
            }}
          />
        </div>
      )}
    </div>
  );
}
