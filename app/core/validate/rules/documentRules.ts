// Rules about the files themselves and the shape of tasks and predictions.

import type { JsonPath } from '../../finding';
import { MAX_DEPTH, pathText, tooDeep } from '../../tasks/depth';
import type { Rule, TaskCheck } from '../context';
import { jsonType } from '../../tags/valueKeys';
import { isObject } from '../../tasks/jsonValue';

export const xmlSyntax: Rule = {
  id: 'xml-syntax',
  severity: 'error',
  doc: 'The config is not well-formed XML (reported by the config parser, at the broken spot).',
};

export const configStructure: Rule = {
  id: 'config-structure',
  severity: 'error',
  doc: 'Duplicate names, a `toName` naming nothing or a non-object, a control without `toName`, no object tag, a root other than `<View>`.',
};

export const noControl: Rule = {
  id: 'no-control',
  severity: 'warning',
  doc: 'The config has object tags but no control tag (only `<Image>`, say): Label Studio accepts it as a view of the data, but nothing can be labelled and every prediction result is dropped (each also gets `unknown-from-name`).',
};

export const unknownTag: Rule = {
  id: 'unknown-tag',
  severity: 'warning',
  doc: 'A config tag prelabel does not know (a typo, or a tag from a newer Label Studio); it is ignored.',
};

export const invalidColor: Rule = {
  id: 'invalid-color',
  severity: 'warning',
  doc: 'A `background` in the config that is not a colour (a name, hex, `rgb()` or `hsl()`), e.g. `url(...)`: prelabel ignores it rather than putting it into a style.',
};

export const jsonSyntax: Rule = {
  id: 'json-syntax',
  severity: 'error',
  doc: 'The tasks file is not valid JSON or JSON Lines; the message says what is wrong and where (including Python literals such as `NaN`, `True`, single quotes).',
};

export const taskShape: Rule = {
  id: 'task-shape',
  severity: 'error',
  doc: 'A task is not an object, `data` is missing or not an object, `predictions` is not a list, a prediction is not an object or has no `result` list.',
  task(cx) {
    const task = cx.task;
    if (!isObject(task)) {
      cx.report(`Task ${cx.t} is ${Array.isArray(task) ? 'a list' : JSON.stringify(task)}; each task must be an object with "data" (and "predictions").`);
      return;
    }
    reportTooDeep(cx, task);
    if (!('data' in task)) {
      if ('predictions' in task || 'annotations' in task) {
        cx.report('The task has no "data" key, so Label Studio takes the whole object as data and its "predictions" are not imported. Move the data fields under "data".');
      } else {
        cx.report('The task has no "data" key: Label Studio takes the whole object as its data. That works, but "data": {...} is clearer.', { severity: 'info' });
      }
    } else if (!isObject(task.data)) {
      cx.report(`"data" is ${Array.isArray(task.data) ? 'a list' : JSON.stringify(task.data)}; it must be an object of the fields the config reads (e.g. {"image": "..."}).`, { path: ['data'] });
    }
    if (!('predictions' in task)) return;
    const preds = task.predictions;
    if (!Array.isArray(preds)) {
      const wrap = isObject(preds) && !tooDeep(preds, MAX_DEPTH) ? { fix: { title: 'Wrap the prediction in a list', edits: [{ task: cx.t, path: ['predictions'], value: [preds] }] } } : {};
      cx.report(`"predictions" is ${isObject(preds) ? 'an object' : JSON.stringify(preds)}; it must be a list of predictions, each {"model_version", "score", "result": [...]}.`, { path: ['predictions'], ...wrap });
      return;
    }
    preds.forEach((pred, p) => {
      if (!isObject(pred)) {
        const hint = Array.isArray(pred) ? ' (a list of results? wrap it as {"result": [...]})' : '';
        cx.report(`Prediction ${p} is ${Array.isArray(pred) ? 'a list' : JSON.stringify(pred)}; a prediction is an object with a "result" list${hint}.`, { path: ['predictions', p] });
        return;
      }
      const result = pred.result;
      if (result === undefined) {
        const looksLikeResult = 'from_name' in pred || 'type' in pred;
        cx.report(`Prediction ${p} has no "result" list${looksLikeResult ? ': it looks like a single result; wrap it as {"result": [ ... ]}' : ''}.`, { path: ['predictions', p] });
      } else if (typeof result === 'string') {
        cx.report(`Prediction ${p} has "result": ${JSON.stringify(result)}, Label Studio's minified form: the server expands it into a choices result of the first control. Write the full result to be sure which control gets it.`, { path: ['predictions', p, 'result'], severity: 'warning' });
      } else if (!Array.isArray(result)) {
        cx.report(`Prediction ${p} has "result": ${result === null ? 'null' : isObject(result) ? 'an object' : JSON.stringify(result)}; "result" must be a list of results.`, {
          path: ['predictions', p, 'result'],
          ...(isObject(result) && !tooDeep(result, MAX_DEPTH) ? { fix: { title: 'Wrap the result in a list', edits: [{ task: cx.t, path: ['predictions', p, 'result'], value: [result] }] } } : {}),
        });
      }
    });
  },
};

