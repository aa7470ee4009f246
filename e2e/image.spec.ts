// A task's image: requested as soon as the opened file is read (not once the page has drawn the task), and
// shown as an <img> under the canvas layers, placed by the view and moving with a pan as it happens, as
// Label Studio shows it.
import { expect, test, type Page } from '@playwright/test';
import { openApp, openFiles, screenPoint, regionRow } from './helpers';

const CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car" background="blue"/></RectangleLabels>
</View>`;

const box = (id: string, x: number, y: number) => ({ id, type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 600, original_height: 403, value: { x, y, width: 10, height: 10, rotation: 0, rectanglelabels: ['Car'] } });

function tasks(image: string) {
  return JSON.stringify([{ data: { image }, predictions: [{ result: [box('a', 10, 10), box('b', 50, 50), box('c', 80, 20)] }] }]);
}

/** Every image source the page sets, with how many regions the canvas showed at that moment. */
async function watchImageRequests(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { imageRequests: { src: string; drawn: string | null }[] };
    w.imageRequests = [];
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...src,
      set(value: string) {
        w.imageRequests.push({ src: String(value), drawn: document.querySelector('[data-testid="canvas-image"]')?.getAttribute('data-regions-drawn') ?? null });
        src.set!.call(this, value);
      },
    });
  });
}

test('the image of the task shown first is requested before the page draws the task', async ({ page }) => {
  await openApp(page);
  await watchImageRequests(page);
  await openFiles(page, [
    { name: 'boxes.xml', text: CONFIG },
    { name: 'boxes.json', text: tasks('/samples/sample.png?first') },
  ]);
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-regions-drawn', '3');
  await expect(canvas).toHaveAttribute('data-image-status', 'loaded');
  const requests = await page.evaluate(() => (window as unknown as { imageRequests: { src: string; drawn: string | null }[] }).imageRequests.filter((r) => r.src.includes('?first')));
  // Once, while the canvas still showed the sample's two boxes.
  expect(requests).toEqual([{ src: expect.stringContaining('/samples/sample.png?first'), drawn: '2' }]);
});

test('the image is an <img> under the layers: decoded when loaded, placed by the view, moving with a pan as it happens', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'boxes.xml', text: CONFIG },
    { name: 'boxes.json', text: tasks('/samples/sample.png?under') },
  ]);
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-image-status', 'loaded');
  const image = canvas.locator('img');
  await expect(image).toHaveCount(1);
  // The loaded image itself, at its natural size.
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 600 && img.naturalHeight === 403)).toBe(true);
  // Under the layers: the canvases come after it and the image layer paints nothing over it.
  expect(await canvas.evaluate((box) => box.querySelector('img')!.compareDocumentPosition(box.querySelector('canvas')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  /** Screen point of the image's top-left corner, and where the view says it is. */
  const corners = () =>
    canvas.evaluate((box) => {
      const r = box.querySelector('img')!.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const view = JSON.parse((box as HTMLElement).dataset.view!);
      return { shown: [Math.round(r.left - b.left), Math.round(r.top - b.top), Math.round(r.width)], view: [Math.round(view.x), Math.round(view.y), Math.round(600 * view.scale)] };
    });
  let c = await corners();
  expect(c.shown).toEqual(c.view);

  // Panning: mid-drag the image has moved with the stage; on release it rests where the view says.
  const from = await screenPoint(page, 'image', 300, 380);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 25, { steps: 4 });
  await page.mouse.move(from.x + 80, from.y + 50, { steps: 4 });
  const during = await corners();
  expect(during.shown[0] - c.view[0]).toBeGreaterThan(60);
  expect(during.shown[1] - c.view[1]).toBeGreaterThan(35);
  await page.mouse.up();
  await expect.poll(async () => (await corners()).view[0]).toBe(during.shown[0]);
  c = await corners();
  expect(c.shown).toEqual(c.view);

  // Zooming in: the image grows with the view.
  await page.mouse.move(from.x, from.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await corners()).view[2]).toBeGreaterThan(c.view[2]);
  await expect.poll(async () => {
    const z = await corners();
    return z.shown.join() === z.view.join();
  }).toBe(true);
});

test('two Image objects on the same image both show it', async ({ page }) => {
  await openApp(page);
  const config = `<View>
  <Image name="left" value="$image"/>
  <Image name="right" value="$image"/>
  <RectangleLabels name="label" toName="left,right"><Label value="Car" background="blue"/></RectangleLabels>
</View>`;
  await openFiles(page, [
    { name: 'two.xml', text: config },
    { name: 'two.json', text: JSON.stringify([{ data: { image: '/samples/sample.png?two' }, predictions: [{ result: [{ ...box('a', 10, 10), to_name: 'left' }, { ...box('b', 50, 50), to_name: 'right' }] }] }]) },
  ]);
  for (const name of ['left', 'right']) {
    const canvas = page.getByTestId(`canvas-${name}`);
    await expect(canvas).toHaveAttribute('data-image-status', 'loaded');
    await expect(canvas.locator('img')).toHaveCount(1);
    expect(await canvas.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
  }
});

test('only the canvas layers with something to draw are shown: the regions, then the highlight and handles of a selection', async ({ page }) => {
  await openApp(page);
  await openFiles(page, [
    { name: 'boxes.xml', text: CONFIG },
    { name: 'boxes.json', text: tasks('/samples/sample.png?layers') },
  ]);
  const canvas = page.getByTestId('canvas-image');
  await expect(canvas).toHaveAttribute('data-image-status', 'loaded');
  /** Which layer canvases the browser shows, in stage order (image, regions, highlight, handles). */
  const shown = () => canvas.evaluate((box) => [...box.querySelectorAll('.konvajs-content > canvas')].map((c) => getComputedStyle(c).display !== 'none'));
  // The image is the <img>: its layer has nothing to draw; nothing is selected or hovered.
  await expect.poll(shown).toEqual([false, true, false, false]);
  await regionRow(page, 'b').click();
  await expect.poll(shown).toEqual([false, true, true, true]);
  await page.keyboard.press('Escape');
  // The pointer still on the row hovers its region: the highlight stays, without the handles.
  await expect.poll(shown).toEqual([false, true, true, false]);
  await page.mouse.move(5, 5);
  await expect.poll(shown).toEqual([false, true, false, false]);
});
