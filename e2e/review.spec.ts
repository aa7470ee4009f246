// Reviewing: labels by number keys and from the list, Tab through regions, the score threshold, the help.
import { expect, test } from '@playwright/test';
import { openApp, regions } from './helpers';

test('number keys and the Label list relabel the selected region; Tab walks the regions', async ({ page }) => {
  await openApp(page);
  await regions(page).filter({ hasText: 'result1' }).click();
  await page.keyboard.press('2');
  await expect(regions(page).filter({ hasText: 'result1' })).toContainText('Car');
  await regions(page).filter({ hasText: 'result1' }).getByLabel('Label').selectOption('Airplane');
  await expect(regions(page).filter({ hasText: 'result1' })).toContainText('Airplane');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  await expect(regions(page).filter({ hasText: 'result2' })).toHaveAttribute('aria-selected', 'true');
});

test('a score threshold hides regions under it, with the count hidden', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ner');
  await expect(page.getByText('4 regions')).toBeVisible();
  await page.getByLabel('Min score').fill('0.6');
  await expect(page.getByText('3 regions')).toBeVisible();
  await expect(page.getByText('1 below')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Text text' }).locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend']);
});

test('? lists the keyboard shortcuts', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+Z');
  await expect(help).toContainText('Delete the selected region');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});
