// The "Regions" list of the current prediction, like Label Studio's outliner: label first, then id, kind,
// where a media region lies, score, flags and problems; sorted by score or position, grouped by label with
// counts; an eye and a lock on every row. Selecting an item selects the region on the canvas, and back.
// Only the rows in view are in the DOM (VirtualList): a task may have 100,000 regions.

import { useMemo, useState } from 'react';
import type { RegionView } from '../../core/preview';
import { useStore } from '../../store/store';
import { useHover } from '../hover';
import { Eye, Lock } from './icons';
import { RegionDetails } from './RegionDetails';
import { VirtualList } from './VirtualList';
import { runAction } from '../actions';

type Order = 'file' | 'score-asc' | 'score-desc' | 'position';
/** A row: a region, or the heading of a label's group. (The regions are rows themselves: 100,000 of them are not wrapped per render.) */
type Group = { group: string; count: number };
type Row = Group | RegionView;
const isGroup = (row: Row): row is Group => 'group' in row;

/** Where a region starts, for the position order: top to bottom, then left to right (spans and media by start). */
function positionOf(r: RegionView): [number, number] {
  const v = r.value;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  if (Array.isArray(v.points) && Array.isArray(v.points[0])) return [n((v.points as number[][])[0][1]), n((v.points as number[][])[0][0])];
  if (typeof v.y === 'number' || typeof v.x === 'number') return [n(v.y), n(v.x)];
  return [n(v.start ?? v.startOffset), 0];
}

/** The rows as Label Studio's outliner can show them: sorted by score or position, grouped by label with counts. */
function rowsOf(regions: RegionView[], order: Order, group: boolean): Row[] {
  let list = regions;
  if (order === 'score-asc' || order === 'score-desc') {
    const k = order === 'score-asc' ? 1 : -1;
    // Regions without a score last either way.
    list = [...regions].sort((a, b) => (a.score === null ? (b.score === null ? 0 : 1) : b.score === null ? -1 : k * (a.score - b.score)));
  } else if (order === 'position') {
    list = [...regions].sort((a, b) => {
      const [ay, ax] = positionOf(a);
      const [by, bx] = positionOf(b);
      return ay - by || ax - bx;
    });
  }
  if (!group) return list;
  const groups = new Map<string, RegionView[]>();
  for (const r of list) {
    const label = r.labels.length ? r.labels.join(', ') : 'no label';
    let g = groups.get(label);
    if (!g) groups.set(label, (g = []));
    g.push(r);
  }
  const rows: Row[] = [];
  for (const [label, rs] of groups) {
    rows.push({ group: label, count: rs.length });
    for (const r of rs) rows.push(r);
  }
  return rows;
}

