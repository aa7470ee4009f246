// Editing: fixes from the Problems list, dragging boxes, flags, delete, undo/redo, export.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, openApp, openFiles, openFixture, problems, regions, screenPoint } from './helpers';

async function exported(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

const openFlags = (page: Page) => openFixture(page, 'flags', 4);

test('one-click fix, undo and redo, and an export where untouched tasks equal the input', async ({ page }) => {
  await openFlags(page);
  const input = JSON.parse(readFileSync(fixture('flags.json'), 'utf8'));
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix: Replace "car" with "Car"/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Replace' })).toContainText('(1 change)');
  // The Tasks pane shows the change at once.
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).not.toContainText('["car"]');

  await page.keyboard.press('Control+z');
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);

  const out = await exported(page);
  expect(out.name).toBe('flags.json');
  const tasks = JSON.parse(out.text);
  expect(tasks[0].predictions[0].result[2].value.rectanglelabels).toEqual(['Car']);
  // Everything else is as it came in.
  tasks[0].predictions[0].result[2].value.rectanglelabels = ['car'];
  expect(tasks).toEqual(input);
  expect(out.text.split('\n').length).toBe(readFileSync(fixture('flags.json'), 'utf8').split('\n').length);
});

test('"Fix all like this" fixes every place with the same fix, as one undo step', async ({ page }) => {
  await openApp(page);
  const config = readFileSync(fixture('flags.xml'), 'utf8');
  const result = (id: string) => ({ id, from_name: 'lable', to_name: 'image', type: 'rectanglelabels', value: { x: 1, y: 1, width: 2, height: 2, rotation: 0, rectanglelabels: ['Car'] } });
  const tasks = [1, 2, 3].map((i) => ({ data: { image: 'x.png' }, predictions: [{ model_version: 'm', result: [result(`a${i}`), result(`b${i}`)] }] }));
  await openFiles(page, [
    { name: 'c.xml', text: config },
    { name: 't.json', text: JSON.stringify(tasks, null, 2) },
  ]);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('6 in the file');
  await problems(page).first().getByRole('button', { name: 'Fix all 6 like this' }).click();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('6 in the file');
});

test('dragging a box moves it: the exported x is the new position in percent; a readonly box does not move', async ({ page }) => {
  await openApp(page);
  // The bbox sample: result2 is a Car box at x 75.47%, y 82.33% of a 600 x 403 image.
  await regions(page).filter({ hasText: 'result2' }).click();
  const from = await screenPoint(page, 'image', 0.7547 * 600 + 10, 0.8233 * 403 + 10);
  const scale = JSON.parse((await page.getByTestId('canvas-image').getAttribute('data-view'))!).scale;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 30, from.y - 20, { steps: 5 });
  await page.mouse.move(from.x - 60, from.y - 40, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Move or resize' })).toBeVisible();
  const tasks = JSON.parse((await exported(page)).text);
  const value = tasks[0].predictions[0].result[1].value;
  expect(value.x).toBeCloseTo(75.47 - (60 / scale / 600) * 100, 1);
  expect(value.y).toBeCloseTo(82.33 - (40 / scale / 403) * 100, 1);
  expect(value.width).toBeCloseTo(5.74, 2);
  // Undo puts it back.
  await page.keyboard.press('Control+z');
  const back = JSON.parse((await exported(page)).text);
  expect(back[0].predictions[0].result[1].value.x).toBe(75.47);
});

test('a readonly region cannot be moved or deleted until unlocked; hide and lock are saved', async ({ page }) => {
  await openFlags(page);
  const locked = regions(page).filter({ hasText: 'locked' });
  await locked.click();
  const from = await screenPoint(page, 'image', 0.15 * 400, 0.15 * 300);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y + 50, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'readonly' })).toContainText('unlock it');
  await expect(page.getByText('4 regions')).toBeVisible();
  let tasks = JSON.parse((await exported(page)).text);
  expect(tasks[0].predictions[0].result[0].value.x).toBe(5);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked).not.toContainText('readonly');
  await page.keyboard.press('Delete');
  await expect(page.getByText('3 regions')).toBeVisible();
  tasks = JSON.parse((await exported(page)).text);
  expect(tasks[0].predictions[0].result.map((r: { id: string }) => r.id)).toEqual(['ghost', 'typo', 'stale']);
});

test('arrow keys nudge the selected box; export as annotations turns predictions into annotations', async ({ page }) => {
  await openApp(page);
  await regions(page).filter({ hasText: 'result1' }).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Export as').selectOption('annotations');
  const out = await exported(page);
  expect(out.name).toBe('tasks.annotations.json');
  const tasks = JSON.parse(out.text);
  expect(tasks[0].predictions).toEqual([]);
  expect(tasks[0].annotations).toHaveLength(1);
  expect(tasks[0].annotations[0].result[0].value.x).toBeCloseTo(5.98, 6);
  expect(tasks[0].annotations[0].result[0].value.y).toBeCloseTo(12.92, 6);
});

