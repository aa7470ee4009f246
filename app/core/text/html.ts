// The HTML of a <HyperText> as Label Studio's editor builds it: sanitized its way, parsed by the HTML
// standard's tree builder (parse5, as a browser does), its text nodes laid end to end in code points with
// every <br> as one position (Label Studio's `globalOffsets`), and its positional XPaths resolved.

import type { DefaultTreeAdapterMap } from 'parse5';
import { CodePointText } from './codepoints';
import { htmlParser, type HtmlParser } from './htmlParser';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

export interface HtmlText {
  kind: 'text';
  parent: HtmlElement;
  /** Global offset (code points) of its first character. */
  start: number;
  /** Its length in code points. */
  length: number;
}

export interface HtmlElement {
  kind: 'element';
  /** Lower-case tag name, as Label Studio writes it in XPaths. */
  name: string;
  parent: HtmlElement | null;
  children: HtmlNode[];
  /** Global offsets of the text it holds (a <br> holds one position). */
  start: number;
  end: number;
  /** Children by XPath step name ('p', 'text()'), built on first lookup. */
  byName?: Map<string, HtmlNode[]>;
}

export type HtmlNode = HtmlText | HtmlElement;

/** One step of a positional XPath: `p[2]` or `text()[1]`; `index` is 1-based, null when not written. */
export interface XPathStep {
  name: string;
  index: number | null;
}

/** What an XPath names: a node, or the step where it stops and why. */
export type Resolution = { ok: true; node: HtmlNode; canonical: string } | { ok: false; problem: string };

/**
 * Label Studio sanitizes HyperText with sanitize-html (its `sanitizeHtml`): <script> and <iframe> go with
 * their content, and the text inside these is dropped; everything else stays. The browser then parses
 * the result, so text around a removed element joins into one text node.
 */
const DROPPED = new Set(['script', 'iframe']);
const TEXTLESS = new Set(['script', 'textarea', 'option', 'noscript']);

/** Elements whose box starts a new line when displayed: a selection across them reads a line break. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

const STEP = /^(?:([A-Za-z][\w.-]*)|text\(\))(?:\[(\d+)\])?$/;

/** Parsed XPaths by text: 100,000 spans name a few thousand distinct nodes. Cleared when it grows past MEMO. */
const parsed = new Map<string, XPathStep[] | null>();
const MEMO = 50_000;

/**
 * The steps of an absolute positional XPath (`/div[1]/p[2]/text()[1]`), or null for anything else: a
 * relative path, `//`, predicates other than a position, functions. Those are what Label Studio cannot
 * resolve (FORMAT-NOTES §6).
 */
export function parseXPath(xpath: string): readonly XPathStep[] | null {
  let steps = parsed.get(xpath);
  if (steps === undefined) {
    if (parsed.size >= MEMO) parsed.clear();
    steps = readXPath(xpath);
    parsed.set(xpath, steps);
  }
  return steps;
}

function readXPath(xpath: string): XPathStep[] | null {
  if (!xpath.startsWith('/') || xpath.length < 2) return null;
  const parts = xpath.slice(1).split('/');
  const steps: XPathStep[] = [];
  for (const part of parts) {
    const m = STEP.exec(part);
    if (!m) return null;
    const index = m[2] === undefined ? null : Number(m[2]);
    if (index === 0) return null;
    steps.push({ name: m[1] === undefined ? 'text()' : m[1].toLowerCase(), index });
  }
  // Nothing lies below a text node.
  if (steps.slice(0, -1).some((s) => s.name === 'text()')) return null;
  return steps;
}

/** Is the XPath written as Label Studio writes it (lower-case names, every step with its position)? */
export function isCanonical(steps: readonly XPathStep[], xpath: string): boolean {
  return steps.every((s) => s.index !== null) && xpath === xpath.toLowerCase();
}

/** The XPath as Label Studio writes it: lower-case names, every step with its position. */
export function canonicalXPath(steps: readonly XPathStep[]): string {
  return steps.map((s) => `/${s.name}[${s.index ?? 1}]`).join('');
}

const stepName = (n: HtmlNode) => (n.kind === 'text' ? 'text()' : n.name);

