// Recognises dropped model output (YOLO txt and classes, COCO JSON, VOC XML) by content, and groups one
// drop into one import. Light on purpose: it is on the first load's path (files.ts); the importers are not.

import type { TextFile } from './files';

export interface ModelOutput {
  format: 'yolo' | 'coco' | 'voc';
  /** YOLO labels (one per image), COCO JSON (a results list and/or a dataset), or VOC XML files. */
  files: TextFile[];
  /** YOLO: classes.txt or data.yaml. */
  classes: TextFile | null;
}

/**
 * A YOLO labels line at a glance: a class id, then more. Whether the rest are numbers is the importer's to
 * say, with the file and line (a typo like "O.5" must stop the import, not drop the file unseen).
 */
const YOLO_LINE = /^\s*\d+\s+\S/;

/**
 * A Label Studio template (annotation_templates/.../config.yml) at a glance: a top-level `config:` key and
 * none of a YOLO data.yaml's. core/config/template.ts reads it (with the YAML parser, not on this path).
 */
export function looksLikeTemplate(text: string, name: string): boolean {
  return /\.ya?ml$/i.test(name) && /^config\s*:/m.test(text) && !/^(names|nc|train|val)\s*:/m.test(text);
}

/** Is this text model output rather than a config or a tasks file? */
export function recognizeModelOutput(text: string, name: string): 'yolo' | 'classes' | 'coco' | 'voc' | null {
  const t = text.replace(/^\uFEFF/, '');
  if (looksLikeTemplate(t, name)) return null;
  if (/^classes\.txt$/i.test(name) || /\.ya?ml$/i.test(name)) return 'classes';
  if (/\.txt$/i.test(name)) {
    const lines = t.split(/\r\n|\r|\n/).filter((l) => l.trim());
    // An empty labels file is an image where the model found nothing.
    if (lines.every((l) => YOLO_LINE.test(l))) return 'yolo';
    return null;
  }
  const head = t.trimStart();
  if (head.startsWith('<')) {
    return /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<annotation[\s>]/.test(head) ? 'voc' : null;
  }
  if (head.startsWith('[')) {
    // A detector's results list: objects with image_id and category_id, and no task keys.
    const first = /^\[\s*(\{[^{}[\]]*)/.exec(head)?.[1] ?? '';
    return /"image_id"\s*:/.test(first) && /"category_id"\s*:/.test(first) ? 'coco' : null;
  }
  if (head.startsWith('{')) {
    // A dataset: top-level images and categories lists (a Label Studio task has data/predictions instead).
    return /"categories"\s*:\s*\[/.test(t) && /"images"\s*:\s*\[/.test(t) && !/"predictions"\s*:/.test(t.slice(0, 100_000)) ? 'coco' : null;
  }
  return null;
}

/** One format per drop: the first one found; files of another are skipped with a reason. */
export function groupModelOutput(files: TextFile[], skipped: string[]): ModelOutput | null {
  const kinds = files.map((f) => recognizeModelOutput(f.text, f.name));
  const format = (kinds.find((k) => k !== 'classes' && k !== null) ?? 'yolo') as ModelOutput['format'];
  const out: ModelOutput = { format, files: [], classes: null };
  files.forEach((f, i) => {
    const k = kinds[i];
    if (k === 'classes') {
      if (format !== 'yolo') skipped.push(`${f.name}: class names for YOLO, but this drop is ${format.toUpperCase()}`);
      // data.yaml says more than classes.txt (kpt_shape, task): it wins.
      else if (!out.classes || /\.ya?ml$/i.test(f.name)) out.classes = f;
    } else if (k === format) out.files.push(f);
    else skipped.push(`${f.name}: ${k?.toUpperCase()} output, but this drop is ${format.toUpperCase()} (import one format at a time)`);
  });
  return out;
}

/** What is missing before anything can be read: the class names of a YOLO drop. */
export function missingPart(model: ModelOutput): string | null {
  if (model.format === 'yolo' && !model.classes) return 'YOLO labels need their class names: drop classes.txt or data.yaml with them.';
  if (model.format === 'yolo' && !model.files.length) return 'Only class names were dropped: drop the YOLO labels (.txt, one per image) with them.';
  if (model.format === 'coco' && model.files.every((f) => f.text.trimStart().startsWith('[')) && model.files.length < 2) return 'A COCO results list has no image names or sizes: drop its dataset file (with "images" and "categories") with it.';
  return null;
}
