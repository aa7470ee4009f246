// `prelabel import yolo|coco|voc`: reads model output from disk, hands text and bytes to core, writes and checks the tasks.

import { configFromFile } from '../core/config/template';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, parseTasks, validate } from '../core';
import type { Finding } from '../core';
import {
  HEADER_BYTES,
  ImportError,
  importCoco,
  importedToTasks,
  importVoc,
  importYolo,
  parseClassesTxt,
  parseDataYaml,
  readImageSize,
  tasksJson,
  yoloTask,
  YOLO_TASKS,
  type ImportResult,
  type MappingPlan,
  type YoloLabelFile,
  type YoloTask,
} from '../core/import';

export const IMPORT_USAGE = `  prelabel import yolo --images DIR --labels DIR (--classes FILE | --data data.yaml) [--task detect|segment|obb|pose]
  prelabel import coco RESULTS_OR_DATASET.json [--dataset DATASET.json] [--images DIR]
  prelabel import voc --images DIR FILE.xml [MORE.xml ...]
    common: [--config CONFIG.xml] [--model-version V] [--image-root-url URL] [--map CLASS=LABEL ...] [--out tasks.json]`;

/** Bad arguments or unreadable input: exit 2, nothing written. */
export class ImportUsageError extends Error {}

interface ImportArgs {
  format: 'yolo' | 'coco' | 'voc';
  files: string[];
  images?: string;
  labels?: string;
  classes?: string;
  data?: string;
  task?: YoloTask;
  dataset?: string;
  config?: string;
  modelVersion?: string;
  imageRootUrl?: string;
  map: Record<string, string>;
  out?: string;
}

const VALUE_OPTIONS: Record<string, keyof ImportArgs> = {
  '--images': 'images',
  '--labels': 'labels',
  '--classes': 'classes',
  '--data': 'data',
  '--task': 'task',
  '--dataset': 'dataset',
  '--config': 'config',
  '-c': 'config',
  '--model-version': 'modelVersion',
  '--image-root-url': 'imageRootUrl',
  '--out': 'out',
  '-o': 'out',
};
const ONLY: Record<string, ImportArgs['format'][]> = { labels: ['yolo'], classes: ['yolo'], data: ['yolo'], task: ['yolo'], dataset: ['coco'] };

function parseImportArgs(argv: string[]): ImportArgs {
  const [format, ...rest] = argv;
  if (format !== 'yolo' && format !== 'coco' && format !== 'voc') throw new ImportUsageError(format ? `Unknown import format "${format}": use yolo, coco or voc.` : 'Say which format to import: yolo, coco or voc.');
  const args: ImportArgs = { format, files: [], map: {} };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq === -1 ? a : a.slice(0, eq);
    const valueOf = () => {
      if (eq !== -1) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new ImportUsageError(`${name} needs a value.`);
      return v;
    };
    if (name === '--map') {
      const v = valueOf();
      const k = v.indexOf('=');
      if (k <= 0 || k === v.length - 1) throw new ImportUsageError(`--map needs CLASS=LABEL, not "${v}".`);
      args.map[v.slice(0, k)] = v.slice(k + 1);
    } else if (VALUE_OPTIONS[name]) {
      const key = VALUE_OPTIONS[name];
      if (ONLY[key] && !ONLY[key].includes(format)) throw new ImportUsageError(`${name} is for \`import ${ONLY[key].join('/')}\`, not \`import ${format}\`.`);
      (args as unknown as Record<string, string>)[key] = valueOf();
    } else if (a.startsWith('-') && a !== '-') throw new ImportUsageError(`Unknown option ${a}.`);
    else args.files.push(a);
  }
  if (args.task && !YOLO_TASKS.includes(args.task)) throw new ImportUsageError(`--task must be one of ${YOLO_TASKS.join(', ')}, not "${args.task}".`);
  if (format === 'yolo') {
    if (!args.images || !args.labels) throw new ImportUsageError('import yolo needs --images DIR and --labels DIR.');
    if (!args.classes === !args.data) throw new ImportUsageError('import yolo needs the class names: --classes classes.txt or --data data.yaml (one of them).');
    if (args.files.length) throw new ImportUsageError(`import yolo reads --labels DIR; unexpected argument "${args.files[0]}".`);
  } else if (format === 'coco') {
    if (args.files.length !== 1) throw new ImportUsageError('import coco takes one JSON file (a results list or a dataset), and --dataset for the other.');
  } else {
    if (!args.images) throw new ImportUsageError('import voc needs --images DIR (the image files, for names and sizes).');
    if (!args.files.length) throw new ImportUsageError('import voc needs at least one VOC .xml file (or a folder of them).');
  }
  if (!args.config && !args.out) throw new ImportUsageError('Without --config a config is generated and written beside --out: give --out tasks.json (or --config CONFIG.xml).');
  return args;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportUsageError(code === 'ENOENT' ? `No such file: ${file}` : code === 'EISDIR' ? `${file} is a directory, not a file.` : `Cannot read ${file}: ${(e as Error).message}`);
  }
}

