// Pascal VOC XML (one file per image): <filename>, <size>, <object><name><bndbox> in pixels -> an imported image.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { boxShape } from './geometry';
import { lineAt } from './jsonLines';
import { ImportError, type ImportedImage, type ImportedObject } from './model';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'object' });

export interface VocFile {
  file: string;
  text: string;
}

/** Finds the image a VOC file names: its size from the image header when <size> is missing or 0. */
export type ImageLookup = (name: string) => { file: string; width: number | null; height: number | null } | null;

const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/**
 * One VOC file. Boxes: x = xmin/W*100, y = ymin/H*100, width = (xmax-xmin)/W*100,
 * height = (ymax-ymin)/H*100, each edge cut into the image (0..100).
 */
export function importVocFile(f: VocFile, lookup?: ImageLookup): { image: ImportedImage; classes: string[] } {
  const valid = XMLValidator.validate(f.text);
  if (valid !== true) throw new ImportError(`not well-formed XML: ${valid.err.msg}`, { file: f.file, line: valid.err.line });
  const doc = parser.parse(f.text) as Record<string, unknown>;
  const ann = doc.annotation as Record<string, unknown> | undefined;
  if (!ann || typeof ann !== 'object') throw new ImportError('no <annotation> root: not a Pascal VOC file.', { file: f.file, line: 1 });
  const tagLine = (tag: string, nth = 0) => {
    const re = new RegExp(`<${tag}[\\s>]`, 'g');
    let m: RegExpExecArray | null = null;
    for (let k = 0; k <= nth; k++) m = re.exec(f.text);
    return m ? lineAt(f.text, m.index) : 1;
  };
  const base = f.file.replace(/^.*[\\/]/, '');
  const pathName = typeof ann.path === 'string' ? ann.path.replace(/^.*[\\/]/, '') : '';
  const named = typeof ann.filename === 'string' && ann.filename ? ann.filename : pathName || base.replace(/\.xml$/i, '');
  const found = lookup?.(named) ?? null;
  const size = ann.size as Record<string, unknown> | undefined;
  let W = num(size?.width);
  let H = num(size?.height);
  if (!(W > 0 && H > 0)) {
    if (found?.width && found.height) {
      W = found.width;
      H = found.height;
    } else throw new ImportError(`no usable <size> (width ${size?.width ?? 'missing'}, height ${size?.height ?? 'missing'}) and no image file to read it from: give the images (--images DIR on the command line; in the app, drop them with the XML).`, { file: f.file, line: tagLine('size') });
  } else if (found?.width && found.height && (found.width !== W || found.height !== H)) {
    throw new ImportError(`<size> says ${W} x ${H}, but the image ${found.file} is ${found.width} x ${found.height}: the boxes would land in the wrong place. Fix <size> or the image.`, { file: f.file, line: tagLine('size') });
  }
  const objects: ImportedObject[] = [];
  const classes: string[] = [];
  const list = (ann.object as Record<string, unknown>[] | undefined) ?? [];
  list.forEach((o, k) => {
    const where = { file: f.file, line: tagLine('object', k) };
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name) throw new ImportError(`object ${k + 1} has no <name>.`, where);
    const b = o.bndbox as Record<string, unknown> | undefined;
    if (!b) throw new ImportError(`object ${k + 1} ("${name}") has no <bndbox>.`, where);
    const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((key) => num(b[key]));
    if (![xmin, ymin, xmax, ymax].every(Number.isFinite)) throw new ImportError(`object ${k + 1} ("${name}"): <bndbox> needs numeric xmin, ymin, xmax, ymax.`, where);
    if (xmax < xmin || ymax < ymin) throw new ImportError(`object ${k + 1} ("${name}"): xmax/ymax (${xmax}, ${ymax}) are before xmin/ymin (${xmin}, ${ymin}).`, where);
    const raw = o.score ?? o.confidence;
    let score: number | null = null;
    if (raw !== undefined) {
      score = num(raw);
      if (!(score >= 0 && score <= 1)) throw new ImportError(`object ${k + 1} ("${name}"): score ${String(raw)} must be within 0..1.`, where);
    }
    if (!classes.includes(name)) classes.push(name);
    objects.push({ className: name, classId: null, unnamed: false, score, shapes: [boxShape((xmin * 100) / W, (ymin * 100) / H, ((xmax - xmin) * 100) / W, ((ymax - ymin) * 100) / H)], source: where });
  });
  return { image: { file: found?.file ?? named, width: W, height: H, objects, source: f.file }, classes };
}

export function importVoc(files: readonly VocFile[], lookup?: ImageLookup) {
  const images: ImportedImage[] = [];
  const classes: string[] = [];
  for (const f of files) {
    const r = importVocFile(f, lookup);
    images.push(r.image);
    for (const c of r.classes) if (!classes.includes(c)) classes.push(c);
  }
  return { format: 'voc' as const, kind: 'detect (boxes)', images, classes, keypointNames: null, notes: [] as string[] };
}
