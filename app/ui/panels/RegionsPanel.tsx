// The "Regions" list of the current prediction: id, kind, where a media region lies, labels, score,
// readonly/hidden, problems; selecting an item selects the region on the canvas or in the text, and back.
// Eye toggles show hidden regions.
// Only the rows in view are in the DOM (VirtualList): a task may have 100,000 regions.

import { useMemo, useState } from 'react';
import type { RegionView } from '../../core/preview';
import { useStore } from '../../store/store';
import { useHover } from '../hover';
import { Eye, Lock } from './icons';
import { RegionDetails } from './RegionDetails';
import { VirtualList } from './VirtualList';

export function RegionsPanel({ regions }: { regions: RegionView[] }) {
  const selected = useStore((s) => s.selected);
  const selectRegion = useStore((s) => s.selectRegion);
  const showHidden = useStore((s) => s.showHidden);
  const setShowHidden = useStore((s) => s.setShowHidden);
  const revealed = useStore((s) => s.revealed);
  const toggleRevealed = useStore((s) => s.toggleRevealed);
  const setHovered = useHover((s) => s.setHovered);
  const hiddenCount = useMemo(() => regions.filter((r) => r.hidden).length, [regions]);
  const selectedIndex = useMemo(() => (selected ? regions.findIndex((r) => r.key === selected) : -1), [regions, selected]);

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
      <VirtualList
        items={regions}
        label="Regions"
        className="region-list"
        boxClassName="regions-box"
        itemKey={(r) => r.key}
        estimate={25}
        activeIndex={selectedIndex}
        activeKey={selected}
        renderRow={(r, _i, row) => {
          const isHiddenNow = r.hidden && !showHidden && !revealed.has(r.key);
          return (
            <li
              key={r.key}
              {...row}
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
              <span className="swatch" style={{ background: r.color }} />
              <span className="region-id">{r.id ?? `result ${r.shapeResult}`}</span> <span className="region-kind">{r.kind}</span>{' '}
              {r.extent && (
                <>
                  <span className="region-extent">{r.extent}</span>{' '}
                </>
              )}
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
  const labels = useMemo(() => [...new Set(regions.flatMap((r) => r.labels))].sort(), [regions]);
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
