// npm run bench:edit — editing many boxes as a person does, in the built app in Chromium: per action, how long
// the main thread stays blocked, and the JS heap before and after 100 nudges.
// Usage: node app/bench/edit.mjs [10k] [2000x20] [100k] [--cap=SECONDS] [--actions=ID,...]   (default: all three files, every action, cap 60 s)
//
// An action's figure: from the action's first input event (its timeStamp; modifier keys aside) to the end of
// the last long task ending after it (or of a stretch where the bench's own 50 ms timer could not run), or to
// the end of the event's own task when there is none; measured once the page has gone 500 ms without one and
// is not checking (files over 2 MB are checked in a worker: the moment its results are in counts as busy) and
// has painted every region (over 20,000 regions are painted a slice per frame, which blocks no frame: the
// moment the last slice is done is printed beside the figure, "[all regions painted at ...]").
// Open: from the file input's change event until that idle, with the expected "N regions" in the Regions heading. An action still blocking after the cap is printed as
// "> cap"; the page is then thrown away and the file opened again for the next action.
// Controls are found by the accessible names and keys a person uses (see e2e/ and app/ui/shortcuts.tsx).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gen, launch, serveApp } from './browser.mjs';

const argv = process.argv.slice(2);
const CAP = 1000 * Number(argv.find((a) => a.startsWith('--cap='))?.slice(6) ?? process.env.BENCH_CAP_S ?? 60);
/** How long a page thrown away after a cap may take to open the file again, unmeasured. */
const REOPEN = Math.max(CAP, 300000);
const QUIET = 500;
const NUDGES = 100;
/** `--actions=select,nudge`: only these after the open (ids: select nudge undo relabel delete heap fixAll lock hide); `--actions=` opens only. */
const ONLY = argv.find((a) => a.startsWith('--actions='))?.slice(10).split(',').filter(Boolean) ?? null;

const stale = (i) => (i % 19) + 1; // never r0, the region the bench selects first
const FILES = {
  '10k': { title: '1 task x 10,000 boxes', tasks: () => [gen.rectTask(10000, '/img.png')], regions: 10000, open: 1500, action: 100, bulk: 1000 },
  '2000x20': {
    title: '2,000 tasks x 20 boxes, one stale from_name ("labelz") per task',
    tasks: () =>
      Array.from({ length: 2000 }, (_, i) => {
        const t = gen.rectTask(20, '/img.png');
        t.id = i + 1;
        t.predictions[0].result[stale(i)].from_name = 'labelz';
        return t;
      }),
    regions: 20,
    open: 1500,
    action: 100,
    bulk: 1000,
    fixAll: 2000,
  },
  '100k': { title: '1 task x 100,000 boxes', tasks: () => [gen.rectTask(100000, '/img.png')], regions: 100000, open: 3000, action: 250, bulk: 3000, heapTarget: 50 },
};
const chosen = argv.filter((a) => !a.startsWith('--'));
for (const c of chosen) if (!FILES[c]) throw new Error(`unknown file "${c}": choose from ${Object.keys(FILES).join(', ')}`);
const names = chosen.length ? chosen : Object.keys(FILES);

