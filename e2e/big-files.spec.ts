// Big files and work kept: a bulk lock on 10,000 boxes, opening another file over unexported edits, and
// Undo after a reload.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, openApp, openFiles, openFixture, problems } from './helpers';

const CONFIG = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Bus"/></RectangleLabels></View>';

function boxes(n: number) {
  const result = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    from_name: 'label',
    to_name: 'image',
    type: 'rectanglelabels',
    value: { x: (i % 100) * 0.9, y: Math.floor(i / 100) * 0.9, width: 0.8, height: 0.8, rotation: 0, rectanglelabels: [i % 3 ? 'Car' : 'Bus'] },
  }));
  return JSON.stringify([{ data: { image: '/samples/sample.png' }, predictions: [{ model_version: 'gen', score: 0.5, result }] }], null, 2);
}

async function exported(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** Opens the app, then `n` boxes of one task, and locks them all (one bulk action); the tasks text opened. */
async function openAndLockAll(page: Page, n: number): Promise<string> {
  await openApp(page);
  const text = boxes(n);
  await openFiles(page, [
    { name: 'big.xml', text: CONFIG },
    { name: 'big.json', text },
  ]);
  await expect(page.getByText(`${n} regions`, { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('group', { name: 'Flags for many regions' }).getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Set readonly on all regions (${n} regions)`, { timeout: 30_000 });
  return text;
}

/** Wait until the session in the browser holds the current tasks version. */
async function sessionSaved(page: Page) {
  await page.waitForFunction(() => {
    const saved = document.documentElement.dataset.sessionSaved;
    return saved !== undefined && saved === document.querySelector('[data-tasks-version]')?.getAttribute('data-tasks-version');
  });
}

test('lock all 10,000 boxes of a task: one step, and the export has every box readonly and nothing else changed', async ({ page }) => {
  test.setTimeout(120_000);
  const text = await openAndLockAll(page, 10000);
  const out = JSON.parse(await exported(page));
  const input = JSON.parse(text);
  expect(out[0].predictions[0].result.every((r: { readonly?: boolean }) => r.readonly === true)).toBe(true);
  for (const r of out[0].predictions[0].result) delete r.readonly;
  expect(out).toEqual(input);
  // The Tasks pane shows the locked text (10,000 changes go into it as one replacement).
  const pane = page.locator('[data-pane="Tasks"]');
  await expect(page.getByText('Loading the text into the editor')).toHaveCount(0);
  await expect(pane.locator('.cm-content')).toContainText('"readonly": true');
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await exported(page)).toBe(text);
  await expect(page.getByText('Loading the text into the editor')).toHaveCount(0);
  await expect(pane.locator('.cm-content')).not.toContainText('"readonly": true');
  // What the pane holds is the text: typing at its end is exported as typed.
  await pane.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  const version = await page.locator('.app').getAttribute('data-tasks-version');
  await page.keyboard.type(' ');
  await expect(page.locator('.app')).not.toHaveAttribute('data-tasks-version', version!);
  expect(await exported(page)).toBe(text + ' ');
});

test('a bulk edit of a compact one-line file: the Tasks pane holds exactly the edited text (typing near its end is exported as typed)', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // One line of JSON (json.dump without indent) and a final line break: the pane's reload of the edited span
  // must stop at the span's end, not at the line break after it.
  const text = `${JSON.stringify(JSON.parse(boxes(10000)))}\n`;
  await openFiles(page, [
    { name: 'big.xml', text: CONFIG },
    { name: 'big.json', text },
  ]);
  await expect(page.getByText('10000 regions', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('group', { name: 'Flags for many regions' }).getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Set readonly on all regions (10000 regions)', { timeout: 30_000 });
  const locked = await exported(page);
  expect(locked).toBe(text.replaceAll(/("rectanglelabels":\["(?:Car|Bus)"\]\})\}/g, '$1, "readonly": true}'));
  const pane = page.locator('[data-pane="Tasks"]');
  await expect(page.getByText('Loading the text into the editor')).toHaveCount(0);
  // Two characters back from the end ("]" and the line break): a space typed there lands there in the file.
  await pane.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const version = await page.locator('.app').getAttribute('data-tasks-version');
  await page.keyboard.type(' ');
  await expect(page.locator('.app')).not.toHaveAttribute('data-tasks-version', version!);
  expect(await exported(page)).toBe(`${locked.slice(0, -2)} ${locked.slice(-2)}`);
});

test('opening another tasks file over edits not exported asks first; Undo brings the edits back', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix:/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);

  const other = [{ data: { image: 'x.png' }, predictions: [{ model_version: 'm', result: [] }] }];
  await openFiles(page, [{ name: 'other.json', text: JSON.stringify(other) }]);
  const dialog = page.getByRole('dialog', { name: 'Changes not exported' });
  await expect(dialog).toContainText('Opening other.json replaces them');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('4 regions')).toBeVisible();

  await openFiles(page, [{ name: 'other.json', text: JSON.stringify(other) }]);
  await dialog.getByRole('button', { name: 'Discard changes and open' }).click();
  await expect(page.getByText('0 regions')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tasks pane' }).or(page.locator('section[aria-label="Tasks pane"] h2'))).toContainText('other.json');

  // Undo the opening: the edited flags tasks come back, with the fix applied.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('4 regions')).toBeVisible();
  await expect(page.locator('section[aria-label="Tasks pane"] h2')).toContainText('flags.json');
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(1);
});

test('Undo still works after a reload: the history is kept in the session', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  const input = readFileSync(fixture('flags.json'), 'utf8');
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix:/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await sessionSaved(page);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your session' })).toBeVisible();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(1);
  expect(await exported(page)).toBe(input);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
});

test('a bulk lock survives a reload with its undo: its thousands of changes are kept in the session', async ({ page }) => {
  test.setTimeout(120_000);
  const text = await openAndLockAll(page, 2000);
  const locked = await exported(page);
  await sessionSaved(page);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your session' })).toBeVisible({ timeout: 30_000 });
  expect(await exported(page)).toBe(locked);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone', { timeout: 30_000 });
  expect(await exported(page)).toBe(text);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('status')).toContainText('Redone', { timeout: 30_000 });
  expect(await exported(page)).toBe(locked);
});

/** The colour of the first token of the tasks pane that reads `text` (a string, number or literal). */
const tokenColour = (page: Page, text: string) =>
  page
    .getByLabel('Tasks pane')
    .locator('.cm-content span', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first()
    .evaluate((el) => getComputedStyle(el).color);

test('a tasks text too big for a syntax tree is still coloured where it is shown, without folding', async ({ page }) => {
  await openApp(page);
  // The sample's tasks are small: coloured from their syntax tree, with folding.
  const tasks = page.getByLabel('Tasks pane');
  await expect(tasks.locator('.cm-foldGutter')).toHaveCount(1);
  for (const [n, name] of [
    [500, 'mid.json'],
    [1200, 'big.json'],
  ] as const) {
    const text = boxes(n);
    expect(text.length).toBeGreaterThan(100_000);
    await openFiles(page, [
      { name: 'boxes.xml', text: CONFIG },
      { name, text },
    ]);
    await expect(page.getByText(`${n} regions`, { exact: true })).toBeVisible();
    // Strings, numbers and literals in view have the highlight style's colours (#a11, #164, #219).
    await expect.poll(() => tokenColour(page, '"/samples/sample.png"')).toBe('rgb(170, 17, 17)');
    expect(await tokenColour(page, '0.5')).toBe('rgb(17, 102, 68)');
    expect(await tokenColour(page, '"Bus"')).toBe('rgb(170, 17, 17)');
    await expect(tasks.locator('.cm-foldGutter')).toHaveCount(0);
  }
});

test('a tasks text of megabytes goes into the Tasks pane whole: its end is there to edit, with its findings marked', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const tasks = JSON.parse(boxes(6000));
  tasks[0].predictions[0].result[5999].from_name = 'labelz';
  const text = JSON.stringify(tasks, null, 2);
  expect(text.length).toBeGreaterThan(1_000_000);
  await openFiles(page, [
    { name: 'boxes.xml', text: CONFIG },
    { name: 'six.json', text },
  ]);
  await expect(page.getByText('6000 regions', { exact: true })).toBeVisible({ timeout: 30_000 });
  const pane = page.locator('[data-pane="Tasks"]');
  await expect(page.getByText('Loading the text into the editor')).toHaveCount(0);
  // The finding on the last box is marked where it is, at the end of the text.
  await pane.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await expect(pane.locator('.cm-lintRange-error').filter({ hasText: 'labelz' })).toBeVisible();
  await expect(pane.locator('.cm-lineNumbers .cm-gutterElement').last()).toHaveText(String(text.split('\n').length));
  const version = await page.locator('.app').getAttribute('data-tasks-version');
  await page.keyboard.type(' ');
  await expect(page.locator('.app')).not.toHaveAttribute('data-tasks-version', version!);
  expect(await exported(page)).toBe(text + ' ');
});
