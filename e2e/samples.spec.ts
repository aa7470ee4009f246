// The app opens with the guide's bounding-box example, and every sample of the menu renders.
import { expect, test } from '@playwright/test';
import { openApp, problems, regions } from './helpers';

test('opens with the bounding-box sample: two boxes on the sample image, the choice, no problems', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-regions-drawn', '2');
  await expect(regions(page).nth(0)).toContainText('result1');
  await expect(regions(page).nth(0)).toContainText('Airplane');
  // choice="single" (the default): radio buttons, as Label Studio draws them.
  await expect(page.getByRole('radio', { name: 'Airbus' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Boeing' })).not.toBeChecked();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
});

const cases: [string, string, number, string[]][] = [
  ['shapes', 'Unlabeled rectangle, polygon, ellipse and keypoint (image)', 4, ['type-mismatch']],
  ['ner', 'Named entities from two models (text)', 4, []],
  ['ocr', 'OCR: box, label and transcription sharing an id (image)', 1, []],
  ['troubleshooting', 'Troubleshooting: a stale from_name (text)', 1, ['missing-model-version', 'unknown-from-name']],
];

for (const [id, title, count, rules] of cases) {
  test(`sample "${id}" renders`, async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Sample').selectOption({ label: title });
    await expect(page.getByRole('status').filter({ hasText: 'Sample:' })).toContainText(title);
    await expect(page.getByText(`${count} region${count === 1 ? '' : 's'}`, { exact: true })).toBeVisible();
    await expect(regions(page)).toHaveCount(count);
    const items = await problems(page).allTextContents();
    expect(items.map((t) => t.split(' ')[0])).toEqual(rules);
  });
}

test('NER: spans are highlighted over the right words (code point offsets), the second model is one switch away', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ner');
  const text = page.getByRole('region', { name: 'Text text' });
  await expect(text.locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter']);
  await page.getByLabel('Prediction').selectOption({ label: '2: two (score 0.42)' });
  await expect(text.locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter', 'Passover']);
  await page.getByRole('button', { name: 'Next task', exact: true }).click();
  await expect(text.locator('mark')).toHaveText(['several inches', 'one', 'Sunny', 'hundreds', 'Niyati']);
});

test('OCR: the box, its label and its transcription are one region', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ocr');
  await expect(regions(page).first()).toContainText('bb1');
  await expect(regions(page).first()).toContainText('Text');
  await regions(page).first().click();
  await expect(regions(page).first()).toContainText('transcription: TOTAL');
});
