// Text with labelled spans: overlapping and nested spans stay readable (each covering span adds an
// underline in its colour; the innermost colours the background), a tag at each span's start.

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

export function SpanText({ text, spans, selected, onSelect }: Props) {
  const segments = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const s of spans) {
      cuts.add(Math.max(0, Math.min(s.start, text.length)));
      cuts.add(Math.max(0, Math.min(s.end, text.length)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: { from: number; to: number; covering: SpanRange[]; compared: SpanRange[]; starting: SpanRange[] }[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i];
      const to = points[i + 1];
      const covering = sorted.filter((s) => !s.compare && s.start <= from && s.end >= to && s.end > s.start);
      const compared = sorted.filter((s) => s.compare && s.start <= from && s.end >= to && s.end > s.start);
      const starting = sorted.filter((s) => s.start === from);
      out.push({ from, to, covering, compared, starting });
    }
    // Spans past the end of the text start at the end: still show their tag.
    const late = sorted.filter((s) => s.start >= text.length);
    if (late.length) out.push({ from: text.length, to: text.length, covering: [], compared: [], starting: late });
    return out;
  }, [text, spans]);

  return (
    <div className="span-text" data-length={text.length}>
      {segments.map(({ from, to, covering, compared, starting }) => {
        const inner = covering[covering.length - 1];
        const shadows = covering.map((s, i) => `inset 0 -${(i + 1) * 3}px 0 ${s.region.color}`).join(', ');
        const isSel = covering.some((s) => s.region.key === selected);
        return (
          <Fragment key={from}>
            {starting.map((s) => (
              <button
                type="button"
                key={s.region.key}
                className={`span-tag${s.compare ? ' compare' : ''}${s.region.problems.length ? ' has-problem' : ''}${s.ghost ? ' ghost' : ''}${s.region.key === selected ? ' selected' : ''}`}
                style={s.compare ? { borderColor: s.region.color, color: s.region.color } : { background: s.region.dropped ? '#555' : s.region.color }}
                onClick={() => !s.compare && onSelect(s.region.key)}
                title={s.region.dropped ?? s.region.problems.map((p) => p.message).join('\n')}
              >
                {tagText(s.region)}
                {s.region.readonly && <Lock />}
                {s.region.problems.length > 0 && ' !'}
              </button>
            ))}
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
          </Fragment>
        );
      })}
    </div>
  );
}
