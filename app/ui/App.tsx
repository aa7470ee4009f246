// The app: a toolbar (open files, samples, navigation), the Config and Tasks panes, the preview of the
// current task's prediction, and the Regions, Classifications and Problems panels. Files drop anywhere.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectTag } from '../core';
import { predictionView, type RegionView, type RelationView } from '../core/preview';
import { currentData, currentTask, useStore } from '../store/store';
import { ImageCanvas } from './canvas/ImageCanvas';
import { sortFiles } from './files';
import { Navigation } from './panels/Navigation';
import { ClassificationsPanel } from './panels/ClassificationsPanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { RegionsPanel } from './panels/RegionsPanel';
import { CodeEditor } from './panes/CodeEditor';
import { loadSample, useSamples } from './samples';
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

function ObjectView({ object, regions, relations, data, firstImage, firstText }: { object: ObjectTag; regions: RegionView[]; relations: RelationView[]; data: Record<string, unknown> | null; firstImage: boolean; firstText: boolean }) {
  const value = object.variable && data ? data[object.variable] : object.value;
  const mine = regionsFor(object, regions, firstImage, firstText);
  const keys = new Set(mine.map((r) => r.key));
  const myRelations = relations.filter((r) => keys.has(r.fromId) && keys.has(r.toId));
  if (object.namePattern) return <p className="muted">{object.tag} "{object.name}" is repeated for each item of ${object.variable}; its results are listed in Regions.</p>;
  switch (object.type) {
    case 'image':
      return <ImageCanvas object={object} url={typeof value === 'string' ? value : null} regions={mine} relations={myRelations} />;
    case 'text':
      return <TextObject object={object} value={value} regions={mine} relations={myRelations} />;
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

function Pane({ kind, label, language, name, stale, text, onChange }: { kind: 'config' | 'tasks'; label: string; language: 'xml' | 'json'; name: string; stale: boolean; text: string; onChange(text: string): void }) {
  const findings = useStore((s) => s.project.findings);
  const reveal = useStore((s) => s.reveal);
  const mine = useMemo(() => findings.filter((f) => f.source === kind), [findings, kind]);
  return (
    <section className="pane" aria-label={`${label} pane`}>
      <h2>
        {label} <span className="muted">{name}</span>
        {stale && <span className="warn"> — does not parse; the preview shows the last good {kind}</span>}
      </h2>
      <CodeEditor label={label} language={language} text={text} findings={mine} onChange={onChange} reveal={reveal?.pane === kind ? reveal : null} />
    </section>
  );
}

function useDebounced(fn: (text: string) => void, ms: number) {
  const timer = useRef<number | undefined>(undefined);
  return useCallback(
    (text: string) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => fn(text), ms);
    },
    [fn, ms],
  );
}

export function App() {
  const project = useStore((s) => s.project);
  const taskIndex = useStore((s) => s.taskIndex);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const notice = useStore((s) => s.notice);
  const setConfigText = useStore((s) => s.setConfigText);
  const setTasksText = useStore((s) => s.setTasksText);
  const samples = useSamples();
  // Open with the first sample (the guide's bounding-box example) when nothing is loaded yet.
  useEffect(() => {
    if (samples.length && !useStore.getState().project.configText) void loadSample(samples[0]);
  }, [samples]);
  const [dragging, setDragging] = useState(false);

  const task = useStore(currentTask);
  const data = useStore(currentData);
  const config = project.goodConfig;
  const view = useMemo(() => predictionView(config, task, taskIndex, predictionIndex, project.findings), [config, task, taskIndex, predictionIndex, project.findings]);

  const onConfigEdit = useDebounced(useCallback((t: string) => setConfigText(t), [setConfigText]), 300);
  const onTasksEdit = useDebounced(useCallback((t: string) => setTasksText(t), [setTasksText]), 300);

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
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
      </header>
      <div className="columns">
        <div className="panes">
          <Pane kind="config" label="Config" language="xml" name={project.configName} stale={project.stale.config} text={project.configText} onChange={onConfigEdit} />
          <Pane kind="tasks" label="Tasks" language="json" name={project.tasksName} stale={project.stale.tasks} text={project.tasksText} onChange={onTasksEdit} />
        </div>
        <main className="preview" aria-label="Preview">
          {!config && <p className="muted">Drop a labeling config (.xml) and a tasks file (.json) anywhere, or open a sample.</p>}
          {objects.map((o) => (
            <ObjectView key={o.name} object={o} regions={view.regions} relations={view.relations} data={data} firstImage={o === firstImage} firstText={o === firstText} />
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
    </div>
  );
}
