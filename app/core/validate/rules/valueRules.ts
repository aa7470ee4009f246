// Rules about what a result's value holds: its shape, its labels, its ranges, its spans and masks.

import type { ControlTag, LabelOption } from '../../config/model';
import type { JsonEdit } from '../../finding';
import { LABELS_IN_VALUE } from '../../tags/media';
import { jsonType, needStringList } from '../../tags/valueKeys';
import type { ResultCheck, Rule } from '../context';
import { closest } from '../suggest';

const ready = (cx: ResultCheck) => cx.sound && cx.value !== null && cx.type !== 'relation';

/** Where a result keeps its labels: the key named like its type (`rectanglelabels`, `labels`, ...). */
function labelKeyOf(cx: ResultCheck): string | null {
  const c = cx.control;
  if (!c || !cx.type) return null;
  if (c.tag === 'Choices' || c.tag === 'Taxonomy' || c.tag === 'Ranker' || c.tag === 'Relations') return null;
  if (!cx.type.endsWith('labels')) return null;
  // VideoVectorLabels results carry `labels`, as the SDK writes them.
  if (cx.type === 'videovectorlabels' && cx.value && 'labels' in cx.value && !('videovectorlabels' in cx.value)) return 'labels';
  return cx.type;
}

export const valueShape: Rule = {
  id: 'value-shape',
  severity: 'error',
  doc: '`value` lacks its key or has the wrong JSON type: a label string instead of a list, numbers in `text`, a polygon under 3 points, `labels` where `paragraphlabels` belongs, a per-region result without an id.',
  result(cx) {
    if (cx.sound && cx.type === 'relation') {
      const labels = cx.result.labels;
      if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string'))) {
        cx.report(`"labels" of a relation is ${jsonType(labels)}; it must be a list of strings.`, { path: ['labels'] });
      }
      return;
    }
    if (!ready(cx)) return;
    cx.family?.checks['value-shape']?.(cx);
    const key = labelKeyOf(cx);
    if (key) {
      const v = cx.value!;
      if (v[key] === undefined) {
        const other = Object.keys(v).find((k) => k.endsWith('labels') || k === 'choices');
        if (other) {
          cx.report(`The labels are under value.${other}, but a ${cx.type} result keeps them under value.${key}: Label Studio shows the region with the wrong or no label.`, {
            path: ['value', other],
            atKey: true,
            suggestion: key,
            fix: { title: `Rename value.${other} to value.${key}`, edits: [{ task: cx.t, path: ['predictions', cx.p, 'result', cx.r, 'value', other], renameTo: key }] },
          });
          cx.valueOk = false;
        } else {
          cx.report(`value.${key} is missing: a ${cx.type} result needs its labels, e.g. "${key}": ["${cx.control?.options[0]?.value ?? 'Label'}"].`, { path: ['value'] });
          cx.valueOk = false;
        }
      } else if (!needStringList(cx, key, 'labels') || (v[key] as unknown[]).length > 0) {
        // The labels are a list of strings with something in it (or value-shape said what is wrong).
      } else if (cx.family?.id === 'text') {
        // A span on <Text> is still a span without a label: Label Studio shows it unlabelled.
        cx.report(`value.${key} is empty: Label Studio shows an unlabelled span. Give it a label of "${cx.control?.name}", or remove it.`, { path: ['value', key], severity: 'warning' });
      } else {
        const unlabeled = cx.type && cx.type !== 'labels' ? cx.type.replace(/labels$/, '') : null;
        cx.report(`value.${key} is empty: Label Studio shows the region with no label.${unlabeled ? ` For unlabeled shapes use a <${unlabeled[0].toUpperCase()}${unlabeled.slice(1)}> control (type "${unlabeled}").` : ''}`, { path: ['value', key] });
        cx.valueOk = false;
      }
    }
    if (cx.control?.perRegion && cx.result.id === undefined) {
      cx.report(`"${cx.control.name}" is perRegion: its result needs the "id" of the region it describes.`, { path: [] });
    }
  },
};

/** Find a label by value or alias. */
function has(c: ControlTag, label: string): boolean {
  return c.optionSet.has(label);
}

