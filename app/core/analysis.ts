// The analysis of a tasks document against a config, kept per task: after text changes only the tasks they
// touched are validated again, the findings of the others are moved, and the file-wide counts are sums.

import type { ConfigModel } from './config/model';
import type { Finding } from './finding';
import type { TasksDocument } from './tasks/parse';
import { lastAtOrBefore } from './tasks/jsonIndex';
import { moveFinding, type Patch, type TasksUpdate } from './tasks/update';
import type { ValidateOptions } from './validate/context';
import { documentFindings, validateTask, type Reuse, type TaskReport, type ValidationSummary } from './validate/validate';

export interface Analysis {
  config: ConfigModel;
  doc: TasksDocument;
  options: ValidateOptions;
  /** One report per task of `doc`. */
  reports: TaskReport[];
}

export function analyzeTasks(config: ConfigModel, doc: TasksDocument, options: ValidateOptions = {}): Analysis {
  const reports: TaskReport[] = new Array(doc.tasks.length);
  for (let t = 0; t < doc.tasks.length; t++) {
    reports[t] = validateTask(config, doc, t, options);
  }
  return { config, doc, options, reports };
}

/** The analysis after `update` of the same config's document: touched tasks validated again, the rest moved. */
export function reanalyze(prev: Analysis, update: TasksUpdate): Analysis {
  const { doc } = update;
  if (update.full || doc.tasks.length !== prev.reports.length) return analyzeTasks(prev.config, doc, prev.options);
  const reports = prev.reports.slice();
  const touched = new Set(update.touched);
  let s = 0;
  let delta = 0;
  let lines = 0;
  for (let t = 0; t < reports.length; t++) {
    while (s < update.shift.length && update.shift[s].after < t) {
      delta += update.shift[s].delta;
      lines += update.shift[s].lines;
      s++;
    }
    if (touched.has(t)) {
      const patch = update.patched?.get(t);
      reports[t] = patch ? validateTask(prev.config, doc, t, prev.options, undefined, reuseOf(prev.reports[t], patch, doc.index.tasks[t], doc)) : validateTask(prev.config, doc, t, prev.options);
    }
    else if ((delta !== 0 || lines !== 0) && reports[t].findings.length) {
      const r = reports[t];
      reports[t] = { ...r, findings: r.findings.map((f) => moveFinding(f, delta, doc.lines)) };
    }
  }
  return { config: prev.config, doc, options: prev.options, reports };
}

/**
 * The analysis under other options (the sizes of the images the app has loaded): only the tasks whose
 * findings depend on them, those with brush-mask findings, are validated again.
 */
export function withOptions(prev: Analysis, options: ValidateOptions): { analysis: Analysis; tasks: number[] } {
  const reports = prev.reports.slice();
  const tasks: number[] = [];
  for (let t = 0; t < reports.length; t++) {
    if (!reports[t]?.findings.some((f) => f.rule === 'rle-invalid')) continue;
    reports[t] = validateTask(prev.config, prev.doc, t, options);
    tasks.push(t);
  }
  return { analysis: { ...prev, options, reports }, tasks };
}

/** How the findings of results an edit did not touch move: through the task's changes, to its new start. */
function reuseOf(prev: TaskReport, patch: Patch, newStart: number, doc: TasksDocument): Reuse {
  const { changes, oldStart } = patch;
  // Prefix sums of the length changes, so a finding's shift is one binary search away.
  const ends: number[] = [];
  const grown: number[] = [];
  let g = 0;
  for (const c of changes) {
    g += c.insert.length - (c.to - c.from);
    ends.push(c.to);
    grown.push(g);
  }
  // The memo's findings were made where the task started then (it may have moved since without them).
  const memoAt = prev.memoAt ?? oldStart;
  return {
    prev,
    changed: patch.results,
    ...(patch.origin ? { origin: patch.origin } : {}),
    move(f) {
      if (f.offset < 0) return f;
      const rel = f.offset - memoAt;
      const k = lastAtOrBefore(ends, rel);
      return moveFinding(f, newStart - memoAt + (k === -1 ? 0 : grown[k]), doc.lines);
    },
  };
}

/**
 * Every finding in text order: the config's, the file's (at its first task), then per task its JSON Lines
 * syntax finding and its report's. Tasks are in text order and each report is sorted, so this is a
 * concatenation, not a sort.
 */
export function analysisFindings(a: Analysis, configFindings: readonly Finding[] = a.config.findings): Finding[] {
  const out: Finding[] = [...configFindings, ...documentFindings(a.config, a.doc)];
  const syntax = a.doc.syntax;
  let k = 0;
  for (let t = 0; t < a.reports.length; t++) {
    while (k < syntax.length && (syntax[k].task ?? -1) <= t) out.push(syntax[k++]);
    for (const f of a.reports[t].findings) out.push(f);
  }
  while (k < syntax.length) out.push(syntax[k++]);
  return out;
}

/** Counts of the whole file: sums over the task reports (tasks, predictions, results). */
export function analysisCounts(a: Analysis): Pick<ValidationSummary, 'tasks' | 'predictions' | 'results'> {
  let tasks = 0;
  let predictions = 0;
  let results = 0;
  for (const r of a.reports) {
    tasks += r.tasks;
    predictions += r.predictions;
    results += r.results;
  }
  return { tasks, predictions, results };
}
