// Where HyperText spans land, as Label Studio places them. Its XPaths and offsets count in its own tree of
// the task HTML (the HTML parsed, scripts and iframes dropped as its sanitizer does); prelabel displays a
// stricter sanitizing of it. A marker at the start of every text node, carried through sanitizing with the
// text it keeps, maps one onto the other; every span is placed on the untouched display before any is
// wrapped, so one span's marks never shift the next one's offsets.

import DOMPurify from 'dompurify';
import { CodePointText } from '../../core/text/codepoints';
import { parseXPath } from '../../core/text/html';

/**
 * Task HTML is shown inside the app's own document, so besides scripts (DOMPurify's defaults) it must not
 * reach anything outside its box: <style> would restyle the whole app, <base> re-points every relative URL,
 * <meta http-equiv> refreshes, a <form> (or its buttons) navigates the app away. Links stay readable but
 * clicks on them are cancelled, and the box contains its content's painting and fixed positioning.
 */
const SANITIZE = {
  FORBID_TAGS: ['style', 'link', 'base', 'meta', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'dialog'],
  FORBID_ATTR: ['action', 'formaction', 'target', 'ping'],
};

/** Label Studio's tree of the task HTML, and what its offsets count. */
export interface HyperTextSource {
  root: HTMLElement;
  /** Its text nodes in document order. */
  texts: Text[];
  index: Map<Node, number>;
  /** Label Studio's global offset (code points, a <br> counting one) where each text starts. */
  globalStart: number[];
  /** The sanitized HTML to display, with a marker at the start of each text node it kept. */
  marked: string;
  /** Children by XPath name, per parent, for walking positional XPaths (filled as they are walked). */
  children: Map<Node, Map<string, Node[]>>;
}

// Markers: noncharacters (Unicode reserves U+FDD0..U+FDEF for internal use), never in real text.
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const MARKER = /\uFDD0([\uFDE0-\uFDEF]+)\uFDD1/g;
const marker = (i: number) => OPEN + [...i.toString(16)].map((d) => String.fromCharCode(0xfde0 + parseInt(d, 16))).join('') + CLOSE;
const markerIndex = (digits: string) => parseInt([...digits].map((c) => (c.charCodeAt(0) - 0xfde0).toString(16)).join(''), 16);

/**
 * Whitespace the parser keeps in table contexts: with a marker in it, it would be text, and text there is
 * moved out of the table when parsed again. It gets no marker (and so is not displayed as such).
 */
const TABLE_CONTEXT = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'COLGROUP']);

/**
 * Label Studio's tree of the task HTML: the body of a standards-mode document (its HyperText is an iframe),
 * or with `inline` a <div> whose innerHTML it is. Both are built in documents without a browsing context,
 * where nothing runs or loads.
 */
export function hyperTextSource(value: unknown, inline = false): HyperTextSource {
  const html = typeof value === 'string' ? value : '';
  let root: HTMLElement;
  let doc: Document;
  if (inline) {
    doc = document.implementation.createHTMLDocument('');
    root = doc.createElement('div');
    root.innerHTML = html;
  } else {
    doc = new DOMParser().parseFromString(/^\s*<!doctype/i.test(html) ? html : `<!DOCTYPE html>${html}`, 'text/html');
    root = doc.body;
  }
  // Label Studio's own sanitizer drops these with their content before it counts anything, and the text
  // on either side becomes one text node when its output is parsed.
  for (const el of [...root.querySelectorAll('script, iframe')]) el.remove();
  root.normalize();
  const texts: Text[] = [];
  const globalStart: number[] = [];
  let global = 0;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeName === 'BR') global++;
    else if (n.nodeType === Node.TEXT_NODE) {
      texts.push(n as Text);
      globalStart.push(global);
      global += new CodePointText((n as Text).data).length;
    }
  }
  const index = new Map<Node, number>(texts.map((t, i) => [t, i]));
  const copy = root.cloneNode(true) as HTMLElement;
  const copies: Text[] = [];
  const cw = doc.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  for (let n = cw.nextNode(); n; n = cw.nextNode()) copies.push(n as Text);
  copies.forEach((t, i) => {
    if (!(TABLE_CONTEXT.has(t.parentElement?.tagName ?? '') && !t.data.trim())) t.data = marker(i) + t.data;
  });
  return { root, texts, index, globalStart, marked: DOMPurify.sanitize(copy.innerHTML, SANITIZE), children: new Map() };
}

/** A position in the source tree: text node index and UTF-16 offset in it. */
interface Point {
  text: number;
  offset: number;
}

