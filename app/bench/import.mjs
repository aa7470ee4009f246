// npm run bench:import — YOLO detect output for 5,000 images x 20 boxes (generated into a temp dir, with a
// real 640 x 480 PNG header per image) imported by the `prelabel` command: whole processes timed, start-up
// included, the median of several runs, next to the same file's `prelabel validate` alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IMAGES = Number(process.argv[2] ?? 5000);
const BOXES = Number(process.argv[3] ?? 20);
const RUNS = Number(process.argv[4] ?? 5);

const dir = mkdtempSync(path.join(tmpdir(), 'prelabel-bench-import-'));
const images = path.join(dir, 'predict/images');
const labels = path.join(dir, 'predict/labels');
mkdirSync(images, { recursive: true });
mkdirSync(labels, { recursive: true });
// A PNG signature and IHDR are all the importer reads.
const png = Buffer.alloc(33);
Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
png.writeUInt32BE(640, 16);
png.writeUInt32BE(480, 20);
let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const CLASSES = ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck', 'traffic light', 'stop sign', 'dog', 'cat'];
for (let i = 0; i < IMAGES; i++) {
  const name = `img_${String(i).padStart(5, '0')}`;
  writeFileSync(path.join(images, `${name}.png`), png);
  const lines = [];
  for (let b = 0; b < BOXES; b++) {
    const w = 0.02 + rand() * 0.2;
    const h = 0.02 + rand() * 0.2;
    lines.push(`${Math.floor(rand() * CLASSES.length)} ${(w / 2 + rand() * (1 - w)).toFixed(6)} ${(h / 2 + rand() * (1 - h)).toFixed(6)} ${w.toFixed(6)} ${h.toFixed(6)} ${rand().toFixed(5)}`);
  }
  writeFileSync(path.join(labels, `${name}.txt`), lines.join('\n') + '\n');
}
writeFileSync(path.join(dir, 'classes.txt'), CLASSES.join('\n') + '\n');
writeFileSync(path.join(dir, 'config.xml'), `<View>\n  <Image name="image" value="$image"/>\n  <RectangleLabels name="label" toName="image">\n${CLASSES.map((c) => `    <Label value="${c}"/>`).join('\n')}\n  </RectangleLabels>\n</View>\n`);

const cli = path.join(root, 'app/cli/prelabel.mjs');
execFileSync('node', [path.join(root, 'app/cli/build.mjs')]);
const out = path.join(dir, 'tasks.json');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(args) {
  const ms = [];
  let last = null;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    last = spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (last.status !== 0) throw new Error(`prelabel ${args.join(' ')} exited ${last.status}: ${last.stderr}`);
  }
  return { ms, last };
}

const imp = time(['import', 'yolo', '--images', images, '--labels', labels, '--classes', path.join(dir, 'classes.txt'), '--config', path.join(dir, 'config.xml'), '--out', out]);
const val = time(['validate', '--config', path.join(dir, 'config.xml'), out]);
const fmt = (xs) => xs.map((x) => Math.round(x)).join(', ');
console.log(`YOLO detect, ${IMAGES} images x ${BOXES} boxes = ${IMAGES * BOXES} results; tasks file ${(statSync(out).size / 1e6).toFixed(1)} MB`);
console.log(`  prelabel import yolo (read, convert, write, validate): median ${Math.round(median(imp.ms))} ms  [runs: ${fmt(imp.ms)}]`);
console.log(`  prelabel validate of the written file alone:          median ${Math.round(median(val.ms))} ms  [runs: ${fmt(val.ms)}]`);
console.log(`  last import's summary: ${imp.last.stderr.trim().split('\n').pop()}`);
