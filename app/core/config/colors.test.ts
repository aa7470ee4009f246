// Config colours: plain colours pass, anything a style could do more with does not.

import { expect, test } from 'vitest';
import { isColor } from './colors';

test.each(['green', 'DarkOrange', '#0f0', '#00ff0080', 'rgb(1, 2, 3)', 'rgba(255,0,0,0.5)', 'rgb(1 2 3 / 50%)', 'hsl(120deg 50% 50%)', 'hsla(120, 50%, 50%, .3)', ' blue '])('%s is a colour', (c) => {
  expect(isColor(c)).toBe(true);
});

test.each(['url(https://example.com/x.png)', 'red url(x)', 'var(--x)', 'expression(alert(1))', 'rgb(1,2,3);background:url(x)', '#12', 'greenish', '', 'image-set("x.png" 1x)', 'rgb(calc(1), 2, 3)'])('%s is not', (c) => {
  expect(isColor(c)).toBe(false);
});
