// Answers about the whole task (choices, textarea, rating, number, datetime, taxonomy, pairwise, ranker),
// shown against the config's options; results Label Studio would drop are listed with the reason.

import type { ConfigModel, ControlTag } from '../../core';
import type { ClassificationView } from '../../core/preview';
import { useStore } from '../../store/store';

const CLASSIFYING = new Set(['Choices', 'TextArea', 'Rating', 'Number', 'DateTime', 'Taxonomy', 'Pairwise', 'Ranker']);

/** Flatten a taxonomy tree into its paths, for picking one. */
function taxonomyPaths(options: ControlTag['options'], prefix: string[] = []): string[][] {
  return options.flatMap((o) => [[...prefix, o.value], ...taxonomyPaths(o.children, [...prefix, o.value])]);
}

/** A text field that commits on Enter or when left, so one edit is one undo step. */
function CommitInput({ label, value, type = 'text', onCommit }: { label: string; value: string; type?: string; onCommit(v: string): void }) {
  return (
    <input
      aria-label={label}
      type={type}
      key={value}
      defaultValue={value}
      onBlur={(e) => e.target.value !== value && onCommit(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.value !== value && onCommit(e.currentTarget.value)}
    />
  );
}

/** A text field committed when it loses focus or on Enter, as Label Studio's TextArea; Shift+Enter breaks the line. */
function CommitText({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): void }) {
  return (
    <textarea
      aria-label={label}
      rows={Math.min(6, Math.max(1, value.split('\n').length))}
      defaultValue={value}
      onBlur={(e) => e.target.value !== value && onCommit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.shiftKey) return;
        e.preventDefault();
        if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
      }}
    />
  );
}

