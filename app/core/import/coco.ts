// COCO: a dataset file (images, categories, annotations) and/or a detector's results list -> imported images.

import { findJsonSyntaxError } from '../tasks/jsonSyntax';
import { boxShape, polygonShape } from './geometry';
import { cocoRleToBrush } from './cocoRle';
import { elementLines, lineAt } from './jsonLines';
import { ImportError, type ImportedImage, type ImportedObject, type ImportResult, type Shape, type Source } from './model';

export interface CocoFile {
  file: string;
  text: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseJson(f: CocoFile): unknown {
  const text = f.text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    const p = findJsonSyntaxError(text);
    throw new ImportError(`not valid JSON: ${p?.message ?? (e as Error).message}`, { file: f.file, line: p ? lineAt(text, p.offset) : 1 });
  }
}

/**
 * `primary` is a results list (`[{image_id, category_id, bbox, score, ...}]`, then `dataset` gives the
 * image names, sizes and category names) or a dataset file (its own annotations are imported).
 * Every image of the dataset becomes a task, with or without objects.
 */
export function importCoco(primary: CocoFile, dataset?: CocoFile, sizeOf?: (fileName: string) => { width: number; height: number } | null): ImportResult {
  const first = parseJson(primary);
  let ds: Json;
  let dsFile: CocoFile;
  let anns: unknown[];
  let annFile: CocoFile;
  let annKey: string | null;
  if (Array.isArray(first)) {
    if (!dataset) throw new ImportError(`${primary.file} is a results list (no image names or sizes): give the dataset file it belongs to with --dataset DATASET.json.`);
    const d = parseJson(dataset);
    if (!isObj(d)) throw new ImportError(`${dataset.file} is not a COCO dataset (an object with "images" and "categories").`);
    ds = d;
    dsFile = dataset;
    anns = first;
    annFile = primary;
    annKey = null;
  } else if (isObj(first)) {
    ds = first;
    dsFile = primary;
    annFile = primary;
    annKey = 'annotations';
    if (dataset) {
      // A dataset given twice: images and categories from --dataset, annotations from the first file.
      const d = parseJson(dataset);
      if (!isObj(d)) throw new ImportError(`${dataset.file} is not a COCO dataset (an object with "images" and "categories").`);
      ds = { ...d, annotations: first.annotations };
      dsFile = dataset;
    }
    anns = Array.isArray(first.annotations) ? first.annotations : [];
    if (first.annotations !== undefined && !Array.isArray(first.annotations)) throw new ImportError('"annotations" must be a list.', { file: primary.file, line: 1 });
  } else throw new ImportError(`${primary.file} is neither a COCO dataset (an object) nor a results list (an array).`);

  if (!Array.isArray(ds.images)) throw new ImportError(`${dsFile.file} has no "images" list: COCO needs it for file names and sizes.`);
  if (!Array.isArray(ds.categories)) throw new ImportError(`${dsFile.file} has no "categories" list.`);
  const imageLines = elementLines(dsFile.text, 'images');
  const catLines = elementLines(dsFile.text, 'categories');
  const annLines = elementLines(annFile.text, annKey);

  const categories = new Map<number, { name: string; keypoints: string[] | null }>();
  const classes: string[] = [];
  let keypointNames: string[] | null = null;
  ds.categories.forEach((c, k) => {
    const where = { file: dsFile.file, line: catLines[k] ?? 1 };
    if (!isObj(c) || !isNum(c.id) || typeof c.name !== 'string') throw new ImportError(`categories[${k}] needs a numeric "id" and a "name".`, where);
    const kp = Array.isArray(c.keypoints) ? c.keypoints.map(String) : null;
    categories.set(c.id, { name: c.name, keypoints: kp });
    classes.push(c.name);
    if (kp && !keypointNames) keypointNames = kp;
  });

  const byId = new Map<unknown, ImportedImage>();
  const images: ImportedImage[] = [];
  ds.images.forEach((im, k) => {
    const where = { file: dsFile.file, line: imageLines[k] ?? 1 };
    if (!isObj(im) || im.id === undefined || typeof im.file_name !== 'string') throw new ImportError(`images[${k}] needs an "id" and a "file_name".`, where);
    // A dataset without sizes (some exporters leave them out): the image file's, when it is at hand.
    const known = isNum(im.width) && im.width > 0 && isNum(im.height) && im.height > 0;
    const measured = known ? null : (sizeOf?.(im.file_name) ?? null);
    const width = known ? (im.width as number) : (measured?.width ?? null);
    const height = known ? (im.height as number) : (measured?.height ?? null);
    const image: ImportedImage = { file: im.file_name, width, height, objects: [], source: dsFile.file };
    byId.set(im.id, image);
    images.push(image);
  });

  const kinds = new Set<string>();
  anns.forEach((a, k) => {
    const where: Source = { file: annFile.file, line: annLines[k] ?? 1 };
    const label = annKey ? `annotations[${k}]` : `result ${k}`;
    if (!isObj(a)) throw new ImportError(`${label} is not an object.`, where);
    const image = byId.get(a.image_id);
    if (!image) throw new ImportError(`${label}: image_id ${JSON.stringify(a.image_id)} is not in the "images" of ${dsFile.file}.`, where);
    if (!isNum(a.category_id)) throw new ImportError(`${label} has no numeric "category_id".`, where);
    const cat = categories.get(a.category_id);
    let score: number | null = null;
    if (a.score !== undefined) {
      if (!isNum(a.score) || a.score < 0 || a.score > 1) throw new ImportError(`${label}: score ${JSON.stringify(a.score)} must be a number within 0..1.`, where);
      score = a.score;
    }
    const obj = annotationShapes(a, image, label, where, cat?.keypoints ?? null);
    for (const s of obj.shapes) kinds.add(s.kind);
    image.objects.push({
      className: cat?.name ?? String(a.category_id),
      classId: a.category_id,
      unnamed: !cat,
      score,
      shapes: obj.shapes,
      boxFallback: obj.box,
      source: where,
    } satisfies ImportedObject);
  });
  const kindNames: Record<string, string> = { rectangle: 'boxes', polygon: 'polygons', mask: 'masks', keypoint: 'keypoints' };
  return {
    format: 'coco',
    kind: [...kinds].map((k) => kindNames[k]).join(', ') || 'no objects',
    images,
    classes,
    keypointNames,
    notes: [],
  };
}

