// <Text>, <Paragraphs> and <HyperText> objects with their predicted spans. Offsets are code points
// (FORMAT-NOTES §6), turned into string indices here; HTML is sanitized with DOMPurify before display.

import DOMPurify from 'dompurify';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectTag } from '../../core';
import type { RegionView, RelationView } from '../../core/preview';
import { CodePointText } from '../../core/text/codepoints';
import { newRegionId } from '../../store/commands';
import { useStore } from '../../store/store';
import { withAlpha } from '../color';
import { RelationArrows } from './RelationArrows';
import { SpanText, type SpanRange } from './SpanText';

interface Props {
  object: ObjectTag;
  value: unknown;
  regions: RegionView[];
  relations?: RelationView[];
  /** Spans of another prediction, shown as dashed underlines with italic tags. */
  compare?: RegionView[];
}

function useVisibility() {
  const showHidden = useStore((s) => s.showHidden);
  const revealed = useStore((s) => s.revealed);
  return useCallback((r: RegionView) => !r.hidden || showHidden || revealed.has(r.key), [showHidden, revealed]);
}

/** UTF-16 offset in the text of a DOM position inside a SpanText (its pieces carry data-from). */
function textOffset(node: Node, offset: number, end: boolean): number | null {
  const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement))?.closest<HTMLElement>('[data-from]');
  if (el) return Number(el.dataset.from) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  // In a label tag: snap to the piece after it (or before it, for the end).
  const tag = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement))?.closest('.span-tag');
  let sib = tag?.[end ? 'previousElementSibling' : 'nextElementSibling'] as HTMLElement | null | undefined;
  while (sib && !sib.dataset.from) sib = sib[end ? 'previousElementSibling' : 'nextElementSibling'] as HTMLElement | null;
  if (!sib) return null;
  return Number(sib.dataset.from) + (end ? (sib.textContent?.length ?? 0) : 0);
}

function SpanLabelTools({ object, onLabel, label }: { object: ObjectTag; label: string | null; onLabel(control: string, label: string | null): void }) {
  const config = useStore((s) => s.project.goodConfig);
  const controls = config ? [...config.controls.values()].filter((c) => c.tag === 'Labels' && c.toName.includes(object.name)) : [];
  if (!controls.length) return null;
  return (
    <div className="span-tools" role="group" aria-label={`Label text in ${object.name}`}>
      {controls.flatMap((c) =>
        c.options.map((o) => (
          <button type="button" key={`${c.name}:${o.value}`} aria-pressed={label === `${c.name}:${o.value}`} style={{ borderColor: o.background ?? undefined }} onClick={() => onLabel(c.name, label === `${c.name}:${o.value}` ? null : o.value)}>
            {o.value}
          </button>
        )),
      )}
      <span className="muted"> {label ? 'select text to label it' : 'choose a label, then select text'}</span>
    </div>
  );
}

export function TextObject({ object, value, regions, relations = [], compare }: Props) {
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const addResults = useStore((s) => s.addResults);
  const visible = useVisibility();
  const [tool, setTool] = useState<{ control: string; label: string } | null>(null);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const onMouseUp = (e: React.MouseEvent) => {
    if (!tool) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (!(e.currentTarget as HTMLElement).contains(range.commonAncestorContainer)) return;
    const a = textOffset(range.startContainer, range.startOffset, false);
    const b = textOffset(range.endContainer, range.endOffset, true);
    if (a === null || b === null || b <= a) return;
    const cp = new CodePointText(text);
    const start = cp.fromUtf16(a);
    const end = cp.fromUtf16(b);
    sel.removeAllRanges();
    addResults([{ id: newRegionId(), from_name: tool.control, to_name: object.name, type: 'labels', value: { start, end, text: cp.slice(start, end), labels: [tool.label] } }], `Label "${cp.slice(start, end)}" as ${tool.label}`);
  };
  const spans = useMemo(() => {
    const cp = new CodePointText(text);
    return regions
      .filter((r) => r.kind === 'span' && visible(r))
      .map((r): SpanRange => {
        const s = Number(r.value.start);
        const e = Number(r.value.end);
        return { region: r, start: cp.toUtf16(Number.isFinite(s) ? s : 0), end: cp.toUtf16(Number.isFinite(e) ? e : 0), ghost: r.hidden || r.dropped !== null };
      })
      .concat(
        (compare ?? [])
          .filter((r) => r.kind === 'span')
          .map((r) => ({ region: { ...r, key: `compare:${r.key}` }, start: cp.toUtf16(Number(r.value.start) || 0), end: cp.toUtf16(Number(r.value.end) || 0), ghost: false, compare: true })),
      );
  }, [text, regions, visible, compare]);
  return (
    <section className="text-object" aria-label={`Text ${object.name}`}>
      <h3>{object.name}</h3>
      {object.valueType !== 'url' && <SpanLabelTools object={object} label={tool ? `${tool.control}:${tool.label}` : null} onLabel={(control, label) => setTool(label ? { control, label } : null)} />}
      {object.valueType === 'url' ? (
        <p className="muted">This Text reads its content from a URL ({text}); spans are listed in Regions.</p>
      ) : (
        <div onMouseUp={onMouseUp}>
          <SpanText text={text} spans={spans} selected={selected} onSelect={selectRegion} />
        </div>
      )}
      {relations.length > 0 && <RelationArrows relations={relations} deps={spans} />}
    </section>
  );
}

export function ParagraphsObject({ object, value, regions }: Props) {
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const visible = useVisibility();
  const paragraphs = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const nameKey = object.attrs.nameKey ?? 'author';
  const textKey = object.attrs.textKey ?? 'text';
  return (
    <section className="text-object" aria-label={`Paragraphs ${object.name}`}>
      <h3>{object.name}</h3>
      {paragraphs.map((p, i) => {
        const text = String(p?.[textKey] ?? '');
        const cp = new CodePointText(text);
        const spans: SpanRange[] = [];
        for (const r of regions) {
          if (r.kind !== 'span' || !visible(r)) continue;
          const s = Number(r.value.start);
          const e = Number(r.value.end);
          if (!(s <= i && i <= e)) continue;
          const from = s === i ? cp.toUtf16(Number(r.value.startOffset) || 0) : 0;
          const to = e === i ? cp.toUtf16(Number(r.value.endOffset) || 0) : text.length;
          spans.push({ region: r, start: from, end: to, ghost: r.hidden || r.dropped !== null });
        }
        return (
          <div className="paragraph" key={i}>
            <b>{String(p?.[nameKey] ?? '')}</b> <SpanText text={text} spans={spans} selected={selected} onSelect={selectRegion} />
          </div>
        );
      })}
    </section>
  );
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

export function HyperTextObject({ object, value, regions }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const visible = useVisibility();
  const html = useMemo(() => DOMPurify.sanitize(typeof value === 'string' ? value : ''), [value]);
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
      <div
        ref={host}
        className="hypertext"
        onClick={(e) => {
          const key = (e.target as HTMLElement).closest('mark')?.getAttribute('data-span');
          if (key) selectRegion(key);
        }}
      />
    </section>
  );
}
