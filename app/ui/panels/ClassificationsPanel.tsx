// Answers about the whole task (choices, textarea, rating, number, datetime, taxonomy, pairwise, ranker),
// shown against the config's options; results Label Studio would drop are listed with the reason.

import type { ConfigModel, ControlTag } from '../../core';
import type { ClassificationView } from '../../core/preview';

const CLASSIFYING = new Set(['Choices', 'TextArea', 'Rating', 'Number', 'DateTime', 'Taxonomy', 'Pairwise', 'Ranker']);

function Answer({ control, results }: { control: ControlTag; results: ClassificationView[] }) {
  const values = results.map((r) => r.value);
  const problems = results.flatMap((r) => r.problems);
  let body: React.ReactNode;
  if (control.tag === 'Choices') {
    const chosen = new Set(values.flatMap((v) => (Array.isArray(v.choices) ? v.choices.map(String) : [])));
    const known = new Set(control.options.flatMap((o) => [o.value, o.alias ?? '']));
    body = (
      <ul className="choices">
        {control.options.map((o) => (
          <li key={o.value} className={chosen.has(o.value) || (o.alias && chosen.has(o.alias)) ? 'chosen' : ''}>
            <input type="checkbox" readOnly checked={chosen.has(o.value) || (!!o.alias && chosen.has(o.alias))} aria-label={o.value} /> {o.value}
          </li>
        ))}
        {[...chosen]
          .filter((c) => !known.has(c))
          .map((c) => (
            <li key={c} className="unknown">
              <input type="checkbox" readOnly checked aria-label={c} /> {c} <span className="warn">(not in the config: Label Studio drops it)</span>
            </li>
          ))}
      </ul>
    );
  } else if (control.tag === 'Rating') {
    const r = Number(values[0]?.rating ?? 0);
    body = (
      <span aria-label={`rating ${r} of ${control.maxRating}`}>
        {'★'.repeat(Math.max(0, Math.min(r, control.maxRating)))}
        {'☆'.repeat(Math.max(0, control.maxRating - r))} {r}/{control.maxRating}
      </span>
    );
  } else if (control.tag === 'Taxonomy') {
    const paths = values.flatMap((v) => (Array.isArray(v.taxonomy) ? v.taxonomy : []));
    body = (
      <ul>
        {paths.map((p, i) => (
          <li key={i}>{Array.isArray(p) ? p.join(' / ') : String(p)}</li>
        ))}
      </ul>
    );
  } else if (control.tag === 'TextArea') {
    const texts = values.flatMap((v) => (Array.isArray(v.text) ? v.text : [v.text]));
    body = (
      <ul>
        {texts.map((t, i) => (
          <li key={i}>
            <q>{String(t)}</q>
          </li>
        ))}
      </ul>
    );
  } else {
    const key = control.tag === 'Pairwise' ? 'selected' : control.type;
    body = <span>{values.map((v) => JSON.stringify(v[key] ?? v)).join(', ') || '—'}</span>;
  }
  return (
    <li className={problems.length ? 'has-problem' : ''}>
      <strong>{control.name}</strong> <span className="muted">{control.tag}</span>
      {results.length ? body : <span className="muted"> not predicted</span>}
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