function describe(el: HtmlElement, path: string): string {
  return el.parent === null ? 'the content root' : `${path} (<${el.name}>)`;
}

export class HtmlDocument {
  readonly root: HtmlElement;
  /** Every text node's characters end to end, a <br> as "\n": what `globalOffsets` count. */
  readonly text: CodePointText;
  /** Text nodes in document order. */
  readonly texts: HtmlText[] = [];
  /** Global offsets where a block element starts or ends: a displayed selection has a line break there. */
  private readonly breaks: number[] = [];
  private readonly resolved = new Map<string, Resolution>();

  constructor(html: string, inline: boolean, parser: HtmlParser) {
    const top = inline ? parser.parseFragment(fragmentContext(parser), html, {}) : bodyOf(parser.parse(/^\s*<!doctype/i.test(html) ? html : `<!DOCTYPE html>${html}`));
    const chars: string[] = [];
    let at = 0;
    const breaks = this.breaks;
    const texts = this.texts;
    const build = (source: P5Parent, el: HtmlElement, textless: boolean) => {
      for (const c of source.childNodes as P5Node[]) {
        if (c.nodeName === '#text') {
          if (textless) continue;
          const value = (c as DefaultTreeAdapterMap['textNode']).value;
          const n = countCodePoints(value);
          chars.push(value);
          const last = el.children[el.children.length - 1];
          // Text either side of a removed element is one text node once the sanitized HTML is parsed again.
          if (last && last.kind === 'text') last.length += n;
          else {
            const t: HtmlText = { kind: 'text', parent: el, start: at, length: n };
            el.children.push(t);
            texts.push(t);
          }
          at += n;
        } else if ('tagName' in c) {
          const name = c.tagName.toLowerCase();
          if (DROPPED.has(name)) continue;
          const child: HtmlElement = { kind: 'element', name, parent: el, children: [], start: at, end: at };
          el.children.push(child);
          const block = BLOCKS.has(name);
          if (block) breaks.push(at);
          if (name === 'br') {
            chars.push('\n');
            at += 1;
          } else if (name !== 'template') {
            // A <template>'s content is not in the document (a tree walker never enters it).
            build(c, child, textless || TEXTLESS.has(name));
          }
          child.end = at;
          if (block) breaks.push(at);
        }
      }
    };
    this.root = { kind: 'element', name: '#root', parent: null, children: [], start: 0, end: 0 };
    build(top, this.root, false);
    this.root.end = at;
    this.text = new CodePointText(chars.join(''));
  }

  get length(): number {
    return this.text.length;
  }

  /** The node an absolute positional XPath names, relative to the content root. */
  resolve(xpath: string): Resolution {
    let r = this.resolved.get(xpath);
    if (!r) {
      r = this.walk(xpath);
      this.resolved.set(xpath, r);
    }
    return r;
  }

  private walk(xpath: string): Resolution {
    const steps = parseXPath(xpath);
    if (!steps) return { ok: false, problem: 'not an absolute positional XPath' };
    let node: HtmlNode = this.root;
    let path = '';
    for (const step of steps) {
      const el = node as HtmlElement;
      const index = step.index ?? 1;
      const same = childrenNamed(el, step.name);
      const next = same[index - 1];
      const here = describe(el, path);
      path += `/${step.name}[${index}]`;
      if (!next) {
        const what = step.name === 'text()' ? 'text node' : `<${step.name}>`;
        const has = same.length === 0 ? `no ${what} child` : `${same.length} ${what} child${same.length === 1 ? '' : 'ren'}`;
        return { ok: false, problem: `${path} does not exist: ${here} has ${has}` };
      }
      node = next;
    }
    return { ok: true, node, canonical: canonicalXPath(steps) };
  }

  /** Code points a node holds (a text node's characters; an element's text, a <br> as one). */
  static size(node: HtmlNode): number {
    return node.kind === 'text' ? node.length : node.end - node.start;
  }

  /** The global offset of `offset` characters into a node (an element counts the text inside it). */
  static globalOffset(node: HtmlNode, offset: number): number {
    return node.start + offset;
  }

