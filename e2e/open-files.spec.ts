// Getting data in: the file input, dropping files anywhere, images matched to tasks by file name.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, openApp, openFiles, problems, regions } from './helpers';

test('"Open files" loads a config, a tasks file and an image, recognised by content', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    // Names without telling extensions: recognised by what they hold.
    { name: 'labeling-config.txt', text: readFileSync(fixture('flags.xml'), 'utf8'), mimeType: 'text/plain' },
    { name: 'export', text: readFileSync(fixture('flags.json'), 'utf8'), mimeType: 'application/octet-stream' },
    { name: 'street.jpg', path: '/work/main/public/samples/sample.png', mimeType: 'application/octet-stream' },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toContainText('config labeling-config.txt, tasks export, 1 image');
  await expect(page.getByText('4 regions')).toBeVisible();
  // The dropped image is matched to the task by the last part of its URL, and loads.
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-width', '600');
});

test('dropping files anywhere in the window loads them', async ({ page }) => {
  await openApp(page);
  const config = readFileSync(fixture('pixels.xml'), 'utf8');
  const tasks = readFileSync(fixture('pixels.json'), 'utf8');
  await page.evaluate(
    ({ config, tasks }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([config], 'pixels.xml', { type: 'text/xml' }));
      dt.items.add(new File([tasks], 'pixels.json', { type: 'application/json' }));
      document.querySelector('.preview')!.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.querySelector('.preview')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { config, tasks },
  );
  await expect(page.getByText('2 regions')).toBeVisible();
  await expect(regions(page).first()).toContainText('rot');
});

test('an image that cannot load: regions on a neutral canvas of original_width x original_height, said plainly', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', path: fixture('flags.json') },
  ]);
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-image-status', 'error');
  await expect(canvas).toHaveAttribute('data-image-width', '400');
  await expect(canvas).toHaveAttribute('data-image-height', '300');
  await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toContainText('street.jpg');
});

test('a broken tasks file keeps the last good preview and says where it breaks', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [{ name: 'broken.json', text: '[\n  {"data": {"image": "x.png"}},\n]' }]);
  await expect(problems(page).first()).toContainText("json-syntax Trailing comma before ']'");
  await expect(page.getByText('does not parse; the preview shows the last good tasks')).toBeVisible();
  await expect(page.getByText('2 regions')).toBeVisible();
});
