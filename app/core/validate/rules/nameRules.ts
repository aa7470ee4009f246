// Rules that tie a result to the config: its keys, from_name, to_name and type.

import type { ControlTag } from '../../config/model';
import { controlTargets, findControl, findObject } from '../../config/model';
import { knownResultTypes, tagSpec } from '../../config/tags';
import type { ResultCheck, Rule } from '../context';
import { closest } from '../suggest';
import { jsonType } from '../../tags/valueKeys';
import { isObject } from '../../tasks/jsonValue';
import { MAX_DEPTH, pathText, tooDeep } from '../../tasks/depth';

/** Can `control` write results of `type`? A generic <Labels> also labels shapes drawn with other tools. */
export function controlWrites(control: ControlTag, type: string): boolean {
  return control.resultTypes.includes(type) || (control.type === 'labels' && type.endsWith('labels'));
}

/** Controls that answer about a whole object rather than drawing regions on it. */
const CLASSIFYING = new Set(['Choices', 'TextArea', 'Rating', 'Number', 'DateTime', 'Taxonomy', 'Ranker']);

function resultPath(cx: ResultCheck, key: string): (string | number)[] {
  return ['predictions', cx.p, 'result', cx.r, key];
}

function renameFix(cx: ResultCheck, key: 'from_name' | 'to_name' | 'type', to: string) {
  return { title: `Set ${key} to "${to}"`, edits: [{ task: cx.t, path: resultPath(cx, key), value: to }] };
}

export const resultShape: Rule = {
  id: 'result-shape',
  severity: 'error',
  doc: 'A result is not an object, or lacks or mistypes `from_name`, `to_name`, `type` or `value` (e.g. `to_name` as a list), or has non-boolean `readonly`/`hidden`.',
  result(cx) {
    const raw = cx.raw;
    if (!isObject(raw)) {
      cx.report(`Result ${cx.r} is ${jsonType(raw)}; a result is an object with "from_name", "to_name", "type" and "value".`);
      cx.sound = false;
      return;
    }
    // Nothing else reads a result nested this deep: every later check would have to recurse into it.
    const deep = tooDeep(raw, MAX_DEPTH - 4);
    if (deep) {
      cx.report(`The result's ${pathText(deep)} is nested more than ${MAX_DEPTH} levels deep (counted from the task): prelabel does not check this result. No Label Studio result needs that; it is most likely a bug in whatever wrote the file.`, { path: deep.slice(0, 4) });
      cx.sound = false;
      return;
    }
    if (raw.type === undefined) {
      cx.report('The result has no "type" (e.g. "rectanglelabels", "choices"): Label Studio cannot read it and the editor fails.', { path: [] });
      cx.sound = false;
    } else if (typeof raw.type !== 'string') {
      cx.report(`"type" is ${jsonType(raw.type)}; it must be a string such as "rectanglelabels".`, { path: ['type'] });
      cx.sound = false;
    }
    const relation = raw.type === 'relation';
    const keys: ['from_name', 'to_name'] = ['from_name', 'to_name'];
    for (const key of keys) {
      const v = raw[key];
      if (v === undefined) {
        if (relation) continue;
        cx.report(`The result has no "${key}": it must name the ${key === 'from_name' ? 'control tag (e.g. <RectangleLabels name="...">)' : 'object tag (e.g. <Image name="...">)'} it belongs to.`, { path: [] });
        cx.sound = false;
      } else if (typeof v !== 'string') {
        const single = Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? (v[0] as string) : null;
        cx.report(`"${key}" is ${jsonType(v)}; it must be one name as a string${single ? ` ("${single}")` : ''}. Label Studio's editor fails on anything else.`, {
          path: [key],
          ...(single ? { suggestion: single, fix: { title: `Set ${key} to "${single}"`, edits: [{ task: cx.t, path: resultPath(cx, key), value: single }] } } : {}),
        });
        cx.sound = false;
      }
    }
    if (relation) {
      for (const key of ['from_id', 'to_id']) {
        if (typeof raw[key] !== 'string' && typeof raw[key] !== 'number') {
          cx.report(`A relation needs "${key}", the id of a region in this prediction; it is ${raw[key] === undefined ? 'missing' : jsonType(raw[key])}.`, { path: raw[key] === undefined ? [] : [key] });
          cx.sound = false;
        }
      }
      const d = raw.direction;
      if (d !== undefined && d !== 'right' && d !== 'left' && d !== 'bi') {
        cx.report(`"direction" is ${jsonType(d)}; it must be "right", "left" or "bi".`, { path: ['direction'] });
      }
    } else if (raw.value === undefined) {
      cx.report('The result has no "value": it must hold the geometry and/or labels, e.g. {"x": ..., "rectanglelabels": [...]}.', { path: [] });
      cx.sound = false;
    } else if (!isObject(raw.value)) {
      cx.report(`"value" is ${jsonType(raw.value)}; it must be an object (e.g. {"choices": ["A"]}).`, { path: ['value'] });
      cx.sound = false;
    }
    for (const flag of ['readonly', 'hidden']) {
      const v = raw[flag];
      if (v !== undefined && typeof v !== 'boolean') {
        const b = v === 'true' || v === 1 ? true : v === 'false' || v === 0 ? false : null;
        cx.report(`"${flag}" is ${jsonType(v)}; it must be true or false (a string "false" counts as true).`, {
          path: [flag],
          severity: 'warning',
          ...(b !== null ? { fix: { title: `Set ${flag} to ${b}`, edits: [{ task: cx.t, path: resultPath(cx, flag), value: b }] } } : {}),
        });
      }
    }
    if (raw.id !== undefined && typeof raw.id !== 'string') {
      cx.report(`"id" is ${jsonType(raw.id)}; region ids are strings.`, {
        path: ['id'],
        severity: 'warning',
        ...(typeof raw.id === 'number' ? { fix: { title: `Write the id as "${raw.id}"`, edits: [{ task: cx.t, path: resultPath(cx, 'id'), value: String(raw.id) }] } } : {}),
      });
    }
  },
};