function optionNames(c: ControlTag): string[] {
  return [...c.optionSet.keys()];
}

export const unknownLabel: Rule = {
  id: 'unknown-label',
  severity: 'error',
  doc: 'A label, choice or taxonomy path not in the config (matched by value or alias; controls with dynamic `$` labels accept any). Label Studio strips it.',
  result(cx) {
    const c = cx.type === 'relation' ? cx.config.relations ?? undefined : cx.control;
    if (!cx.sound) return;
    if (c && !c.dynamicOptions && cx.value && LABELS_IN_VALUE.has(cx.type ?? '')) return checkLabelsOnObject(cx);
    if (!c || c.dynamicOptions) return;
    const base = ['predictions', cx.p, 'result', cx.r];
    const checkList = (list: unknown, path: (string | number)[], what: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((label, i) => {
        if (typeof label !== 'string' || has(c, label)) return;
        const names = optionNames(c);
        const suggestion = closest(label, names);
        const edits: JsonEdit[] = suggestion ? [{ task: cx.t, path: [...base, ...path, i], value: suggestion }] : [];
        cx.report(`${what} "${label}" is not in ${c.name ? `"${c.name}"` : `<${c.tag}>`}${names.length ? '' : ' (it has no options)'}: Label Studio drops it and shows the region unlabeled.${suggestion ? ` Did you mean "${suggestion}"?` : names.length ? ` Options: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}.` : ''}`, {
          path: [...path, i],
          ...(suggestion ? { suggestion, fix: { title: `Replace "${label}" with "${suggestion}"`, edits } } : {}),
        });
      });
    };
    if (cx.type === 'relation') {
      if (c.options.length) checkList(cx.result.labels, ['labels'], 'Relation label');
      return;
    }
    if (!cx.value) return;
    if (cx.type === 'choices') return checkList(cx.value.choices, ['value', 'choices'], 'Choice');
    if (cx.type === 'taxonomy') return checkTaxonomy(cx, c);
    const key = labelKeyOf(cx);
    if (key) checkList(cx.value[key], ['value', key], 'Label');
  },
};

/**
 * A video rectangle's `value.labels` (Label Studio writes them there, its from_name being the VideoRectangle):
 * checked against the <Labels> on the same object, as Label Studio matches them.
 */
function checkLabelsOnObject(cx: ResultCheck): void {
  const list = cx.value?.labels;
  const object = typeof cx.result.to_name === 'string' ? cx.result.to_name : null;
  if (!Array.isArray(list) || !object) return;
  const on = [...cx.config.controls.values()].filter((c) => c.tag === 'Labels' && c.toName.includes(object));
  if (!on.length || on.some((c) => c.dynamicOptions)) return;
  const names = [...new Set(on.flatMap((c) => [...c.optionSet.keys()]))];
  const base = ['predictions', cx.p, 'result', cx.r];
  list.forEach((label, i) => {
    if (typeof label !== 'string' || on.some((c) => c.optionSet.has(label))) return;
    const suggestion = closest(label, names);
    const where = on.length === 1 ? `"${on[0].name}"` : `the <Labels> on "${object}"`;
    cx.report(`Label "${label}" is not in ${where}${names.length ? '' : ' (it has no options)'}: Label Studio shows the video region unlabeled.${suggestion ? ` Did you mean "${suggestion}"?` : names.length ? ` Options: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}.` : ''}`, {
      path: ['value', 'labels', i],
      ...(suggestion ? { suggestion, fix: { title: `Replace "${label}" with "${suggestion}"`, edits: [{ task: cx.t, path: [...base, 'value', 'labels', i], value: suggestion }] } } : {}),
    });
  });
}

