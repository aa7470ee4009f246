// Time-based regions: audio segments (seconds), time-series ranges, video rectangles (a keyframe
// sequence in percent) and timeline ranges on video: their value checks, and where each region lies.

import type { ResultCheck, ValueFamily } from '../validate/context';
import { isNum, jsonType, needNumber } from './valueKeys';

function audioShape(cx: ResultCheck): void {
  needNumber(cx, 'start');
  needNumber(cx, 'end');
  needNumber(cx, 'channel', true);
}

function audioRange(cx: ResultCheck): void {
  const { start, end } = cx.value as { start: number; end: number };
  if (start < 0) cx.report(`value.start = ${start} s is negative.`, { path: ['value', 'start'] });
  else if (start > end) cx.report(`value.start = ${start} s is after value.end = ${end} s: the segment is reversed.`, { path: ['value', 'start'] });
}

export const audioFamily: ValueFamily = {
  id: 'audio',
  regionKind: () => 'segment',
  checks: { 'value-shape': audioShape, 'span-out-of-range': audioRange },
};

function timeseriesShape(cx: ResultCheck): void {
  const v = cx.value!;
  for (const key of ['start', 'end']) {
    const x = v[key];
    if (x === undefined) {
      cx.report(`value.${key} is missing: a time-series range needs start and end (numbers, or time strings for time columns).`, { path: ['value'] });
      cx.valueOk = false;
    } else if (!isNum(x) && typeof x !== 'string') {
      cx.report(`value.${key} is ${jsonType(x)}; it must be a number or a time string.`, { path: ['value', key] });
      cx.valueOk = false;
    }
  }
  if (v.instant !== undefined && typeof v.instant !== 'boolean') {
    cx.report(`value.instant is ${jsonType(v.instant)}; it must be true or false.`, { path: ['value', 'instant'] });
    cx.valueOk = false;
  }
}

function timeseriesRange(cx: ResultCheck): void {
  const { start, end } = cx.value as { start: number | string; end: number | string };
  if (isNum(start) && isNum(end) && start > end) cx.report(`value.start = ${start} is after value.end = ${end}: the range is reversed.`, { path: ['value', 'start'] });
}

export const timeseriesFamily: ValueFamily = {
  id: 'timeseries',
  regionKind: () => 'range',
  checks: { 'value-shape': timeseriesShape, 'span-out-of-range': timeseriesRange },
};

function videoShape(cx: ResultCheck): void {
  const v = cx.value!;
  if (cx.type === 'timelinelabels' || (v.ranges !== undefined && v.sequence === undefined)) {
    if (!Array.isArray(v.ranges)) {
      cx.report(`value.ranges is ${jsonType(v.ranges)}; timeline labels need a list of {"start": frame, "end": frame}.`, { path: ['value'] });
      cx.valueOk = false;
    }
    return;
  }
  const seq = v.sequence;
  if (!Array.isArray(seq)) {
    cx.report(`value.sequence is ${jsonType(seq)}; a video region needs a list of keyframes.`, { path: seq === undefined ? ['value'] : ['value', 'sequence'] });
    cx.valueOk = false;
    return;
  }
  for (let i = 0; i < seq.length; i++) {
    const k = seq[i] as Record<string, unknown>;
    if (!k || typeof k !== 'object' || Array.isArray(k)) {
      cx.report(`value.sequence[${i}] is ${jsonType(k)}; every keyframe is an object.`, { path: ['value', 'sequence', i] });
      cx.valueOk = false;
      return;
    }
    if (cx.type === 'videorectangle') {
      for (const key of ['frame', 'x', 'y', 'width', 'height']) {
        if (!isNum(k[key])) {
          cx.report(`value.sequence[${i}].${key} is ${k[key] === undefined ? 'missing' : jsonType(k[key])}; each keyframe needs frame, x, y, width and height as numbers.`, { path: ['value', 'sequence', i] });
          cx.valueOk = false;
          return;
        }
      }
    } else if (Array.isArray(k.vertices)) {
      for (let j = 0; j < k.vertices.length; j++) {
        const vx = k.vertices[j] as Record<string, unknown>;
        if (!vx || !isNum(vx.x) || !isNum(vx.y)) {
          cx.report(`value.sequence[${i}].vertices[${j}] has no numeric x and y.`, { path: ['value', 'sequence', i, 'vertices', j] });
          cx.valueOk = false;
          return;
        }
      }
    }
  }
}