/** Values nested deeper than MAX_DEPTH outside the results (result-shape reports those at their result). */
function reportTooDeep(cx: TaskCheck, task: Record<string, unknown>): void {
  const places: [JsonPath, unknown][] = [];
  for (const key of Object.keys(task)) {
    if (key !== 'predictions' || !Array.isArray(task.predictions)) places.push([[key], task[key]]);
    else {
      task.predictions.forEach((pred, p) => {
        if (!isObject(pred)) return places.push([['predictions', p], pred]);
        for (const k of Object.keys(pred)) if (k !== 'result' || !Array.isArray(pred.result)) places.push([['predictions', p, k], pred[k]]);
      });
    }
  }
  for (const [at, value] of places) {
    const below = tooDeep(value, MAX_DEPTH - at.length);
    if (!below) continue;
    const path = [...at, ...below];
    cx.report(`The value at ${pathText(path)} is nested more than ${MAX_DEPTH} levels deep: prelabel does not read inside it. No Label Studio field needs that; it is most likely a bug in whatever wrote the file.`, { path: path.slice(0, at.length + 4) });
  }
}

export const dataMissing: Rule = {
  id: 'data-missing',
  severity: 'error',
  doc: "An object tag's `$variable` is absent from the task's `data` (Label Studio shows nothing for that object).",
  task(cx) {
    if (!cx.config.ok || !cx.data || cx.options.skipDataChecks) return;
    for (const obj of cx.config.objects.values()) {
      if (!obj.variable || obj.variable in cx.data) continue;
      const keys = Object.keys(cx.data);
      const near = keys.find((k) => k.toLowerCase() === obj.variable!.toLowerCase());
      cx.report(`<${obj.tag} name="${obj.name}"> reads $${obj.variable}, but the task's data has no "${obj.variable}"${keys.length ? ` (it has: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})` : ''}.`, {
        path: 'data' in (cx.task as object) ? ['data'] : [],
        ...(near ? { suggestion: near } : {}),
      });
    }
  },
};

/** Does a task carry predictions (even broken ones, which task-shape reports)? Missing, null or [] do not. */
function hasPredictions(task: unknown): boolean {
  if (!isObject(task)) return false;
  const preds = task.predictions;
  return preds !== undefined && preds !== null && !(Array.isArray(preds) && preds.length === 0);
}

