// What the selected row of the Regions list shows under it: the region's details, its label(s) from the
// config's options, a text span's ends, and the actions on it (lock, hide, delete, duplicate, review).

import type { LabelOption } from '../../core/config/model';
import type { RegionView } from '../../core/preview';
import { CodePointText } from '../../core/text/codepoints';
import { labellingControlName } from '../../store/commands';
import { currentData, currentTask, useStore } from '../../store/store';
import { ActionButton } from '../actions';
import { keyTable } from '../../store/actions';

/** The actions on the selected region, as registered (../../store/actions): their labels, keys and refusals. */
const REGION_ACTIONS = ['region.lock', 'region.hide', 'region.delete', 'region.duplicate', 'region.accept', 'region.reject'];

export function RegionDetails({ region: r, regions }: { region: RegionView; regions: RegionView[] }) {
  return (
    <div className="region-details" onClick={(e) => e.stopPropagation()}>
      {r.details.map((d) => (
        <div key={d}>{d}</div>
      ))}
      {r.dropped && <div className="warn">{r.dropped}</div>}
      <LabelEditor region={r} />
      {r.kind === 'span' && typeof r.value.start === 'number' && typeof r.value.end === 'number' && <SpanEnds region={r} />}
      <div className="region-actions">
        {REGION_ACTIONS.map((id) => (
          <ActionButton key={id} id={id} args={{ region: r.key }} regions={regions} />
        ))}
      </div>
    </div>
  );
}

/** The region's label from its control's options: a select, or checkboxes for multi-label controls. */
function LabelEditor({ region: r }: { region: RegionView }) {
  const setLabels = useStore((s) => s.setLabels);
  const config = useStore((s) => s.project.goodConfig);
  const task = useStore(currentTask);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const name = labellingControlName(task, predictionIndex, r, config);
  const control = name ? config?.controls.get(name) : undefined;
  if (!control || !control.options.length) return null;
  // The key that labels a region with each option, as the number keys and the shortcuts list give them
  // (Label Studio numbers the options of every control in turn, so the second control's start after the first's).
  // A key an action of the app takes first (Label Studio's own keys win) is not the label's.
  const keyOf = new Map<LabelOption, string>();
  for (const b of keyTable(config).bindings.values()) if (b.kind === 'hotkey' && b.hotkey.control === control && !keyOf.has(b.hotkey.option)) keyOf.set(b.hotkey.option, b.hotkey.keys);
  if (control.choice === 'multiple') {
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
        {control.options.map((o) => (
          <option key={o.value} value={o.value}>
            {keyOf.has(o) ? `${keyOf.get(o)}: ` : ''}
            {o.value}
          </option>
        ))}
      </select>
    </label>
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
