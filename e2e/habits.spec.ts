// Label Studio's habits on the canvas and the keyboard: press-drag moves a region, Space+drag pans, its keys.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, openFixture, regionRow, regions, screenPoint } from './helpers';

async function exported(page: Page): Promise<unknown[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}
const view = async (page: Page) => JSON.parse((await page.getByTestId('canvas-image').getAttribute('data-view'))!) as { x: number; y: number; scale: number };
type Tasks = { predictions: { result: { value: Record<string, number> }[] }[] }[];

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number, button: 'left' | 'middle' = 'left', { space = false } = {}) {
  await page.mouse.move(from.x, from.y);
  // Space is pressed with the pointer over the canvas, as a person does.
  if (space) await page.keyboard.down('Space');
  await page.mouse.down({ button });
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
  await page.mouse.up({ button });
  if (space) await page.keyboard.up('Space');
}

test('press-drag on an unselected box selects and moves it in one gesture: the export shows it, one undo puts it back', async ({ page }) => {
  await openApp(page);
  // The bbox sample: result2 is a Car box at x 75.47%, y 82.33% of a 600 x 403 image; nothing is selected.
  await expect(regions(page).filter({ hasText: 'result2' })).not.toHaveAttribute('aria-selected', 'true');
  const before = await view(page);
  const from = await screenPoint(page, 'image', 0.7547 * 600 + 10, 0.8233 * 403 + 10);
  await drag(page, from, -60, -40);
  await expect(page.getByRole('status').filter({ hasText: 'Move or resize result2' })).toBeVisible();
  // The image did not pan.
  expect(await view(page)).toEqual(before);
  await expect(regions(page).filter({ hasText: 'result2' })).toHaveAttribute('aria-selected', 'true');
  const value = ((await exported(page)) as Tasks)[0].predictions[0].result[1].value;
  expect(value.x).toBeCloseTo(75.47 - (60 / before.scale / 600) * 100, 1);
  expect(value.y).toBeCloseTo(82.33 - (40 / before.scale / 403) * 100, 1);
  expect(value.width).toBeCloseTo(5.74, 2);
  await page.keyboard.press('Control+z');
  expect(((await exported(page)) as Tasks)[0].predictions[0].result[1].value.x).toBe(75.47);
});

test('panning: a drag on empty canvas, Space+drag over a region and a middle-button drag move the view, not the region', async ({ page }) => {
  await openApp(page);
  const box = (await page.getByTestId('canvas-image').boundingBox())!;
  let before = await view(page);
  // The canvas corner lies outside the image and every region.
  await drag(page, { x: box.x + 5, y: box.y + box.height - 5 }, 40, -30);
  await expect.poll(async () => (await view(page)).x).toBeCloseTo(before.x + 40, 0);
  expect((await view(page)).y).toBeCloseTo(before.y - 30, 0);

  // Space held: a press on a region pans too.
  before = await view(page);
  const on = await screenPoint(page, 'image', 0.7547 * 600 + 10, 0.8233 * 403 + 10);
  await drag(page, on, -50, 20, 'left', { space: true });
  await expect.poll(async () => (await view(page)).x).toBeCloseTo(before.x - 50, 0);
  expect((await view(page)).y).toBeCloseTo(before.y + 20, 0);

  before = await view(page);
  const again = await screenPoint(page, 'image', 0.7547 * 600 + 10, 0.8233 * 403 + 10);
  await drag(page, again, 30, 30, 'middle');
  await expect.poll(async () => (await view(page)).x).toBeCloseTo(before.x + 30, 0);
  // With a drawing tool on, Space+drag pans instead of drawing.
  await page.getByRole('group', { name: 'Draw on image' }).getByRole('button', { name: /^Rectangle/ }).click();
  before = await view(page);
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 40, 40, 'left', { space: true });
  await expect.poll(async () => (await view(page)).x).toBeCloseTo(before.x + 40, 0);
  await expect(page.getByText('2 regions', { exact: true })).toBeVisible();
  // Space did not press the tool button that has the focus.
  await expect(page.getByRole('group', { name: 'Draw on image' }).getByRole('button', { name: /^Rectangle/ })).toHaveAttribute('aria-pressed', 'true');
  const value = ((await exported(page)) as Tasks)[0].predictions[0].result[1].value;
  expect(value.x).toBe(75.47);
  expect(value.y).toBe(82.33);
});

