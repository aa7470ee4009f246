// Parses a labeling config (XML) into a ConfigModel, with config-structure findings at their tags.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readable, type Severity } from '../finding';
import { LineIndex } from '../text/lines';
import type { ConfigModel, ControlTag, LabelOption, ObjectTag } from './model';
import { isColor } from './colors';
import { tagSpec } from './tags';

interface XmlNode {
  [tag: string]: unknown;
}

const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** Offset of a parsed element's '<' in the source (fast-xml-parser's captureMetaData). */
function startOf(node: XmlNode, fallback: number): number {
  return (node[META] as { startIndex?: number } | undefined)?.startIndex ?? fallback;
}

/**
 * Names fast-xml-parser refuses (it throws on `constructor`, `__proto__`, `prototype` and renames
 * `hasOwnProperty`, `toString`, ...) to keep them off plain objects. Configs may use them as tag or
 * attribute names, so they are marked before the parser sees them and unmarked when read: attributes
 * go into objects without a prototype, and tags are only ever compared, never used as keys.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const MARK = '\u0001';
const mark = (name: string) => (RESERVED.has(name) ? MARK + name : name);
const unmark = (name: string) => (name.startsWith(MARK) ? name.slice(1) : name);

/**
 * Label Studio lower-cases attribute names (its tag models declare `toname`, `perregion`, ...), so any
 * spelling works there. prelabel reads them in their documented spelling: every attribute it reads is
 * listed here, and its lower-case (or any other case) spelling is read as this one.
 */
const ATTRIBUTE_NAMES = [
  'toName', 'perRegion', 'perItem', 'showInline', 'maxUsages', 'maxRating', 'valueType', 'indexFlag', 'textKey', 'nameKey',
  'apiUrl', 'choice', 'name', 'value', 'alias', 'background', 'selected', 'hotkey', 'min', 'max', 'step', 'required',
  'visibleWhen', 'whenTagName', 'whenLabelValue', 'whenChoiceValue', 'leafsOnly', 'showFullPath', 'pathSeparator',
  'granularity', 'selectionEnabled', 'highlightColor', 'saveTextResult', 'encoding', 'layout', 'strokeWidth',
  'strokeColor', 'fillColor', 'fillOpacity', 'opacity', 'canRotate', 'pointSize', 'pointStyle', 'smart', 'smartOnly',
  'timeColumn', 'timeFormat', 'timeDisplayFormat', 'sep', 'rows', 'editable', 'skipDuplicates', 'maxSubmissions',
  'placeholder', 'displayMode', 'maxWidth', 'maxHeight', 'zoom', 'zoomControl', 'rotateControl', 'crosshair',
  'defaultValue', 'sortedHighlightColor', 'mode', 'title', 'inline',
];
const CANONICAL = new Map(ATTRIBUTE_NAMES.map((a) => [a.toLowerCase(), a]));

/** A tag's attributes under their documented names, in an object without a prototype. */
function attributesOf(node: XmlNode): Record<string, string> {
  const raw = node[':@'] as Record<string, string> | undefined;
  const attrs = Object.create(null) as Record<string, string>;
  if (!raw) return attrs;
  for (const key of Object.keys(raw)) {
    const name = unmark(key);
    const canonical = CANONICAL.get(name.toLowerCase()) ?? name;
    // The first spelling wins when a tag has both `toName` and `toname`.
    if (!(canonical in attrs)) attrs[canonical] = raw[key];
  }
  return attrs;
}

