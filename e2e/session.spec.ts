// Nothing lost: the session survives a reload, with its edits and the dropped images.
import { expect, test } from '@playwright/test';
import { fixture, openApp, openFiles, problems } from './helpers';

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
