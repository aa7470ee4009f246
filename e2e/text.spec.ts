// Text objects: NER spans in code points (nested spans readable), HyperText sanitized with its XPath
// span, Paragraphs with their spans, relations listed.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openFiles, openFixture, problems, regions } from './helpers';

test.beforeEach(async ({ page }) => {
  await openFixture(page, 'text', 5);
});

test('NER spans after an emoji land on the right words; a nested span keeps both visible', async ({ page }) => {
  const text = page.getByRole('region', { name: 'Text text' });
  // "ACME" is covered by both ORG spans, " Corp" by the outer one only.
  await expect(text.locator('mark')).toHaveText(['Ana', 'ACME', ' Corp']);
  await expect(text.locator('mark', { hasText: 'ACME' })).toHaveAttribute('data-span', 'o1 o2');
  await expect(text.locator('.span-tag').filter({ hasText: /^ORG/ })).toHaveCount(2);
  // Each tag follows the end of its span, as Label Studio writes a span's label after it.
  await expect(text.locator('.span-text')).toHaveText('AnaPER 👋 works for ACMEORG CorpORG in Lyon.');
  await expect(problems(page)).toHaveCount(0);
});

test('clicking a span selects its region in the list', async ({ page }) => {
  await page.getByRole('region', { name: 'Text text' }).locator('mark', { hasText: 'Ana' }).click();
  await expect(regions(page).filter({ hasText: 'p1' })).toHaveAttribute('aria-selected', 'true');
});

test('HyperText: sanitized (no script ran), the XPath span is highlighted', async ({ page }) => {
  const html = page.getByRole('region', { name: 'HyperText page' });
  await expect(html.locator('mark')).toHaveText(['Paris']);
  await expect(html.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('HyperText: task HTML cannot restyle the app, cover it or navigate it; a config background that is not a colour is never fetched', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('example.invalid')) requested.push(r.url());
  });
  const config = '<View><HyperText name="page" value="$html"/><HyperTextLabels name="ner" toName="page"><Label value="LOC" background="url(http://example.invalid/bg.png)"/></HyperTextLabels></View>';
  const html =
    '<p>Plain <a id="away" href="http://example.invalid/away">away</a></p>' +
    '<style>body { display: none !important; } * { background: red !important; }</style>' +
    '<form action="http://example.invalid/submit"><button id="go">Go</button></form>' +
    '<div id="cover" style="position: fixed; inset: 0; z-index: 99999; background: black">cover</div>';
  const tasks = JSON.stringify([{ data: { html }, predictions: [{ model_version: 'm', result: [{ id: 'h', from_name: 'ner', to_name: 'page', type: 'hypertextlabels', value: { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 5, hypertextlabels: ['LOC'] } }] }] }]);
  await openFiles(page, [
    { name: 'hostile.xml', text: config },
    { name: 'hostile.json', text: tasks },
  ]);
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  const box = page.getByRole('region', { name: 'HyperText page' }).locator('.hypertext');
  await expect(box.locator('mark')).toHaveText(['Plain']);
  // The task's style, form and button are gone (prelabel's own label tags are buttons too).
  await expect(box.locator('style, form, button:not(.span-tag)')).toHaveCount(0);
  // The app is not restyled: its header keeps its own background.
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
  // A fixed-position element stays inside the preview box.
  const cover = (await box.locator('#cover').boundingBox())!;
  const area = (await box.boundingBox())!;
  expect(cover.y).toBeGreaterThanOrEqual(area.y - 1);
  expect(cover.y + cover.height).toBeLessThanOrEqual(area.y + area.height + 1);
  expect(cover.x + cover.width).toBeLessThanOrEqual(area.x + area.width + 1);
  // A link in the task HTML does not navigate the app.
  const here = page.url();
  await box.locator('#away').dispatchEvent('click');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(here);
  await expect(page.getByText(/invalid-color/).first()).toBeVisible();
  expect(requested).toEqual([]);
});

test('Paragraphs: the span covers its paragraph', async ({ page }) => {
  const dialog = page.getByRole('region', { name: 'Paragraphs dialog' });
  await expect(dialog.locator('mark')).toHaveText(['Where is the station?']);
  await expect(dialog).toContainText('Bob');
});