export function RegionsPanel({ regions }: { regions: RegionView[] }) {
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const showHidden = useStore((s) => s.showHidden);
  const setShowHidden = useStore((s) => s.setShowHidden);
  const revealed = useStore((s) => s.revealed);
  const toggleRevealed = useStore((s) => s.toggleRevealed);
  const setHovered = useHover((s) => s.setHovered);
  const [order, setOrder] = useState<Order>('file');
  const [group, setGroup] = useState(false);
  const hiddenCount = useMemo(() => {
    let n = 0;
    for (const r of regions) if (r.hidden) n++;
    return n;
  }, [regions]);
  const rows = useMemo(() => rowsOf(regions, order, group), [regions, order, group]);
  const selectedIndex = useMemo(() => (selected ? rows.findIndex((row) => !isGroup(row) && row.key === selected) : -1), [rows, selected]);

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
      {regions.length > 0 && (
        <div className="outliner-options">
          <label>
            Sort{' '}
            <select aria-label="Sort regions" value={order} onChange={(e) => setOrder(e.target.value as Order)}>
              <option value="file">as in the file</option>
              <option value="score-asc">score, lowest first</option>
              <option value="score-desc">score, highest first</option>
              <option value="position">position</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} /> Group by label
          </label>
        </div>
      )}
      {regions.length > 0 && <BulkFlags regions={regions} />}
      <VirtualList
        items={rows}
        label="Regions"
        className="region-list"
        boxClassName="regions-box"
        itemKey={(row) => (isGroup(row) ? `group:${row.group}` : row.key)}
        estimate={25}
        activeIndex={selectedIndex}
        activeKey={selected}
        renderRow={(row, _i, rowProps) => {
          if (isGroup(row))
            return (
              <li key={`group:${row.group}`} {...rowProps} role="none" className="region-group">
                {row.group} <span className="count">{row.count}</span>
              </li>
            );
          const r = row;
          const name = r.id ?? r.key;
          const isHiddenNow = r.hidden && !showHidden && !revealed.has(r.key);
          return (
            <li
              key={r.key}
              {...rowProps}
              data-key={r.key}
              aria-selected={r.key === selected}
              className={`region-item${r.key === selected ? ' selected' : ''}${r.problems.length ? ' has-problem' : ''}${r.dropped ? ' dropped' : ''}`}
              tabIndex={0}
              onClick={() => selectRegion(r.key === selected ? null : r.key)}
              onKeyDown={(e) => {
                // Enter on the row (not on a button inside it) selects its region.
                if (e.key === 'Enter' && e.target === e.currentTarget) {
                  e.preventDefault();
                  selectRegion(r.key);
                }
              }}
              onMouseEnter={() => setHovered(r.key)}
              onMouseLeave={() => setHovered(null)}
            >
              <span className="row-buttons">
                {/* The eye: a region hidden in the file is shown or not here; another region gets its hidden flag. */}
                <button
                  type="button"
                  className="eye"
                  aria-pressed={!isHiddenNow}
                  aria-label={r.hidden ? (isHiddenNow ? `Show region ${name}` : `Hide region ${name}`) : `Hide region ${name}`}
                  title={r.hidden ? 'hidden in the file: show it here or not' : 'Hide (sets hidden; Alt+H)'}
                  onClick={(e) => {
                    e.stopPropagation();
                    if (r.hidden) toggleRevealed(r.key);
                    else runAction('region.hide', { region: r.key }, regions);
                  }}
                >
                  <Eye open={!isHiddenNow} title={isHiddenNow ? 'hidden' : 'shown'} />
                </button>
                <button
                  type="button"
                  className={`row-lock${r.readonly ? ' on' : ''}`}
                  aria-pressed={r.readonly}
                  aria-label={`Readonly ${name}`}
                  title={r.readonly ? 'Readonly: click to unlock (Alt+L)' : 'Lock: set readonly (Alt+L)'}
                  onClick={(e) => {
                    e.stopPropagation();
                    runAction('region.lock', { region: r.key }, regions);
                  }}
                >
                  <Lock />
                </button>
              </span>
              <span className="swatch" style={{ background: r.color }} />
              <span className="region-labels">{r.labels.length ? r.labels.join(', ') : 'no label'}</span> <span className="region-id">{r.id ?? `result ${r.shapeResult}`}</span>{' '}
              <span className="region-kind">{r.kind}</span>{' '}
              {r.extent && (
                <>
                  <span className="region-extent">{r.extent}</span>{' '}
                </>
              )}
              {r.score !== null && <span className="region-score"> score {r.score.toFixed(2)}</span>}
              {r.readonly && <span className="flag"> readonly</span>}
              {r.hidden && <span className="flag"> hidden</span>}
              {r.dropped && <span className="flag warn"> dropped by Label Studio</span>}
              {r.problems.length > 0 && <span className="flag warn"> {r.problems.length} problem{r.problems.length === 1 ? '' : 's'}</span>}
              {r.key === selected && <RegionDetails region={r} regions={regions} />}
            </li>
          );
        }}
      />
    </section>
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
  const labels = useMemo(() => {
    const set = new Set<string>();
    for (const r of regions) for (const l of r.labels) set.add(l);
    return [...set].sort();
  }, [regions]);
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
