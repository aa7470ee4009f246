// The same array as last time when its items are the same: the App hands a new filtered array of regions to
// every object view on each of its renders, and a view that redraws thousands of regions on a new array
// would redraw them for nothing.

import { useRef } from 'react';

export function useStable<T>(items: T[]): T[];
export function useStable<T>(items: T[] | undefined): T[] | undefined;
export function useStable<T>(items: T[] | undefined): T[] | undefined {
  const last = useRef(items);
  const prev = last.current;
  if (prev !== items && !(prev && items && prev.length === items.length && prev.every((x, i) => x === items[i]))) last.current = items;
  return last.current;
}