test('relations are drawn as an arc between their spans, and listed', async ({ page }) => {
  const text = page.getByRole('region', { name: 'Text text' });
  await expect(text.locator('.relation-arrows g path')).toHaveCount(1);
  await expect(text.locator('.relation-arrows g text')).toHaveText('works_for');
  await expect(page.getByRole('region', { name: 'Relations' })).toContainText('p1 → o1 works_for');
});

test('pasting into the Tasks pane loads and checks what was pasted', async ({ page }) => {
  const pasted = JSON.stringify([{ data: { text: 'Bo lives here.', html: '<p>x</p>', dialog: [] }, predictions: [{ model_version: 'm', result: [{ id: 'z', from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 0, end: 2, text: 'Bo', labels: ['PERSON'] } }] }] }]);
  const editor = page.locator('[data-pane="Tasks"] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  await editor.evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  await expect(problems(page).first()).toContainText('unknown-label Label "PERSON" is not in "ner"');
});

test('selecting text with a label chosen creates a span in code points; its ends can be adjusted', async ({ page }) => {
  const text = page.getByRole('region', { name: 'Text text' });
  await text.getByRole('group', { name: 'Label text in text' }).getByRole('button', { name: 'ORG' }).click();
  // Select "Lyon" (after the emoji: UTF-16 index 30, code point 29).
  await text.evaluate((el) => {
    const piece = [...el.querySelectorAll<HTMLElement>('[data-from]')].find((n) => n.textContent!.includes('Lyon'))!;
    const node = piece.firstChild!;
    const at = node.textContent!.indexOf('Lyon');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 4);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    piece.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await expect(page.getByText('6 regions')).toBeVisible();
  await expect(text.locator('mark', { hasText: 'Lyon' })).toHaveCount(1);
  const item = regions(page).last();
  await expect(item).toHaveAttribute('aria-selected', 'true');
  await expect(item.getByLabel('Span start')).toHaveValue('29');
  await expect(item.getByLabel('Span end')).toHaveValue('33');
  await expect(problems(page)).toHaveCount(0);
  // Widen it to include " in " before: start 25, and value.text follows.
  await item.getByLabel('Span start').fill('25');
  await item.getByLabel('Span start').press('Enter');
  await expect(text.locator('mark', { hasText: 'in Lyon' })).toHaveCount(1);
  await expect(problems(page)).toHaveCount(0);
});

test('HyperText: selecting text makes a span with the XPath and offsets of the stored HTML', async ({ page }) => {
  const html = page.getByRole('region', { name: 'HyperText page' });
  await html.getByRole('group', { name: 'Label text in page' }).getByRole('button', { name: 'LOC' }).click();
  await html.locator('.hypertext').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node: Node | null = walker.nextNode();
    while (node && !node.textContent!.includes('Rome')) node = walker.nextNode();
    const at = node!.textContent!.indexOf('Rome');
    const range = document.createRange();
    range.setStart(node!, at);
    range.setEnd(node!, at + 4);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await expect(page.getByText('6 regions')).toBeVisible();
  await expect(html.locator('mark')).toHaveText(['Paris', 'Rome']);
  await expect(problems(page)).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result.at(-1);
  expect(result).toMatchObject({ type: 'hypertextlabels', from_name: 'html_ner', value: { start: '/div[1]/p[1]/text()[2]', end: '/div[1]/p[1]/text()[2]', startOffset: 5, endOffset: 9, globalOffsets: { start: 21, end: 25 }, text: 'Rome', hypertextlabels: ['LOC'] } });
});

test('Paragraphs: selecting text makes a span with paragraph indices and offsets', async ({ page }) => {
  const dialog = page.getByRole('region', { name: 'Paragraphs dialog' });
  await dialog.getByRole('group', { name: 'Label text in dialog' }).getByRole('button', { name: 'Question' }).click();
  await dialog.evaluate((el) => {
    const piece = [...el.querySelectorAll<HTMLElement>('[data-from]')].find((n) => n.textContent!.includes('Two streets'))!;
    const range = document.createRange();
    range.setStart(piece.firstChild!, 0);
    range.setEnd(piece.firstChild!, 11);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    piece.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await expect(page.getByText('6 regions')).toBeVisible();
  await expect(dialog.locator('mark')).toHaveText(['Where is the station?', 'Two streets']);
  await expect(problems(page)).toHaveCount(0);
  const item = regions(page).last();
  await expect(item).toContainText('Question');
});

const HT_CONFIG = '<View><HyperText name="page" value="$html"/><HyperTextLabels name="ner" toName="page"><Label value="PER" background="red"/><Label value="LOC" background="green"/><Label value="ORG" background="blue"/></HyperTextLabels></View>';

function htSpan(id: string, start: string, startOffset: number, end: string, endOffset: number, label: string, more: Record<string, unknown> = {}) {
  return { id, from_name: 'ner', to_name: 'page', type: 'hypertextlabels', value: { start, startOffset, end, endOffset, hypertextlabels: [label], ...more } };
}

async function openHyperText(page: import('@playwright/test').Page, html: string, result: unknown[]) {
  await openFiles(page, [
    { name: 'ht.xml', text: HT_CONFIG },
    { name: 'ht.json', text: JSON.stringify([{ data: { html }, predictions: [{ model_version: 'm', result }] }]) },
  ]);
  await expect(page.getByText(`${result.length} region${result.length === 1 ? '' : 's'}`, { exact: true })).toBeVisible();
  return page.getByRole('region', { name: 'HyperText page' });
}

test('HyperText: several spans in one text node land on their words, nested ones too, each with its label tag at its end', async ({ page }) => {
  const t = '/div[1]/p[1]/text()[1]';
  const box = await openHyperText(page, '<div><p>Alice met Bob and Carol in Paris.</p></div>', [
    htSpan('a', t, 0, t, 5, 'PER'),
    htSpan('b', t, 10, t, 13, 'PER'),
    htSpan('c', t, 18, t, 23, 'PER'),
    htSpan('d', t, 27, t, 32, 'LOC'),
    htSpan('e', t, 18, t, 32, 'ORG'),
  ]);
  const html = box.locator('.hypertext');
  await expect(html.locator('mark')).toHaveText(['Alice', 'Bob', 'Carol', ' in ', 'Paris']);
  await expect(html.locator('mark', { hasText: 'Paris' })).toHaveAttribute('data-span', 'e d');
  // The inner span's tag first, then the outer one's, as Label Studio nests them.
  await expect(html.locator('p')).toHaveText('AlicePER met BobPER and CarolPER in ParisLOCORG.');
  // A tag selects its region.
  await html.locator('.span-tag', { hasText: 'ORG' }).click();
  await expect(regions(page).filter({ hasText: 'ORG' })).toHaveAttribute('aria-selected', 'true');
  await expect(html.locator('mark.selected')).toHaveText(['Carol', ' in ', 'Paris']);
});

test('HyperText: spans across elements, XPaths to elements, code-point offsets after an emoji, globalOffsets when the XPath does not resolve', async ({ page }) => {
  const box = await openHyperText(page, '<div><p>One two</p><p>three <b>four</b> five 👋 Nice</p><p>ab<br>cd efg</p></div>', [
    htSpan('a', '/div[1]/p[1]/text()[1]', 4, '/div[1]/p[2]/text()[1]', 5, 'PER'),
    // An element XPath counts its offsets over all the text inside it.
    htSpan('b', '/div[1]/p[2]', 6, '/div[1]/p[2]', 15, 'LOC'),
    // Code points, as Label Studio counts them: the emoji is one.
    htSpan('c', '/div[1]/p[2]/text()[2]', 8, '/div[1]/p[2]/text()[2]', 12, 'ORG'),
    // No such paragraph: Label Studio falls back on globalOffsets (code points, <br> counting one).
    htSpan('d', '/div[1]/p[9]/text()[1]', 0, '/div[1]/p[9]/text()[1]', 2, 'PER', { globalOffsets: { start: 32, end: 34 } }),
    // Past the end of its text node, and no globalOffsets: Label Studio draws nothing.
    htSpan('e', '/div[1]/p[1]/text()[1]', 2, '/div[1]/p[1]/text()[1]', 30, 'LOC'),
    // No such node, or not a positional XPath: nothing either.
    htSpan('f', '/div[1]/p[7]/text()[1]', 0, '/div[1]/p[7]/text()[1]', 2, 'LOC'),
    htSpan('g', '//p[1]/text()[1]', 0, '//p[1]/text()[1]', 2, 'LOC'),
  ]);
  const html = box.locator('.hypertext');
  await expect(html.locator('mark')).toHaveText(['two', 'three', 'four', ' five', 'Nice', 'cd']);
  await expect(html.locator('mark', { hasText: 'two' })).toHaveAttribute('data-span', 'a');
  await expect(html.locator('mark', { hasText: 'four' })).toHaveAttribute('data-span', 'b');
  // One tag per span, after its last piece; d's says it has a problem (its XPath names nothing).
  await expect(html.locator('.span-tag')).toHaveText(['PER', 'LOC', 'ORG', 'PER !']);
  await expect(html.locator('p').nth(1)).toHaveText('threePER four fiveLOC 👋 NiceORG');
  await expect(box.getByRole('status')).toHaveText(
    '3 spans are not drawn: e: endOffset 30 is past the end of /div[1]/p[1]/text()[1] (7 characters); f: start: /div[1]/p[7] does not exist: /div[1] (<div>) has 3 <p> children; g: start: "//p[1]/text()[1]" is not an absolute positional XPath.',
  );
  await expect(regions(page)).toHaveCount(7);
});

test("HyperText: XPaths count in Label Studio's tree, where forms and styles stay and scripts go, though prelabel does not display them", async ({ page }) => {
  const html = '<div><form><p>Name: Ann</p><button>Go</button></form><p>Bob <style>b{}</style>and Carol</p><p>x<script>var a=1;</script>y Dan</p><p>Eve<table><tr><td>Bob</td></tr></table></div>';
  const box = await openHyperText(page, html, [
    // Inside a <form>: Label Studio keeps it; prelabel shows its text without it.
    htSpan('a', '/div[1]/form[1]/p[1]/text()[1]', 6, '/div[1]/form[1]/p[1]/text()[1]', 9, 'PER'),
    // After a <style>: a second text node for Label Studio, one text for prelabel's display.
    htSpan('b', '/div[1]/p[1]/text()[2]', 4, '/div[1]/p[1]/text()[2]', 9, 'PER'),
    // globalOffsets count the style's text too.
    htSpan('c', '/div[9]/p[1]/text()[2]', 0, '/div[9]/p[1]/text()[2]', 1, 'LOC', { globalOffsets: { start: 20, end: 23 } }),
    // Label Studio drops the script: "x" and "y Dan" are one text node.
    htSpan('d', '/div[1]/p[2]/text()[1]', 3, '/div[1]/p[2]/text()[1]', 6, 'LOC'),
    // Its iframe document is never in quirks mode: a <table> closes the open <p>.
    htSpan('e', '/div[1]/table[1]/tbody[1]/tr[1]/td[1]/text()[1]', 0, '/div[1]/table[1]/tbody[1]/tr[1]/td[1]/text()[1]', 3, 'PER'),
  ]);
  // c ("d C") overlaps b ("Carol"): "C" is covered by both.
  await expect(box.locator('.hypertext mark')).toHaveText(['Ann', 'd ', 'C', 'arol', 'Dan', 'Bob']);
  await expect(box.locator('.hypertext mark', { hasText: /^C$/ })).toHaveAttribute('data-span', 'c b');
  await expect(box.locator('.hypertext form, .hypertext style, .hypertext script')).toHaveCount(0);
  await expect(box.getByRole('status')).toHaveCount(0);
});

test('HyperText inline="true": the content root is a <div> holding the HTML, so a <title> stays in it and its text counts', async ({ page }) => {
  const html = '<title>T</title><p>Ann and Bob</p>';
  const spans = [htSpan('a', '/p[9]/text()[1]', 0, '/p[9]/text()[1]', 1, 'PER', { globalOffsets: { start: 1, end: 4 } }), htSpan('b', '/p[1]/text()[1]', 8, '/p[1]/text()[1]', 11, 'PER')];
  await openFiles(page, [
    { name: 'inline.xml', text: HT_CONFIG.replace('<HyperText name="page" value="$html"/>', '<HyperText name="page" value="$html" inline="true"/>') },
    { name: 'inline.json', text: JSON.stringify([{ data: { html }, predictions: [{ model_version: 'm', result: spans }] }]) },
  ]);
  await expect(page.getByText('2 regions', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'HyperText page' }).locator('.hypertext mark')).toHaveText(['Ann', 'Bob']);
  // In an iframe (the default) the <title> goes to the document's head: the same globalOffsets are "nn ".
  const box = await openHyperText(page, html, spans);
  await expect(box.locator('.hypertext mark')).toHaveText(['nn ', 'Bob']);
});

test('HyperText: a span made by selecting text next to another span in the same text node is shown, with code-point offsets', async ({ page }) => {
  const t = '/p[1]/text()[1]';
  const box = await openHyperText(page, '<p>Ann 👋 and Bob met Carol.</p>', [htSpan('a', t, 0, t, 3, 'PER')]);
  await box.getByRole('group', { name: 'Label text in page' }).getByRole('button', { name: 'PER' }).click();
  // Drag over "Carol" with the mouse.
  const html = box.locator('.hypertext');
  const rect = await html.evaluate((root) => {
    const node = [...root.querySelectorAll('p')][0].lastChild!;
    const at = node.textContent!.indexOf('Carol');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 5);
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top + r.height / 2, w: r.width };
  });
  await page.mouse.move(rect.x + 1, rect.y);
  await page.mouse.down();
  await page.mouse.move(rect.x + rect.w / 2, rect.y, { steps: 3 });
  await page.mouse.move(rect.x + rect.w - 1, rect.y, { steps: 3 });
  await page.mouse.up();
  await expect(page.getByText('2 regions', { exact: true })).toBeVisible();
  await expect(html.locator('mark')).toHaveText(['Ann', 'Carol']);
  await expect(html.locator('p')).toHaveText('AnnPER 👋 and Bob met CarolPER.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result.at(-1);
  // Code points: the emoji counts one (UTF-16 would say 19..24).
  expect(result.value).toMatchObject({ start: t, end: t, startOffset: 18, endOffset: 23, globalOffsets: { start: 18, end: 23 }, text: 'Carol', hypertextlabels: ['PER'] });
});

test('Paragraphs: a span over three paragraphs has one tag, at its end', async ({ page }) => {
  const config = '<View><Paragraphs name="dialog" value="$dialog"/><ParagraphLabels name="turns" toName="dialog"><Label value="Question" background="purple"/></ParagraphLabels></View>';
  const dialog = [
    { author: 'Ann', text: 'Where is the station?' },
    { author: 'Bob', text: 'Which one?' },
    { author: 'Ann', text: 'The main one, please.' },
    { author: 'Bob', text: 'Two streets down.' },
  ];
  const result = [{ id: 'q', from_name: 'turns', to_name: 'dialog', type: 'paragraphlabels', value: { start: '0', end: '2', startOffset: 6, endOffset: 12, paragraphlabels: ['Question'] } }];
  await openFiles(page, [
    { name: 'p.xml', text: config },
    { name: 'p.json', text: JSON.stringify([{ data: { dialog }, predictions: [{ model_version: 'm', result }] }]) },
  ]);
  await expect(page.getByText('1 region', { exact: true })).toBeVisible();
  const view = page.getByRole('region', { name: 'Paragraphs dialog' });
  await expect(view.locator('mark')).toHaveText(['is the station?', 'Which one?', 'The main one']);
  await expect(view.locator('.span-tag')).toHaveCount(1);
  await expect(view.locator('.paragraph').nth(2)).toHaveText('Ann The main oneQuestion, please.');
});
