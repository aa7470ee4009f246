// The prelabel core's public surface: parse a config and a tasks file, validate one against the other.

export { parseConfig } from './config/parse';
export type { ConfigModel, ControlTag, ObjectTag, LabelOption } from './config/model';
export { parseTasks, offsetOf } from './tasks/parse';
export type { TasksDocument, TasksFormat } from './tasks/parse';
export { validate, taskData } from './validate/validate';
export type { ValidationReport, ValidationSummary } from './validate/validate';
export { rules, ruleById } from './validate/rules';
export type { Finding, Fix, JsonEdit, JsonPath, Severity } from './finding';
export { checkRle, decodeRle, encodeRle } from './brush/rle';
export { PredictionRegions } from './regions';

import { parseConfig } from './config/parse';
import { parseTasks } from './tasks/parse';
import { validate } from './validate/validate';
import type { ValidateOptions } from './validate/context';

/** Parse both texts and validate: the one call the CLI and the app's worker make. */
export function check(configText: string, tasksText: string, options: ValidateOptions = {}) {
  const config = parseConfig(configText);
  const doc = parseTasks(tasksText);
  return { config, doc, report: validate(config, doc, options) };
}
