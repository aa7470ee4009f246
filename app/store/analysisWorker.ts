// The Web Worker that checks a big tasks file: it reads the texts again on its own thread and validates the
// tasks in batches, posting each batch's reports (and so the progress) to the page, which stays interactive.

import { parseConfig } from '../core/config/parse';
import '../core/text/parse5';
import { parseTasks } from '../core/tasks/parse';
import { validateTask, type TaskReport } from '../core/validate/validate';
import type { ImageSize, ValidateOptions } from '../core/validate/context';

export interface CheckRequest {
  id: number;
  configText: string;
  tasksText: string;
  /** The natural sizes of the images loaded so far, by the value the task data gives them. */
  imageSizes?: [string, ImageSize][];
}

export type CheckMessage = { id: number; kind: 'batch'; from: number; reports: TaskReport[]; total: number } | { id: number; kind: 'done' } | { id: number; kind: 'failed'; message: string };

/** A batch is posted after this long, so the page hears of progress a few times a second. */
const BATCH_MS = 120;

let current = 0;

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, configText, tasksText, imageSizes } = e.data;
  const options: ValidateOptions = imageSizes?.length ? { imageSizes: new Map(imageSizes) } : {};
  current = id;
  try {
    const config = parseConfig(configText);
    const doc = parseTasks(tasksText);
    const total = doc.tasks.length;
    let from = 0;
    const step = () => {
      if (current !== id) return; // a newer request replaced this one
      const reports: TaskReport[] = [];
      const until = performance.now() + BATCH_MS;
      let t = from;
      while (t < total && (reports.length === 0 || performance.now() < until)) {
        // The region maps stay here: the page builds one again on its first edit of the task, cheaper than
        // copying 100,000 regions into the message.
        const { regionMaps: _maps, ...report } = validateTask(config, doc, t++, options);
        reports.push(report);
      }
      self.postMessage({ id, kind: 'batch', from, reports, total } satisfies CheckMessage);
      from = t;
      if (from < total) setTimeout(step, 0);
      else self.postMessage({ id, kind: 'done' } satisfies CheckMessage);
    };
    step();
  } catch (err) {
    self.postMessage({ id, kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies CheckMessage);
  }
};
