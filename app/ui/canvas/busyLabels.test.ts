// Label tags start off when they would pile up (Label Studio's "Show labels" off on busy images).
import { expect, test } from 'vitest';
import type { RegionView } from '../../core/preview';
import { busyLabels } from './paintRegions';

const keypoint = (x: number, y: number) => ({ kind: 'keypoint', value: { x, y, width: 0.5 } }) as unknown as RegionView;
const box = (x: number, y: number) => ({ kind: 'rectangle', value: { x, y, width: 10, height: 10, rotation: 0 } }) as unknown as RegionView;
const size = { W: 1000, H: 1000 };

test('keypoints close together are busy; boxes apart are not; very many regions are', () => {
  expect(busyLabels([keypoint(50, 50), keypoint(50.5, 50.2), keypoint(51, 50.4), keypoint(20, 20)], size, 0.6)).toBe(true);
  expect(busyLabels([box(10, 10), box(40, 40), box(70, 70)], size, 0.6)).toBe(false);
  expect(busyLabels(Array.from({ length: 151 }, (_, i) => box((i % 10) * 10, Math.floor(i / 10) * 6)), size, 0.6)).toBe(true);
});
