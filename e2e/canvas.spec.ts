// Geometry lands where FORMAT-NOTES §4 says, and selection syncs between the canvas and the list.
import { expect, test } from '@playwright/test';
import { fixture, openApp, openFiles, regionAlphaAt, screenPoint, regionRow } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'pixels.xml', path: fixture('pixels.xml') },
    { name: 'pixels.json', path: fixture('pixels.json') },
  ]);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-width', '200');
});

test('a rectangle rotates clockwise about its top-left corner, in pixel space', async ({ page }) => {
  // x 25% of 200 = 50 px, y 20% of 100 = 20 px, width 80 px, height 10 px, rotated 90°: it hangs down
  // from (50, 20) to the left, covering x 40..50, y 20..100.
  expect(await regionAlphaAt(page, 'image', 45, 60)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 45, 95)).toBeGreaterThan(0);
  // Where the unrotated box would be, nothing.
  expect(await regionAlphaAt(page, 'image', 80, 25)).toBe(0);
  // Rotating about the centre would have put it around x 70..100: nothing there either.
  expect(await regionAlphaAt(page, 'image', 90, 40)).toBe(0);
});

test('an ellipse is centred on x, y with radii in percent of width and height', async ({ page }) => {
  // Centre (150, 50), radii 20 px and 20 px.
  expect(await regionAlphaAt(page, 'image', 150, 50)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 135, 40)).toBeGreaterThan(0);
  // Read as top-left (the editor's docs say so, wrongly) it would cover (185, 80): nothing there.
  expect(await regionAlphaAt(page, 'image', 185, 80)).toBe(0);
});

test('clicking a region on the canvas selects its list item, and back', async ({ page }) => {
  const p = await screenPoint(page, 'image', 150, 50);
  await page.mouse.click(p.x, p.y);
  await expect(regionRow(page, 'ell')).toHaveAttribute('aria-selected', 'true');
  const q = await screenPoint(page, 'image', 45, 60);
  await page.mouse.click(q.x, q.y);
  await expect(regionRow(page, 'rot')).toHaveAttribute('aria-selected', 'true');
  await expect(regionRow(page, 'ell')).toHaveAttribute('aria-selected', 'false');
  // From the list to the canvas: the selected region is drawn more opaque (on the highlight layer, so the
  // regions layer is not repainted for a selection).
  const before = await regionAlphaAt(page, 'image', 150, 50, { withHighlight: true });
  const regionsLayer = await regionAlphaAt(page, 'image', 150, 50);
  await regionRow(page, 'ell').click();
  await expect.poll(() => regionAlphaAt(page, 'image', 150, 50, { withHighlight: true })).toBeGreaterThan(before);
  expect(await regionAlphaAt(page, 'image', 150, 50)).toBe(regionsLayer);
});

test('wheel zooms at the cursor: the image point under the cursor stays put', async ({ page }) => {
  const p = await screenPoint(page, 'image', 150, 50);
  await page.mouse.move(p.x, p.y);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => JSON.parse((await page.getByTestId('canvas-image').getAttribute('data-view'))!).scale).toBeGreaterThan(1);
  const after = await screenPoint(page, 'image', 150, 50);
  expect(Math.abs(after.x - p.x)).toBeLessThan(1);
  expect(Math.abs(after.y - p.y)).toBeLessThan(1);
  // The regions are where they belong while the view moves (a bitmap of them) and once it has settled
  // (painted again for the new scale).
  expect(await regionAlphaAt(page, 'image', 150, 50)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 185, 80)).toBe(0);
  await page.waitForTimeout(400);
  expect(await regionAlphaAt(page, 'image', 150, 50)).toBeGreaterThan(0);
  expect(await regionAlphaAt(page, 'image', 185, 80)).toBe(0);
});

test('zoomed in, the regions off screen are painted a slice at a time while idle, and a pan shows them as it moves', async ({ page }) => {
  // 1,200 boxes over a 1600 x 1200 image, in a grid: wherever the view looks there are some.
  const result = Array.from({ length: 1200 }, (_, i) => ({ id: `g${i}`, from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 1600, original_height: 1200,
    value: { x: (i % 40) * 2.5, y: Math.floor(i / 40) * 3.3, width: 2, height: 2.5, rotation: 0, rectanglelabels: ['Car'] } }));
  await openFiles(page, [
    { name: 'grid.xml', text: '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels></View>' },
    { name: 'grid.json', text: JSON.stringify([{ data: { image: 'none.png' }, predictions: [{ result }] }]) },
  ]);
  const box = page.getByTestId('canvas-image');
  await expect(box).toHaveAttribute('data-image-width', '1600');
  const rect = (await box.boundingBox())!;
  await page.mouse.move(rect.x + 20, rect.y + 20);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400);
  await expect.poll(async () => JSON.parse((await box.getAttribute('data-view'))!).scale).toBeGreaterThan(2);
  const layer = box.locator('canvas[data-layer="regions"]');
  await expect(layer).toHaveAttribute('data-bitmap', 'extent', { timeout: 15000 });
  // Ink in the bottom-right corner of the regions layer, as the page shows it now.
  const ink = () =>
    layer.evaluate((c: HTMLCanvasElement) => {
      const k = c.width / c.clientWidth;
      const d = c.getContext('2d')!.getImageData(c.width - 120 * k, c.height - 120 * k, 100 * k, 100 * k).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  // Drag the view 400 px up and left, and look while the button is still down: what comes in from
  // off screen is there (a copy of the screen would show nothing in that corner).
  const from = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let s = 1; s <= 8; s++) await page.mouse.move(from.x - 50 * s, from.y - 50 * s);
  expect(await ink()).toBeGreaterThan(100);
  await page.mouse.up();
  await expect.poll(ink).toBeGreaterThan(100);
});
