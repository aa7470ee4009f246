// Checks of one key inside a result's value, shared by the tag families: present, and of the JSON type
// Label Studio's editor needs (a wrong type blanks the editor, FORMAT-NOTES §8).

import type { ResultCheck } from '../validate/context';

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Require a finite number at value[key]. Reports value-shape and returns false when it is not. */
export function needNumber(cx: ResultCheck, key: string, optional = false): boolean {
  const v = cx.value![key];
  if (v === undefined) {
    if (optional) return true;
    cx.report(`value.${key} is missing: a ${cx.type} result needs it (a number).`, { path: ['value'] });
    cx.valueOk = false;
    return false;
  }
  if (isNum(v)) return true;
  const asNumber = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  cx.report(`value.${key} is ${jsonType(v)}; it must be a number.`, {
    path: ['value', key],
    ...(asNumber !== null
      ? { suggestion: String(asNumber), fix: { title: `Write ${key} as the number ${asNumber}`, edits: [{ task: cx.t, path: ['predictions', cx.p, 'result', cx.r, 'value', key], value: asNumber }] } }
      : {}),
  });
  cx.valueOk = false;
  return false;
}

/** Require a list of strings at value[key]; a lone string gets a fix that wraps it in a list. */
export function needStringList(cx: ResultCheck, key: string, what: string): boolean {
  const v = cx.value![key];
  const path = ['predictions', cx.p, 'result', cx.r, 'value', key];
  if (v === undefined) {
    cx.report(`value.${key} is missing: a ${cx.type} result needs its ${what} as a list of strings.`, { path: ['value'] });
    cx.valueOk = false;
    return false;
  }
  if (typeof v === 'string') {
    cx.report(`value.${key} is a string; it must be a list of strings: [${JSON.stringify(v)}].`, {
      path: ['value', key],
      suggestion: JSON.stringify([v]),
      fix: { title: `Wrap "${v}" in a list`, edits: [{ task: cx.t, path, value: [v] }] },
    });
    cx.valueOk = false;
    return false;
  }
  if (!Array.isArray(v)) {
    cx.report(`value.${key} is ${jsonType(v)}; it must be a list of strings.`, { path: ['value', key] });
    cx.valueOk = false;
    return false;
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') {
      cx.report(`value.${key}[${i}] is ${jsonType(v[i])}; every entry must be a string.`, {
        path: ['value', key, i],
        ...(isNum(v[i]) ? { fix: { title: `Write ${v[i]} as the string "${v[i]}"`, edits: [{ task: cx.t, path: [...path, i], value: String(v[i]) }] } } : {}),
      });
      cx.valueOk = false;
      return false;
    }
  }
  return true;
}
