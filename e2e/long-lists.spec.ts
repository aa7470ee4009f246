// A task with 2,000 regions and 2,000 problems: the lists hold only the rows in view, yet scrolling,
// Tab, a canvas click and a problem's click reach any row and bring it into view.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, openFiles, problems, regions, screenPoint, regionRow } from './helpers';

const N = 2000;
const config = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Airplane"/>
    <Label value="Car"/>
  </RectangleLabels>
</View>`;

/** N small boxes on a 40 x 50 grid, each labelled "car" (not in the config: one fixable problem each). */
function tasks(): string {
  const result = [];
  for (let i = 0; i < N; i++) {
    const x = (i % 40) * 2.5;
    const y = Math.floor(i / 40) * 2;
    result.push({ id: `r${i}`, type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 1000, original_height: 1000, value: { x, y, width: 2, height: 1.5, rotation: 0, rectanglelabels: ['car'] } });
  }
  return JSON.stringify([{ id: 1, data: { image: 'missing.png' }, predictions: [{ model_version: 'many', result }] }], null, 1);
}

/** The list's scrolling box (the list itself is as tall as all its rows). */
const scroller = (list: Locator) => list.locator('xpath=..');
const list = (page: Page, name: string) => page.getByRole('list', { name });

async function scrollToEnd(list: Locator) {
  // The side column scrolls too (the list may sit below the fold), as a person would scroll it.
  await scroller(list).scrollIntoViewIfNeeded();
  // Rows are measured as they come into view, so the end may move a little: scroll until it stays.
  await expect
    .poll(async () => scroller(list).evaluate((el) => ((el.scrollTop = el.scrollHeight), el.scrollHeight - el.clientHeight - el.scrollTop)))
    .toBeLessThanOrEqual(1);
}

test.beforeEach(async ({ page }) => {
  // 2,000 regions are checked, listed and drawn: on a busy 2-core machine that is more than the usual 30 s.
  test.slow();
  await openApp(page);
  await openFiles(page, [
    { name: 'many.xml', text: config },
    { name: 'many.json', text: tasks() },
  ]);
  await expect(page.getByText(`${N} regions`, { exact: true })).toBeVisible();
});

test('the Regions list has far fewer rows in the DOM than regions, and scrolling reaches the last one', async ({ page }) => {
  const rows = await regions(page).count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(100);
  // Each row says where it sits in the whole list.
  await expect(regions(page).first()).toHaveAttribute('aria-setsize', String(N));
  await expect(regions(page).first()).toHaveAttribute('aria-posinset', '1');

  await scrollToEnd(list(page, 'Regions'));
  const last = regionRow(page, 'r1999');
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(N));
  expect(await regions(page).count()).toBeLessThan(100);
  await expect(regionRow(page, 'r0')).toHaveCount(0);
});

test('Alt+, and Alt+. (Label Studio\'s region cycling), a canvas click and a problem click bring a far region into view in the list', async ({ page }) => {
  // Alt+, with nothing selected goes to the last region.
  await page.keyboard.press('Alt+Comma');
  const last = regionRow(page, 'r1999');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  // Alt+. wraps around to the first.
  await page.keyboard.press('Alt+Period');
  const first = regionRow(page, 'r0');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toBeInViewport();

  // A click on the canvas: r1234 sits at column 34, row 30 of the grid (x 850..870 px, y 600..615 px).
  const p = await screenPoint(page, 'image', 1234 % 40 * 25 + 10, Math.floor(1234 / 40) * 20 + 7);
  await page.mouse.click(p.x, p.y);
  const far = regionRow(page, 'r1234');
  await expect(far).toHaveAttribute('aria-selected', 'true');
  await expect(far).toBeInViewport();

  // The last problem (of r1999): clicking it selects its region and its row comes into view.
  await scrollToEnd(list(page, 'Problems'));
  const lastProblem = list(page, 'Problems').locator(`li[aria-posinset="${N}"]`);
  await expect(lastProblem).toBeInViewport();
  await lastProblem.getByRole('button').first().click();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
});

test('the Problems list has far fewer rows in the DOM than problems; Fix all counts every one', async ({ page }) => {
  const rows = await problems(page).count();
  expect(rows).toBeGreaterThan(3);
  expect(rows).toBeLessThan(100);
  await expect(problems(page).first()).toHaveAttribute('aria-setsize', String(N));
  await expect(problems(page).first().getByRole('button', { name: `Fix all ${N} like this` })).toBeVisible();
  await scrollToEnd(list(page, 'Problems'));
  await expect(problems(page).last()).toHaveAttribute('aria-posinset', String(N));
  await expect(problems(page).last()).toBeInViewport();
  expect(await problems(page).count()).toBeLessThan(100);

  await problems(page).last().getByRole('button', { name: `Fix all ${N} like this` }).click();
  await expect(page.getByText(`${N} regions`, { exact: true })).toBeVisible();
  await expect(problems(page)).toHaveCount(0);
  await expect(regions(page).first()).toContainText('Car');
});