test('press-drag on a readonly region selects it, says why it stays, and neither moves it nor pans', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  const before = await view(page);
  const from = await screenPoint(page, 'image', 0.15 * 400, 0.15 * 300);
  await drag(page, from, 50, 50);
  await expect(page.getByRole('status').filter({ hasText: 'readonly' })).toContainText('unlock it');
  await expect(regions(page).filter({ hasText: 'locked' })).toHaveAttribute('aria-selected', 'true');
  expect(await view(page)).toEqual(before);
  expect(((await exported(page)) as Tasks)[0].predictions[0].result[0].value.x).toBe(5);
});

test("Label Studio's keys: Alt+. and Alt+, cycle, u unselects, Ctrl+D duplicates, Backspace deletes, Alt+H hides; the ? panel lists them", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Alt+Period');
  await expect(regions(page).filter({ hasText: 'result1' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+Period');
  await expect(regions(page).filter({ hasText: 'result2' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+Comma');
  await expect(regions(page).filter({ hasText: 'result1' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('u');
  await expect(page.locator('.region-item[aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Alt+Period');
  await page.keyboard.press('Control+d');
  await expect(page.getByText('3 regions', { exact: true })).toBeVisible();
  // The copy is selected; Backspace deletes it.
  await page.keyboard.press('Backspace');
  await expect(page.getByText('2 regions', { exact: true })).toBeVisible();
  await page.keyboard.press('Alt+Period');
  await page.keyboard.press('Alt+h');
  await expect(regions(page).filter({ hasText: 'result1' })).toContainText('hidden');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const k of ['Alt+.', 'Alt+,', 'U', 'Ctrl+D', 'Alt+H', 'Ctrl+H', 'Ctrl+Enter', 'Backspace']) await expect(help).toContainText(k);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('Tab moves the keyboard focus to the next control and leaves the selection; focus is visible; Enter on a row selects it', async ({ page }) => {
  await openApp(page);
  await regions(page).filter({ hasText: 'result1' }).click();
  const row = regions(page).filter({ hasText: 'result1' });
  await expect(row).toBeFocused();
  await page.keyboard.press('Tab');
  // The next control is the row's own eye, then its lock, then the details' fields.
  await expect(row.getByRole('button', { name: 'Hide region result1' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Readonly result1' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Label')).toBeFocused();
  await expect(regions(page).filter({ hasText: 'result1' })).toHaveAttribute('aria-selected', 'true');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  // Back with Shift+Tab; the next row, Enter selects it.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await expect(row).toBeFocused();
  await regions(page).filter({ hasText: 'result2' }).focus();
  await page.keyboard.press('Enter');
  await expect(regions(page).filter({ hasText: 'result2' })).toHaveAttribute('aria-selected', 'true');
});

test('a config hotkey labels the selected region; labels without one get 1..9 in config order', async ({ page }) => {
  await openApp(page);
  const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car" hotkey="c"/><Label value="Bus"/><Label value="Van"/></RectangleLabels></View>';
  const box = (id: string, label: string, x: number) => ({ id, from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 400, original_height: 300, value: { x, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: [label] } });
  await page.getByLabel('Open files').setInputFiles([
    { name: 'hk.xml', mimeType: 'text/xml', buffer: Buffer.from(config) },
    { name: 'hk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ data: { image: 'none.png' }, predictions: [{ result: [box('b1', 'Bus', 10), box('b2', 'Bus', 50)] }] }])) },
  ]);
  await expect(page.getByText('2 regions', { exact: true })).toBeVisible();
  await regions(page).filter({ hasText: 'b1' }).click();
  await page.keyboard.press('c');
  await expect(regions(page).filter({ hasText: 'b1' })).toContainText('Car');
  // "Car" has c: Bus is 1 and Van 2, as Label Studio assigns them.
  await page.keyboard.press('2');
  await expect(regions(page).filter({ hasText: 'b1' })).toContainText('Van');
  await page.keyboard.press('1');
  await expect(regions(page).filter({ hasText: 'b1' })).toContainText('Bus');
  const tasks = (await exported(page)) as { predictions: { result: { value: { rectanglelabels: string[] } }[] }[] }[];
  expect(tasks[0].predictions[0].result[0].value.rectanglelabels).toEqual(['Bus']);
});

test('Escape leaves the drawing tool first, then unselects the region', async ({ page }) => {
  await openApp(page);
  await regions(page).filter({ hasText: 'result1' }).click();
  await page.getByRole('group', { name: 'Draw on image' }).getByRole('button', { name: /^Rectangle/ }).click();
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-drawing', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-drawing', 'false');
  await expect(regions(page).filter({ hasText: 'result1' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(regions(page).filter({ hasText: 'result1' })).toHaveAttribute('aria-selected', 'false');
});

test('an image list (valueList) shows its images with a pager, each with the regions of its item_index', async ({ page }) => {
  await openApp(page);
  const config = '<View><Image name="img" valueList="$images"/><RectangleLabels name="tag" toName="img"><Label value="Planet"/></RectangleLabels></View>';
  const box = (id: string, item: number | undefined, x: number) => ({ id, from_name: 'tag', to_name: 'img', type: 'rectanglelabels', ...(item === undefined ? {} : { item_index: item }), original_width: 400, original_height: 300, value: { x, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Planet'] } });
  await page.getByLabel('Open files').setInputFiles([
    { name: 'list.xml', mimeType: 'text/xml', buffer: Buffer.from(config) },
    { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ data: { images: ['first.png', 'second.png', 'third.png'] }, predictions: [{ result: [box('a', undefined, 10), box('b', 0, 40), box('c', 1, 60)] }] }])) },
  ]);
  await expect(page.getByText('3 regions', { exact: true })).toBeVisible();
  const canvas = page.getByTestId('canvas-img');
  const pager = page.getByRole('group', { name: 'Images of img' });
  await expect(pager).toContainText('1 / 3');
  await expect(page.getByText('The task has no image URL')).toHaveCount(0);
  await expect(page.locator('.canvas-toolbar')).toContainText('first.png');
  await expect(canvas).toHaveAttribute('data-regions-drawn', '2');
  await pager.getByRole('button', { name: 'Next image' }).click();
  await expect(pager).toContainText('2 / 3');
  await expect(page.locator('.canvas-toolbar')).toContainText('second.png');
  await expect(canvas).toHaveAttribute('data-regions-drawn', '1');
  await pager.getByRole('button', { name: 'Next image' }).click();
  await expect(canvas).toHaveAttribute('data-regions-drawn', '0');
  await expect(pager.getByRole('button', { name: 'Next image' })).toBeDisabled();
});

test('label tags on the canvas: black text on a yellow label; the Labels toggle hides them', async ({ page }) => {
  await openApp(page);
  const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Lemon" background="#ffeb3b"/></RectangleLabels></View>';
  const result = [{ id: 'y1', from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 400, original_height: 300, value: { x: 10, y: 30, width: 40, height: 40, rotation: 0, rectanglelabels: ['Lemon'] } }];
  await page.getByLabel('Open files').setInputFiles([
    { name: 'y.xml', mimeType: 'text/xml', buffer: Buffer.from(config) },
    { name: 'y.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ data: { image: 'none.png' }, predictions: [{ result }] }])) },
  ]);
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-image-width', '400');
  // Dark pixels in the tag above the box's top-left corner (image pixel 40, 90), on the regions layer.
  const darkInTag = () =>
    page.evaluate(() => {
      const box = document.querySelector('[data-testid="canvas-image"]') as HTMLElement;
      const view = JSON.parse(box.dataset.view!);
      const layer = box.querySelector('canvas[data-layer="regions"]') as HTMLCanvasElement;
      const k = layer.width / layer.clientWidth;
      const x = (view.x + 40 * view.scale + 2) * k;
      const y = (view.y + 90 * view.scale - 14) * k;
      const d = layer.getContext('2d')!.getImageData(x, y, 40 * k, 12 * k).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i] + d[i + 1] + d[i + 2] < 250) dark++;
      return dark;
    });
  await expect.poll(darkInTag).toBeGreaterThan(5);
  await expect(canvas).toHaveAttribute('data-labels', 'shown');
  await canvas.locator('..').getByLabel('Labels').uncheck();
  await expect(canvas).toHaveAttribute('data-labels', 'hidden');
  await expect.poll(darkInTag).toBe(0);
});

test('files dragged over the page show a panel saying what each kind opens as and what is coming', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['<View/>'], 'c.xml', { type: 'text/xml' }));
    dt.items.add(new File(['[]'], 't.json', { type: 'application/json' }));
    dt.items.add(new File(['x'], 'a.png', { type: 'image/png' }));
    dt.items.add(new File(['x'], 'b.png', { type: 'image/png' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const panel = page.getByRole('dialog', { name: 'Drop files to open' });
  await expect(panel).toContainText('4 files: 1 config (XML), 1 tasks file (JSON), 2 images');
  await expect(panel).toContainText('Tasks: .json');
  // The panel is opaque enough to read: a white box, not text over the image.
  expect(await panel.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.evaluate(() => window.dispatchEvent(new DragEvent('dragleave', { relatedTarget: null })));
  await expect(panel).toHaveCount(0);
});

test("the Regions list reads like Label Studio's outliner: label first, sort by score, group by label with counts, an eye and a lock per row", async ({ page }) => {
  await openFixture(page, 'flags', 4);
  const ids = () => regions(page).locator('.region-id').allInnerTexts();
  await expect(regions(page).first()).toHaveText(/^\s*Car locked/);
  expect(await ids()).toEqual(['locked', 'ghost', 'typo', 'stale']);
  // Lowest score first finds the weak predictions; regions without a score come last.
  await page.getByLabel('Sort regions').selectOption('score-asc');
  await expect.poll(ids).toEqual(['ghost', 'locked', 'typo', 'stale']);
  await page.getByLabel('Sort regions').selectOption('file');
  await page.getByLabel('Group by label').check();
  const groups = page.locator('.region-group');
  await expect(groups).toHaveText(['Car 2', 'Airplane 1', 'car 1'].map((t) => new RegExp(t.replace(' ', '\\s*'))));
  expect(await ids()).toEqual(['locked', 'stale', 'ghost', 'typo']);
  await expect(regions(page)).toHaveCount(4);
  // The row's own lock and eye.
  await regionRow(page, 'typo').getByRole('button', { name: 'Readonly typo' }).click();
  await expect(regionRow(page, 'typo')).toContainText('readonly');
  await regionRow(page, 'typo').getByRole('button', { name: 'Readonly typo' }).click();
  await expect(regionRow(page, 'typo')).not.toContainText('readonly');
  await regionRow(page, 'stale').getByRole('button', { name: 'Hide region stale' }).click();
  await expect(regionRow(page, 'stale')).toContainText('hidden');
});

test('the Tasks pane after an edit shows the changed value from its start; a trailing comma has a one-click fix', async ({ page }) => {
  await openApp(page);
  const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Bus"/></RectangleLabels></View>';
  // One task on one long line: the region's labels sit past the pane's width, with a long text after them.
  const task = { meta: { pad: 'p'.repeat(200) }, predictions: [{ result: [{ id: 'far', from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 10, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Car'] } }] }], data: { image: 'none.png', note: 'x'.repeat(3000) } };
  await page.getByLabel('Open files').setInputFiles([
    { name: 'long.xml', mimeType: 'text/xml', buffer: Buffer.from(config) },
    { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(`[${JSON.stringify(task)}]`) },
  ]);
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  await regionRow(page, 'far').click();
  await regionRow(page, 'far').getByLabel('Label').selectOption('Bus');
  await expect(page.getByRole('status').filter({ hasText: 'Label far as Bus' })).toBeVisible();
  const pane = page.locator('[data-pane="Tasks"] .cm-scroller');
  // The changed value is in view, in the left part of the pane (its start with a little context), not cut at the right edge.
  const bus = page.locator('[data-pane="Tasks"] .cm-content').getByText('"Bus"', { exact: true });
  await expect.poll(async () => {
    const box = (await pane.boundingBox())!;
    const at = await bus.boundingBox();
    return at && at.x >= box.x && at.x + at.width <= box.x + box.width ? (at.x - box.x) / box.width : -1;
  }).toBeGreaterThan(0);
  const box = (await pane.boundingBox())!;
  const at = (await bus.boundingBox())!;
  expect((at.x - box.x) / box.width).toBeLessThan(0.5);
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText('["Bus"]');

  // A trailing comma: one click removes it, and the tasks parse again.
  await page.getByLabel('Open files').setInputFiles([{ name: 'comma.json', mimeType: 'application/json', buffer: Buffer.from('[\n  {"data": {"image": "none.png"}, "predictions": [],},\n]') }]);
  await page.getByRole('dialog', { name: 'Changes not exported' }).getByRole('button', { name: 'Discard changes and open' }).click();
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'json-syntax' });
  await expect(problem.first()).toContainText('Trailing comma');
  await problem.first().getByRole('button', { name: 'Fix: Remove the trailing comma' }).click();
  await expect(problem.first()).toContainText('Trailing comma');
  await problem.first().getByRole('button', { name: 'Fix: Remove the trailing comma' }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByText('0 regions', { exact: true })).toBeVisible();
});
