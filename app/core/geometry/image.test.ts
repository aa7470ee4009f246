import { expect, test } from 'vitest';
import { ellipseOutline, rectangleCorners } from './image';

const close = (a: { x: number; y: number }[], b: [number, number][]) => a.forEach((p, i) => {
  expect(p.x).toBeCloseTo(b[i][0], 6);
  expect(p.y).toBeCloseTo(b[i][1], 6);
});

test('a rectangle rotates clockwise about its top-left corner, in pixels', () => {
  // 200x100 image: x=10% -> 20 px, width 50% -> 100 px, height 20% -> 20 px; 90° turns it to point down.
  close(rectangleCorners({ x: 10, y: 10, width: 50, height: 20, rotation: 90 }, 200, 100), [[20, 10], [20, 110], [0, 110], [0, 10]]);
});

test('an unrotated rectangle', () => {
  close(rectangleCorners({ x: 0, y: 0, width: 100, height: 100 }, 640, 480), [[0, 0], [640, 0], [640, 480], [0, 480]]);
});

test('an ellipse is centred on x, y with radii in percent of width and height', () => {
  const pts = ellipseOutline({ x: 50, y: 50, radiusX: 10, radiusY: 20, rotation: 0 }, 200, 100, 4);
  close(pts, [[120, 50], [100, 70], [80, 50], [100, 30]]);
});
