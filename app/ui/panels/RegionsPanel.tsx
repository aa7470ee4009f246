// The "Regions" list of the current prediction: id, labels, score, readonly/hidden, problems; selecting an
// item selects the region on the canvas or in the text, and back. Eye toggles show hidden regions.

import { useEffect, useRef, useState } from 'react';

const PAGE = 300;
import type { RegionView } from '../../core/preview';
import { labellingControlName } from '../../store/commands';
import { CodePointText } from '../../core/text/codepoints';
import { currentData, currentTask, useStore } from '../../store/store';
import { Eye, Lock } from './icons';

export function RegionsPanel({ regions }: { regions: RegionView[] }) {
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const showHidden = useStore((s) => s.showHidden);
  const setShowHidden = useStore((s) => s.setShowHidden);
  const revealed = useStore((s) => s.revealed);
  const toggleRevealed = useStore((s) => s.toggleRevealed);
  const toggleFlag = useStore((s) => s.toggleFlag);
  const deleteRegion = useStore((s) => s.deleteRegion);
  const setLabels = useStore((s) => s.setLabels);
  const duplicateRegion = useStore((s) => s.duplicateRegion);
  const review = useStore((s) => s.review);
  const config = useStore((s) => s.project.goodConfig);
  const task = useStore(currentTask);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const list = useRef<HTMLUListElement>(null);
  const hiddenCount = regions.filter((r) => r.hidden).length;
  // Long lists grow as they are scrolled (300 items at a time): 10,000 list items would cost more than the canvas.
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLLIElement>(null);
  const selectedIndex = selected ? regions.findIndex((r) => r.key === selected) : -1;
  const shown = regions.slice(0, Math.max(limit, selectedIndex + 1));
  useEffect(() => setLimit(PAGE), [regions]);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setLimit((l) => l + PAGE));
    io.observe(el);
    return () => io.disconnect();
  }, [shown.length, regions.length]);

  useEffect(() => {
    if (!selected) return;
    list.current?.querySelector(`[data-key="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section className="panel" aria-labelledby="regions-heading">
      <h2 id="regions-heading">
        Regions <span className="count">{regions.length} region{regions.length === 1 ? '' : 's'}</span>
      </h2>
      {hiddenCount > 0 && (
        <label className="toggle">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden ({hiddenCount})
        </label>
      )}
      {regions.length > 0 && <BulkFlags regions={regions} />}
      <ul ref={list} aria-label="Regions" className="region-list">
        {shown.map((r) => {
          const isHiddenNow = r.hidden && !showHidden && !revealed.has(r.key);
          return (
            <li
              key={r.key}
              data-key={r.key}
              aria-selected={r.key === selected}
              className={`region-item${r.key === selected ? ' selected' : ''}${r.problems.length ? ' has-problem' : ''}${r.dropped ? ' dropped' : ''}`}
              onClick={() => selectRegion(r.key === selected ? null : r.key)}
            >
              <span className="swatch" style={{ background: r.color }} />
              <span className="region-id">{r.id ?? `result ${r.shapeResult}`}</span> <span className="region-kind">{r.kind}</span>{' '}
              <span className="region-labels">{r.labels.length ? r.labels.join(', ') : 'no label'}</span>
              {r.score !== null && <span className="region-score"> score {r.score.toFixed(2)}</span>}
              {r.readonly && (
                <span className="flag">
                  {' '}
                  <Lock /> readonly
                </span>
              )}
              {r.hidden && <span className="flag"> hidden</span>}
              {r.dropped && <span className="flag warn"> dropped by Label Studio</span>}
              {r.problems.length > 0 && <span className="flag warn"> {r.problems.length} problem{r.problems.length === 1 ? '' : 's'}</span>}
              {r.hidden && (
                <button
                  type="button"
                  className="eye"
                  aria-pressed={!isHiddenNow}
                  aria-label={isHiddenNow ? `Show region ${r.id ?? r.key}` : `Hide region ${r.id ?? r.key}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    toggleRevealed(r.key);
                  }}
                >
                  <Eye open={!isHiddenNow} title={isHiddenNow ? 'hidden' : 'shown'} />
                </button>
              )}
              {r.key === selected && (
                <div className="region-details" onClick={(e) => e.stopPropagation()}>
                  {r.details.map((d) => (
                    <div key={d}>{d}</div>
                  ))}
                  {r.dropped && <div className="warn">{r.dropped}</div>}
                  {(() => {
                    const name = labellingControlName(task, predictionIndex, r);
                    const control = name ? config?.controls.get(name) : undefined;
                    if (!control || !control.options.length) return null;
                    if (control.choice === 'multiple') {
                      // Multi-label controls: toggle each label.
                      return (
                        <div className="multi-labels" role="group" aria-label="Labels">
                          {control.options.map((o) => (
                            <label key={o.value}>
                              <input type="checkbox" checked={r.labels.includes(o.value)} onChange={(e) => setLabels(r, e.target.checked ? [...r.labels, o.value] : r.labels.filter((l) => l !== o.value))} /> {o.value}
                            </label>
                          ))}
                        </div>
                      );
                    }
                    return (
                      <label>
                        Label{' '}
                        <select aria-label="Label" value={r.labels[0] ?? ''} onChange={(e) => setLabels(r, [e.target.value])}>
                          {!control.optionSet.has(r.labels[0] ?? '') && <option value={r.labels[0] ?? ''}>{r.labels[0] ?? '(none)'} (not in config)</option>}
                          {control.options.map((o, i) => (
                            <option key={o.value} value={o.value}>
                              {i < 9 ? `${i + 1}: ` : ''}
                              {o.value}
                            </option>
                          ))}
                        </select>
                      </label>
                    );
                  })()}
                  {r.kind === 'span' && typeof r.value.start === 'number' && typeof r.value.end === 'number' && <SpanEnds region={r} />}
                  <div className="region-actions">
                    <button type="button" onClick={() => toggleFlag(r, 'readonly')}>
                      {r.readonly ? 'Unlock' : 'Lock'}
                    </button>
                    <button type="button" onClick={() => toggleFlag(r, 'hidden')}>
                      {r.hidden ? 'Unhide' : 'Hide'}
                    </button>
                    <button type="button" onClick={() => deleteRegion(r)} disabled={r.readonly} title={r.readonly ? 'readonly: unlock it first' : 'Delete (Del)'}>
                      Delete
                    </button>
                    <button type="button" onClick={() => duplicateRegion(r)} title="Ctrl+D">
                      Duplicate
                    </button>
                    <button type="button" onClick={() => review(regions, r, 'accept')} title="A">
                      Accept
                    </button>
                    <button type="button" onClick={() => review(regions, r, 'reject')} disabled={r.readonly} title="R: delete it and go to the next">
                      Reject
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
        {shown.length < regions.length && (
          <li ref={sentinel} className="muted more" aria-hidden="true">
            {regions.length - shown.length} more…
          </li>
        )}
      </ul>
    </section>
  );
}

