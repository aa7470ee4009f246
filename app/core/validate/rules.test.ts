// Every rule, both ways: it fires on a broken input (at the right place, with its suggestion and fix),
// and stays quiet on the valid neighbour. Applying the fix makes the finding go away.

import { describe, expect, test } from 'vitest';
import { applyEdits } from '../edits';
import { check, rules, type Finding } from '..';

const IMG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Car" background="blue"/>
    <Label value="Airplane" alias="plane"/>
  </RectangleLabels>
  <Polygon name="poly" toName="image"/>
  <KeyPoint name="kp" toName="image"/>
  <BrushLabels name="brush" toName="image"><Label value="Car"/></BrushLabels>
  <Choices name="choice" toName="image"><Choice value="A"/><Choice value="B"/></Choices>
  <Choices name="multi" toName="image" choice="multiple"><Choice value="A"/><Choice value="B"/></Choices>
  <Rating name="rating" toName="image" maxRating="5"/>
  <Number name="num" toName="image" min="0" max="10"/>
  <TextArea name="note" toName="image" perRegion="true"/>
  <Taxonomy name="tax" toName="image"><Choice value="Animal"><Choice value="Cat"/></Choice><Choice value="Plant"/></Taxonomy>
</View>`;

const TXT = `<View>
  <Text name="text" value="$text"/>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
  <Relations><Relation value="works_for"/></Relations>
