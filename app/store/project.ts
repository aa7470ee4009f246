// The analysed project: the texts, their parses, the findings per task, and the last good parse of each so
// that a half-typed file never blanks the preview. Pure functions of the texts and their changes, tested
// without a browser: a change of the tasks text re-checks only the tasks it touched.

import { parseConfig, parseTasks, type ConfigModel, type Finding, type TasksDocument, type ValidationSummary } from '../core';
import { analysisCounts, analysisFindings, analyzeTasks, reanalyze, withOptions, type Analysis } from '../core/analysis';
import type { ValidateOptions } from '../core/validate/context';
import { validateTask, type TaskReport } from '../core/validate/validate';
import { countBySeverity } from '../core/finding';
import type { TextChange } from '../core/text/changes';
import { moveFinding, updateTasks, type TasksUpdate } from '../core/tasks/update';

export interface Project {
  configText: string;
  /** The whole tasks text: joined from the document's pieces on first read (reading it costs the file's size). */
  readonly tasksText: string;
  /**
   * Identity of the tasks text: a new number for every change, the old number again after undo; with the
   * change that made it from the version before, so a pane can apply that change instead of the whole text.
   */
  tasksVersion: number;
  tasksChange: TasksChange | null;
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
  /** Per-task analysis of `doc` (null while the tasks text cannot be read at all). */
  analysis: Analysis | null;
  /** Findings of the current texts: positions refer to the current config and tasks texts. */
  findings: Finding[];
  summary: ValidationSummary;
  /** True when the preview shows an older state than the texts (one of them does not parse). */
  stale: { config: boolean; tasks: boolean };
  /**
   * The tasks are checked against the config as written, the last good config (the person is editing it in
   * the pane and it does not parse right now), or, for a newly opened config that does not parse, nothing
   * that depends on a config.
   */
  checkedAgainst: 'config' | 'last-good' | 'no-config';
  /** A check running in a worker (big files): reports arrive in batches; null when every task is checked. */
  checking: Checking | null;
  /** What the tasks are checked with besides the texts: the natural sizes of the images loaded so far. */
  options: ValidateOptions;
}

/** A check of the tasks running elsewhere, and what has happened to the tasks since it started. */
export interface Checking {
  id: number;
  done: number;
  total: number;
  /** Where each task started in the text the check reads. */
  starts: readonly number[];
  /** Tasks checked here since (edited): their reports are newer than the worker's. */
  touched: ReadonlySet<number>;
  /** What the worker checks with (the image sizes known when it started). */
  options: ValidateOptions;
}

export interface TasksChange {
  /** The version the changes apply to. */
  base: number;
  changes: readonly TextChange[];
  /** Typed in the Tasks pane (which has them already). */
  typed: boolean;
}

let versions = 0;
/** A tasks version number not used before. */
export const newVersion = () => ++versions;
/** Numbers up to `n` are taken (by a restored session's history). */
export const reserveVersions = (n: number) => {
  versions = Math.max(versions, n);
};

/** A tasks document that cannot be read at all (no task came out of it). */
export const unreadable = (doc: TasksDocument) => doc.syntax.length > 0 && doc.tasks.every((t) => t === undefined);

interface Names {
  config?: string;
  tasks?: string;
}

/**
 * The project for these texts. `freshConfig`: the config was opened, not typed: when it does not parse, the
 * tasks are not checked against the previous, unrelated config (that would offer fixes that damage them).
 * `freshTasks`: the tasks file was opened: when it does not parse, the previous file's tasks are not shown
 * as if they were its own (the last good tasks stand in only while the person edits the same text).
 */
