// Runs every rule over a config and a tasks document: one walk over tasks, predictions and results.

import type { ConfigModel, ControlTag, ObjectTag } from '../config/model';
import { findControl, findObject } from '../config/model';
import type { Finding, JsonPath } from '../finding';
import { countBySeverity, readable } from '../finding';
import { PredictionRegions, type Region } from '../regions';
import { familyFor } from '../tags/registry';
import { offsetOf, type TasksDocument } from '../tasks/parse';
import { CodePointText } from '../text/codepoints';
import { htmlDocument, type HtmlDocument } from '../text/html';
import type { DocumentCheck, PredictionCheck, ReportOptions, ResultCheck, Rule, TaskCheck, ValidateOptions, ValueFamily } from './context';
import { rules as allRules } from './rules';
import { isObject } from '../tasks/jsonValue';

export interface ValidationSummary {
  tasks: number;
  predictions: number;
  results: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationReport {
  findings: Finding[];
  summary: ValidationSummary;
}

/** The data a task's object tags read: `data`, or the whole task when it has no `data` key (Label Studio's flat form). */
export function taskData(task: unknown): Record<string, unknown> | null {
  if (!isObject(task)) return null;
  if ('data' in task) return isObject(task.data) ? task.data : null;
  return task;
}

/** What validating one task found: its findings (in text order) and what it counted. */
export interface TaskReport {
  findings: Finding[];
  /** 1 for a task, 0 for a JSON Lines line that did not parse. */
  tasks: number;
  predictions: number;
  results: number;
  /** Per prediction, what the result rules said of each result: kept for tasks with many results. */
  memo?: (ResultMemo[] | null)[];
  /**
   * Where the task started in the text the memo's findings were made for: a report moved with its task (an
   * edit before it, or a worker's report of an older text) moves its own findings, not the memo's.
   */
  memoAt?: number;
  /** Per prediction with a memo, its region map (results by id), kept for the next check of the task. */
  regionMaps?: (PredictionRegions | null)[];
}

/** What the result rules said of one result (they look at that result alone), and what the region map needs. */
export interface ResultMemo {
  findings: Finding[];
  sound: boolean;
  kind: string | null;
  id: unknown;
  relation: boolean;
}

/**
 * The previous report of the task and which results changed since (prediction -> result indices), for a task
 * whose results were patched in place: the other results' findings are moved with `move`, not made again.
 */
export interface Reuse {
  prev: TaskReport;
  changed: ReadonlyMap<number, ReadonlySet<number>>;
  /** Per prediction whose results were removed or added: the old index of each result now (-1: new). */
  origin?: ReadonlyMap<number, readonly number[]>;
  move(f: Finding): Finding;
}

/** A finding of result `from` of prediction p, now result `to`: its index and the paths in it (and its fix) say so. */
function renumbered(f: Finding, p: number, from: number, to: number): Finding {
  if (from === to) return f;
  const re = (path: JsonPath): JsonPath => (path.length > 3 && path[0] === 'predictions' && path[1] === p && path[2] === 'result' && path[3] === from ? ['predictions', p, 'result', to, ...path.slice(4)] : path);
  const out: Finding = { ...f, result: f.result === from ? to : f.result };
  if (f.path) out.path = re(f.path);
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, path: re(e.path) })) };
  return out;
}

/** Predictions with at least this many results keep a memo of their result findings. */
const MEMO_FROM = 500;

export function validate(config: ConfigModel, doc: TasksDocument, options: ValidateOptions = {}, rules: readonly Rule[] = allRules): ValidationReport {
  const reports: TaskReport[] = [];
  for (let t = 0; t < doc.tasks.length; t++) reports.push(validateTask(config, doc, t, options, rules));
  return joinReports(config, doc, reports, rules);
}

/**
 * The findings about the file as a whole (the document rules'): they read the parsed tasks, not the task
 * reports, so they are right while a worker is still checking the tasks. Cheap: each stops at the first
 * task that settles it.
 */
