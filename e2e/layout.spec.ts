// The layout fits at 1280x720, 1440x900 and 1920x1080: every button and field is inside the window and
// not clipped by its container (reached by scrolling only inside a panel), the canvas fills the space
// left without running below the window, and the header is one row from 1440 up.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openApp, openFiles, regions } from './helpers';

const corpus = path.join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'editor-examples');

/** Controls outside the window or clipped by a container, after each is scrolled into view in its panel. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const name = (el: Element) => el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim().slice(0, 30) || el.getAttribute('title') || el.outerHTML.slice(0, 60);
    for (const el of document.querySelectorAll('button, input, select, textarea')) {
      // The editors' own widgets scroll with their text.
      if (el.closest('.cm-editor')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (!el.getClientRects().length) continue;
      // A control in a scrolling panel is reached by scrolling the panel.
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
        bad.push(`${name(el)}: outside the window (${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`);
        continue;
      }
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5 || r.top < ar.top - 0.5 || r.bottom > ar.bottom + 0.5) {
          bad.push(`${name(el)}: clipped by .${a.className}`);
          break;
        }
      }
    }
    return bad;
  });
}

async function fits(page: Page, width: number) {
  expect(await clipped(page)).toEqual([]);
  // The page itself does not scroll: panels scroll inside themselves.
  const doc = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  expect(doc.h).toBeLessThanOrEqual((page.viewportSize()!).height);
  expect(doc.w).toBeLessThanOrEqual(width);
  const canvas = (await page.getByTestId('canvas-image').boundingBox())!;
  expect(canvas.y + canvas.height).toBeLessThanOrEqual((page.viewportSize()!).height);
  // The canvas takes the height left (not a fixed share of the window).
  expect(canvas.height).toBeGreaterThan((page.viewportSize()!).height * 0.5);
  if (width >= 1440) {
    const tops = await page.locator('header.toolbar > *').evaluateAll((els) => els.filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
  }
}

for (const [width, height] of [[1280, 720], [1440, 900], [1920, 1080]]) {
  test(`at ${width}x${height} every control is reachable and unclipped: the shapes sample and image_tools, a region selected`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await page.getByLabel('Sample').selectOption('shapes');
    await expect(page.getByText('4 regions', { exact: true })).toBeVisible();
    await regions(page).first().click();
    await expect(regions(page).first()).toHaveAttribute('aria-selected', 'true');
    await fits(page, width);
    // Closing the side columns gives the canvas their room; they come back as they were.
    const before = (await page.getByTestId('canvas-image').boundingBox())!.width;
    await page.getByRole('button', { name: '‹ Panes' }).click();
    await page.getByRole('button', { name: 'Panels ›' }).click();
    await expect.poll(async () => (await page.getByTestId('canvas-image').boundingBox())!.width).toBeGreaterThan(before + 500);
    await page.getByRole('button', { name: '› Panes' }).click();
    await page.getByRole('button', { name: 'Panels ‹' }).click();
    await expect.poll(async () => (await page.getByTestId('canvas-image').boundingBox())!.width).toBeCloseTo(before, 0);

    const dir = path.join(corpus, 'image_tools');
    await openFiles(page, [
      { name: 'config.xml', path: path.join(dir, 'config.xml') },
      { name: 'tasks.json', text: readFileSync(path.join(dir, 'tasks.json'), 'utf8') },
    ]);
    await expect(page.getByRole('group', { name: 'Draw on image' })).toBeVisible();
    // The task has no predictions: draw a box (it is selected when drawn), with the tool still on.
    await page.getByRole('group', { name: 'Draw on image' }).getByRole('button', { name: 'Rectangle (rect)' }).click();
    const box = (await page.getByTestId('canvas-image').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByText('1 region', { exact: true })).toBeVisible();
    await expect(regions(page).first()).toHaveAttribute('aria-selected', 'true');
    await fits(page, width);
  });
}

for (const [width, height] of [[1280, 720], [1920, 1080], [900, 700]]) {
  test(`at ${width}x${height} the Problems heading holds its count inside its border, and "No problems" is inset like the rows`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const heading = page.getByRole('heading', { name: /Problems/ });
    await expect(heading).toContainText('0 in the file');
    const h = await heading.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom - parseFloat(getComputedStyle(el).borderBottomWidth), left: r.left, right: r.right };
    });
    const count = (await heading.locator('.count').boundingBox())!;
    // The count line is in the heading, above its bottom border (not across it, nor over what follows).
    expect(count.y).toBeGreaterThanOrEqual(h.top);
    expect(count.y + count.height).toBeLessThanOrEqual(h.bottom + 0.5);
    expect(count.x + count.width).toBeLessThanOrEqual(h.right);
    const empty = page.getByText('No problems in this task.');
    const text = await empty.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top };
    });
    // Below the heading, its text inset from the panel's edge as the rows' text is (a Regions row here).
    expect(text.top).toBeGreaterThanOrEqual(h.bottom);
    const rowText = await page.locator('.region-item').first().evaluate((el) => el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft));
    expect(text.left).toBeCloseTo(rowText, 0);
    expect(text.left - h.left).toBeGreaterThanOrEqual(8);
  });
}

/** Whether the select shows its chosen label whole: as wide as a copy holding only that label, which no style narrows. */
async function showsWhole(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).evaluate((el) => {
    const copy = el.cloneNode(false) as HTMLSelectElement;
    copy.appendChild((el as HTMLSelectElement).selectedOptions[0].cloneNode(true));
    copy.removeAttribute('aria-label');
    copy.style.cssText = 'max-width: none; width: auto; position: absolute; visibility: hidden;';
    el.parentElement!.appendChild(copy);
    const natural = copy.getBoundingClientRect().width;
    copy.remove();
    return el.getBoundingClientRect().width >= natural - 0.5;
  });
}

