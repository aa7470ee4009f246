// Opening the app: the sample project loads and the core's verdict on it shows, computed in the browser.
import { expect, test } from '@playwright/test';

test('the app opens with the sample project checked', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'prelabel' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('1 tasks, 1 predictions, 3 results: 0 errors');
});

test('a sample with a stale from_name shows the problem, found by the core in the browser', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Sample').selectOption({ label: 'Troubleshooting: a stale from_name (text)' });
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'unknown-from-name' })).toContainText('Did you mean "label"?');
});