export function documentFindings(config: ConfigModel, doc: TasksDocument, rules: readonly Rule[] = allRules): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.document) continue;
    const cx: DocumentCheck = {
      rule,
      config,
      doc,
      report(message, offset, opts) {
        const { line, column } = doc.lines.position(offset);
        out.push({ rule: rule.id, severity: opts?.severity ?? rule.severity, source: 'tasks', task: null, prediction: null, result: null, line, column, offset, message: readable(message) });
      },
    };
    rule.document(cx);
  }
  return out;
}

/** The report of a whole file from its tasks' reports: config, syntax and file findings first, counts summed. */
export function joinReports(config: ConfigModel, doc: TasksDocument, reports: readonly TaskReport[], rules: readonly Rule[] = allRules): ValidationReport {
  const findings: Finding[] = [...config.findings, ...doc.syntax, ...documentFindings(config, doc, rules)];
  let tasks = 0;
  let predictions = 0;
  let results = 0;
  for (const r of reports) {
    for (const f of r.findings) findings.push(f);
    tasks += r.tasks;
    predictions += r.predictions;
    results += r.results;
  }
  findings.sort(compareFindings);
  const counts = countBySeverity(findings);
  return { findings, summary: { tasks, predictions, results, errors: counts.errors, warnings: counts.warnings, infos: counts.infos } };
}

