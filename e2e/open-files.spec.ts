// Getting data in: the file input, dropping files anywhere, images matched to tasks by file name.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, openApp, openFiles, problems, regions } from './helpers';

test('"Open files" loads a config, a tasks file and an image, recognised by content', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    // Names without telling extensions: recognised by what they hold.
    { name: 'labeling-config.txt', text: readFileSync(fixture('flags.xml'), 'utf8'), mimeType: 'text/plain' },
    { name: 'export', text: readFileSync(fixture('flags.json'), 'utf8'), mimeType: 'application/octet-stream' },
    { name: 'street.jpg', path: '/work/main/public/samples/sample.png', mimeType: 'application/octet-stream' },
  ]);
  await expect(page.getByRole('status').filter({ hasText: /^Loaded / })).toContainText('config labeling-config.txt, tasks export, 1 image');
  await expect(page.getByText('4 regions')).toBeVisible();
  // The dropped image is matched to the task by the last part of its URL, and loads.
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-width', '600');
});

test('dropping files anywhere in the window loads them', async ({ page }) => {
  await openApp(page);
  const config = readFileSync(fixture('pixels.xml'), 'utf8');
  const tasks = readFileSync(fixture('pixels.json'), 'utf8');
  await page.evaluate(
    ({ config, tasks }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([config], 'pixels.xml', { type: 'text/xml' }));
      dt.items.add(new File([tasks], 'pixels.json', { type: 'application/json' }));
      document.querySelector('.preview')!.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.querySelector('.preview')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { config, tasks },
  );
  await expect(page.getByText('2 regions')).toBeVisible();
  await expect(regions(page).first()).toContainText('rot');
});

test('an image that cannot load: regions on a neutral canvas of original_width x original_height, said plainly', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', path: fixture('flags.json') },
  ]);
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-image-status', 'error');
  await expect(canvas).toHaveAttribute('data-image-width', '400');
  await expect(canvas).toHaveAttribute('data-image-height', '300');
  await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toContainText('street.jpg');
});

test("a broken tasks file opened says where it breaks and shows none of the previous file's tasks as its own", async ({ page }) => {
  await openApp(page);
  await openFiles(page, [{ name: 'broken.json', text: '[\n  {"data": {"image": "x.png"}},\n]' }]);
  await expect(problems(page).first()).toContainText("json-syntax Trailing comma before ']'");
  await expect(page.getByText('The tasks file does not parse, so no task can be shown')).toBeVisible();
  await expect(regions(page)).toHaveCount(0);
  await expect(page.getByText('the preview shows the last good tasks')).toHaveCount(0);
});

test('a tasks file that does not parse: the navigation and the preview say so and where, and Export asks before writing it', async ({ page }) => {
  await openApp(page);
  const broken = '[\n  {"data": {"image": "x.png"}},\n]';
  await openFiles(page, [{ name: 'broken.json', text: broken }]);
  await expect(problems(page).first()).toContainText("json-syntax Trailing comma before ']'");
  const at = (await problems(page).first().locator('.where').innerText()).trim().replace(/^broken\.json:/, '');
  const [line, column] = at.split(':');
  // No "Task 1 of 0": no tasks, because the file does not parse, at the place Problems gives.
  const nav = page.getByRole('navigation', { name: 'Tasks' });
  await expect(nav).toContainText(`No tasks: the file does not parse at line ${line}, column ${column}`);
  await expect(page.getByLabel('Task number')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next task with problems' })).toBeDisabled();
  // The preview says it in the image's place: no empty image object.
  await expect(page.getByRole('figure')).toHaveCount(0);
  const preview = page.getByRole('main', { name: 'Preview' });
  await expect(preview).toContainText('The tasks file does not parse, so no task can be shown.');
  await expect(preview).toContainText(`At line ${line}, column ${column}: Trailing comma before ']'`);
  // The place is a click away in the Tasks pane.
  await nav.getByRole('button', { name: `line ${line}, column ${column}` }).click();
  expect(line).toBe('3');
  await expect(page.locator('[data-pane="Tasks"] .cm-activeLine')).toHaveText(']');

  // Export asks first; Cancel writes nothing and keeps the text.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'The tasks text does not parse' });
  await expect(dialog).toContainText(`At line ${line}, column ${column}: Trailing comma before ']'`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(downloads).toBe(0);
  await expect(page.locator('[data-pane="Tasks"] .cm-content')).toContainText('{"data": {"image": "x.png"}},');
  // Escape cancels too; "Export anyway" writes the text as it is, and says it does not parse.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export anyway' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(`It does not parse (line ${line}, column ${column}).`);

  // Broken while typing (the preview keeps the last good tasks): Export asks too, also on the way to opening another file.
  await openFiles(page, [{ name: 'good.json', text: readFileSync(fixture('flags.json'), 'utf8') }]);
  await openFiles(page, [{ name: 'flags.xml', path: fixture('flags.xml') }]);
  await expect(page.getByText('4 regions')).toBeVisible();
  await page.locator('[data-pane="Tasks"] .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect(page.getByText('does not parse; the preview shows the last good tasks')).toBeVisible();
  await openFiles(page, [{ name: 'other.json', text: '[]' }]);
  await page.getByRole('dialog', { name: 'Changes not exported' }).getByRole('button', { name: 'Export, then open' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Nothing written, nothing opened: the text typed is still there.
  expect(downloads).toBe(1);
  await expect(page.getByText('does not parse; the preview shows the last good tasks')).toBeVisible();
  await expect(page.getByText('4 regions')).toBeVisible();
});

test('a tasks file with no tasks says so in the navigation and the preview', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [{ name: 'empty.json', text: '[]' }]);
  await expect(page.getByRole('navigation', { name: 'Tasks' })).toContainText('No tasks');
  await expect(page.getByRole('navigation', { name: 'Tasks' })).not.toContainText('does not parse');
  await expect(page.getByRole('figure')).toHaveCount(0);
  await expect(page.getByRole('main', { name: 'Preview' })).toContainText('The tasks file has no tasks');
});

test('breaking the tasks while typing keeps the last good preview and says where it breaks', async ({ page }) => {
  await openApp(page);
  const tasks = page.locator('[data-pane="Tasks"] .cm-content');
  await tasks.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect(problems(page).first()).toContainText('json-syntax');
  await expect(page.getByText('does not parse; the preview shows the last good tasks')).toBeVisible();
  await expect(regions(page)).toHaveCount(2);
});

test('export gives back a tasks file byte for byte, its UTF-8 byte order mark included', async ({ page }) => {
  await openApp(page);
  const tasks = '\uFEFF' + readFileSync(fixture('flags.json'), 'utf8');
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', text: tasks },
  ]);
  await expect(page.getByText('4 regions')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(bytes.equals(Buffer.from(tasks, 'utf8'))).toBe(true);
});

test('a tasks file that is not UTF-8 opens with a notice saying so, and the export says it writes UTF-8', async ({ page }) => {
  await openApp(page);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'prelabel-e2e-')), 'latin1.json');
  // "café" in Latin-1: the é is the single byte 0xE9.
  writeFileSync(file, Buffer.concat([Buffer.from('[{"data": {"image": "a.png", "note": "caf'), Buffer.from([0xe9]), Buffer.from('"}, "predictions": []}]')]));
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'latin1.json', path: file },
  ]);
  await expect(page.getByRole('status').filter({ hasText: /^Loaded / })).toContainText('latin1.json is not valid UTF-8');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toContain('caf\uFFFD');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText('written as UTF-8');
});

