// YOLO / Ultralytics txt labels (one file per image) -> imported images, by the kind the user names.

import { parse as parseYaml } from 'yaml';
import { templateOf } from '../config/template';
import { centreBox, cornersToRotatedBox, polygonShape } from './geometry';
import { ImportError, type ImportedImage, type ImportedObject, type ImportResult, type Shape } from './model';

export const YOLO_TASKS = ['detect', 'segment', 'obb', 'pose'] as const;
export type YoloTask = (typeof YOLO_TASKS)[number];

export interface YoloClasses {
  /** Names by class id; a hole (a map with gaps) is undefined. */
  names: (string | undefined)[];
  /** data.yaml `kpt_shape: [K, 2|3]`. */
  kptShape: [number, number] | null;
  /** data.yaml `kpt_names` (a list, or Ultralytics' `{0: [...]}` per class: the first class's). */
  kptNames: string[] | null;
  /** The kind data.yaml states (`task:`), or pose when it has `kpt_shape`. */
  task: YoloTask | null;
  file: string;
}

/** `classes.txt`: one name per line, the class id is the line number from 0. */
export function parseClassesTxt(text: string, file = 'classes.txt'): YoloClasses {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const names = lines.map((l, i) => {
    const name = l.trim();
    if (!name) throw new ImportError('an empty line in the class list: every line from 0 names one class id.', { file, line: i + 1 });
    return name;
  });
  if (!names.length) throw new ImportError(`${file} names no classes.`);
  return { names, kptShape: null, kptNames: null, task: null, file };
}

/** Ultralytics `data.yaml`: `names` as a list or as a map of id -> name, `kpt_shape`, optional `task`. */
export function parseDataYaml(text: string, file = 'data.yaml'): YoloClasses {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0];
    throw new ImportError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`, { file, line: pos?.line ?? 1 });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ImportError(`${file} is not a YAML mapping with a "names:" key.`);
  const template = templateOf(doc);
  if (template) {
    throw new ImportError(`this is a Label Studio template${template.title ? ` ("${template.title}")` : ''}, not a YOLO dataset yaml: its "config:" is a labeling config, and it names no classes. Give the YOLO class names with data.yaml ("names:") or classes.txt; the template's config can be the config (in the app, drop config.yml as it is; on the command line, save its "config:" XML and pass it with --config).`, { file, line: 1 });
  }
  const d = doc as Record<string, unknown>;
  const lineOf = (key: string) => {
    const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
    return m ? text.slice(0, m.index).split('\n').length : 1;
  };
  const names: (string | undefined)[] = [];
  const raw = d.names;
  if (Array.isArray(raw)) raw.forEach((n, i) => (names[i] = String(n)));
  else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) {
      const id = Number(k);
      if (!Number.isInteger(id) || id < 0) throw new ImportError(`names: "${k}" is not a class id (0, 1, 2, ...).`, { file, line: lineOf('names') });
      names[id] = String(v);
    }
  } else throw new ImportError('no "names:" (a list of class names, or a map of class id: name).', { file, line: 1 });
  if (!names.length) throw new ImportError('"names:" is empty.', { file, line: lineOf('names') });
  let kptShape: [number, number] | null = null;
  if (d.kpt_shape !== undefined) {
    const k = d.kpt_shape;
    if (!Array.isArray(k) || k.length !== 2 || !Number.isInteger(k[0]) || k[0] < 1 || (k[1] !== 2 && k[1] !== 3)) {
      throw new ImportError(`kpt_shape must be [number of points, 2 or 3], not ${JSON.stringify(k)}.`, { file, line: lineOf('kpt_shape') });
    }
    kptShape = [k[0], k[1]];
  }
  let kptNames: string[] | null = null;
  const kn = d.kpt_names;
  if (Array.isArray(kn)) kptNames = kn.map(String);
  else if (kn && typeof kn === 'object') {
    const first = Object.values(kn)[0];
    if (Array.isArray(first)) kptNames = first.map(String);
  }
  let task: YoloTask | null = null;
  if (d.task !== undefined) {
    if (!YOLO_TASKS.includes(d.task as YoloTask)) throw new ImportError(`task: "${String(d.task)}" is not one of ${YOLO_TASKS.join(', ')}.`, { file, line: lineOf('task') });
    task = d.task as YoloTask;
  } else if (kptShape) task = 'pose';
  return { names, kptShape, kptNames, task, file };
}

