// The command line as a pipeline uses it: output formats, exit codes, messages on stderr.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { guideExamples } from '../testing/shared';
import { main } from './main';
import { rulesMarkdown } from './rulesTable';
import { readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prelabel-cli-'));
  for (const ex of guideExamples()) {
    files[`${ex.id}.xml`] = path.join(dir, `${ex.id}.xml`);
    files[`${ex.id}.json`] = path.join(dir, `${ex.id}.json`);
    writeFileSync(files[`${ex.id}.xml`], ex.config);
    writeFileSync(files[`${ex.id}.json`], ex.tasks);
  }
  files['broken.json'] = path.join(dir, 'broken.json');
  writeFileSync(files['broken.json'], '[\n  {"data": {"image": "x"}},\n]\n');
  files['bad.xml'] = path.join(dir, 'bad.xml');
  writeFileSync(files['bad.xml'], '<View>\n  <Image name="image" value="$image">\n</View>\n');
});

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('prelabel validate', () => {
  test('valid input: exit 0, a summary line, nothing on stderr', () => {
    const r = run('validate', '--config', files['bbox.xml'], files['bbox.json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe('1 task, 1 prediction, 3 results: 0 errors, 0 warnings, 0 info.');
  });

  test('a tasks file without predictions: one no-predictions info, and exit 0 (it is legal in Label Studio)', () => {
    const raw = path.join(dir, 'raw.json');
    writeFileSync(raw, JSON.stringify([{ data: { image: 'a.jpg' } }, { data: { image: 'b.jpg' } }], null, 2));
    const r = run('validate', '--config', files['bbox.xml'], raw);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3 info no-predictions None of the 2 tasks has predictions`));
    expect(lines.at(-1)).toBe('2 tasks, 0 predictions, 0 results: 0 errors, 0 warnings, 1 info.');
  });

  test('errors: exit 1, one FILE:LINE:COLUMN severity rule message line per finding', () => {
    const r = run('validate', '--config', files['troubleshooting.xml'], files['troubleshooting.json']);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toContain(`${files['troubleshooting.json']}:18:31 error unknown-from-name from_name "ner" names no control tag in the config, so Label Studio drops this result without a word. Did you mean "label"?`);
    expect(lines.at(-1)).toMatch(/1 error, 0 warnings, 1 info\.$/);
  });

  test('several files: findings name their file, the summary adds up', () => {
    const r = run('validate', '-c', files['shapes.xml'], files['shapes.json'], files['shapes.json'], '--format', 'json');
    const doc = JSON.parse(r.out);
    expect(doc.summary).toEqual({ tasks: 2, predictions: 2, results: 8, errors: 2, warnings: 0, infos: 0 });
    expect(doc.findings.map((f: { rule: string; file: string; result: number }) => [f.rule, f.file, f.result])).toEqual([
      ['type-mismatch', files['shapes.json'], 3],
      ['type-mismatch', files['shapes.json'], 3],
    ]);
  });

  test('json: every finding has the documented keys, suggestion and fix when there are', () => {
    const r = run('validate', '--config', files['troubleshooting.xml'], files['troubleshooting.json'], '--format=json');
    const doc = JSON.parse(r.out);
    const f = doc.findings.find((x: { rule: string }) => x.rule === 'unknown-from-name');
    expect(Object.keys(f).sort()).toEqual(['column', 'file', 'fix', 'line', 'message', 'prediction', 'result', 'rule', 'severity', 'suggestion', 'task'].sort());
    expect(f).toMatchObject({ severity: 'error', task: 0, prediction: 0, result: 0, line: 18, column: 31, suggestion: 'label' });
  });

  test('a JSON syntax error is a finding with its position, exit 1', () => {
    const r = run('validate', '--config', files['bbox.xml'], files['broken.json']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe(`${files['broken.json']}:3:1 error json-syntax Trailing comma before ']': remove the last ','.`);
  });

  test('a Label Studio template (config.yml) as --config: its config checks the tasks, its findings point into the YAML', () => {
    const bbox = readFileSync(files['bbox.xml'], 'utf8');
    const yml = path.join(dir, 'config.yml');
    const indented = bbox.trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
    writeFileSync(yml, `title: Object Detection with Bounding Boxes\ntype: community\ngroup: Computer Vision\nconfig: |\n${indented}\n`);
    const r = run('validate', '--config', yml, files['bbox.json']);
    expect(r.err).toBe('');
    expect(r.out).toBe('1 task, 1 prediction, 3 results: 0 errors, 0 warnings, 0 info.');
    // An unclosed tag on the config's second line: line 6 of the YAML (after 4 lines of keys), two columns in.
    const broken = path.join(dir, 'broken-template.yml');
    writeFileSync(broken, 'title: Broken\nconfig: |\n  <View>\n    <Image name="image" value="$image">\n  </View>\n');
    const b = run('validate', '--config', broken, files['bbox.json']);
    expect(b.code).toBe(1);
    const finding = b.out.split('\n').find((l) => l.startsWith(`${broken}:`) && l.includes('xml-syntax'));
    expect(finding).toBeDefined();
    const [, line, column] = /:(\d+):(\d+) /.exec(finding!)!.map(Number);
    // The position names a line of the YAML that holds the XML, inside the block's indentation or after it.
    const ymlLines = readFileSync(broken, 'utf8').split('\n');
    expect(line).toBeGreaterThanOrEqual(3);
    expect(ymlLines[line - 1].trim().startsWith('<')).toBe(true);
    expect(column).toBeGreaterThan(2);
  });

  test('a config that does not parse is an xml-syntax finding in the config file, exit 1', () => {
    const r = run('validate', '--config', files['bad.xml'], files['bbox.json']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^${files['bad.xml'].replace(/[.]/g, '\\.')}:3:\\d+ error xml-syntax `));
  });

  test.each([
    [['validate', files_('bbox.json')], /--config CONFIG.xml is required/],
    [['validate', '--config', 'nope.xml', 'x.json'], /No such file: nope.xml/],
    [['validate', '--config'], /--config needs a value/],
    [['validate', '--format', 'xml', '--config', 'a', 'b'], /--format must be text or json/],
    [['validate', '--what'], /Unknown option --what/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [[], /No command given/],
  ])('cannot run %j: exit 2 and a message on stderr', (argv, message) => {
    const r = run(...argv.map((a) => (a.startsWith('@') ? files[a.slice(1)] : a)));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/Usage:/);
  });
});

