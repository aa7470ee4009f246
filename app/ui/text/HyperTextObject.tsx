// <HyperText>: HTML sanitized with DOMPurify, its XPath spans highlighted, and new spans made by selecting
// text: XPaths and offsets are computed on the sanitized HTML as Label Studio stores them, not on the
// highlighted copy (whose marks split text nodes).

import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef } from 'react';
import type { ObjectTag } from '../../core';
import type { RegionView } from '../../core/preview';
import { CodePointText } from '../../core/text/codepoints';
import { newRegionId } from '../../store/commands';
import { useStore } from '../../store/store';
import { withAlpha } from '../color';
import { selectedRange, SpanLabelTools, useSpanTool, useVisibility } from './TextObjects';

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

export function sanitizeTaskHtml(value: unknown): string {
  return DOMPurify.sanitize(typeof value === 'string' ? value : '', SANITIZE);
}

/** Any click inside the task HTML that would follow a link is cancelled: the preview never navigates. */
function stayHere(e: { target: EventTarget; preventDefault(): void }): void {
  if ((e.target as Element).closest?.('a, area')) e.preventDefault();
}

const CONTAINED = { contain: 'paint', overflow: 'auto', position: 'relative' } as const;

interface Props {
  object: ObjectTag;
  value: unknown;
  regions: RegionView[];
}

/** Resolve a Label Studio XPath ("/p[2]/text()[1]") inside the content root. */
function resolve(root: Node, xpath: string): Node | null {
  try {
    const expr = xpath.startsWith('/') ? `.${xpath}` : xpath;
    return document.evaluate(expr, root, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  } catch {
    return null;
  }
}

function textNodesIn(range: Range): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let n = walker.currentNode as Node | null; n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE && range.intersectsNode(n)) out.push(n as Text);
  }
  return out;
}

/** Text offset (UTF-16) of a DOM position from the start of root's text. */
function globalOffset(root: Node, node: Node, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += (n as Text).length;
  }
  // An element position: count the text before its offset-th child.
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text node holding global offset `at` in root (the end of a node for an end position), and the offset in it. */
function nodeAt(root: Node, at: number, end: boolean): { node: Text; offset: number } | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (at < total + n.length || (end && at === total + n.length)) return { node: n, offset: at - total };
    total += n.length;
  }
  return null;
}

/** Label Studio's positional XPath of a text node, relative to the content root: "/p[2]/text()[1]". */
function xpathOf(root: Node, node: Node): string {
  const steps: string[] = [];
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nodeType === Node.TEXT_NODE) {
      let k = 1;
      for (let p = n.previousSibling; p; p = p.previousSibling) if (p.nodeType === Node.TEXT_NODE) k++;
      steps.unshift(`text()[${k}]`);
    } else {
      const tag = (n as Element).tagName.toLowerCase();
      let k = 1;
      for (let p = n.previousSibling; p; p = p.previousSibling) if (p.nodeType === Node.ELEMENT_NODE && (p as Element).tagName.toLowerCase() === tag) k++;
      steps.unshift(`${tag}[${k}]`);
    }
  }
  return '/' + steps.join('/');
}

export function HyperTextObject({ object, value, regions }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const addResults = useStore((s) => s.addResults);
  const config = useStore((s) => s.project.goodConfig);
  const visible = useVisibility();
  const { tool, toolProps } = useSpanTool();
  const html = useMemo(() => sanitizeTaskHtml(value), [value]);
  const onMouseUp = () => {
    const root = host.current;
    const range = root && tool && selectedRange(root);
    if (!tool || !root || !range) return;
    const a = globalOffset(root, range.startContainer, range.startOffset);
    const b = globalOffset(root, range.endContainer, range.endOffset);
    if (b <= a) return;
    // Positions in the sanitized HTML as stored, without the highlight marks.
    const pristine = document.createElement('div');
    pristine.innerHTML = html;
    const s = nodeAt(pristine, a, false);
    const e = nodeAt(pristine, b, true);
    if (!s || !e) return;
    const all = new CodePointText(pristine.textContent ?? '');
    const control = config?.controls.get(tool.control);
    const type = control?.resultTypes[0] ?? 'hypertextlabels';
    const text = (pristine.textContent ?? '').slice(a, b);
    window.getSelection()?.removeAllRanges();
    addResults(
      [{ id: newRegionId(), from_name: tool.control, to_name: object.name, type, value: { start: xpathOf(pristine, s.node), end: xpathOf(pristine, e.node), startOffset: s.offset, endOffset: e.offset, globalOffsets: { start: all.fromUtf16(a), end: all.fromUtf16(b) }, text, [type]: [tool.label] } }],
      `Label "${text.slice(0, 30)}" as ${tool.label}`,
    );
  };
  useEffect(() => {
    const root = host.current;
    if (!root) return;
    root.innerHTML = html;
    for (const r of regions) {
      if (r.kind !== 'span' || !visible(r)) continue;
      const start = typeof r.value.start === 'string' ? resolve(root, r.value.start) : null;
      const end = typeof r.value.end === 'string' ? resolve(root, r.value.end) : null;
      if (!start || !end) continue;
      const range = document.createRange();
      try {
        range.setStart(start, Math.min(Number(r.value.startOffset) || 0, start.textContent?.length ?? 0));
        range.setEnd(end, Math.min(Number(r.value.endOffset) || 0, end.textContent?.length ?? 0));
      } catch {
        continue;
      }
      for (const node of textNodesIn(range)) {
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.length;
        if (to <= from) continue;
        const piece = from > 0 ? node.splitText(from) : node;
        if (to - from < piece.length) piece.splitText(to - from);
        const mark = document.createElement('mark');
        mark.className = `span${r.key === selected ? ' selected' : ''}${r.problems.length ? ' has-problem' : ''}${r.hidden ? ' ghost' : ''}`;
        mark.style.background = withAlpha(r.color, 0.3);
        mark.style.boxShadow = `inset 0 -3px 0 ${r.color}`;
        mark.dataset.span = r.key;
        mark.title = r.labels.join(', ');
        piece.parentNode!.replaceChild(mark, piece);
        mark.appendChild(piece);
      }
    }
  }, [html, regions, selected, visible]);
  return (
    <section className="text-object" aria-label={`HyperText ${object.name}`}>
      <h3>{object.name}</h3>
      <SpanLabelTools object={object} tags={['HyperTextLabels', 'Labels']} {...toolProps} />
      <div
        ref={host}
        onMouseUp={onMouseUp}
        className="hypertext"
        style={CONTAINED}
        onAuxClick={stayHere}
        onClick={(e) => {
          stayHere(e);
          const key = (e.target as HTMLElement).closest('mark')?.getAttribute('data-span');
          if (key) selectRegion(key);
        }}
      />
    </section>
  );
}