function checkTaxonomy(cx: ResultCheck, c: ControlTag): void {
  const paths = cx.value!.taxonomy;
  if (!Array.isArray(paths)) return;
  paths.forEach((path, i) => {
    if (!Array.isArray(path)) return;
    let level: LabelOption[] = c.options;
    for (let j = 0; j < path.length; j++) {
      const step = path[j];
      const node = level.find((o) => o.value === step || o.alias === step);
      if (!node) {
        const names = level.map((o) => o.value);
        const suggestion = typeof step === 'string' ? closest(step, names) : undefined;
        const where = j === 0 ? 'at the top level' : `under "${path.slice(0, j).join(' / ')}"`;
        cx.report(`Taxonomy path ${JSON.stringify(path)}: "${String(step)}" is not a choice ${where} of "${c.name}"${names.length ? ` (there: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''})` : ''}. Paths run from the root of the tree.`, {
          path: ['value', 'taxonomy', i, j],
          ...(suggestion ? { suggestion, fix: { title: `Replace "${String(step)}" with "${suggestion}"`, edits: [{ task: cx.t, path: ['predictions', cx.p, 'result', cx.r, 'value', 'taxonomy', i, j], value: suggestion }] } } : {}),
        });
        return;
      }
      level = node.children;
    }
  });
}

export const singleChoice: Rule = {
  id: 'single-choice',
  severity: 'error',
  doc: 'Several choices in a `<Choices>` whose `choice` is single (the default).',
  result(cx) {
    const c = cx.control;
    if (!c || !ready(cx) || cx.type !== 'choices' || c.tag !== 'Choices') return;
    if (c.choice !== 'single' && c.choice !== 'single-radio') return;
    const list = cx.value!.choices;
    if (!Array.isArray(list) || list.length <= 1) return;
    cx.report(`${list.length} choices (${list.map((x) => JSON.stringify(x)).join(', ')}), but "${c.name}" allows one (choice="${c.choice}"). Keep the best one, or set choice="multiple" in the config.`, {
      path: ['value', 'choices'],
      suggestion: String(list[0]),
      fix: { title: `Keep only "${String(list[0])}"`, edits: [{ task: cx.t, path: ['predictions', cx.p, 'result', cx.r, 'value', 'choices'], value: [list[0]] }] },
    });
  },
};

/** A rule that only runs its value family's check of the same id, once the value's shape is sound. */
function familyRule(id: string, severity: 'error' | 'warning', doc: string): Rule {
  return {
    id,
    severity,
    doc,
    result(cx) {
      if (ready(cx) && cx.valueOk) cx.family?.checks[id]?.(cx);
    },
  };
}

export const outOfBounds = familyRule(
  'out-of-bounds',
  'error',
  'A number outside its range: image geometry outside 0..100 percent (saying when it looks like pixels, with a fix from `original_width`/`original_height`; up to 1 point past an edge is a rounding overflow, with a fix clamping it), negative sizes, a rating above `maxRating`, a number outside `min`/`max`. Warnings: an ellipse, keypoint or rotated rectangle reaching past an edge; a rounding overflow with every value within 0..100 (`x + width` = 100.3).',
);

export const spanOutOfRange = familyRule(
  'span-out-of-range',
  'error',
  "Text offsets outside the text (counted in code points), `start` after `end`, paragraph indices past the data. HyperText: an XPath that is not absolute and positional, or that names no node of the task's HTML (parsed as the browser does, after Label Studio's sanitizing), an offset past the end of its node, `globalOffsets` that disagree with the XPaths (fix from whichever `value.text` matches). Warning: an XPath not written as Label Studio writes it (`/p[1]/text()[1]`).",
);

export const spanTextMismatch = familyRule(
  'span-text-mismatch',
  'error',
  '`value.text` differs from the data between `start` and `end` (code points; a newline may be written as backslash-n, as Label Studio exports it), or on HyperText from the text its XPaths cover (as displayed: line breaks between blocks); says when UTF-16 offsets would match, or where the text does occur, with a fix. Differing only in whitespace is a warning.',
);

export const unknownItem = familyRule('unknown-item', 'error', "A Ranker result names an item id that is not the `id` of any item in its List's task data.");

export const rleInvalid = familyRule(
  'rle-invalid',
  'error',
  "A brush mask that does not decode, or whose size is not original_width x original_height x 4 (without them: the loaded image's size, at which Label Studio decodes it). Warnings: a mask that paints nothing; a mask without original_width/original_height (with a fix adding the loaded image's size).",
);

