// Picks the closest name or label for a misspelled one: same letters in another case first, then edit distance.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/**
 * The closest candidate to `wanted`, or undefined when none is close enough to be a likely typo.
 * `preferred` candidates (e.g. controls of the right type on the right object) win when they are the
 * only sensible choice even if the spelling is far off.
 */
export function closest(wanted: string, candidates: Iterable<string>, preferred: readonly string[] = []): string | undefined {
  const list = [...new Set(candidates)];
  const lower = wanted.toLowerCase();
  const sameCase = list.filter((c) => c.toLowerCase() === lower);
  if (sameCase.length) return sameCase[0];
  const trimmed = list.filter((c) => c.trim().toLowerCase() === lower.trim());
  if (trimmed.length) return trimmed[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(wanted.length, 3) / 3));
  if (best !== undefined && bestD <= limit) return best;
  if (preferred.length === 1) return preferred[0];
  return undefined;
}