export function analyze(prev: Project | null, configText: string, tasksText: string | TasksDocument, names: Names = {}, freshConfig = false, defer?: number, freshTasks = false): Project {
  const config = prev && prev.configText === configText ? prev.config : parseConfig(configText);
  const doc = typeof tasksText !== 'string' ? tasksText : prev && prev.doc.length === tasksText.length && prev.tasksText === tasksText ? prev.doc : parseTasks(tasksText);
  const goodConfig = config.ok ? config : freshConfig ? null : (prev?.goodConfig ?? null);
  const against = goodConfig ?? config;
  const options = prev?.options ?? {};
  const reuse = prev?.analysis && prev.analysis.doc === doc && prev.analysis.config === against ? prev.analysis : null;
  // `defer`: a check id; the tasks are checked by a worker, which reports in batches (installReports).
  const deferred = defer !== undefined && !reuse && !unreadable(doc);
  const analysis = unreadable(doc) ? null : (reuse ?? (deferred ? pendingAnalysis(against, doc, options) : analyzeTasks(against, doc, options)));
  const checking: Checking | null = deferred ? { id: defer, done: 0, total: doc.tasks.length, starts: doc.index.tasks, touched: new Set(), options } : reuse ? (prev?.checking ?? null) : null;
  const same = prev && doc === prev.doc;
  return finish(prev, { configText, config, goodConfig, doc, analysis, checking, tasksVersion: same ? prev.tasksVersion : newVersion(), tasksChange: same ? prev.tasksChange : null, noFallback: freshTasks && !same }, names);
}

/** An analysis whose task reports are still to come: every task counts as one task with nothing found yet. */
function pendingAnalysis(config: ConfigModel, doc: TasksDocument, options: ValidateOptions): Analysis {
  const reports: TaskReport[] = new Array(doc.tasks.length);
  for (let t = 0; t < reports.length; t++) reports[t] = { findings: [], tasks: doc.tasks[t] === undefined ? 0 : 1, predictions: 0, results: 0 };
  return { config, doc, options, reports };
}

/**
 * The project with a batch of reports from the check `id`, made for tasks from..from+n-1 of the text the
 * check read: moved to where those tasks are now; tasks edited since keep the reports made here.
 */
export function installReports(project: Project, id: number, from: number, reports: readonly TaskReport[], lines?: Int32Array): Project {
  const checking = project.checking;
  if (!checking || checking.id !== id || !project.analysis) return project;
  const a = project.analysis;
  const next = a.reports.slice();
  const { doc } = a;
  // The worker's line starts are those of the text it read: this text, when no edit came since.
  if (lines && doc.index.tasks === checking.starts) doc.lines.adopt(lines);
  for (let k = 0; k < reports.length; k++) {
    const t = from + k;
    if (t >= next.length || checking.touched.has(t)) continue;
    // Edits before this task since the check started moved it (and maybe its lines): read the positions again.
    const delta = doc.index.tasks[t] - checking.starts[t];
    const r = reports[k];
    // An image loaded since the worker started: its masks' findings are made here, with the size (and its fix).
    if (project.options !== checking.options && r.findings.some((f) => f.rule === 'rle-invalid')) next[t] = validateTask(a.config, doc, t, project.options);
    else next[t] = { ...r, findings: r.findings.map((f) => moveFinding(f, delta, doc.lines)) };
  }
  const done = from + reports.length;
  const analysis: Analysis = { ...a, reports: next };
  return finish(project, { configText: project.configText, config: project.config, goodConfig: project.goodConfig, doc, analysis, checking: done >= checking.total ? null : { ...checking, done }, tasksVersion: project.tasksVersion, tasksChange: project.tasksChange }, {});
}

/** The project when its check cannot finish: checked here instead, with the reason for the caller to show. */
export function checkHere(project: Project): Project {
  if (!project.checking || !project.analysis) return project;
  const analysis = analyzeTasks(project.analysis.config, project.doc, project.options);
  return finish(project, { configText: project.configText, config: project.config, goodConfig: project.goodConfig, doc: project.doc, analysis, checking: null, tasksVersion: project.tasksVersion, tasksChange: project.tasksChange }, {});
}

