// Importing model output: a YOLO run (labels, classes, images) dropped or opened as a folder becomes the
// Tasks text through the import dialog, drawn on the images, and exported as Label Studio predictions.
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, openFixture, problems, regionAlphaAt, regions } from './helpers';

const SAMPLE = path.join(import.meta.dirname, '../public/samples/sample.png'); // 600 x 403
const CONFIG = '<View>\n  <Image name="image" value="$image"/>\n  <RectangleLabels name="label" toName="image">\n    <Label value="Car"/>\n    <Label value="Person"/>\n  </RectangleLabels>\n</View>\n';
// a: a car box centred at (300, 201.5) px, 120 x 80.6 px; a person box; b: a truck (no such label).
const LABELS = { 'a.txt': '0 0.5 0.5 0.2 0.2 0.91\n1 0.15 0.2 0.1 0.2 0\n', 'b.txt': '2 0.75 0.75 0.2 0.1 0.5\n' };

async function drop(page: Page, files: { name: string; text?: string; base64?: string; type: string }[]) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text!;
      dt.items.add(new File([body], f.name, { type: f.type }));
    }
    const target = document.querySelector('.preview')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function exported(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { data: { image: string }; predictions: { model_version: string; result: { score?: number; value: Record<string, unknown> }[] }[] }[];
}