function listDir(dir: string, what: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ImportUsageError(`No such folder (${what}): ${dir}`);
  }
  if (!st.isDirectory()) throw new ImportUsageError(`${dir} (${what}) is not a folder.`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

const IMAGE_EXT = /\.(jpe?g|png|webp|bmp)$/i;
const slash = (p: string) => p.split(path.sep).join('/');

/** The first bytes of a file (the whole file when the size is further in, as in a JPEG with a big EXIF block). */
const headerBuffer = new Uint8Array(HEADER_BYTES);

function imageSizeOf(file: string): { width: number; height: number } | null {
  const fd = openSync(file, 'r');
  try {
    const buf = headerBuffer;
    const n = readSync(fd, buf, 0, HEADER_BYTES, 0);
    const size = readImageSize(buf.subarray(0, n));
    if (size || n < HEADER_BYTES) return size;
  } finally {
    closeSync(fd);
  }
  return readImageSize(new Uint8Array(readFileSync(file)));
}

/** Images under DIR by relative path, and by stem (lower-cased) for matching labels and VOC file names. */
class ImageFolder {
  readonly files: string[];
  private byStem = new Map<string, string[]>();
  private byName = new Map<string, string>();
  private sizes = new Map<string, { width: number; height: number } | null>();

  constructor(readonly dir: string) {
    this.files = listDir(dir, '--images').filter((f) => IMAGE_EXT.test(f)).map(slash);
    for (const f of this.files) {
      const stem = f.replace(IMAGE_EXT, '');
      for (const key of [stem, stem.toLowerCase(), path.posix.basename(stem), path.posix.basename(stem).toLowerCase()]) {
        const list = this.byStem.get(key) ?? [];
        if (!list.includes(f)) list.push(f);
        this.byStem.set(key, list);
      }
      this.byName.set(f.toLowerCase(), f);
      this.byName.set(path.posix.basename(f).toLowerCase(), this.byName.get(path.posix.basename(f).toLowerCase()) ?? f);
    }
  }

  /** The image for a labels file's relative stem (`train/a`): same path first, then a unique base name; any case, any of the extensions. */
  forStem(stem: string): string | null {
    for (const key of [stem, stem.toLowerCase(), path.posix.basename(stem), path.posix.basename(stem).toLowerCase()]) {
      const list = this.byStem.get(key);
      if (list?.length === 1) return list[0];
      if (list && list.length > 1) return list.find((f) => f.replace(IMAGE_EXT, '') === stem) ?? list[0];
    }
    return null;
  }

  forName(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? this.byName.get(path.posix.basename(name).toLowerCase()) ?? this.forStem(name.replace(IMAGE_EXT, ''));
  }

  size(rel: string): { width: number; height: number } | null {
    if (!this.sizes.has(rel)) this.sizes.set(rel, imageSizeOf(path.join(this.dir, rel)));
    return this.sizes.get(rel)!;
  }
}

function readYolo(args: ImportArgs): ImportResult {
  const classesFile = (args.classes ?? args.data)!;
  const classes = args.classes ? parseClassesTxt(readText(args.classes), args.classes) : parseDataYaml(readText(args.data!), args.data);
  const images = new ImageFolder(args.images!);
  const classesAbs = path.resolve(classesFile);
  const labelFiles = listDir(args.labels!, '--labels')
    .filter((f) => /\.txt$/i.test(f) && path.resolve(args.labels!, f) !== classesAbs && path.basename(f).toLowerCase() !== 'classes.txt')
    .map(slash);
  const matched = new Set<string>();
  const orphans: string[] = [];
  const files: YoloLabelFile[] = [];
  for (const rel of labelFiles) {
    const img = images.forStem(rel.replace(/\.txt$/i, ''));
    if (!img) {
      orphans.push(rel);
      continue;
    }
    matched.add(img);
    const size = images.size(img);
    files.push({ file: path.join(args.labels!, rel), text: readText(path.join(args.labels!, rel)), image: { file: img, width: size?.width ?? null, height: size?.height ?? null } });
  }
  if (orphans.length) {
    throw new ImportUsageError(`${orphans.length} labels file${orphans.length === 1 ? ' has' : 's have'} no image in ${args.images} (matched by name, any case of .jpg .jpeg .png .webp .bmp): ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', ...' : ''}.`);
  }
  // Ultralytics writes no txt for an image without detections: it is still a task, with an empty prediction.
  for (const img of images.files) {
    if (matched.has(img)) continue;
    const size = images.size(img);
    files.push({ file: img, text: '', image: { file: img, width: size?.width ?? null, height: size?.height ?? null } });
  }
  files.sort((a, b) => (a.image.file < b.image.file ? -1 : a.image.file > b.image.file ? 1 : 0));
  const unreadable = files.filter((f) => f.image.width === null).map((f) => f.image.file);
  const task = yoloTask(files, classes, args.task);
  const result = importYolo(files, classes, task);
  if (unreadable.length) result.notes.push(`${unreadable.length} image${unreadable.length === 1 ? '' : 's'} with no readable size (not PNG, JPEG, WebP or BMP): ${unreadable.slice(0, 3).join(', ')}; their results have no original_width/height.`);
  return result;
}

function readCoco(args: ImportArgs): ImportResult {
  const primary = { file: args.files[0], text: readText(args.files[0]) };
  const dataset = args.dataset ? { file: args.dataset, text: readText(args.dataset) } : undefined;
  const folder = args.images ? new ImageFolder(args.images) : null;
  const result = importCoco(primary, dataset, (name) => {
    const f = folder?.forName(name);
    return f ? folder!.size(f) : null;
  });
  if (folder && args.images) {
    // With the images at hand, a dataset size that is not the file's stops the import (Label Studio measures the file).
    const missing: string[] = [];
    for (const im of result.images) {
      const f = folder.forName(im.file);
      if (!f) {
        missing.push(im.file);
        continue;
      }
      const s = folder.size(f);
      if (s && im.width && im.height && (s.width !== im.width || s.height !== im.height)) {
        throw new ImportError(`the dataset says ${im.file} is ${im.width} x ${im.height}, but the file ${path.join(args.images, f)} is ${s.width} x ${s.height}: COCO pixels would be converted with the wrong size.`);
      }
    }
    if (missing.length) result.notes.push(`${missing.length} image${missing.length === 1 ? '' : 's'} of the dataset not found in ${args.images}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''} (sizes from the dataset).`);
  }
  return result;
}

function readVoc(args: ImportArgs): ImportResult {
  const folder = new ImageFolder(args.images!);
  const xmlFiles: string[] = [];
  for (const f of args.files) {
    if (existsSync(f) && statSync(f).isDirectory()) xmlFiles.push(...listDir(f, 'VOC folder').filter((x) => /\.xml$/i.test(x)).map((x) => path.join(f, x)));
    else xmlFiles.push(f);
  }
  if (!xmlFiles.length) throw new ImportUsageError(`No .xml files in ${args.files.join(', ')}.`);
  const result = importVoc(
    xmlFiles.map((f) => ({ file: f, text: readText(f) })),
    (name) => {
      const f = folder.forName(name);
      if (!f) return null;
      const s = folder.size(f);
      return { file: f, width: s?.width ?? null, height: s?.height ?? null };
    },
  );
  const missing = result.images.filter((im) => !folder.forName(im.file)).map((im) => im.file);
  if (missing.length) result.notes.push(`${missing.length} image${missing.length === 1 ? '' : 's'} named in the XML not found in ${args.images}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''} (kept by the name the XML gives).`);
  return result;
}

function defaultModelVersion(args: ImportArgs): string {
  const name = (p: string) => path.basename(path.resolve(p)).replace(/\.(json|xml)$/i, '');
  if (args.format === 'yolo') {
    const base = name(args.labels!);
    return base.toLowerCase() === 'labels' ? name(path.dirname(path.resolve(args.labels!))) : base;
  }
  if (args.format === 'coco') return name(args.files[0]);
  // One file: its name; a folder: the folder's; several files: the folder they are in.
  return args.files.length === 1 ? name(args.files[0]) : name(path.dirname(path.resolve(args.files[0])));
}

/** `--out tasks.json` -> `tasks.config.xml` beside it. */
export const configPathFor = (out: string) => out.replace(/\.jsonl?$/i, '') + '.config.xml';

interface Converted {
  text: string;
  taskCount: number;
  generatedConfig: string | null;
  rows: MappingPlan['rows'];
  format: string;
  kind: string;
  notes: string[];
}

/** Input to tasks text. Its own scope, so the parsed input and the task objects can be collected while the text is checked. */
function convert(args: ImportArgs, configText: string | null): Converted {
  const result = args.format === 'yolo' ? readYolo(args) : args.format === 'coco' ? readCoco(args) : readVoc(args);
  const { tasks, generatedConfig, plan } = importedToTasks(result, { configText, map: args.map, imageRootUrl: args.imageRootUrl, modelVersion: args.modelVersion ?? defaultModelVersion(args) });
  return { text: tasksJson(tasks), taskCount: tasks.length, generatedConfig, rows: plan.rows, format: result.format, kind: result.kind, notes: result.notes };
}

export function runImport(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseImportArgs(argv);
  // A Label Studio template (config.yml) gives its config; the config's findings point into the YAML.
  const configRead = args.config ? configFromFile(readText(args.config), args.config) : null;
  const configText = configRead?.config ?? null;
  let converted: Converted;
  try {
    converted = convert(args, configText);
  } catch (e) {
    if (e instanceof ImportError) {
      err(`prelabel import ${args.format}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { text, generatedConfig, rows } = converted;
  const finalConfig = configText ?? generatedConfig!;
  const configFile = args.config ?? configPathFor(args.out!);
  try {
    if (args.out) {
      mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
      writeFileSync(args.out, text);
    }
    if (generatedConfig !== null) writeFileSync(configFile, generatedConfig);
  } catch (e) {
    err(`prelabel import ${args.format}: cannot write ${args.out}: ${(e as Error).message}`);
    return 2;
  }
  if (!args.out) {
    for (let i = 0; i < text.length; i += 1 << 20) out(text.slice(i, i + (1 << 20)).replace(/\n$/, ''));
  }
  // The written file, checked as `prelabel validate` would.
  const config = parseConfig(finalConfig);
  const report = validate(config, parseTasks(text));
  const outName = args.out ?? '(stdout)';
  const findings: [string, Finding][] = [...config.findings.map((f) => [configFile, configRead ? { ...f, ...configRead.place(f.line, f.column) } : f] as [string, Finding]), ...report.findings.map((f) => [outName, f] as [string, Finding])];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const [, f] of findings) counts[f.severity]++;
  for (const [file, f] of findings.filter(([, f]) => f.severity !== 'info').slice(0, 50)) err(`${file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
  if (counts.error + counts.warning > 50) err(`... and ${counts.error + counts.warning - 50} more (prelabel validate --config ${configFile} ${outName} lists them all).`);
  const regions = report.summary.results;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const mapped = rows.map((r) => `${r.className}->${r.control}:${r.label}`).slice(0, 12).join(', ');
  for (const n of converted.notes) err(`note: ${n}`);
  if (generatedConfig !== null) err(`Wrote the generated config to ${configFile}.`);
  err(`Imported ${converted.format} ${converted.kind}: ${plural(converted.taskCount, 'task')}, ${plural(regions, 'result')}${args.out ? ` into ${args.out}` : ''}; classes ${mapped}${rows.length > 12 ? ', ...' : ''}.`);
  err(`Checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.`);
  return counts.error > 0 ? 1 : 0;
}