/** The project after changes of the tasks text (sorted, on the current text): only touched tasks are checked again. */
export function changeTasks(prev: Project, changes: readonly TextChange[], version: { to?: number; typed?: boolean } = {}, names: Names = {}, update: TasksUpdate = updateTasks(prev.doc, changes)): Project {
  const { doc } = update;
  let analysis: Analysis | null = null;
  if (!unreadable(doc)) {
    const against = prev.goodConfig ?? prev.config;
    analysis = prev.analysis && prev.analysis.doc === prev.doc && prev.analysis.config === against ? reanalyze(prev.analysis, update) : analyzeTasks(against, doc, prev.options);
  }
  const tasksVersion = version.to ?? newVersion();
  // While a worker checks the file, the tasks checked here are newer than what it will send; a full re-read
  // (tasks added or removed) is checked here, whole.
  let checking = prev.checking;
  if (checking && analysis) {
    if (update.full) {
      analysis = analyzeTasks(analysis.config, doc, prev.options);
      checking = null;
    } else checking = { ...checking, touched: new Set([...checking.touched, ...update.touched]) };
  }
  return finish(prev, { configText: prev.configText, config: prev.config, goodConfig: prev.goodConfig, doc, analysis, checking, tasksVersion, tasksChange: { base: prev.tasksVersion, changes, typed: !!version.typed } }, names);
}

/**
 * The project checked with other options (an image's natural size became known): the tasks whose findings
 * depend on them are checked again; while a worker checks the file, its reports for them are older.
 */
export function withCheckOptions(project: Project, options: ValidateOptions): Project {
  if (!project.analysis) return { ...project, options };
  const { analysis, tasks } = withOptions(project.analysis, options);
  const checking = project.checking && tasks.length ? { ...project.checking, touched: new Set([...project.checking.touched, ...tasks]) } : project.checking;
  return finish(project, { configText: project.configText, config: project.config, goodConfig: project.goodConfig, doc: project.doc, analysis, checking, options, tasksVersion: project.tasksVersion, tasksChange: project.tasksChange }, {});
}

/**
 * The project checked again with what the checks can do now (the HTML parser for HyperText has loaded):
 * every task checked here; while a worker checks the file (it has the parser), the tasks checked here since.
 */
export function recheck(project: Project): Project {
  const a = project.analysis;
  if (!a) return project;
  let analysis: Analysis;
  if (project.checking) {
    const reports = a.reports.slice();
    for (const t of project.checking.touched) reports[t] = validateTask(a.config, a.doc, t, a.options);
    analysis = { ...a, reports };
  } else analysis = analyzeTasks(a.config, a.doc, a.options);
  return finish(project, { configText: project.configText, config: project.config, goodConfig: project.goodConfig, doc: project.doc, analysis, checking: project.checking, tasksVersion: project.tasksVersion, tasksChange: project.tasksChange }, {});
}

function finish(prev: Project | null, p: Pick<Project, 'configText' | 'config' | 'goodConfig' | 'doc' | 'analysis' | 'tasksVersion' | 'tasksChange'> & { checking?: Checking | null; options?: ValidateOptions; noFallback?: boolean }, names: Names): Project {
  const { config, goodConfig, doc, analysis } = p;
  const goodDoc = unreadable(doc) ? (p.noFallback ? null : (prev?.goodDoc ?? null)) : doc;
  const checkedAgainst = config.ok ? 'config' : goodConfig ? 'last-good' : 'no-config';
  let findings: Finding[];
  let counts = { tasks: 0, predictions: 0, results: 0 };
  if (!analysis) findings = [...config.findings, ...doc.syntax];
  else {
    // A broken config still shows its own xml-syntax finding; the task findings come from what they were checked against.
    findings = analysisFindings(analysis, config.findings);
    counts = analysisCounts(analysis);
  }
  return {
    configText: p.configText,
    get tasksText() {
      return doc.text;
    },
    tasksVersion: p.tasksVersion,
    tasksChange: p.tasksChange,
    configName: names.config ?? prev?.configName ?? 'config.xml',
    tasksName: names.tasks ?? prev?.tasksName ?? 'tasks.json',
    config,
    goodConfig,
    doc,
    goodDoc,
    analysis,
    findings,
    summary: { ...counts, ...countBySeverity(findings) },
    stale: { config: !config.ok && goodConfig !== null, tasks: unreadable(doc) && goodDoc !== null },
    checkedAgainst,
    checking: p.checking ?? null,
    options: p.options ?? prev?.options ?? {},
  };
}