/** Every task rule, and the prediction and result rules of each of its predictions, over task `t` alone. */
export function validateTask(config: ConfigModel, doc: TasksDocument, t: number, options: ValidateOptions = {}, rules: readonly Rule[] = allRules, reuse?: Reuse): TaskReport {
  const findings: Finding[] = [];
  const report: TaskReport = { findings, tasks: 0, predictions: 0, results: 0 };
  // Where findings go: the task's list, or the list of the result being checked (for the memo).
  let sink = findings;
  const push = (rule: Rule, t: number | null, p: number | null, r: number | null, path: JsonPath, opts: ReportOptions | undefined, message: string) => {
    const offset = t === null ? -1 : offsetOf(doc, t, path, opts?.atKey);
    const { line, column } = doc.lines.position(offset);
    const f: Finding = { rule: rule.id, severity: opts?.severity ?? rule.severity, source: 'tasks', task: t, prediction: p, result: r, line, column, offset, message: readable(message), path };
    if (opts?.suggestion !== undefined) f.suggestion = opts.suggestion;
    if (opts?.fix) f.fix = { ...opts.fix, title: readable(opts.fix.title) };
    sink.push(f);
  };
  const { taskRules, predictionRules, resultRules } = byLevel(rules);

  const task = doc.tasks[t];
  if (task === undefined && doc.format === 'jsonl') return report;
  report.tasks = 1;
  const data = taskData(task);
  const textCache = new Map<string, CodePointText | null>();
  const htmlCache = new Map<string, HtmlDocument | null>();
  const tc: TaskCheck = {
    rule: rules[0],
    config,
    doc,
    options,
    t,
    task,
    data,
    report(message, opts) {
      push(this.rule, t, null, null, opts?.path ?? [], opts, message);
    },
  };
  for (const rule of taskRules) {
    tc.rule = rule;
    rule.task!(tc);
  }
  if (!isObject(task) || !Array.isArray(task.predictions)) return finish(report);
  const preds = task.predictions as unknown[];
  for (let p = 0; p < preds.length; p++) {
    const prediction = preds[p];
    if (!isObject(prediction)) continue;
    report.predictions++;
    const list = Array.isArray(prediction.result) ? (prediction.result as unknown[]) : [];
    const regions = new PredictionRegions();
    const resultSound: boolean[] = [];
    const base: JsonPath = ['predictions', p];
    // One context object per prediction, refilled for each result: 100,000 results allocate nothing here.
    const rc = new ResultContext(config, doc, options, t, task, data, p, prediction, regions, textCache, htmlCache, push);
    const memo: ResultMemo[] | null = list.length >= MEMO_FROM ? new Array(list.length) : null;
    const before = reuse?.prev.memo?.[p];
    const origin = reuse?.origin?.get(p);
    const reusable = before && (origin ? origin.length === list.length : before.length === list.length) ? before : null;
    const changed = reuse?.changed.get(p);
    for (let r = 0; r < list.length; r++) {
      report.results++;
      let entry: ResultMemo;
      const was = origin ? origin[r] : r;
      if (reusable && !changed?.has(r) && was >= 0 && was < reusable.length) {
        const old = reusable[was];
        entry = old.findings.length ? { ...old, findings: old.findings.map((f) => renumbered(reuse!.move(f), p, was, r)) } : old;
        for (const f of entry.findings) findings.push(f);
      } else {
        if (memo) sink = [];
        rc.load(r, list[r], rules[0]);
        for (const rule of resultRules) {
          rc.rule = rule;
          rule.result!(rc);
        }
        const { type, family, value } = rc;
        const relation = type === 'relation';
        const kind = rc.sound && family && value && !relation ? family.regionKind(type, value) : null;
        entry = { findings: sink === findings || sink.length === 0 ? NONE : sink, sound: rc.sound, kind, id: rc.result.id, relation };
        if (memo) {
          for (const f of sink) findings.push(f);
          sink = findings;
        }
      }
      resultSound.push(entry.sound);
      if (memo) memo[r] = entry;
      else if (!entry.relation) regions.add(entry.id, r, entry.kind);
    }
    let regionMap = regions;
    if (memo) {
      (report.memo ??= [])[p] = memo;
      report.memoAt = doc.index.tasks[t];
      // The region map of the last check, when no result came or went and none that changed changed its id,
      // kind or being a relation (building it again is a map of 100,000 ids per edit).
      const before = reuse?.prev.regionMaps?.[p];
      let same = !!(before && reusable && !origin);
      if (same && changed) {
        for (const r of changed) {
          const o = reusable![r];
          const n = memo[r];
          if (!o || o.id !== n.id || o.kind !== n.kind || o.relation !== n.relation) {
            same = false;
            break;
          }
        }
      }
      if (same) regionMap = before!;
      else if (before && reusable && (changed?.size ?? 0) * 4 < memo.length) {
        // Results came or went (a delete renumbers every later one) or some changed their id: the last map is
        // renumbered in place and this report takes it over (a new map of 100,000 ids costs ten times as
        // much). The last report gives it up; reports before it that kept the same map (no result came or
        // went since) hold it too, and are not checked against again: an analysis is only ever carried
        // forward from the latest one.
        reuse!.prev.regionMaps![p] = null;
        regionMap = renumberRegions(before, memo, reusable.length, origin, changed);
      } else regionMap = regionMapOf(memo);
      (report.regionMaps ??= [])[p] = regionMap;
    }
    const pc: PredictionCheck = {
      rule: rules[0],
      config,
      doc,
      options,
      t,
      task,
      data,
      p,
      prediction,
      results: list,
      regions: regionMap,
      resultSound,
      report(message, opts) {
        const r = opts?.result;
        const path: JsonPath = r === undefined ? [...base, ...(opts?.path ?? [])] : [...base, 'result', r, ...(opts?.path ?? [])];
        push(this.rule, t, p, r ?? null, path, opts, message);
      },
    };
    for (const rule of predictionRules) {
      pc.rule = rule;
      rule.prediction!(pc);
    }
  }
  return finish(report);
}

/** The findings of a memo entry with none (one list for all of them, never added to). */
export const NONE: Finding[] = [];

/** Adds results [from, to) of a prediction's memo to its region map. */
function addRegions(regions: PredictionRegions, memo: readonly ResultMemo[], from: number, to: number): void {
  for (let r = from; r < to; r++) if (!memo[r].relation) regions.add(memo[r].id, r, memo[r].kind);
}

/**
 * The region map of the last check of a prediction, `map`, made the map of its results now (`memo`): each
 * result's index moved by `origin` (the old index of each result now, -1 for a new one; none: the same),
 * results gone dropped, and the new ones and those in `changed` (whose id or kind may differ) added again.
 * Changes `map` and gives it back: the caller takes it over from the last report.
 */
