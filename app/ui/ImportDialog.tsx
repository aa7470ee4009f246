// The import dialog: what a drop of model output was recognised as (format, kind, images, classes), the
// class-to-label mapping (editable), the config it lands on; Import turns it into the Tasks text.

import { useEffect, useMemo, useState } from 'react';
import { parseConfig } from '../core';
import { DEFAULT_IMAGE_ROOT, generateConfig, ImportError, importedToTasks, planMapping, tasksJson, YOLO_TASKS, type MappingPlan, type YoloTask } from '../core/import';
import { readImageSizes, recognise, YOLO_IMAGE_EXTENSIONS, type ImageSizes, type Recognised } from './importFiles';
import { missingPart, type ModelOutput } from './modelFiles';

export interface ImportedOpen {
  tasks: { name: string; text: string };
  /** The config to open with the tasks: a generated one, the dropped one, or null (keep the current). */
  config: { name: string; text: string } | null;
}

interface Props {
  model: ModelOutput;
  imageFiles: Map<string, File>;
  dropped: { name: string; text: string } | null;
  current: { name: string | null; text: string } | null;
  onImport(open: ImportedOpen): void;
  onCancel(): void;
}

type ConfigChoice = 'dropped' | 'current' | 'generate';
const FORMAT_NAMES = { yolo: 'YOLO txt', coco: 'COCO JSON', voc: 'Pascal VOC XML' };
const message = (e: unknown) => (e instanceof ImportError ? e.message : `Could not read the input: ${(e as Error).message}`);

