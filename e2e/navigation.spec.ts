// Moving through the tasks: the task number box takes a task number and nothing else.
import { expect, test } from '@playwright/test';
import { openFixture } from './helpers';

test('the task number box keeps no text that is not a task: Enter on "abc" or "" restores the number, Escape and leaving the box too', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  const box = page.getByLabel('Task number');
  await expect(page.getByRole('navigation', { name: 'Tasks' })).toContainText('of 3');
  for (const typed of ['abc', '', '2.5', '1e1']) {
    await box.fill(typed);
    await box.press('Enter');
    await expect(box).toHaveValue('1');
    // Said at the box, in the browser's own bubble.
    expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toContain('is not a task number: type one from 1 to 3');
  }
  // Typing again clears the message.
  await box.fill('2');
  expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
  await box.press('Enter');
  await expect(box).toHaveValue('2');
  // Typed but not entered: Escape, or leaving the box, puts the current number back and stays on the task.
  await box.fill('xyz');
  await box.press('Escape');
  await expect(box).toHaveValue('2');
  await box.fill('3');
  await page.getByRole('heading', { name: /Regions/ }).click();
  await expect(box).toHaveValue('2');
  await box.fill('-3');
  await box.blur();
  await expect(box).toHaveValue('2');
});

test('a task number out of range goes to the nearest task and says the range', async ({ page }) => {
  await openFixture(page, 'flags', 4);
  const box = page.getByLabel('Task number');
  await box.fill('99');
  await box.press('Enter');
  await expect(box).toHaveValue('3');
  await expect(page.getByRole('button', { name: 'Next task', exact: true })).toBeDisabled();
  expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Task numbers go from 1 to 3: this is task 3.');
  for (const typed of ['-3', '0']) {
    await box.fill(typed);
    await box.press('Enter');
    await expect(box).toHaveValue('1');
    await expect(page.getByRole('button', { name: 'Previous task' })).toBeDisabled();
    expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Task numbers go from 1 to 3: this is task 1.');
  }
  await box.fill(' 2 ');
  await box.press('Enter');
  await expect(box).toHaveValue('2');
  expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
});