</View>`;

const rect = (value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  from_name: 'label',
  to_name: 'image',
  type: 'rectanglelabels',
  original_width: 800,
  original_height: 600,
  value: { x: 10, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: ['Car'], ...value },
  ...extra,
});

const imageTasks = (result: unknown[], prediction: Record<string, unknown> = {}) => [{ data: { image: 'a.png' }, predictions: [{ model_version: 'm1', score: 0.5, result, ...prediction }] }];

const TEXT = 'Ana 👋 works for ACME.';
const span = (start: number, end: number, text: string, extra: Record<string, unknown> = {}) => ({ id: 's1', from_name: 'ner', to_name: 'text', type: 'labels', value: { start, end, text, labels: ['PER'] }, ...extra });
const textTasks = (result: unknown[]) => [{ data: { text: TEXT }, predictions: [{ model_version: 'm1', result }] }];

// A 2x2 mask with pixels 0 and 3 painted, as @thi.ng/rle-pack encodes it (rle.test.ts checks the encoder).
const MASK_2x2 = [0, 0, 0, 16, 57, 27, 252, 127, 243, 128, 71, 254];

interface Case {
  rule: string;
  config?: string;
  /** Tasks as a value (stringified) or a raw text. */
  bad: unknown;
  good: unknown;
  result?: number | null;
  suggestion?: string;
  /** The text the finding's line:column points at starts with this. */
  at?: string;
  /** Applying the finding's fix makes it go away. */
  fixes?: boolean;
}

const cases: Case[] = [
  { rule: 'xml-syntax', config: '<View>\n  <Image name="image" value="$image">\n</View>', bad: imageTasks([]), good: imageTasks([]) },
  { rule: 'config-structure', config: '<View><Image name="image" value="$image"/><Choices name="image" toName="image"><Choice value="A"/></Choices></View>', bad: imageTasks([]), good: imageTasks([]) },
  { rule: 'no-control', config: '<View>\n  <Image name="image" value="$image"/>\n</View>', bad: imageTasks([rect({})]), good: imageTasks([rect({})]), at: '<View>' },
  { rule: 'unknown-tag', config: '<View><Image name="image" value="$image"/><Imagee name="x"/></View>', bad: imageTasks([]), good: imageTasks([]) },
  { rule: 'invalid-color', config: '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car" background="url(https://example.com/x.png)"/></RectangleLabels></View>', bad: imageTasks([]), good: imageTasks([]), at: 'background=' },
  { rule: 'json-syntax', bad: '[\n  {"data": {"image": "a.png"}},\n]', good: '[\n  {"data": {"image": "a.png"}}\n]', at: ']' },
  { rule: 'task-shape', bad: [{ data: { image: 'a.png' }, predictions: { model_version: 'm', result: [] } }], good: [{ data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: [] }] }], fixes: true },
  { rule: 'no-predictions', bad: [{ data: { image: 'a.png' } }, { data: { image: 'b.png' }, predictions: [] }], good: imageTasks([rect({})]), result: null, at: '{' },
  { rule: 'result-shape', bad: imageTasks([rect({}, { to_name: ['image'] })]), good: imageTasks([rect({})]), result: 0, suggestion: 'image', at: '[', fixes: true },
  { rule: 'value-shape', bad: imageTasks([rect({ rectanglelabels: 'Car' })]), good: imageTasks([rect({})]), result: 0, at: '"Car"', fixes: true },
  { rule: 'data-missing', bad: [{ data: { img: 'a.png' }, predictions: [] }], good: [{ data: { image: 'a.png' }, predictions: [] }] },
  { rule: 'unknown-from-name', bad: imageTasks([rect({}, { from_name: 'lable' })]), good: imageTasks([rect({})]), result: 0, suggestion: 'label', at: '"lable"', fixes: true },
  { rule: 'unknown-to-name', bad: imageTasks([rect({}, { to_name: 'img' })]), good: imageTasks([rect({})]), result: 0, suggestion: 'image', at: '"img"', fixes: true },
  {
    rule: 'to-name-mismatch',
    config: '<View><Image name="a" value="$image"/><Image name="b" value="$image"/><Rectangle name="box" toName="a"/></View>',
    bad: imageTasks([{ id: 'x', from_name: 'box', to_name: 'b', type: 'rectangle', value: { x: 1, y: 1, width: 2, height: 2 } }]),
    good: imageTasks([{ id: 'x', from_name: 'box', to_name: 'a', type: 'rectangle', value: { x: 1, y: 1, width: 2, height: 2 } }]),
    result: 0,
    suggestion: 'a',
    at: '"b"',
    fixes: true,
  },
  {
    rule: 'type-mismatch',
    bad: imageTasks([{ id: 'k', from_name: 'poly', to_name: 'image', type: 'keypoint', value: { x: 5, y: 5, width: 1 } }]),
    good: imageTasks([{ id: 'k', from_name: 'kp', to_name: 'image', type: 'keypoint', value: { x: 5, y: 5, width: 1 } }]),
    result: 0,
    suggestion: 'kp',
    at: '"keypoint"',
    fixes: true,
  },
  { rule: 'unknown-label', bad: imageTasks([rect({ rectanglelabels: ['car'] })]), good: imageTasks([rect({ rectanglelabels: ['plane'] })]), result: 0, suggestion: 'Car', at: '"car"', fixes: true },
  { rule: 'out-of-bounds', bad: imageTasks([rect({ x: 400, y: 300, width: 80, height: 60 })]), good: imageTasks([rect({ x: 50, y: 50, width: 10, height: 10 })]), result: 0, at: '400', fixes: true },
  {
    rule: 'suspect-units',
    bad: imageTasks([rect({ x: 0.1, y: 0.2, width: 0.3, height: 0.25 }), rect({ x: 0.5, y: 0.5, width: 0.1, height: 0.1 }, { id: 'r2' })]),
    good: imageTasks([rect({ x: 10, y: 20, width: 30, height: 25 }), rect({ x: 50, y: 50, width: 10, height: 10 }, { id: 'r2' })]),
    result: 0,
    fixes: true,
  },
  { rule: 'span-out-of-range', config: TXT, bad: textTasks([span(4, 40, 'x')]), good: textTasks([span(0, 3, 'Ana')]), result: 0, at: '40' },
  // "works" starts at code point 6 (the emoji is one code point) but UTF-16 index 7.
  { rule: 'span-text-mismatch', config: TXT, bad: textTasks([span(7, 12, 'works')]), good: textTasks([span(6, 11, 'works')]), result: 0, suggestion: 'start 6, end 11', fixes: true },
  { rule: 'score-range', bad: imageTasks([rect({})], { score: 87 }), good: imageTasks([rect({})], { score: 0.87 }), result: null, at: '87' },
  { rule: 'duplicate-id', bad: imageTasks([rect({}), rect({ x: 50 })]), good: imageTasks([rect({}), rect({ x: 50 }, { id: 'r2' })]), result: 1 },
  {
    rule: 'orphan-region-ref',
    bad: imageTasks([rect({}), { id: 'zzz', from_name: 'note', to_name: 'image', type: 'textarea', value: { text: ['a car'] } }]),
    good: imageTasks([rect({}), { id: 'r1', from_name: 'note', to_name: 'image', type: 'textarea', value: { text: ['a car'] } }]),
    result: 1,
    at: '"zzz"',
  },
  {
    rule: 'rle-invalid',
    bad: imageTasks([{ id: 'm', from_name: 'brush', to_name: 'image', type: 'brushlabels', original_width: 2, original_height: 2, value: { format: 'rle', rle: [345, 12, 800, 3], brushlabels: ['Car'] } }]),
    good: imageTasks([{ id: 'm', from_name: 'brush', to_name: 'image', type: 'brushlabels', original_width: 2, original_height: 2, value: { format: 'rle', rle: MASK_2x2, brushlabels: ['Car'] } }]),
    result: 0,
  },
  {
    rule: 'single-choice',
    bad: imageTasks([{ id: 'c', from_name: 'choice', to_name: 'image', type: 'choices', value: { choices: ['A', 'B'] } }]),
    good: imageTasks([{ id: 'c', from_name: 'multi', to_name: 'image', type: 'choices', value: { choices: ['A', 'B'] } }]),
    result: 0,
    fixes: true,
  },
  {
    rule: 'max-usages',
    config: '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image"><Label value="Car" maxUsages="1"/><Label value="Bus"/></RectangleLabels></View>',
    bad: imageTasks([rect({}), rect({ x: 50 }, { id: 'r2' })]),
    good: imageTasks([rect({}), rect({ x: 50, rectanglelabels: ['Bus'] }, { id: 'r2' })]),
    result: 1,
    at: '[',
  },
  {
    rule: 'unknown-item',
    config: '<View><List name="search" value="$items"/><Ranker name="rank" toName="search"/></View>',
    bad: [{ data: { items: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }, predictions: [{ model_version: 'm', result: [{ id: 'k', from_name: 'rank', to_name: 'search', type: 'ranker', value: { ranker: { rank: ['b', 'c'] } } }] }] }],
    good: [{ data: { items: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }, predictions: [{ model_version: 'm', result: [{ id: 'k', from_name: 'rank', to_name: 'search', type: 'ranker', value: { ranker: { rank: ['b', 'a'] } } }] }] }],
    result: 0,
    at: '"c"',
  },
  { rule: 'missing-model-version', bad: [{ data: { image: 'a.png' }, predictions: [{ result: [rect({})] }] }], good: imageTasks([rect({})]), result: null },
];

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('every rule has a case', () => {
  test('the cases cover the registry', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(rules.map((r) => r.id).sort());
  });
});

describe.each(cases)('$rule', (c) => {
  const config = c.config ?? IMG;
  const goodConfig = c.rule === 'xml-syntax' || c.rule === 'config-structure' || c.rule === 'no-control' || c.rule === 'unknown-tag' || c.rule === 'invalid-color' ? IMG : config;

  test('fires on the broken input, at its place', () => {
    const badText = text(c.bad);
    const { report } = check(config, badText);
    const found = ofRule(report.findings, c.rule);
    expect(found.length, JSON.stringify(report.findings, null, 1)).toBeGreaterThan(0);
    const f = found[0];
    expect(f.severity).toBe(rules.find((r) => r.id === c.rule)!.severity);
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.line).toBeGreaterThan(0);
    expect(f.column).toBeGreaterThan(0);
    if (c.result !== undefined) expect(f.result).toBe(c.result);
    if (c.suggestion !== undefined) expect(f.suggestion).toBe(c.suggestion);
    if (c.at !== undefined) {
      const source = f.source === 'config' ? config : badText;
      const line = source.split('\n')[f.line - 1];
      expect(line.slice(f.column - 1)).toMatch(new RegExp('^' + c.at.replace(/[[\]"().]/g, '\\$&')));
    }
  });

  test('stays quiet on the valid neighbour', () => {
    const { report } = check(goodConfig, text(c.good));
    expect(report.findings.filter((f) => f.rule === c.rule || f.severity === 'error')).toEqual([]);
  });

  if (c.fixes) {
    test('its fix removes the finding', () => {
      const badText = text(c.bad);
      const first = check(config, badText);
      const f = ofRule(first.report.findings, c.rule).find((x) => x.fix)!;
      expect(f?.fix?.edits.length).toBeGreaterThan(0);
      const fixed = applyEdits(first.doc.tasks, f.fix!.edits);
      const again = check(config, JSON.stringify(fixed, null, 2));
      expect(ofRule(again.report.findings, c.rule)).toEqual([]);
      expect(again.report.findings.filter((x) => x.severity === 'error')).toEqual([]);
    });
  }
});

describe('details users rely on', () => {
  test('pixel coordinates: the message says so and the fix converts with original_width/height', () => {
    const { report, doc } = check(IMG, JSON.stringify(imageTasks([rect({ x: 400, y: 300, width: 80, height: 60 })])));
    const f = ofRule(report.findings, 'out-of-bounds')[0];
    expect(f.message).toMatch(/look like pixels/);
    const fixed = applyEdits(doc.tasks, f.fix!.edits) as { predictions: { result: { value: Record<string, number> }[] }[] }[];
    expect(fixed[0].predictions[0].result[0].value).toMatchObject({ x: 50, y: 50, width: 10, height: 10 });
  });

  test('pixels are judged per prediction: a box whose numbers happen to fit 0..100 is converted with the rest', () => {
    // 800 x 600 image: the first two boxes are clearly pixels; the third (x 40, y 30, 60 x 50) could pass for percent.
    const tasks = imageTasks([rect({ x: 400, y: 300, width: 80, height: 60 }), rect({ x: 120, y: 450, width: 200, height: 90 }, { id: 'r2' }), rect({ x: 40, y: 30, width: 60, height: 50 }, { id: 'r3' })]);
    const { report, doc } = check(IMG, JSON.stringify(tasks));
    expect(report.findings.map((f) => [f.rule, f.result])).toEqual([['out-of-bounds', 0], ['out-of-bounds', 1], ['suspect-units', 2]]);
    // Every region of the prediction offers the same fix, and it converts all three.
    const titles = new Set(report.findings.map((f) => f.fix?.title));
    expect([...titles]).toEqual(['Convert all 3 image regions of this prediction from pixels to percent']);
    expect(report.findings[2].message).toMatch(/2 of the 3 image regions/);
    const fixed = applyEdits(doc.tasks, report.findings[0].fix!.edits) as { predictions: { result: { value: Record<string, number> }[] }[] }[];
    expect(fixed[0].predictions[0].result.map((r) => [r.value.x, r.value.y, r.value.width, r.value.height])).toEqual([
      [50, 50, 10, 10],
      [15, 75, 25, 15],
      [5, 5, 7.5, 8.3333],
    ]);
    expect(check(IMG, JSON.stringify(fixed)).report.findings).toEqual([]);
  });

  test('one pixel box among percent boxes is not a pixel prediction: only that box is converted', () => {
    const tasks = imageTasks([rect({ x: 400, y: 300, width: 80, height: 60 }), rect({ x: 40, y: 30, width: 20, height: 20 }, { id: 'r2' }), rect({ x: 10, y: 60, width: 20, height: 20 }, { id: 'r3' })]);
    const { report } = check(IMG, JSON.stringify(tasks));
    expect(report.findings.map((f) => [f.rule, f.result])).toEqual([['out-of-bounds', 0]]);
    expect(report.findings[0].fix!.edits.every((e) => e.path[3] === 0)).toBe(true);
  });

  test('a rectangle past the right edge is out of bounds; one that ends exactly at 100 is not', () => {
    const past = check(IMG, JSON.stringify(imageTasks([rect({ x: 0, y: 44.37, width: 100.2, height: 51.15 })])));
    expect(ofRule(past.report.findings, 'out-of-bounds')).toHaveLength(1);
    const edge = check(IMG, JSON.stringify(imageTasks([rect({ x: 60, y: 70, width: 40, height: 30 })])));
    expect(edge.report.findings).toEqual([]);
  });

  describe('a rounding sliver past the edge is an overflow to clamp, not pixels', () => {
    const fixOf = (tasks: unknown) => {
      const { report, doc } = check(IMG, JSON.stringify(tasks));
      const found = ofRule(report.findings, 'out-of-bounds');
      expect(found).toHaveLength(1);
      const fixed = applyEdits(doc.tasks, found[0].fix!.edits) as { predictions: { result: { value: Record<string, unknown> }[] }[] }[];
      return { f: found[0], fixed, again: check(IMG, JSON.stringify(fixed)).report.findings };
    };

    test.each([
      ['with original_width/height', {}],
      ['without them', { original_width: undefined, original_height: undefined }],
    ])('width 100.2 at x 0 (%s): an error, since a value above 100 fails Label Studio\'s prediction check; the fix ends the box at 100', (_what, extra) => {
      const { f, fixed, again } = fixOf(imageTasks([rect({ x: 0, y: 44.37, width: 100.2, height: 51.15 }, extra)]));
      expect(f.severity).toBe('error');
      expect(f.message).not.toMatch(/look like pixels|divide/);
      expect(f.message).toMatch(/by 0\.2 .*not pixels/);
      expect(f.fix!.title).toBe('Clamp the box to the image edges');
      expect(fixed[0].predictions[0].result[0].value).toMatchObject({ x: 0, width: 100, y: 44.37, height: 51.15 });
      expect(again).toEqual([]);
    });

    test('x + width 100.3 with each value in range: a warning (Label Studio draws it as given), fixed by shortening the box', () => {
      const { f, fixed, again } = fixOf(imageTasks([rect({ x: 50, y: 10, width: 50.3, height: 20 })]));
      expect(f.severity).toBe('warning');
      expect(f.message).toMatch(/x \+ width = 100\.3 goes past the right edge.*does not clamp/);
      expect(fixed[0].predictions[0].result[0].value).toMatchObject({ x: 50, width: 50 });
      expect(again).toEqual([]);
    });

    test('a negative sliver keeps the far edge: x -0.2, width 10 becomes x 0, width 9.8; y past the bottom too', () => {
      const { f, fixed, again } = fixOf(imageTasks([rect({ x: -0.2, y: 80, width: 10, height: 20.5 })]));
      expect(f.severity).toBe('warning');
      expect(fixed[0].predictions[0].result[0].value).toMatchObject({ x: 0, width: 9.8, y: 80, height: 20 });
      expect(again).toEqual([]);
    });

    test('a polygon point at 100.4: clamped to 100', () => {
      const poly = { id: 'p', from_name: 'poly', to_name: 'image', type: 'polygon', value: { points: [[10, 10], [100.4, 50], [10, 90]] } };
      const { f, fixed, again } = fixOf(imageTasks([poly]));
      expect(f.severity).toBe('error');
      expect(fixed[0].predictions[0].result[0].value.points).toEqual([[10, 10], [100, 50], [10, 90]]);
      expect(again).toEqual([]);
    });

    test('more than a sliver is not clamped: width 103 still reads as pixels', () => {
      const { report } = check(IMG, JSON.stringify(imageTasks([rect({ x: 0, y: 0, width: 103, height: 20 })])));
      const f = ofRule(report.findings, 'out-of-bounds')[0];
      expect(f.message).toMatch(/look like pixels/);
      expect(f.fix?.title ?? '').not.toMatch(/Clamp/);
    });

    test('in a prediction clearly in pixels, a box at 100.5 is pixels like the others, converted with them', () => {
      const tasks = imageTasks([rect({ x: 400, y: 300, width: 80, height: 60 }), rect({ x: 100.5, y: 30, width: 60, height: 50 }, { id: 'r2' }), rect({ x: 120, y: 450, width: 200, height: 90 }, { id: 'r3' })]);
      const { report } = check(IMG, JSON.stringify(tasks));
      const f = ofRule(report.findings, 'out-of-bounds').find((x) => x.result === 1)!;
      expect(f.message).toMatch(/look like pixels/);
      expect(f.fix!.title).toBe('Convert all 3 image regions of this prediction from pixels to percent');
    });
  });

  test('a score above 1 is read as a percentage only where that is the likely reading', () => {
    const message = (score: unknown) => ofRule(check(IMG, JSON.stringify(imageTasks([rect({})], { score }))).report.findings, 'score-range').map((f) => f.message).join(' | ');
    expect(message(87)).toMatch(/It looks like a percentage: use 0\.87\./);
    // 1.5 may be a percentage, a logit or a rating: /100 is one reading among them, not the answer.
    expect(message(1.5)).toMatch(/outside 0\.\.1\. If it is a percentage, that is 0\.015; if it is a logit or a score on another scale/);
    expect(message(1.5)).not.toMatch(/looks like a percentage/);
    expect(message(4)).toMatch(/If it is a percentage, that is 0\.04; .*rating divided by its maximum/);
    for (const score of [-2, 250]) {
      expect(message(score)).not.toMatch(/percentage/);
      expect(message(score)).toMatch(/not a probability: map it into 0\.\.1 \(a logit through a sigmoid\)/);
    }
    expect(message('1.5')).toMatch(/write it as a number \(1\.5\).*If it is a percentage, that is 0\.015/);
  });

  test('a label spelled out where the config abbreviates it (Location for LOC): did you mean, with a fix', () => {
    const config = TXT.replace('<Label value="ORG"/>', '<Label value="ORG"/><Label value="LOC"/>');
    const bad = textTasks([{ ...span(0, 3, 'Ana'), value: { start: 0, end: 3, text: 'Ana', labels: ['Location'] } }]);
    const { report, doc } = check(config, JSON.stringify(bad));
    const f = ofRule(report.findings, 'unknown-label')[0];
    expect(f.message).toMatch(/Label "Location" is not in "ner".*Did you mean "LOC"\?/);
    expect(f.suggestion).toBe('LOC');
    const fixed = applyEdits(doc.tasks, f.fix!.edits);
    expect(check(config, JSON.stringify(fixed)).report.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  test('the OCR pattern (box + label + transcription sharing an id) is one region, not a duplicate', () => {
    const cfg = `<View><Image name="image" value="$ocr"/><Labels name="label" toName="image"><Label value="Text"/></Labels>
      <Rectangle name="bbox" toName="image"/><TextArea name="transcription" toName="image" perRegion="true"/></View>`;
    const geo = { x: 48.9, y: 61.3, width: 9.7, height: 2.8, rotation: 0 };
    const tasks = [{ data: { ocr: 'r.png' }, predictions: [{ model_version: 'ocr', result: [
      { id: 'bb1', from_name: 'bbox', to_name: 'image', type: 'rectangle', value: geo },
      { id: 'bb1', from_name: 'label', to_name: 'image', type: 'labels', value: { ...geo, labels: ['Text'] } },
      { id: 'bb1', from_name: 'transcription', to_name: 'image', type: 'textarea', value: { ...geo, text: ['TOTAL'] } },
    ] }] }];
    expect(check(cfg, JSON.stringify(tasks)).report.findings).toEqual([]);
  });

  test('a label string instead of a list is value-shape with a wrapping fix, not unknown-label', () => {
    const { report } = check(IMG, JSON.stringify(imageTasks([rect({ rectanglelabels: 'Car' })])));
    expect(report.findings.map((f) => f.rule)).toEqual(['value-shape']);
    expect(report.findings[0].fix?.edits[0].value).toEqual(['Car']);
  });

  test('labels where paragraphlabels belongs: value-shape with a rename fix', () => {
    const cfg = '<View><Paragraphs name="dialog" value="$dialog"/><ParagraphLabels name="pl" toName="dialog"><Label value="Q"/></ParagraphLabels></View>';
    const tasks = [{ data: { dialog: [{ author: 'a', text: 'hello there' }] }, predictions: [{ model_version: 'm', result: [
      { id: 'p', from_name: 'pl', to_name: 'dialog', type: 'paragraphlabels', value: { start: '0', end: '0', startOffset: 0, endOffset: 5, labels: ['Q'] } },
    ] }] }];
    const { report, doc } = check(cfg, JSON.stringify(tasks));
    expect(report.findings.map((f) => f.rule)).toEqual(['value-shape']);
    const fixed = applyEdits(doc.tasks, report.findings[0].fix!.edits);
    expect(check(cfg, JSON.stringify(fixed)).report.findings).toEqual([]);
  });

  test('relations: to a missing region is orphan-region-ref; a relation label not in <Relations> is unknown-label', () => {
    const ok = [span(0, 3, 'Ana'), span(16, 20, 'ACME', { id: 's2', value: { start: 16, end: 20, text: 'ACME', labels: ['ORG'] } })];
    const good = check(TXT, JSON.stringify(textTasks([...ok, { type: 'relation', from_id: 's1', to_id: 's2', direction: 'right', labels: ['works_for'] }])));
    expect(good.report.findings).toEqual([]);
    const bad = check(TXT, JSON.stringify(textTasks([...ok, { type: 'relation', from_id: 's1', to_id: 's9', direction: 'right', labels: ['knows'] }])));
    expect(bad.report.findings.map((f) => f.rule).sort()).toEqual(['orphan-region-ref', 'unknown-label']);
  });

  test('dynamic labels accept any label', () => {
    const cfg = '<View><Image name="image" value="$image"/><RectangleLabels name="label" toName="image" value="$labels"/></View>';
    const tasks = [{ data: { image: 'a.png', labels: [{ value: 'Zebra' }] }, predictions: [{ model_version: 'm', result: [rect({ rectanglelabels: ['Zebra'] })] }] }];
    expect(check(cfg, JSON.stringify(tasks)).report.findings).toEqual([]);
  });

  test('Repeater names ({{idx}}) match from_name and to_name with an index', () => {
    const cfg = `<View><Repeater on="$utterances" indexFlag="{{idx}}"><Text name="user_{{idx}}" value="$utterances[{{idx}}].text"/>
      <Choices name="act_{{idx}}" toName="user_{{idx}}"><Choice value="Yes"/></Choices></Repeater></View>`;
    const tasks = [{ data: { utterances: [{ text: 'hi' }, { text: 'yo' }] }, predictions: [{ model_version: 'm', result: [
      { id: 'a', from_name: 'act_1', to_name: 'user_1', type: 'choices', value: { choices: ['Yes'] } },
    ] }] }];
    expect(check(cfg, JSON.stringify(tasks)).report.findings).toEqual([]);
    tasks[0].predictions[0].result[0].from_name = 'act_x';
    expect(check(cfg, JSON.stringify(tasks)).report.findings.map((f) => f.rule)).toEqual(['unknown-from-name']);
  });

  test('taxonomy paths must follow the tree', () => {
    const tax = (path: string[]) => imageTasks([{ id: 't', from_name: 'tax', to_name: 'image', type: 'taxonomy', value: { taxonomy: [path] } }]);
    expect(check(IMG, JSON.stringify(tax(['Animal', 'Cat']))).report.findings).toEqual([]);
    const bad = check(IMG, JSON.stringify(tax(['Plant', 'Cat']))).report.findings;
    expect(bad.map((f) => f.rule)).toEqual(['unknown-label']);
    expect(bad[0].message).toMatch(/under "Plant"/);
  });

  test('rating above maxRating and number outside min/max are out-of-bounds', () => {
    const r = (from: string, type: string, value: unknown) => imageTasks([{ id: 'q', from_name: from, to_name: 'image', type, value }]);
    expect(check(IMG, JSON.stringify(r('rating', 'rating', { rating: 6 }))).report.findings.map((f) => f.rule)).toEqual(['out-of-bounds']);
    expect(check(IMG, JSON.stringify(r('rating', 'rating', { rating: 5 }))).report.findings).toEqual([]);
    expect(check(IMG, JSON.stringify(r('num', 'number', { number: 11 }))).report.findings.map((f) => f.rule)).toEqual(['out-of-bounds']);
    expect(check(IMG, JSON.stringify(r('num', 'number', { number: 10 }))).report.findings).toEqual([]);
  });

  test('a text span whose text occurs elsewhere gets a fix moving it there', () => {
    const { report } = check(TXT, JSON.stringify(textTasks([span(0, 4, 'ACME')])));
    const f = ofRule(report.findings, 'span-text-mismatch')[0];
    expect(f.suggestion).toBe('start 16, end 20');
  });

  test('newlines in value.text written as backslash-n (as Label Studio exports them) match the data', () => {
    const tasks = [{ data: { text: 'line one\nline two' }, predictions: [{ model_version: 'm1', result: [{ id: 's', from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 5, end: 13, text: 'one\\nline', labels: ['PER'] } }] }] }];
    expect(check(TXT, JSON.stringify(tasks)).report.findings).toEqual([]);
  });

  test('value.text that differs from the data only in whitespace: a warning that the offsets are right', () => {
    const tasks = [{ data: { text: 'Ana  works\tfor ACME.' }, predictions: [{ model_version: 'm1', result: [{ id: 's', from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 0, end: 14, text: 'Ana works for', labels: ['PER'] } }] }] }];
    const fs = check(TXT, JSON.stringify(tasks)).report.findings;
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['span-text-mismatch', 'warning']]);
    expect(fs[0].message).toMatch(/only in whitespace/);
    expect(fs[0].message).toMatch(/offsets are right/);
  });

  test('a control with a lower-case toname is checked for to-name-mismatch like toName', () => {
    const cfg = '<View><Image name="a" value="$image"/><Image name="b" value="$image"/><Rectangle name="box" toname="a"/></View>';
    const { report } = check(cfg, JSON.stringify(imageTasks([{ id: 'x', from_name: 'box', to_name: 'b', type: 'rectangle', value: { x: 1, y: 1, width: 2, height: 2 } }])));
    expect(report.findings.map((f) => f.rule)).toEqual(['to-name-mismatch']);
  });

  test('maxUsages counts regions, not results: the OCR box and its label sharing an id are one use', () => {
    const cfg = '<View><Image name="image" value="$image"/><Rectangle name="box" toName="image"/><Labels name="label" toName="image" maxUsages="1"><Label value="Text"/></Labels></View>';
    const geo = { x: 1, y: 1, width: 2, height: 2 };
    const one = [{ id: 'a', from_name: 'box', to_name: 'image', type: 'rectangle', value: geo }, { id: 'a', from_name: 'label', to_name: 'image', type: 'labels', value: { ...geo, labels: ['Text'] } }];
    expect(check(cfg, JSON.stringify(imageTasks(one))).report.findings).toEqual([]);
    const two = [...one, { id: 'b', from_name: 'box', to_name: 'image', type: 'rectangle', value: geo }, { id: 'b', from_name: 'label', to_name: 'image', type: 'labels', value: { ...geo, labels: ['Text'] } }];
    const fs = check(cfg, JSON.stringify(imageTasks(two))).report.findings;
    expect(fs.map((f) => [f.rule, f.result])).toEqual([['max-usages', 3]]);
    expect(fs[0].message).toMatch(/may be used 1 time/);
  });

  test('an ellipse or keypoint reaching past the image edge is an out-of-bounds warning; one inside is quiet', () => {
    const cfg = '<View><Image name="image" value="$image"/><Ellipse name="e" toName="image"/><KeyPoint name="kp" toName="image"/></View>';
    const el = (value: Record<string, unknown>) => ({ id: 'e1', from_name: 'e', to_name: 'image', type: 'ellipse', original_width: 800, original_height: 600, value });
    const kp = (value: Record<string, unknown>) => ({ id: 'k1', from_name: 'kp', to_name: 'image', type: 'keypoint', original_width: 800, original_height: 600, value });
    const findings = (r: unknown) => check(cfg, JSON.stringify(imageTasks([r]))).report.findings.map((f) => [f.rule, f.severity]);
    expect(findings(el({ x: 95, y: 50, radiusX: 10, radiusY: 10 }))).toEqual([['out-of-bounds', 'warning']]);
    expect(findings(el({ x: 50, y: 50, radiusX: 10, radiusY: 10 }))).toEqual([]);
    // Rotated by 90 degrees the long radius points down, past the bottom edge.
    expect(findings(el({ x: 50, y: 80, radiusX: 30, radiusY: 5, rotation: 90 }))).toEqual([['out-of-bounds', 'warning']]);
    expect(findings(el({ x: 50, y: 80, radiusX: 30, radiusY: 5 }))).toEqual([]);
    expect(findings(kp({ x: 99.5, y: 50, width: 1 }))).toEqual([['out-of-bounds', 'warning']]);
    expect(findings(kp({ x: 50, y: 50, width: 1 }))).toEqual([]);
  });

  test('a text span with an empty labels list is a warning: Label Studio shows an unlabelled span', () => {
    const fs = check(TXT, JSON.stringify(textTasks([span(0, 3, 'Ana', { value: { start: 0, end: 3, text: 'Ana', labels: [] } })]))).report.findings;
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['value-shape', 'warning']]);
    expect(fs[0].message).toMatch(/unlabelled span/);
    // On an image it stays an error.
    expect(check(IMG, JSON.stringify(imageTasks([rect({ rectanglelabels: [] })]))).report.findings.map((f) => [f.rule, f.severity])).toEqual([['value-shape', 'error']]);
  });

  test('a wrong JSON type in to_name is result-shape, and nothing else is reported for that result', () => {
    const { report } = check(IMG, JSON.stringify(imageTasks([rect({}, { to_name: ['image', 'other'] })])));
    expect(report.findings.map((f) => f.rule)).toEqual(['result-shape']);
  });

  test('a prediction with one region per prediction is fine; predictions not a list, result null are task-shape', () => {
    const { report } = check(IMG, JSON.stringify([{ data: { image: 'a' }, predictions: [{ model_version: 'm', result: null }] }]));
    expect(report.findings.map((f) => f.rule)).toEqual(['task-shape']);
  });
});

describe('a tasks file without predictions', () => {
  const rule = (fs: Finding[]) => ofRule(fs, 'no-predictions');

  test('is one info for the whole file (task null), at its first task, whatever the number of tasks', () => {
    const tasks = Array.from({ length: 50 }, (_, t) => ({ data: { image: `${t}.png` } }));
    const text = JSON.stringify(tasks, null, 2);
    const { report } = check(IMG, text);
    expect(report.findings.map((f) => [f.rule, f.severity, f.task, f.line, f.column])).toEqual([['no-predictions', 'info', null, 2, 3]]);
    expect(report.findings[0].message).toMatch(/^None of the 50 tasks has predictions.*allowed/);
    expect(report.summary).toMatchObject({ tasks: 50, predictions: 0, errors: 0, warnings: 0, infos: 1 });
  });

  test('one task (a single object, or JSON Lines) says "the task"; annotations are named as not checked', () => {
    expect(rule(check(IMG, '{"data": {"image": "a.png"}}').report.findings)[0].message).toMatch(/^The task has no predictions/);
    const jsonl = '{"data": {"image": "a.png"}, "annotations": [{"result": []}]}\n{"data": {"image": "b.png"}}\n';
    const f = rule(check(IMG, jsonl).report.findings);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/1 of them have "annotations": prelabel checks predictions, not annotations/);
  });

  test('quiet when any task has a prediction, even one with an empty result (a model that found nothing) or a broken one', () => {
    const some = [{ data: { image: 'a.png' } }, { data: { image: 'b.png' }, predictions: [{ model_version: 'm', result: [] }] }];
    expect(rule(check(IMG, JSON.stringify(some)).report.findings)).toEqual([]);
    const broken = [{ data: { image: 'a.png' }, predictions: { result: [] } }];
    const found = check(IMG, JSON.stringify(broken)).report.findings;
    expect(rule(found)).toEqual([]);
    expect(found.map((f) => f.rule)).toContain('task-shape');
  });

  test('quiet for no tasks at all and for a text that does not parse (json-syntax says it)', () => {
    expect(rule(check(IMG, '[]').report.findings)).toEqual([]);
    expect(rule(check(IMG, '[{"data": {}},]').report.findings)).toEqual([]);
  });
});

describe('brush masks without original_width/original_height', () => {
  const mask = (extra: Record<string, unknown> = {}) => ({ id: 'm', from_name: 'brush', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle: MASK_2x2, brushlabels: ['Car'] }, ...extra });
  const run = (result: unknown, imageSizes?: Map<string, { width: number; height: number }>) => check(IMG, JSON.stringify(imageTasks([result])), { imageSizes }).report.findings;

  test('without the loaded image: a warning on the result that the sizes are missing, saying what the mask holds', () => {
    const fs = run(mask());
    expect(fs.map((f) => [f.rule, f.severity, f.path])).toEqual([['rle-invalid', 'warning', ['predictions', 0, 'result', 0]]]);
    expect(fs[0].message).toMatch(/^original_width and original_height are missing: Label Studio decodes the mask at the image's natural size/);
    expect(fs[0].message).toMatch(/16 bytes, 4 pixels/);
    expect(fs[0].fix).toBeUndefined();
    expect(run(mask({ original_width: 2 }))[0].message).toMatch(/^original_height is missing/);
  });

  test('with the loaded image\'s size: the fix adds it, and the result is then clean', () => {
    const sizes = new Map([['a.png', { width: 2, height: 2 }]]);
    const fs = run(mask(), sizes);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['rle-invalid', 'warning']]);
    expect(fs[0].message).toMatch(/here 2 x 2 \(the loaded image\), which the mask fits/);
    expect(fs[0].fix!.edits).toEqual([
      { task: 0, path: ['predictions', 0, 'result', 0, 'original_width'], value: 2 },
      { task: 0, path: ['predictions', 0, 'result', 0, 'original_height'], value: 2 },
    ]);
    const fixed = applyEdits(imageTasks([mask()]), fs[0].fix!.edits);
    expect(check(IMG, JSON.stringify(fixed), { imageSizes: sizes }).report.findings).toEqual([]);
    // Another image's size is no help.
    expect(run(mask(), new Map([['b.png', { width: 2, height: 2 }]]))[0].fix).toBeUndefined();
  });

  test('an RLE that does not fit the loaded image is an error that says both sizes', () => {
    const fs = run(mask(), new Map([['a.png', { width: 3, height: 3 }]]));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['rle-invalid', 'error']]);
    expect(fs[0].message).toMatch(/The header says 16 bytes of RGBA, but the loaded image's width x height x 4 = 3 x 3 x 4 = 36\./);
    expect(fs[0].message).toMatch(/no original_width\/original_height, so Label Studio decodes it at the image's natural size, which it does not fit/);
  });

  test('a mask with its sizes is checked against them, whatever image is loaded', () => {
    expect(run(mask({ original_width: 2, original_height: 2 }), new Map([['a.png', { width: 3, height: 3 }]]))).toEqual([]);
  });
});

describe('video rectangles: value.labels against the <Labels> on the video', () => {
  const VIDEO = `<View>
  <Video name="video" value="$video" framerate="25"/>
  <VideoRectangle name="box" toName="video"/>
  <Labels name="videoLabels" toName="video"><Label value="Car"/><Label value="Airplane"/></Labels>