// Installed before the app's own scripts: the long-task record, and the two halves of a measurement.
function pageProbe() {
  window.__lt = [];
  const record = (entries) => {
    for (const e of entries) window.__lt.push([e.startTime, e.duration]);
  };
  const observer = new PerformanceObserver((l) => record(l.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  // The observer's callback can come after a timer that waited behind the long task: take pending entries first.
  window.__takeLongTasks = () => record(observer.takeRecords());
  // The first of `types` seen on the window (capture phase) starts the action; a message posted from
  // there arrives after the event's own task, which ends its synchronous part.
  window.__arm = (types) => {
    const act = (window.__act = { armed: performance.now(), t0: null, syncEnd: null });
    const on = (e) => {
      // Ctrl+Z starts with the Control key's own keydown, which the app ignores: the action is the Z.
      if (window.__act !== act || act.t0 !== null || ['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
      const now = performance.now();
      act.t0 = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        act.syncEnd = performance.now();
        ch.port1.close();
      };
      ch.port2.postMessage(0);
      for (const t of types) window.removeEventListener(t, on, true);
    };
    for (const t of types) window.addEventListener(t, on, true);
  };
  // Resolves once the page has gone `quiet` ms without a long task, is not checking, and `until` matches a heading.
  window.__settle = async ({ quiet, cap, until, needFire }) => {
    const act = window.__act;
    const re = until ? new RegExp(until) : null;
    let seenAt = re ? null : -Infinity;
    // The worker's checks (files over 2 MB) end with their results installed on the main thread: an action is
    // settled once the app no longer says it is checking, and that moment counts as busy.
    const checking = () => document.querySelector('.app')?.getAttribute('data-checking') === 'yes';
    let wasChecking = false;
    let checkedAt = null;
    // A whole paint of many regions goes a slice per frame (not blocking): when its last slice is done is told too.
    let wasPainting = false;
    let paintedAt = null;
    // A poll that comes late means the main thread was busy until then, long task entry or not.
    const busy = [];
    let due = null;
    for (;;) {
      const t0 = act.t0 ?? act.armed;
      const now = performance.now();
      window.__takeLongTasks();
      if (due !== null && now - due > 250) busy.push([due, now - due]);
      if (checking()) wasChecking = true;
      else if (wasChecking && checkedAt === null) checkedAt = now;
      if (document.querySelector('canvas[data-painting]')) wasPainting = true;
      else if (wasPainting && paintedAt === null) paintedAt = now;
      if (seenAt === null && [...document.querySelectorAll('h1, h2, h3, [role="heading"]')].some((h) => re.test(h.textContent))) seenAt = now;
      const tasks = window.__lt.filter(([s, d]) => s + d > t0);
      const late = busy.filter(([s, d]) => s + d > t0);
      const last = Math.max(t0, act.syncEnd ?? t0, seenAt ?? t0, checkedAt ?? t0, ...tasks.map(([s, d]) => s + d), ...late.map(([s, d]) => s + d));
      if (window.__act !== act) return { error: 'abandoned' };
      const synced = act.t0 === null ? !needFire : act.syncEnd !== null;
      const painting = wasPainting && paintedAt === null;
      if (seenAt !== null && synced && !checking() && !painting && now - last >= quiet)
        return { ms: last - t0, fired: act.t0 !== null, longtasks: tasks.length, longtaskMs: tasks.reduce((a, [, d]) => a + d, 0), paintedMs: paintedAt === null ? null : paintedAt - t0 };
      if (now - t0 > cap) return { capped: true, ms: now - t0, fired: act.t0 !== null, seen: seenAt !== null };
      due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

const TIMEOUT = Symbol('timeout');
function within(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(() => r(TIMEOUT), ms)))]).finally(() => clearTimeout(timer));
}
/** When the regions were all on the canvas, for a paint that went a slice per frame (it blocks no frame). */
const painted = (r) => (typeof r.paintedMs === 'number' ? `[all regions painted at ${fmt(r.paintedMs)}] ` : '');
const firstLine = (e) => String(e?.message ?? e).split('\n')[0].slice(0, 120);

const { server, base } = await serveApp('edit');
const inputs = mkdtempSync(path.join(tmpdir(), 'prelabel-bench-edit-in-'));
const configPath = path.join(inputs, 'config.xml');
writeFileSync(configPath, gen.imageConfig);

/** Arms, runs `act` (without waiting for it alone: a frozen page holds a key press until it is handled), settles. */
async function measure(s, types, act, { until, cap = CAP } = {}) {
  const { page } = s;
  await page.evaluate((t) => window.__arm(t), types);
  const settled = page.evaluate((o) => window.__settle(o), { quiet: QUIET, cap, until, needFire: types.length > 0 }).catch((e) => ({ error: firstLine(e) }));
  // An action that fails before its first event (a control not found) ends the wait at once.
  const failed = act().then(
    () => new Promise(() => {}),
    (e) => ({ error: firstLine(e), notFound: true }),
  );
  const r = await within(Promise.race([settled, failed]), cap + 15000);
  if (r === TIMEOUT) return { capped: true, frozen: true };
  if (r.notFound) await within(page.evaluate(() => (window.__act = null)), 5000);
  return r;
}

const idle = (s, cap = CAP) => measure(s, [], async () => {}, { cap });

async function openFile(file, tasksPath, measured) {
  const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const s = { browser, page, selected: false, edited: false, crashed: false };
  page.on('crash', () => (s.crashed = true));
  page.setDefaultTimeout(10000);
  await page.addInitScript(pageProbe);
  await page.goto(base);
  await page.getByRole('list', { name: 'Regions' }).getByRole('listitem').first().waitFor({ timeout: 30000 });
  await idle(s);
  const input = page.getByLabel('Open files');
  const r = await measure(s, ['input', 'change'], () => input.setInputFiles([configPath, tasksPath]), {
    until: `(^|\\D)${file.regions} regions?\\b`,
    cap: measured ? CAP : REOPEN,
  });
  if (r.capped && measured) {
    // Let it finish (unmeasured) so the actions start on an idle page.
    const more = await within(idle(s, REOPEN), REOPEN + 15000);
    if (more === TIMEOUT || more.capped) r.unusable = true;
  }
  if (r.error || (!measured && r.capped)) r.unusable = true;
  return { s, r };
}

const regionsList = (page) => page.getByRole('list', { name: 'Regions' }).getByRole('listitem');
const bulkButton = (page, name) =>
  page
    .getByRole('button', { name: new RegExp(`^${name} all( regions)?$`) })
    .or(page.getByRole('group', { name: 'Flags for many regions' }).getByRole('button', { name, exact: true }))
    .first();
const fixAllButton = (page) => page.getByRole('list', { name: 'Problems' }).getByRole('button', { name: /^Fix all \d+ like this$/ }).first();
const keys = ['keydown'];
const clicks = ['pointerdown', 'mousedown', 'click'];

// Each action: what it needs first (done unmeasured), what a person does, and which target applies.
const ACTIONS = [
  { id: 'select', what: 'select (click a row in Regions)', target: 'action', needs: 'nothing', types: clicks, control: (p) => regionsList(p).first(), after: (s) => (s.selected = true) },
  { id: 'nudge', what: 'nudge (ArrowRight)', target: 'action', needs: 'selected', types: keys, act: (p) => p.keyboard.press('ArrowRight'), after: (s) => (s.edited = true) },
  { id: 'undo', what: 'undo (Ctrl+Z)', target: 'action', needs: 'edited', types: keys, act: (p) => p.keyboard.press('Control+z'), after: (s) => (s.edited = false) },
  {
    id: 'relabel',
    what: 'relabel (number key)',
    target: 'action',
    needs: 'selected',
    types: keys,
    // The other of the config's two labels: 1 Airplane, 2 Car.
    prepare: async (s) => (s.key = /Airplane/.test(await regionsList(s.page).first().textContent()) ? '2' : '1'),
    act: (p, s) => p.keyboard.press(s.key),
  },
  { id: 'delete', what: 'delete (Delete key)', target: 'action', needs: 'selected', types: keys, act: (p) => p.keyboard.press('Delete'), after: (s) => (s.selected = false) },
  { id: 'heap', what: `heap, ${NUDGES} nudges`, needs: 'selected' },
  { id: 'fixAll', what: 'Fix all N like this (Problems)', target: 'bulk', needs: 'nothing', only: 'fixAll', types: clicks, control: fixAllButton, prepare: async (s) => (s.fixName = await fixAllButton(s.page).textContent({ timeout: 5000 })) },
  { id: 'lock', what: 'Lock all regions', target: 'bulk', needs: 'nothing', types: clicks, control: (p) => bulkButton(p, 'Lock') },
  { id: 'hide', what: 'Hide all regions', target: 'bulk', needs: 'nothing', types: clicks, control: (p) => bulkButton(p, 'Hide') },
];

async function notice(page) {
  const texts = await within(page.getByRole('status').allTextContents(), 5000);
  return texts === TIMEOUT ? '' : texts.join(' | ').replace(/\s+/g, ' ').trim();
}

/** Gets the session into the state an action needs, unmeasured; false when that could not be done. */
async function prepare(s, a) {
  if (a.needs === 'selected' && !s.selected) {
    const r = await measure(s, clicks, () => regionsList(s.page).first().click({ timeout: 0 }));
    if (r.capped || r.error) return `selecting a region first: ${r.capped ? `> ${CAP / 1000} s` : r.error}`;
    s.selected = true;
  }
  if (a.needs === 'edited' && !s.edited) {
    if (!s.selected) {
      const p = await prepare(s, { needs: 'selected' });
      if (p !== true) return p;
    }
    const r = await measure(s, keys, () => s.page.keyboard.press('ArrowRight'));
    if (r.capped || r.error) return `nudging first: ${r.capped ? `> ${CAP / 1000} s` : r.error}`;
    s.edited = true;
  }
  if (a.control || a.prepare) {
    try {
      await a.control?.(s.page).waitFor({ state: 'visible', timeout: 5000 });
      await a.prepare?.(s);
    } catch (e) {
      return `control not found: ${firstLine(e)}`;
    }
  }
  return true;
}

async function usedHeap(page) {
  const v = await within(
    page.evaluate(async () => {
      for (let i = 0; i < 3; i++) {
        window.gc?.();
        await new Promise((r) => setTimeout(r, 100));
      }
      return performance.memory?.usedJSHeapSize ?? null;
    }),
    60000,
  );
  return v === TIMEOUT ? null : v;
}

async function heapRun(s) {
  const before = await usedHeap(s.page);
  const t = performance.now();
  let done = 0;
  let capped = false;
  for (; done < NUDGES; done++) {
    const left = CAP * 2 - (performance.now() - t);
    if (left <= 0 || (await within(s.page.keyboard.press('ArrowRight'), left)) === TIMEOUT) {
      capped = true;
      break;
    }
  }
  // When capped, the page may still answer once the nudge in flight is handled: then the heap after `done` nudges.
  const settled = s.crashed ? { error: 'crashed' } : await idle(s);
  const wall = performance.now() - t;
  const after = settled.capped || settled.error || s.crashed ? null : await usedHeap(s.page);
  return { before, after, done, wall, capped: capped || !!settled.capped, crashed: s.crashed };
}

const fmt = (ms) => (ms < 10000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const pad = (x, n) => String(x).padEnd(n);

console.log(`prelabel bench:edit — main thread blocked per action (to 500 ms without a long task), cap ${CAP / 1000} s per action; Chromium, 1600x1000`);
for (const name of names) {
  const file = FILES[name];
  const tasksPath = path.join(inputs, `${name}.json`);
  const text = JSON.stringify(file.tasks(), null, 2);
  writeFileSync(tasksPath, text);
  console.log(`\n${file.title}: ${name}.json ${mb(text.length)}, ${file.regions.toLocaleString('en')} regions shown`);
  console.log(`${pad('action', 34)}${pad('blocked', 11)}${pad('target', 12)}${pad('', 6)}the app said`);
  const row = (what, figure, target, verdict, said = '') => console.log(`${pad(what, 34)}${pad(figure, 11)}${pad(target, 12)}${pad(verdict, 6)}${said.slice(0, 110)}`);
  const capsHit = [];

  let { s, r } = await openFile(file, tasksPath, true);
  if (r.capped) capsHit.push('open');
  row('open (to interactive)', r.capped ? `> ${CAP / 1000} s` : r.error ? 'error' : fmt(r.ms), `<= ${fmt(file.open)}`, r.capped || r.error ? 'MISS' : r.ms <= file.open ? 'PASS' : 'MISS', r.error ?? painted(r));
  if (r.unusable) {
    console.log('  the file did not open in time: no actions measured');
    await s.browser.close();
    continue;
  }
  let heapLine = null;
  for (const a of ACTIONS) {
    if (a.only && !file[a.only]) continue;
    if (ONLY && !ONLY.includes(a.id)) continue;
    if (!s) {
      // The last page was thrown away after a cap: open the file again.
      ({ s, r } = await openFile(file, tasksPath, false));
      if (r.unusable) {
        row(a.what, 'not run', '', '', 'the file did not open again in time');
        await s.browser.close();
        s = null;
        continue;
      }
    }
    const ready = await prepare(s, a);
    if (ready !== true) {
      row(a.what, 'not run', '', '', ready);
      if (/> \d/.test(ready)) {
        await s.browser.close();
        s = null;
      }
      continue;
    }
    if (a.id === 'heap') {
      const h = await heapRun(s);
      const added = h.before !== null && h.after !== null ? h.after - h.before : null;
      const limit = (file.heapTarget ?? 0) * 1e6;
      const verdict = !file.heapTarget ? '' : added === null ? 'MISS (not measured)' : added >= limit ? 'MISS' : h.capped ? `not judged (${h.done} nudges only)` : 'PASS';
      heapLine = `heap (usedJSHeapSize after gc): before ${h.before === null ? '?' : mb(h.before)}, after ${h.done} nudge${h.done === 1 ? '' : 's'} ${h.after === null ? '?' : mb(h.after)}` + (added !== null ? ` (${added >= 0 ? '+' : ''}${mb(added)})` : '') + `; the nudges and the idle after them took ${fmt(h.wall)}` + (h.crashed ? '; THE PAGE CRASHED' : h.capped ? `; capped at ${(CAP * 2) / 1000} s of nudging` : '') + (file.heapTarget ? `; target: ${NUDGES} nudges add < ${file.heapTarget} MB: ${verdict}` : '');
      if (h.capped) capsHit.push(`${NUDGES} nudges (${h.done} done)`);
      if (h.after === null || h.crashed) {
        await s.browser.close();
        s = null;
      } else s.edited = true;
      continue;
    }
    const target = file[a.target];
    const what = a.id === 'fixAll' && s.fixName ? `${s.fixName.trim()} (Problems)` : a.what;
    // A control that is there is clicked without a time limit of its own: a frozen page holds the click until it is handled.
    const m = await measure(s, a.types, () => (a.control ? a.control(s.page).click({ timeout: 0 }) : a.act(s.page, s)));
    if (m.capped) {
      capsHit.push(what);
      row(what, `> ${CAP / 1000} s`, `<= ${fmt(target)}`, 'MISS', m.frozen ? 'the page did not answer until the cap' : 'still blocking at the cap');
      await s.browser.close();
      s = null;
      continue;
    }
    if (m.error) {
      row(what, 'not run', `<= ${fmt(target)}`, '', m.notFound ? `control not found / action failed: ${m.error}` : m.error);
      continue;
    }
    a.after?.(s);
    // Selecting says nothing in the status line: show whether the row took the selection.
    const sel = a.id === 'select' ? await within(a.control(s.page).getAttribute('aria-selected', { timeout: 5000 }), 6000).catch(() => null) : null;
    const said = a.id === 'select' ? `the row's aria-selected: ${typeof sel === 'string' ? sel : '?'}` : await notice(s.page);
    row(what, fmt(m.ms), `<= ${fmt(target)}`, m.ms <= target ? 'PASS' : 'MISS', `${painted(m)}${said}`);
  }
  if (heapLine) console.log(heapLine);
  if (capsHit.length) console.log(`capped: ${capsHit.join(', ')} (a page still blocking at a cap is thrown away and the file opened again)`);
  await s?.browser.close();
}
server.close();
