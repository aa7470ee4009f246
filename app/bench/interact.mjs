// npm run bench:interact — how long one interaction takes on N predicted rectangles (rectTask of
// ../shared/bench/lsf-anchor/gen.mjs, default 10,000) on a 1600x1200 image: a selection click on the
// canvas, a selection from the Regions list, a wheel-zoom step, a drag-pan step. Each figure is the time
// from the input event until the frame after it has been drawn (rAF + a task), measured in the page.
// Usage: node app/bench/interact.mjs [N]      (PRELABEL_BENCH_PORT, default 4342, serves the built app;
// PRELABEL_BENCH_DIST=DIR measures an app built before instead of building this checkout)
import { gen, launch, serveApp } from './browser.mjs';

const { imageConfig, rectTask } = gen;
const N = Number(process.argv[2] ?? 10000);
const { server, base } = await serveApp('interact', {}, Number(process.env.PRELABEL_BENCH_PORT ?? 4342));

const task = rectTask(N, '/img.png');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
// Every input event of the kinds timed records when it came in; `frameAfter` resolves once the frame after
// it has run its animation-frame callbacks (Konva draws there) and a task has followed.
await page.addInitScript(() => {
  window.__t = [];
  const mark = () => {
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__t.push(performance.now() - t0), 0));
  };
  for (const type of ['pointerup', 'wheel']) window.addEventListener(type, mark, { capture: true, passive: true });
  window.addEventListener('pointermove', (e) => e.buttons && mark(), { capture: true, passive: true });
});
await page.goto(`${base}/`);
await page.getByText('2 regions').waitFor();
await page.evaluate(
  ({ config, tasks }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([config], 'config.xml', { type: 'text/xml' }));
    dt.items.add(new File([tasks], 'tasks.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  },
  { config: imageConfig, tasks: JSON.stringify([task]) },
);
await page.waitForFunction((n) => document.querySelector('[data-testid="canvas-image"]')?.getAttribute('data-regions-drawn') === String(n) && document.querySelector('[data-testid="canvas-image"]')?.getAttribute('data-image-status') === 'loaded', N, { timeout: 600000 });
await page.waitForTimeout(1500);

/** Screen point of image pixel (x, y), as e2e/helpers.ts screenPoint. */
const screen = (x, y) =>
  page.evaluate(
    ({ x, y }) => {
      const box = document.querySelector('[data-testid="canvas-image"]');
      const view = JSON.parse(box.dataset.view);
      const r = box.getBoundingClientRect();
      return { x: r.left + view.x + x * view.scale, y: r.top + view.y + y * view.scale };
    },
    { x, y },
  );
/** The figures of the last `n` timed events, once all have come in. */
const take = async (n) => {
  await page.waitForFunction((n) => window.__t.length >= n, n, { timeout: 60000 });
  await page.waitForTimeout(50);
  return page.evaluate(() => window.__t.splice(0));
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length})`;
const centre = (i) => {
  const v = task.predictions[0].result[i].value;
  return [((v.x + v.width / 2) / 100) * 1600, ((v.y + v.height / 2) / 100) * 1200];
};

// Selection clicks on the canvas, alternating between two regions (the topmost one under the point is hit).
const clicks = [];
// (timed from pointerup: Konva selects on it, and the list on the click that follows it)
for (let k = 0; k < 10; k++) {
  const p = await screen(...centre(k % 2 ? N - 1 : Math.floor(N / 2)));
  await page.mouse.click(p.x, p.y);
  clicks.push(...(await take(1)));
  await page.waitForTimeout(200);
}
// Selection from the Regions list (the row's own click).
const listClicks = [];
for (let k = 0; k < 6; k++) {
  const rows = page.getByRole('list', { name: 'Regions' }).getByRole('listitem');
  const row = rows.nth(k + 2);
  await row.click({ position: { x: 20, y: 8 } });
  listClicks.push(...(await take(1)));
  await page.waitForTimeout(200);
}
// Wheel zoom at the centre of the canvas: 8 steps in, 8 out; the first step of a gesture is kept apart.
const c = await screen(800, 600);
await page.mouse.move(c.x, c.y);
const wheel = [];
for (const dy of [-120, 120]) {
  for (let k = 0; k < 8; k++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(40);
  }
  wheel.push(await take(8));
  await page.waitForTimeout(800);
}
// Drag pan: press on the canvas and move in 12 steps.
const pan = [];
await page.mouse.move(c.x, c.y);
await page.mouse.down();
for (let k = 1; k <= 12; k++) {
  await page.mouse.move(c.x + k * 10, c.y + k * 5);
  await page.waitForTimeout(30);
}
pan.push(...(await take(12)).slice(1));
await page.mouse.up();
await take(1);

const firsts = wheel.map((w) => w[0]);
const rest = wheel.flatMap((w) => w.slice(1));
console.log(`prelabel bench:interact — ${N} rectangles on a 1600x1200 image; input event to the frame after it`);
console.log(`select on canvas:    ${fmt(clicks)}`);
console.log(`select in the list:  ${fmt(listClicks)}`);
console.log(`wheel zoom, 1st step: ${firsts.map((x) => x.toFixed(1)).join(', ')} ms; later steps ${fmt(rest)}`);
console.log(`drag pan step:       ${fmt(pan)}`);
await browser.close();
server.close();
