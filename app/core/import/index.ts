// Model output -> Label Studio tasks on a config: the one call the CLI and the app make after reading the input.

import { parseConfig } from '../config/parse';
import { generateConfig } from './generateConfig';
import { buildTasks, planMapping, type MappingPlan } from './mapping';
import { ImportError, type ImportResult } from './model';

export { ImportError } from './model';
export type { ImportResult, ImportedImage, ImportedObject, Shape } from './model';
export { importYolo, parseClassesTxt, parseDataYaml, yoloTask, YOLO_TASKS } from './yolo';
export type { YoloClasses, YoloLabelFile, YoloTask } from './yolo';
export { importCoco } from './coco';
export { importVoc, importVocFile } from './voc';
export { readImageSize, HEADER_BYTES } from './imageSize';
export { planMapping, buildTasks, DEFAULT_IMAGE_ROOT } from './mapping';
export type { MappingPlan } from './mapping';
export { generateConfig } from './generateConfig';

export interface ToTasksOptions {
  /** The user's config text; without it a config is generated from the classes and kinds found. */
  configText?: string | null;
  map?: Record<string, string>;
  imageRootUrl?: string;
  modelVersion: string;
}

export interface ToTasksResult {
  tasks: Record<string, unknown>[];
  /** The generated config, when none was given. */
  generatedConfig: string | null;
  plan: MappingPlan;
}

/** Throws ImportError (unmapped classes, no control for a geometry, a bad config) and then nothing is written. */
export function importedToTasks(result: ImportResult, options: ToTasksOptions): ToTasksResult {
  const map = options.map ?? {};
  let configText = options.configText ?? null;
  let generatedConfig: string | null = null;
  if (configText === null) {
    // A class id past the class names is a wrong names file or a wrong model, not a label to invent.
    const unnamed = new Set<string>();
    for (const im of result.images) for (const o of im.objects) if (o.unnamed && map[o.className] === undefined) unnamed.add(o.className);
    if (unnamed.size) {
      const ids = [...unnamed].sort((a, b) => Number(a) - Number(b));
      throw new ImportError(`class id${ids.length === 1 ? '' : 's'} ${ids.join(', ')} ha${ids.length === 1 ? 's' : 've'} no name in the class list (${result.classes.length} names: ids 0..${result.classes.length - 1}${result.format === 'coco' ? ' by category id' : ''}). Check the class list belongs to this model, or name them with --map ${ids[0]}=NAME (repeatable). Nothing was written.`);
    }
    configText = generatedConfig = generateConfig(result, map);
  }
  const config = parseConfig(configText);
  if (!config.ok) {
    const first = config.findings.find((f) => f.severity === 'error');
    throw new ImportError(`the config does not parse${first ? ` (line ${first.line}: ${first.message})` : ''}: fix it first (prelabel validate shows every problem).`);
  }
  const plan = planMapping(result, config, map);
  return { tasks: buildTasks(result, plan, options), generatedConfig, plan };
}

/**
 * The tasks as the JSON text written to --out: tasks, predictions and result lists spread over lines,
 * each result (and `data`) on one line, so a finding's line points at one region and masks stay compact.
 */
export function tasksJson(tasks: readonly Record<string, unknown>[]): string {
  return `${layout(tasks, '', false)}\n`;
}

function layout(v: unknown, pad: string, inline: boolean): string {
  if (inline || v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = pad + '  ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + layout(x, inner, false)).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return '{}';
  // Inside a prediction's `result`, and for `data`, one line per value.
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${k === 'result' && Array.isArray(x) ? resultList(x, inner) : layout(x, inner, k === 'data' || k === 'meta')}`).join(',\n')}\n${pad}}`;
}

function resultList(list: unknown[], pad: string): string {
  if (!list.length) return '[]';
  const inner = pad + '  ';
  return `[\n${list.map((r) => inner + JSON.stringify(r)).join(',\n')}\n${pad}]`;
}