export interface YoloLabelFile {
  /** The txt file's name, for messages. */
  file: string;
  text: string;
  /** The image it belongs to: its name for the task's data and its pixel size, when known. */
  image: { file: string; width: number | null; height: number | null };
}

/**
 * The kind to read every line as: the user's, else data.yaml's. Without either, only lines of 5 or 6
 * columns are unambiguous (a box, a box and a confidence: a polygon needs 7, an OBB 9).
 */
export function yoloTask(files: readonly YoloLabelFile[], classes: YoloClasses, task: YoloTask | null | undefined): YoloTask {
  if (task) return task;
  if (classes.task) return classes.task;
  const boxLine = /^\s*\S+(?:\s+\S+){4,5}\s*$/;
  for (const f of files) {
    const lines = f.text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      if (boxLine.test(lines[i]) || !lines[i].trim()) continue;
      const n = lines[i].trim().split(/\s+/).length;
      const where = { file: f.file, line: i + 1 };
      if (n < 5) throw new ImportError(`this line has ${n} columns: too few for any YOLO line (a box is c xc yc w h).`, where);
      throw new ImportError(`this line has ${n} columns, which fits several YOLO kinds (9: an OBB or a 4-point polygon; 7: a box with confidence and track id, or a 3-point polygon). Say which kind: --task detect|segment|obb|pose on the command line, the Kind choice in the app, or task: in data.yaml.`, where);
    }
  }
  return 'detect';
}

function columnsExpected(task: YoloTask, kpt: [number, number] | null): string {
  if (task === 'detect') return '5 (c xc yc w h), 6 (+ conf) or 7 (+ conf track_id)';
  if (task === 'segment') return 'c x1 y1 ... xn yn [conf]: 1 + 2n (n >= 3) or one more for the confidence';
  if (task === 'obb') return '9 (c x1 y1 x2 y2 x3 y3 x4 y4) or 10 (+ conf)';
  const per = 5 + kpt![0] * kpt![1];
  return `${per} (c xc yc w h and ${kpt![0]} points of ${kpt![1]} values) or ${per + 1} (+ conf)`;
}

