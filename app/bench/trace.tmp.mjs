// Developer tool, not a benchmark: opens a generated file in the built app (unminified) and writes a CPU profile
// of one action, then prints the functions with the most self time and the heaviest call paths.
// Usage: node app/bench/profile.mjs <regions> <select|nudge|undo|delete|lock|open> [out.cpuprofile]
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { gen, launch, serveApp, root } from '/work/main/app/bench/browser.mjs';

const [n = '100000', action = 'select', outFile] = process.argv.slice(2);
// "2000x20": 2,000 tasks of 20 boxes; a number: one task of that many boxes.
const [nt, nr] = n.includes('x') ? n.split('x').map(Number) : [1, Number(n)];
const dist = process.env.PRELABEL_BENCH_DIST ?? mkdtempSync(path.join(tmpdir(), 'prelabel-prof-'));
if (!process.env.PRELABEL_BENCH_DIST) execFileSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.env.PRELABEL_BENCH_DIST = dist;
const dir = mkdtempSync(path.join(tmpdir(), 'prelabel-prof-in-'));
const tasksPath = path.join(dir, `${n}.json`);
writeFileSync(tasksPath, JSON.stringify(Array.from({ length: nt }, (_, i) => ({ ...gen.rectTask(nr, '/img.png'), id: i + 1 })), null, 2));
const configPath = path.join(dir, 'config.xml');
writeFileSync(configPath, gen.imageConfig);
const { server, base } = await serveApp('prof');
const browser = await launch(['--js-flags=--expose-gc']);
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(base);
const rows = page.getByRole('list', { name: 'Regions' }).getByRole('listitem');
await rows.first().waitFor({ timeout: 30000 });
const cdp = await page.context().newCDPSession(page);


const idle = () => page.evaluate(() => new Promise((res) => { let last = performance.now(); const tick = () => { const now = performance.now(); if (now - last > 60) { last = now; setTimeout(tick, 50); return; } if (now - (window.__q ??= now) > 800) { window.__q = undefined; res(); return; } last = now; setTimeout(tick, 50); }; setTimeout(tick, 50); }));
if (action === 'open') await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.getByLabel('Open files').setInputFiles([configPath, tasksPath]);
await page.getByText(new RegExp(`(^|\\D)${nr.toLocaleString('en-US')} regions|(^|\\D)${nr} regions`)).first().waitFor({ timeout: 120000 }).catch(() => {});
await page.locator('.app[data-checking="no"]').waitFor({ timeout: 120000 });
await idle();
if (action !== 'open') {
  if (action !== 'select' && action !== 'lock') { await rows.first().click(); await idle(); }
  if (action === 'undo') { await page.keyboard.press('ArrowRight'); await idle(); }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const t0 = Date.now();
  if (action === 'select') await rows.first().click();
  if (action === 'nudge') await page.keyboard.press('ArrowRight');
  if (action === 'undo') await page.keyboard.press('Control+z');
  if (action === 'delete') await page.keyboard.press('Delete');
  if (action === 'relabel') await page.keyboard.press('1');
  if (action === 'lock') await page.getByRole('button', { name: /^Lock all( regions)?$/ }).or(page.getByRole('group', { name: 'Flags for many regions' }).getByRole('button', { name: 'Lock', exact: true })).first().click();
  await idle();
  console.log(`${action}: ${Date.now() - t0} ms to idle (incl. 800 ms quiet)`);
}
const buf = await browser.stopTracing(); writeFileSync(outFile, buf); const profile = { nodes: [], samples: [], timeDeltas: [] };

const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const selfT = new Map(); const incl = new Map();
const name = (x) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber + 1}`;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let id = profile.samples[i]; const x = byId.get(id);
  selfT.set(name(x), (selfT.get(name(x)) ?? 0) + dt);
  const seen = new Set();
  while (id !== undefined) { const k = name(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } id = parent.get(id); }
}
const top = (m, k) => [...m].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(root)') && !key.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, k);
console.log('-- self ms'); for (const [k, t] of top(selfT, 30)) console.log(t.toFixed(0).padStart(7), k);
console.log('-- inclusive ms'); for (const [k, t] of top(incl, 45)) console.log(t.toFixed(0).padStart(7), k);
await browser.close(); server.close();
