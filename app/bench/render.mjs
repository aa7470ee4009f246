// npm run bench:render — N predicted rectangles (rectTask of ../shared/bench/lsf-anchor/gen.mjs) on a
// 1600x1200 image, and N NER spans (spanTask): time from handing the files to prelabel until the page is idle
// (no long task for 500 ms), next to the Label Studio editor's figure on the same input, measured in the same run.
// 'All drawn' is the end of the first frame that shows every region (its paint included).
// Usage: node app/bench/render.mjs [rect|span ...] [N ...] [--runs=R]
//   (default: rect and span; rect at 1000 and 10000, span at 1000; Label Studio runs at 1000 only unless
//   LSF_ALL=1; R runs of each, the median printed, default 1)
// The Label Studio figure is taken as ../shared/bench/lsf-anchor/run.mjs takes it (its page.html, its idle
// rule), but served from this script's server, so every port the bench opens is PRELABEL_BENCH_PORT.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorSrc, gen, launch, serveApp, serveFrom } from './browser.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
const kindsArg = argv.filter((a) => a === 'rect' || a === 'span');
const sizes = argv.map(Number).filter(Boolean);
const kinds = kindsArg.length ? kindsArg : ['rect', 'span'];
const Ns = { rect: sizes.length ? sizes : [1000, 10000], span: sizes.length ? sizes : [1000] };
const input = (kind, n) => (kind === 'rect' ? { config: gen.imageConfig, task: gen.rectTask(n, '/img.png') } : { config: gen.textConfig, task: gen.spanTask(n) });

// The Label Studio editor bundle, installed from the anchor's package.json into a temp folder on first use.
const lsfDir = path.join(tmpdir(), 'prelabel-lsf-anchor');
const lsfBuild = path.join(lsfDir, 'node_modules/@heartexlabs/label-studio/build/static');
let lsfInput = null;
const { server, base } = await serveApp('render', {
  '/lsf.html': (req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(readFileSync(path.join(anchorSrc, 'page.html')));
  },
  '/input.json': (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(lsfInput));
  },
  '/lsf/': serveFrom(lsfBuild),
});

const idleScript = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
};
/** In the page: wait until no long task has ended for 500 ms; times from `from`. */
const quietFrom = (from) =>
  new Promise((resolve) => {
    const end = () => window.__longtasks.reduce((m, [s, d]) => Math.max(m, s + d), window[from]);
    const poll = () => {
      const last = end();
      setTimeout(() => (end() === last && performance.now() - last >= 500 ? resolve({ quiet: last - window.__t0, lt: window.__longtasks.reduce((a, [, d]) => a + d, 0) }) : poll()), 500);
    };
    poll();
  });

