// The app shell: loads the sample project and shows what the core finds in it. The panes, the canvas and
// the store come with the preview issue; this shell proves the core runs in the browser as in Node.

import { useEffect, useState } from 'react';
import { check, type Finding, type ValidationSummary } from '../core';

interface Loaded {
  title: string;
  summary: ValidationSummary;
  findings: Finding[];
}

interface Sample {
  id: string;
  title: string;
}

async function loadSample(sample: Sample): Promise<Loaded> {
  const [config, tasks] = await Promise.all(
    ['config.xml', 'tasks.json'].map(async (f) => {
      const res = await fetch(`/samples/${sample.id}/${f}`);
      if (!res.ok) throw new Error(`Could not load ${f} of the sample "${sample.title}" (HTTP ${res.status}).`);
      return res.text();
    }),
  );
  const { report } = check(config, tasks);
  return { title: sample.title, summary: report.summary, findings: report.findings };
}

export function App() {
  const [samples, setSamples] = useState<Sample[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch('/samples/index.json')
      .then((r) => r.json() as Promise<Sample[]>)
      .then((list) => {
        setSamples(list);
        return loadSample(list[0]);
      })
      .then(setLoaded)
      .catch((e: Error) => setError(e.message));
  }, []);

  const choose = (id: string) => {
    const s = samples.find((x) => x.id === id);
    if (s) loadSample(s).then(setLoaded, (e: Error) => setError(e.message));
  };

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', maxWidth: '60rem' }}>
      <h1>prelabel</h1>
      <p>Checks Label Studio predictions against a labeling config.</p>
      <label>
        Sample{' '}
        <select aria-label="Sample" onChange={(e) => choose(e.target.value)}>
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert">{error}</p>}
      {loaded && (
        <section aria-label="Summary">
          <h2>{loaded.title}</h2>
          <p>
            {loaded.summary.tasks} tasks, {loaded.summary.predictions} predictions, {loaded.summary.results} results: {loaded.summary.errors} errors, {loaded.summary.warnings} warnings
          </p>
          <ul aria-label="Problems">
            {loaded.findings.map((f, i) => (
              <li key={i}>
                {f.rule} (line {f.line}): {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
