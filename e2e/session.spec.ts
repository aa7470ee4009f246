// Nothing lost: the session survives a reload, with its edits and the dropped images.
import { expect, test, type Page } from '@playwright/test';
import { fixture, openApp, openFiles, problems } from './helpers';

/** What the session stores as the tasks text's base: the opened file ('file') or a copy of its text ('text'). */
const savedBase = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('prelabel');
        req.onsuccess = () => {
          const get = req.result.transaction('session').objectStore('session').get('base');
          get.onsuccess = () => resolve(get.result.file instanceof Blob && get.result.text === undefined ? 'file' : 'text');
        };
      }),
  );

test('config, tasks, edits and dropped images are restored after a reload', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', path: fixture('flags.json') },
    { name: 'street.jpg', path: 'public/samples/sample.png', mimeType: 'image/png' },
  ]);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix:/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await page.getByLabel('Task number').fill('3');
  await page.getByLabel('Task number').press('Enter');
  // Give the debounced save its pause.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your session' })).toBeVisible();
  await expect(page.getByLabel('Task number')).toHaveValue('3');
  await expect(page.getByText('changes not exported')).toBeVisible();
  await page.getByLabel('Task number').fill('1');
  await page.getByLabel('Task number').press('Enter');
  await expect(page.getByText('4 regions')).toBeVisible();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
});

test('the restored tasks text is the opened one byte for byte: a byte order mark, emoji, accents and line ends', async ({ page }) => {
  await openApp(page);
  const text = '\ufeff[\r\n  {"id": 1, "data": {"image": "a.png", "note": "café 🚗 \\u00e9"}, "predictions": []}\r\n]\r\n';
  const bytes = Buffer.from(text, 'utf8');
  await page.getByLabel('Open files').setInputFiles([{ name: 'bom.json', mimeType: 'application/json', buffer: bytes }]);
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText('café 🚗');
  const version = await page.locator('.app').getAttribute('data-tasks-version');
  await expect(page.locator('html')).toHaveAttribute('data-session-saved', version!);
  // Kept by reference to the opened file, not as a copy of its text (a copy of a big text blocks the page).
  expect(await savedBase(page)).toBe('file');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your session' })).toBeVisible();
  const { readFileSync } = await import('node:fs');
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    return readFileSync((await download.path())!);
  };
  expect((await exported()).equals(bytes)).toBe(true);
  // The session keeps the opened file as its base: saved again after the restore and reloaded, still the same bytes.
  await expect(page.locator('html')).toHaveAttribute('data-session-saved', version!);
  expect(await savedBase(page)).toBe('file');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your session' })).toBeVisible();
  expect((await exported()).equals(bytes)).toBe(true);
});
