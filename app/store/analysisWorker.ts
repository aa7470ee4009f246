// The Web Worker that checks a big tasks file: it decodes and parses the text again on its own thread (from
// the bytes the page read, moved here, or from the file) and validates the tasks in batches, posting each
// batch's reports (and so the progress) to the page, which stays interactive.

import { parseConfig } from '../core/config/parse';
import '../core/text/parse5';
import { parseTasks } from '../core/tasks/parse';
import { decodeText } from '../core/text/decode';
import { validateTask, type TaskReport } from '../core/validate/validate';
import { packReports, type WireReport } from './reportWire';
import type { ImageSize, ValidateOptions } from '../core/validate/context';

export interface CheckRequest {
  id: number;
  configText: string;
  /**
   * The tasks text, or the file it was read from (`decodeText` gives the same text here, `length` long), with
   * the bytes the page read from it when it moved them here (then the file is not read again).
   */
  tasksText?: string;
  tasksFile?: { blob: Blob; name: string; length: number; bytes?: Uint8Array };
  /** The natural sizes of the images loaded so far, by the value the task data gives them. */
  imageSizes?: [string, ImageSize][];
}

export type CheckMessage = { id: number; kind: 'batch'; from: number; reports: WireReport[]; total: number; lines?: Int32Array } | { id: number; kind: 'done' } | { id: number; kind: 'failed'; message: string };

/** A batch is posted after this long, so the page hears of progress a few times a second. */
const BATCH_MS = 120;

let current = 0;

/** The text to check: read from the file here when the page sent the file (a copy of a big text costs the page). */
async function tasksText(request: CheckRequest): Promise<string> {
  if (request.tasksText !== undefined) return request.tasksText;
  const file = request.tasksFile!;
  const text = decodeText(file.bytes ?? new Uint8Array(await file.blob.arrayBuffer()), file.name).text;
  if (text.length !== file.length) throw new Error(`${file.name} reads as ${text.length} characters here, not ${file.length}: it changed on disk`);
  return text;
}

self.onmessage = async (e: MessageEvent<CheckRequest>) => {
  const { id, configText, imageSizes } = e.data;
  const options: ValidateOptions = imageSizes?.length ? { imageSizes: new Map(imageSizes) } : {};
  current = id;
  try {
    const text = await tasksText(e.data);
    if (current !== id) return;
    const config = parseConfig(configText);
    const doc = parseTasks(text);
    const total = doc.tasks.length;
    let from = 0;
    let sentLines = false;
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
      // The line starts, once (they were needed for the findings' positions): the page takes them instead
      // of scanning the text again (~100-160 ms at 23 MB), moved, not copied.
      const lines = sentLines ? null : doc.lines.transferable();
      if (lines) sentLines = true;
      const transfer: ArrayBuffer[] = lines ? [lines.buffer as ArrayBuffer] : [];
      self.postMessage({ id, kind: 'batch', from, reports: packReports(reports, transfer), total, ...(lines ? { lines } : {}) } satisfies CheckMessage, { transfer });
      from = t;
      if (from < total) setTimeout(step, 0);
      else self.postMessage({ id, kind: 'done' } satisfies CheckMessage);
    };
    step();
  } catch (err) {
    self.postMessage({ id, kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies CheckMessage);
  }
};
