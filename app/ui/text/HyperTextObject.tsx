// <HyperText>: the task HTML sanitized with DOMPurify, its XPath spans highlighted where Label Studio puts
// them (hyperTextLayout.ts), each with its label tag after its end, and new spans made by selecting text:
// XPaths and offsets are computed in Label Studio's tree of the HTML, not on the highlighted display.

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ObjectTag } from '../../core';
import type { RegionView } from '../../core/preview';
import { newRegionId } from '../../store/commands';
import { useStore } from '../../store/store';
import { withAlpha } from '../color';
import { HyperTextDisplay, hyperTextSource } from './hyperTextLayout';
import { spanTagButton } from './SpanText';
import { selectedRange, SpanLabelTools, useSpanTool, useVisibility } from './TextObjects';

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

interface Layout {
  display: HyperTextDisplay | null;
  /** Spans that could not be placed, with the reason. */
  unplaced: { region: RegionView; reason: string }[];
}

const SHOW_UNPLACED = 5;

export function HyperTextObject({ object, value, regions }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const addResults = useStore((s) => s.addResults);
  const config = useStore((s) => s.project.goodConfig);
  const visible = useVisibility();
  const { tool, toolProps } = useSpanTool();
  // Parsed and sanitized once per HTML; spans are placed on a fresh copy of the display each time.
  const inline = object.attrs.inline === 'true';
  const source = useMemo(() => hyperTextSource(value, inline), [value, inline]);
  const [layout, setLayout] = useState<Layout>({ display: null, unplaced: [] });
  const spans = useMemo(() => regions.filter((r) => r.kind === 'span' && visible(r)), [regions, visible]);

  useLayoutEffect(() => {
    const root = host.current;
    if (!root) return;
    const display = new HyperTextDisplay(root, source);
    // Every span is placed before any is wrapped: wrapping splits text nodes.
    const placed: { key: string; start: number; end: number }[] = [];
    const unplaced: Layout['unplaced'] = [];
    const byKey = new Map(spans.map((r) => [r.key, r]));
    for (const r of spans) {
      const p = display.place(r.value);
      if ('error' in p) unplaced.push({ region: r, reason: p.error });
      else placed.push({ key: r.key, start: p.start, end: p.end });
    }
    display.wrap(placed);
    for (const [mark, keys] of display.marks) {
      const covering = keys.map((k) => byKey.get(k)!);
      const inner = covering[covering.length - 1];
      const ghost = inner.hidden || inner.dropped !== null;
      mark.className = `span${ghost ? ' ghost' : ''}${inner.problems.length ? ' has-problem' : ''}`;
      mark.style.background = withAlpha(inner.color, 0.2);
      mark.style.boxShadow = covering.map((s, i) => `inset 0 -${(i + 1) * 3}px 0 ${s.color}`).join(', ');
      mark.style.paddingBottom = `${covering.length * 3}px`;
      mark.title = covering.map((s) => s.labels.join(', ') || 'span').join(' / ');
    }
    for (const [key, slot] of display.slots) {
      const region = byKey.get(key)!;
      slot.append(spanTagButton(region, { ghost: region.hidden || region.dropped !== null }));
    }
    setLayout({ display, unplaced });
  }, [source, spans]);

  // Selection only restyles the marks and tags: the layout stays.
  useEffect(() => {
    for (const [mark, keys] of layout.display?.marks ?? []) mark.classList.toggle('selected', selected !== null && keys.includes(selected));
    for (const [key, slot] of layout.display?.slots ?? []) slot.firstElementChild?.classList.toggle('selected', key === selected);
  }, [selected, layout]);

  const onMouseUp = () => {
    const root = host.current;
    const range = root && tool && selectedRange(root);
    if (!tool || !root || !range || !layout.display) return;
    const a = layout.display.offsetOf(range.startContainer, range.startOffset, 'start');
    const b = layout.display.offsetOf(range.endContainer, range.endOffset, 'end');
    const v = b > a ? layout.display.spanValue(a, b) : null;
    if (!v) return;
    const control = config?.controls.get(tool.control);
    const type = control?.resultTypes[0] ?? 'hypertextlabels';
    window.getSelection()?.removeAllRanges();
    addResults([{ id: newRegionId(), from_name: tool.control, to_name: object.name, type, value: { ...v, [type]: [tool.label] } }], `Label "${v.text.slice(0, 30)}" as ${tool.label}`);
  };

  const { unplaced } = layout;
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
          const key = layout.display?.tagAt(e.target as Node);
          const keys = layout.display?.spansAt(e.target as Node);
          if (key) selectRegion(key);
          else if (keys) selectRegion(keys[keys.length - 1]);
        }}
      />
      {unplaced.length > 0 && (
        <p className="warn" role="status">
          {unplaced.length} span{unplaced.length === 1 ? ' is' : 's are'} not drawn:{' '}
          {unplaced
            .slice(0, SHOW_UNPLACED)
            .map(({ region, reason }) => `${region.id ?? region.key}: ${reason}`)
            .join('; ')}
          {unplaced.length > SHOW_UNPLACED ? `; and ${unplaced.length - SHOW_UNPLACED} more.` : '.'}
        </p>
      )}
    </section>
  );
}
