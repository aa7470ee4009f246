// Shared steps of the browser journeys: open files through the "Open files" input, read the canvas.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

export async function openFiles(page: Page, files: { name: string; text?: string; path?: string; mimeType?: string }[]) {
  await page.getByLabel('Open files').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.mimeType ?? (f.name.endsWith('.xml') ? 'text/xml' : f.name.endsWith('.png') ? 'image/png' : 'application/json'),
      buffer: f.path ? readFileSync(f.path) : Buffer.from(f.text ?? ''),
    })),
  );
}

export async function openApp(page: Page) {
  await page.goto('/');
  // The bounding-box sample loads first, with its image (canvas positions depend on the fitted view).
  await expect(page.getByRole('list', { name: 'Regions' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('canvas-image')).toHaveAttribute('data-image-status', 'loaded');
}

export const regions = (page: Page) => page.getByRole('list', { name: 'Regions' }).getByRole('listitem');
export const problems = (page: Page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem');

/** Alpha of the regions layer at image pixel (x, y) of the canvas of object `name`. */
export async function regionAlphaAt(page: Page, name: string, x: number, y: number): Promise<number> {
  return page.evaluate(
    ({ name, x, y }) => {
      const box = document.querySelector(`[data-testid="canvas-${name}"]`) as HTMLElement;
      const view = JSON.parse(box.dataset.view!);
      const canvases = box.querySelectorAll('canvas');
      // Layers in order: the image, the regions, the edit handles of the selected region.
      const layer = canvases[1];
      const ratio = layer.width / layer.clientWidth;
      const sx = Math.round((view.x + x * view.scale) * ratio);
      const sy = Math.round((view.y + y * view.scale) * ratio);
      return layer.getContext('2d')!.getImageData(sx, sy, 1, 1).data[3];
    },
    { name, x, y },
  );
}

/** Screen point (page coordinates) of image pixel (x, y) of the canvas of object `name`. */
export async function screenPoint(page: Page, name: string, x: number, y: number) {
  return page.evaluate(
    ({ name, x, y }) => {
      const box = document.querySelector(`[data-testid="canvas-${name}"]`) as HTMLElement;
      const view = JSON.parse(box.dataset.view!);
      const r = box.getBoundingClientRect();
      return { x: r.left + view.x + x * view.scale, y: r.top + view.y + y * view.scale };
    },
    { name, x, y },
  );
}

/** Open the app, then a fixture's config and tasks (fixtures/NAME.xml and NAME.json), and wait for its regions. */
export async function openFixture(page: Page, name: string, regionCount: number) {
  // A page already on the app keeps it: a reload would restore the saved session, not the first sample.
  if (page.url() === 'about:blank') await openApp(page);
  await openFiles(page, [
    { name: `${name}.xml`, path: fixture(`${name}.xml`) },
    { name: `${name}.json`, path: fixture(`${name}.json`) },
  ]);
  await expect(page.getByText(`${regionCount} region${regionCount === 1 ? '' : 's'}`, { exact: true })).toBeVisible();
}
