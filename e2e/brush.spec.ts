// Brush masks: the RLE is decoded onto the image, where its pixels are.
import { expect, test } from '@playwright/test';
import { encodeRle, maskToRgba } from '../app/core/brush/rle';
import { openApp, openFiles, regionAlphaAt, regions } from './helpers';

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
