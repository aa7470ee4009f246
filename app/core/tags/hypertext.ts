// HyperText spans (`hypertextlabels`, or `labels` on a <HyperText>): XPaths to nodes of the task's HTML
// with offsets inside them, and `globalOffsets` into its text — checked against the HTML as Label Studio
// builds it (text/html.ts). FORMAT-NOTES §6.

import type { JsonEdit, JsonPath } from '../finding';
import { canonicalXPath, HtmlDocument, isCanonical, parseXPath } from '../text/html';
import type { ResultCheck, ValueFamily } from '../validate/context';
import { needInt, sameSpanText, shown, unescapeNewlines, withoutWhitespace } from './text';
import { isNum, jsonType } from './valueKeys';

const ENDS = [
  { key: 'start', offset: 'startOffset' },
  { key: 'end', offset: 'endOffset' },
] as const;

const EXAMPLE = '"/div[1]/p[2]/text()[1]"';

function hyperShape(cx: ResultCheck): void {
  const v = cx.value!;
  for (const { key } of ENDS) {
    const x = v[key];
    if (x === undefined) {
      cx.report(`value.${key} is missing: a HyperText span needs start and end XPaths (e.g. ${EXAMPLE}).`, { path: ['value'] });
      cx.valueOk = false;
    } else if (typeof x !== 'string') {
      cx.report(`value.${key} is ${jsonType(x)}; on HyperText it must be an XPath string to a text node (e.g. ${EXAMPLE}). Numbers are offsets for <Text>.`, { path: ['value', key] });
      cx.valueOk = false;
    }
  }
  needInt(cx, 'startOffset');
  needInt(cx, 'endOffset');
  const g = v.globalOffsets;
  if (g !== undefined && !globalOffsetsOf(v)) {
    cx.report(`value.globalOffsets is ${jsonType(g)}; it must be {"start": n, "end": n} in code points of the displayed text.`, { path: ['value', 'globalOffsets'] });
    cx.valueOk = false;
  }
}

function globalOffsetsOf(v: Record<string, unknown>): { start: number; end: number } | null {
  const g = v.globalOffsets as Record<string, unknown> | null | undefined;
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return null;
  const isInt = (x: unknown): x is number => isNum(x) && Number.isInteger(x);
  return isInt(g.start) && isInt(g.end) ? { start: g.start, end: g.end } : null;
}

/** One end of the span in the HTML: its global offset, or what stops it from resolving (and which key to blame). */
type End = { ok: true; at: number } | { ok: false; key: string; message: string; syntax: boolean };

function resolveEnd(doc: HtmlDocument | null, v: Record<string, unknown>, key: 'start' | 'end', offsetKey: 'startOffset' | 'endOffset'): End | null {
  const x = v[key] as string;
  if (!parseXPath(x)) return { ok: false, key, syntax: true, message: `value.${key} = ${JSON.stringify(x)} is not an absolute positional XPath (like ${EXAMPLE}); Label Studio cannot resolve it.` };
  if (!doc) return null;
  const r = doc.resolve(x);
  if (!r.ok) return { ok: false, key, syntax: false, message: `value.${key} = ${JSON.stringify(x)} does not resolve in the task's HTML: ${r.problem}.` };
  const o = v[offsetKey] as number;
  const size = HtmlDocument.size(r.node);
  if (o > size) {
    const holds = r.node.kind === 'text' ? `has ${size} character${size === 1 ? '' : 's'}` : `holds ${size} character${size === 1 ? '' : 's'} of text`;
    return { ok: false, key: offsetKey, syntax: false, message: `${r.canonical} ${holds}; ${offsetKey} ${o} is past its end (offsets count code points inside the node that value.${key} names).` };
  }
  return { ok: true, at: HtmlDocument.globalOffset(r.node, o) };
}

/** Where the span is in the HTML as Label Studio finds it: by its XPaths, else by globalOffsets. */
function located(cx: ResultCheck, doc: HtmlDocument): { start: number; end: number; by: 'xpath' | 'globalOffsets' } | null {
  const v = cx.value!;
  const s = resolveEnd(doc, v, 'start', 'startOffset');
  const e = resolveEnd(doc, v, 'end', 'endOffset');
  if (s?.ok && e?.ok) return s.at <= e.at ? { start: s.at, end: e.at, by: 'xpath' } : null;
  const g = globalOffsetsOf(v);
  return g && inText(g, doc) ? { ...g, by: 'globalOffsets' } : null;
}

const inText = (g: { start: number; end: number }, doc: HtmlDocument) => g.start >= 0 && g.start <= g.end && g.end <= doc.length;

