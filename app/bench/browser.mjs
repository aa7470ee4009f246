// What the browser benchmarks share: build the app into a temp folder, serve it (and the generated image, and
// any extra routes) on 127.0.0.1, and launch Chromium with the same flags as the Label Studio anchor.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const shared = process.env.PRELABEL_SHARED ?? path.resolve(root, '../shared');
export const anchorSrc = path.join(shared, 'bench/lsf-anchor');
/** The input generators both tools get: png, imageConfig, rectTask, textConfig, spanTask. */
export const gen = await import(pathToFileURL(path.join(anchorSrc, 'gen.mjs')).href);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const executablePath = process.env.PRELABEL_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

const types = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * Builds the app and serves it with /img.png (1600x1200, gen.png) beside it. `routes` maps a path prefix to
 * a handler (req, res, rest) for anything else the benchmark needs (the Label Studio editor, its input).
 * The port is PRELABEL_BENCH_PORT (default: any free one), so checkouts side by side can keep to their own ports.
 */
export async function serveApp(name, routes = {}, port = Number(process.env.PRELABEL_BENCH_PORT ?? 0)) {
  // PRELABEL_BENCH_DIST: an app built before (e.g. of an older commit, to compare) instead of this checkout.
  const out = process.env.PRELABEL_BENCH_DIST ?? mkdtempSync(path.join(tmpdir(), `prelabel-bench-${name}-`));
  if (!process.env.PRELABEL_BENCH_DIST) execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const image = gen.png(1600, 1200);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    if (url === '/img.png') {
      res.setHeader('content-type', 'image/png');
      return res.end(image);
    }
    for (const [prefix, handler] of Object.entries(routes)) if (url.startsWith(prefix)) return handler(req, res, url.slice(prefix.length));
    const file = path.join(out, url === '/' ? 'index.html' : url);
    if (file.startsWith(out) && existsSync(file) && statSync(file).isFile()) {
      res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      return res.end(readFileSync(file));
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { server, base: `http://127.0.0.1:${server.address().port}`, out };
}

/** Serves one file of `dir`, by the rest of the URL, confined to `dir`. */
export function serveFrom(dir) {
  return (req, res, rest) => {
    const file = path.join(dir, rest);
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
      res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      return res.end(readFileSync(file));
    }
    res.statusCode = 404;
    res.end();
  };
}
