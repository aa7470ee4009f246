// Answers about a whole object (or, with perRegion, about one region): choices, textarea, rating, number,
// datetime, taxonomy, pairwise, ranker, chat messages and ReactCode outputs (FORMAT-NOTES §7).

import type { ResultCheck, ValueFamily } from '../validate/context';
import { jsonType, needNumber, needStringList } from './valueKeys';

function missing(cx: ResultCheck, key: string, what: string): boolean {
  if (cx.value![key] !== undefined) return false;
  cx.report(`value.${key} is missing: a ${cx.type} result needs ${what}.`, { path: ['value'] });
  cx.valueOk = false;
  return true;
}

const SHAPES: Record<string, (cx: ResultCheck) => void> = {
  choices: (cx) => needStringList(cx, 'choices', 'choices'),
  // Label Studio's editor takes one string or a list of strings (checked: a number in the list blanks it).
  textarea: (cx) => typeof cx.value!.text === 'string' || needStringList(cx, 'text', 'texts'),
  rating: (cx) => {
    if (!needNumber(cx, 'rating')) return;
    if (!Number.isInteger(cx.value!.rating)) {
      cx.report(`value.rating = ${cx.value!.rating} is not a whole number of stars.`, { path: ['value', 'rating'] });
      cx.valueOk = false;
    }
  },
  number: (cx) => needNumber(cx, 'number'),
  datetime: (cx) => {
    if (missing(cx, 'datetime', 'a date/time string')) return;
    if (typeof cx.value!.datetime !== 'string') {
      cx.report(`value.datetime is ${jsonType(cx.value!.datetime)}; it must be a string such as "2024-01-31" or "2024-01-31T12:00".`, { path: ['value', 'datetime'] });
      cx.valueOk = false;
    }
  },
  taxonomy: (cx) => {
    if (missing(cx, 'taxonomy', 'a list of paths, each a list of strings')) return;
    const t = cx.value!.taxonomy;
    const hint = 'taxonomy is a list of paths, each a list of strings from the root, e.g. [["Animals", "Cat"]].';
    if (!Array.isArray(t)) {
      cx.report(`value.taxonomy is ${jsonType(t)}; ${hint}`, { path: ['value', 'taxonomy'] });
      cx.valueOk = false;
      return;
    }
    const bad = t.findIndex((p) => !Array.isArray(p) || p.some((s) => typeof s !== 'string'));
    if (bad >= 0) {
      cx.report(`value.taxonomy[${bad}] is ${jsonType(t[bad])}; ${hint}`, { path: ['value', 'taxonomy', bad] });
      cx.valueOk = false;
    }
  },
  pairwise: (cx) => {
    if (missing(cx, 'selected', '"selected": "left" or "right"')) return;
    const s = cx.value!.selected;
    if (s !== 'left' && s !== 'right') {
      cx.report(`value.selected is ${jsonType(s)}; Pairwise records "left" or "right".`, { path: ['value', 'selected'] });
      cx.valueOk = false;
    }
  },
  ranker: (cx) => {
    if (missing(cx, 'ranker', 'an object of lists: {"ranker": {"bucket": ["item id", ...]}}')) return;
    const r = cx.value!.ranker;
    // Older Label Studio releases wrote a plain list of item ids.
    if (Array.isArray(r) && r.every((s) => typeof s === 'string')) return;
    if (!r || typeof r !== 'object' || Array.isArray(r) || Object.values(r).some((l) => !Array.isArray(l) || l.some((s) => typeof s !== 'string'))) {
      cx.report(`value.ranker is ${jsonType(r)}; it must map each bucket (or the ranker's name) to a list of item ids.`, { path: ['value', 'ranker'] });
      cx.valueOk = false;
    }
  },
  chatmessage: (cx) => {
    if (missing(cx, 'chatmessage', '{"role": ..., "content": ...}')) return;
    const m = cx.value!.chatmessage as Record<string, unknown>;
    if (!m || typeof m !== 'object' || typeof m.role !== 'string' || typeof m.content !== 'string') {
      cx.report('value.chatmessage needs "role" and "content" strings.', { path: ['value', 'chatmessage'] });
      cx.valueOk = false;
    }
  },
  reactcode: (cx) => {
    if (missing(cx, 'reactcode', 'an object of the outputs')) return;
    const o = cx.value!.reactcode;
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      cx.report(`value.reactcode is ${jsonType(o)}; it must be an object of the outputs.`, { path: ['value', 'reactcode'] });
      cx.valueOk = false;
    }
  },
};

function bounds(cx: ResultCheck): void {
  const c = cx.control;
  if (!c) return;
  if (cx.type === 'rating') {
    const r = cx.value!.rating as number;
    if (r < 0 || r > c.maxRating) {
      cx.report(`value.rating = ${r} is outside 1..${c.maxRating} (maxRating of "${c.name}").`, { path: ['value', 'rating'], suggestion: String(Math.min(Math.max(r, 1), c.maxRating)) });
    }
  } else if (cx.type === 'number') {
    const n = cx.value!.number as number;
    if ((c.min !== null && n < c.min) || (c.max !== null && n > c.max)) {
      cx.report(`value.number = ${n} is outside ${c.min ?? '-∞'}..${c.max ?? '∞'} (min/max of "${c.name}").`, { path: ['value', 'number'] });
    }
  }
}

/** Ranker results name items of the List they rank by the items' `id`s (FORMAT-NOTES §7). */
function rankerItems(cx: ResultCheck): void {
  if (cx.type !== 'ranker' || !cx.object?.variable || cx.options.skipDataChecks || !cx.data) return;
  const items = cx.data[cx.object.variable];
  if (!Array.isArray(items)) return;
  const ids = new Set<string>();
  for (const item of items) {
    const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
  }
  const r = cx.value!.ranker;
  const lists: [(string | number)[], unknown[]][] = Array.isArray(r) ? [[['value', 'ranker'], r]] : Object.entries(r as Record<string, unknown[]>).map(([k, l]) => [['value', 'ranker', k], l]);
  for (const [path, list] of lists) {
    list.forEach((id, i) => {
      if (typeof id !== 'string' || ids.has(id)) return;
      const known = [...ids];
      cx.report(`Item "${id}" is not in the ranked list: the items of $${cx.object!.variable} have the ids ${known.slice(0, 10).map((k) => `"${k}"`).join(', ') || '(none)'}${known.length > 10 ? ', …' : ''}. It ranks nothing there.`, { path: [...path, i] });
    });
  }
}

export const classificationFamily: ValueFamily = {
  id: 'classification',
  regionKind: () => null,
  checks: {
    'value-shape': (cx) => SHAPES[cx.type!]?.(cx),
    'out-of-bounds': bounds,
    'unknown-item': rankerItems,
  },
};

export const CLASSIFICATION_TYPES = Object.keys(SHAPES);
