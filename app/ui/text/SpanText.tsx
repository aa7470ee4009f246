// Text with labelled spans: overlapping and nested spans stay readable (each covering span adds an
// underline in its colour; the innermost colours the background), a tag after each span's end, where
// Label Studio writes a span's label.

import { Fragment, useMemo } from 'react';
import type { RegionView } from '../../core/preview';
import { withAlpha } from '../color';
import { Lock } from '../panels/icons';

export interface SpanRange {
  region: RegionView;
  /** UTF-16 offsets into `text`. */
  start: number;
  end: number;
  ghost: boolean;
  /** A span of the compared prediction: drawn as a dashed underline, its tag in italics. */
  compare?: boolean;
  /** False for a piece of a span that ends elsewhere (a span over several paragraphs has one tag). */
  tag?: boolean;
}

interface Props {
  text: string;
  spans: SpanRange[];
  selected: string | null;
  onSelect(key: string): void;
}

function tagText(r: RegionView): string {
  let t = r.labels.length ? r.labels.join(', ') : 'span';
  if (r.score !== null) t += ` ${r.score.toFixed(2)}`;
  return t;
}

/** How a span's label tag looks: its labels and score, a lock when readonly, "!" with its problems. */
export function spanTagLook(region: RegionView, { selected = false, ghost = false, compare = false }: { selected?: boolean; ghost?: boolean; compare?: boolean }) {
  return {
    className: `span-tag${compare ? ' compare' : ''}${region.problems.length ? ' has-problem' : ''}${ghost ? ' ghost' : ''}${selected ? ' selected' : ''}`,
    style: compare ? { borderColor: region.color, color: region.color } : { background: region.dropped ? '#555' : region.color },
    title: region.dropped ?? region.problems.map((p) => p.message).join('\n'),
    text: tagText(region),
    lock: region.readonly,
    problem: region.problems.length > 0,
  };
}

/** A span's label tag; a click selects its region. */
export function SpanTag({ region, selected, ghost = false, compare = false, onSelect }: { region: RegionView; selected: boolean; ghost?: boolean; compare?: boolean; onSelect(key: string): void }) {
  const look = spanTagLook(region, { selected, ghost, compare });
  return (
    <button type="button" className={look.className} style={look.style} onClick={() => !compare && onSelect(region.key)} title={look.title}>
      {look.text}
      {look.lock && <Lock />}
      {look.problem && ' !'}
    </button>
  );
}

/** Where each span's tag goes: after its end (clamped to the text), inner spans' tags before outer ones'. */
function tagsByPosition(spans: SpanRange[], length: number): Map<number, SpanRange[]> {
  const at = new Map<number, SpanRange[]>();
  const order = spans.map((s, i) => ({ s, i })).filter(({ s }) => s.tag !== false);
  order.sort((a, b) => b.s.start - a.s.start || a.i - b.i);
  for (const { s } of order) {
    const pos = Math.max(0, Math.min(s.end, length));
    const list = at.get(pos);
    if (list) list.push(s);
    else at.set(pos, [s]);
  }
  return at;
}

export function SpanText({ text, spans, selected, onSelect }: Props) {
  const { segments, tags } = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const s of spans) {
      cuts.add(Math.max(0, Math.min(s.start, text.length)));
      cuts.add(Math.max(0, Math.min(s.end, text.length)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: { from: number; to: number; covering: SpanRange[]; compared: SpanRange[] }[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i];
      const to = points[i + 1];
      const covering = sorted.filter((s) => !s.compare && s.start <= from && s.end >= to && s.end > s.start);
      const compared = sorted.filter((s) => s.compare && s.start <= from && s.end >= to && s.end > s.start);
      out.push({ from, to, covering, compared });
    }
    return { segments: out, tags: tagsByPosition(spans, text.length) };
  }, [text, spans]);
  const tagsAt = (pos: number) =>
    (tags.get(pos) ?? []).map((s) => <SpanTag key={s.region.key} region={s.region} selected={s.region.key === selected} ghost={s.ghost} compare={s.compare} onSelect={onSelect} />);

  return (
    <div className="span-text" data-length={text.length}>
      {/* Tags of spans that end at the very start (empty spans there, or ends before 0). */}
      {tagsAt(0)}
      {segments.map(({ from, to, covering, compared }) => {
        const inner = covering[covering.length - 1];
        const shadows = covering.map((s, i) => `inset 0 -${(i + 1) * 3}px 0 ${s.region.color}`).join(', ');
        const isSel = covering.some((s) => s.region.key === selected);
        return (
          <Fragment key={from}>
            {to > from && compared.length > 0 && !inner && (
              <span className="compared" data-from={from} style={{ textDecorationColor: compared[0].region.color }}>
                {text.slice(from, to)}
              </span>
            )}
            {to > from &&
              (compared.length > 0 && !inner ? null : inner ? (
                <mark
                  className={`span${isSel ? ' selected' : ''}${inner.ghost ? ' ghost' : ''}${inner.region.problems.length ? ' has-problem' : ''}`}
                  style={{ background: withAlpha(inner.region.color, 0.2), boxShadow: shadows, paddingBottom: covering.length * 3, ...(compared.length ? { textDecoration: `underline dashed ${compared[0].region.color}` } : {}) }}
                  data-span={covering.map((s) => s.region.key).join(' ')}
                  data-from={from}
                  onClick={() => onSelect(inner.region.key)}
                >
                  {text.slice(from, to)}
                </mark>
              ) : (
                <span data-from={from}>{text.slice(from, to)}</span>
              ))}
            {tagsAt(to)}
          </Fragment>
        );
      })}
    </div>
  );
}