export function ImportDialog({ model, imageFiles, dropped, current, onImport, onCancel }: Props) {
  const [sizes, setSizes] = useState<ImageSizes | null>(null);
  const [task, setTask] = useState<YoloTask | null>(null);
  const [imageExt, setImageExt] = useState<string | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [modelVersion, setModelVersion] = useState<string | null>(null);
  const [imageRoot, setImageRoot] = useState(DEFAULT_IMAGE_ROOT);
  const [choice, setChoice] = useState<ConfigChoice | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readImageSizes(imageFiles).then((s) => live && setSizes(s));
    return () => {
      live = false;
    };
  }, [imageFiles]);

  const missing = missingPart(model);
  const read = useMemo((): { ok: Recognised } | { error: string } | null => {
    if (!sizes || missing) return null;
    try {
      return { ok: recognise(model, sizes, task, imageExt) };
    } catch (e) {
      return { error: message(e) };
    }
  }, [model, sizes, task, imageExt, missing]);
  const recognised = read && 'ok' in read ? read.ok : null;

  // The config: the dropped one, else the current one when it takes every class, else a generated one.
  const currentFits = useMemo(() => {
    if (!recognised || !current?.text) return false;
    try {
      const cfg = parseConfig(current.text);
      return cfg.ok && planMapping(recognised.result, cfg, {}).unmapped.length === 0;
    } catch {
      return false;
    }
  }, [recognised, current]);
  const configChoice: ConfigChoice = choice ?? (dropped ? 'dropped' : currentFits ? 'current' : 'generate');

  const planned = useMemo((): { plan: MappingPlan; configText: string } | { error: string } | null => {
    if (!recognised) return null;
    try {
      const configText = configChoice === 'generate' ? generateConfig(recognised.result, map) : configChoice === 'dropped' ? dropped!.text : current?.text ?? '';
      const cfg = parseConfig(configText);
      if (!cfg.ok) return { error: 'The config does not parse: fix it first, or generate one from the classes.' };
      return { plan: planMapping(recognised.result, cfg, map), configText };
    } catch (e) {
      return { error: message(e) };
    }
  }, [recognised, configChoice, map, dropped, current]);
  const plan = planned && 'plan' in planned ? planned.plan : null;
  // Boxes and polygons (or keypoints) go to different controls: then each row says which.
  const manyControls = !!plan && new Set(plan.rows.map((r) => r.control)).size > 1;
  const config = plan ? parseConfig((planned as { configText: string }).configText) : null;
  const version = modelVersion ?? recognised?.modelVersion ?? model.format;
  const error = missing ?? (read && 'error' in read ? read.error : null) ?? (planned && 'error' in planned ? planned.error : null);
  const objects = recognised ? recognised.result.images.reduce((n, im) => n + im.objects.length, 0) : 0;

  const doImport = () => {
    if (!recognised || !planned || !('plan' in planned)) return;
    try {
      const { tasks, generatedConfig } = importedToTasks(recognised.result, {
        configText: configChoice === 'generate' ? null : planned.configText,
        map,
        imageRootUrl: imageRoot,
        modelVersion: version,
      });
      const name = `${version}.tasks.json`;
      onImport({
        tasks: { name, text: tasksJson(tasks) },
        config: generatedConfig !== null ? { name: `${version}.config.xml`, text: generatedConfig } : configChoice === 'dropped' ? dropped : null,
      });
    } catch (e) {
      setImportError(message(e));
    }
  };
  // The mapping message without its command-line hint (the last line): here the table is the way to map.
  const unmapped = plan?.unmappedMessage ? `${plan.unmappedMessage.split('\n').slice(0, -1).join('\n')}\nChoose a label for each below, or add it to the config.` : null;
  const shownError = error ?? importError ?? unmapped;

  // The backdrop is App's, so it is there while this dialog's code loads.
  return (
      <div className="modal import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">Import model output</h2>
        <dl className="import-facts">
          <dt>Format</dt>
          <dd>{FORMAT_NAMES[model.format]}: {model.files.length} file{model.files.length === 1 ? '' : 's'}{model.classes ? `, classes from ${model.classes.name}` : ''}</dd>
          <dt>Kind</dt>
          <dd>
            {model.format === 'yolo' ? (
              <select aria-label="YOLO kind" value={task ?? recognised?.task ?? ''} onChange={(e) => setTask((e.target.value || null) as YoloTask | null)}>
                {!recognised?.task && <option value="">choose…</option>}
                {YOLO_TASKS.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            ) : (
              recognised?.result.kind ?? '…'
            )}
            {recognised && ` — ${objects} object${objects === 1 ? '' : 's'}`}
          </dd>
          <dt>Images</dt>
          <dd>
            {!sizes ? 'reading sizes…' : recognised ? `${recognised.matched} of ${recognised.total} matched to dropped images` : '–'}
            {recognised && recognised.result.images.length > recognised.total && `; ${recognised.result.images.length - recognised.total} image${recognised.result.images.length - recognised.total === 1 ? '' : 's'} without labels (tasks with no regions)`}
            {recognised && recognised.unmatched.length > 0 && <div className="muted">Not dropped (named by the file): {recognised.unmatched.slice(0, 3).join(', ')}{recognised.unmatched.length > 3 ? ', …' : ''}</div>}
            {recognised?.result.notes.map((n) => <div key={n} className="muted import-note">{n}</div>)}
            {recognised?.assumedExtension && (
              <select aria-label="Image extension" value={recognised.assumedExtension} onChange={(e) => setImageExt(e.target.value)}>
                {[...new Set([recognised.assumedExtension, ...YOLO_IMAGE_EXTENSIONS])].map((x) => <option key={x} value={x}>{x}</option>)}
              </select>
            )}
          </dd>
          <dt>Config</dt>
          <dd>
            <select aria-label="Config" value={configChoice} onChange={(e) => setChoice(e.target.value as ConfigChoice)}>
              {dropped && <option value="dropped">{dropped.name} (dropped)</option>}
              {current?.text && <option value="current">the current config{current.name ? ` (${current.name})` : ''}</option>}
              <option value="generate">generate one from the classes</option>
            </select>
          </dd>
          <dt>Model version</dt>
          <dd>
            <input aria-label="Model version" value={version} onChange={(e) => setModelVersion(e.target.value)} />
          </dd>
          <dt>Image URL prefix</dt>
          <dd>
            <input aria-label="Image URL prefix" value={imageRoot} onChange={(e) => setImageRoot(e.target.value)} />
          </dd>
        </dl>
        {plan && config && (
          <table className="import-map" aria-label="Classes mapped">
            <thead>
              <tr>
                <th>Class</th>
                <th>Objects</th>
                {manyControls && <th>Control</th>}
                <th>Label{manyControls ? '' : ` (${plan.rows[0]?.control ?? ''})`}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => {
                const control = config.controls.get(r.control)!;
                return (
                  <tr key={`${r.control}/${r.className}`} className={r.label === null ? 'unmapped' : ''}>
                    <td>{r.className}</td>
                    <td>{r.count}</td>
                    {manyControls && <td>{r.control}</td>}
                    <td>
                      <select aria-label={`Label for ${r.className}`} value={r.label ?? ''} onChange={(e) => setMap((m) => ({ ...m, [r.className]: e.target.value }))}>
                        {r.label === null && <option value="">no label: choose…</option>}
                        {control.options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.value}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {shownError && (
          <p className="import-error" role="alert">
            {shownError}
          </p>
        )}
        <div className="modal-buttons">
          <button type="button" onClick={doImport} disabled={!plan || !!error || plan.unmapped.length > 0}>
            Import {recognised ? `${recognised.result.images.length} task${recognised.result.images.length === 1 ? '' : 's'}` : ''}
          </button>
          <button type="button" autoFocus onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
  );
}