for (const [width, height] of [[900, 700], [1280, 720], [1920, 1080]]) {
  test(`at ${width}x${height} the Prediction and Compare menus show their labels whole; a long one ends in … and is whole in the title`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await expect(page.getByLabel('Prediction')).toContainText('1: one (score 0.5)');
    expect(await showsWhole(page, 'Prediction')).toBe(true);
    const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels></View>';
    const long = 'yolov8x-seg-finetuned-2024-05-01-run-17';
    const prediction = (model_version: string, score: number) => ({ model_version, score, result: [{ id: `${score}`, from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 100, original_height: 100, value: { x: 10, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Car'] } }] });
    await openFiles(page, [
      { name: 'long.xml', text: config },
      { name: 'long.json', text: JSON.stringify([{ data: { image: 'none.png' }, predictions: [prediction(long, 0.91), prediction('short', 0.5)] }]) },
    ]);
    await expect(page.getByText('1 region', { exact: true })).toBeVisible();
    const menu = page.getByLabel('Prediction');
    await expect(menu).toHaveAttribute('title', `1: ${long} (score 0.91)`);
    // Too long to show whole in the toolbar: it ends in "…" and says the whole label in its title.
    expect(await showsWhole(page, 'Prediction')).toBe(false);
    expect(await menu.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    await page.getByLabel('Compare with').selectOption('1');
    expect(await showsWhole(page, 'Compare with')).toBe(true);
    await menu.selectOption({ label: '2: short (score 0.5)' });
    expect(await showsWhole(page, 'Prediction')).toBe(true);
    await fits(page, width);
  });
}

for (const [width, height] of [[1280, 720], [1920, 1080], [900, 700]]) {
  test(`at ${width}x${height} the notice of an image that does not load hides no region: the fitted view (and Fit) leave its room free`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    // A box at the very top of a tall image (y = 0: fitted, the image spans the canvas's height), which cannot be loaded.
    const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels></View>';
    const box = { id: 'top', from_name: 'label', to_name: 'image', type: 'rectanglelabels', original_width: 200, original_height: 600, value: { x: 0, y: 0, width: 100, height: 5, rotation: 0, rectanglelabels: ['Car'] } };
    await openFiles(page, [
      { name: 'top.xml', text: config },
      { name: 'top.json', text: JSON.stringify([{ data: { image: '/no/such/image.jpg' }, predictions: [{ result: [box] }] }]) },
    ]);
    const canvas = page.getByTestId('canvas-image');
    await expect(canvas).toHaveAttribute('data-image-status', 'error');
    let notice = page.getByRole('status').filter({ hasText: 'could not be loaded' });
    await expect(notice).toBeVisible();
    const imageArea = async () => {
      const view = JSON.parse((await canvas.getAttribute('data-view'))!);
      const c = (await canvas.boundingBox())!;
      return { top: c.y + view.y, bottom: c.y + view.y + 600 * view.scale, left: c.x + view.x, right: c.x + view.x + 200 * view.scale, canvas: c };
    };
    const check = async () => {
      const n = (await notice.boundingBox())!;
      const a = await imageArea();
      // The whole image (and so every region on it) is below the notice and inside the canvas.
      expect(a.top).toBeGreaterThanOrEqual(n.y + n.height);
      expect(a.bottom).toBeLessThanOrEqual(a.canvas.y + a.canvas.height + 0.5);
      expect(a.left).toBeGreaterThanOrEqual(a.canvas.x - 0.5);
      expect(a.right).toBeLessThanOrEqual(a.canvas.x + a.canvas.width + 0.5);
      // Not shrunk to nothing: it takes most of the room left.
      expect(Math.max((a.bottom - a.top) / (a.canvas.y + a.canvas.height - n.y - n.height), (a.right - a.left) / a.canvas.width)).toBeGreaterThan(0.9);
    };
    await check();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
    await check();
    // The task names no image at all: said in the same place, with the same room left.
    await openFiles(page, [{ name: 'none.json', text: JSON.stringify([{ data: {}, predictions: [{ result: [box] }] }]) }]);
    await expect(canvas).toHaveAttribute('data-image-status', 'missing');
    notice = page.getByRole('status').filter({ hasText: 'no image URL' });
    await expect(notice).toBeVisible();
    await check();
  });
}