/** Read every labels file as `task`; a line that does not fit stops the import with its file and line. */
export function importYolo(files: readonly YoloLabelFile[], classes: YoloClasses, task: YoloTask): ImportResult {
  if (task === 'pose' && !classes.kptShape) {
    throw new ImportError(`pose labels need kpt_shape: [points, 2 or 3] from data.yaml (${classes.file} has none): without it a line's columns cannot be split into points.`);
  }
  const images: ImportedImage[] = [];
  for (const f of files) {
    const objects: ImportedObject[] = [];
    const lines = f.text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      const where = { file: f.file, line: i + 1 };
      const cols = line.split(/\s+/);
      const values = cols.map(Number);
      const bad = cols.findIndex((c, k) => !Number.isFinite(values[k]) || c === '');
      if (bad !== -1) throw new ImportError(`column ${bad + 1} ("${cols[bad]}") is not a number.`, where);
      const cls = values[0];
      if (!Number.isInteger(cls) || cls < 0) throw new ImportError(`the first column is the class id, a whole number from 0; "${cols[0]}" is not.`, where);
      const n = values.length;
      let coords: number[];
      let score: number | null = null;
      const fail = () => new ImportError(`${n} columns do not fit a YOLO ${task} line: expected ${columnsExpected(task, classes.kptShape)}.`, where);
      if (task === 'detect') {
        if (n < 5 || n > 7) throw fail();
        coords = values.slice(1, 5);
        if (n >= 6) score = values[5];
        // 7 columns: Ultralytics tracking appends a track id after the confidence, a whole number.
        if (n === 7 && !(Number.isInteger(values[6]) && values[6] >= 0)) throw new ImportError(`7 columns in a detect line are c xc yc w h conf track_id, and "${cols[6]}" is not a track id: if these are polygons, choose the segment kind (--task segment on the command line).`, where);
      } else if (task === 'segment') {
        if (n < 7) throw fail();
        const hasConf = (n - 1) % 2 === 1;
        coords = values.slice(1, hasConf ? n - 1 : n);
        if (hasConf) score = values[n - 1];
      } else if (task === 'obb') {
        if (n !== 9 && n !== 10) throw fail();
        coords = values.slice(1, 9);
        if (n === 10) score = values[9];
      } else {
        const per = 5 + classes.kptShape![0] * classes.kptShape![1];
        if (n !== per && n !== per + 1) throw fail();
        coords = values.slice(1, per);
        if (n === per + 1) score = values[per];
      }
      // Normalised values are 0..1; polygons and rotated boxes may reach a little past the edge.
      // (Pose visibility flags, 0/1/2, are not coordinates.)
      const isFlag = (k: number) => task === 'pose' && classes.kptShape![1] === 3 && k >= 4 && (k - 4) % 3 === 2;
      const off = coords.findIndex((v, k) => !isFlag(k) && (v < -0.5 || v > 1.5));
      if (off !== -1) throw new ImportError(`value ${coords[off]} (column ${off + 2}) is outside 0..1: YOLO coordinates are fractions of the image size, not pixels.`, where);
      if (score !== null && (score < 0 || score > 1)) throw new ImportError(`the last column, the confidence, is ${score}: it must be within 0..1 (or leave it out).`, where);
      const shapes = yoloShapes(task, coords, classes, f.image, where);
      const name = classes.names[cls];
      objects.push({ className: name ?? String(cls), classId: cls, unnamed: name === undefined, score, shapes, source: where });
    }
    images.push({ file: f.image.file, width: f.image.width, height: f.image.height, objects, source: f.file });
  }
  const kinds: Record<YoloTask, string> = { detect: 'boxes', segment: 'polygons', obb: 'rotated boxes', pose: 'boxes and keypoints' };
  return {
    format: 'yolo',
    kind: `${task} (${kinds[task]})`,
    images,
    classes: classes.names.filter((n): n is string => n !== undefined),
    keypointNames: classes.kptNames,
    notes: [],
  };
}

function yoloShapes(task: YoloTask, c: number[], classes: YoloClasses, image: YoloLabelFile['image'], where: { file: string; line: number }): Shape[] {
  if (task === 'detect') return [centreBox(c[0], c[1], c[2], c[3])];
  if (task === 'segment') {
    const pts: [number, number][] = [];
    for (let k = 0; k < c.length; k += 2) pts.push([c[k] * 100, c[k + 1] * 100]);
    return [polygonShape(pts)];
  }
  if (task === 'obb') {
    if (!image.width || !image.height) {
      throw new ImportError(`a rotated box needs the image's pixel size (Label Studio rotates in pixels), and ${image.file} has none: give the images (--images DIR on the command line; in the app, drop them with the labels).`, where);
    }
    const W = image.width;
    const H = image.height;
    const corners: [number, number][] = [0, 2, 4, 6].map((k) => [c[k] * W, c[k + 1] * H]);
    return [cornersToRotatedBox(corners, W, H)];
  }
  const [K, D] = classes.kptShape!;
  const shapes: Shape[] = [centreBox(c[0], c[1], c[2], c[3])];
  for (let k = 0; k < K; k++) {
    const px = c[4 + k * D];
    const py = c[4 + k * D + 1];
    const v = D === 3 ? c[4 + k * D + 2] : null;
    // v = 0: not labelled; without a v column, Ultralytics writes an unlabelled point as 0 0.
    if (v === 0 || (v === null && px === 0 && py === 0)) continue;
    shapes.push({ kind: 'keypoint', x: Math.min(100, Math.max(0, px * 100)), y: Math.min(100, Math.max(0, py * 100)), index: k, name: classes.kptNames?.[k] ?? null });
  }
  return shapes;
}
