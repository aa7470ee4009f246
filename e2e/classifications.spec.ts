// Editing whole-task answers: choices (single and multiple), rating, textarea, number, datetime, taxonomy.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openFixture } from './helpers';

test('answers are edited against the config, each one undo step, and exported', async ({ page }) => {
  await openFixture(page, 'classes', 0);
  const panel = page.getByRole('list', { name: 'Classifications' });
  // Single choice: radio buttons; picking another replaces it.
  await expect(panel.getByRole('radio', { name: 'Negative' })).toBeChecked();
  await panel.getByRole('radio', { name: 'Positive' }).check();
  await expect(panel.getByRole('radio', { name: 'Negative' })).not.toBeChecked();
  // Multiple: both stay.
  await panel.getByRole('checkbox', { name: 'Sports' }).check();
  await panel.getByRole('checkbox', { name: 'Politics' }).check();
  await panel.getByRole('button', { name: '4 stars' }).click();
  await panel.getByLabel('summary text').fill('A win at home.');
  await panel.getByLabel('summary text').press('Enter');
  await panel.getByLabel('count number').fill('3');
  await panel.getByLabel('count number').press('Enter');
  await panel.getByLabel('when date').fill('2024-05-01');
  await panel.getByLabel('when date').press('Enter');
  await panel.getByLabel('Add to kind').selectOption({ label: 'News / Local' });
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result;
  const byName = Object.fromEntries(result.map((r: { from_name: string; value: unknown }) => [r.from_name, r.value]));
  expect(byName).toEqual({
    sentiment: { choices: ['Positive'] },
    topics: { choices: ['Sports', 'Politics'] },
    stars: { rating: 4 },
    summary: { text: ['A win at home.'] },
    count: { number: 3 },
    when: { datetime: '2024-05-01' },
    kind: { taxonomy: [['News', 'Local']] },
  });
  // Clicking the chosen answer clears it and removes the result; undo brings it back.
  await panel.getByRole('radio', { name: 'Positive' }).click();
  await expect(panel.getByRole('radio', { name: 'Positive' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('radio', { name: 'Positive' })).toBeChecked();
});

test('a TextArea answer of several texts shows each one; editing one keeps the others; a text with a line break stays one text', async ({ page }) => {
  await openFixture(page, 'classes', 0);
  const config = readFileSync('e2e/fixtures/classes.xml', 'utf8');
  const tasks = JSON.parse(readFileSync('e2e/fixtures/classes.json', 'utf8'));
  tasks[0].predictions[0].result = [{ id: 't', from_name: 'summary', to_name: tasks[0].predictions[0].result[0]?.to_name ?? 'text', type: 'textarea', value: { text: ['Hello', 'World', 'two\nlines'] } }];
  await page.getByLabel('Open files').setInputFiles([
    { name: 'classes.xml', mimeType: 'text/xml', buffer: Buffer.from(config) },
    { name: 'texts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks, null, 2)) },
  ]);
  const panel = page.getByRole('list', { name: 'Classifications' });
  await expect(panel.getByLabel('summary text 1')).toHaveValue('Hello');
  await expect(panel.getByLabel('summary text 2')).toHaveValue('World');
  await expect(panel.getByLabel('summary text 3')).toHaveValue('two\nlines');
  await panel.getByLabel('summary text 2').fill('World!');
  await panel.getByLabel('summary text 2').press('Enter');
  await expect(panel.getByLabel('summary text 2')).toHaveValue('World!');
  await panel.getByLabel('summary add a text').fill('More');
  await panel.getByLabel('summary add a text').press('Enter');
  await expect(panel.getByLabel('summary text 4')).toHaveValue('More');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result;
  expect(result[0].value.text).toEqual(['Hello', 'World!', 'two\nlines', 'More']);
});
