// Opening files: recognised by content; their text as the bytes say (a BOM kept, non-UTF-8 reported).

import { expect, test } from 'vitest';
import { sortFiles, takeBytes } from './files';

test('a tasks file starting with a UTF-8 BOM keeps it in its text (export gives it back)', async () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[{"data": {}}]')]);
  const sorted = await sortFiles([new File([bytes], 'tasks.json')]);
  expect(sorted.tasks?.text.charCodeAt(0)).toBe(0xfeff);
  expect(sorted.problems).toEqual([]);
});

test("a tasks file's bytes are kept for the check worker, taken once, and decode to its text", async () => {
  const text = '[{"data": {"t": "caf\u00e9"}}]';
  const sorted = await sortFiles([new File([text], 'tasks.json')]);
  const bytes = takeBytes(sorted.tasks!);
  expect(new TextDecoder().decode(bytes)).toBe(text);
  // Moved to the worker once: a second open of the same files reads the file again.
  expect(takeBytes(sorted.tasks!)).toBeUndefined();
  // Bytes that no longer are the file's (moved away, detached: length 0) are not handed on.
  const again = await sortFiles([new File([text], 'tasks.json')]);
  structuredClone(again.tasks!.bytes!.buffer, { transfer: [again.tasks!.bytes!.buffer] });
  expect(takeBytes(again.tasks!)).toBeUndefined();
});

test('a tasks file that is not valid UTF-8 is opened, with a problem saying so', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('[{"data": {"t": "caf'), 0xe9, ...new TextEncoder().encode('"}}]')]);
  const sorted = await sortFiles([new File([bytes], 'latin1.json')]);
  expect(sorted.tasks?.text).toContain('caf\uFFFD');
  expect(sorted.problems).toEqual([expect.stringMatching(/^latin1\.json is not valid UTF-8/)]);
});

test('an image URL of Label Studio local storage (/data/local-files/?d=...) is matched by the file named in its query', async () => {
  const { imageFileName } = await import('./files');
  expect(imageFileName('/data/local-files/?d=a.png')).toBe('a.png');
  expect(imageFileName('http://localhost:8080/data/local-files/?d=run%2Fimages%2Fb%20c.PNG')).toBe('b c.PNG');
  // As the importer writes a name with '#', '&' and a space: each path part percent-encoded.
  expect(imageFileName('/data/local-files/?d=dir/my%20img%231%26x.png')).toBe('my img#1&x.png');
  expect(imageFileName('/data/local-files?d=dataset/x.jpg&foo=1')).toBe('x.jpg');
  // Other query strings stay out of the name.
  expect(imageFileName('https://cdn.example/img/cat.jpg?d=1&sig=abc')).toBe('cat.jpg');
});

test('model output is recognised by content: YOLO lines, classes, a COCO dataset or results list, VOC XML; a config named .txt is still a config', async () => {
  const { recognizeModelOutput } = await import('./modelFiles');
  expect(recognizeModelOutput('0 0.5 0.5 0.2 0.2\n1 0.1 0.1 0.05 0.05 0.93\n', 'a.txt')).toBe('yolo');
  expect(recognizeModelOutput('', 'empty.txt')).toBe('yolo');
  expect(recognizeModelOutput('car\nperson\n', 'classes.txt')).toBe('classes');
  expect(recognizeModelOutput('names: [a]\n', 'data.yaml')).toBe('classes');
  expect(recognizeModelOutput('<View><Image name="i" value="$i"/></View>', 'labeling-config.txt')).toBeNull();
  expect(recognizeModelOutput('{"images": [], "annotations": [], "categories": []}', 'instances.json')).toBe('coco');
  expect(recognizeModelOutput('[{"image_id": 1, "category_id": 3, "bbox": [1, 2, 3, 4], "score": 0.5}]', 'r.json')).toBe('coco');
  expect(recognizeModelOutput('[{"data": {"image": "x"}, "predictions": []}]', 'tasks.json')).toBeNull();
  expect(recognizeModelOutput('<?xml version="1.0"?>\n<annotation><filename>a.jpg</filename></annotation>', 'a.xml')).toBe('voc');
  expect(recognizeModelOutput('<View></View>', 'config.xml')).toBeNull();
});

test('a drop of YOLO labels with classes and a config: the model output is set apart, the config kept, images listed', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const sorted = await sortFiles([new File(['0 0.5 0.5 0.2 0.2\n'], 'a.txt'), new File(['car\n'], 'classes.txt'), new File(['<View/>'], 'c.xml'), new File([png], 'a.png', { type: 'image/png' })]);
  expect(sorted.model?.format).toBe('yolo');
  expect(sorted.model?.files.map((f) => f.name)).toEqual(['a.txt']);
  expect(sorted.model?.classes?.name).toBe('classes.txt');
  expect(sorted.config?.name).toBe('c.xml');
  expect([...sorted.imageFiles.keys()]).toEqual(['a.png']);
});

const TEMPLATE = 'title: Object Detection with Bounding Boxes\ntype: community\ngroup: Computer Vision\nimage: /static/templates/image-bbox.png\ndetails: <h1>Draw boxes</h1>\nconfig: |\n  <View>\n    <Image name="image" value="$image"/>\n    <RectangleLabels name="label" toName="image">\n      <Label value="Airplane"/>\n      <Label value="Car"/>\n    </RectangleLabels>\n  </View>\n';

test('a Label Studio template (config.yml) is opened as its labeling config, not read as YOLO class names', async () => {
  const { recognizeModelOutput } = await import('./modelFiles');
  expect(recognizeModelOutput(TEMPLATE, 'config.yml')).toBeNull();
  expect(recognizeModelOutput('names: [a]\nconfig: x\n', 'data.yaml')).toBe('classes');
  const sorted = await sortFiles([new File([TEMPLATE], 'config.yml')]);
  expect(sorted.model).toBeNull();
  expect(sorted.config?.name).toBe('config.xml');
  expect(sorted.config?.text).toMatch(/^<View>\n  <Image name="image" value="\$image"\/>/);
  expect(sorted.notes).toEqual(['config.yml is a Label Studio template ("Object Detection with Bounding Boxes"): its labeling config was opened.']);
});

test("dropped with YOLO labels and classes, the template is the import's config and classes.txt its class names", async () => {
  const sorted = await sortFiles([new File(['0 0.5 0.5 0.2 0.2\n'], 'a.txt'), new File([TEMPLATE], 'config.yml'), new File(['Car\n'], 'classes.txt')]);
  expect(sorted.model?.format).toBe('yolo');
  expect(sorted.model?.classes?.name).toBe('classes.txt');
  expect(sorted.config?.text).toContain('<RectangleLabels name="label" toName="image">');
  expect(sorted.skipped).toEqual([]);
});

test('a template whose sample task is indented with tabs (as some upstream ones are) is still read', async () => {
  const tabbed = TEMPLATE.replace('  </View>\n', '  </View>\n  <!-- {"data": {\n\t\t"image": "x.jpg"\n  }} -->\n');
  const sorted = await sortFiles([new File([tabbed], 'config.yml')]);
  expect(sorted.config?.text).toMatch(/^<View>/);
  expect(sorted.config?.text).toContain('\t\t"image": "x.jpg"');
  expect(sorted.config?.text).toContain('}} -->');
});
