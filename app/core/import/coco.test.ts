// COCO import: boxes, polygons, RLE masks (pixel by pixel through the repo's brush decoder), keypoints, results lists.

import { describe, expect, test } from 'vitest';
import { decodeRle } from '../brush/rle';
import { readShared } from '../../testing/shared';
import { importCoco } from './coco';
import { cocoCountsToMask, decodeCocoCounts, encodeCocoCounts } from './cocoRle';
import { importedToTasks } from './index';
import { errorOf, validationErrors } from './testkit';

type Res = { id: string; type: string; from_name: string; score?: number; original_width: number; original_height: number; value: Record<string, unknown>; parentID?: string };
type Task = { data: Record<string, string>; predictions: { score?: number; result: Res[] }[] };

const dataset = (anns: unknown[], extra: Record<string, unknown> = {}) => ({
  file: 'instances.json',
  text: JSON.stringify(
    { images: [{ id: 7, file_name: 'street/0001.jpg', width: 200, height: 100 }, { id: 9, file_name: 'empty.png', width: 50, height: 40 }], categories: [{ id: 1, name: 'person' }, { id: 3, name: 'car' }, { id: 90, name: 'toothbrush' }], annotations: anns, ...extra },
    null,
    2,
  ),
});
const CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="box" toName="image"><Label value="Person"/><Label value="Car"/><Label value="Toothbrush"/></RectangleLabels>
  <PolygonLabels name="poly" toName="image"><Label value="Person"/><Label value="Car"/></PolygonLabels>
  <BrushLabels name="mask" toName="image"><Label value="Person"/><Label value="Car"/></BrushLabels>
