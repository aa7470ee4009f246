// The Problems list: rule id first, then the message; a click selects the region and scrolls the pane.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, openApp, openFiles, problems, regions } from './helpers';

test('problems of the current task, the file-wide count, and a click that finds the place', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', path: fixture('flags.json') },
  ]);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('3 in the file (3 errors, 0 warnings, 0 infos)');
  const texts = await problems(page).allTextContents();
  expect(texts.map((t) => t.split(' ')[0])).toEqual(['unknown-label', 'unknown-from-name']);
  expect(texts[0]).toContain('Label "car" is not in "label"');
  await problems(page).filter({ hasText: 'unknown-from-name' }).getByRole('button').first().click();
  await expect(regions(page).filter({ hasText: 'stale' })).toHaveAttribute('aria-selected', 'true');
  // The Tasks pane moved its cursor to the offending from_name.
  const line = page.locator('[data-pane="Tasks"] .cm-activeLine');
  await expect(line).toContainText('"from_name": "labels"');
  // The pane underlines it too.
  await expect(page.locator('[data-pane="Tasks"] .cm-lintRange-error').first()).toBeVisible();
});

test('typing in the Tasks pane re-validates', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  const editor = page.locator('[data-pane="Tasks"] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+End');
  // Break the JSON at the end: the last good preview stays.
  await page.keyboard.type(',');
  await expect(problems(page).first()).toContainText('json-syntax');
  await expect(page.getByText('2 regions')).toBeVisible();
  const marks = page.locator('[data-pane="Tasks"] .cm-lintRange-error, [data-pane="Tasks"] .cm-lintPoint-error');
  await expect(marks.first()).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  // The last finding gone, its mark goes too (the pane skips only a change from no marks to no marks).
  await expect(marks).toHaveCount(0);
  await expect(page.locator('[data-pane="Tasks"] .cm-lint-marker')).toHaveCount(0);
});

test('infos count in the file-wide number too', async ({ page }) => {
  await openApp(page);
  // A prediction without model_version: an info, listed and counted.
  await openFiles(page, [{ name: 'no-version.json', text: JSON.stringify([{ data: { image: '/static/samples/sample.jpg' }, predictions: [{ result: [] }] }]) }]);
  await expect(problems(page)).toHaveCount(1);
  await expect(problems(page).first()).toContainText('missing-model-version');
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('1 in the file (0 errors, 0 warnings, 1 info)');
});

test('a tasks file with no predictions at all: one note (an info) for the file, on every task', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [{ name: 'raw.json', text: JSON.stringify([{ data: { image: '/static/samples/sample.jpg' } }, { data: { image: '/static/samples/sample.jpg' } }], null, 2) }]);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('1 in the file (0 errors, 0 warnings, 1 info)');
  await expect(problems(page)).toHaveCount(1);
  await expect(problems(page).first()).toContainText('no-predictions None of the 2 tasks has predictions');
  await page.getByLabel('Task number').fill('2');
  await page.getByLabel('Task number').press('Enter');
  await expect(problems(page)).toHaveCount(1);
});

test('HyperText: a span whose XPath names no node says where it stops; the fix moves it to its globalOffsets, where Label Studio shows it', async ({ page }) => {
  const config = '<View><HyperText name="html" value="$html"/><HyperTextLabels name="ner" toName="html"><Label value="PER"/></HyperTextLabels></View>';
  const value = { start: '/p[3]/text()[1]', end: '/p[3]/text()[1]', startOffset: 0, endOffset: 3, globalOffsets: { start: 18, end: 21 }, text: 'one', hypertextlabels: ['PER'] };
  const tasks = [{ data: { html: '<p>First para.</p><p>Second one here</p>' }, predictions: [{ model_version: 'm', result: [{ id: 's1', from_name: 'ner', to_name: 'html', type: 'hypertextlabels', value }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'ht.xml', text: config },
    { name: 'ht.json', text: JSON.stringify(tasks, null, 2) },
  ]);
  const found = problems(page).filter({ hasText: 'span-out-of-range' });
  await expect(found).toHaveCount(2);
  await expect(found.first()).toContainText('/p[3] does not exist: the content root has 2 <p> children');
  await found.getByRole('button', { name: 'Fix: Set the XPaths from globalOffsets 18..21' }).click();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('0 in the file');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[0];
  expect(result.value).toEqual({ ...value, start: '/p[2]/text()[1]', startOffset: 7, end: '/p[2]/text()[1]', endOffset: 10 });
});

test('HyperText: "Move the span" that changes one end says 1 change, as the exported file differs in one value', async ({ page }) => {
  const config = '<View><HyperText name="html" value="$html"/><HyperTextLabels name="ner" toName="html"><Label value="PER"/></HyperTextLabels></View>';
  // endOffset one short: the span covers "Bo", its text says "Bob".
  const value = { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 10, endOffset: 12, text: 'Bob', hypertextlabels: ['PER'] };
  const tasks = [{ data: { html: '<p>Alice met Bob today.</p>' }, predictions: [{ model_version: 'm', result: [{ id: 's1', from_name: 'ner', to_name: 'html', type: 'hypertextlabels', value }] }] }];
  await openApp(page);
  await openFiles(page, [
    { name: 'ht.xml', text: config },
    { name: 'ht.json', text: JSON.stringify(tasks, null, 2) },
  ]);
  const fix = problems(page).getByRole('button', { name: 'Fix: Move the span to 10..13' });
  await fix.click();
  await expect(page.getByRole('status').filter({ hasText: 'Move the span' })).toContainText('Move the span to 10..13 (1 change). Ctrl+Z undoes it.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[0];
  expect(result.value).toEqual({ ...value, endOffset: 13 });
});
