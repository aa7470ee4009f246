// A big tasks file is shown at once and checked in a Web Worker: the page answers while it checks, and the
// findings in the end are those of a full check.
import { expect, test } from '@playwright/test';
import { openApp, openFiles } from './helpers';

const CONFIG = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels></View>';

test('2,000 tasks x 20 boxes with one stale from_name each: first task at once, then all 2,000 findings', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const tasks = Array.from({ length: 2000 }, (_, t) => ({
    data: { image: `/img/${t}.png` },
    predictions: [
      {
        model_version: 'm',
        result: Array.from({ length: 20 }, (_, r) => ({ id: `t${t}r${r}`, from_name: r === 0 ? 'labelz' : 'label', to_name: 'image', type: 'rectanglelabels', value: { x: r, y: 1, width: 2, height: 2, rotation: 0, rectanglelabels: ['Car'] } })),
      },
    ],
  }));
  const text = JSON.stringify(tasks, null, 2);
  expect(text.length).toBeGreaterThan(2_000_000);
  await openFiles(page, [
    { name: 'c.xml', text: CONFIG },
    { name: 'big.json', text },
  ]);
  await expect(page.getByText('20 regions', { exact: true })).toBeVisible({ timeout: 30_000 });
  // The page answers while the worker checks: moving to the next task works at once.
  await page.getByLabel('Task number').fill('2');
  await page.getByLabel('Task number').press('Enter');
  await expect(page.getByLabel('Task number')).toHaveValue('2');
  await expect(page.locator('.app')).toHaveAttribute('data-checking', 'no', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('2000 errors');
  // The worker finished the check (had it failed, the page would say it checked here instead).
  await expect(page.getByRole('status').filter({ hasText: 'background check stopped' })).toHaveCount(0);
  // An edit after the check is checked at once: fixing all of them leaves no error.
  await page.getByRole('list', { name: 'Problems' }).getByRole('listitem').first().getByRole('button', { name: 'Fix all 2000 like this' }).click();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 errors', { timeout: 30_000 });
});

test('while the worker has not reached a task, its Problems say it is still being checked, not that it has none', async ({ page }) => {
  test.setTimeout(120_000);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/analysisWorker/, async (route) => {
    await held;
    await route.continue();
  });
  // Wide enough for a one-row header.
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const canvasHeight = async () => (await page.getByTestId('canvas-image').boundingBox())!.height;
  const before = await canvasHeight();
  const tasks = Array.from({ length: 300 }, (_, t) => ({
    data: { image: `/img/${t}.png` },
    predictions: [{ model_version: 'm', result: Array.from({ length: 20 }, (_, r) => ({ id: `t${t}r${r}`, from_name: r === 0 ? 'labelz' : 'label', to_name: 'image', type: 'rectanglelabels', value: { x: r, y: 1, width: 2, height: 2, rotation: 0, rectanglelabels: ['Car'] } })) }],
  }));
  const text = JSON.stringify(tasks, null, 2);
  expect(text.length).toBeGreaterThan(2_000_000);
  await openFiles(page, [
    { name: 'c.xml', text: CONFIG },
    { name: 'big.json', text },
  ]);
  await expect(page.getByText('20 regions', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Task number').fill('300');
  await page.getByLabel('Task number').press('Enter');
  await expect(page.getByText('This task is still being checked…')).toBeVisible();
  await expect(page.getByText('No problems in this task.')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('so far');
  // The progress sits in the status line: the header keeps its height, and the canvas is not resized.
  await expect(page.getByLabel('Checking tasks')).toBeVisible();
  expect(await canvasHeight()).toBe(before);
  release();
  await expect(page.locator('.app')).toHaveAttribute('data-checking', 'no', { timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'labelz' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('300 errors');
  await expect(page.getByRole('heading', { name: /Problems/ })).not.toContainText('so far');
});