function annotationShapes(a: Json, image: ImportedImage, label: string, where: Source, kpNames: string[] | null): { shapes: Shape[]; box: Shape | null } {
  const W = image.width;
  const H = image.height;
  const need = () => {
    if (!W || !H) throw new ImportError(`${label}: image "${image.file}" has no width/height in the dataset, and COCO coordinates are pixels.`, where);
    return [W, H] as const;
  };
  let box: Shape | null = null;
  if (a.bbox !== undefined) {
    const b = a.bbox;
    if (!Array.isArray(b) || b.length !== 4 || !b.every(isNum) || b[2] < 0 || b[3] < 0) throw new ImportError(`${label}: bbox must be [x, y, width, height] in pixels, not ${JSON.stringify(b)}.`, where);
    const [w, h] = need();
    box = boxShape((b[0] * 100) / w, (b[1] * 100) / h, (b[2] * 100) / w, (b[3] * 100) / h);
  }
  const shapes: Shape[] = [];
  const seg = a.segmentation;
  const hasSeg = Array.isArray(seg) ? seg.length > 0 : isObj(seg);
  if (hasSeg) {
    const [w, h] = need();
    if (Array.isArray(seg)) {
      seg.forEach((ring, r) => {
        if (!Array.isArray(ring) || ring.length % 2 !== 0 || !ring.every(isNum)) throw new ImportError(`${label}: segmentation[${r}] must be a flat list [x1, y1, x2, y2, ...] of pixels.`, where);
        // A ring of fewer than 3 points has no area; Label Studio drops such polygons.
        if (ring.length < 6) return;
        const pts: [number, number][] = [];
        for (let k = 0; k < ring.length; k += 2) pts.push([(ring[k] * 100) / w, (ring[k + 1] * 100) / h]);
        shapes.push(polygonShape(pts));
      });
    } else {
      const rle = seg as Json;
      const size = rle.size;
      if (!Array.isArray(size) || size.length !== 2 || !size.every(isNum)) throw new ImportError(`${label}: an RLE segmentation needs "size": [height, width].`, where);
      const [mh, mw] = size as number[];
      if (mh !== h || mw !== w) {
        const swapped = mh === w && mw === h ? ' (swapped: COCO writes [height, width])' : '';
        throw new ImportError(`${label}: the mask's size [${mh}, ${mw}] is not the image's [height ${h}, width ${w}]${swapped}.`, where);
      }
      const counts = rle.counts;
      if (typeof counts !== 'string' && !(Array.isArray(counts) && counts.every(isNum))) throw new ImportError(`${label}: RLE "counts" must be a list of run lengths or a compressed string.`, where);
      try {
        shapes.push({ kind: 'mask', rle: cocoRleToBrush(counts as number[] | string, mh, mw), width: mw, height: mh });
      } catch (e) {
        throw new ImportError(`${label}: the RLE mask does not decode: ${(e as Error).message}`, where);
      }
    }
  }
  // One object is one shape: a segmentation replaces the box (which is its bounding box).
  if (!shapes.length && box) shapes.push(box);
  if (a.keypoints !== undefined) {
    const kp = a.keypoints;
    if (!Array.isArray(kp) || kp.length % 3 !== 0 || !kp.every(isNum)) throw new ImportError(`${label}: keypoints must be a flat list [x1, y1, v1, ...] in pixels.`, where);
    const [w, h] = need();
    for (let k = 0; k < kp.length / 3; k++) {
      // v = 0: not labelled (its x, y are 0 0).
      if (kp[k * 3 + 2] === 0) continue;
      shapes.push({ kind: 'keypoint', x: Math.min(100, Math.max(0, (kp[k * 3] * 100) / w)), y: Math.min(100, Math.max(0, (kp[k * 3 + 1] * 100) / h)), index: k, name: kpNames?.[k] ?? null });
    }
  }
  if (!shapes.length) throw new ImportError(`${label} has no bbox, segmentation or keypoints.`, where);
  return { shapes, box: hasSeg ? box : null };
}
