// Test support for the importers: validate written tasks with the repo's validator, list its errors.

import { check } from '../index';
import '../text/parse5';
import { ImportError, tasksJson } from './index';

/** The errors `prelabel validate` would print for these tasks on this config (empty when the file is clean). */
export function validationErrors(configText: string, tasks: Record<string, unknown>[]): string[] {
  const { config, report } = check(configText, tasksJson(tasks));
  return [...config.findings, ...report.findings].filter((f) => f.severity === 'error').map((f) => `${f.rule} line ${f.line}: ${f.message}`);
}

/** The message of the ImportError `fn` throws (any other error is thrown on; no error fails the test). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('no ImportError');
}
