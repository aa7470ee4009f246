// What a rule sees: the config, the current task, prediction and result, and a way to report a finding.

import type { ConfigModel, ControlTag, ObjectTag } from '../config/model';
import type { Finding, Fix, JsonPath, Severity } from '../finding';
import type { TasksDocument } from '../tasks/parse';
import type { CodePointText } from '../text/codepoints';
import type { HtmlDocument } from '../text/html';
import type { PredictionRegions } from '../regions';

export interface ReportOptions {
  /** Path below the current result (or prediction, or task), e.g. ['value', 'x']. */
  path?: JsonPath;
  /** Point at the key's name rather than its value. */
  atKey?: boolean;
  suggestion?: string;
  fix?: Fix;
  severity?: Severity;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the README and the UI. */
  doc: string;
  /** Config-level check (after parsing). */
  config?(cx: ConfigCheck): void;
  /** Once per tasks file, over all its tasks (a finding about the file as a whole). */
  document?(cx: DocumentCheck): void;
  task?(cx: TaskCheck): void;
  prediction?(cx: PredictionCheck): void;
  result?(cx: ResultCheck): void;
}

export interface ConfigCheck {
  config: ConfigModel;
  report(message: string, offset: number, opts?: ReportOptions): void;
}

export interface DocumentCheck {
  rule: Rule;
  config: ConfigModel;
  doc: TasksDocument;
  /** A finding about the whole file, at `offset` in its text (-1: nowhere in particular). */
  report(message: string, offset: number, opts?: { severity?: Severity }): void;
}

export interface ValidateOptions {
  /** Skip checks that need task data (for checking a bare prediction). */
  skipDataChecks?: boolean;
  /**
   * Natural sizes of images the app has loaded, by the value the task data gives the Image (its URL or
   * file name): brush masks without original_width/height are checked, and fixed, at that size.
   */
  imageSizes?: ReadonlyMap<string, ImageSize>;
}

export interface ImageSize {
  width: number;
  height: number;
}

export interface TaskCheck {
  rule: Rule;
  config: ConfigModel;
  doc: TasksDocument;
  options: ValidateOptions;
  t: number;
  task: unknown;
  /** The task's data object (the task itself for a flat task without `data`); null when unusable. */
  data: Record<string, unknown> | null;
  report(message: string, opts?: ReportOptions): void;
}

export interface PredictionCheck extends Omit<TaskCheck, 'report'> {
  p: number;
  prediction: Record<string, unknown>;
  results: unknown[];
  regions: PredictionRegions;
  /** Per result: did its basic shape hold (set by the result rules)? */
  resultSound: boolean[];
  report(message: string, opts?: ReportOptions & { result?: number }): void;
}

export interface ResultCheck extends Omit<TaskCheck, 'report'> {
  p: number;
  r: number;
  prediction: Record<string, unknown>;
  regions: PredictionRegions;
  /** The raw result (any JSON value). */
  raw: unknown;
  /** The result object; {} when the raw result is not an object. */
  result: Record<string, unknown>;
  type: string | null;
  fromName: string | null;
  toName: string | null;
  control: ControlTag | undefined;
  object: ObjectTag | undefined;
  value: Record<string, unknown> | null;
  /** The value family serving this result (image shape, text span, ...), when known. */
  family: ValueFamily | undefined;
  /** False once result-shape found the result unusable: later rules skip it. */
  sound: boolean;
  /** False once value-shape found the value unusable: range checks skip it. */
  valueOk: boolean;
  /** Code-point view of the object's text data, for span checks (null when not text or not available). */
  text(): CodePointText | null;
  /** A <HyperText>'s HTML as Label Studio builds it, parsed once per task (null for valueType="url", no data, or data checks off). */
  html(): HtmlDocument | null;
  report(message: string, opts?: ReportOptions): void;
}

/**
 * One family of result values (image shapes, text spans, ...): the checks that depend on what a value
 * holds live here, keyed by the rule they serve; the rules call them.
 */
export interface ValueFamily {
  id: string;
  /** The region kind of a result ('rectangle', 'span', ...), or null when it is not a region on its own. */
  regionKind(type: string | null, value: Record<string, unknown> | null): string | null;
  /** Checks keyed by rule id: 'value-shape' (sets cx.valueOk = false when unusable), 'out-of-bounds', ... */
  checks: Partial<Record<string, (cx: ResultCheck) => void>>;
}

export type { Finding };