const parser = new XMLParser({
  transformTagName: mark,
  transformAttributeName: mark,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  captureMetaData: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Style and Header content is text for Label Studio, never config tags.
  stopNodes: ['*.Style', '*.style'],
  processEntities: true,
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A `maxUsages` value: a positive whole number, else no limit. */
function usageLimit(v: string | undefined): number | null {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Offset of the first `<!--` without a `-->` after it, or -1. */
function unclosedComment(text: string): number {
  let at = text.indexOf('<!--');
  while (at !== -1) {
    const end = text.indexOf('-->', at + 4);
    if (end === -1) return at;
    at = text.indexOf('<!--', end + 3);
  }
  return -1;
}

/** The data key an object reads: '$image' -> 'image', '$utterances[{{idx}}].text' -> 'utterances'. */
export function dataVariable(value: string | null): string | null {
  if (!value || !value.startsWith('$')) return null;
  const m = /^\$([^[.\s]+)/.exec(value);
  return m ? m[1] : null;
}

/** The control a first prediction on an object most likely needs, for the no-control message. */
const EXAMPLE_CONTROL: Record<string, string> = { Image: 'RectangleLabels', Text: 'Labels', HyperText: 'HyperTextLabels', Audio: 'Labels', TimeSeries: 'TimeSeriesLabels', Paragraphs: 'ParagraphLabels' };

export function parseConfig(text: string): ConfigModel {
  const lines = new LineIndex(text);
  const model: ConfigModel = { text, objects: new Map(), controls: new Map(), objectPatterns: [], controlPatterns: [], relations: null, findings: [], ok: false };
  const report = (rule: string, severity: Severity, offset: number, message: string, suggestion?: string) => {
    const { line, column } = lines.position(offset);
    model.findings.push({ rule, severity, source: 'config', task: null, prediction: null, result: null, line, column, offset, message: readable(message), ...(suggestion ? { suggestion } : {}) });
  };

  if (!text.trim()) {
    report('xml-syntax', 'error', 0, 'The config is empty: paste or drop a Label Studio labeling config (<View>...</View>).');
    return model;
  }
  // The validator misreads an unclosed comment (as an unclosed tag far away, or not at all at the end).
  const comment = unclosedComment(text);
  if (comment !== -1) {
    report('xml-syntax', 'error', comment, 'This comment is not closed: add --> where it ends. The config is not well-formed XML, so nothing in it can be checked until this is fixed.');
    return model;
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    // Some of the validator's errors come without a column (or a line): point at the line's start.
    const line = Number.isInteger(valid.err.line) && valid.err.line > 0 ? valid.err.line : 1;
    const col = Number.isInteger(valid.err.col) && valid.err.col > 0 ? valid.err.col : 1;
    report('xml-syntax', 'error', lines.offset(line, col), `${valid.err.msg} The config is not well-formed XML, so nothing in it can be checked until this is fixed.`);
    return model;
  }
  let tree: XmlNode[];
  try {
    tree = parser.parse(text) as XmlNode[];
  } catch (e) {
    report('xml-syntax', 'error', 0, `The config could not be parsed: ${(e as Error).message}`);
    return model;
  }
  model.ok = true;

  /** Offset of attribute `attr` inside the start tag at `offset`, or the tag itself. */
  const attrOffset = (offset: number, attr: string): number => {
    const end = text.indexOf('>', offset);
    const re = new RegExp(`\\s${escapeRegExp(attr)}\\s*=`, 'gi');
    re.lastIndex = offset;
    const m = re.exec(text);
    return m && (end === -1 || m.index < end) ? m.index + 1 : offset;
  };

  const allNames = new Map<string, number>();
  const pendingToName: { control: ControlTag; offset: number }[] = [];
  let sawRoot = false;
  let rootOffset = 0;
  // Any tag that writes results of its own (a control, or an object that is also one, like Chat), named or not.
  let sawControl = false;

  const keyOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ':@');
  const tagOf = (node: XmlNode): string | undefined => {
    const key = keyOf(node);
    return key === undefined ? undefined : unmark(key);
  };
  const childrenOf = (node: XmlNode): XmlNode[] => (node[keyOf(node)!] ?? []) as XmlNode[];

  const readOptions = (nodes: XmlNode[], control: ControlTag, optionTag: string, nested: boolean, into: LabelOption[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag || tag.startsWith('#')) continue;
      const attrs = attributesOf(node);
      const children = childrenOf(node);
      const offset = startOf(node, control.offset);
      if (tag.toLowerCase() === optionTag) {
        const pos = lines.position(offset);
        let background: string | null = attrs.background ?? null;
        if (background !== null && !isColor(background)) {
          report('invalid-color', 'warning', attrOffset(offset, 'background'), `background="${background}" on <${tag} value="${attrs.value ?? ''}"> is not a colour (a name such as "red", #hex, rgb() or hsl()); prelabel ignores it and uses its own colour for this label.`);
          background = null;
        }
        const opt: LabelOption = { value: attrs.value ?? '', alias: attrs.alias ?? null, background, hotkey: attrs.hotkey?.trim() || null, maxUsages: usageLimit(attrs.maxUsages) ?? usageLimit(control.attrs.maxUsages), children: [], offset, ...pos };
        if (attrs.value === undefined) report('config-structure', 'error', offset, `<${tag}> in ${control.tag} "${control.name}" has no value attribute.`);
        into.push(opt);
        control.optionSet.set(opt.value, opt);
        if (opt.alias) control.optionSet.set(opt.alias, opt);
        if (nested) readOptions(children, control, optionTag, nested, opt.children);
      } else {
        visit(node, tag, attrs, children, offset);
        // Layout inside a control (e.g. <View> around choices) still holds its options.
        readOptions(children, control, optionTag, nested, into);
      }
    }
  };

  const addName = (name: string, offset: number, tag: string) => {
    const prev = allNames.get(name);
    if (prev !== undefined) {
      const { line } = lines.position(prev);
      report('config-structure', 'error', attrOffset(offset, 'name'), `Duplicate name "${name}" on <${tag}>: it is already used on line ${line}. Names must be unique; Label Studio matches results to tags by name.`);
      return false;
    }
    allNames.set(name, offset);
    return true;
  };

  let repeaterFlags: string[] = [];

  const patternOf = (name: string): RegExp | null => {
    for (const flag of repeaterFlags) {
      if (name.includes(flag)) return new RegExp(`^${name.split(flag).map(escapeRegExp).join('\\d+')}$`);
    }
    return null;
  };

  const visit = (_node: XmlNode, tag: string, attrs: Record<string, string>, children: XmlNode[], offset: number): void => {
    const spec = tagSpec(tag);
    if (!spec) {
      report('unknown-tag', 'warning', offset, `<${tag}> is not a Label Studio tag prelabel knows; it is ignored. Check the spelling against the tag reference.`);
      walk(children);
      return;
    }
    const pos = lines.position(offset);
    if (spec.kind === 'visual') {
      if (spec.tag === 'Style') return;
      if (spec.tag === 'Repeater') {
        const flag = attrs.indexFlag ?? '{{idx}}';
        repeaterFlags = [...repeaterFlags, flag];
        walk(children);
        repeaterFlags = repeaterFlags.slice(0, -1);
        return;
      }
      walk(children);
      return;
    }
    if (spec.kind === 'child') {
      walk(children);
      return;
    }
    const name = attrs.name ?? (spec.tag === 'Relations' ? '' : undefined);
    if (spec.tag === 'Relations' && !name) {
      // <Relations> needs no name: relation results carry no from_name. Keep its labels for checking.
      const control = makeControl(spec.tag, spec.resultTypes ?? [], '', attrs, offset, pos);
      readOptions(children, control, 'relation', false, control.options);
      model.relations = control;
      return;
    }
    if (spec.kind === 'control' && spec.tag !== 'Relations') sawControl = true;
    if (!name) {
      report('config-structure', 'error', offset, `<${tag}> has no name attribute: results cannot refer to it. Add name="...".`);
      walk(children);
      return;
    }
    if (spec.kind === 'object') {
      const value = attrs.value ?? null;
      const obj: ObjectTag = { name, tag: spec.tag, type: spec.tag.toLowerCase(), value, variable: dataVariable(value), valueType: attrs.valueType ?? null, attrs, namePattern: patternOf(name), offset, ...pos };
      if (addName(name, offset, tag)) {
        model.objects.set(name, obj);
        if (obj.namePattern) model.objectPatterns.push(obj);
      }
      if (spec.alsoControl) sawControl = true;
      if (spec.alsoControl && attrs.toName === undefined) {
        // Chat writes its own chatmessage results: register it as its own control too.
        const control = makeControl(spec.tag, spec.resultTypes ?? [], name, attrs, offset, pos);
        control.toName = [name];
        model.controls.set(name, control);
      } else if (spec.alsoControl) {
        const control = makeControl(spec.tag, spec.resultTypes ?? [], name, attrs, offset, pos);
        model.controls.set(name, control);
        pendingToName.push({ control, offset });
      }
      walk(children);
      return;
    }
    // Control tag.
    const control = makeControl(spec.tag, spec.resultTypes ?? [], name, attrs, offset, pos);
    if (addName(name, offset, tag)) {
      model.controls.set(name, control);
      if (control.namePattern) model.controlPatterns.push(control);
    }
    if (attrs.toName === undefined) {
      if (spec.selfReferencing) control.toName = spec.tag === 'ReactCode' ? [name] : [];
      else report('config-structure', 'warning', offset, `<${tag} name="${name}"> has no toName. Label Studio accepts it, but its results cannot be tied to an object, so prelabel does not check their to_name; add toName="..." to say which object it describes.`);
    } else {
      pendingToName.push({ control, offset });
    }
    if (spec.tag === 'Relations') model.relations = control;
    if (spec.option) {
      const optionTag = spec.option;
      readOptions(children, control, optionTag, spec.tag === 'Taxonomy', control.options);
    } else {
      walk(children);
    }
  };

  const makeControl = (tag: string, resultTypes: string[], name: string, attrs: Record<string, string>, offset: number, pos: { line: number; column: number }): ControlTag => {
    const num = (v: string | undefined): number | null => (v === undefined || v.trim() === '' || Number.isNaN(Number(v)) ? null : Number(v));
    const toName = (attrs.toName ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return {
      name,
      tag,
      type: tag.toLowerCase(),
      resultTypes,
      toName,
      attrs,
      options: [],
      optionSet: new Map(),
      dynamicOptions: (attrs.value ?? '').startsWith('$') || attrs.apiUrl !== undefined,
      choice: attrs.choice ?? (tag === 'Choices' ? 'single' : tag === 'Labels' || tag.endsWith('Labels') ? 'single' : 'multiple'),
      perRegion: attrs.perRegion === 'true',
      maxRating: num(attrs.maxRating) ?? 5,
      min: num(attrs.min),
      max: num(attrs.max),
      namePattern: patternOf(name),
      offset,
      ...pos,
    };
  };

  const walk = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
      const attrs = attributesOf(node);
      const children = childrenOf(node);
      const offset = startOf(node, 0);
      visit(node, tag, attrs, children, offset);
    }
  };

  for (const node of tree) {
    const tag = tagOf(node);
    if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
    const offset = startOf(node, 0);
    if (sawRoot) {
      report('config-structure', 'error', offset, `A second top-level tag <${tag}>: a config has one root <View>.`);
    }
    if (!sawRoot) rootOffset = offset;
    sawRoot = true;
    if (tag !== 'View') report('config-structure', 'error', offset, `The root tag is <${tag}>: Label Studio expects the config to be wrapped in <View>...</View>.`);
    const attrs = attributesOf(node);
    visit(node, tag, attrs, childrenOf(node), offset);
  }

  for (const { control, offset } of pendingToName) {
    for (const target of control.toName) {
      if (model.objects.has(target)) continue;
      const at = attrOffset(offset, 'toName');
      if (model.controls.has(target)) {
        if (target === control.name && tagSpec(control.tag)?.selfReferencing) continue;
        report('config-structure', 'error', at, `toName="${target}" on <${control.tag} name="${control.name}"> names a control tag; toName must name an object tag (Image, Text, Audio, ...).`);
      } else {
        const names = [...model.objects.keys()];
        report('config-structure', 'error', at, `toName="${target}" on <${control.tag} name="${control.name}"> names no tag in the config.${names.length ? ` Object tags: ${names.join(', ')}.` : ''}`, names.length === 1 ? names[0] : undefined);
      }
    }
  }
  if (!sawRoot) report('config-structure', 'error', 0, 'The config has no tags: wrap it in <View>...</View>.');
  else if (model.objects.size === 0 && ![...model.controls.values()].some((c) => tagSpec(c.tag)?.selfReferencing && c.toName.includes(c.name))) {
    report('config-structure', 'error', 0, 'The config has no object tag (Image, Text, Audio, Video, HyperText, ...): there is nothing to label.');
  } else if (!sawControl) {
    // Label Studio accepts it (a view of the data), but no result can name a control: say so once, here,
    // rather than only through every result's unknown-from-name.
    const objects = [...model.objects.values()];
    const shown = objects.slice(0, 3).map((o) => `<${o.tag} name="${o.name}">`).join(', ');
    report('no-control', 'warning', rootOffset, `The config has no control tag (RectangleLabels, Labels, Choices, TextArea, ...), only ${objects.length === 1 ? 'the object' : 'objects'} ${shown}${objects.length > 3 ? ', …' : ''}: Label Studio shows the data, but nothing can be labelled, and every prediction result is dropped (its from_name names no control). Add the control the predictions were made for, e.g. <${EXAMPLE_CONTROL[objects[0].tag] ?? 'Choices'} name="label" toName="${objects[0].name}"> with its ${EXAMPLE_CONTROL[objects[0].tag] ? '<Label>' : '<Choice>'}s.`);
  }
  return model;
}