/** Edits that put the span at global offsets start..end of the HTML: XPaths, offsets and (when present) globalOffsets. */
function moveEdits(cx: ResultCheck, doc: HtmlDocument, start: number, end: number): JsonEdit[] | null {
  const a = doc.locate(start, 'start');
  const b = doc.locate(end, 'end');
  if (!a || !b) return null;
  const base = ['predictions', cx.p, 'result', cx.r, 'value'];
  const edits: JsonEdit[] = [
    { task: cx.t, path: [...base, 'start'], value: a.xpath },
    { task: cx.t, path: [...base, 'startOffset'], value: a.offset },
    { task: cx.t, path: [...base, 'end'], value: b.xpath },
    { task: cx.t, path: [...base, 'endOffset'], value: b.offset },
  ];
  if (cx.value!.globalOffsets !== undefined) edits.push({ task: cx.t, path: [...base, 'globalOffsets'], value: { start, end } });
  return edits;
}

function hyperRange(cx: ResultCheck): void {
  const v = cx.value!;
  const base: JsonPath = ['predictions', cx.p, 'result', cx.r, 'value'];
  for (const { key } of ENDS) {
    const steps = parseXPath(v[key] as string);
    if (steps && !isCanonical(steps, v[key] as string)) {
      const canonical = canonicalXPath(steps);
      cx.report(`value.${key} = ${JSON.stringify(v[key])} is not written as Label Studio writes XPaths (${JSON.stringify(canonical)}: lower-case names, every step with its position). Label Studio's newer HyperText code matches the path as written and would not find this one.`, {
        path: ['value', key],
        severity: 'warning',
        suggestion: canonical,
        fix: { title: `Write ${key} as ${canonical}`, edits: [{ task: cx.t, path: [...base, key], value: canonical }] },
      });
    }
  }
  if ((v.startOffset as number) < 0 || (v.endOffset as number) < 0) {
    cx.report('startOffset and endOffset must not be negative.', { path: ['value', (v.startOffset as number) < 0 ? 'startOffset' : 'endOffset'] });
    return;
  }
  const doc = cx.html();
  const ends = [resolveEnd(doc, v, 'start', 'startOffset'), resolveEnd(doc, v, 'end', 'endOffset')];
  const g = globalOffsetsOf(v);
  const gUsable = !!doc && !!g && inText(g, doc);
  if (doc && g && !gUsable) {
    cx.report(`value.globalOffsets ${g.start}..${g.end} ${g.start > g.end ? 'is reversed' : `is outside the text, which has ${doc.length} characters (text nodes in code points, a <br> as one)`}.`, { path: ['value', 'globalOffsets'] });
  }
  const failed = ends.filter((e): e is Extract<End, { ok: false }> => e !== null && !e.ok);
  if (failed.length) {
    // Label Studio falls back to globalOffsets when the XPaths do not lead anywhere.
    const edits = gUsable ? moveEdits(cx, doc!, g!.start, g!.end) : null;
    const lost = failed.some((f) => f.key === 'start' || f.key === 'end');
    const fallback = gUsable
      ? ` Label Studio falls back to globalOffsets ${g!.start}..${g!.end} (${shown(doc!.slice(g!.start, g!.end))})${edits ? '; the fix writes the XPaths of that range' : ''}.`
      : lost && !(g && !doc)
        ? ' Without usable globalOffsets Label Studio cannot place the span.'
        : '';
    failed.forEach((f, i) => cx.report(f.message + (i === failed.length - 1 ? fallback : ''), { path: ['value', f.key], ...(edits && i === failed.length - 1 ? { fix: { title: `Set the XPaths from globalOffsets ${g!.start}..${g!.end}`, edits } } : {}) }));
    return;
  }
  if (!doc) {
    if (v.start === v.end && (v.startOffset as number) > (v.endOffset as number)) cx.report(`startOffset ${v.startOffset} is after endOffset ${v.endOffset} in the same text node: the span is reversed.`, { path: ['value', 'startOffset'] });
    return;
  }
  const s = (ends[0] as { at: number }).at;
  const e = (ends[1] as { at: number }).at;
  if (s > e) {
    cx.report(`The span starts at character ${s} of the text (value.start + startOffset) and ends at character ${e} (value.end + endOffset): it is reversed.`, { path: ['value', 'startOffset'] });
    return;
  }
  if (g && gUsable && (g.start !== s || g.end !== e)) {
    const byXPath = doc.slice(s, e);
    const byGlobal = doc.slice(g.start, g.end);
    const text = typeof v.text === 'string' ? v.text : null;
    const textIsGlobal = text !== null && matches(doc, g.start, g.end, text) && !matches(doc, s, e, text);
    const edits = textIsGlobal ? moveEdits(cx, doc, g.start, g.end) : [{ task: cx.t, path: [...base, 'globalOffsets'], value: { start: s, end: e } }];
    cx.report(
      `value.globalOffsets ${g.start}..${g.end} (${shown(byGlobal)}) disagree with the XPaths and offsets, which resolve to ${s}..${e} (${shown(byXPath)}). Label Studio goes by the XPaths and rewrites globalOffsets.${textIsGlobal ? ' value.text matches globalOffsets: the fix moves the XPaths there.' : ''}`,
      {
        path: ['value', 'globalOffsets'],
        ...(edits ? { fix: { title: textIsGlobal ? `Set the XPaths from globalOffsets ${g.start}..${g.end}` : `Set globalOffsets to ${s}..${e}`, edits } } : {}),
      },
    );
  }
}

