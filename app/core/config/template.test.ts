// Label Studio's template config.yml files: their labeling config is read out; data.yaml and others are not templates.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sharedPath } from '../../testing/shared';
import { parseConfig } from './parse';
import { configFromFile, readTemplate } from './template';

interface TemplateRecord {
  status: string;
  path: string;
  text: string;
}

describe('Label Studio templates', () => {
  const records = readFileSync(sharedPath('corpus/templates/_source_yaml/records.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TemplateRecord);

  test('the corpus has its 82 template files (69 current, 13 historical)', () => {
    expect(records.length).toBe(82);
  });

  test('every one is read as a template: its title, and a config that parses', () => {
    const unread = records.filter((r) => {
      const t = readTemplate(r.text);
      return !t || !t.title || !parseConfig(t.config).ok;
    });
    expect(unread.map((r) => r.path)).toEqual([]);
  });

  test('the config is the corpus XML of that template, byte for byte', () => {
    const r = records.find((x) => x.path.endsWith('computer-vision/object-detection-with-bounding-boxes/config.yml'))!;
    const xml = readFileSync(sharedPath('corpus/templates/computer-vision__object-detection-with-bounding-boxes.xml'), 'utf8');
    expect(readTemplate(r.text)).toEqual({ title: 'Object Detection with Bounding Boxes', config: xml });
  });

  test('not templates: a YOLO data.yaml, YAML whose config is not XML, text that is not YAML', () => {
    expect(readTemplate('path: ../datasets/coco8\ntrain: images/train\nval: images/val\nnames:\n  0: person\n  1: bicycle\n')).toBeNull();
    expect(readTemplate('names: [a, b]\nconfig: |\n  <View/>\n')).toBeNull();
    expect(readTemplate('title: x\nconfig: 3\n')).toBeNull();
    expect(readTemplate('config: [\n')).toBeNull();
  });
});

describe('a template as a config file (the command line): positions in its XML are placed in the YAML', () => {
  const body = (indent: string, tab = false) => [`${indent}<View>`, `${indent}  <Image name="i" value="$i"/>`, tab ? '\t<Foo/>' : `${indent}  <Foo/>`, `${indent}</View>`].join('\n');
  test.each([
    ['a literal block', `title: T\nconfig: |\n${body('  ')}\n`],
    ['a byte order mark before config:', `\uFEFFconfig: |\n${body('  ')}\n`],
    ['a comment after the indicator', `config: | # the XML\n${body('    ')}\n`],
    ['an indentation indicator and chomping', `config: |2-\n${body('  ')}\n`],
    ['Windows line ends', `config: |\r\n${body('  ').replace(/\n/g, '\r\n')}\r\n`],
    ['a line indented with a tab (read as Label Studio reads it)', `config: |\n${body('  ', true)}\ntitle: T\n`],
  ])('%s: the unknown tag is placed on its own line and column', (_what, text) => {
    const file = configFromFile(text, 'config.yml');
    expect(file.template).not.toBeNull();
    const f = parseConfig(file.config).findings.find((x) => /Foo/.test(x.message))!;
    expect(f).toBeDefined();
    const { line, column } = file.place(f.line, f.column);
    const yamlLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n/)[line - 1];
    expect(yamlLine.slice(column - 1)).toMatch(/^<Foo\/>/);
  });

  test('a folded or quoted config: its lines are not the file\'s, so a position is the config: line', () => {
    for (const text of [`title: T\nconfig: >\n${body('  ')}\n`, 'title: T\nconfig: "<View><Image name=\'i\' value=\'$i\'/><Foo/></View>"\n']) {
      const file = configFromFile(text, 'config.yml');
      expect(file.template).not.toBeNull();
      const f = parseConfig(file.config).findings.find((x) => /Foo/.test(x.message))!;
      expect(file.place(f.line, f.column)).toEqual({ line: 2, column: 1 });
    }
  });

  test('other files are the config as they are', () => {
    const xml = '<View><Image name="i" value="$i"/></View>';
    expect(configFromFile(xml, 'config.xml')).toMatchObject({ config: xml, template: null });
    expect(configFromFile('names: [a]\n', 'data.yaml')).toMatchObject({ config: 'names: [a]\n', template: null });
    expect(configFromFile(xml, 'config.xml').place(3, 4)).toEqual({ line: 3, column: 4 });
  });
});
