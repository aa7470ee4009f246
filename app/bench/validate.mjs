// npm run bench:validate — 100,000 predicted rectangles (the generator Label Studio's side-by-side bench
// uses), validated by the `prelabel` command, next to a bare JSON.parse of the same file.
// Whole processes are timed (start-up included), the median of several runs; in-process phases too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = process.env.PRELABEL_SHARED ?? path.resolve(root, '../shared');
const { rectTask, imageConfig } = await import(pathToFileURL(path.join(shared, 'bench/lsf-anchor/gen.mjs')).href);
const N = Number(process.argv[2] ?? 100000);
const RUNS = Number(process.argv[3] ?? 5);

const dir = mkdtempSync(path.join(tmpdir(), 'prelabel-bench-'));
const config = path.join(dir, 'config.xml');
writeFileSync(config, imageConfig);
const cli = path.join(root, 'app/cli/prelabel.mjs');
execFileSync('node', [path.join(root, 'app/cli/build.mjs')]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(args) {
  const ms = [];
  let out = null;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    out = spawnSync('node', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (out.status !== 0 && out.status !== 1) throw new Error(`${args.join(' ')} failed: ${out.stderr}`);
  }
  return { ms: median(ms), out };
}

const task = rectTask(N, '/img.png');
console.log(`prelabel bench:validate — ${N.toLocaleString('en')} rectangle results, median of ${RUNS} runs, node ${process.version}`);
// The same file with every label misspelled: 100,000 findings to locate and print.
const broken = JSON.parse(JSON.stringify(task));
for (const r of broken.predictions[0].result) r.value.rectanglelabels = [r.value.rectanglelabels[0].toLowerCase()];
const inputs = [['pretty-printed', JSON.stringify([task], null, 2)], ['compact', JSON.stringify([task])], ['pretty-printed, every label misspelled', JSON.stringify([broken], null, 2)]];
for (const [label, text] of inputs) {
  const file = path.join(dir, `tasks-${label}.json`);
  writeFileSync(file, text);
  const bare = time(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]);
  const pre = time([cli, 'validate', '--config', config, file]);
  const summary = pre.out.stdout.trim().split('\n').at(-1);
  console.log(`\n${label}: ${(text.length / 1e6).toFixed(1)} MB`);
  console.log(`  bare JSON.parse process      ${bare.ms.toFixed(0).padStart(6)} ms`);
  console.log(`  prelabel validate process    ${pre.ms.toFixed(0).padStart(6)} ms   = ${(pre.ms / bare.ms).toFixed(2)}x the bare parse (target: at most 4x)`);
  console.log(`  prelabel says: ${summary}`);
}

// In-process phases, to see where the time goes.
const core = await import(pathToFileURL(path.join(root, 'app/cli/dist/prelabel-core.mjs')).href).catch(() => null);
if (core) {
  const text = readFileSync(path.join(dir, 'tasks-pretty-printed.json'), 'utf8');
  const phase = (fn) => { const t = performance.now(); const r = fn(); return [performance.now() - t, r]; };
  const [parseMs] = phase(() => JSON.parse(text));
  const [cfgMs, cfg] = phase(() => core.parseConfig(imageConfig));
  const [tasksMs, doc] = phase(() => core.parseTasks(text));
  const [valMs] = phase(() => core.validate(cfg, doc));
  console.log(`\nin-process (pretty-printed): JSON.parse ${parseMs.toFixed(0)} ms; parseTasks (JSON.parse + position index) ${tasksMs.toFixed(0)} ms; validate ${valMs.toFixed(0)} ms; config ${cfgMs.toFixed(1)} ms`);
}
