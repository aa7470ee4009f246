// `prelabel import`: folders on disk in, tasks file (and generated config) out, exit codes 0/1/2 with reasons on stderr.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, test } from 'vitest';
import { main } from './main';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, '../core/import/fixtures', name);
let dir: string;
const p = (...parts: string[]) => path.join(dir, ...parts);
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(p(rel)), { recursive: true });
  writeFileSync(p(rel), text);
};
const image = (rel: string, from = '37x23.png') => {
  mkdirSync(path.dirname(p(rel)), { recursive: true });
  copyFileSync(fixture(from), p(rel));
};
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['import', ...argv], (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
type Task = { data: { image: string }; predictions: { model_version: string; result: { type: string; original_width?: number; value: Record<string, unknown>; score?: number }[] }[] };
const tasksAt = (rel: string) => JSON.parse(readFileSync(p(rel), 'utf8')) as Task[];
const CONFIG = '<View>\n  <Image name="image" value="$image"/>\n  <RectangleLabels name="label" toName="image">\n    <Label value="Car"/>\n    <Label value="Person"/>\n  </RectangleLabels>\n</View>\n';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prelabel-import-'));
  image('run/images/a.JPG', '37x23.jpg');
  image('run/images/b.jpeg', '37x23.jpg');
  image('run/images/c.png');
  image('run/images/d.webp', '37x23.webp');
  write('run/labels/a.txt', '0 0.5 0.5 0.2 0.2 0.9\n1 0.25 0.25 0.1 0.1 0\n');
  write('run/labels/b.txt', '1 0.5 0.5 0.5 0.5 0.5\n');
  write('run/labels/c.txt', '0 0.5 0.5 0.2 0.2 0.8\n');
  write('run/labels/classes.txt', 'car\nperson\n');
  write('config.xml', CONFIG);
});