test('a file with Windows line ends (CRLF): typing in the Tasks pane and fixes change only what they change', async ({ page }) => {
  await openApp(page);
  const crlf = readFileSync(fixture('flags.json'), 'utf8').replace(/\r\n/g, '\n').replace(/\n/g, '\r\n');
  const lines = crlf.split('\r\n').length;
  await openFiles(page, [
    { name: 'flags.xml', path: fixture('flags.xml') },
    { name: 'flags.json', text: crlf },
  ]);
  await expect(page.getByText('4 regions')).toBeVisible();
  const typeAtEnd = async (text: string) => {
    const version = await page.locator('.app').getAttribute('data-tasks-version');
    await page.locator('[data-pane="Tasks"] .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
    await expect(page.locator('.app')).not.toHaveAttribute('data-tasks-version', version!);
  };
  /** `broken`: the text does not parse, and Export asks before writing it. */
  const exported = async ({ broken = false } = {}) => {
    const done = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    if (broken) await page.getByRole('dialog', { name: 'The tasks text does not parse' }).getByRole('button', { name: 'Export anyway' }).click();
    const download = await done;
    return readFileSync((await download.path())!, 'utf8');
  };
  // The end of the text is past every line end: each is two characters in the file.
  await typeAtEnd(' ');
  expect(await exported()).toBe(crlf + ' ');
  // A fix made elsewhere, then typing at the end again: the pane still holds the file's text.
  await problems(page).filter({ hasText: 'unknown-label' }).getByRole('button', { name: /^Fix:/ }).click();
  await expect(problems(page).filter({ hasText: 'unknown-label' })).toHaveCount(0);
  await typeAtEnd('\t');
  const out = await exported();
  expect(out.endsWith(' \t')).toBe(true);
  expect(out.split('\r\n')).toHaveLength(lines);
  expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(() => JSON.parse(out)).not.toThrow();
  // A line end is kept whole: the cursor at the end of a line is before its "\r"; Enter there adds "\r\n"; Backspace
  // at the start of a line joins it to the line above, and Delete at the end of a line joins the next.
  const [first, second, third] = out.split('\r\n');
  const edit = async (keys: string[]) => {
    const version = await page.locator('.app').getAttribute('data-tasks-version');
    await page.locator('[data-pane="Tasks"] .cm-content').click();
    await page.keyboard.press('Control+Home');
    for (const key of keys) await (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
    await expect(page.locator('.app')).not.toHaveAttribute('data-tasks-version', version!);
    // "x" after the "[" of the first line: the text does not parse from the first of these edits on.
    return (await exported({ broken: true })).split('\r\n');
  };
  expect((await edit(['End', 'x'])).slice(0, 3)).toEqual([first + 'x', second, third]);
  const broken = await edit(['End', 'Enter', 'y']);
  expect(broken[1]).toMatch(/^\s*y$/);
  expect(broken.slice(0, 4)).toEqual([first + 'x', broken[1], second, third]);
  expect((await edit(['End', 'ArrowRight', 'Backspace'])).slice(0, 3)).toEqual([first + 'x' + broken[1], second, third]);
  expect((await edit(['End', 'Delete'])).slice(0, 2)).toEqual([first + 'x' + broken[1] + second, third]);
});
