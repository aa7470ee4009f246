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

/**
 * Alpha at image pixel (x, y) of the canvas of object `name`, on the regions layer (every region), or with
 * `withHighlight` as seen: the regions layer under the layer that highlights the selected and hovered region.
 */
export async function regionAlphaAt(page: Page, name: string, x: number, y: number, { withHighlight = false } = {}): Promise<number> {
  return page.evaluate(
    ({ name, x, y, withHighlight }) => {
      const box = document.querySelector(`[data-testid="canvas-${name}"]`) as HTMLElement;
      const view = JSON.parse(box.dataset.view!);
      // Layers in order: the image, the regions, the highlight of the selected / hovered region, then the
      // drawing draft and the edit handles of the selected region when there are some.
      const layers = [...box.querySelectorAll('canvas')];
      const alpha = (layer: HTMLCanvasElement) => {
        const ratio = layer.width / layer.clientWidth;
        const sx = Math.round((view.x + x * view.scale) * ratio);
        const sy = Math.round((view.y + y * view.scale) * ratio);
        return layer.getContext('2d')!.getImageData(sx, sy, 1, 1).data[3];
      };
      const regions = layers.find((c) => c.dataset.layer === 'regions')!;
      if (layers.indexOf(regions) !== 1) throw new Error('the regions layer is not the second canvas');
      if (!withHighlight) return alpha(regions);
      const highlight = layers.find((c) => c.dataset.layer === 'highlight')!;
      // Source-over: the highlight over the regions.
      const a = alpha(regions) / 255;
      const b = alpha(highlight) / 255;
      return Math.round((b + a * (1 - b)) * 255);
    },
    { name, x, y, withHighlight },
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
  // The fixtures' images do not load (example.invalid): the fitted view makes room for the notice when the
  // load fails, so a test reading the view waits for the image's state to be known.
  if (readFileSync(fixture(`${name}.xml`), 'utf8').includes('<Image')) {
    const image = page.getByTestId('canvas-image').first();
    await expect(image).toBeVisible();
    await expect(image).not.toHaveAttribute('data-image-status', 'loading');
  }
}

/** The Regions row of the region with this id (rows start with the label, as in Label Studio's outliner). */
export const regionRow = (page: Page, id: string) => regions(page).filter({ has: page.locator('.region-id', { hasText: new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