test('at 1280 wide a nudge does not scroll the Tasks pane sideways when the edited line is in view; off screen, it brings the place back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const scroller = page.locator('[data-pane="Tasks"] .cm-scroller');
  const scrollLeft = () => scroller.evaluate((el) => el.scrollLeft);
  // Some line of the sample is wider than the pane (it can scroll sideways), the one with x is not.
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await regions(page).filter({ hasText: 'result1' }).click();
  for (const [key, x] of [['ArrowRight', '5.08'], ['ArrowRight', '5.18']] as const) {
    await page.keyboard.press(key);
    await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText(`"x": ${x}`);
    // Two frames: the editor scrolls in its measure phase.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await scrollLeft()).toBe(0);
  }
  // A file with a line far wider than the pane, scrolled sideways by hand until the edited line is out of
  // view at the left: the nudge shows that line again, whole (it fits the pane).
  const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels></View>';
  const task = { data: { image: 'none.png', note: 'n'.repeat(400) }, predictions: [{ result: [{ id: 'wide', from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 100, original_height: 100, value: { x: 10, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Car'] } }] }] };
  await openFiles(page, [
    { name: 'wide.xml', text: config },
    { name: 'wide.json', text: JSON.stringify([task], null, 2) },
  ]);
  await page.getByRole('dialog', { name: 'Changes not exported' }).getByRole('button', { name: 'Discard changes and open' }).click();
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  await regions(page).first().click();
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  expect(await scrollLeft()).toBeGreaterThan(1000);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText('"x": 10.1');
  await expect.poll(scrollLeft).toBe(0);
  const pane = (await scroller.boundingBox())!;
  const value = (await page.locator('[data-pane="Tasks"] .cm-content').getByText('10.1', { exact: true }).boundingBox())!;
  const gutter = (await page.locator('[data-pane="Tasks"] .cm-gutters').boundingBox())!;
  expect(value.x).toBeGreaterThanOrEqual(gutter.x + gutter.width);
  expect(value.x + value.width).toBeLessThanOrEqual(pane.x + pane.width);
});

test('polygon: drag a vertex, add one from a midpoint, delete one with a double-click', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sample').selectOption('shapes');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await regions(page).filter({ hasText: 'GHI' }).click();
  const W = 600;
  const H = 403;
  const scale = JSON.parse((await page.getByTestId('canvas-image').getAttribute('data-view'))!).scale;
  const v0 = await screenPoint(page, 'image', 0.2093 * W, 0.289 * H);
  await page.mouse.move(v0.x, v0.y);
  await page.mouse.down();
  await page.mouse.move(v0.x + 15, v0.y, { steps: 3 });
  await page.mouse.move(v0.x + 30, v0.y, { steps: 3 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Move a vertex of GHI' })).toBeVisible();
  let points = JSON.parse((await exported(page)).text)[0].predictions[0].result[1].value.points;
  expect(points).toHaveLength(4);
  expect(points[0][0]).toBeCloseTo(20.93 + (30 / scale / W) * 100, 1);
  expect(points[1]).toEqual([25.86, 64.69]);
  // The midpoint between vertices 1 and 2 becomes a fifth vertex.
  const m = await screenPoint(page, 'image', ((25.86 + 38.4) / 200) * W, ((64.69 + 62.79) / 200) * H);
  await page.mouse.move(m.x, m.y);
  await page.mouse.down();
  await page.mouse.move(m.x, m.y + 20, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Add a vertex to GHI' })).toBeVisible();
  points = JSON.parse((await exported(page)).text)[0].predictions[0].result[1].value.points;
  expect(points).toHaveLength(5);
  const v3 = await screenPoint(page, 'image', 0.3413 * W, 0.2748 * H);
  await page.mouse.dblclick(v3.x, v3.y);
  await expect(page.getByRole('status').filter({ hasText: 'Delete a vertex of GHI' })).toBeVisible();
  points = JSON.parse((await exported(page)).text)[0].predictions[0].result[1].value.points;
  expect(points).toHaveLength(4);
});

test('drawing new regions with the config\'s tools: a labelled box, a polygon with a separate label, a keypoint', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Rectangle (label)' }).click();
  await page.getByLabel('New region label').selectOption('Car');
  const a = await screenPoint(page, 'image', 300, 100);
  const b = await screenPoint(page, 'image', 360, 160);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  await page.mouse.up();
  await expect(page.getByText('3 regions')).toBeVisible();
  let tasks = JSON.parse((await exported(page)).text);
  const added = tasks[0].predictions[0].result[3];
  expect(added).toMatchObject({ from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 600, original_height: 403 });
  expect(added.value.x).toBeCloseTo(50, 0);
  expect(added.value.width).toBeCloseTo(10, 0);
  expect(added.value.rectanglelabels).toEqual(['Car']);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');

  await page.getByLabel('Sample').selectOption('shapes');
  // Points are computed from the fitted view: wait until the image has loaded and the view settled.
  await expect(page.getByText('4 regions')).toBeVisible();
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await page.getByRole('button', { name: 'Polygon (polygon)' }).click();
  await page.getByLabel('New region label').selectOption('Building');
  for (const [x, y] of [[400, 300], [450, 300], [450, 350]]) {
    const p = await screenPoint(page, 'image', x, y);
    await page.mouse.click(p.x, p.y);
  }
  const last = await screenPoint(page, 'image', 400, 350);
  await page.mouse.dblclick(last.x, last.y);
  await expect(page.getByText('5 regions')).toBeVisible();
  tasks = JSON.parse((await exported(page)).text);
  const [poly, label] = tasks[0].predictions[0].result.slice(4);
  expect(poly.type).toBe('polygon');
  expect(poly.value.points).toHaveLength(4);
  expect(label).toMatchObject({ id: poly.id, from_name: 'labels', type: 'labels', value: { labels: ['Building'] } });

  await page.getByRole('button', { name: 'Keypoint (kp)' }).click();
  const k = await screenPoint(page, 'image', 100, 380);
  await page.mouse.click(k.x, k.y);
  await expect(page.getByText('6 regions')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-drawing', 'false');
});
