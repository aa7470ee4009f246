// The config model: tags, names, options, positions; broken XML and structure problems located.

import { describe, expect, test } from 'vitest';
import { findControl, findObject } from './model';
import { dataVariable, parseConfig } from './parse';

const CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Airplane" background="green"/>
    <Label value="Car" alias="car" background="blue"/>
  </RectangleLabels>
  <Choices name="choice" toName="image" choice="multiple">
    <View><Choice value="A"/></View>
    <Choice value="B"/>
  </Choices>
  <Taxonomy name="tax" toName="image">
    <Choice value="Animal"><Choice value="Cat"/></Choice>
  </Taxonomy>
  <Textarea name="note" toName="image" perRegion="true"/>
  <Rating name="stars" toName="image" maxRating="10"/>
  <Number name="n" toName="image" min="1" max="3"/>
  <Style>.a > b { color: red }</Style>
</View>`;

describe('the model', () => {
  const model = parseConfig(CONFIG);

  test('parses without findings', () => {
    expect(model.ok).toBe(true);
    expect(model.findings).toEqual([]);
  });

  test('object tags with their data variable and position', () => {
    const image = model.objects.get('image')!;
    expect(image).toMatchObject({ tag: 'Image', type: 'image', variable: 'image', line: 2, column: 3 });
  });

  test('control tags with labels (value, alias, background), in order', () => {
    const label = model.controls.get('label')!;
    expect(label).toMatchObject({ tag: 'RectangleLabels', resultTypes: ['rectanglelabels'], toName: ['image'], line: 3 });
    expect(label.options.map((o) => [o.value, o.alias, o.background, o.line])).toEqual([
      ['Airplane', null, 'green', 4],
      ['Car', 'car', 'blue', 5],
    ]);
    expect(label.optionSet.has('car')).toBe(true);
  });

  test('choices inside layout tags, the choice mode, the taxonomy tree', () => {
    const choice = model.controls.get('choice')!;
    expect(choice.options.map((o) => o.value)).toEqual(['A', 'B']);
    expect(choice.choice).toBe('multiple');
    const tax = model.controls.get('tax')!;
    expect(tax.options.map((o) => [o.value, o.children.map((c) => c.value)])).toEqual([['Animal', ['Cat']]]);
  });

  test('tag names are case-insensitive; perRegion, maxRating, min and max are read', () => {
    expect(model.controls.get('note')).toMatchObject({ tag: 'TextArea', perRegion: true });
    expect(model.controls.get('stars')!.maxRating).toBe(10);
    expect(model.controls.get('n')).toMatchObject({ min: 1, max: 3 });
  });

  test('CSS in <Style> is not read as tags', () => {
    expect(model.findings.filter((f) => f.rule === 'unknown-tag')).toEqual([]);
  });
});

describe('attribute names', () => {
  test('are case-insensitive, as Label Studio lower-cases them: toname, perregion, showinline, maxrating', () => {
    const model = parseConfig('<View><Image name="img" value="$i"/><Choices name="c" toname="img" showinline="true" perregion="true"><Choice value="A"/></Choices><Rating name="r" TONAME="img" maxrating="10"/></View>');
    expect(model.findings).toEqual([]);
    const c = model.controls.get('c')!;
    expect(c).toMatchObject({ toName: ['img'], perRegion: true });
    expect(c.attrs.showInline).toBe('true');
    expect(model.controls.get('r')).toMatchObject({ toName: ['img'], maxRating: 10 });
  });

  test('a lower-case toname naming nothing is reported at that attribute', () => {
    const xml = '<View><Image name="img" value="$i"/><Choices name="c" toname="image"/></View>';
    const f = parseConfig(xml).findings[0];
    expect(f.message).toMatch(/names no tag/);
    expect(xml.slice(f.column - 1)).toMatch(/^toname=/);
  });
});

describe('names fast-xml-parser reserves', () => {
  test.each(['constructor', '__proto__', 'hasOwnProperty', 'toString', 'prototype'])('an attribute named %s is read like any other', (name) => {
    const model = parseConfig(`<View><Image name="img" value="$i" ${name}="x"/><Choices name="c" toName="img"><Choice value="A" ${name}="y"/></Choices></View>`);
    expect(model.findings).toEqual([]);
    expect(model.objects.get('img')!.attrs[name]).toBe('x');
    expect(model.controls.get('c')!.options.map((o) => o.value)).toEqual(['A']);
  });

  test.each(['constructor', '__proto__', 'hasOwnProperty'])('a tag named %s is an unknown tag under its own name', (name) => {
    const model = parseConfig(`<View><${name}><Image name="img" value="$i"/><Choices name="c" toName="img"><Choice value="A"/></Choices></${name}></View>`);
    expect(model.findings.map((f) => [f.rule, f.message.slice(0, name.length + 2)])).toEqual([['unknown-tag', `<${name}>`]]);
    expect(model.objects.has('img')).toBe(true);
  });

  test('an attribute missing from a tag is undefined even when Object.prototype has that name', () => {
    const model = parseConfig('<View><Image name="img" value="$i"/></View>');
    expect(model.objects.get('img')!.attrs.constructor).toBeUndefined();
  });
});

test('a config starting with a byte order mark parses, at the same positions', () => {
  const model = parseConfig('\uFEFF<View>\n  <Image name="image" value="$image"/>\n  <Choices name="c" toName="image"><Choice value="A"/></Choices>\n</View>');
  expect(model.findings).toEqual([]);
  expect(model.objects.get('image')).toMatchObject({ line: 2, column: 3 });
});

describe('findings', () => {
  test('broken XML is xml-syntax at the broken spot, and the model is marked unusable', () => {
    const model = parseConfig('<View>\n  <Image name="image" value="$image">\n  <Labels name="l" toName="image"></Labels>\n</View>');
    expect(model.ok).toBe(false);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'xml-syntax', severity: 'error', line: 4 });
  });

  test('an attribute without quotes is xml-syntax', () => {
    const model = parseConfig('<View>\n  <Image name=image value="$image"/>\n</View>');
    expect(model.findings[0]).toMatchObject({ rule: 'xml-syntax', line: 2 });
  });

  test('an empty config', () => {
    expect(parseConfig('  ').findings[0].rule).toBe('xml-syntax');
  });

  test.each([
    ['duplicate names', '<View><Image name="x" value="$i"/><Text name="x" value="$t"/></View>', /Duplicate name "x"/],
    ['toName naming nothing', '<View><Image name="img" value="$i"/><Choices name="c" toName="image"><Choice value="A"/></Choices></View>', /names no tag/],
    ['toName naming a control', '<View><Image name="img" value="$i"/><Choices name="c" toName="d"/><Choices name="d" toName="img"/></View>', /names a control tag/],
    ['no object tag', '<View><Choices name="c" toName="x"/></View>', /no object tag/],
    ['a root other than View', '<Image name="img" value="$i"/>', /root tag/],
    ['a control without name', '<View><Image name="img" value="$i"/><Choices toName="img"/></View>', /no name/],
  ])('config-structure: %s', (_what, xml, message) => {
    const model = parseConfig(xml);
    const errs = model.findings.filter((f) => f.rule === 'config-structure' && f.severity === 'error');
    expect(errs.map((f) => f.message).join('\n')).toMatch(message);
  });

  test('a toName typo points at the attribute and suggests the object', () => {
    const xml = '<View>\n<Image name="img" value="$i"/>\n<Choices name="c" toName="image"/></View>';
    const f = parseConfig(xml).findings[0];
    expect(xml.split('\n')[f.line - 1].slice(f.column - 1)).toMatch(/^toName=/);
    expect(f.suggestion).toBe('img');
  });

  test('a control without toName is a warning (official templates have them)', () => {
    const f = parseConfig('<View><Text name="t" value="$t"/><Rating name="r"/></View>').findings;
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['config-structure', 'warning']]);
  });

  test('no control tag: one no-control warning at the root, naming the objects and the control to add', () => {
    const xml = '<!-- boxes -->\n<View>\n  <Image name="image" value="$image"/>\n</View>';
    const model = parseConfig(xml);
    expect(model.ok).toBe(true);
    expect(model.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([['no-control', 'warning', 2, 1]]);
    expect(model.findings[0].message).toMatch(/no control tag.*<Image name="image">.*<RectangleLabels name="label" toName="image">/);
    const text = parseConfig('<View><Text name="t" value="$t"/><Relations><Relation value="knows"/></Relations></View>').findings;
    // Relations relate regions, and without a control there are none.
    expect(text.map((f) => f.rule)).toEqual(['no-control']);
    expect(text[0].message).toMatch(/<Labels name="label" toName="t">/);
  });

  test('no no-control finding when there is a control, even an unnamed or misplaced one, or a Chat (its own control)', () => {
    expect(parseConfig('<View><Image name="img" value="$i"/><Choices toName="img"/></View>').findings.map((f) => f.rule)).toEqual(['config-structure']);
    expect(parseConfig('<View><Text name="t" value="$t"/><Rating name="r"/></View>').findings.map((f) => f.rule)).toEqual(['config-structure']);
    expect(parseConfig('<View><Chat name="chat" value="$messages"/></View>').findings.filter((f) => f.rule === 'no-control')).toEqual([]);
    // No object tag at all is the config-structure error alone.
    expect(parseConfig('<View><Header value="x"/></View>').findings.map((f) => f.rule)).toEqual(['config-structure']);
  });

  test('an unknown tag is a warning, and its children are still read', () => {
    const model = parseConfig('<View><Box><Image name="img" value="$i"/><Choices name="c" toName="img"><Choice value="A"/></Choices></Box></View>');
    expect(model.findings.map((f) => [f.rule, f.severity])).toEqual([['unknown-tag', 'warning']]);
    expect(model.objects.has('img')).toBe(true);
  });
});

describe('special tags', () => {
  test('dynamic labels', () => {
    const model = parseConfig('<View><Text name="t" value="$t"/><Labels name="l" toName="t" value="$labels"/></View>');
    expect(model.controls.get('l')!.dynamicOptions).toBe(true);
  });

  test('Repeater names match indexed names', () => {
    const model = parseConfig('<View><Repeater on="$items" indexFlag="{{idx}}"><Image name="img_{{idx}}" value="$items[{{idx}}].url"/><Choices name="c_{{idx}}" toName="img_{{idx}}"><Choice value="A"/></Choices></Repeater></View>');
    expect(model.findings).toEqual([]);
    expect(findControl(model, 'c_12')?.name).toBe('c_{{idx}}');
    expect(findObject(model, 'img_3')?.variable).toBe('items');
    expect(findControl(model, 'c_x')).toBeUndefined();
  });

  test('Relations without a name keep their relation labels', () => {
    const model = parseConfig('<View><Text name="t" value="$t"/><Labels name="ner" toName="t"><Label value="PER"/></Labels><Relations><Relation value="knows"/></Relations></View>');
    expect(model.findings).toEqual([]);
    expect(model.relations!.options.map((o) => o.value)).toEqual(['knows']);
  });

  test('data variables', () => {
    expect(dataVariable('$image')).toBe('image');
    expect(dataVariable('$utterances[{{idx}}].text')).toBe('utterances');
    expect(dataVariable('literal')).toBeNull();
  });
});
