// Parts loaded on demand (the text views, the editors' language support, the shortcuts list): a placeholder
// while their code loads, a message in their place when it cannot load, and the rest of the page keeps working.
import { expect, test } from '@playwright/test';
import { openApp, problems, regions } from './helpers';

/** The requests for one module: its source under the dev server, its chunk in a build (vite preview). */
const chunk = (source: string) => {
  const name = source.slice(source.lastIndexOf('/') + 1).replace(/\.tsx?$/, '');
  return new RegExp(`/(${source.replace(/\./g, '\\.')}|assets/${name}-[\\w-]+\\.js)(\\?|$)`);
};
const textViews = chunk('app/ui/text/TextObjects.tsx');

test('a text view shows a placeholder while its code loads, then the spans', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(textViews, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ner');
  await expect(page.getByLabel('Preview').getByText('Loading the text view…')).toBeVisible();
  // The panels do not wait for it.
  await expect(regions(page)).toHaveCount(4);
  release();
  await expect(page.getByRole('region', { name: 'Text text' }).locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter']);
  await expect(page.getByText('Loading the text view…')).toHaveCount(0);
});

test('the text views are fetched once the first screen is up: a text opened later is drawn at once, with no placeholder', async ({ page }) => {
  const fetched = page.waitForResponse(textViews);
  await openApp(page);
  // Nothing on the bounding-box sample needs the text views: they are fetched all the same.
  await fetched;
  await page.evaluate(() => {
    const w = window as unknown as { placeholderSeen: boolean };
    w.placeholderSeen = false;
    new MutationObserver(() => (w.placeholderSeen ||= document.body.textContent!.includes('Loading the text view'))).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // Their code is in: it is not fetched again.
  await expect(page.locator('html')).toHaveAttribute('data-views-loaded', 'yes');
  await page.route(textViews, (route) => route.abort());
  await page.getByLabel('Sample').selectOption('ner');
  await expect(page.getByRole('region', { name: 'Text text' }).locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter']);
  expect(await page.evaluate(() => (window as unknown as { placeholderSeen: boolean }).placeholderSeen)).toBe(false);
});

test('the image canvas loads beside the first screen: a placeholder until it is in, the lists do not wait for it', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(chunk('app/ui/canvas/ImageCanvas.tsx'), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByLabel('Preview').getByText('Loading the image canvas…')).toBeVisible();
  await expect(regions(page)).toHaveCount(2);
  release();
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.getByText('Loading the image canvas…')).toHaveCount(0);
});

test('a text view that cannot be loaded says so in its place; the panes and panels keep working; Retry loads it', async ({ page }) => {
  await page.route(textViews, (route) => route.abort());
  await openApp(page);
  await page.getByLabel('Sample').selectOption('ner');
  const message = page.getByLabel('Preview').getByRole('alert');
  await expect(message).toContainText('The text view could not be shown');
  await expect(regions(page)).toHaveCount(4);
  await page.getByLabel('Prediction').selectOption({ label: '2: two (score 0.42)' });
  await expect(regions(page)).toHaveCount(5);
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText('Jerusalem');

  await page.unroute(textViews);
  await message.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('region', { name: 'Text text' }).locator('mark')).toHaveText(['27', 'Jerusalem', 'the weekend', 'Easter', 'Passover']);
  await expect(message).toHaveCount(0);
});

test('without the editor support chunk the editors still edit, undo and re-check, and say what is missing', async ({ page }) => {
  await page.route(chunk('app/ui/panes/editorSupport.ts'), (route) => route.abort());
  await openApp(page);
  await expect(page.getByLabel('Config pane').getByText('Syntax colouring and underlined findings could not be loaded')).toBeVisible();
  const config = page.getByLabel('Config pane').locator('.cm-content');
  await config.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('<');
  await expect(problems(page).filter({ hasText: 'xml-syntax' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(problems(page)).toHaveCount(0);
  // Enter and Backspace work without CodeMirror's standard keys.
  const lines = await config.locator('.cm-line').count();
  await page.keyboard.press('Enter');
  await page.keyboard.type('<!-- a note -->x');
  await page.keyboard.press('Backspace');
  await expect(config.locator('.cm-line')).toHaveCount(lines + 1);
  await expect(config.locator('.cm-line').last()).toHaveText('<!-- a note -->');
  await expect(regions(page)).toHaveCount(2);
  await expect(problems(page)).toHaveCount(0);
});

test('the shortcuts list opens with ? once its code has loaded', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(chunk('app/ui/ShortcutsHelp.tsx'), async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  await page.getByRole('button', { name: '? Shortcuts' }).click();
  await expect(page.getByText('Loading the list of shortcuts…')).toBeVisible();
  release();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Z');
});