// An info, not a warning: Label Studio itself writes such files (exports of annotated tasks, tasks to label),
// and nothing in them is wrong; the point is that a file dropped by mistake is not met with silence.
export const noPredictions: Rule = {
  id: 'no-predictions',
  severity: 'info',
  doc: 'No task of the file has predictions (every `predictions` is missing or `[]`): legal in Label Studio, which imports the tasks to label, but there is nothing to check. Once per file. (A prediction with an empty `result`, a model that found nothing, counts as a prediction.)',
  document(cx) {
    const { tasks } = cx.doc;
    let count = 0;
    let annotated = 0;
    let first = -1;
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t];
      // A JSON Lines line that did not parse is json-syntax's.
      if (task === undefined) continue;
      if (hasPredictions(task)) return;
      count++;
      if (first === -1) first = t;
      if (isObject(task) && Array.isArray(task.annotations) && task.annotations.length) annotated++;
    }
    if (!count) return;
    const what = count === 1 ? 'The task has no' : `None of the ${count} tasks has`;
    const notes = annotated ? ` ${annotated === count ? (count === 1 ? 'It has' : 'They have') : `${annotated} of them have`} "annotations": prelabel checks predictions, not annotations.` : '';
    cx.report(
      `${what} predictions, so there are no pre-annotations for prelabel to check. Label Studio imports such a file as tasks to label (that is allowed).${notes} If you meant to check a model's output, open the tasks file with "predictions" in it, or import the model's YOLO, COCO or VOC output.`,
      cx.doc.index.tasks[first] ?? 0,
    );
  },
};

export const missingModelVersion: Rule = {
  id: 'missing-model-version',
  severity: 'info',
  doc: 'A prediction without `model_version`: Label Studio groups and filters predictions by it.',
  prediction(cx) {
    if (cx.prediction.model_version === undefined || cx.prediction.model_version === null || cx.prediction.model_version === '') {
      cx.report('This prediction has no "model_version": Label Studio cannot tell it apart from other models\' predictions in its model selector.');
    }
  },
};

/**
 * What a score outside 0..1 most likely is. Above 10 (up to 100) it is a percentage: no sigmoid needs a logit
 * that large (sigmoid(10) = 0.99995) and rating scales stop at 10. From 1 to 10 it may be a percentage, a
 * logit or a 0..5 / 0..10 rating, so /100 is only offered as one reading. Below 0 or above 100 it is not a
 * probability of any kind.
 */
function scoreHint(score: number): string {
  const pct = Math.round(score * 1e4) / 1e6;
  if (score > 10 && score <= 100) return ` It looks like a percentage: use ${pct}.`;
  if (score > 1 && score <= 10) return ` If it is a percentage, that is ${pct}; if it is a logit or a score on another scale (0..5, 0..10), map it into 0..1 (a logit through a sigmoid, a rating divided by its maximum).`;
  return ' It is not a probability: map it into 0..1 (a logit through a sigmoid).';
}

function checkScore(score: unknown, what: string, report: (message: string, severity?: 'warning') => void): void {
  if (score === undefined || score === null) return;
  if (typeof score === 'string') {
    const n = Number(score);
    if (score.trim() !== '' && Number.isFinite(n)) {
      report(`The ${what} score is the string ${JSON.stringify(score)}; write it as a number (${n}).`, 'warning');
      if (n < 0 || n > 1) report(`The ${what} score ${n} is outside 0..1.${scoreHint(n)}`);
    } else report(`The ${what} score is the string ${JSON.stringify(score)}; it must be a number in 0..1.`);
    return;
  }
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    report(`The ${what} score is ${jsonType(score)}; it must be a number in 0..1.`);
    return;
  }
  if (score < 0 || score > 1) report(`The ${what} score ${score} is outside 0..1.${scoreHint(score)}`);
}

export const scoreRange: Rule = {
  id: 'score-range',
  severity: 'error',
  doc: 'A prediction score or a region score (`score` on a result or in its value) that is not a number in 0..1.',
  prediction(cx) {
    checkScore(cx.prediction.score, 'prediction', (message, severity) => cx.report(message, { path: ['score'], ...(severity ? { severity } : {}) }));
  },
  result(cx) {
    if (!cx.sound) return;
    checkScore(cx.result.score, 'region', (message, severity) => cx.report(message, { path: ['score'], ...(severity ? { severity } : {}) }));
    if (cx.value) checkScore(cx.value.score, 'region', (message, severity) => cx.report(message, { path: ['value', 'score'], ...(severity ? { severity } : {}) }));
  },
};
