// YOLO txt import: each kind with hand-computed expectations, the converter pitfalls, the SDK export fixtures read back.

import { describe, expect, test } from 'vitest';
import { rectangleCorners } from '../geometry/image';
import { readShared } from '../../testing/shared';
import { importedToTasks, tasksJson } from './index';
import { importYolo, parseClassesTxt, parseDataYaml, yoloTask, type YoloLabelFile, type YoloTask } from './yolo';
import { errorOf, validationErrors } from './testkit';

const RECT_CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Car"/>
    <Label value="Person" alias="human"/>
  </RectangleLabels>
</View>`;
const classes = parseClassesTxt('car\nperson\n');
const file = (text: string, width: number | null = 200, height: number | null = 100, name = 'a.txt'): YoloLabelFile => ({ file: name, text, image: { file: name.replace('.txt', '.jpg'), width, height } });
const run = (text: string, task: YoloTask, cls = classes, size: [number | null, number | null] = [200, 100]) => importYolo([file(text, size[0], size[1])], cls, task);

describe('YOLO detect', () => {
  test('a centre box becomes a top-left box in percent: 0.5 0.4 0.2 0.1 -> x 40, y 35, width 20, height 10', () => {
    const r = run('0 0.5 0.4 0.2 0.1\n', 'detect');
    const s = r.images[0].objects[0].shapes[0];
    expect(s.kind).toBe('rectangle');
    if (s.kind !== 'rectangle') return;
    expect(s.x).toBeCloseTo(40, 10);
    expect(s.y).toBeCloseTo(35, 10);
    expect(s.width).toBeCloseTo(20, 10);
    expect(s.height).toBeCloseTo(10, 10);
    expect(s.rotation).toBe(0);
  });

  test('written tasks: one prediction per image with every box, labels matched case-insensitively and by alias, original size, local-files URL; validates clean', () => {
    const r = importYolo([file('0 0.5 0.4 0.2 0.1 0.75\n1 0.25 0.5 0.1 0.2 0.25\n'), file('', 200, 100, 'empty.txt')], classes, 'detect');
    const { tasks } = importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'yolov8n' });
    expect(tasks).toHaveLength(2);
    const t0 = tasks[0] as { data: Record<string, string>; predictions: { model_version: string; score: number; result: Record<string, unknown>[] }[] };
    expect(t0.data).toEqual({ image: '/data/local-files/?d=a.jpg' });
    expect(t0.predictions).toHaveLength(1);
    expect(t0.predictions[0].model_version).toBe('yolov8n');
    expect(t0.predictions[0].score).toBeCloseTo(0.5, 10);
    const [a, b] = t0.predictions[0].result;
    expect(a).toMatchObject({ id: 'r1', type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 200, original_height: 100, score: 0.75, value: { rectanglelabels: ['Car'] } });
    expect(b).toMatchObject({ id: 'r2', score: 0.25, value: { rectanglelabels: ['Person'] } });
    expect((tasks[1] as { predictions: { result: unknown[] }[] }).predictions[0].result).toEqual([]);
    expect(validationErrors(RECT_CONFIG, tasks)).toEqual([]);
  });

  test('written numbers carry no floating-point noise, and an image name is percent-encoded in its URL', () => {
    // (0.4 - 0.1) * 100 is 30.000000000000004 in floating point.
    const r = importYolo([{ file: 'my img#1&x.txt', text: '0 0.4 0.5 0.2 0.2 0.3\n0 0.6 0.5 0.2 0.2 0.3\n1 0.5 0.5 0.2 0.2 0.4\n', image: { file: 'dir/my img#1&x.png', width: 200, height: 100 } }], classes, 'detect');
    const { tasks } = importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'm' });
    const t0 = tasks[0] as { data: Record<string, string>; predictions: { score: number; result: { value: Record<string, number> }[] }[] };
    expect(t0.predictions[0].result[0].value).toMatchObject({ x: 30, y: 40, width: 20, height: 20 });
    expect(t0.predictions[0].score).toBe(0.333333333);
    expect(t0.data.image).toBe('/data/local-files/?d=dir/my%20img%231%26x.png');
  });

  test('pitfall: a confidence of 0 is a score of 0, not "no score"', () => {
    const r = run('0 0.5 0.5 0.2 0.2 0\n', 'detect');
    expect(r.images[0].objects[0].score).toBe(0);
    const { tasks } = importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'm' });
    const pred = (tasks[0] as { predictions: { score: number; result: { score: number }[] }[] }).predictions[0];
    expect(pred.result[0].score).toBe(0);
    expect(pred.score).toBe(0);
  });

  test('a box poking past the edge by rounding ends on it (Label Studio flags boxes past 100%)', () => {
    const s = run('0 0.95 0.5 0.1000001 0.2\n', 'detect').images[0].objects[0].shapes[0];
    if (s.kind !== 'rectangle') throw new Error();
    expect(s.x + s.width).toBeLessThanOrEqual(100);
    expect(s.x).toBeCloseTo(89.999995, 5);
  });

  test('7 columns: confidence then a whole-number track id; a fractional 7th column is not a track id', () => {
    expect(run('1 0.5 0.5 0.2 0.2 0.9 12\n', 'detect').images[0].objects[0].score).toBe(0.9);
    expect(errorOf(() => run('1 0.5 0.5 0.2 0.2 0.9 0.3\n', 'detect'))).toMatch(/^a\.txt:1: .*track id.*--task segment/);
  });
});

describe('YOLO kinds are never guessed from column counts', () => {
  test('pitfall: a segmentation line with no --task is not read as a box with a coordinate as its score', () => {
    const seg = file('0 0.1 0.1 0.5 0.1 0.3 0.4\n');
    expect(errorOf(() => yoloTask([seg], classes, null))).toMatch(/^a\.txt:1: this line has 7 columns.*--task detect\|segment\|obb\|pose/);
  });

  test('9 columns (OBB or a 4-point polygon) need --task; 5 and 6 columns alone are boxes', () => {
    expect(errorOf(() => yoloTask([file('0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n')], classes, null))).toMatch(/9 columns/);
    expect(yoloTask([file('0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2 0.3\n')], classes, null)).toBe('detect');
    expect(errorOf(() => yoloTask([file('0 0.5 0.5 0.2 0.2\n\n0 0.5 0.5\n')], classes, null))).toBe('a.txt:3: this line has 3 columns: too few for any YOLO line (a box is c xc yc w h).');
    expect(yoloTask([file('0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n')], classes, 'obb')).toBe('obb');
    expect(yoloTask([file('0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n')], parseDataYaml('names: [a]\ntask: segment\n'), null)).toBe('segment');
  });

  test('a line that does not fit the kind is an error with its file and line', () => {
    expect(errorOf(() => run('0 0.5 0.5 0.2 0.2\n0 0.1 0.1 0.5 0.1 0.3 0.4 0.2 0.2\n', 'detect'))).toMatch(/^a\.txt:2: 9 columns do not fit a YOLO detect line/);
    expect(errorOf(() => run('0 0.1 0.1 0.5 0.1 0.3 0.4\n', 'obb'))).toMatch(/^a\.txt:1: 7 columns do not fit a YOLO obb line/);
    expect(errorOf(() => run('0 0.1 0.1 0.5 0.1\n', 'segment'))).toMatch(/^a\.txt:1: 5 columns do not fit a YOLO segment line/);
  });

  test('pitfall: pixels instead of 0..1 fractions stop with the line', () => {
    expect(errorOf(() => run('0 320 240 50 40\n', 'detect'))).toMatch(/^a\.txt:1: value 320 .*not pixels/);
  });

  test('not numbers, bad class ids, a confidence outside 0..1', () => {
    expect(errorOf(() => run('car 0.5 0.5 0.2 0.2\n', 'detect'))).toMatch(/^a\.txt:1: column 1 \("car"\) is not a number/);
    expect(errorOf(() => run('1.5 0.5 0.5 0.2 0.2\n', 'detect'))).toMatch(/class id/);
    expect(errorOf(() => run('0 0.5 0.5 0.2 0.2 1.7\n', 'detect'))).toMatch(/confidence/);
  });
});

describe('YOLO segment, OBB, pose', () => {
  test('segment: points in percent, confidence when the count is even', () => {
    const o = run('1 0.1 0.2 0.5 0.2 0.3 0.6 0.8\n', 'segment').images[0].objects[0];
    expect(o.score).toBe(0.8);
    const s = o.shapes[0];
    if (s.kind !== 'polygon') throw new Error();
    expect(s.points.map((p) => p.map((v) => Math.round(v * 1e9) / 1e9))).toEqual([[10, 20], [50, 20], [30, 60]]);
  });

  test('OBB rotated 30 degrees: x, y = first corner, sides, rotation; Label Studio draws the same four corners (about the top-left, clockwise, in pixels)', () => {
    // 200 x 100 image; in pixels P1 = (50, 20), sides 60 and 30, turned 30 degrees clockwise.
    const W = 200;
    const H = 100;
    const c = Math.cos(Math.PI / 6);
    const s = 0.5;
    const P: [number, number][] = [[50, 20], [50 + 60 * c, 20 + 60 * s], [50 + 60 * c - 30 * s, 20 + 60 * s + 30 * c], [50 - 30 * s, 20 + 30 * c]];
    const line = (pts: [number, number][]) => `0 ${pts.map(([x, y]) => `${x / W} ${y / H}`).join(' ')}\n`;
    for (const order of [P, [P[0], P[3], P[2], P[1]]]) {
      const sh = run(line(order as [number, number][]), 'obb').images[0].objects[0].shapes[0];
      if (sh.kind !== 'rectangle') throw new Error();
      expect(sh.x).toBeCloseTo(25, 9);
      expect(sh.y).toBeCloseTo(20, 9);
      expect(sh.width).toBeCloseTo(30, 9);
      expect(sh.height).toBeCloseTo(30, 9);
      expect(sh.rotation).toBeCloseTo(30, 9);
      const drawn = rectangleCorners(sh, W, H);
      drawn.forEach((d, k) => {
        expect(d.x).toBeCloseTo(P[k][0], 9);
        expect(d.y).toBeCloseTo(P[k][1], 9);
      });
    }
  });

  test('OBB rotation is normalised to 0..360 (a box tilted up is 330, not -30)', () => {
    const P: [number, number][] = [[50, 50], [50 + 40 * Math.cos(-Math.PI / 6), 50 + 40 * Math.sin(-Math.PI / 6)]];
    P.push([P[1][0] + 10 * Math.sin(Math.PI / 6), P[1][1] + 10 * Math.cos(Math.PI / 6)], [50 + 10 * Math.sin(Math.PI / 6), 50 + 10 * Math.cos(Math.PI / 6)]);
    const sh = run(`0 ${P.map(([x, y]) => `${x / 100} ${y / 100}`).join(' ')}\n`, 'obb', classes, [100, 100]).images[0].objects[0].shapes[0];
    if (sh.kind !== 'rectangle') throw new Error();
    expect(sh.rotation).toBeCloseTo(330, 9);
  });

  test('OBB without the image size stops: the rotation is in pixels', () => {
    expect(errorOf(() => run('0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n', 'obb', classes, [null, null]))).toMatch(/^a\.txt:1: a rotated box needs the image's pixel size/);
  });

  test('pose: a box plus its labelled points (v = 0 left out), kpt_shape from data.yaml; keypoints tied to the box by parentID', () => {
    const cls = parseDataYaml('names:\n  0: person\nkpt_shape: [3, 3]\nkpt_names:\n  0: [nose, left_eye, right_eye]\n');
    expect(cls.task).toBe('pose');
    const r = importYolo([file('0 0.5 0.5 0.4 0.6 0.45 0.3 2 0 0 0 0.55 0.3 1 0.9\n')], cls, 'pose');
    const shapes = r.images[0].objects[0].shapes;
    expect(shapes.map((s) => s.kind)).toEqual(['rectangle', 'keypoint', 'keypoint']);
    expect(shapes[1]).toMatchObject({ index: 0, name: 'nose' });
    expect(shapes[2]).toMatchObject({ index: 2, name: 'right_eye' });
    const config = readShared('corpus', 'tests', 'sdk', 'converter', 'export-yolo-keypoints', 'config.xml');
    const { tasks } = importedToTasks(r, { configText: config, modelVersion: 'pose' });
    const res = (tasks[0] as { predictions: { result: Record<string, unknown>[] }[] }).predictions[0].result;
    expect(res.map((x) => [x.type, x.from_name, (x.value as Record<string, string[]>).keypointlabels ?? (x.value as Record<string, string[]>).rectanglelabels, x.parentID])).toEqual([
      ['rectanglelabels', 'bbox', ['person'], undefined],
      ['keypointlabels', 'keypoints', ['nose'], 'r1'],
      ['keypointlabels', 'keypoints', ['right_eye'], 'r1'],
    ]);
    expect((res[1].value as { x: number }).x).toBeCloseTo(45, 9);
    expect(validationErrors(config, tasks)).toEqual([]);
  });

  test('pose points without names map by the labels\' model_index', () => {
    const cls = parseDataYaml('names: [person]\nkpt_shape: [2, 2]\n');
    const r = importYolo([file('0 0.5 0.5 0.4 0.6 0.45 0.3 0.55 0.3\n')], cls, 'pose');
    const config = readShared('corpus', 'tests', 'sdk', 'converter', 'export-yolo-keypoints', 'config.xml');
    const { tasks } = importedToTasks(r, { configText: config, modelVersion: 'pose' });
    const res = (tasks[0] as { predictions: { result: { value: Record<string, unknown> }[] }[] }).predictions[0].result;
    expect(res.slice(1).map((x) => x.value.keypointlabels)).toEqual([['nose'], ['left_eye']]);
  });

  test('pose without kpt_shape stops before reading lines', () => {
    expect(errorOf(() => run('0 0.5 0.5 0.4 0.6 0.45 0.3\n', 'pose'))).toMatch(/kpt_shape/);
  });
});

describe('class names', () => {
  test('data.yaml names as a list or as a map with gaps; classes.txt line numbers', () => {
    expect(parseDataYaml('names: [a, b]\n').names).toEqual(['a', 'b']);
    const m = parseDataYaml('names:\n  0: cat\n  5: dog\n');
    expect(m.names[0]).toBe('cat');
    expect(m.names[5]).toBe('dog');
    expect(m.names[1]).toBeUndefined();
    expect(errorOf(() => parseClassesTxt('a\n\nb\n'))).toMatch(/^classes\.txt:2: an empty line/);
    expect(errorOf(() => parseDataYaml('nc: 2\n'))).toMatch(/^data\.yaml:1: no "names:"/);
    expect(errorOf(() => parseDataYaml('names: [a\n'))).toMatch(/^data\.yaml:\d+: not valid YAML/);
  });

  test('a Label Studio template (config.yml) given as data.yaml is named as such, not read as class names', () => {
    const template = 'title: Object Detection with Bounding Boxes\ntype: community\ngroup: Computer Vision\nconfig: |\n  <View>\n    <Image name="image" value="$image"/>\n  </View>\n';
    const msg = errorOf(() => parseDataYaml(template, 'config.yml'));
    expect(msg).toMatch(/^config\.yml:1: this is a Label Studio template \("Object Detection with Bounding Boxes"\), not a YOLO dataset yaml/);
    expect(msg).toContain('data.yaml ("names:") or classes.txt');
    // A data.yaml with names is still read, whatever else it holds.
    expect(parseDataYaml('path: ../coco8\ntrain: images/train\nval: images/val\nnames:\n  0: person\n').names).toEqual(['person']);
  });

  test('pitfall: unknown class names and a class id past the names stop the import, list them and say how to map; --map fixes it', () => {
    const cls = parseClassesTxt('car\nbird\n');
    const r = importYolo([file('0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n7 0.5 0.5 0.2 0.2\n')], cls, 'detect');
    const msg = errorOf(() => importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'm' }));
    expect(msg).toContain('2 classes have no label in RectangleLabels "label": bird, 7 (a class id past the class names). Its labels: Car, Person.');
    expect(msg).toContain('--map bird=Car (repeatable)');
    const ok = importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'm', map: { bird: 'Person', '7': 'human' } });
    const labels = (ok.tasks[0] as { predictions: { result: { value: { rectanglelabels: string[] } }[] }[] }).predictions[0].result.map((x) => x.value.rectanglelabels[0]);
    expect(labels).toEqual(['Car', 'Person', 'Person']);
    expect(errorOf(() => importedToTasks(r, { configText: RECT_CONFIG, modelVersion: 'm', map: { bird: 'Plane', '7': 'Car' } }))).toContain('--map bird=Plane: "Plane" is not a label of RectangleLabels "label".');
  });

  test('pitfall: from_name and to_name are the config\'s own names (a Rectangle + Labels config gets both results under one id)', () => {
    const config = '<View><Image name="img" value="$photo"/><Rectangle name="box" toName="img"/><Labels name="cls" toName="img"><Label value="car"/><Label value="person"/></Labels></View>';
    const { tasks } = importedToTasks(run('1 0.5 0.5 0.2 0.2\n', 'detect'), { configText: config, modelVersion: 'm', imageRootUrl: 'https://cdn.example/x/' });
    const t = tasks[0] as { data: unknown; predictions: { result: Record<string, unknown>[] }[] };
    expect(t.data).toEqual({ photo: 'https://cdn.example/x/a.jpg' });
    expect(t.predictions[0].result.map((x) => [x.id, x.type, x.from_name, x.to_name])).toEqual([['r1', 'rectangle', 'box', 'img'], ['r1', 'labels', 'cls', 'img']]);
    expect(validationErrors(config, tasks)).toEqual([]);
  });
});

describe('no config: one is generated', () => {
  test('pitfall: the generated config\'s toName points at its Image, and the tasks validate against it', () => {
    const cls = parseDataYaml('names: [car, "a & b"]\n');
    const r = importYolo([file('0 0.2 0.2 0.6 0.2 0.4 0.5\n1 0.1 0.1 0.5 0.1 0.3 0.4\n')], cls, 'segment');
    const { tasks, generatedConfig } = importedToTasks(r, { modelVersion: 'm' });
    expect(generatedConfig).toBe('<View>\n  <Image name="image" value="$image"/>\n  <PolygonLabels name="polygon" toName="image">\n    <Label value="car"/>\n    <Label value="a &amp; b"/>\n  </PolygonLabels>\n</View>\n');
    expect(validationErrors(generatedConfig!, tasks)).toEqual([]);
  });

  test('a class id past the names stops even without a config (it would become a label named "7")', () => {
    const r = importYolo([file('7 0.5 0.5 0.2 0.2\n')], classes, 'detect');
    expect(errorOf(() => importedToTasks(r, { modelVersion: 'm' }))).toMatch(/class id 7 has no name in the class list \(2 names: ids 0\.\.1\).*--map 7=NAME/);
  });
});

describe('Label Studio SDK export fixtures, read back', () => {
  type LsResult = { type: string; original_width: number; original_height: number; value: Record<string, unknown> };
  const fixtureResults = (dir: string) => {
    const tasks = JSON.parse(readShared('corpus', 'tests', 'sdk', 'converter', dir, 'tasks.json')) as { annotations: { result: LsResult[] }[] }[];
    return { config: readShared('corpus', 'tests', 'sdk', 'converter', dir, 'config.xml'), results: tasks.flatMap((t) => t.annotations.flatMap((a) => a.result)) };
  };

  test('export-yolo-obb: every rotated rectangle, written as YOLO OBB corners and imported, is the same rectangle (labels "Butterfly" map to "butterfly")', () => {
    const { config, results } = fixtureResults('export-yolo-obb');
    const rects = results.filter((r) => r.type === 'rectanglelabels');
    expect(rects.length).toBeGreaterThan(2);
    const W = rects[0].original_width;
    const H = rects[0].original_height;
    const names = parseClassesTxt('Butterfly\n');
    const text = rects.map((r) => `0 ${rectangleCorners(r.value as never, W, H).map((p) => `${p.x / W} ${p.y / H}`).join(' ')}`).join('\n');
    const imported = importYolo([file(text, W, H)], names, 'obb');
    imported.images[0].objects.forEach((o, k) => {
      const s = o.shapes[0];
      if (s.kind !== 'rectangle') throw new Error();
      for (const key of ['x', 'y', 'width', 'height', 'rotation'] as const) expect(s[key]).toBeCloseTo(rects[k].value[key] as number, 6);
    });
    const { tasks } = importedToTasks(imported, { configText: config, modelVersion: 'm' });
    expect(validationErrors(config, tasks)).toEqual([]);
    expect(tasksJson(tasks)).toContain('"rectanglelabels":["butterfly"]');
  });

  test('export-yolo-keypoints: the person box and its labelled points, written as a YOLO pose line (kpt_shape [17, 3], unlabelled points v = 0), come back on the fixture\'s config with their labels and parent', () => {
    const { config, results } = fixtureResults('export-yolo-keypoints');
    const box = results.find((r) => r.type === 'rectanglelabels')!.value as { x: number; y: number; width: number; height: number };
    const names = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
    const points = results.filter((r) => r.type === 'keypointlabels').map((r) => r.value as { x: number; y: number; keypointlabels: string[] });
    const cols = names.map((n) => {
      const p = points.find((q) => q.keypointlabels[0] === n);
      return p ? `${p.x / 100} ${p.y / 100} 2` : '0 0 0';
    });
    const line = `0 ${(box.x + box.width / 2) / 100} ${(box.y + box.height / 2) / 100} ${box.width / 100} ${box.height / 100} ${cols.join(' ')}`;
    const cls = parseDataYaml('names: [person]\nkpt_shape: [17, 3]\n');
    const { tasks } = importedToTasks(importYolo([file(line, 216, 174)], cls, 'pose'), { configText: config, modelVersion: 'pose' });
    const res = (tasks[0] as { predictions: { result: { type: string; parentID?: string; value: Record<string, unknown> }[] }[] }).predictions[0].result;
    expect(res.map((r) => [r.type, r.parentID])).toEqual([['rectanglelabels', undefined], ...points.map(() => ['keypointlabels', 'r1'])]);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(res[0].value[key]).toBeCloseTo(box[key], 9);
    res.slice(1).forEach((r, k) => {
      expect(r.value.keypointlabels).toEqual(points[k].keypointlabels);
      expect(r.value.x).toBeCloseTo(points[k].x, 9);
      expect(r.value.y).toBeCloseTo(points[k].y, 9);
    });
    expect(validationErrors(config, tasks)).toEqual([]);
  });

  test('export-yolo and export-yolo-polygons: boxes and polygons come back at the same percent values', () => {
    const boxes = fixtureResults('export-yolo');
    const rects = boxes.results.filter((r) => r.type === 'rectanglelabels');
    const text = rects.map((r) => {
      const v = r.value as { x: number; y: number; width: number; height: number };
      return `0 ${(v.x + v.width / 2) / 100} ${(v.y + v.height / 2) / 100} ${v.width / 100} ${v.height / 100}`;
    }).join('\n');
    const got = importYolo([file(text, rects[0].original_width, rects[0].original_height)], parseClassesTxt('parasites\nwhite\n'), 'detect');
    got.images[0].objects.forEach((o, k) => {
      const s = o.shapes[0] as Extract<typeof o.shapes[0], { kind: 'rectangle' }>;
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(s[key]).toBeCloseTo(rects[k].value[key] as number, 9);
    });
    expect(validationErrors(boxes.config, importedToTasks(got, { configText: boxes.config, modelVersion: 'm' }).tasks)).toEqual([]);

    const polys = fixtureResults('export-yolo-polygons');
    const p = polys.results.filter((r) => r.type === 'polygonlabels');
    const ptext = p.map((r) => `0 ${(r.value.points as number[][]).map(([x, y]) => `${x / 100} ${y / 100}`).join(' ')}`).join('\n');
    const back = importYolo([file(ptext, p[0].original_width ?? 100, p[0].original_height ?? 100)], parseClassesTxt('Airplane\nCar\n'), 'segment');
    back.images[0].objects.forEach((o, k) => {
      const s = o.shapes[0] as Extract<typeof o.shapes[0], { kind: 'polygon' }>;
      (p[k].value.points as number[][]).forEach(([x, y], i) => {
        expect(s.points[i][0]).toBeCloseTo(x, 9);
        expect(s.points[i][1]).toBeCloseTo(y, 9);
      });
    });
    expect(validationErrors(polys.config, importedToTasks(back, { configText: polys.config, modelVersion: 'm' }).tasks)).toEqual([]);
  });
});
