// The analysed project: the texts, their parses, the findings, and the last good parse of each so that a
// half-typed file never blanks the preview. Pure functions of the texts, tested without a browser.

import { parseConfig, parseTasks, validate, type ConfigModel, type Finding, type TasksDocument, type ValidationSummary } from '../core';

export interface Project {
  configText: string;
  tasksText: string;
  configName: string;
  tasksName: string;
  /** Parse of the current config text (may be broken). */
  config: ConfigModel;
  /** Last config that parsed: the preview draws with it. */
  goodConfig: ConfigModel | null;
  /** Parse of the current tasks text (may be broken). */
  doc: TasksDocument;
  /** Last tasks document that parsed: the preview draws it. */
  goodDoc: TasksDocument | null;
  /** Findings of the current texts: positions refer to the current config and tasks texts. */
  findings: Finding[];
  summary: ValidationSummary;
  /** True when the preview shows an older state than the texts (one of them does not parse). */
  stale: { config: boolean; tasks: boolean };
}

/** A tasks document that cannot be read at all (no task came out of it). */
export const unreadable = (doc: TasksDocument) => doc.syntax.length > 0 && doc.tasks.every((t) => t === undefined);

export function analyze(prev: Project | null, configText: string, tasksText: string, names: { config?: string; tasks?: string } = {}): Project {
  const config = prev && prev.configText === configText ? prev.config : parseConfig(configText);
  const doc = prev && prev.tasksText === tasksText ? prev.doc : parseTasks(tasksText);
  const goodConfig = config.ok ? config : (prev?.goodConfig ?? null);
  const goodDoc = unreadable(doc) ? (prev?.goodDoc ?? null) : doc;
  let findings: Finding[];
  let summary: ValidationSummary;
  if (unreadable(doc)) {
    findings = [...config.findings, ...doc.syntax];
    summary = { tasks: 0, predictions: 0, results: 0, errors: 0, warnings: 0, infos: 0 };
  } else {
    // A broken config still shows its xml-syntax finding, while the tasks are checked against the last good one.
    const report = validate(goodConfig ?? config, doc);
    findings = goodConfig && goodConfig !== config ? [...config.findings, ...report.findings.filter((f) => f.source === 'tasks')] : report.findings;
    summary = report.summary;
  }
  summary = { ...summary, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return {
    configText,
    tasksText,
    configName: names.config ?? prev?.configName ?? 'config.xml',
    tasksName: names.tasks ?? prev?.tasksName ?? 'tasks.json',
    config,
    goodConfig,
    doc,
    goodDoc,
    findings,
    summary,
    stale: { config: !config.ok && goodConfig !== null, tasks: unreadable(doc) && goodDoc !== null },
  };
}
