// The worker's task reports as they cross to the page. A prediction of 100,000 results has a memo of 100,000
// small objects; posted as they are, copying them cost ~0.2 s on each side (measured at 100,000 boxes: the
// page's message handler blocked it that long). Here a memo goes as columns instead: its kinds as numbers
// into a table, its two flags in one byte per result, its ids joined into one string, and only the results
// that have findings with their findings. The columns are moved, not copied.

import type { Finding } from '../core';
import { NONE, type ResultMemo, type TaskReport } from '../core/validate/validate';

/** A memo as columns; `ids` is one string split at NUL when every id is a string without one, else the ids as they are. */
export interface PackedMemo {
  n: number;
  kinds: (string | null)[];
  kind: Uint16Array;
  /** Bit 1: sound; bit 2: a relation. */
  flags: Uint8Array;
  ids: string | unknown[];
  /** The results with findings: index, findings. */
  findings: [number, Finding[]][];
}

/** A report whose memo (when it has one) is packed. */
export type WireReport = Omit<TaskReport, 'memo'> & { packed?: (PackedMemo | null)[] };

const SEP = '\u0000';

function packMemo(memo: readonly ResultMemo[], transfer: ArrayBuffer[]): PackedMemo {
  const n = memo.length;
  const table = new Map<string | null, number>();
  const kind = new Uint16Array(n);
  const flags = new Uint8Array(n);
  const findings: [number, Finding[]][] = [];
  let joinable = true;
  for (let r = 0; r < n; r++) {
    const m = memo[r];
    let k = table.get(m.kind);
    if (k === undefined) table.set(m.kind, (k = table.size));
    kind[r] = k;
    flags[r] = (m.sound ? 1 : 0) | (m.relation ? 2 : 0);
    if (m.findings.length) findings.push([r, m.findings]);
    if (joinable && (typeof m.id !== 'string' || m.id.includes(SEP))) joinable = false;
  }
  // More kinds than a Uint16 holds cannot be: a kind is a region kind of the config's tags.
  transfer.push(kind.buffer, flags.buffer);
  return { n, kinds: [...table.keys()], kind, flags, ids: joinable ? memo.map((m) => m.id as string).join(SEP) : memo.map((m) => m.id), findings };
}

function unpackMemo(p: PackedMemo): ResultMemo[] {
  const ids = typeof p.ids === 'string' ? (p.n ? p.ids.split(SEP) : []) : p.ids;
  const memo: ResultMemo[] = new Array(p.n);
  for (let r = 0; r < p.n; r++) {
    const f = p.flags[r];
    memo[r] = { findings: NONE, sound: (f & 1) !== 0, kind: p.kinds[p.kind[r]], id: ids[r], relation: (f & 2) !== 0 };
  }
  for (const [r, list] of p.findings) memo[r].findings = list;
  return memo;
}

/** Reports to post: memos packed; the buffers to move go into `transfer`. */
export function packReports(reports: readonly TaskReport[], transfer: ArrayBuffer[]): WireReport[] {
  return reports.map((report) => {
    if (!report.memo) return report;
    const { memo, ...rest } = report;
    return { ...rest, packed: memo.map((m) => (m ? packMemo(m, transfer) : null)) };
  });
}

/** Reports as the worker made them. */
export function unpackReports(reports: readonly WireReport[]): TaskReport[] {
  return reports.map((report) => {
    if (!report.packed) return report;
    const { packed, ...rest } = report;
    return { ...rest, memo: packed.map((m) => (m ? unpackMemo(m) : null)) };
  });
}
