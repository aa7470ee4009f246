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
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
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
    return (await exported()).split('\r\n');
  };
  expect((await edit(['End', 'x'])).slice(0, 3)).toEqual([first + 'x', second, third]);
  const broken = await edit(['End', 'Enter', 'y']);
  expect(broken[1]).toMatch(/^\s*y$/);
  expect(broken.slice(0, 4)).toEqual([first + 'x', broken[1], second, third]);
  expect((await edit(['End', 'ArrowRight', 'Backspace'])).slice(0, 3)).toEqual([first + 'x' + broken[1], second, third]);
  expect((await edit(['End', 'Delete'])).slice(0, 2)).toEqual([first + 'x' + broken[1] + second, third]);
});