/** Collapse whitespace runs to one space and trim: how a displayed selection compares with the HTML's text. */
const collapsed = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Is `text` what Label Studio would write for the span start..end (as stored, with `\n` spelled out, or as displayed)? */
function matches(doc: HtmlDocument, start: number, end: number, text: string): boolean {
  const covered = doc.slice(start, end);
  return sameSpanText(covered, text) || collapsed(unescapeNewlines(text)) === collapsed(doc.displayed(start, end));
}

function hyperMismatch(cx: ResultCheck): void {
  const v = cx.value!;
  if (typeof v.text !== 'string' || (v.startOffset as number) < 0 || (v.endOffset as number) < 0) return;
  const doc = cx.html();
  if (!doc) return;
  const span = located(cx, doc);
  if (!span) return;
  const { start, end } = span;
  if (matches(doc, start, end, v.text)) return;
  const covered = doc.slice(start, end);
  const base = ['predictions', cx.p, 'result', cx.r, 'value'];
  const by = span.by === 'xpath' ? 'the XPaths and offsets' : `globalOffsets ${start}..${end}`;
  const textFix = { title: 'Set value.text to the text the span covers', edits: [{ task: cx.t, path: [...base, 'text'], value: covered }] };
  if (withoutWhitespace(unescapeNewlines(v.text)) === withoutWhitespace(covered)) {
    cx.report(`value.text is ${shown(v.text)} and ${by} cover ${shown(covered)}: they differ only in whitespace, so the span is right. Label Studio ignores value.text.`, { path: ['value', 'text'], severity: 'warning', fix: textFix });
    return;
  }
  const found = nearest(doc.text.text, unescapeNewlines(v.text), doc.text.toUtf16(start));
  const s = found ? doc.text.fromUtf16(found.from) : -1;
  const e = found ? doc.text.fromUtf16(found.to) : -1;
  const edits = found ? moveEdits(cx, doc, s, e) : null;
  if (edits) {
    const a = doc.locate(s, 'start')!;
    cx.report(`value.text is ${shown(v.text)}, but ${by} cover ${shown(covered)}. Label Studio highlights the span and ignores value.text. The text occurs at ${s}..${e} of the HTML's text (from ${a.xpath} offset ${a.offset}).`, {
      path: ['value', 'start'],
      suggestion: `globalOffsets ${s}..${e}`,
      fix: { title: `Move the span to ${s}..${e}`, edits },
    });
    return;
  }
  cx.report(`value.text is ${shown(v.text)}, but ${by} cover ${shown(covered)}, and ${shown(v.text)} does not occur in the HTML's text. Label Studio highlights the span and ignores value.text.`, { path: ['value', 'text'], suggestion: covered, fix: textFix });
}

/**
 * Where `needle` occurs in `haystack` nearest to UTF-16 index `near` (UTF-16 range), whitespace between its
 * words matching any whitespace or none: a displayed selection reads line breaks the HTML's text lacks.
 */
function nearest(haystack: string, needle: string, near: number): { from: number; to: number } | null {
  const words = needle.split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
  let best: { from: number; to: number } | null = null;
  for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
    const hit = { from: m.index, to: m.index + m[0].length };
    if (!best || Math.abs(hit.from - near) < Math.abs(best.from - near)) best = hit;
    if (hit.from > near) break;
    re.lastIndex = m.index + 1;
  }
  return best;
}

export const hyperTextFamily: ValueFamily = {
  id: 'hypertext',
  regionKind: () => 'span',
  checks: { 'value-shape': hyperShape, 'span-out-of-range': hyperRange, 'span-text-mismatch': hyperMismatch },
};
