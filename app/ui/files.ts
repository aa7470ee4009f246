// Recognises dropped or opened files by their content: a labeling config (XML), a tasks file (JSON or
// JSON Lines), or an image. Extensions only break ties.

import { decodeText } from '../core/text/decode';
import { groupModelOutput, looksLikeTemplate, recognizeModelOutput, type ModelOutput } from './modelFiles';
import { imageBlobs } from './session';

export interface TextFile {
  name: string;
  text: string;
  /** The file was not valid UTF-8 (see decodeText): what was done. */
  problem?: string;
  /** The file itself: `decodeText` of its bytes is `text`. */
  file?: Blob;
  /**
   * The bytes read from `file` (a tasks file): handed to the worker that checks a big file, which then need
   * not read the file again (reading 57 MB from a Blob took the worker ~0.4 s). Taken once: see takeBytes.
   */
  bytes?: Uint8Array;
}

/** The bytes of `file` for a worker to own (moved, not copied): undefined once taken, or when there are none. */
export function takeBytes(file: TextFile): Uint8Array | undefined {
  const bytes = file.bytes;
  file.bytes = undefined;
  return bytes && file.file && bytes.byteLength === file.file.size ? bytes : undefined;
}

export interface SortedFiles {
  config: TextFile | null;
  tasks: TextFile | null;
  images: Map<string, string>;
  /** Files that are none of these, with the reason. */
  skipped: string[];
  /** Text files opened with a problem in their encoding (not UTF-8): what was done, for the notice. */
  problems: string[];
  /** What else the notice says about how a file was read (a Label Studio template opened as its config). */
  notes: string[];
  /** Model output to import (YOLO txt + classes, COCO JSON, VOC XML), or null. */
  model: ModelOutput | null;
  /** The dropped images' files by name: their headers give the sizes an import needs. */
  imageFiles: Map<string, File>;
}

const IMAGE_MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x52, 0x49, 0x46, 0x46], 'webp'],
  [[0x42, 0x4d], 'bmp'],
];

async function isImage(file: File): Promise<boolean> {
  if (file.type.startsWith('image/') && file.type !== 'image/svg+xml') return true;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return IMAGE_MAGIC.some(([magic]) => magic.every((b, i) => head[i] === b));
}

/** What a text is: 'config' for XML, 'tasks' for JSON / JSON Lines, null when neither. */
export function recognizeText(text: string, name = ''): 'config' | 'tasks' | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('<')) return 'config';
  if (t.startsWith('[') || t.startsWith('{')) return 'tasks';
  if (/\.(xml|html?)$/i.test(name)) return 'config';
  if (/\.(json|jsonl|ndjson)$/i.test(name)) return 'tasks';
  return null;
}

export async function sortFiles(files: Iterable<File>): Promise<SortedFiles> {
  const out: SortedFiles = { config: null, tasks: null, images: new Map(), skipped: [], problems: [], notes: [], model: null, imageFiles: new Map() };
  const modelFiles: TextFile[] = [];
  // Every file read at once (each read waits on another thread), then sorted in the order given.
  const read = await Promise.all(
    [...files].map(async (file) => {
      if (await isImage(file)) return { file, image: true as const };
      if (file.size > 512 * 1024 * 1024) return { file, image: false as const, bytes: null };
      return { file, image: false as const, bytes: new Uint8Array(await file.arrayBuffer()) };
    }),
  );
  for (const entry of read) {
    const { file } = entry;
    if (entry.image) {
      const url = URL.createObjectURL(file);
      imageBlobs.set(url, file);
      out.images.set(file.name, url);
      out.imageFiles.set(file.name, file);
      continue;
    }
    if (!entry.bytes) {
      out.skipped.push(`${file.name}: larger than 512 MB`);
      continue;
    }
    // Not file.text(): it drops a UTF-8 BOM and silently replaces bytes that are not UTF-8.
    const { text, problem } = decodeText(entry.bytes, file.name);
    if (looksLikeTemplate(text, file.name)) {
      // A Label Studio template (config.yml): its config is the config, not YOLO class names.
      const { readTemplate } = await import('../core/config/template');
      const template = readTemplate(text);
      if (template && !out.config) {
        out.config = { name: file.name.replace(/\.ya?ml$/i, '.xml'), text: template.config };
        out.notes.push(`${file.name} is a Label Studio template${template.title ? ` ("${template.title}")` : ''}: its labeling config was opened.`);
      } else if (template) out.skipped.push(`${file.name}: a Label Studio template, a second config (kept ${out.config!.name})`);
      else out.skipped.push(`${file.name}: YAML with a "config:" that is not a labeling config`);
      continue;
    }
    if (recognizeModelOutput(text, file.name)) {
      modelFiles.push({ name: file.name, text, ...(problem ? { problem } : {}) });
      continue;
    }
    const kind = recognizeText(text, file.name);
    if (kind === 'config') {
      if (out.config) out.skipped.push(`${file.name}: a second config (kept ${out.config.name})`);
      else {
        out.config = { name: file.name, text, ...(problem ? { problem } : {}) };
        if (problem) out.problems.push(problem);
      }
    } else if (kind === 'tasks') {
      if (out.tasks) out.skipped.push(`${file.name}: a second tasks file (kept ${out.tasks.name})`);
      else {
        out.tasks = { name: file.name, text, file, bytes: entry.bytes, ...(problem ? { problem } : {}) };
        if (problem) out.problems.push(problem);
      }
    } else out.skipped.push(`${file.name}: not XML, JSON or an image`);
  }
  if (modelFiles.length) out.model = groupModelOutput(modelFiles, out.skipped);
  return out;
}

/** The file name an image URL ends with: how dropped images are matched to tasks. */
export function imageFileName(url: string): string {
  let path = url.split(/[?#]/)[0];
  // Label Studio's local storage names the file in the query: /data/local-files/?d=dir/a.jpg.
  const local = /[?&]d=([^&#]*)/.exec(url);
  if (local && /\/data\/local-files\/?$/.test(path)) {
    path = local[1].replace(/\+/g, ' ');
    try {
      path = decodeURIComponent(path);
    } catch {
      // Kept as written.
    }
    return path.slice(path.lastIndexOf('/') + 1);
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The files of a drop, with dropped folders walked (a YOLO run's labels/ and images/). The entries are
 * taken synchronously: a DataTransfer's items are gone once the drop event returns.
 */
export function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((it) => (it.kind === 'file' ? it.webkitGetAsEntry?.() : null));
  if (!entries.some((e) => e?.isDirectory)) return Promise.resolve([...dt.files]);
  const files = [...dt.files];
  const walk = async (entry: FileSystemEntry): Promise<File[]> => {
    if (entry.isFile) return [await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail))];
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const all: FileSystemEntry[] = [];
    // readEntries hands out at most 100 entries a call: read until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      all.push(...batch);
    }
    return (await Promise.all(all.map(walk))).flat();
  };
  return Promise.all(entries.map((e, i) => (e ? walk(e) : Promise.resolve(files[i] ? [files[i]] : [])))).then((lists) => lists.flat());
}