  /** The text between two global offsets, as `globalOffsets` count it. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** The same text with a line break where a block element starts or ends inside it, as a selection reads it. */
  displayed(start: number, end: number): string {
    const b = this.breaks;
    let i = firstAbove(b, start);
    if (i >= b.length || b[i] >= end) return this.slice(start, end);
    let out = '';
    let from = start;
    for (; i < b.length && b[i] < end; i++) {
      out += this.slice(from, b[i]) + '\n';
      from = b[i];
    }
    return out + this.slice(from, end);
  }

  /**
   * Where a global offset falls, as Label Studio writes it: the text node holding it and the offset
   * inside. `side` 'start' prefers the node a span starting there begins in; 'end' the node it ends in.
   */
  locate(offset: number, side: 'start' | 'end'): { xpath: string; offset: number } | null {
    const texts = this.texts;
    if (!texts.length || offset < 0 || offset > this.length) return null;
    let lo = 0;
    let hi = texts.length - 1;
    // The last text node starting at or before the offset.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (texts[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    let k = lo;
    let t = texts[k];
    if (side === 'start') {
      // A start at a node's very end begins in the next node with text.
      if (offset === t.start + t.length && k + 1 < texts.length) t = texts[++k];
    } else {
      // An end at a node's very start ends in the previous node with text.
      if (offset === t.start && k > 0) t = texts[--k];
    }
    if (offset < t.start || offset > t.start + t.length) return null;
    return { xpath: xpathOf(t), offset: offset - t.start };
  }
}

/** Label Studio's XPath of a node relative to the content root: "/div[1]/p[2]/text()[1]". */
export function xpathOf(node: HtmlNode): string {
  let path = '';
  for (let n: HtmlNode = node; n.parent; n = n.parent) {
    const name = stepName(n);
    path = `/${name}[${childrenNamed(n.parent, name).indexOf(n) + 1}]${path}`;
  }
  return path;
}

function childrenNamed(el: HtmlElement, name: string): HtmlNode[] {
  if (!el.byName) {
    el.byName = new Map();
    for (const c of el.children) {
      const k = stepName(c);
      let list = el.byName.get(k);
      if (!list) el.byName.set(k, (list = []));
      list.push(c);
    }
  }
  return el.byName.get(name) ?? NONE;
}

const NONE: HtmlNode[] = [];

function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countCodePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const contexts = new WeakMap<HtmlParser, DefaultTreeAdapterMap['element']>();
/** A <div> of a standards-mode document: Label Studio's inline HyperText sets a div's innerHTML. */
function fragmentContext(parser: HtmlParser): DefaultTreeAdapterMap['element'] {
  let div = contexts.get(parser);
  if (!div) contexts.set(parser, (div = bodyOf(parser.parse('<!DOCTYPE html><div></div>')).childNodes[0] as DefaultTreeAdapterMap['element']));
  return div;
}

/** The <body> of a parsed document: Label Studio's HyperText is an iframe (srcdoc, never quirks) whose body is the content root. */
function bodyOf(doc: DefaultTreeAdapterMap['document']): DefaultTreeAdapterMap['element'] {
  const html = doc.childNodes.find((n) => 'tagName' in n && n.tagName === 'html') as DefaultTreeAdapterMap['element'];
  return html.childNodes.find((n) => 'tagName' in n && n.tagName === 'body') as DefaultTreeAdapterMap['element'];
}

/** Recently parsed documents by HTML: re-checking an edited task reads the same HTML again. */
const recent = new Map<string, HtmlDocument>();
const RECENT = 8;

/**
 * The document of a HyperText value, parsed once for all its spans (and kept for the next check of it);
 * null while no HTML parser is loaded (htmlParser.ts).
 */
export function htmlDocument(html: string, inline: boolean): HtmlDocument | null {
  const parser = htmlParser();
  if (!parser) return null;
  const key = (inline ? 'i' : 'd') + html;
  let doc = recent.get(key);
  if (doc) {
    recent.delete(key);
  } else {
    doc = new HtmlDocument(html, inline, parser);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, doc);
  return doc;
}