export const unknownFromName: Rule = {
  id: 'unknown-from-name',
  severity: 'error',
  doc: '`from_name` names no control tag: Label Studio drops the result silently.',
  result(cx) {
    if (!cx.sound || cx.type === 'relation' || cx.control || !cx.config.ok || cx.fromName === null) return;
    const controls = [...cx.config.controls.values()];
    const preferred = controls.filter((c) => controlWrites(c, cx.type!) && (cx.toName === null || controlTargets(c, cx.toName, cx.config))).map((c) => c.name);
    const suggestion = closest(cx.fromName, controls.map((c) => c.name), preferred);
    const isObjectName = !!findObject(cx.config, cx.fromName);
    let message = `from_name "${cx.fromName}" names no control tag in the config, so Label Studio drops this result without a word.`;
    if (isObjectName) message += ` "${cx.fromName}" is an object tag: from_name is the control (the tag with the labels), to_name is the object.`;
    message += suggestion ? ` Did you mean "${suggestion}"?` : ` Controls: ${controls.map((c) => c.name).join(', ') || 'none'}.`;
    cx.report(message, { path: ['from_name'], ...(suggestion ? { suggestion, fix: renameFix(cx, 'from_name', suggestion) } : {}) });
  },
};

export const unknownToName: Rule = {
  id: 'unknown-to-name',
  severity: 'error',
  doc: '`to_name` names no object tag: Label Studio drops the result silently.',
  result(cx) {
    if (!cx.sound || cx.type === 'relation' || cx.object || !cx.config.ok || cx.toName === null) return;
    // Self-referencing controls (ReactCode, Chat, Pairwise) are their own target.
    if (cx.control && controlTargets(cx.control, cx.toName, cx.config)) return;
    if (cx.control && cx.toName === cx.control.name && CLASSIFYING.has(cx.control.tag)) {
      // Checked in Label Studio's editor 1.4: a classification result whose to_name is its own control is shown.
      const target = cx.control.toName[0];
      cx.report(`to_name "${cx.toName}" is the control itself; Label Studio's editor still shows this ${cx.type} result, but the config says it describes ${target ? `"${target}"` : 'no object'}.`, {
        path: ['to_name'],
        severity: 'info',
        ...(target ? { suggestion: target, fix: renameFix(cx, 'to_name', target) } : {}),
      });
      return;
    }
    const objects = [...cx.config.objects.keys()];
    const preferred = cx.control ? cx.control.toName : objects.length === 1 ? objects : [];
    const suggestion = closest(cx.toName, objects, preferred);
    const isControl = !!findControl(cx.config, cx.toName);
    let message = `to_name "${cx.toName}" names no object tag in the config, so Label Studio drops this result without a word.`;
    if (isControl) message += ` "${cx.toName}" is a control tag: to_name must be the object it labels (Image, Text, ...).`;
    message += suggestion ? ` Did you mean "${suggestion}"?` : ` Object tags: ${objects.join(', ') || 'none'}.`;
    cx.report(message, { path: ['to_name'], ...(suggestion ? { suggestion, fix: renameFix(cx, 'to_name', suggestion) } : {}) });
  },
};

export const toNameMismatch: Rule = {
  id: 'to-name-mismatch',
  severity: 'error',
  doc: "`to_name` is an object tag, but not one that the `from_name` control's `toName` lists.",
  result(cx) {
    if (!cx.sound || !cx.control || !cx.object || cx.toName === null || !cx.control.toName.length) return;
    if (controlTargets(cx.control, cx.toName, cx.config)) return;
    const targets = cx.control.toName;
    const suggestion = targets.length === 1 ? targets[0] : undefined;
    cx.report(`"${cx.control.name}" labels ${targets.map((t) => `"${t}"`).join(', ') || 'nothing'} (its toName), not "${cx.toName}": the result names an object its control does not label. Label Studio's server-side validator rejects it.`, {
      path: ['to_name'],
      ...(suggestion ? { suggestion, fix: renameFix(cx, 'to_name', suggestion) } : {}),
    });
  },
};

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  severity: 'error',
  doc: '`type` is not what the `from_name` control writes (e.g. a `keypoint` result from a `<Rectangle>` control).',
  result(cx) {
    if (!cx.sound || !cx.control || cx.type === null || cx.type === 'relation') return;
    if (controlWrites(cx.control, cx.type)) return;
    const c = cx.control;
    const target = cx.toName ?? c.toName[0];
    // Another control that writes this type on the same object is the likely intended from_name.
    const other = [...cx.config.controls.values()].find((o) => o !== c && controlWrites(o, cx.type!) && (!target || controlTargets(o, target, cx.config)));
    const unknownType = !knownResultTypes.has(cx.type);
    let message = `type "${cx.type}" does not match from_name "${c.name}", a <${c.tag}> control, which writes "${c.resultTypes[0]}".`;
    if (unknownType) message += ` "${cx.type}" is not a Label Studio result type.`;
    if (other) {
      message += ` A ${cx.type} result belongs to "${other.name}" (<${other.tag}>).`;
      cx.report(message, { path: ['type'], suggestion: other.name, fix: renameFix(cx, 'from_name', other.name) });
      return;
    }
    const spec = tagSpec(c.tag);
    const want = spec?.resultTypes?.[0] ?? c.type;
    message += ` Set type to "${want}", or point from_name at a control that writes ${cx.type}.`;
    cx.report(message, { path: ['type'], suggestion: want, fix: renameFix(cx, 'type', want) });
  },
};