function Answer({ control, results }: { control: ControlTag; results: ClassificationView[] }) {
  const answer = useStore((s) => s.answer);
  const first = results[0] ?? null;
  const r = first?.result ?? null;
  const values = results.map((x) => x.value);
  const problems = results.flatMap((x) => x.problems);
  let body: React.ReactNode;
  if (control.tag === 'Choices') {
    const current = Array.isArray(first?.value.choices) ? (first!.value.choices as unknown[]).map(String) : [];
    const chosen = new Set(values.flatMap((v) => (Array.isArray(v.choices) ? v.choices.map(String) : [])));
    const known = new Set(control.options.flatMap((o) => [o.value, o.alias ?? '']));
    const single = control.choice === 'single' || control.choice === 'single-radio';
    const toggle = (v: string, on: boolean) => answer(control, r, 'choices', on ? (single ? [v] : [...current, v]) : current.filter((c) => c !== v));
    body = (
      <ul className="choices">
        {control.options.map((o) => {
          const on = chosen.has(o.value) || (!!o.alias && chosen.has(o.alias));
          return (
            <li key={o.value} className={on ? 'chosen' : ''}>
              <label>
                {single ? (
                  // One answer allowed: radio buttons, as Label Studio draws them; clicking the chosen one clears it.
                  <input type="radio" name={`choices-${control.name}`} checked={on} aria-label={o.value} onChange={() => toggle(o.value, true)} onClick={() => on && toggle(o.alias && chosen.has(o.alias) ? o.alias : o.value, false)} />
                ) : (
                  <input type="checkbox" checked={on} aria-label={o.value} onChange={(e) => toggle(o.alias && chosen.has(o.alias) ? o.alias : o.value, e.target.checked)} />
                )}{' '}
                {o.value}
              </label>
            </li>
          );
        })}
        {[...chosen]
          .filter((c) => !known.has(c))
          .map((c) => (
            <li key={c} className="unknown">
              <input type="checkbox" checked aria-label={c} onChange={() => toggle(c, false)} /> {c} <span className="warn">(not in the config: Label Studio drops it)</span>
            </li>
          ))}
      </ul>
    );
  } else if (control.tag === 'Rating') {
    const n = Number(values[0]?.rating ?? 0);
    body = (
      <span className="stars" role="group" aria-label={`rating ${n} of ${control.maxRating}`}>
        {Array.from({ length: control.maxRating }, (_, i) => (
          <button type="button" key={i} aria-label={`${i + 1} star${i ? 's' : ''}`} aria-pressed={i < n} onClick={() => answer(control, r, 'rating', i + 1 === n ? null : i + 1)}>
            {i < n ? '★' : '☆'}
          </button>
        ))}{' '}
        {n}/{control.maxRating}
      </span>
    );
  } else if (control.tag === 'Taxonomy') {
    const paths = values.flatMap((v) => (Array.isArray(v.taxonomy) ? (v.taxonomy as unknown[][]) : []));
    const all = taxonomyPaths(control.options);
    body = (
      <>
        <ul>
          {paths.map((p, i) => (
            <li key={i}>
              {Array.isArray(p) ? p.join(' / ') : String(p)}{' '}
              <button type="button" aria-label={`Remove ${Array.isArray(p) ? p.join(' / ') : String(p)}`} onClick={() => answer(control, r, 'taxonomy', paths.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <select aria-label={`Add to ${control.name}`} value="" onChange={(e) => e.target.value && answer(control, r, 'taxonomy', [...paths, JSON.parse(e.target.value)])}>
          <option value="">Add…</option>
          {all.map((p) => (
            <option key={p.join('/')} value={JSON.stringify(p)}>
              {p.join(' / ')}
            </option>
          ))}
        </select>
      </>
    );
  } else if (control.tag === 'TextArea') {
    // One field per string of `text` (Label Studio keeps each submitted text as its own string, and a string may
    // hold line breaks): editing one changes that string alone, emptying it removes it, the last field adds one.
    const fields = results.flatMap((x) => {
      const list = Array.isArray(x.value.text) ? (x.value.text as unknown[]) : x.value.text === undefined ? [] : [x.value.text];
      return list.map((text, i) => ({ result: x.result, list, i, text: String(text) }));
    });
    const firstList = fields.length ? fields.filter((f) => f.result === fields[0].result).map((f) => f.list[f.i]) : [];
    body = (
      <span className="texts">
        {fields.map((f, k) => (
          <CommitText
            key={`${f.result}/${f.i}/${f.text}`}
            label={`${control.name} text ${k + 1}`}
            value={f.text}
            onCommit={(t) => answer(control, f.result, 'text', t === '' ? f.list.filter((_, j) => j !== f.i) : f.list.map((x, j) => (j === f.i ? t : x)))}
          />
        ))}
        <CommitText key={`new/${fields.length}`} label={fields.length ? `${control.name} add a text` : `${control.name} text`} value="" onCommit={(t) => t !== '' && answer(control, fields.length ? fields[0].result : r, 'text', [...firstList, t])} />
      </span>
    );
  } else if (control.tag === 'Number') {
    body = <CommitInput label={`${control.name} number`} type="number" value={values[0]?.number === undefined ? '' : String(values[0].number)} onCommit={(t) => answer(control, r, 'number', t === '' ? null : Number(t))} />;
  } else if (control.tag === 'DateTime') {
    body = <CommitInput label={`${control.name} date`} value={String(values[0]?.datetime ?? '')} onCommit={(t) => answer(control, r, 'datetime', t)} />;
  } else {
    const key = control.tag === 'Pairwise' ? 'selected' : control.type;
    body = <span>{values.map((v) => JSON.stringify(v[key] ?? v)).join(', ') || '—'}</span>;
  }
  return (
    <li className={problems.length ? 'has-problem' : ''}>
      <strong>{control.name}</strong> <span className="muted">{control.tag}</span> {body}
      {problems.map((p, i) => (
        <div key={i} className="warn">
          {p.rule}: {p.message}
        </div>
      ))}
    </li>
  );
}

export function ClassificationsPanel({ config, items }: { config: ConfigModel | null; items: ClassificationView[] }) {
  const controls = config ? [...config.controls.values()].filter((c) => CLASSIFYING.has(c.tag) && !c.perRegion) : [];
  const orphan = items.filter((i) => !i.control || !controls.includes(i.control));
  if (!controls.length && !orphan.length) return null;
  return (
    <section className="panel" aria-labelledby="classifications-heading">
      <h2 id="classifications-heading">Classifications</h2>
      <ul aria-label="Classifications" className="classification-list">
        {controls.map((c) => (
          <Answer key={c.name} control={c} results={items.filter((i) => i.control === c)} />
        ))}
        {orphan.map((i) => (
          <li key={i.result} className="dropped">
            <strong>{i.fromName || '(no from_name)'}</strong> {i.type}: {JSON.stringify(i.value)}
            <div className="warn">{i.dropped ?? i.problems[0]?.message ?? 'Not a whole-task answer of this config.'}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
