// npm run bench:bundle — builds the app and prints the JavaScript of the first screen (the entry chunk and
// every chunk it imports statically, which the browser loads before the first paint) and of the chunks
// loaded on demand, raw and gzip. Fails when the first screen is over its budget.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger } from 'vite';

/** The issue's budget for the first screen, gzip, in kB of 1,000 bytes as `vite build` prints them. */
const BUDGET_KB = 300;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = mkdtempSync(path.join(tmpdir(), 'prelabel-bundle-'));
// Vite's own gzip figures (what `npm run build` prints), read from its report; zlib's where one is missing.
const reported = new Map();
const logger = createLogger('warn');
logger.info = (msg) => {
  for (const m of String(msg).matchAll(/(assets\/\S+\.js)\s+[\d,.]+ kB │ gzip:\s+([\d,.]+) kB/g)) reported.set(m[1], Math.round(Number(m[2].replace(/,/g, '')) * 1000));
};
try {
  await build({ root, customLogger: logger, build: { outDir, emptyOutDir: true, manifest: 'manifest.json', chunkSizeWarningLimit: 1000 } });
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  // The first screen: the entry and its static imports, transitively.
  const first = new Set();
  const visit = (key) => {
    if (first.has(key)) return;
    first.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  visit(entry);
  const size = (key) => {
    const bytes = readFileSync(path.join(outDir, manifest[key].file));
    return { raw: bytes.length, gzip: reported.get(manifest[key].file) ?? gzipSync(bytes).length };
  };
  const kb = (n) => (n / 1000).toFixed(2).padStart(9);
  const rows = (keys) => {
    let raw = 0;
    let gzip = 0;
    for (const key of keys) {
      const s = size(key);
      raw += s.raw;
      gzip += s.gzip;
      console.log(`  ${kb(s.raw)} kB ${kb(s.gzip)} kB gzip  ${manifest[key].file}${manifest[key].src ? `  (${manifest[key].src})` : ''}`);
    }
    return { raw, gzip };
  };
  const js = Object.keys(manifest).filter((k) => manifest[k].file.endsWith('.js'));
  console.log('First screen (entry and its static imports):');
  const a = rows(js.filter((k) => first.has(k)));
  console.log('On demand (dynamic imports):');
  const b = rows(js.filter((k) => !first.has(k)).sort((x, y) => size(y).raw - size(x).raw));
  console.log(`first screen ${kb(a.raw).trim()} kB, gzip ${kb(a.gzip).trim()} kB (budget ${BUDGET_KB} kB gzip)`);
  console.log(`all JavaScript ${kb(a.raw + b.raw).trim()} kB, gzip ${kb(a.gzip + b.gzip).trim()} kB`);
  if (a.gzip > BUDGET_KB * 1000) {
    console.error(`The first screen is ${kb(a.gzip - BUDGET_KB * 1000).trim()} kB gzip over its budget: load what it does not need with import() (see app/ui/deferred.tsx).`);
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