/** Start and end of a text span, in code points as Label Studio counts them; value.text follows. */
function SpanEnds({ region }: { region: RegionView }) {
  const moveRegion = useStore((s) => s.moveRegion);
  const data = useStore(currentData);
  const text = region.object?.variable && typeof data?.[region.object.variable] === 'string' ? new CodePointText(data[region.object.variable] as string) : null;
  // Committed on Enter or when the field is left, so typing "25" is one change, not "2" then "25".
  const set = (key: 'start' | 'end', v: number) => {
    if (v === region.value[key]) return;
    const start = key === 'start' ? v : (region.value.start as number);
    const end = key === 'end' ? v : (region.value.end as number);
    if (!Number.isInteger(v) || v < 0 || start > end || (text && end > text.length)) return;
    moveRegion(region, { start, end, ...(text ? { text: text.slice(start, end) } : {}) }, `Set the ${key} of`);
  };
  return (
    <div className="span-ends">
      <label>
        Start <input aria-label="Span start" type="number" min={0} key={`s${region.value.start}`} defaultValue={region.value.start as number} onBlur={(e) => set('start', Number(e.target.value))} onKeyDown={(e) => e.key === 'Enter' && set('start', Number(e.currentTarget.value))} />
      </label>{' '}
      <label>
        End <input aria-label="Span end" type="number" min={0} key={`e${region.value.end}`} defaultValue={region.value.end as number} onBlur={(e) => set('end', Number(e.target.value))} onKeyDown={(e) => e.key === 'Enter' && set('end', Number(e.currentTarget.value))} />
      </label>
    </div>
  );
}

const BULK: [string, 'readonly' | 'hidden', boolean][] = [
  ['Lock', 'readonly', true],
  ['Unlock', 'readonly', false],
  ['Hide', 'hidden', true],
  ['Unhide', 'hidden', false],
];

/** Lock, unlock, hide or unhide all regions, or all regions of one label, in one step. */
function BulkFlags({ regions }: { regions: RegionView[] }) {
  const setFlagMany = useStore((s) => s.setFlagMany);
  const [label, setLabel] = useState('');
  const labels = [...new Set(regions.flatMap((r) => r.labels))].sort();
  const target = label ? regions.filter((r) => r.labels.includes(label)) : regions;
  const what = label ? `all "${label}" regions` : 'all regions';
  return (
    <div className="bulk-flags" role="group" aria-label="Flags for many regions">
      <select aria-label="Regions to flag" value={label} onChange={(e) => setLabel(e.target.value)}>
        <option value="">All regions</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      {BULK.map(([name, flag, on]) => (
        <button type="button" key={name} onClick={() => setFlagMany(target, flag, on, what)}>
          {name}
        </button>
      ))}
    </div>
  );
}