async function prelabel(kind, n) {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(idleScript);
  await page.goto(base);
  await page.getByText('2 regions').waitFor();
  await page.waitForTimeout(1000);
  const { config, task } = input(kind, n);
  // Hand the files over as a drop, timing from inside the page.
  await page.evaluate(
    ({ config, tasks, configName }) => {
      window.__longtasks.length = 0;
      const dt = new DataTransfer();
      dt.items.add(new File([config], configName, { type: 'text/xml' }));
      dt.items.add(new File([tasks], 'tasks.json', { type: 'application/json' }));
      window.__t0 = performance.now();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { config, tasks: JSON.stringify([task]), configName: `${kind}.xml` },
  );
  // All drawn: every box on the loaded image, or every span marked in the text (the spans do not overlap),
  // and the frame that shows them painted. The check runs in each animation frame; the time is taken in the
  // page, in the first task after that frame (its paint done), not when this script next hears of it.
  await page.waitForFunction(
    ({ kind, n }) => {
      const c = document.querySelector('[data-testid="canvas-image"]');
      const drawn = kind === 'span' ? document.querySelectorAll('mark[data-span]').length === n : c?.getAttribute('data-regions-drawn') === String(n) && c?.getAttribute('data-image-status') === 'loaded' && !c.querySelector('canvas[data-painting]');
      if (drawn && window.__shown === undefined) {
        window.__shown = null;
        setTimeout(() => (window.__shown = performance.now()));
      }
      return typeof window.__shown === 'number';
    },
    { kind, n },
    { timeout: 600000 },
  );
  const shown = await page.evaluate(() => window.__shown - window.__t0);
  const quiet = await page.evaluate(quietFrom, '__t0');
  const listed = await page.getByText(`${n} regions`, { exact: true }).count();
  await page.screenshot({ path: path.join(tmpdir(), `prelabel-render-${kind}-${n}.png`) });
  await browser.close();
  return { shown_ms: Math.round(shown), quiet_ms: Math.round(Math.max(quiet.quiet, shown)), longtask_ms: Math.round(quiet.lt), listed: listed > 0 };
}

async function labelStudio(kind, n) {
  if (!existsSync(lsfBuild)) {
    cpSync(anchorSrc, lsfDir, { recursive: true });
    execSync('chmod -R u+w . && npm install --ignore-scripts --no-audit --no-fund', { cwd: lsfDir, stdio: 'ignore' });
  }
  lsfInput = input(kind, n);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${base}/lsf.html`);
  await page.evaluate(() => window.__start());
  await page.waitForFunction(() => window.__loaded !== null, null, { timeout: 600000 });
  const quiet = await page.evaluate(quietFrom, '__loaded');
  await page.screenshot({ path: path.join(tmpdir(), `prelabel-render-lsf-${kind}-${n}.png`) });
  await browser.close();
  return { quiet_ms: Math.round(quiet.quiet), longtask_ms: Math.round(quiet.lt) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function runs(fn) {
  const all = [];
  for (let i = 0; i < RUNS; i++) all.push(await fn());
  const m = median(all.map((r) => r.quiet_ms));
  return { ...all.find((r) => r.quiet_ms === m), all: all.map((r) => r.quiet_ms) };
}
const what = { rect: 'boxes', span: 'NER spans' };
const seen = (r) => (RUNS > 1 ? ` [runs: ${r.all.join(', ')}]` : '');

console.log(`prelabel bench:render — predicted rectangles on a 1600x1200 image and NER spans in a text: time from handing over the files until the page is idle (500 ms without a long task)${RUNS > 1 ? `; median of ${RUNS} runs` : ''}`);
const rows = [];
for (const kind of kinds) {
  for (const n of Ns[kind]) {
    const p = await runs(() => prelabel(kind, n));
    const ls = n <= 1000 || process.env.LSF_ALL ? await runs(() => labelStudio(kind, n)) : null;
    rows.push({ kind, n, p, ls });
    console.log(
      `${what[kind].padEnd(9)} N=${String(n).padStart(6)}  prelabel: all drawn ${String(p.shown_ms).padStart(6)} ms, idle ${String(p.quiet_ms).padStart(6)} ms (long tasks ${p.longtask_ms} ms)${p.listed ? '' : ' [region count not shown]'}${seen(p)}` +
        (ls ? `   Label Studio 1.4: idle ${ls.quiet_ms} ms (long tasks ${ls.longtask_ms} ms)${seen(ls)}   ratio ${(ls.quiet_ms / p.quiet_ms).toFixed(1)}x` : '   Label Studio: not run at this size (LSF_ALL=1 runs it)'),
    );
  }
}
for (const kind of kinds) {
  const r = rows.find((x) => x.kind === kind && x.n === 1000 && x.ls);
  if (r) console.log(`target: 1,000 ${what[kind]} at least 50x faster than Label Studio: ${(r.ls.quiet_ms / r.p.quiet_ms).toFixed(1)}x — ${r.ls.quiet_ms / r.p.quiet_ms >= 50 ? 'PASS' : 'MISS'}`);
}
const ls1000 = rows.find((r) => r.kind === 'rect' && r.n === 1000)?.ls;
const p10k = rows.find((r) => r.kind === 'rect' && r.n === 10000)?.p;
if (ls1000 && p10k) console.log(`10,000 boxes settle (${p10k.quiet_ms} ms) faster than Label Studio settles 1,000 (${ls1000.quiet_ms} ms): ${p10k.quiet_ms < ls1000.quiet_ms ? 'yes' : 'no'}`);
server.close();
