// Walking a new list beside the one it was made from (the same results or regions, a few removed or added in
// places): where the next entry of the new list is in the old one, looking only a few entries ahead, so that
// the walk stays one pass and needs no map of 100,000 keys.

/** How many entries removed in one place the walk looks past. */
export const RESYNC = 16;

/** Index of the first entry of `list` from `from` on, at most RESYNC past it, whose key is `want`; -1 when none. */
export function nextMatch<T, K>(list: readonly T[], from: number, want: K, keyOf: (x: T) => K): number {
  for (let k = from; k <= from + RESYNC && k < list.length; k++) if (keyOf(list[k]) === want) return k;
  return -1;
}
