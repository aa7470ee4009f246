// <Text>, <Paragraphs> and <HyperText> objects with their predicted spans. Offsets are code points
// (FORMAT-NOTES §6), turned into string indices here; HTML is sanitized with DOMPurify before display.

import { useCallback, useMemo, useState } from 'react';
import type { ObjectTag } from '../../core';
import type { RegionView, RelationView } from '../../core/preview';
import { CodePointText } from '../../core/text/codepoints';
import { newRegionId } from '../../store/commands';
import { useStore } from '../../store/store';
import { RelationArrows } from './RelationArrows';
import { useStable } from '../stable';
import { SpanText, type SpanRange } from './SpanText';

interface Props {
  object: ObjectTag;
  value: unknown;
  regions: RegionView[];
  relations?: RelationView[];
  /** Spans of another prediction, shown as dashed underlines with italic tags. */
  compare?: RegionView[];
}

export function useVisibility() {
  const showHidden = useStore((s) => s.showHidden);
  const revealed = useStore((s) => s.revealed);
  return useCallback((r: RegionView) => !r.hidden || showHidden || revealed.has(r.key), [showHidden, revealed]);
}

/** UTF-16 offset in the text of a DOM position inside a SpanText (its pieces carry data-from). */
export function textOffset(node: Node, offset: number, end: boolean): number | null {
  const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement))?.closest<HTMLElement>('[data-from]');
  if (el) return Number(el.dataset.from) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  // In a label tag: snap to the piece after it (or before it, for the end).
  const tag = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement))?.closest('.span-tag');
  let sib = tag?.[end ? 'previousElementSibling' : 'nextElementSibling'] as HTMLElement | null | undefined;
  while (sib && !sib.dataset.from) sib = sib[end ? 'previousElementSibling' : 'nextElementSibling'] as HTMLElement | null;
  if (!sib) return null;
  return Number(sib.dataset.from) + (end ? (sib.textContent?.length ?? 0) : 0);
}

/** The selection's range when it is a non-empty selection inside `container`, else null. */
export function selectedRange(container: Node): Range | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  return container.contains(range.commonAncestorContainer) ? range : null;
}

/** The label chosen for new spans, and the props that wire SpanLabelTools to it. */
export function useSpanTool() {
  const [tool, setTool] = useState<{ control: string; label: string } | null>(null);
  const toolProps = { label: tool ? `${tool.control}:${tool.label}` : null, onLabel: (control: string, label: string | null) => setTool(label ? { control, label } : null) };
  return { tool, toolProps };
}

/** The labels of the controls that label spans on this object (Labels, ParagraphLabels, HyperTextLabels). */
export function SpanLabelTools({ object, onLabel, label, tags = ['Labels'] }: { object: ObjectTag; label: string | null; onLabel(control: string, label: string | null): void; tags?: string[] }) {
  const config = useStore((s) => s.project.goodConfig);
  const controls = config ? [...config.controls.values()].filter((c) => tags.includes(c.tag) && c.toName.includes(object.name)) : [];
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

export function TextObject({ object, value, regions: regionsProp, relations = [], compare: compareProp }: Props) {
  const regions = useStable(regionsProp);
  const compare = useStable(compareProp);
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const addResults = useStore((s) => s.addResults);
  const visible = useVisibility();
  const { tool, toolProps } = useSpanTool();
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const onMouseUp = (e: React.MouseEvent) => {
    const range = tool && selectedRange(e.currentTarget);
    if (!tool || !range) return;
    const a = textOffset(range.startContainer, range.startOffset, false);
    const b = textOffset(range.endContainer, range.endOffset, true);
    if (a === null || b === null || b <= a) return;
    const cp = new CodePointText(text);
    const start = cp.fromUtf16(a);
    const end = cp.fromUtf16(b);
    window.getSelection()?.removeAllRanges();
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
      {object.valueType !== 'url' && <SpanLabelTools object={object} {...toolProps} />}
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

export function ParagraphsObject({ object, value, regions: regionsProp }: Props) {
  const regions = useStable(regionsProp);
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const addResults = useStore((s) => s.addResults);
  const config = useStore((s) => s.project.goodConfig);
  const visible = useVisibility();
  const { tool, toolProps } = useSpanTool();
  const paragraphs = useMemo(() => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []), [value]);
  const nameKey = object.attrs.nameKey ?? 'author';
  const textKey = object.attrs.textKey ?? 'text';
  const textOf = (i: number) => String(paragraphs[i]?.[textKey] ?? '');
  // Selecting across paragraphs: start and end are paragraph indices (strings), offsets in code points.
  const onMouseUp = (e: React.MouseEvent) => {
    const range = tool && selectedRange(e.currentTarget);
    if (!tool || !range) return;
    const para = (n: Node) => Number((n.nodeType === Node.TEXT_NODE ? n.parentElement : (n as HTMLElement))?.closest<HTMLElement>('[data-paragraph]')?.dataset.paragraph);
    const pi = para(range.startContainer);
    const pj = para(range.endContainer);
    const a = textOffset(range.startContainer, range.startOffset, false);
    const b = textOffset(range.endContainer, range.endOffset, true);
    if (!Number.isInteger(pi) || !Number.isInteger(pj) || a === null || b === null || (pi === pj && b <= a)) return;
    const control = config?.controls.get(tool.control);
    const type = control?.resultTypes[0] ?? 'paragraphlabels';
    const startOffset = new CodePointText(textOf(pi)).fromUtf16(a);
    const endOffset = new CodePointText(textOf(pj)).fromUtf16(b);
    const text = pi === pj ? textOf(pi).slice(a, b) : [textOf(pi).slice(a), ...paragraphs.slice(pi + 1, pj).map((_, k) => textOf(pi + 1 + k)), textOf(pj).slice(0, b)].join('\n');
    window.getSelection()?.removeAllRanges();
    addResults([{ id: newRegionId(), from_name: tool.control, to_name: object.name, type, value: { start: String(pi), end: String(pj), startOffset, endOffset, text, [type]: [tool.label] } }], `Label "${text.slice(0, 30)}" as ${tool.label}`);
  };
  // Each paragraph's spans, made again only when the regions or the text change (not when a region is
  // selected): a new list redraws the paragraph.
  const spansOf = useMemo(
    () =>
      paragraphs.map((p, i) => {
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
          // One tag per span, at its end: in its last paragraph (the last one there is, if it names one past them).
          spans.push({ region: r, start: from, end: to, ghost: r.hidden || r.dropped !== null, tag: i === Math.min(e, paragraphs.length - 1) });
        }
        return spans;
      }),
    [paragraphs, textKey, regions, visible],
  );
  return (
    <section className="text-object" aria-label={`Paragraphs ${object.name}`} onMouseUp={onMouseUp}>
      <h3>{object.name}</h3>
      <SpanLabelTools object={object} tags={['ParagraphLabels', 'Labels']} {...toolProps} />
      {paragraphs.map((p, i) => {
        const text = String(p?.[textKey] ?? '');
        return (
          <div className="paragraph" key={i} data-paragraph={i}>
            <b>{String(p?.[nameKey] ?? '')}</b> <SpanText text={text} spans={spansOf[i]} selected={selected} onSelect={selectRegion} />
          </div>
        );
      })}
    </section>
  );
}

