// HyperText spans against the task's HTML: XPaths resolved as Label Studio resolves them, offsets inside
// the node they name, globalOffsets and value.text compared with what the XPaths cover.

import * as parse5 from 'parse5';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { applyEdits } from '../edits';
import { setHtmlParser } from '../text/htmlParser';
import { check, type Finding } from '..';

// parse5, counting the documents it parses.
const parses = { count: 0 };
const counting = { parse: ((...args: Parameters<typeof parse5.parse>) => (parses.count++, parse5.parse(...args))) as typeof parse5.parse, parseFragment: parse5.parseFragment };
beforeAll(() => setHtmlParser(counting));
afterAll(() => setHtmlParser({ parse: parse5.parse, parseFragment: parse5.parseFragment }));

const config = (attrs = '') => `<View>
  <HyperText name="html" value="$html"${attrs}/>
  <HyperTextLabels name="ner" toName="html"><Label value="PER"/><Label value="ORG"/></HyperTextLabels>
</View>`;

const HTML = '<p>First para.</p><p>Second one here</p>';

interface SpanValue {
  start: unknown;
  end: unknown;
  startOffset: unknown;
  endOffset: unknown;
  text?: string;
  globalOffsets?: unknown;
}

const span = (value: SpanValue, id = 's1') => ({ id, from_name: 'ner', to_name: 'html', type: 'hypertextlabels', value: { ...value, hypertextlabels: ['PER'] } });
const tasks = (html: string, result: unknown[]) => [{ data: { html }, predictions: [{ model_version: 'm1', result }] }];

function run(html: string, result: unknown[], attrs = '', options = {}) {
  const text = JSON.stringify(tasks(html, result), null, 2);
  const { report } = check(config(attrs), text, options);
  return { text, findings: report.findings };
}

const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.path?.slice(4).join('.')]);

/** The text a finding's line:column points at. */
const at = (text: string, f: Finding) => text.split('\n')[f.line - 1].slice(f.column - 1);

/** Apply a finding's fix and check again. */
function fixed(html: string, result: unknown[], f: Finding, attrs = '') {
  const after = applyEdits(tasks(html, result), f.fix!.edits);
  return check(config(attrs), JSON.stringify(after)).report.findings;
}

afterEach(() => {
  parses.count = 0;
});