</View>`;
  const task = (labels: unknown[]) =>
    JSON.stringify([{ data: { video: 'v.mp4' }, predictions: [{ result: [{ id: 'v1', from_name: 'box', to_name: 'video', type: 'videorectangle', value: { framesCount: 100, duration: 4, sequence: [{ frame: 1, enabled: true, x: 1, y: 1, width: 5, height: 5, rotation: 0, time: 0.04 }], labels } }] }] }]);
  const labelFindings = (labels: unknown[]) => check(VIDEO, task(labels)).report.findings.filter((f) => f.rule === 'unknown-label');

  test('a label the video has no <Label> for is an error at its place, with the nearest one as fix', () => {
    const [f, ...more] = labelFindings(['Car', 'Airplain']);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', path: ['predictions', 0, 'result', 0, 'value', 'labels', 1], suggestion: 'Airplane' });
    expect(f.message).toContain('"videoLabels"');
    const fixed = applyEdits(check(VIDEO, task(['Car', 'Airplain'])).doc.tasks, f.fix!.edits);
    expect(check(VIDEO, JSON.stringify(fixed)).report.findings.filter((g) => g.rule === 'unknown-label')).toEqual([]);
  });

  test('labels the config has stay quiet', () => {
    expect(labelFindings(['Car', 'Airplane'])).toEqual([]);
  });
});