describe('large and hostile input', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  test('--format json is written in pieces of bounded size, and the pieces are one JSON document', () => {
    const rects = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 10, y: 10, width: 10, height: 10, rectanglelabels: ['Nope'] } }));
    const tasks = write('many.json', JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: rects }] }]));
    const pieces: string[] = [];
    const code = main(['validate', '--config', files['bbox.xml'], tasks, '--format', 'json'], (s) => pieces.push(s), () => {});
    expect(code).toBe(1);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1 << 20);
    const doc = JSON.parse(pieces.join('\n'));
    expect(doc.findings).toHaveLength(5000);
    expect(doc.summary).toMatchObject({ results: 5000, errors: 5000 });
  });

  test.each([
    ['a prediction score', `[{"data":{"image":"a"},"predictions":[{"model_version":"m","score":${deep(5000)},"result":[]}]}]`],
    ['a region score', `[{"data":{"image":"a"},"predictions":[{"model_version":"m","result":[{"id":"r","from_name":"label","to_name":"image","type":"rectanglelabels","score":${deep(5000)},"value":{"x":1,"y":1,"width":1,"height":1,"rectanglelabels":["Airplane"],"score":${deep(5000)}}}]}]}]`],
    ['a region id', `[{"data":{"image":"a"},"predictions":[{"model_version":"m","result":[{"id":${deep(5000)},"from_name":"label","to_name":"image","type":"rectanglelabels","value":{"x":1,"y":1,"width":1,"height":1,"rectanglelabels":["Airplane"]}},{"id":${deep(5000)},"from_name":"label","to_name":"image","type":"rectanglelabels","value":{"x":1,"y":1,"width":1,"height":1,"rectanglelabels":["Airplane"]}}]}]}]`],
    ['a fix that would wrap a deep prediction', `[{"data":{"image":"a"},"predictions":{"model_version":"m","result":[],"extra":${deepObject(5000)}}}]`],
    ['a fix that would wrap a deep result', `[{"data":{"image":"a"},"predictions":[{"model_version":"m","result":{"x":${deepObject(5000)}}}]}]`],
    ['a choice', `[{"data":{"image":"a"},"predictions":[{"model_version":"m","result":[{"from_name":"label","to_name":"image","type":"rectanglelabels","value":{"x":1,"y":1,"width":1,"height":1,"rectanglelabels":[${deep(5000)}, "A"]}}]}]}]`],
  ])('a value nested 5,000 levels deep in %s is a finding, not an internal error', (_what, text) => {
    const tasks = write('deep.json', text);
    for (const format of ['text', 'json']) {
      const r = run('validate', '--config', files['bbox.xml'], tasks, '--format', format);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/nested more than \d+ levels deep/);
      if (format === 'json') expect(JSON.parse(r.out).findings.length).toBeGreaterThan(0);
    }
  });

  test('a 1 MB label is quoted cut short in the message, not in full', () => {
    const label = 'x'.repeat(1 << 20);
    const tasks = write('long.json', JSON.stringify([{ data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: [{ id: 'r', from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 10, y: 10, width: 10, height: 10, rectanglelabels: [label] } }] }] }]));
    const r = run('validate', '--config', files['bbox.xml'], tasks);
    expect(r.code).toBe(1);
    const line = r.out.split('\n')[0];
    expect(line).toMatch(/unknown-label Label "x+…" is not in "label"/);
    expect(line.length).toBeLessThan(1000);
  });

  test('an unterminated XML comment: a finding with a numeric line and column', () => {
    const config = write('comment.xml', '<View>\n  <Image name="image" value="$image"/>\n</View>\n<!-- not closed');
    const r = run('validate', '--config', config, files['bbox.json'], '--format', 'json');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).findings[0];
    expect(f).toMatchObject({ rule: 'xml-syntax', line: 4, column: 1 });
    const t = run('validate', '--config', config, files['bbox.json']);
    expect(t.out.split('\n')[0]).toMatch(/comment\.xml:4:1 error xml-syntax /);
  });
});

function files_(name: string) {
  return `@${name}`;
}

test('the README rule table is the one the registry generates', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(readme).toContain(rulesMarkdown());
});

test('`npx prelabel` runs the bundled command in a fresh clone after npm install', () => {
  const r = spawnSync('npx', ['--no-install', 'prelabel', 'validate', '--config', files['shapes.xml'], files['shapes.json']], { cwd: root, encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/error type-mismatch type "keypoint" does not match from_name "rect"/);
  expect(execFileSync('node', [path.join(root, 'app/cli/prelabel.mjs'), '--help'], { encoding: 'utf8' })).toMatch(/Usage:/);
}, 30000);
