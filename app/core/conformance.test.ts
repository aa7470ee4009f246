// prelabel against the shared material: the guide's examples, the corpus configs, the editor examples
// and the SDK's prediction-validation cases.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { guideExamples, sharedPath } from '../testing/shared';
import { check, parseConfig, type Finding } from '.';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('the guide examples', () => {
  const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));

  test.each(['bbox', 'ner', 'ocr'])('%s gives no error', (id) => {
    const { report } = check(examples[id].config, examples[id].tasks);
    expect(report.summary.results).toBeGreaterThan(0);
    expect(errors(report.findings)).toEqual([]);
  });

  test('unlabeled shapes: type-mismatch on result 3 (region DEF, a keypoint under the Rectangle control), suggesting the KeyPoint control', () => {
    const { report } = check(examples.shapes.config, examples.shapes.tasks);
    const errs = errors(report.findings);
    expect(errs.map((f) => [f.rule, f.task, f.prediction, f.result])).toEqual([['type-mismatch', 0, 0, 3]]);
    expect(errs[0].suggestion).toBe('kp');
    // The finding points at the "type" of that result in the text.
    const line = examples.shapes.tasks.split('\n')[errs[0].line - 1];
    expect(line.slice(errs[0].column - 1)).toMatch(/^"keypoint"/);
  });

  test('troubleshooting: unknown-from-name on result 0 ("ner"), suggesting "label", with a fix', () => {
    const { report } = check(examples.troubleshooting.config, examples.troubleshooting.tasks);
    const errs = errors(report.findings);
    expect(errs.map((f) => [f.rule, f.result])).toEqual([['unknown-from-name', 0]]);
    expect(errs[0].suggestion).toBe('label');
    expect(errs[0].fix?.edits).toEqual([{ task: 0, path: ['predictions', 0, 'result', 0, 'from_name'], value: 'label' }]);
    const line = examples.troubleshooting.tasks.split('\n')[errs[0].line - 1];
    expect(line.slice(errs[0].column - 1)).toMatch(/^"ner"/);
  });
});

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));

describe('corpus configs', () => {
  const configs = walk(sharedPath('corpus')).filter((f) => f.endsWith('.xml'));

  test('there are the 175 configs the corpus report lists', () => {
    expect(configs.length).toBe(175);
  });

  test('every config parses without xml-syntax and without config-structure errors', () => {
    const bad = configs.flatMap((f) => parseConfig(readFileSync(f, 'utf8')).findings.filter((x) => x.rule === 'xml-syntax' || x.severity === 'error').map((x) => `${f}:${x.line} ${x.rule} ${x.message}`));
    expect(bad).toEqual([]);
  });
});

/**
 * Editor examples whose predictions or annotations really are stale: their names or labels do not
 * match their own config (checked by hand against the config; Label Studio drops these results too).
 */
const STALE: Record<string, string[]> = {
  'image_ocr/tasks.json': ['unknown-from-name', 'unknown-to-name', 'unknown-from-name', 'unknown-to-name'], // from_name "tag", to_name "img"; the config has "label"/"image"
  'image_ocr/annotations/1.json': [...Array(3).fill(['unknown-from-name', 'unknown-to-name']).flat()],
  'classification_mixed/annotations/1.json': ['unknown-from-name', 'unknown-to-name', 'unknown-from-name', 'unknown-to-name'], // "tag" on "img": no such tags
  'image_magic_wand/annotations/1.json': ['unknown-from-name', 'unknown-from-name'], // "magicwand_tool_1"; the config names it "magicwand_1"
  'rich_text_plain/tasks.json': ['unknown-label', 'span-text-mismatch'], // label "Date" not in PER/ORG/LOC/MISC; "February 22" is not in the text
  'rich_text_plain/annotations/1.json': ['unknown-label'],
  'rich_text_html/tasks.json': ['span-text-mismatch'], // value.text "appreciated.\n\nVincent: … I respect you." but the span ends at "Mr. Wolf" (checked against the HTML)
  'table_csv/annotations/0.json': ['unknown-to-name'], // to_name "menu"; the Table is "csv-table"
};

describe('editor examples', () => {
  const root = sharedPath('corpus/editor-examples');
  // [name, config path, file path, is an annotation file]; texts are read inside each test, since
  // test.each arguments are formatted by the runner and one annotation file is 3.9 MB.
  const cases: [string, string, string, boolean][] = [];
  for (const ex of readdirSync(root)) {
    if (!existsSync(`${root}/${ex}/config.xml`)) continue;
    if (existsSync(`${root}/${ex}/tasks.json`)) cases.push([`${ex}/tasks.json`, `${root}/${ex}/config.xml`, `${root}/${ex}/tasks.json`, false]);
    if (existsSync(`${root}/${ex}/annotations`)) {
      for (const a of readdirSync(`${root}/${ex}/annotations`)) cases.push([`${ex}/annotations/${a}`, `${root}/${ex}/config.xml`, `${root}/${ex}/annotations/${a}`, true]);
    }
  }

  test('the corpus has its 45 task files and their annotation files', () => {
    expect(cases.filter((c) => c[0].endsWith('tasks.json')).length).toBe(45);
    expect(cases.length).toBeGreaterThan(80);
  });

  test.each(cases)('%s: no error except the stale names listed', (name, configPath, file, annotation) => {
    let text = readFileSync(file, 'utf8');
    if (annotation) {
      // Annotation files hold results in the same format: check them as predictions of a data-less task.
      const d = JSON.parse(text);
      text = JSON.stringify([{ data: {}, predictions: [...(d.predictions ?? []), ...(d.annotations ?? [])] }]);
    }
    const { report } = check(readFileSync(configPath, 'utf8'), text, { skipDataChecks: annotation });
    expect(errors(report.findings).map((f) => f.rule)).toEqual(STALE[name] ?? []);
  });
});

