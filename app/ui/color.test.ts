// Label text colour by contrast: black on yellow and light labels, white on dark ones.
import { expect, test } from 'vitest';
import { rgbOf, textOn } from './color';

test('hex colours are read without a canvas', () => {
  expect(rgbOf('#ffeb3b')).toEqual([255, 235, 59]);
  expect(rgbOf('#0f0')).toEqual([0, 255, 0]);
});

test('black text on yellow, light green and white; white on blue, red and dark grey', () => {
  expect(['#ffeb3b', '#ffff00', '#90ee90', '#ffffff', '#00ff00'].map(textOn)).toEqual(['#000000', '#000000', '#000000', '#000000', '#000000']);
  expect(['#0000ff', '#c62828', '#555555', '#0969da', '#800080'].map(textOn)).toEqual(['#ffffff', '#ffffff', '#ffffff', '#ffffff', '#ffffff']);
});