</View>`;
const BOXES_ONLY = '<View><Image name="image" value="$image"/><RectangleLabels name="box" toName="image"><Label value="person"/><Label value="car"/></RectangleLabels></View>';
const tasksOf = (r: ReturnType<typeof importCoco>, configText = CONFIG) => importedToTasks(r, { configText, modelVersion: 'm' }).tasks as Task[];

/** COCO counts of a row-major mask, as pycocotools writes them: column-major runs starting with 0s. */
function cocoCounts(mask: Uint8Array, w: number, h: number): number[] {
  const counts: number[] = [];
  let run = 0;
  let cur = 0;
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      const v = mask[y * w + x] ? 1 : 0;
      if (v !== cur) {
        counts.push(run);
        run = 0;
        cur = v;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

describe('COCO boxes and categories', () => {
  test('bbox [x, y, w, h] in pixels from the top-left -> percent; category ids with gaps map by id; every image is a task', () => {
    const r = importCoco(dataset([{ id: 1, image_id: 7, category_id: 90, bbox: [20, 10, 50, 30] }, { id: 2, image_id: 7, category_id: 3, bbox: [0, 0, 200, 100], score: 0 }]));
    const tasks = tasksOf(r);
    expect(tasks.map((t) => t.data.image)).toEqual(['/data/local-files/?d=street/0001.jpg', '/data/local-files/?d=empty.png']);
    const [a, b] = tasks[0].predictions[0].result;
    expect(a.value).toEqual({ x: 10, y: 10, width: 25, height: 30, rotation: 0, rectanglelabels: ['Toothbrush'] });
    expect([a.original_width, a.original_height]).toEqual([200, 100]);
    expect(b.value.rectanglelabels).toEqual(['Car']);
    // pitfall: scores are kept, and 0 is a score.
    expect(b.score).toBe(0);
    expect(tasks[1].predictions[0].result).toEqual([]);
    expect(validationErrors(CONFIG, tasks)).toEqual([]);
  });

  test('a detector results list needs the dataset for names and sizes; scores kept', () => {
    const results = { file: 'results.json', text: JSON.stringify([{ image_id: 7, category_id: 1, bbox: [10, 10, 20, 20], score: 0.93 }]) };
    expect(errorOf(() => importCoco(results))).toMatch(/results list .*--dataset DATASET\.json/);
    const r = importCoco(results, dataset([{ id: 1, image_id: 7, category_id: 3, bbox: [0, 0, 1, 1] }]));
    const t = tasksOf(r);
    // Only the results are imported, not the dataset's ground truth.
    expect(t[0].predictions[0].result).toHaveLength(1);
    expect(t[0].predictions[0].result[0]).toMatchObject({ score: 0.93, value: { rectanglelabels: ['Person'] } });
    expect(t[0].predictions[0].score).toBe(0.93);
  });

  test('errors name the file and the line of the annotation', () => {
    const d = dataset([{ id: 1, image_id: 7, category_id: 1, bbox: [1, 1, 2, 2] }, { id: 2, image_id: 8, category_id: 1, bbox: [1, 1, 2, 2] }]);
    const line = d.text.split('\n').findIndex((l) => l.includes('"id": 2,')) ; // the annotation's first key is on the line after its "{"
    expect(errorOf(() => importCoco(d))).toBe(`instances.json:${line}: annotations[1]: image_id 8 is not in the "images" of instances.json.`);
    expect(errorOf(() => importCoco({ file: 'x.json', text: '{\n  "images": [\n}' }))).toMatch(/^x\.json:3: not valid JSON/);
  });

  test('a category id not in categories stops the import with the id (mapping message)', () => {
    const r = importCoco(dataset([{ id: 1, image_id: 7, category_id: 44, bbox: [1, 1, 2, 2] }]));
    expect(errorOf(() => tasksOf(r))).toContain('44 (a class id past the class names)');
  });
});

describe('COCO polygons', () => {
  test('pitfall: an annotation with a segmentation is a polygon, not also a box; two rings are two regions with the same label and score', () => {
    const r = importCoco(dataset([{ id: 1, image_id: 7, category_id: 1, bbox: [10, 10, 100, 50], score: 0.6, segmentation: [[10, 10, 60, 10, 60, 50], [100, 20, 110, 20, 110, 60, 100, 60]] }]));
    const res = tasksOf(r)[0].predictions[0].result;
    expect(res.map((x) => [x.id, x.type, x.score, x.value.polygonlabels])).toEqual([
      ['r1', 'polygonlabels', 0.6, ['Person']],
      ['r2', 'polygonlabels', 0.6, ['Person']],
    ]);
    expect(res[0].value.points).toEqual([[5, 10], [30, 10], [30, 50]]);
    expect(res[1].value.points).toEqual([[50, 20], [55, 20], [55, 60], [50, 60]]);
    expect(validationErrors(CONFIG, tasksOf(r))).toEqual([]);
  });

  test('on a config with boxes only, a segmented annotation comes in as its bbox', () => {
    const r = importCoco(dataset([{ id: 1, image_id: 7, category_id: 1, bbox: [10, 10, 100, 50], segmentation: [[10, 10, 60, 10, 60, 50]] }]));
    const res = tasksOf(r, BOXES_ONLY)[0].predictions[0].result;
    expect(res).toHaveLength(1);
    expect(res[0].value).toEqual({ x: 5, y: 10, width: 50, height: 50, rotation: 0, rectanglelabels: ['person'] });
  });

  test('export-coco fixture: its rectangles and polygons written as COCO pixels come back at the same percent values, on its own config', () => {
    const config = readShared('corpus', 'tests', 'sdk', 'converter', 'export-coco', 'config.xml');
    const [task] = JSON.parse(readShared('corpus', 'tests', 'sdk', 'converter', 'export-coco', 'tasks.json')) as { annotations: { result: Res[] }[] }[];
    const rs = task.annotations[0].result;
    const W = rs[0].original_width;
    const H = rs[0].original_height;
    const rect = rs.find((x) => x.type === 'rectanglelabels')!.value as { x: number; y: number; width: number; height: number };
    const poly = rs.find((x) => x.type === 'polygonlabels')!.value.points as number[][];
    const kps = rs.filter((x) => x.type === 'keypointlabels').map((x) => x.value as { x: number; y: number });
    const d = {
      file: 'd.json',
      text: JSON.stringify({
        images: [{ id: 1, file_name: 'test_image1.jpg', width: W, height: H }],
        categories: [{ id: 1, name: 'rectangle_label' }, { id: 2, name: 'polygon_label' }, { id: 3, name: 'keypoint_label', keypoints: ['keypoint_label1', 'keypoint_label2'] }],
        annotations: [
          { id: 1, image_id: 1, category_id: 1, bbox: [(rect.x * W) / 100, (rect.y * H) / 100, (rect.width * W) / 100, (rect.height * H) / 100] },
          { id: 2, image_id: 1, category_id: 2, segmentation: [poly.flatMap(([x, y]) => [(x * W) / 100, (y * H) / 100])] },
          { id: 3, image_id: 1, category_id: 3, keypoints: [...kps.flatMap((k) => [(k.x * W) / 100, (k.y * H) / 100, 2])] },
        ],
      }),
    };
    const tasks = tasksOf(importCoco(d), config);
    const out = tasks[0].predictions[0].result;
    expect(out.map((x) => x.type)).toEqual(['rectanglelabels', 'polygonlabels', 'keypointlabels', 'keypointlabels']);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(out[0].value[k]).toBeCloseTo(rect[k], 9);
    (out[1].value.points as number[][]).forEach((p, i) => expect(p[0]).toBeCloseTo(poly[i][0], 9));
    expect(out[2].value.keypointlabels).toEqual(['keypoint_label1']);
    expect(out[3].value.keypointlabels).toEqual(['keypoint_label2']);
    expect(out[3].value.x).toBeCloseTo(kps[1].x, 9);
    expect(validationErrors(config, tasks)).toEqual([]);
  });
});

describe('COCO RLE masks', () => {
  // A 4 x 3 image (w 4, h 3), pixels set at (x, y) = (1, 0), (1, 1), (2, 2), (3, 0).
  // Column-major indices x*h + y: 3, 4, 8, 9 -> runs 0s 3, 1s 2, 0s 3, 1s 2, 0s 2.
  const W = 4;
  const H = 3;
  const SET = [[1, 0], [1, 1], [2, 2], [3, 0]];
  const maskDataset = (segmentation: unknown, iscrowd = 1) => ({
    file: 'm.json',
    text: JSON.stringify({ images: [{ id: 1, file_name: 'm.png', width: W, height: H }], categories: [{ id: 5, name: 'car' }], annotations: [{ id: 1, image_id: 1, category_id: 5, iscrowd, bbox: [1, 0, 3, 3], segmentation }] }),
  });
  const paintedPixels = (rle: number[], w: number) => {
    const rgba = decodeRle(rle);
    const set: number[][] = [];
    for (let i = 0; i < rgba.length / 4; i++) if (rgba[i * 4 + 3]) set.push([i % w, Math.floor(i / w)]);
    return { set, rgba };
  };

  test('compressed counts: hand-decoded strings (5-bit groups, 0x20 continues, 0x10 negative, deltas from the 4th)', () => {
    expect(decodeCocoCounts('3230O')).toEqual([3, 2, 3, 2, 2]);
    expect(decodeCocoCounts('2d035')).toEqual([2, 20, 3, 25]);
    expect(encodeCocoCounts([3, 2, 3, 2, 2])).toBe('3230O');
  });

  test('uncompressed counts (iscrowd) are column-major: the brush mask paints exactly those pixels, 255 in all four channels, not also a box', () => {
    const tasks = tasksOf(importCoco(maskDataset({ size: [H, W], counts: [3, 2, 3, 2, 2] })));
    const res = tasks[0].predictions[0].result;
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ type: 'brushlabels', from_name: 'mask', original_width: W, original_height: H, value: { format: 'rle', brushlabels: ['Car'] } });
    const { set, rgba } = paintedPixels(res[0].value.rle as number[], W);
    expect(set.sort()).toEqual(SET.sort());
    expect(rgba.length).toBe(W * H * 4);
    for (const [x, y] of SET) expect([...rgba.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)]).toEqual([255, 255, 255, 255]);
    expect(validationErrors(CONFIG, tasks)).toEqual([]);
  });

  test('compressed string counts paint the same pixels', () => {
    const res = tasksOf(importCoco(maskDataset({ size: [H, W], counts: '3230O' }, 0)))[0].predictions[0].result;
    expect(paintedPixels(res[0].value.rle as number[], W).set.sort()).toEqual(SET.sort());
  });

  test('a 37 x 23 random mask through pycocotools-style compressed counts, pixel by pixel', () => {
    const w = 37;
    const h = 23;
    let seed = 12345;
    const mask = new Uint8Array(w * h).map(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) % 3 === 0 ? 1 : 0);
    const counts = cocoCounts(mask, w, h);
    expect(cocoCountsToMask(counts, h, w)).toEqual(mask);
    const d = { file: 'r.json', text: JSON.stringify({ images: [{ id: 1, file_name: 'r.png', width: w, height: h }], categories: [{ id: 1, name: 'car' }], annotations: [{ id: 1, image_id: 1, category_id: 1, segmentation: { size: [h, w], counts: encodeCocoCounts(counts) } }] }) };
    const res = tasksOf(importCoco(d))[0].predictions[0].result;
    const rgba = decodeRle(res[0].value.rle as number[]);
    for (let i = 0; i < w * h; i++) expect(rgba[i * 4 + 3], `pixel ${i % w},${Math.floor(i / w)}`).toBe(mask[i] ? 255 : 0);
  });

  test('pitfall: a mask whose size is the image\'s swapped (numpy H x W vs W x H) stops with that reason; runs that do not cover the image stop too', () => {
    expect(errorOf(() => importCoco(maskDataset({ size: [W, H], counts: [3, 2, 3, 2, 2] })))).toMatch(/^m\.json:1: annotations\[0\]: the mask's size \[4, 3\] is not the image's \[height 3, width 4\] \(swapped/);
    expect(errorOf(() => importCoco(maskDataset({ size: [H, W], counts: [3, 2, 3] })))).toMatch(/runs cover 8 pixels/);
  });
});

describe('COCO keypoints', () => {
  test('v = 0 points are not imported; names from the category; labels by name', () => {
    const config = '<View><Image name="image" value="$image"/><RectangleLabels name="box" toName="image"><Label value="person"/></RectangleLabels><KeyPointLabels name="kp" toName="image"><Label value="nose"/><Label value="left_eye"/><Label value="right_eye"/></KeyPointLabels></View>';
    const d = {
      file: 'k.json',
      text: JSON.stringify({
        images: [{ id: 1, file_name: 'p.jpg', width: 200, height: 100 }],
        categories: [{ id: 1, name: 'person', keypoints: ['nose', 'left_eye', 'right_eye'] }],
        annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [20, 10, 40, 80], keypoints: [30, 20, 2, 0, 0, 0, 50, 30, 1], num_keypoints: 2 }],
      }),
    };
    const tasks = tasksOf(importCoco(d), config);
    const res = tasks[0].predictions[0].result;
    expect(res.map((x) => [x.type, x.value.rectanglelabels ?? x.value.keypointlabels, x.parentID])).toEqual([
      ['rectanglelabels', ['person'], undefined],
      ['keypointlabels', ['nose'], 'r1'],
      ['keypointlabels', ['right_eye'], 'r1'],
    ]);
    expect([res[2].value.x, res[2].value.y]).toEqual([25, 30]);
    expect(validationErrors(config, tasks)).toEqual([]);
  });
});