export function renumberRegions(map: PredictionRegions, memo: readonly ResultMemo[], oldLength: number, origin: readonly number[] | undefined, changed: ReadonlySet<number> | undefined): PredictionRegions {
  const now = new Int32Array(oldLength).fill(-1);
  const fresh: number[] = [];
  for (let r = 0; r < memo.length; r++) {
    const was = origin ? origin[r] : r;
    if (was >= 0 && was < oldLength && !changed?.has(r)) now[was] = r;
    else fresh.push(r);
  }
  // forEach, not for-of: no [key, value] pair per region (100,000 of them).
  map.byId.forEach((region, key) => {
    const list = region.results;
    if (list.length === 1) {
      const r = now[list[0]];
      if (r < 0) map.byId.delete(key);
      else {
        list[0] = r;
        if (region.shape !== -1) region.shape = r;
      }
      return;
    }
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const r = now[list[i]];
      if (r >= 0) list[n++] = r;
    }
    list.length = n;
    if (n === 0) map.byId.delete(key);
    else if (region.shape !== -1) {
      const shape = now[region.shape];
      if (shape >= 0) region.shape = shape;
      else shapeOf(region, memo);
    }
  });
  const loose = map.loose;
  let n = 0;
  for (let i = 0; i < loose.length; i++) {
    const r = now[loose[i]];
    if (r >= 0) loose[n++] = r;
  }
  loose.length = n;
  // The new results join their regions in file order, and may come before a region's shape.
  const touched = new Set<Region>();
  let looseGrew = false;
  for (const r of fresh) {
    const m = memo[r];
    if (m.relation) continue;
    if (typeof m.id !== 'string' && typeof m.id !== 'number') looseGrew = true;
    map.add(m.id, r, m.kind);
    const region = map.byId.get(typeof m.id === 'string' ? m.id : String(m.id));
    if (region) touched.add(region);
  }
  for (const region of touched) {
    region.results.sort((a, b) => a - b);
    shapeOf(region, memo);
  }
  if (looseGrew) loose.sort((a, b) => a - b);
  return map;
}

/** Sets a region's shape to its first result that has one (the rule of PredictionRegions.add). */
function shapeOf(region: Region, memo: readonly ResultMemo[]): void {
  region.shape = -1;
  region.kind = null;
  for (const r of region.results) {
    const kind = memo[r].kind;
    if (kind) {
      region.shape = r;
      region.kind = kind;
      return;
    }
  }
}

/** The region map of a prediction, from its memo (the map its check builds). */
function regionMapOf(memo: readonly ResultMemo[]): PredictionRegions {
  const regions = new PredictionRegions();
  addRegions(regions, memo, 0, memo.length);
  return regions;
}

/**
 * Gives a report that came without its region maps (a worker keeps them: copying 100,000 regions costs
 * the page more than this) the map its check built, for prediction `p`, so that the first edit of the task
 * does not build one. The map is built a slice at a time: `step(until)` adds results until the clock
 * (performance.now()) passes `until` and says whether the map is complete (then it is in the report).
 * Null when the prediction has no memo or its map is there.
 */
export function regionMapRestorer(report: TaskReport, p: number): { step(until: number): boolean } | null {
  const memo = report.memo?.[p];
  if (!memo || report.regionMaps?.[p]) return null;
  const regions = new PredictionRegions();
  let r = 0;
  return {
    step(until) {
      while (r < memo.length) {
        const end = Math.min(memo.length, r + 2000);
        addRegions(regions, memo, r, end);
        r = end;
        if (performance.now() >= until) break;
      }
      if (r < memo.length) return false;
      // A check of the task since (an edit) made a map of its own: that one stays.
      if (!report.regionMaps?.[p]) (report.regionMaps ??= [])[p] = regions;
      return true;
    },
  };
}

function finish(report: TaskReport): TaskReport {
  report.findings.sort(compareFindings);
  return report;
}

