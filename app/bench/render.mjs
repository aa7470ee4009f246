// npm run bench:render — N predicted rectangles (rectTask of ../shared/bench/lsf-anchor/gen.mjs) on a
// 1600x1200 image: time from handing the files to prelabel until the page is idle (no long task for
// 500 ms), next to the Label Studio editor's figure on the same input, measured in the same run.
// Usage: node app/bench/render.mjs [N ...]   (default 1000 10000; Label Studio runs at 1000 only unless LSF_ALL=1)
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = process.env.PRELABEL_SHARED ?? path.resolve(root, '../shared');
const anchorSrc = path.join(shared, 'bench/lsf-anchor');
const { png, imageConfig, rectTask } = await import(pathToFileURL(path.join(anchorSrc, 'gen.mjs')).href);
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const Ns = sizes.length ? sizes : [1000, 10000];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

// Build the app once, serve it with the image beside it.
const out = mkdtempSync(path.join(tmpdir(), 'prelabel-bench-render-'));
execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const image = png(1600, 1200);
const types = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  if (url === '/img.png') {
    res.setHeader('content-type', 'image/png');
    return res.end(image);
  }
  const file = path.join(out, url === '/' ? 'index.html' : url);
  if (file.startsWith(out) && existsSync(file) && statSync(file).isFile()) {
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    return res.end(readFileSync(file));
  }
  res.statusCode = 404;
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

async function prelabel(n) {
  const browser = await chromium.launch({ executablePath, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base);
  await page.getByText('2 regions').waitFor();
  await page.waitForTimeout(1000);
  const tasks = JSON.stringify([rectTask(n, '/img.png')]);
  // Hand the files over as a drop, timing from inside the page.
  await page.evaluate(
    ({ config, tasks }) => {
      window.__longtasks.length = 0;
      const dt = new DataTransfer();
      dt.items.add(new File([config], 'config.xml', { type: 'text/xml' }));
      dt.items.add(new File([tasks], 'tasks.json', { type: 'application/json' }));
      window.__t0 = performance.now();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { config: imageConfig, tasks },
  );
  await page.waitForFunction((n) => document.querySelector('[data-testid="canvas-image"]')?.getAttribute('data-regions-drawn') === String(n) && document.querySelector('[data-testid="canvas-image"]')?.getAttribute('data-image-status') === 'loaded', n, { timeout: 600000 });
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  const quiet = await page.evaluate(async () => {
    const end = () => window.__longtasks.reduce((m, [s, d]) => Math.max(m, s + d), window.__t0);
    for (;;) {
      const last = end();
      await new Promise((r) => setTimeout(r, 500));
      if (end() === last && performance.now() - last >= 500) return { quiet: last - window.__t0, lt: window.__longtasks.reduce((a, [, d]) => a + d, 0) };
    }
  });
  const listed = await page.getByText(`${n.toLocaleString('en').replace(/,/g, '')} regions`).count();
  await page.screenshot({ path: path.join(tmpdir(), `prelabel-render-${n}.png`) });
  await browser.close();
  return { tool: 'prelabel', n, shown_ms: Math.round(shown), quiet_ms: Math.round(Math.max(quiet.quiet, shown)), longtask_ms: Math.round(quiet.lt), listed: listed > 0 };
}

function labelStudio(n) {
  const dir = path.join(tmpdir(), 'prelabel-lsf-anchor');
  if (!existsSync(path.join(dir, 'node_modules/@heartexlabs/label-studio'))) {
    cpSync(anchorSrc, dir, { recursive: true });
    execSync('chmod -R u+w . && npm install --ignore-scripts --no-audit --no-fund', { cwd: dir, stdio: 'ignore' });
  }
  const line = execFileSync('node', ['run.mjs', 'rect', String(n)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').at(-1);
  return JSON.parse(line);
}

console.log(`prelabel bench:render — predicted rectangles on a 1600x1200 image, time from handing over the files until the page is idle (500 ms without a long task)`);
const rows = [];
for (const n of Ns) {
  const p = await prelabel(n);
  const ls = n <= 1000 || process.env.LSF_ALL ? labelStudio(n) : null;
  rows.push({ n, p, ls });
  console.log(
    `N=${String(n).padStart(6)}  prelabel: all drawn ${String(p.shown_ms).padStart(6)} ms, idle ${String(p.quiet_ms).padStart(6)} ms (long tasks ${p.longtask_ms} ms)` +
      (ls ? `   Label Studio 1.4: idle ${ls.quiet_ms} ms (long tasks ${ls.longtask_ms} ms)   ratio ${(ls.quiet_ms / p.quiet_ms).toFixed(1)}x` : '   Label Studio: not run at this size (LSF_ALL=1 runs it)'),
  );
}
const ls1000 = rows.find((r) => r.n === 1000)?.ls;
const p10k = rows.find((r) => r.n === 10000)?.p;
if (ls1000) console.log(`target 1: at 1,000 boxes at least 20x faster than Label Studio: ${(ls1000.quiet_ms / rows.find((r) => r.n === 1000).p.quiet_ms).toFixed(1)}x`);
if (ls1000 && p10k) console.log(`target 2: 10,000 boxes settle (${p10k.quiet_ms} ms) faster than Label Studio settles 1,000 (${ls1000.quiet_ms} ms): ${p10k.quiet_ms < ls1000.quiet_ms ? 'yes' : 'no'}`);
server.close();
