// Label Studio's template files (label_studio/annotation_templates/<group>/<name>/config.yml): the labeling
// config they hold under `config:`, so that one dropped by mistake for a YOLO data.yaml opens as a config.

import { parse as parseYaml } from 'yaml';
import { isObject } from '../tasks/jsonValue';

export interface LabelStudioTemplate {
  /** `title:` (e.g. "Object Detection with Bounding Boxes"), when it has one. */
  title: string | null;
  /** The labeling config: the XML under `config:`. */
  config: string;
}

/**
 * The template in a parsed YAML document: a mapping whose `config` is XML (a string starting with "<") and
 * with none of a YOLO data.yaml's keys (`names`, `nc`, `train`, `val`). Null for anything else.
 */
export function templateOf(doc: unknown): LabelStudioTemplate | null {
  if (!isObject(doc) || typeof doc.config !== 'string' || !doc.config.trimStart().startsWith('<')) return null;
  if (['names', 'nc', 'train', 'val'].some((k) => k in doc)) return null;
  return { title: typeof doc.title === 'string' ? doc.title : null, config: doc.config };
}

/** The template in a YAML text, or null when the text is not YAML or not a template. */
export function readTemplate(text: string): LabelStudioTemplate | null {
  const t = text.replace(/^\uFEFF/, '');
  try {
    return templateOf(parseYaml(t));
  } catch {
    return looseTemplate(t);
  }
}

/**
 * A template the YAML parser refuses, read as Label Studio (PyYAML) reads it: some upstream templates have
 * lines indented with tabs inside the sample task in their `config: |` comment, which strict YAML rejects.
 * The block runs from the line after `config: |` to the next top-level key; its indentation is taken off.
 */
function looseTemplate(text: string): LabelStudioTemplate | null {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => /^config\s*:\s*[|>][-+]?\s*$/.test(l));
  if (start === -1) return null;
  const topKey = /^[A-Za-z_][\w-]*\s*:/;
  let end = start + 1;
  while (end < lines.length && !topKey.test(lines[end])) end++;
  const block = lines.slice(start + 1, end);
  const indent = /^ +/.exec(block.find((l) => l.trim()) ?? '')?.[0] ?? '';
  const config = `${block.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n').replace(/\s+$/, '')}\n`;
  const title = /^title\s*:\s*(.+?)\s*$/m.exec(text)?.[1] ?? null;
  const keys = new Set(lines.filter((l) => topKey.test(l)).map((l) => l.split(':')[0].trim()));
  if (['names', 'nc', 'train', 'val'].some((k) => keys.has(k))) return null;
  return config.trimStart().startsWith('<') ? { title, config } : null;
}

/**
 * A config file as given on the command line: a Label Studio template (`.yml`/`.yaml` with a `config:`
 * holding XML) gives its config, and `place` turns a position in that XML into one in the YAML file. In a
 * literal block (`config: |`) the XML's lines follow that line, indented; in any other style (folded `>`,
 * quoted) the lines do not match the file's, and a position is the `config:` line's. Any other text is the
 * config itself.
 */
export function configFromFile(text: string, name: string): { config: string; template: LabelStudioTemplate | null; place(line: number, column: number): { line: number; column: number } } {
  const same = (line: number, column: number) => ({ line, column });
  const bare = text.replace(/^\uFEFF/, '');
  if (!/\.ya?ml$/i.test(name) || !/^config\s*:/m.test(bare)) return { config: text, template: null, place: same };
  const template = readTemplate(bare);
  if (!template) return { config: text, template: null, place: same };
  const lines = bare.split(/\r\n|\r|\n/);
  const key = lines.findIndex((l) => /^config\s*:/.test(l));
  const literal = /^config\s*:\s*\|(?:[1-9][-+]?|[-+][1-9]?)?\s*(?:#.*)?$/.test(lines[key]);
  if (!literal) return { config: template.config, template, place: () => ({ line: key + 1, column: 1 }) };
  const indent = /^ +/.exec(lines.slice(key + 1).find((l) => l.trim()) ?? '')?.[0] ?? '';
  return {
    config: template.config,
    template,
    // A line of the block without the indentation (a tab-indented line, read as Label Studio reads it) is as it is.
    place: (line, column) => {
      const at = key + line;
      return { line: at + 1, column: column + ((lines[at] ?? '').startsWith(indent) ? indent.length : 0) };
    },
  };
}
