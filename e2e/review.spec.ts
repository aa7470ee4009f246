// Reviewing: labels by number keys and from the list, Tab through regions, the score threshold, the help.
import { expect, test } from '@playwright/test';
import { openApp, openFiles, openFixture, regions } from './helpers';

test('number keys and the Label list relabel the selected region; Alt+. walks the regions', async ({ page }) => {
  await openApp(page);
  await regions(page).filter({ hasText: 'result1' }).click();
  await page.keyboard.press('2');
  await expect(regions(page).filter({ hasText: 'result1' })).toContainText('Car');
  await regions(page).filter({ hasText: 'result1' }).getByLabel('Label').selectOption('Airplane');
  await expect(regions(page).filter({ hasText: 'result1' })).toContainText('Airplane');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Alt+Period');
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

test("the Label list gives each label the key that sets it (Label Studio numbers every control's options in turn)", async ({ page }) => {
  await openApp(page);
  const row = regions(page).filter({ hasText: 'result1' });
  await row.click();
  const select = row.getByLabel('Label');
  const options = await select.locator('option').allTextContents();
  const keyed = options.map((o) => /^(\w): (.+)$/.exec(o)).filter((m): m is RegExpExecArray => !!m);
  expect(keyed.length).toBeGreaterThan(1);
  // Each key in both orders: the region ends up with the label the list gives that key.
  for (const [, key, label] of [...keyed, ...keyed.reverse()]) {
    await page.keyboard.press(key);
    await expect(select).toHaveValue(label);
  }
});

for (const [width, height] of [[1280, 720], [900, 700]])
  test(`the list of shortcuts fits a window of ${width}x${height}, scrolls, and holds the focus while open`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const before = page.getByRole('button', { name: 'Export', exact: true });
    await before.focus();
    await expect(before).toBeFocused();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Ctrl+Z');
    await expect(help).toBeFocused();
    const box = (await help.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // The descriptions are read in lines, not a word a line, and inside the panel (no sideways scrolling).
    for (const text of ['Delete the selected region', 'Nudge the selected shape']) {
      const td = (await help.getByRole('row').filter({ hasText: text }).first().locator('td').boundingBox())!;
      expect(td.width, text).toBeGreaterThan(150);
      expect(td.x + td.width, text).toBeLessThanOrEqual(box.x + box.width);
    }
    const close = help.getByRole('button', { name: 'Close' });
    await close.scrollIntoViewIfNeeded();
    await close.click();
    await expect(help).toHaveCount(0);
    await expect(before).toBeFocused();
  });

test('two predictions compared: the other model is overlaid in a distinct style (text and image)', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ner');
  await page.getByLabel('Compare with').selectOption({ label: '2: two' });
  const text = page.getByRole('region', { name: 'Text text' });
  await expect(text.locator('.span-tag.compare')).toHaveCount(5);
  // Only model two found "Passover": a dashed underline, not a highlight.
  await expect(text.locator('.compared')).toHaveText(['Passover']);
  await expect(text.locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter']);
  await page.getByLabel('Compare with').selectOption('');
  await expect(text.locator('.span-tag.compare')).toHaveCount(0);

  // On an image: the other prediction's boxes are drawn over this one's.
  await openFixture(page, 'flags', 4);
  await page.getByLabel('Task number').fill('3');
  await page.getByLabel('Task number').press('Enter');
  await page.getByLabel('Prediction').selectOption({ label: '2: b (score 0.6)' });
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-compared', '0');
  await page.getByLabel('Compare with').selectOption({ label: '1: a' });
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-compared', '1');
});

test('flags for all regions of a label, duplicate, accept and reject', async ({ page }) => {
  await openApp(page);
  const flags = page.getByRole('group', { name: 'Flags for many regions' });
  await flags.getByLabel('Regions to flag').selectOption('Car');
  await flags.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(regions(page).filter({ hasText: 'result2' })).toContainText('readonly');
  await expect(regions(page).filter({ hasText: 'result1' })).not.toContainText('readonly');
  await flags.getByLabel('Regions to flag').selectOption('');
  await flags.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(regions(page).filter({ hasText: 'hidden' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(regions(page).filter({ hasText: 'hidden' })).toHaveCount(0);

  await regions(page).filter({ hasText: 'result1' }).click();
  await page.keyboard.press('Control+d');
  await expect(page.getByText('3 regions')).toBeVisible();
  // The copy is selected; reject it (R): deleted, and the next region is selected.
  await page.keyboard.press('r');
  await expect(page.getByText('2 regions')).toBeVisible();
  await regions(page).filter({ hasText: 'result1' }).click();
  await page.keyboard.press('a');
  await expect(regions(page).filter({ hasText: 'result2' })).toHaveAttribute('aria-selected', 'true');
  // result2 is readonly now: rejecting it is refused.
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: 'readonly' })).toBeVisible();
  // L unlocks it, H hides it (and H again shows it).
  await page.keyboard.press('l');
  await expect(regions(page).filter({ hasText: 'result2' })).not.toContainText('readonly');
  await page.keyboard.press('h');
  await expect(regions(page).filter({ hasText: 'result2' })).toContainText('hidden');
  await page.keyboard.press('h');
  await expect(regions(page).filter({ hasText: 'result2' })).not.toContainText('hidden');
  await page.keyboard.press('l');
  await page.keyboard.press('r');
  await expect(page.getByText('2 regions')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'readonly' })).toContainText('unlock it to reject it');
});

test('multi-label controls toggle labels with checkboxes and number keys', async ({ page }) => {
  await openApp(page);
  const config = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image" choice="multiple"><Label value="Car"/><Label value="Red"/><Label value="Old"/></RectangleLabels></View>';
  const tasks = [{ data: { image: 'x.png' }, predictions: [{ model_version: 'm', result: [{ id: 'b1', from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: { x: 10, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Car'] } }] }] }];
  await openFiles(page, [
    { name: 'multi.xml', text: config },
    { name: 'multi.json', text: JSON.stringify(tasks) },
  ]);
  await regions(page).first().click();
  await regions(page).first().getByRole('checkbox', { name: 'Red' }).check();
  await expect(regions(page).first()).toContainText('Car, Red');
  await page.keyboard.press('3');
  await expect(regions(page).first()).toContainText('Car, Red, Old');
  await page.keyboard.press('1');
  await expect(regions(page).first()).toContainText('Red, Old');
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
});
