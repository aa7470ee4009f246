// Dropped model output in the browser, once recognised (modelFiles.ts): image sizes read from the dropped
// images' headers, the files handed to core's importers. Loaded with the import dialog; nothing leaves the page.

import {
  HEADER_BYTES,
  importCoco,
  importVoc,
  importYolo,
  parseClassesTxt,
  parseDataYaml,
  readImageSize,
  yoloTask,
  type ImportResult,
  type YoloLabelFile,
  type YoloTask,
} from '../core/import';
import type { TextFile } from './files';
import type { ModelOutput } from './modelFiles';

export type ImageSizes = Map<string, { width: number; height: number } | null>;

/** Every dropped image's size from its first bytes (the whole file only when a JPEG's frame header is further in). */
export async function readImageSizes(files: Map<string, File>): Promise<ImageSizes> {
  const sizes: ImageSizes = new Map();
  await Promise.all(
    [...files].map(async ([name, file]) => {
      let size = readImageSize(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
      if (!size && file.size > HEADER_BYTES) size = readImageSize(new Uint8Array(await file.arrayBuffer()));
      sizes.set(name, size ? { width: size.width, height: size.height } : null);
    }),
  );
  return sizes;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');
const IMAGE_EXT = /\.(jpe?g|png|webp|bmp|gif)$/i;

/** An image for a YOLO labels file or a VOC file name: same stem, any case and extension. */
function findImage(name: string, sizes: ImageSizes): string | null {
  if (sizes.has(name)) return name;
  const lower = name.toLowerCase();
  const s = stem(lower);
  let byStem: string | null = null;
  for (const n of sizes.keys()) {
    if (n.toLowerCase() === lower) return n;
    if (!byStem && IMAGE_EXT.test(n) && stem(n.toLowerCase()) === s) byStem = n;
  }
  return byStem;
}

export interface Recognised {
  /** `result.notes` say what the import assumed (an image extension) and what it could not read. */
  result: ImportResult;
  /** YOLO: the kind read (the user's choice, data.yaml's, or plain boxes). */
  task: YoloTask | null;
  /** Labels (or XML) files whose image was dropped too, and how many there are. */
  matched: number;
  total: number;
  /** Files whose image was not dropped: named by stem + `assumedExtension` (YOLO) or by the XML's file name. */
  unmatched: string[];
  /** YOLO: the extension given to images that were not dropped (a guess unless the user chose it); null when every image was dropped. */
  assumedExtension: string | null;
  modelVersion: string;
}

/** Extensions a YOLO labels file's image may have, for the user to choose from. */
export const YOLO_IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.bmp'] as const;

/** The extension every dropped image has (as written: .PNG stays .PNG), or null when none was dropped or they differ. */
function sharedExtension(sizes: ImageSizes): string | null {
  let ext: string | null = null;
  for (const name of sizes.keys()) {
    const e = /\.[^./]+$/.exec(name)?.[0] ?? '';
    if (!IMAGE_EXT.test(e)) continue;
    if (ext !== null && e !== ext) return null;
    ext = e;
  }
  return ext;
}

/**
 * Run the importer over the drop. Throws ImportError for input that does not fit. YOLO labels name no
 * image, so a labels file whose image was not dropped gets one by its name and `imageExtension` (the
 * user's choice), else the extension all dropped images share, else .jpg; a note says which, and why.
 */
export function recognise(model: ModelOutput, sizes: ImageSizes, task: YoloTask | null, imageExtension: string | null = null): Recognised {
  const unmatched: string[] = [];
  if (model.format === 'yolo') {
    if (!model.classes) throw new Error('no classes');
    const classes = /\.ya?ml$/i.test(model.classes.name) ? parseDataYaml(model.classes.text, model.classes.name) : parseClassesTxt(model.classes.text, model.classes.name);
    const shared = sharedExtension(sizes);
    const ext = imageExtension ?? shared ?? '.jpg';
    const used = new Set<string>();
    const files: YoloLabelFile[] = model.files.map((f) => {
      const img = findImage(stem(f.name), sizes);
      if (!img) unmatched.push(f.name);
      else used.add(img);
      const size = img ? sizes.get(img) : null;
      return { file: f.name, text: f.text, image: { file: img ?? `${stem(f.name)}${ext}`, width: size?.width ?? null, height: size?.height ?? null } };
    });
    // A dropped image without a labels file: the model found nothing there (Ultralytics writes no file); still a task.
    for (const [name, size] of sizes) if (!used.has(name)) files.push({ file: name, text: '', image: { file: name, width: size?.width ?? null, height: size?.height ?? null } });
    files.sort((a, b) => (a.image.file < b.image.file ? -1 : a.image.file > b.image.file ? 1 : 0));
    const kind = yoloTask(files, classes, task);
    const result = importYolo(files, classes, kind);
    if (unmatched.length) {
      const n = unmatched.length;
      const named = unmatched.slice(0, 3).map((f) => `${stem(f)}${ext}`).join(', ') + (n > 3 ? ', …' : '');
      const why = imageExtension ? 'the extension chosen' : shared ? 'the extension of the dropped images, assumed' : 'a guess: YOLO labels do not say it';
      result.notes.push(`${n} labels file${n === 1 ? ' has' : 's have'} no dropped image, so ${n === 1 ? 'its task names' : 'their tasks name'} the image by the labels file with ${ext} (${why}): ${named}; ${n === 1 ? 'its results have' : 'their results have'} no original_width/original_height. Drop the images with the labels to use their real names and sizes, or choose the extension.`);
    }
    return { result, task: kind, matched: model.files.length - unmatched.length, total: model.files.length, unmatched, assumedExtension: unmatched.length ? ext : null, modelVersion: 'yolo' };
  }
  if (model.format === 'coco') {
    const list = model.files.find((f) => f.text.trimStart().startsWith('['));
    const ds = model.files.find((f) => f !== list);
    const asCoco = (f: TextFile | undefined) => f && { file: f.name, text: f.text };
    const sizeOf = (name: string) => {
      const img = findImage(name.replace(/^.*\//, ''), sizes);
      return img ? (sizes.get(img) ?? null) : null;
    };
    const result = list ? importCoco(asCoco(list)!, asCoco(ds), sizeOf) : importCoco(asCoco(ds)!, undefined, sizeOf);
    let matched = 0;
    for (const im of result.images) {
      const img = findImage(im.file.replace(/^.*\//, ''), sizes);
      if (img) matched++;
      else unmatched.push(im.file);
    }
    return { result, task: null, matched, total: result.images.length, unmatched, assumedExtension: null, modelVersion: stem((list ?? ds!).name) };
  }
  const result = importVoc(model.files.map((f) => ({ file: f.name, text: f.text })), (name) => {
    const img = findImage(name.replace(/^.*[\\/]/, ''), sizes);
    if (!img) return null;
    const s = sizes.get(img);
    return { file: img, width: s?.width ?? null, height: s?.height ?? null };
  });
  for (const im of result.images) if (!sizes.has(im.file)) unmatched.push(im.file);
  return { result, task: null, matched: result.images.length - unmatched.length, total: result.images.length, unmatched, assumedExtension: null, modelVersion: model.files.length === 1 ? stem(model.files[0].name) : 'voc' };
}
