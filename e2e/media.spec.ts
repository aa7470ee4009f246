// Audio, video and time-series objects: prelabel does not play them, so their regions are read in the
// Regions list: each row says where the region lies (seconds, frames, time-series range) and its label,
// coloured as the config's Label.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openFixture, regions } from './helpers';

test.beforeEach(async ({ page }) => {
  await openFixture(page, 'media', 8);
});

const row = (page: import('@playwright/test').Page, id: string) => regions(page).filter({ has: page.locator('.region-id', { hasText: new RegExp(`^${id}$`) }) });

test('audio segments show their start and end in seconds, and the channel', async ({ page }) => {
  await expect(row(page, 'a1')).toContainText('Speech');
  await expect(row(page, 'a1').locator('.region-extent')).toHaveText('1.5–3.25 s, channel 0');
  await expect(row(page, 'a2').locator('.region-extent')).toHaveText('12–12.75 s');
  await expect(page.getByRole('region', { name: 'Audio audio' })).toContainText('listed in Regions with their times and labels');
});

test('a video rectangle shows the label Label Studio keeps in value.labels, coloured as its Label, and its frames', async ({ page }) => {
  const car = row(page, 'v1');
  await expect(car.locator('.region-labels')).toHaveText('Car');
  // #944BFF, the Car label's background in the Labels control on the video.
  await expect(car.locator('.swatch')).toHaveCSS('background-color', 'rgb(148, 75, 255)');
  await expect(car.locator('.region-extent')).toHaveText('frames 1–5');
  // A disabled keyframe ends a lifespan; the last one is still on, so it runs to the last frame.
  await expect(row(page, 'v2').locator('.region-labels')).toHaveText('Airplane');
  await expect(row(page, 'v2').locator('.region-extent')).toHaveText('frames 33–57, 76–1009');
  await expect(row(page, 't1').locator('.region-extent')).toHaveText('frames 10–20, 30–35');
  // The details of the selected region name its label too, and it can be changed there.
  await car.click();
  await expect(car.getByLabel('Label')).toHaveValue('Car');
  await car.getByLabel('Label').selectOption('Airplane');
  await expect(row(page, 'v1').locator('.region-labels')).toHaveText('Airplane');
  await expect(row(page, 'v1').locator('.swatch')).toHaveCSS('background-color', 'rgb(152, 200, 78)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const result = JSON.parse(readFileSync((await download.path())!, 'utf8'))[0].predictions[0].result[2];
  expect(result).toMatchObject({ id: 'v1', type: 'videorectangle', value: { labels: ['Airplane'], framesCount: 1009 } });
});

test('time-series ranges show numbers or time strings as written, and instants', async ({ page }) => {
  await expect(row(page, 's1').locator('.region-extent')).toHaveText('3–7');
  await expect(row(page, 's2').locator('.region-extent')).toHaveText('2021-03-01 10:00:00 – 2021-03-01 10:05:30');
  await expect(row(page, 's3').locator('.region-extent')).toHaveText('instant at 9');
  await expect(row(page, 's3').locator('.region-labels')).toHaveText('Stop');
});
