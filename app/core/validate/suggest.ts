// Picks the closest name or label for a misspelled one: same letters in another case first, then edit
// distance, then an abbreviation (LOC for Location, GPE for Geo-Political Entity).

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
  const short = abbreviated(wanted, list);
  if (short !== undefined && (preferred.length !== 1 || preferred[0] === short)) return short;
  if (preferred.length === 1) return preferred[0];
  return undefined;
}

/** Words of a name: split at spaces, hyphens, underscores, slashes and lower-to-upper case changes. */
function words(s: string): string[] {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_\-/.]+/)
    .filter(Boolean);
}

const CAPITALS = /^[A-Z]{2,6}$/;

/**
 * Is one of a and b an abbreviation of the other, the way labels are abbreviated (CoNLL's PER, LOC, ORG,
 * MISC; OntoNotes' GPE, NORP)? The short one is written in capitals, 2 to 6 letters, and is either the start
 * of the long one (LOC, Location) or its initials (GPE, Geo-Political Entity). Capitals only: "Car" is not
 * short for "Carrot".
 */
export function isAbbreviation(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a.trim(), b.trim()] : [b.trim(), a.trim()];
  if (!CAPITALS.test(short) || long.length < short.length + 2) return false;
  if (long.toUpperCase().startsWith(short)) return true;
  const w = words(long);
  return w.length === short.length && w.map((x) => x[0].toUpperCase()).join('') === short;
}

/** The one candidate that `wanted` abbreviates or is an abbreviation of; undefined when none or several. */
function abbreviated(wanted: string, candidates: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const c of candidates) {
    if (!isAbbreviation(wanted, c)) continue;
    if (found !== undefined) return undefined;
    found = c;
  }
  return found;
}