describe('prelabel import yolo', () => {
  test('pitfall: .JPG and .jpeg images are matched; an image without a labels file is a task with an empty prediction; sizes from the headers; exit 0', () => {
    const r = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--config', p('config.xml'), '--out', p('tasks.json'));
    expect(r.err).toContain('Checked: 0 errors, 0 warnings, 0 info.');
    expect(r.code).toBe(0);
    const tasks = tasksAt('tasks.json');
    expect(tasks.map((t) => t.data.image)).toEqual(['a.JPG', 'b.jpeg', 'c.png', 'd.webp'].map((f) => `/data/local-files/?d=${f}`));
    expect(tasks.map((t) => t.predictions[0].result.length)).toEqual([2, 1, 1, 0]);
    expect(tasks[0].predictions[0].result[0]).toMatchObject({ original_width: 37, original_height: 23, score: 0.9, value: { x: 40, y: 40, width: 20, height: 20, rectanglelabels: ['Car'] } });
    expect(tasks[0].predictions[0].result[1].score).toBe(0);
    // model_version: the run folder (labels/ is Ultralytics' fixed name).
    expect(tasks[0].predictions[0].model_version).toBe('run');
    expect(r.err).toMatch(/Imported yolo detect \(boxes\): 4 tasks, 4 results into .*tasks\.json; classes car->label:Car, person->label:Person\./);
  });

  test('no --config: a config is generated beside --out (tasks.config.xml) and the tasks validate against it; data.yaml names as a map (through the bundled command, which carries the yaml package)', () => {
    write('data.yaml', 'path: .\nnames:\n  0: car\n  1: person\n');
    const cli = path.join(here, 'prelabel.mjs');
    const r = spawnSync(process.execPath, [cli, 'import', 'yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--data', p('data.yaml'), '--out', p('out/tasks.json'), '--model-version', 'yolo11n'], { encoding: 'utf8' });
    expect(r.stderr).toContain('Wrote the generated config to');
    expect(r.status).toBe(0);
    expect(readFileSync(p('out/tasks.config.xml'), 'utf8')).toBe('<View>\n  <Image name="image" value="$image"/>\n  <RectangleLabels name="label" toName="image">\n    <Label value="car"/>\n    <Label value="person"/>\n  </RectangleLabels>\n</View>\n');
    expect(tasksAt('out/tasks.json')[0].predictions[0].model_version).toBe('yolo11n');
    const v = spawnSync(process.execPath, [cli, 'validate', '--config', p('out/tasks.config.xml'), p('out/tasks.json')], { encoding: 'utf8' });
    expect(v.status).toBe(0);
  });

  test('exit 2, nothing written: unmapped classes (listed, with the --map hint); --map then imports', () => {
    write('cfg2.xml', CONFIG.replace('Person', 'Pedestrian'));
    const r = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--config', p('cfg2.xml'), '--out', p('t.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('1 class has no label in RectangleLabels "label": person. Its labels: Car, Pedestrian.');
    expect(r.err).toContain('--map person=Car (repeatable)');
    expect(existsSync(p('t.json'))).toBe(false);
    const ok = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--config', p('cfg2.xml'), '--out', p('t.json'), '--map', 'person=Pedestrian');
    expect(ok.code).toBe(0);
    expect(tasksAt('t.json')[1].predictions[0].result[0].value.rectanglelabels).toEqual(['Pedestrian']);
  });

  test('exit 2 with the file and line: a line that does not fit the kind; a kind the column count cannot tell', () => {
    write('run/labels/c.txt', '0 0.5 0.5 0.2 0.2\n0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n');
    const base = ['yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--out', p('t.json')];
    const guess = run(...base);
    expect(guess.code).toBe(2);
    expect(guess.err).toContain(`${p('run/labels/c.txt')}:2: this line has 9 columns`);
    const wrong = run(...base, '--task', 'detect');
    expect(wrong.err).toContain(`${p('run/labels/c.txt')}:2: 9 columns do not fit a YOLO detect line`);
    expect(existsSync(p('t.json'))).toBe(false);
  });

  test('exit 2: a labels file with no image, bad arguments', () => {
    write('run/labels/zzz.txt', '0 0.5 0.5 0.2 0.2\n');
    const r = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--out', p('t.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('1 labels file has no image in');
    expect(r.err).toContain('zzz.txt');
    expect(run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--out', p('t.json')).err).toContain('--classes classes.txt or --data data.yaml');
    expect(run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('x.txt'), '--task', 'boxes', '--out', p('t.json')).err).toContain('--task must be one of detect, segment, obb, pose');
    expect(run('yolo', '--images', p('nope'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--out', p('t.json')).err).toContain('No such folder (--images)');
    expect(run('coco', p('a.json'), '--labels', p('x'), '--out', p('t.json')).err).toContain('--labels is for `import yolo`');
    expect(run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt')).err).toContain('give --out tasks.json (or --config CONFIG.xml)');
    expect(run('tfrecord').code).toBe(2);
  });

  test('exit 1 when the written file has validation errors (here: the config allows one Car per image)', () => {
    write('run/labels/a.txt', '0 0.5 0.5 0.2 0.2\n0 0.2 0.2 0.1 0.1\n');
    write('cfg1.xml', CONFIG.replace('<Label value="Car"/>', '<Label value="Car" maxUsages="1"/>'));
    const r = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--config', p('cfg1.xml'), '--out', p('t.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${p('t.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error max-usages`));
    expect(r.err).toContain('Checked: 1 error,');
    expect(existsSync(p('t.json'))).toBe(true);
  });

  test('with --config and no --out the tasks go to stdout, messages to stderr', () => {
    const r = run('yolo', '--images', p('run/images'), '--labels', p('run/labels'), '--classes', p('run/labels/classes.txt'), '--config', p('config.xml'), '--image-root-url', 'https://s3.example/bucket/');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Task[])[0].data.image).toBe('https://s3.example/bucket/a.JPG');
    expect(r.err).toContain('Checked: 0 errors');
  });
});

describe('prelabel import coco', () => {
  const dataset = () =>
    write('instances.json', JSON.stringify({ images: [{ id: 1, file_name: 'c.png', width: 37, height: 23 }], categories: [{ id: 3, name: 'car' }, { id: 17, name: 'person' }], annotations: [{ id: 1, image_id: 1, category_id: 3, bbox: [0, 0, 37, 23] }] }, null, 1));

  test('a results list joined with its dataset: scores kept, exit 0', () => {
    dataset();
    write('results.json', JSON.stringify([{ image_id: 1, category_id: 17, bbox: [3.7, 2.3, 18.5, 11.5], score: 0.42 }]));
    const r = run('coco', p('results.json'), '--dataset', p('instances.json'), '--images', p('run/images'), '--config', p('config.xml'), '--out', p('t.json'));
    expect(r.err).toContain('Checked: 0 errors');
    expect(r.code).toBe(0);
    const res = tasksAt('t.json')[0].predictions[0].result;
    expect(res).toHaveLength(1);
    expect(res[0].score).toBe(0.42);
    expect(res[0].value).toMatchObject({ rectanglelabels: ['Person'] });
    expect((res[0].value.x as number)).toBeCloseTo(10, 9);
    expect(tasksAt('t.json')[0].predictions[0].model_version).toBe('results');
  });

  test('a dataset without width/height takes them from the image files under --images', () => {
    write('instances.json', JSON.stringify({ images: [{ id: 1, file_name: 'c.png' }], categories: [{ id: 3, name: 'car' }], annotations: [{ id: 1, image_id: 1, category_id: 3, bbox: [0, 0, 37, 23] }] }));
    expect(run('coco', p('instances.json'), '--out', p('t.json')).err).toContain('image "c.png" has no width/height in the dataset');
    const r = run('coco', p('instances.json'), '--images', p('run/images'), '--out', p('t.json'));
    expect(r.code).toBe(0);
    expect(tasksAt('t.json')[0].predictions[0].result[0]).toMatchObject({ original_width: 37, original_height: 23, value: { x: 0, y: 0, width: 100, height: 100 } });
  });

  test('the dataset\'s size disagreeing with the image file stops (exit 2)', () => {
    write('instances.json', JSON.stringify({ images: [{ id: 1, file_name: 'c.png', width: 23, height: 37 }], categories: [{ id: 3, name: 'car' }], annotations: [] }));
    const r = run('coco', p('instances.json'), '--images', p('run/images'), '--out', p('t.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('the dataset says c.png is 23 x 37, but the file');
  });
});

describe('prelabel import voc', () => {
  test('a folder of VOC files with the images: names and sizes, exit 0; missing <size> read from the image header', () => {
    write('voc/a.xml', '<annotation><filename>a.JPG</filename><size><width>37</width><height>23</height></size><object><name>car</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>37</xmax><ymax>23</ymax></bndbox></object></annotation>');
    write('voc/c.xml', '<annotation><filename>c.png</filename><object><name>Person</name><bndbox><xmin>3.7</xmin><ymin>2.3</ymin><xmax>22.2</xmax><ymax>13.8</ymax></bndbox></object></annotation>');
    const r = run('voc', '--images', p('run/images'), p('voc'), '--config', p('config.xml'), '--out', p('t.json'));
    expect(r.err).toContain('Checked: 0 errors');
    expect(r.code).toBe(0);
    const tasks = tasksAt('t.json');
    expect(tasks.map((t) => t.data.image)).toEqual(['/data/local-files/?d=a.JPG', '/data/local-files/?d=c.png']);
    expect(tasks[0].predictions[0].result[0].value).toMatchObject({ x: 0, y: 0, width: 100, height: 100, rectanglelabels: ['Car'] });
    expect(tasks[1].predictions[0].result[0]).toMatchObject({ original_width: 37, original_height: 23 });
    expect(tasks[0].predictions[0].model_version).toBe('voc');
  });

  test('exit 2 with the file and line for a broken object; without --images', () => {
    write('voc/a.xml', '<annotation>\n<filename>a.JPG</filename>\n<size><width>37</width><height>23</height></size>\n<object>\n<name>car</name>\n</object>\n</annotation>');
    const r = run('voc', '--images', p('run/images'), p('voc/a.xml'), '--config', p('config.xml'), '--out', p('t.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${p('voc/a.xml')}:4: object 1 ("car") has no <bndbox>.`);
    expect(run('voc', p('voc/a.xml'), '--out', p('t.json')).err).toContain('import voc needs --images DIR');
  });
});
