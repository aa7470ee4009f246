// The samples menu: the guide's examples in public/samples, with the sample image they refer to.

import { useEffect, useState } from 'react';
import { useStore } from '../store/store';

export interface Sample {
  id: string;
  title: string;
  /** Image file name (as the tasks name it) -> URL in public/. */
  images?: Record<string, string>;
}

export async function loadSample(sample: Sample): Promise<void> {
  const [config, tasks] = await Promise.all(
    ['config.xml', 'tasks.json'].map(async (f) => {
      const res = await fetch(`/samples/${sample.id}/${f}`);
      if (!res.ok) throw new Error(`Could not load ${f} of the sample "${sample.title}" (HTTP ${res.status}).`);
      return res.text();
    }),
  );
  const images = new Map(Object.entries(sample.images ?? {}));
  useStore.getState().loadProject(config, tasks, { config: `${sample.id}/config.xml`, tasks: `${sample.id}/tasks.json` }, images);
  useStore.getState().setNotice(`Sample: ${sample.title}.`);
}

export function useSamples(): Sample[] {
  const [samples, setSamples] = useState<Sample[]>([]);
  useEffect(() => {
    fetch('/samples/index.json')
      .then((r) => r.json() as Promise<Sample[]>)
      .then(setSamples)
      .catch(() => useStore.getState().setNotice('The samples list could not be loaded.'));
  }, []);
  return samples;
}