function videoBounds(cx: ResultCheck): void {
  const seq = cx.value!.sequence;
  if (!Array.isArray(seq) || cx.type !== 'videorectangle') return;
  for (let i = 0; i < seq.length; i++) {
    const k = seq[i] as Record<string, number>;
    const bad = ['x', 'y'].filter((key) => k[key] < -1e-3 || k[key] > 100 + 1e-3);
    // Negative width/height occur in Label Studio's own video annotations (a box drawn upwards): not flagged.
    if (bad.length) {
      cx.report(`Keyframe ${i} (frame ${k.frame}) is outside the video frame (${bad.join(', ')}): video rectangles are in percent (0..100).`, { path: ['value', 'sequence', i] });
      return;
    }
  }
}

/** Result types whose labels Label Studio writes into their own value as `labels` (a video rectangle takes them from a <Labels> on its video). */
export const LABELS_IN_VALUE: ReadonlySet<string> = new Set(['videorectangle']);

export const videoFamily: ValueFamily = {
  id: 'video',
  regionKind: () => 'track',
  checks: { 'value-shape': videoShape, 'out-of-bounds': videoBounds },
};

// ---- Where a region lies, for the Regions list: prelabel does not play media, so it says it in words ----

/** Seconds and time-series numbers: at most 3 decimals, no trailing zeros (1.5, 3.25, 12). */
const shortNumber = (n: number) => String(Math.round(n * 1000) / 1000);

function audioExtent(value: Record<string, unknown>): string | null {
  const { start, end, channel } = value;
  if (!isNum(start) || !isNum(end)) return null;
  return `${shortNumber(start)}–${shortNumber(end)} s${isNum(channel) ? `, channel ${channel}` : ''}`;
}

/** Time-series ends are numbers (indices or timestamps) or time strings as the data writes them. */
function timeseriesExtent(value: Record<string, unknown>): string | null {
  const { start, end } = value;
  const point = (x: unknown) => (isNum(x) ? shortNumber(x) : typeof x === 'string' ? x : null);
  const s = point(start);
  const e = point(end);
  if (s === null) return null;
  if (value.instant === true) return `instant at ${s}`;
  if (e === null) return null;
  return typeof start === 'string' || typeof end === 'string' ? `${s} – ${e}` : `${s}–${e}`;
}

const frameRanges = (ranges: [number, number | null][], framesCount: unknown): string | null => {
  if (!ranges.length) return null;
  const last = isNum(framesCount) ? String(framesCount) : 'end';
  const text = ranges.map(([a, b]) => (b === a ? String(a) : `${a}–${b ?? last}`)).join(', ');
  return `${ranges.length === 1 && ranges[0][0] === ranges[0][1] ? 'frame' : 'frames'} ${text}`;
};

/**
 * The frames a video region is shown on, as Label Studio's timeline draws its lifespans: a keyframe whose
 * `enabled` is true starts (or continues) a lifespan, one that is not ends it there; a keyframe that is not
 * enabled outside a lifespan shows on its own frame only, and a lifespan still open at the last keyframe
 * runs to the end of the video (`framesCount`).
 */
export function videoLifespans(sequence: unknown[]): [number, number | null][] {
  const keyframes = sequence.filter((k): k is { frame: number; enabled?: unknown } => !!k && typeof k === 'object' && isNum((k as Record<string, unknown>).frame));
  keyframes.sort((a, b) => a.frame - b.frame);
  const out: [number, number | null][] = [];
  let open: number | null = null;
  for (const k of keyframes) {
    const on = k.enabled === true;
    if (open === null) {
      if (on) open = k.frame;
      else out.push([k.frame, k.frame]);
    } else if (!on) {
      out.push([open, k.frame]);
      open = null;
    }
  }
  if (open !== null) out.push([open, null]);
  return out;
}

function videoExtent(value: Record<string, unknown>): string | null {
  if (Array.isArray(value.sequence)) return frameRanges(videoLifespans(value.sequence), value.framesCount);
  if (Array.isArray(value.ranges)) {
    const ranges = value.ranges.filter((r): r is { start: number; end: number } => !!r && typeof r === 'object' && isNum((r as Record<string, unknown>).start) && isNum((r as Record<string, unknown>).end));
    return frameRanges(ranges.map((r): [number, number] => [r.start, r.end]), undefined);
  }
  return null;
}

const EXTENTS: Record<string, (value: Record<string, unknown>) => string | null> = {
  [audioFamily.id]: audioExtent,
  [timeseriesFamily.id]: timeseriesExtent,
  [videoFamily.id]: videoExtent,
};

/** Where a region of a media family lies ("1.5–3.25 s", "frames 33–57, 76–1009", "instant at 9"), or null. */
export function mediaExtent(familyId: string, value: Record<string, unknown>): string | null {
  return EXTENTS[familyId]?.(value) ?? null;
}
