// How many findings share each fix, for "Fix all N like this": findings are alike when they have a fix,
// the same rule and the same fix title (sameFix in store/commands.ts). Counted in one pass per findings
// array (memoized by its identity), not by scanning the whole file again for every finding listed.

import type { Finding } from '../../core';

/** rule -> fix title -> number of findings with that fix. */
type Counts = Map<string, Map<string, number>>;

const memo = new WeakMap<readonly Finding[], Counts>();

function countFixes(findings: readonly Finding[]): Counts {
  let counts = memo.get(findings);
  if (counts) return counts;
  counts = new Map();
  for (const f of findings) {
    if (!f.fix) continue;
    let byTitle = counts.get(f.rule);
    if (!byTitle) counts.set(f.rule, (byTitle = new Map()));
    byTitle.set(f.fix.title, (byTitle.get(f.fix.title) ?? 0) + 1);
  }
  memo.set(findings, counts);
  return counts;
}

/** The number of findings of `findings` whose fix is the same change as `f`'s (0 when `f` has no fix). */
export function likeCount(findings: readonly Finding[], f: Finding): number {
  if (!f.fix) return 0;
  return countFixes(findings).get(f.rule)?.get(f.fix.title) ?? 0;
}