describe('HyperText offsets against the HTML', () => {
  test('a span Label Studio would write resolves clean, with or without globalOffsets', () => {
    const value = { start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 7, endOffset: 10, text: 'one' };
    expect(run(HTML, [span(value)]).findings).toEqual([]);
    // "First para." is 11 characters: the second paragraph's text starts at 11.
    expect(run(HTML, [span({ ...value, globalOffsets: { start: 18, end: 21 } })]).findings).toEqual([]);
  });

  test('an offset past the end of its text node is span-out-of-range at that offset, saying how long the node is', () => {
    const { text, findings } = run(HTML, [span({ start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 20, endOffset: 15 })]);
    expect(brief(findings)).toEqual([['span-out-of-range', 'error', 'value.startOffset']]);
    expect(findings[0].message).toMatch(/^\/p\[2\]\/text\(\)\[1\] has 15 characters; startOffset 20 is past its end/);
    expect(at(text, findings[0])).toMatch(/^20/);
  });

  test('an endOffset past its node is reported at endOffset', () => {
    const { findings } = run(HTML, [span({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 12 })]);
    expect(brief(findings)).toEqual([['span-out-of-range', 'error', 'value.endOffset']]);
    expect(findings[0].message).toMatch(/has 11 characters; endOffset 12 is past its end/);
  });

  test('an XPath to an element that is not there says which step fails and what is there', () => {
    const { text, findings } = run(HTML, [span({ start: '/p[3]/text()[1]', end: '/p[3]/text()[1]', startOffset: 0, endOffset: 2 })]);
    expect(brief(findings)).toEqual([
      ['span-out-of-range', 'error', 'value.start'],
      ['span-out-of-range', 'error', 'value.end'],
    ]);
    expect(findings[0].message).toMatch(/\/p\[3\] does not exist: the content root has 2 <p> children/);
    expect(findings[1].message).toMatch(/Without usable globalOffsets Label Studio cannot place the span\.$/);
    expect(at(text, findings[0])).toMatch(/^"\/p\[3\]\/text\(\)\[1\]"/);
    const deeper = run(HTML, [span({ start: '/p[1]/b[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 2 })]).findings;
    expect(deeper[0].message).toMatch(/\/p\[1\]\/b\[1\] does not exist: \/p\[1\] \(<p>\) has no <b> child/);
  });

  test('an XPath that does not resolve but has usable globalOffsets: Label Studio falls back to them, and the fix writes their XPaths', () => {
    const result = [span({ start: '/div[1]/text()[1]', end: '/div[1]/text()[1]', startOffset: 0, endOffset: 3, globalOffsets: { start: 18, end: 21 }, text: 'one' })];
    const { findings } = run(HTML, result);
    expect(brief(findings)).toEqual([
      ['span-out-of-range', 'error', 'value.start'],
      ['span-out-of-range', 'error', 'value.end'],
    ]);
    expect(findings[1].message).toMatch(/falls back to globalOffsets 18\.\.21 \("one"\)/);
    expect(findings[1].fix!.edits.map((e) => [e.path.slice(5).join('.'), e.value])).toEqual([
      ['start', '/p[2]/text()[1]'],
      ['startOffset', 7],
      ['end', '/p[2]/text()[1]'],
      ['endOffset', 10],
      ['globalOffsets', { start: 18, end: 21 }],
    ]);
    expect(fixed(HTML, result, findings[1])).toEqual([]);
  });

  test('globalOffsets that disagree with the XPaths are an error; the fix sets them from the XPaths', () => {
    const result = [span({ start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 7, endOffset: 10, text: 'one', globalOffsets: { start: 6, end: 10 } })];
    const { findings } = run(HTML, result);
    expect(brief(findings)).toEqual([['span-out-of-range', 'error', 'value.globalOffsets']]);
    expect(findings[0].message).toMatch(/globalOffsets 6\.\.10 \("para"\) disagree with the XPaths and offsets, which resolve to 18\.\.21 \("one"\)/);
    expect(findings[0].fix!.edits.map((e) => e.value)).toEqual([{ start: 18, end: 21 }]);
    expect(fixed(HTML, result, findings[0])).toEqual([]);
  });

  test('globalOffsets that value.text agrees with, not the XPaths: the fix moves the XPaths', () => {
    const result = [span({ start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 7, endOffset: 10, text: 'para', globalOffsets: { start: 6, end: 10 } })];
    const { findings } = run(HTML, result);
    expect(brief(findings)).toEqual([
      ['span-text-mismatch', 'error', 'value.start'],
      ['span-out-of-range', 'error', 'value.globalOffsets'],
    ]);
    expect(findings[1].fix!.title).toMatch(/XPaths from globalOffsets 6\.\.10/);
    expect(fixed(HTML, result, findings[1])).toEqual([]);
  });

  test('globalOffsets past the text are an error', () => {
    const { findings } = run(HTML, [span({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 5, globalOffsets: { start: 0, end: 50 } })]);
    expect(brief(findings)).toEqual([['span-out-of-range', 'error', 'value.globalOffsets']]);
    expect(findings[0].message).toMatch(/outside the text, which has 26 characters/);
  });

  test('value.text that the span does not cover is span-text-mismatch, with a fix to where the text is', () => {
    const result = [span({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 5, text: 'Second' })];
    const { findings } = run(HTML, result);
    expect(brief(findings)).toEqual([['span-text-mismatch', 'error', 'value.start']]);
    expect(findings[0].message).toMatch(/value\.text is "Second", but the XPaths and offsets cover "First"\. .*occurs at 11\.\.17 .*\/p\[2\]\/text\(\)\[1\] offset 0/);
    expect(findings[0].fix!.edits.map((e) => [e.path.slice(5).join('.'), e.value])).toEqual([
      ['start', '/p[2]/text()[1]'],
      ['startOffset', 0],
      ['end', '/p[2]/text()[1]'],
      ['endOffset', 6],
    ]);
    expect(fixed(HTML, result, findings[0])).toEqual([]);
    // Text that is nowhere: the fix sets value.text.
    const nowhere = run(HTML, [span({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 5, text: 'Zebra' })]).findings;
    expect(brief(nowhere)).toEqual([['span-text-mismatch', 'error', 'value.text']]);
    expect(nowhere[0].fix!.edits[0].value).toBe('First');
  });

  test('value.text as Label Studio writes it across paragraphs (a line break it spells \\n) equals the span; whitespace-only differences are a warning', () => {
    const across = { start: '/p[1]/text()[1]', end: '/p[2]/text()[1]', startOffset: 6, endOffset: 6 };
    // The text nodes hold "para.Second"; the displayed selection reads "para.\n\nSecond".
    expect(run(HTML, [span({ ...across, text: 'para.\\n\\nSecond' })]).findings).toEqual([]);
    expect(run(HTML, [span({ ...across, text: 'para.\n\nSecond' })]).findings).toEqual([]);
    expect(run(HTML, [span({ ...across, text: 'para.Second' })]).findings).toEqual([]);
    const inside = { start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 0, endOffset: 10 };
    const ws = run(HTML, [span({ ...inside, text: 'Sec ond one' })]).findings;
    expect(brief(ws)).toEqual([['span-text-mismatch', 'warning', 'value.text']]);
    expect(ws[0].message).toMatch(/differ only in whitespace/);
  });

  test('a dynamic or relative XPath is an error, with data or without', () => {
    for (const x of ['//p[2]/text()', 'p[2]/text()[1]', '/p[last()]/text()[1]', '/p[@class="a"]/text()[1]', '/p[2]/text()[1]/..']) {
      const value = { start: x, end: '/p[2]/text()[1]', startOffset: 0, endOffset: 3 };
      const { text, findings } = run(HTML, [span(value)]);
      expect(brief(findings), x).toEqual([['span-out-of-range', 'error', 'value.start']]);
      expect(findings[0].message).toMatch(/is not an absolute positional XPath .*Label Studio cannot resolve it/);
      expect(at(text, findings[0])).toMatch(/^"/);
      const bare = run(HTML, [span(value)], '', { skipDataChecks: true }).findings;
      expect(brief(bare), x).toEqual([['span-out-of-range', 'error', 'value.start']]);
    }
  });

  test('an XPath written without positions or in capitals resolves, with a warning and a fix to the form Label Studio writes', () => {
    const { findings } = run(HTML, [span({ start: '/P[2]/text()', end: '/p[2]/text()[1]', startOffset: 7, endOffset: 10, text: 'one' })]);
    expect(brief(findings)).toEqual([['span-out-of-range', 'warning', 'value.start']]);
    expect(findings[0].fix!.edits[0].value).toBe('/p[2]/text()[1]');
  });

  test('a span reversed across nodes is an error', () => {
    const { findings } = run(HTML, [span({ start: '/p[2]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 2 })]);
    expect(brief(findings)).toEqual([['span-out-of-range', 'error', 'value.startOffset']]);
    expect(findings[0].message).toMatch(/starts at character 11 .* ends at character 2 .*reversed/);
  });

  test('entities, <br> and nested inline tags resolve as the browser parses them (code points, a <br> as one)', () => {
    const html = '<p>Caf&eacute; &amp; <b>bar<i>baz</i></b> end<br>next &lt;line&gt;&nbsp;ok</p>';
    // Text nodes: "Café & " (7), b: "bar" (3), i: "baz" (3), " end" (4), <br> (1), "next <line>\u00a0ok" (14).
    const ok = (value: SpanValue) => expect(run(html, [span(value)]).findings, JSON.stringify(value)).toEqual([]);
    ok({ start: '/p[1]/b[1]/i[1]/text()[1]', end: '/p[1]/b[1]/i[1]/text()[1]', startOffset: 0, endOffset: 3, text: 'baz', globalOffsets: { start: 10, end: 13 } });
    ok({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 6, text: 'Café &', globalOffsets: { start: 0, end: 6 } });
    ok({ start: '/p[1]/text()[3]', end: '/p[1]/text()[3]', startOffset: 5, endOffset: 11, text: '<line>', globalOffsets: { start: 23, end: 29 } });
    // Across the <br>: Label Studio's selection reads a line break there.
    ok({ start: '/p[1]/text()[2]', end: '/p[1]/text()[3]', startOffset: 1, endOffset: 4, text: 'end\\nnext', globalOffsets: { start: 14, end: 22 } });
    // An element path counts the text inside it.
    ok({ start: '/p[1]/b[1]', end: '/p[1]/b[1]', startOffset: 2, endOffset: 6, text: 'rbaz', globalOffsets: { start: 9, end: 13 } });
    // The text node after the <br> has 14 characters: "&nbsp;" is one.
    const past = run(html, [span({ start: '/p[1]/text()[3]', end: '/p[1]/text()[3]', startOffset: 0, endOffset: 15 })]).findings;
    expect(past[0].message).toMatch(/^\/p\[1\]\/text\(\)\[3\] has 14 characters/);
    // A <br> counts one in globalOffsets: without it, 22..28 would be off by one.
    const off = run(html, [span({ start: '/p[1]/text()[3]', end: '/p[1]/text()[3]', startOffset: 5, endOffset: 11, globalOffsets: { start: 22, end: 28 } })]).findings;
    expect(brief(off)).toEqual([['span-out-of-range', 'error', 'value.globalOffsets']]);
  });

  test('offsets count code points: an emoji before the span is one character', () => {
    const html = '<p>Hi 👋 <b>Ana</b></p>';
    const value = { start: '/p[1]/b[1]/text()[1]', end: '/p[1]/b[1]/text()[1]', startOffset: 0, endOffset: 3, text: 'Ana' };
    expect(run(html, [span({ ...value, globalOffsets: { start: 5, end: 8 } })]).findings).toEqual([]);
    expect(brief(run(html, [span({ ...value, globalOffsets: { start: 6, end: 9 } })]).findings)).toEqual([['span-out-of-range', 'error', 'value.globalOffsets']]);
  });

  test('the tree is the browser\'s: implied <tbody>, a <p> closed by a block, text around a removed <script> joined', () => {
    const table = '<table><tr><td>Ana</td><td>ACME</td></tr></table>';
    expect(run(table, [span({ start: '/table[1]/tbody[1]/tr[1]/td[2]/text()[1]', end: '/table[1]/tbody[1]/tr[1]/td[2]/text()[1]', startOffset: 0, endOffset: 4, text: 'ACME' })]).findings).toEqual([]);
    const noTbody = run(table, [span({ start: '/table[1]/tr[1]/td[2]/text()[1]', end: '/table[1]/tr[1]/td[2]/text()[1]', startOffset: 0, endOffset: 4 })]).findings;
    expect(noTbody[0].message).toMatch(/\/table\[1\]\/tr\[1\] does not exist: \/table\[1\] \(<table>\) has no <tr> child/);
    // <p> is closed by <div>: the div is the root's child, not the p's.
    expect(run('<p>a<div>b</div>', [span({ start: '/div[1]/text()[1]', end: '/div[1]/text()[1]', startOffset: 0, endOffset: 1, text: 'b' })]).findings).toEqual([]);
    // Label Studio removes <script> with its content: "a" and "b" are one text node of two characters.
    const script = '<p>a<script>var x = 1</script>b</p>';
    expect(run(script, [span({ start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 2, text: 'ab', globalOffsets: { start: 0, end: 2 } })]).findings).toEqual([]);
    expect(run(script, [span({ start: '/p[1]/text()[2]', end: '/p[1]/text()[2]', startOffset: 0, endOffset: 1 })]).findings[0].message).toMatch(/has 1 text node child$|has 1 text node child\./);
  });

  test('the content root is the iframe\'s body, or with inline="true" a div holding everything', () => {
    const html = '<title>T</title><p>x</p>';
    const value = { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 1, text: 'x' };
    // In the iframe the <title> goes to <head>: the text starts with "x".
    expect(run(html, [span({ ...value, globalOffsets: { start: 0, end: 1 } })]).findings).toEqual([]);
    // Inline, the title's text is in the root before it.
    expect(run(html, [span({ ...value, globalOffsets: { start: 1, end: 2 } })], ' inline="true"').findings).toEqual([]);
    expect(brief(run(html, [span({ ...value, globalOffsets: { start: 0, end: 1 } })], ' inline="true"').findings)).toEqual([['span-out-of-range', 'error', 'value.globalOffsets']]);
  });

  test('valueType="url": the HTML is not in the task, so only the XPath\'s form is checked', () => {
    const value = { start: '/p[9]/text()[1]', end: '/p[9]/text()[1]', startOffset: 999, endOffset: 1000, text: 'x', globalOffsets: { start: 5000, end: 5001 } };
    expect(run('https://example.com/page.html', [span(value)], ' valueType="url"').findings).toEqual([]);
    expect(brief(run('https://example.com/page.html', [span({ ...value, start: '//p' })], ' valueType="url"').findings)).toEqual([['span-out-of-range', 'error', 'value.start']]);
  });

  test('encoding="base64": the HTML is decoded first', () => {
    const b64 = Buffer.from('<p>Olá</p>', 'utf8').toString('base64');
    const value = { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 3, text: 'Olá' };
    expect(run(b64, [span(value)], ' encoding="base64unicode"').findings).toEqual([]);
    expect(brief(run(b64, [span({ ...value, endOffset: 4 })], ' encoding="base64unicode"').findings)).toEqual([['span-out-of-range', 'error', 'value.endOffset']]);
  });

  test('a task\'s HTML is parsed once for all its spans, and not again when the same HTML is checked again', () => {
    const html = `<div>${Array.from({ length: 200 }, (_, i) => `<p>para ${i}</p>`).join('')}</div>`;
    const result = Array.from({ length: 2000 }, (_, i) => span({ start: `/div[1]/p[${(i % 200) + 1}]/text()[1]`, end: `/div[1]/p[${(i % 200) + 1}]/text()[1]`, startOffset: 0, endOffset: 4, text: 'para' }, `s${i}`));
    parses.count = 0;
    expect(run(html, result).findings).toEqual([]);
    // One parse of the task's HTML (the <div> context of inline HyperText is parsed once per process).
    expect(parses.count).toBe(1);
    run(html, result);
    expect(parses.count).toBe(1);
  });

  test('without an HTML parser loaded (the app\'s page before it fetches one), spans are checked in their form only: nothing false', () => {
    setHtmlParser(null);
    try {
      const past = { start: '/p[2]/text()[1]', end: '/p[2]/text()[1]', startOffset: 20, endOffset: 22, text: 'nothing like it' };
      expect(run('<p>unparsed this time</p>', [span(past)]).findings).toEqual([]);
      expect(brief(run('<p>unparsed this time</p>', [span({ ...past, start: '//p' })]).findings)).toEqual([['span-out-of-range', 'error', 'value.start']]);
    } finally {
      setHtmlParser(counting);
    }
  });
});
