// readonly and hidden flags, findings and dropped results as a person sees them.
import { expect, test } from '@playwright/test';
import { openFixture, regions } from './helpers';

test.beforeEach(async ({ page }) => {
  await openFixture(page, 'flags', 4);
});

test('each region item says its id, label, score and flags', async ({ page }) => {
  await expect(regions(page).nth(0)).toContainText('locked');
  await expect(regions(page).nth(0)).toContainText('Car');
  await expect(regions(page).nth(0)).toContainText('score 0.91');
  await expect(regions(page).nth(0)).toContainText('readonly');
  await expect(regions(page).nth(1)).toContainText('hidden');
  await expect(regions(page).nth(1)).not.toContainText('readonly');
  await expect(regions(page).nth(2)).toContainText('1 problem');
  await expect(regions(page).nth(3)).toContainText('dropped by Label Studio');
});

test('a hidden region is not drawn until shown with its eye, or with "Show hidden"', async ({ page }) => {
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-regions-drawn', '3');
  await page.getByRole('button', { name: 'Show region ghost' }).click();
  await expect(canvas).toHaveAttribute('data-regions-drawn', '4');
  await page.getByRole('button', { name: 'Hide region ghost' }).click();
  await expect(canvas).toHaveAttribute('data-regions-drawn', '3');
  await page.getByLabel(/Show hidden/).check();
  await expect(canvas).toHaveAttribute('data-regions-drawn', '4');
});

test('navigation: next task, jump to a task, next task with problems, prediction switcher', async ({ page }) => {
  await page.getByRole('button', { name: 'Next task', exact: true }).click();
  await expect(page.getByText('0 regions')).toBeVisible();
  await page.getByLabel('Task number').fill('3');
  await page.getByLabel('Task number').press('Enter');
  await expect(regions(page)).toHaveCount(1);
  await expect(page.getByLabel('Prediction')).toContainText('1: a (score 0.3)');
  await page.getByLabel('Prediction').selectOption({ label: '2: b (score 0.6)' });
  await expect(page.getByText('0 regions')).toBeVisible();
  await page.getByRole('button', { name: 'Next task with problems' }).click();
  await expect(page.getByLabel('Task number')).toHaveValue('1');
  await page.getByRole('button', { name: 'Next task with problems' }).click();
  await expect(page.getByLabel('Task number')).toHaveValue('3');
});
