// Pascal VOC import: pixel boxes to percent, boxes at the image edge, <size> vs the image file, messages with lines.

import { describe, expect, test } from 'vitest';
import { importedToTasks } from './index';
import { importVoc, importVocFile } from './voc';
import { errorOf, validationErrors } from './testkit';

const voc = (objects: string, size = '<size><width>640</width><height>480</height><depth>3</depth></size>', filename = '<filename>dog.jpg</filename>') =>
  `<annotation>\n  <folder>VOC2012</folder>\n  ${filename}\n  ${size}\n${objects}</annotation>\n`;
const obj = (name: string, xmin: number | string, ymin: number | string, xmax: number | string, ymax: number | string, extra = '') =>
  `  <object>\n    <name>${name}</name>\n    <pose>Unspecified</pose>\n    <truncated>0</truncated>\n    <difficult>0</difficult>${extra}\n    <bndbox>\n      <xmin>${xmin}</xmin>\n      <ymin>${ymin}</ymin>\n      <xmax>${xmax}</xmax>\n      <ymax>${ymax}</ymax>\n    </bndbox>\n  </object>\n`;
const CONFIG = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Dog"/><Label value="Cat"/></RectangleLabels></View>';
const rect = (r: ReturnType<typeof importVocFile>, k = 0) => r.image.objects[k].shapes[0] as { x: number; y: number; width: number; height: number };

describe('Pascal VOC', () => {
  test('bndbox in pixels -> percent: (64, 48)-(320, 240) on 640 x 480 is x 10, y 10, width 40, height 40', () => {
    const r = importVocFile({ file: 'dog.xml', text: voc(obj('dog', 64, 48, 320, 240)) });
    expect(r.image).toMatchObject({ file: 'dog.jpg', width: 640, height: 480 });
    expect(rect(r)).toEqual({ kind: 'rectangle', x: 10, y: 10, width: 40, height: 40, rotation: 0 });
  });

  test('a box at the image edge ends inside 0..100: xmax = width is 100; a 1-based devkit xmax = width + 1 and a negative xmin are cut', () => {
    const r = importVocFile({ file: 'dog.xml', text: voc(obj('dog', 320, 0, 640, 480) + obj('dog', 320, 1, 641, 481) + obj('dog', -5, -2, 64, 48)) });
    expect(rect(r, 0)).toMatchObject({ x: 50, y: 0, width: 50, height: 100 });
    const b = rect(r, 1);
    expect(b.x + b.width).toBe(100);
    expect(b.y + b.height).toBe(100);
    expect(rect(r, 2)).toMatchObject({ x: 0, y: 0, width: 10, height: 10 });
    const { tasks } = importedToTasks(importVoc([{ file: 'dog.xml', text: voc(obj('dog', 320, 0, 640, 480) + obj('dog', 320, 1, 641, 481)) }]), { configText: CONFIG, modelVersion: 'm' });
    expect(validationErrors(CONFIG, tasks)).toEqual([]);
  });

  test('tasks: names matched case-insensitively to the config, score kept, original size, the file name from <filename>', () => {
    const r = importVoc([{ file: 'a.xml', text: voc(obj('dog', 64, 48, 320, 240, '\n    <score>0.7</score>')) }, { file: 'b.xml', text: voc(obj('cat', 0, 0, 10, 10), undefined, '<filename>cat.png</filename>') }]);
    const { tasks } = importedToTasks(r, { configText: CONFIG, modelVersion: 'voc' });
    expect(tasks.map((t) => (t as { data: { image: string } }).data.image)).toEqual(['/data/local-files/?d=dog.jpg', '/data/local-files/?d=cat.png']);
    const res = (tasks[0] as { predictions: { result: Record<string, unknown>[] }[] }).predictions[0].result[0];
    expect(res).toMatchObject({ type: 'rectanglelabels', original_width: 640, original_height: 480, score: 0.7, value: { rectanglelabels: ['Dog'] } });
  });

  test('no <size> (or 0 x 0): the size comes from the image file; no image either: an error on the <size> line', () => {
    const text = voc(obj('dog', 64, 48, 320, 240), '<size><width>0</width><height>0</height></size>');
    const r = importVocFile({ file: 'dog.xml', text }, (n) => (n === 'dog.jpg' ? { file: 'photos/dog.jpg', width: 640, height: 480 } : null));
    expect(r.image).toMatchObject({ file: 'photos/dog.jpg', width: 640, height: 480 });
    expect(errorOf(() => importVocFile({ file: 'dog.xml', text }))).toMatch(/^dog\.xml:4: no usable <size>/);
  });

  test('<size> that disagrees with the image file stops (the boxes would land elsewhere)', () => {
    expect(errorOf(() => importVocFile({ file: 'dog.xml', text: voc(obj('dog', 1, 1, 2, 2)) }, () => ({ file: 'dog.jpg', width: 480, height: 640 })))).toMatch(/<size> says 640 x 480, but the image dog\.jpg is 480 x 640/);
  });

  test('bad objects name their line: no bndbox, reversed corners, not numbers; broken XML', () => {
    const two = voc(obj('dog', 1, 1, 2, 2) + obj('cat', 50, 1, 10, 2));
    expect(errorOf(() => importVocFile({ file: 'x.xml', text: two }))).toBe('x.xml:17: object 2 ("cat"): xmax/ymax (10, 2) are before xmin/ymin (50, 1).');
    expect(errorOf(() => importVocFile({ file: 'x.xml', text: voc(obj('dog', 'a', 1, 2, 2)) }))).toMatch(/^x\.xml:5: object 1 \("dog"\): <bndbox> needs numeric/);
    expect(errorOf(() => importVocFile({ file: 'x.xml', text: '<annotation>\n<object>\n</annotation>' }))).toMatch(/^x\.xml:\d+: not well-formed XML/);
    expect(errorOf(() => importVocFile({ file: 'x.xml', text: '<coco/>' }))).toMatch(/no <annotation> root/);
  });

  test('unknown names stop with the list and the --map hint', () => {
    const r = importVoc([{ file: 'a.xml', text: voc(obj('bird', 1, 1, 2, 2)) }]);
    expect(errorOf(() => importedToTasks(r, { configText: CONFIG, modelVersion: 'm' }))).toContain('1 class has no label in RectangleLabels "label": bird. Its labels: Dog, Cat.');
  });
});