/**
 * The HyperText examples' annotations, checked as predictions of their own task (its HTML): their XPaths,
 * offsets and globalOffsets all resolve. One value.text was edited by hand in the example and no longer
 * is what its offsets cover ("…Mr. Wolf" is covered, the text goes on to "I respect you.").
 */
describe('HyperText editor examples against their HTML', () => {
  const root = sharedPath('corpus/editor-examples');
  const examples = readdirSync(root).filter((ex) => existsSync(`${root}/${ex}/annotations`) && /<HyperTextLabels\b/.test(readFileSync(`${root}/${ex}/config.xml`, 'utf8')));

  test('the corpus has its two HyperText span examples with annotations', () => {
    expect(examples.sort()).toEqual(['html_document', 'rich_text_html']);
  });

  test.each(examples)('%s: every span resolves; errors only where the example is wrong', (ex) => {
    const config = readFileSync(`${root}/${ex}/config.xml`, 'utf8');
    for (const a of readdirSync(`${root}/${ex}/annotations`)) {
      const d = JSON.parse(readFileSync(`${root}/${ex}/annotations/${a}`, 'utf8'));
      const { report } = check(config, JSON.stringify([{ data: d.data, predictions: d.annotations }]));
      expect(report.summary.results).toBeGreaterThan(0);
      const found = report.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.result]);
      expect(found).toEqual(ex === 'rich_text_html' ? [['span-text-mismatch', 'error', 3]] : []);
    }
  });
});

interface SdkCase {
  case: number;
  method: string;
  expected_valid: boolean;
  input: unknown;
}

/**
 * Where prelabel's verdict differs from the SDK's, and why prelabel is right. Keys: set#case.
 */
const SDK_DISAGREEMENTS: Record<string, string> = {
  'prediction-brush-config#0': 'rle [2,3,3,2] is 4 bytes: shorter than the 7-byte header, so it is no mask Label Studio can decode',
  'prediction-brush-config#3': 'bytes 0..255 in order: the header announces 1-bit words, not a Label Studio mask',
  'prediction-brush-config#8': 'rle [1,2,3] is shorter than the 7-byte header',
  'prediction-brush-labels-config#0': 'rle [2,3,3,2] is shorter than the 7-byte header',
  'test-brush-labels-rle-with-zero-bytes#0': 'rle of 6 bytes is shorter than the 7-byte header',
  'prediction-hypertext-labels-config#0': 'numeric start/end on HyperText: checked in Label Studio 1.4, the region is dropped (XPaths are required)',
  'prediction-number-config#1': 'number -5 is outside the control\'s min="0"; the SDK does not check min/max',
  'prediction-pairwise-config#0': 'selected "text1": Pairwise records "left" or "right" (the SDK test is skipped upstream)',
  'test-taxonomy-paths-validation#0': 'path ["Eukarya", "Oppossum"] does not follow the tree: Oppossum is a top-level choice, not a child of Eukarya',
};

describe('SDK prediction-validation cases', () => {
  const rows: [string, string, SdkCase][] = [];
  for (const group of ['test-prediction-validation', 'test-validation']) {
    const dir = sharedPath('corpus/tests/sdk', group);
    for (const set of readdirSync(dir)) {
      const config = readFileSync(`${dir}/${set}/config.xml`, 'utf8');
      for (const c of JSON.parse(readFileSync(`${dir}/${set}/cases.json`, 'utf8')) as SdkCase[]) rows.push([`${set}#${c.case}`, config, c]);
    }
  }

  test('all 123 cases are here', () => {
    expect(rows.length).toBe(123);
  });

  test.each(rows)('%s', (key, config, c) => {
    let tasks: unknown[];
    if (c.method === 'validate_task') tasks = [c.input];
    else if (c.method === 'validate_region') tasks = [{ data: {}, predictions: [{ model_version: 'm', result: [c.input] }] }];
    else tasks = [{ data: {}, predictions: [c.input] }];
    // Bare predictions come without task data: checks that need it are off, except for validate_task.
    const { report } = check(config, JSON.stringify(tasks), { skipDataChecks: c.method !== 'validate_task' });
    const valid = errors(report.findings).length === 0;
    const expected = key in SDK_DISAGREEMENTS ? !c.expected_valid : c.expected_valid;
    expect(valid, `${key}: ${errors(report.findings).map((f) => `${f.rule}: ${f.message}`).join(' | ')}`).toBe(expected);
  });
});

test("the app's samples are the guide's examples, unchanged", () => {
  for (const ex of guideExamples()) {
    expect(readFileSync(`public/samples/${ex.id}/config.xml`, 'utf8')).toBe(ex.config);
    expect(readFileSync(`public/samples/${ex.id}/tasks.json`, 'utf8')).toBe(ex.tasks);
  }
});
