// Brush masks: the RLE is decoded onto the image, where its pixels are.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeRle, encodeRle, maskToRgba } from '../app/core/brush/rle';
import { openApp, openFiles, problems, regionAlphaAt, regions, screenPoint } from './helpers';

test('a brush mask painting the left half is drawn on the left half only', async ({ page }) => {
  const W = 40;
  const H = 20;
  const mask = new Uint8Array(W * H).map((_, i) => (i % W < W / 2 ? 1 : 0));
  const rle = encodeRle(maskToRgba(mask));
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road" background="#00ff00"/></BrushLabels></View>';
  const tasks = [{ data: { image: 'none.png' }, predictions: [{ model_version: 'seg', result: [{ id: 'm1', from_name: 'seg', to_name: 'image', type: 'brushlabels', original_width: W, original_height: H, value: { format: 'rle', rle, brushlabels: ['Road'] } }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'seg.xml', text: config },
    { name: 'seg.json', text: JSON.stringify(tasks) },
  ]);
  await expect(regions(page)).toHaveCount(1);
  await expect(regions(page).first()).toContainText('brush');
  expect(await regionAlphaAt(page, 'image', 5, 10)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 35, 10)).toBe(0);
});

test('painting a new mask and erasing part of it; the exported RLE decodes to what was painted', async ({ page }) => {
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road" background="#00ff00"/><Label value="Sky"/></BrushLabels></View>';
  const tasks = [{ data: { image: 'street.jpg' }, predictions: [] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'seg.xml', text: config },
    { name: 'seg.json', text: JSON.stringify(tasks) },
    { name: 'street.jpg', path: 'public/samples/sample.png', mimeType: 'image/png' },
  ]);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await page.getByRole('button', { name: 'New mask (seg)' }).click();
  await page.getByLabel('New mask label').selectOption('Sky');
  const drag = async (from: [number, number], to: [number, number]) => {
    const a = await screenPoint(page, 'image', ...from);
    const b = await screenPoint(page, 'image', ...to);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
  };
  await drag([100, 100], [300, 100]);
  await expect(regions(page)).toHaveCount(1);
  await expect(regions(page).first()).toContainText('Sky');
  expect(await regionAlphaAt(page, 'image', 200, 100)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 200, 200)).toBe(0);
  // Erase the middle of the stroke.
  await page.getByRole('button', { name: 'Erase' }).click();
  await drag([190, 80], [210, 120]);
  await expect.poll(() => regionAlphaAt(page, 'image', 200, 100)).toBe(0);
  expect(await regionAlphaAt(page, 'image', 120, 100)).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[0];
  expect(result).toMatchObject({ type: 'brushlabels', original_width: 600, original_height: 403, value: { format: 'rle', brushlabels: ['Sky'] } });
  const rgba = decodeRle(result.value.rle);
  expect(rgba.length).toBe(600 * 403 * 4);
  expect(rgba[(100 * 600 + 120) * 4 + 3]).toBe(255);
  expect(rgba[(100 * 600 + 200) * 4 + 3]).toBe(0);
});

test('a mask without original_width/height is drawn at the loaded image size, with a warning whose fix adds the sizes to the export', async ({ page }) => {
  // sample.png is 600 x 403: the mask paints its left half.
  const W = 600;
  const H = 403;
  const mask = new Uint8Array(W * H).map((_, i) => (i % W < W / 2 ? 1 : 0));
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road" background="#00ff00"/></BrushLabels></View>';
  const tasks = [{ data: { image: 'street.png' }, predictions: [{ model_version: 'seg', result: [{ id: 'm1', from_name: 'seg', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle: encodeRle(maskToRgba(mask)), brushlabels: ['Road'] } }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'seg.xml', text: config },
    { name: 'seg.json', text: JSON.stringify(tasks) },
    { name: 'street.png', path: 'public/samples/sample.png' },
  ]);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(regions(page)).toHaveCount(1);
  await expect.poll(() => regionAlphaAt(page, 'image', 100, 200)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 500, 200)).toBe(0);
  const warning = problems(page).filter({ hasText: 'rle-invalid' });
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('original_width and original_height are missing');
  await expect(warning).toContainText('600 x 403');
  await warning.getByRole('button', { name: 'Fix: Add original_width 600 and original_height 403 (the loaded image)' }).click();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  expect(await regionAlphaAt(page, 'image', 100, 200)).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[0];
  expect(result).toMatchObject({ id: 'm1', original_width: 600, original_height: 403, value: { format: 'rle', brushlabels: ['Road'] } });
});

test('a mask without sizes whose RLE does not fit the loaded image says so, and is not drawn', async ({ page }) => {
  const mask = new Uint8Array(40 * 20).fill(1);
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road"/></BrushLabels></View>';
  const tasks = [{ data: { image: 'street.png' }, predictions: [{ model_version: 'seg', result: [{ id: 'm1', from_name: 'seg', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle: encodeRle(maskToRgba(mask)), brushlabels: ['Road'] } }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'seg.xml', text: config },
    { name: 'seg.json', text: JSON.stringify(tasks) },
    { name: 'street.png', path: 'public/samples/sample.png' },
  ]);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  const error = problems(page).filter({ hasText: 'rle-invalid' });
  await expect(error).toContainText('600 x 403 x 4 = 967200');
  await expect(error).toContainText('3200 bytes');
  expect(await regionAlphaAt(page, 'image', 10, 10)).toBe(0);
});

test('painting on a mask that does not fit the image size known now leaves the mask as it was, and says why', async ({ page }) => {
  // No original_width/height and no image file: the canvas is 1000 x 1000, which a 40 x 20 mask does not fit.
  const rle = encodeRle(maskToRgba(new Uint8Array(40 * 20).fill(1)));
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road"/></BrushLabels></View>';
  const tasks = [{ data: { image: 'missing.png' }, predictions: [{ model_version: 'seg', result: [{ id: 'm1', from_name: 'seg', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle, brushlabels: ['Road'] } }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'seg.xml', text: config },
    { name: 'seg.json', text: JSON.stringify(tasks) },
  ]);
  await expect(regions(page)).toHaveCount(1);
  await regions(page).first().click();
  await page.getByRole('button', { name: 'Paint' }).click();
  const a = await screenPoint(page, 'image', 100, 100);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'not painted' })).toContainText('1000 x 1000');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[0].value.rle).toEqual(rle);
});
