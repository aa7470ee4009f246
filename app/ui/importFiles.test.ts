// The browser side of an import: sizes from dropped images' headers, files matched by name, one format per drop.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ImportError } from '../core/import';
import { readImageSizes, recognise } from './importFiles';
import { groupModelOutput, missingPart } from './modelFiles';

const fixture = (name: string) => readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../core/import/fixtures', name));
const text = (name: string, t: string) => ({ name, text: t });

describe('import in the browser', () => {
  test('image sizes from the dropped files\' headers (PNG, JPEG, WebP); a file that is no image has none', async () => {
    const sizes = await readImageSizes(new Map([
      ['a.PNG', new File([fixture('37x23.png')], 'a.PNG')],
      ['b.jpg', new File([fixture('37x23.jpg')], 'b.jpg')],
      ['c.webp', new File([fixture('37x23.webp')], 'c.webp')],
      ['d.gif', new File(['GIF89a'], 'd.gif')],
    ]));
    expect(Object.fromEntries(sizes)).toEqual({ 'a.PNG': { width: 37, height: 23 }, 'b.jpg': { width: 37, height: 23 }, 'c.webp': { width: 37, height: 23 }, 'd.gif': null });
  });

  test('YOLO: labels matched to images by stem in any case; a label without its image is named by the labels file with the dropped images\' extension, listed, with no size', () => {
    const skipped: string[] = [];
    const model = groupModelOutput([text('b.txt', '0 0.5 0.5 0.2 0.2\n'), text('a.txt', '0 0.5 0.5 0.2 0.2\n'), text('classes.txt', 'car\n')], skipped)!;
    const r = recognise(model, new Map([['A.PNG', { width: 37, height: 23 }]]), null);
    expect(r.result.images.map((im) => [im.file, im.width, im.height])).toEqual([['A.PNG', 37, 23], ['b.PNG', null, null]]);
    expect([r.matched, r.total, r.unmatched, r.task, r.assumedExtension]).toEqual([1, 2, ['b.txt'], 'detect', '.PNG']);
    expect(r.result.notes).toEqual(['1 labels file has no dropped image, so its task names the image by the labels file with .PNG (the extension of the dropped images, assumed): b.PNG; its results have no original_width/original_height. Drop the images with the labels to use their real names and sizes, or choose the extension.']);
  });

  test('YOLO without any image: .jpg is a guess, and the note says so; the extension chosen replaces it', () => {
    const model = groupModelOutput([text('a.txt', '0 0.5 0.5 0.2 0.2\n'), text('b.txt', ''), text('c.txt', ''), text('d.txt', ''), text('classes.txt', 'car\n')], [])!;
    const r = recognise(model, new Map(), null);
    expect(r.result.images.map((im) => im.file)).toEqual(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg']);
    expect(r.assumedExtension).toBe('.jpg');
    expect(r.result.notes).toHaveLength(1);
    expect(r.result.notes[0]).toMatch(/^4 labels files have no dropped image, so their tasks name the image by the labels file with \.jpg \(a guess: YOLO labels do not say it\): a\.jpg, b\.jpg, c\.jpg, …; their results have no original_width/);
    const chosen = recognise(model, new Map(), null, '.png');
    expect(chosen.result.images.map((im) => im.file)).toEqual(['a.png', 'b.png', 'c.png', 'd.png']);
    expect(chosen.result.notes[0]).toMatch(/with \.png \(the extension chosen\)/);
  });

  test('YOLO: dropped images of different extensions do not decide it (.jpg); every image dropped: no note', () => {
    const model = groupModelOutput([text('a.txt', ''), text('b.txt', ''), text('c.txt', ''), text('classes.txt', 'car\n')], [])!;
    const mixed = recognise(model, new Map([['a.png', { width: 1, height: 1 }], ['b.webp', { width: 1, height: 1 }]]), null);
    expect(mixed.result.images.map((im) => im.file)).toEqual(['a.png', 'b.webp', 'c.jpg']);
    const all = recognise(model, new Map([['a.png', { width: 1, height: 1 }], ['b.png', { width: 1, height: 1 }], ['c.png', { width: 1, height: 1 }]]), null);
    expect([all.assumedExtension, all.result.notes]).toEqual([null, []]);
  });

  test('YOLO: a labels file with a value that is not a number is read, and the import stops at its line (it was dropped unseen)', () => {
    const model = groupModelOutput([text('a.txt', '0 0.5 0.5 0.2 0.2\n'), text('b.txt', '0 0.5 0.5 0.2 0.2\n0 0.5 O.5 0.1 0.1\n'), text('classes.txt', 'cat\n')], [])!;
    expect(model.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(() => recognise(model, new Map([['a.png', { width: 37, height: 23 }], ['b.JPG', { width: 37, height: 23 }]]), null)).toThrow(/b\.txt:2/);
    const alone = groupModelOutput([text('c.txt', '0 0.5 abc 0.1 0.1\n'), text('classes.txt', 'cat\n')], [])!;
    expect(missingPart(alone)).toBeNull();
    expect(() => recognise(alone, new Map(), 'detect')).toThrow(/c\.txt:1/);
  });

  test('YOLO: a dropped image without a labels file is a task with no objects (the model found nothing there)', () => {
    const model = groupModelOutput([text('a.txt', '0 0.5 0.5 0.2 0.2\n'), text('classes.txt', 'car\n')], [])!;
    const r = recognise(model, new Map([['a.png', { width: 37, height: 23 }], ['z.png', { width: 10, height: 10 }]]), null);
    expect(r.result.images.map((im) => [im.file, im.objects.length, im.width])).toEqual([['a.png', 1, 37], ['z.png', 0, 10]]);
    expect([r.matched, r.total]).toEqual([1, 1]);
  });

  test('YOLO OBB without the image dropped: the import says it needs the image size', () => {
    const model = groupModelOutput([text('a.txt', '0 0.1 0.1 0.5 0.1 0.5 0.4 0.1 0.4\n'), text('classes.txt', 'car\n')], [])!;
    expect(() => recognise(model, new Map(), 'obb')).toThrow(ImportError);
    expect(() => recognise(model, new Map(), null)).toThrow(/9 columns/);
  });

  test('COCO results list and its dataset in one drop; VOC with its image; one format per drop (others skipped with a reason)', () => {
    const skipped: string[] = [];
    const coco = groupModelOutput([
      text('results.json', JSON.stringify([{ image_id: 1, category_id: 2, bbox: [0, 0, 10, 10], score: 0.3 }])),
      text('instances.json', JSON.stringify({ images: [{ id: 1, file_name: 'x/a.jpg', width: 100, height: 50 }], categories: [{ id: 2, name: 'car' }] })),
      text('a.xml', '<annotation><filename>a.jpg</filename></annotation>'),
    ], skipped)!;
    expect(coco.format).toBe('coco');
    expect(skipped).toEqual(['a.xml: VOC output, but this drop is COCO (import one format at a time)']);
    const r = recognise(coco, new Map([['a.jpg', { width: 100, height: 50 }]]), null);
    expect([r.matched, r.total, r.modelVersion]).toEqual([1, 1, 'results']);
    expect(r.result.images[0].objects[0]).toMatchObject({ className: 'car', score: 0.3 });

    const voc = groupModelOutput([text('a.xml', '<annotation><filename>a.jpg</filename><object><name>car</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>50</xmax><ymax>25</ymax></bndbox></object></annotation>')], [])!;
    const v = recognise(voc, new Map([['A.JPG', { width: 100, height: 50 }]]), null);
    expect(v.result.images[0]).toMatchObject({ file: 'A.JPG', width: 100, height: 50 });
    expect(v.result.images[0].objects[0].shapes[0]).toMatchObject({ x: 0, y: 0, width: 50, height: 50 });
    expect([v.matched, v.unmatched]).toEqual([1, []]);
  });

  test('what is missing is said before reading: YOLO without classes, a COCO results list without its dataset', () => {
    expect(missingPart(groupModelOutput([text('a.txt', '0 0.5 0.5 0.2 0.2\n')], [])!)).toMatch(/classes\.txt or data\.yaml/);
    expect(missingPart(groupModelOutput([text('r.json', '[{"image_id": 1, "category_id": 1}]')], [])!)).toMatch(/drop its dataset file/);
    expect(missingPart(groupModelOutput([text('classes.txt', 'a\n'), text('a.txt', '')], [])!)).toBeNull();
  });
});
