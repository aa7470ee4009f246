// Label Studio's template config.yml files: their labeling config is read out; data.yaml and others are not templates.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sharedPath } from '../../testing/shared';
import { parseConfig } from './parse';
import { readTemplate } from './template';

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