test('a dropped YOLO run with its images and a config: the dialog shows what it found, the mapping is edited, the boxes are drawn and exported', async ({ page }) => {
  await openApp(page);
  const png = readFileSync(SAMPLE).toString('base64');
  await drop(page, [
    { name: 'a.png', base64: png, type: 'image/png' },
    { name: 'b.PNG', base64: png, type: 'image/png' },
    { name: 'a.txt', text: LABELS['a.txt'], type: 'text/plain' },
    { name: 'b.txt', text: LABELS['b.txt'], type: 'text/plain' },
    { name: 'classes.txt', text: 'car\nperson\ntruck\n', type: 'text/plain' },
    { name: 'config.xml', text: CONFIG, type: 'text/xml' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import model output' });
  await expect(dialog).toContainText('YOLO txt: 2 files, classes from classes.txt');
  await expect(dialog).toContainText('2 of 2 matched to dropped images');
  await expect(dialog.getByLabel('YOLO kind')).toHaveValue('detect');
  await expect(dialog.getByLabel('Config')).toHaveValue('dropped');
  // car and person match the config's labels case-insensitively; truck has none: Import waits for it.
  await expect(dialog.getByLabel('Label for car')).toHaveValue('Car');
  await expect(dialog.getByLabel('Label for person')).toHaveValue('Person');
  await expect(dialog.getByLabel('Label for truck')).toHaveValue('');
  await expect(dialog.getByRole('alert')).toContainText('1 class has no label in RectangleLabels "label": truck.');
  const importButton = dialog.getByRole('button', { name: 'Import 2 tasks' });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel('Label for truck').selectOption('Car');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await importButton.click();
  await expect(dialog).toHaveCount(0);

  // The first task: two boxes on a.png, drawn where YOLO's centre boxes are.
  await expect(page.locator('.panes')).toContainText('yolo.tasks.json');
  await expect(regions(page)).toHaveCount(2);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-width', '600');
  await expect.poll(() => regionAlphaAt(page, 'image', 300, 201)).toBeGreaterThan(0);
  // Inside the car box (x 240..360) but not on its outline, and far from both boxes: nothing painted.
  await expect.poll(() => regionAlphaAt(page, 'image', 500, 350)).toBe(0);
  await expect.poll(() => regionAlphaAt(page, 'image', 241, 201)).toBeGreaterThan(0);

  const tasks = await exported(page);
  expect(tasks.map((t) => t.data.image)).toEqual(['/data/local-files/?d=a.png', '/data/local-files/?d=b.PNG']);
  const [car, person] = tasks[0].predictions[0].result;
  expect(tasks[0].predictions[0].model_version).toBe('yolo');
  expect(car.value).toMatchObject({ x: 40, y: 40, width: 20, height: 20, rectanglelabels: ['Car'] });
  expect(car.score).toBe(0.91);
  expect(person.score).toBe(0);
  expect(person.value.rectanglelabels).toEqual(['Person']);
  expect(tasks[1].predictions[0].result[0].value.rectanglelabels).toEqual(['Car']);
  expect(tasks[1].predictions[0].result[0]).toMatchObject({ original_width: 600, original_height: 403 });
});

test('a YOLO run opened as a folder (labels/, images/, data.yaml), no config: one is generated, and the import is one undo step', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prelabel-e2e-import-'));
  mkdirSync(path.join(dir, 'run/labels'), { recursive: true });
  mkdirSync(path.join(dir, 'run/images'), { recursive: true });
  copyFileSync(SAMPLE, path.join(dir, 'run/images/a.png'));
  copyFileSync(SAMPLE, path.join(dir, 'run/images/b.png'));
  writeFileSync(path.join(dir, 'run/labels/a.txt'), LABELS['a.txt']);
  writeFileSync(path.join(dir, 'run/labels/b.txt'), LABELS['b.txt']);
  writeFileSync(path.join(dir, 'run/data.yaml'), 'names:\n  0: car\n  1: person\n  2: truck\n');
  await openApp(page);
  await page.getByLabel('Open folder').setInputFiles(path.join(dir, 'run'));
  const dialog = page.getByRole('dialog', { name: 'Import model output' });
  await expect(dialog).toContainText('classes from data.yaml');
  // The sample's config has none of these classes: a config is generated from them.
  await expect(dialog.getByLabel('Config')).toHaveValue('generate');
  await expect(dialog.getByLabel('Label for truck')).toHaveValue('truck');
  await dialog.getByLabel('Model version').fill('yolo11n-run3');
  await dialog.getByRole('button', { name: 'Import 2 tasks' }).click();
  await expect(regions(page)).toHaveCount(2);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.locator('.panes')).toContainText('yolo11n-run3.config.xml');
  const tasks = await exported(page);
  expect(tasks[0].predictions[0].model_version).toBe('yolo11n-run3');
  expect(tasks[0].predictions[0].result[0].value).toMatchObject({ x: 40, y: 40, width: 20, height: 20, rectanglelabels: ['car'] });
  await expect(page.getByRole('list', { name: 'Problems' })).not.toContainText('error');
  // Undo brings back the sample (config and tasks) in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(regions(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Undone: Open yolo11n-run3.config.xml and yolo11n-run3.tasks.json.');
  await expect(page.locator('.panes')).toContainText('bbox/tasks.json');
});

test('importing over edits not exported asks first, as opening a file does', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix:/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await drop(page, [
    { name: 'a.txt', text: LABELS['a.txt'], type: 'text/plain' },
    { name: 'classes.txt', text: 'car\nperson\n', type: 'text/plain' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import model output' });
  // No image dropped: the task names it after the labels file; the sample config has no such labels.
  await expect(dialog).toContainText('0 of 1 matched to dropped images');
  await expect(dialog).toContainText('Not dropped (named by the file): a.txt');
  await expect(dialog.getByLabel('Config')).toHaveValue('generate');
  await dialog.getByRole('button', { name: 'Import 1 task' }).click();
  const ask = page.getByRole('dialog', { name: 'Changes not exported' });
  await expect(ask).toContainText('Importing yolo.tasks.json replaces them');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('4 regions')).toBeVisible();
  await expect(page.locator('.panes')).toContainText('flags.json');
});

test('a YOLO run folder dropped from the file manager: its subfolders are walked (images/, labels/, classes.txt)', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prelabel-e2e-drop-'));
  mkdirSync(path.join(dir, 'run/labels/val'), { recursive: true });
  mkdirSync(path.join(dir, 'run/images/val'), { recursive: true });
  copyFileSync(SAMPLE, path.join(dir, 'run/images/val/a.png'));
  writeFileSync(path.join(dir, 'run/labels/val/a.txt'), LABELS['a.txt']);
  writeFileSync(path.join(dir, 'run/classes.txt'), 'car\nperson\n');
  await openApp(page);
  // A real drop of a folder path (DevTools protocol), as from a file manager: the page gets directory entries.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path.join(dir, 'run')], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 600, y: 400, data });
  const dialog = page.getByRole('dialog', { name: 'Import model output' });
  await expect(dialog).toContainText('YOLO txt: 1 file, classes from classes.txt');
  await expect(dialog).toContainText('1 of 1 matched to dropped images');
  await dialog.getByRole('button', { name: 'Import 1 task' }).click();
  await expect(regions(page)).toHaveCount(2);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect.poll(() => regionAlphaAt(page, 'image', 241, 201)).toBeGreaterThan(0);
});

test('YOLO labels without their images and a Label Studio template as the config: the guessed extension is said, and can be chosen', async ({ page }) => {
  await openApp(page);
  const template = `title: Object Detection with Bounding Boxes\ntype: community\ngroup: Computer Vision\nconfig: |\n${CONFIG.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`;
  await drop(page, [
    { name: 'a.txt', text: LABELS['a.txt'], type: 'text/plain' },
    { name: 'classes.txt', text: 'car\nperson\n', type: 'text/plain' },
    { name: 'config.yml', text: template, type: 'application/yaml' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import model output' });
  // The template is the dropped config, not class names: classes come from classes.txt.
  await expect(dialog).toContainText('classes from classes.txt');
  await expect(dialog.getByLabel('Config')).toHaveValue('dropped');
  await expect(dialog.getByLabel('Label for car')).toHaveValue('Car');
  await expect(dialog).toContainText('0 of 1 matched to dropped images');
  await expect(dialog).toContainText('names the image by the labels file with .jpg (a guess: YOLO labels do not say it): a.jpg');
  await dialog.getByLabel('Image extension').selectOption('.png');
  await expect(dialog).toContainText('with .png (the extension chosen): a.png');
  await dialog.getByRole('button', { name: 'Import 1 task' }).click();
  await expect(dialog).toHaveCount(0);
  const tasks = await exported(page);
  expect(tasks.map((t) => t.data.image)).toEqual(['/data/local-files/?d=a.png']);
});