const levels = new WeakMap<readonly Rule[], { taskRules: Rule[]; predictionRules: Rule[]; resultRules: Rule[] }>();
function byLevel(rules: readonly Rule[]) {
  let l = levels.get(rules);
  if (!l) {
    l = { taskRules: rules.filter((r) => r.task), predictionRules: rules.filter((r) => r.prediction), resultRules: rules.filter((r) => r.result) };
    levels.set(rules, l);
  }
  return l;
}

type Push = (rule: Rule, t: number | null, p: number | null, r: number | null, path: JsonPath, opts: ReportOptions | undefined, message: string) => void;

class ResultContext implements ResultCheck {
  rule!: Rule;
  r = 0;
  raw: unknown = null;
  result: Record<string, unknown> = {};
  type: string | null = null;
  fromName: string | null = null;
  toName: string | null = null;
  control: ControlTag | undefined;
  object: ObjectTag | undefined;
  value: Record<string, unknown> | null = null;
  family: ValueFamily | undefined;
  sound = true;
  valueOk = true;

  constructor(
    readonly config: ConfigModel,
    readonly doc: TasksDocument,
    readonly options: ValidateOptions,
    readonly t: number,
    readonly task: unknown,
    readonly data: Record<string, unknown> | null,
    readonly p: number,
    readonly prediction: Record<string, unknown>,
    readonly regions: PredictionRegions,
    private readonly textCache: Map<string, CodePointText | null>,
    private readonly htmlCache: Map<string, HtmlDocument | null>,
    private readonly push: Push,
  ) {}

  load(r: number, raw: unknown, rule: Rule): void {
    const config = this.config;
    this.rule = rule;
    this.r = r;
    this.raw = raw;
    const result = isObject(raw) ? raw : {};
    this.result = result;
    this.type = typeof result.type === 'string' ? result.type : null;
    this.fromName = typeof result.from_name === 'string' ? result.from_name : null;
    this.toName = typeof result.to_name === 'string' ? result.to_name : null;
    this.control = this.fromName !== null && config.ok ? findControl(config, this.fromName) : undefined;
    this.object = this.toName !== null && config.ok ? findObject(config, this.toName) : undefined;
    this.value = isObject(result.value) ? result.value : null;
    this.family = familyFor(this.type, this.object?.type);
    this.sound = true;
    this.valueOk = true;
  }

  text(): CodePointText | null {
    const { object, data, options } = this;
    const variable = object?.variable;
    if (!variable || options.skipDataChecks || !data || object.valueType === 'url') return null;
    if (object.type !== 'text' && object.type !== 'hypertext') return null;
    let cp = this.textCache.get(variable);
    if (cp === undefined) {
      const s = data[variable];
      cp = typeof s === 'string' ? new CodePointText(s) : null;
      this.textCache.set(variable, cp);
    }
    return cp;
  }

  html(): HtmlDocument | null {
    const { object, data, options } = this;
    const variable = object?.variable;
    if (!variable || options.skipDataChecks || !data || object.type !== 'hypertext' || object.valueType === 'url') return null;
    let doc = this.htmlCache.get(variable);
    if (doc === undefined) {
      const s = data[variable];
      const html = typeof s === 'string' ? decodeValue(s, object.attrs.encoding) : null;
      doc = html === null ? null : htmlDocument(html, object.attrs.inline === 'true');
      this.htmlCache.set(variable, doc);
    }
    return doc;
  }

  report(message: string, opts?: ReportOptions): void {
    this.push(this.rule, this.t, this.p, this.r, ['predictions', this.p, 'result', this.r, ...(opts?.path ?? [])], opts, message);
  }
}

/** A data value as the object reads it: `encoding="base64"` (or base64unicode, UTF-8 inside) decoded first; null when it does not decode. */
function decodeValue(s: string, encoding: string | undefined): string | null {
  if (encoding !== 'base64' && encoding !== 'base64unicode') return s;
  try {
    const bytes = atob(s);
    if (encoding === 'base64') return bytes;
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.source !== b.source) return a.source === 'config' ? -1 : 1;
  // At one offset, a finding about the whole file (task null) before the first task's own.
  return a.offset - b.offset || (a.task === null ? 0 : 1) - (b.task === null ? 0 : 1) || a.rule.localeCompare(b.rule);
}