/** Children of `parent` by XPath step name ('p', 'text()'), built once per parent. */
function childrenNamed(source: HyperTextSource, parent: Node, name: string): Node[] {
  let byName = source.children.get(parent);
  if (!byName) {
    byName = new Map();
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      const key = c.nodeType === Node.TEXT_NODE ? 'text()' : c.nodeName.toLowerCase();
      const list = byName.get(key);
      if (list) list.push(c);
      else byName.set(key, [c]);
    }
    source.children.set(parent, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * The node an absolute positional XPath ("/div[1]/p[2]/text()[1]", what Label Studio writes) names,
 * walked step by step from the content root (the browser's XPath engine takes milliseconds per path on a
 * long page), or what stops it. Which XPaths those are is the checks' parseXPath (core/text/html.ts):
 * Label Studio's newer code matches only the paths it wrote.
 */
function nodeAt(source: HyperTextSource, xpath: string): Node | string {
  const steps = parseXPath(xpath);
  if (!steps) return `${JSON.stringify(xpath)} is not an absolute positional XPath`;
  let node: Node = source.root;
  let path = '';
  for (const { name, index: written } of steps) {
    const index = written ?? 1;
    const same = childrenNamed(source, node, name);
    const here = path ? `${path} (<${node.nodeName.toLowerCase()}>)` : 'the content root';
    path += `/${name}[${index}]`;
    const next = same[index - 1];
    if (!next) {
      const what = name === 'text()' ? 'text node' : `<${name}>`;
      return `${path} does not exist: ${here} has ${same.length === 0 ? `no ${what} child` : `${same.length} ${what} child${same.length === 1 ? '' : 'ren'}`}`;
    }
    node = next;
  }
  return node;
}

/**
 * An XPath and offset as Label Studio reads them: the offset counts code points over the text inside the
 * node it names (a text node, or all the text of an element), and must fall within it.
 */
function pointAt(source: HyperTextSource, xpath: unknown, offset: unknown, which: 'start' | 'end'): Point | string {
  if (typeof xpath !== 'string') return `${which} is not an XPath`;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return `${which}Offset ${JSON.stringify(offset)} is not a count of characters`;
  const node = nodeAt(source, xpath);
  if (typeof node === 'string') return `${which}: ${node}`;
  const inside: number[] = [];
  if (node.nodeType === Node.TEXT_NODE) inside.push(source.index.get(node)!);
  else {
    const walker = source.root.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) inside.push(source.index.get(n)!);
  }
  let left = offset;
  let total = 0;
  for (const i of inside) {
    const cp = new CodePointText(source.texts[i].data);
    if (left <= cp.length) return { text: i, offset: cp.toUtf16(left) };
    left -= cp.length;
    total += cp.length;
  }
  if (!inside.length && offset === 0) {
    // An element without text: the position where it is, before the next text.
    const next = source.texts.findIndex((t) => node.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (next !== -1) return which === 'start' || next === 0 ? { text: next, offset: 0 } : { text: next - 1, offset: source.texts[next - 1].length };
  }
  return `${which}Offset ${offset} is past the end of ${xpath} (${total} character${total === 1 ? '' : 's'})`;
}

/** Label Studio's fallback when the XPaths do not resolve: globalOffsets, code points with a <br> counting one. */
function pointAtGlobal(source: HyperTextSource, at: number, which: 'start' | 'end'): Point | null {
  const { texts, globalStart } = source;
  for (let i = 0; i < texts.length; i++) {
    const cp = new CodePointText(texts[i].data);
    const end = globalStart[i] + cp.length;
    const isLast = i === texts.length - 1;
    if (end >= at || isLast) {
      // A start at the very end of a text begins the next one.
      if (which === 'start' && end === at && !isLast) return { text: i + 1, offset: 0 };
      return { text: i, offset: cp.toUtf16(Math.max(0, Math.min(at - globalStart[i], cp.length))) };
    }
  }
  return null;
}

/** Label Studio's positional XPath of a text node, relative to the content root: "/p[2]/text()[1]". */
function xpathOf(root: Node, node: Node): string {
  const steps: string[] = [];
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    const name = n.nodeName;
    let k = 1;
    for (let p = n.previousSibling; p; p = p.previousSibling) if (p.nodeName === name) k++;
    steps.unshift(`${n.nodeType === Node.TEXT_NODE ? 'text()' : name.toLowerCase()}[${k}]`);
  }
  return '/' + steps.join('/');
}

export type Placement = { start: number; end: number } | { error: string };

/**
 * The sanitized HTML in its box, and what prelabel put in it: marks on the spans and slots for their label
 * tags. Which elements are prelabel's is kept here, never read from attributes the task HTML could carry.
 * Positions in the display are UTF-16 offsets of its text, the label tags left out.
 */
export class HyperTextDisplay {
  /** Where each source text starts in the displayed text, or -1 when sanitizing dropped it. */
  private readonly starts: number[];
  /** Source text indices that are displayed, in order (their starts increase). */
  private readonly shown: number[] = [];
  /** prelabel's marks, with the keys of the spans covering each (outer first). */
  readonly marks = new Map<HTMLElement, string[]>();
  /** A slot for each span's label tag, by span key. */
  readonly slots = new Map<string, HTMLElement>();
  /** The span key of each slot. */
  private readonly slotKeys = new Map<Node, string>();

  /** Put the sanitized HTML into `host`, take its markers out, and note where each source text went. */
  constructor(
    private readonly host: HTMLElement,
    private readonly source: HyperTextSource,
  ) {
    host.innerHTML = source.marked;
    this.starts = new Array<number>(source.texts.length).fill(-1);
    let total = 0;
    for (const node of this.texts()) {
      const data = node.data;
      if (!data.includes(OPEN)) {
        total += data.length;
        continue;
      }
      let clean = '';
      let last = 0;
      const found: [number, number][] = [];
      for (const m of data.matchAll(MARKER)) {
        clean += data.slice(last, m.index);
        last = m.index + m[0].length;
        found.push([markerIndex(m[1]), clean.length]);
      }
      clean += data.slice(last);
      for (const [i, at] of found) {
        // Sanitizing keeps a text whole or drops it; anything else and the text is not placed.
        const t = source.texts[i];
        if (t && clean.startsWith(t.data, at)) this.starts[i] = total + at;
      }
      if (clean) node.data = clean;
      else node.remove();
      total += clean.length;
    }
    this.starts.forEach((s, i) => s >= 0 && this.shown.push(i));
  }

  private inSlot(node: Node): boolean {
    for (let n = node.parentNode; n && n !== this.host; n = n.parentNode) if (this.slotKeys.has(n)) return true;
    return false;
  }

  /** Text nodes of the display in order, without the label tags. */
  private texts(): Text[] {
    const out: Text[] = [];
    const walker = document.createTreeWalker(this.host, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!this.inSlot(n)) out.push(n as Text);
    return out;
  }

  /** Display position of a source point; a point in text that is not displayed moves to the nearest shown text. */
  private displayed(p: Point, which: 'start' | 'end'): number | null {
    if (this.starts[p.text] >= 0) return this.starts[p.text] + p.offset;
    if (which === 'start') {
      const next = this.shown.find((i) => i > p.text);
      return next === undefined ? null : this.starts[next];
    }
    const before = this.shown.filter((i) => i < p.text).at(-1);
    return before === undefined ? null : this.starts[before] + this.source.texts[before].length;
  }

  /** Where a hypertextlabels value lands, as Label Studio resolves it, or why it does not. */
  place(value: Record<string, unknown>): Placement {
    const { source } = this;
    let a = pointAt(source, value.start, value.startOffset, 'start');
    let b = typeof a === 'string' ? a : pointAt(source, value.end, value.endOffset, 'end');
    const g = value.globalOffsets as { start?: unknown; end?: unknown } | undefined;
    if (typeof b === 'string' && g && typeof g === 'object' && Number.isInteger(g.start) && Number.isInteger(g.end)) {
      const ga = pointAtGlobal(source, g.start as number, 'start');
      const gb = pointAtGlobal(source, g.end as number, 'end');
      if (ga && gb) {
        a = ga;
        b = gb;
      }
    }
    if (typeof a === 'string') return { error: a };
    if (typeof b === 'string') return { error: b };
    if (b.text < a.text || (b.text === a.text && b.offset < a.offset)) return { error: 'its start is after its end' };
    const empty = a.text === b.text && a.offset === b.offset;
    const start = this.displayed(a, 'start');
    const end = this.displayed(b, 'end');
    if (start === null || end === null || end < start || (end === start && !empty)) return { error: 'it lies in content prelabel does not display (removed when sanitizing)' };
    return { start, end };
  }

  /**
   * Wrap placed spans: the text is cut at every span end first, then each piece is marked with the spans
   * covering it, and each span gets a slot for its label tag after its end (inner spans' before outer ones'
   * at a shared end, as Label Studio nests them).
   */
  wrap(spans: { key: string; start: number; end: number }[]): void {
    const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((x, y) => x - y);
    const pieces: { node: Text; start: number; end: number; keys: string[]; mark: HTMLElement | null }[] = [];
    let total = 0;
    let c = 0;
    for (let node of this.texts()) {
      const from = total;
      const to = total + node.length;
      total = to;
      while (c < cuts.length && cuts[c] <= from) c++;
      let at = from;
      for (let k = c; k < cuts.length && cuts[k] < to; k++) {
        const rest = node.splitText(cuts[k] - at);
        pieces.push({ node, start: at, end: cuts[k], keys: [], mark: null });
        node = rest;
        at = cuts[k];
      }
      if (to > at) pieces.push({ node, start: at, end: to, keys: [], mark: null });
    }
    const firstAtOrAfter = (pos: number) => {
      let lo = 0;
      let hi = pieces.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pieces[mid].start < pos) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const order = spans.map((s, i) => ({ s, i })).sort((x, y) => x.s.start - y.s.start || y.s.end - x.s.end || x.i - y.i);
    for (const { s } of order) {
      for (let k = firstAtOrAfter(s.start); k < pieces.length && pieces[k].end <= s.end; k++) pieces[k].keys.push(s.key);
    }
    for (const p of pieces) {
      // Layout whitespace between blocks would become a highlighted empty line: it is left unmarked.
      if (!p.keys.length || (/\n/.test(p.node.data) && !p.node.data.trim())) continue;
      const mark = document.createElement('mark');
      p.node.parentNode!.replaceChild(mark, p.node);
      mark.appendChild(p.node);
      mark.dataset.span = p.keys.join(' ');
      p.mark = mark;
      this.marks.set(mark, p.keys);
    }
    const byEnd = [...order].sort((x, y) => x.s.end - y.s.end || y.s.start - x.s.start || x.i - y.i);
    for (const { s } of byEnd) {
      const slot = document.createElement('span');
      slot.className = 'span-tag-slot';
      slot.contentEditable = 'false';
      const k = firstAtOrAfter(s.end) - 1;
      // After the piece ending where the span ends, and after the slots already there.
      let after: Node | null = k >= 0 ? (pieces[k].mark ?? pieces[k].node) : null;
      while (after?.nextSibling && this.slotKeys.has(after.nextSibling)) after = after.nextSibling;
      if (after) after.parentNode!.insertBefore(slot, after.nextSibling);
      else if (pieces.length) pieces[0].node.parentNode!.insertBefore(slot, pieces[0].mark ?? pieces[0].node);
      else this.host.appendChild(slot);
      this.slots.set(s.key, slot);
      this.slotKeys.set(slot, s.key);
    }
  }

  /** Key of the span whose label tag holds `target`, or null. */
  tagAt(target: Node): string | null {
    for (let n: Node | null = target; n && n !== this.host; n = n.parentNode) {
      const key = this.slotKeys.get(n);
      if (key !== undefined) return key;
    }
    return null;
  }

  /** Keys of the spans covering the mark that holds `target` (outer first), or null. */
  spansAt(target: Node): string[] | null {
    for (let n: Node | null = target; n && n !== this.host; n = n.parentNode) {
      const keys = this.marks.get(n as HTMLElement);
      if (keys) return keys;
    }
    return null;
  }

  /** Display position of a DOM position in the host; in a label tag: after it for a start, before it for an end. */
  offsetOf(node: Node, offset: number, which: 'start' | 'end'): number {
    for (let n: Node | null = node; n && n !== this.host; n = n.parentNode) {
      if (this.slotKeys.has(n)) {
        node = n.parentNode!;
        offset = [...node.childNodes].indexOf(n as ChildNode) + (which === 'start' ? 1 : 0);
        break;
      }
    }
    const before = document.createRange();
    before.setStart(this.host, 0);
    before.setEnd(node, offset);
    let total = 0;
    for (const t of this.texts()) {
      if (t === node) return total + offset;
      if (!before.intersectsNode(t)) break;
      total += t.length;
    }
    return total;
  }

  /** The source point of a display position; `which` decides between the end of one text and the start of the next. */
  private sourcePoint(at: number, which: 'start' | 'end'): Point | null {
    let best: Point | null = null;
    for (const i of this.shown) {
      const s = this.starts[i];
      const e = s + this.source.texts[i].length;
      if (which === 'start' ? at >= s && at < e : at > s && at <= e) return { text: i, offset: at - s };
      if (s > at) break;
      best = { text: i, offset: this.source.texts[i].length };
    }
    return which === 'start' ? null : best;
  }

  /** What Label Studio stores for the display range a..b: XPaths and code-point offsets in its tree, globalOffsets, text. */
  spanValue(a: number, b: number) {
    const { source } = this;
    const s = this.sourcePoint(a, 'start');
    const e = this.sourcePoint(b, 'end');
    if (!s || !e || e.text < s.text || (e.text === s.text && e.offset <= s.offset)) return null;
    const cpOf = (p: Point) => new CodePointText(source.texts[p.text].data).fromUtf16(p.offset);
    const texts = source.texts.slice(s.text, e.text + 1).map((t) => t.data);
    const text = s.text === e.text ? texts[0].slice(s.offset, e.offset) : texts[0].slice(s.offset) + texts.slice(1, -1).join('') + texts[texts.length - 1].slice(0, e.offset);
    return {
      start: xpathOf(source.root, source.texts[s.text]),
      startOffset: cpOf(s),
      end: xpathOf(source.root, source.texts[e.text]),
      endOffset: cpOf(e),
      globalOffsets: { start: source.globalStart[s.text] + cpOf(s), end: source.globalStart[e.text] + cpOf(e) },
      text,
    };
  }
}
