// Text spans: `labels` on <Text> (code-point offsets into the data string) and `paragraphlabels` on
// <Paragraphs> (paragraph indices plus offsets) — FORMAT-NOTES §6; HyperText spans are in hypertext.ts.

import type { JsonEdit } from '../finding';
import type { ResultCheck, ValueFamily } from '../validate/context';
import { isNum, jsonType, needNumber } from './valueKeys';

const isInt = (v: unknown): v is number => isNum(v) && Number.isInteger(v);

export function needInt(cx: ResultCheck, key: string): boolean {
  if (!needNumber(cx, key)) return false;
  const v = cx.value![key] as number;
  if (!Number.isInteger(v)) {
    cx.report(`value.${key} = ${v} is not a whole number: text offsets count characters.`, { path: ['value', key] });
    cx.valueOk = false;
    return false;
  }
  return true;
}

const spanPath = (cx: ResultCheck) => ['predictions', cx.p, 'result', cx.r, 'value'];

// ---- <Text> ---------------------------------------------------------------------------------------

function textShape(cx: ResultCheck): void {
  needInt(cx, 'start');
  needInt(cx, 'end');
  const t = cx.value!.text;
  if (t !== undefined && typeof t !== 'string') {
    cx.report(`value.text is ${jsonType(t)}; for a text span it is the covered text, a string.`, { path: ['value', 'text'] });
    cx.valueOk = false;
  }
}

function textRange(cx: ResultCheck): void {
  const { start, end } = cx.value! as { start: number; end: number };
  if (start < 0) {
    cx.report(`value.start = ${start} is negative.`, { path: ['value', 'start'] });
    return;
  }
  if (start > end) {
    cx.report(`value.start = ${start} is after value.end = ${end}: the span is reversed.`, {
      path: ['value', 'start'],
      fix: { title: 'Swap start and end', edits: [{ task: cx.t, path: [...spanPath(cx), 'start'], value: end }, { task: cx.t, path: [...spanPath(cx), 'end'], value: start }] },
    });
    return;
  }
  const text = cx.text();
  if (!text) return;
  if (end > text.length) {
    cx.report(`value.end = ${end} is past the end of the text (${text.length} characters, counted in code points as Label Studio does).`, { path: ['value', 'end'] });
  }
}

/** Label Studio's editor writes every newline of a span's text as a backslash and `n` (FORMAT-NOTES §6). */
export const unescapeNewlines = (s: string) => (s.includes('\\n') ? s.replace(/\\n/g, '\n') : s);

export const withoutWhitespace = (s: string) => s.replace(/\s+/g, '');

/** Is `text` the data slice `covered`, as written directly or with its newlines spelled as Label Studio writes them? */
export function sameSpanText(covered: string, text: string): boolean {
  return covered === text || covered === unescapeNewlines(text);
}

/** A span's text quoted in a message, cut at 60 characters. */
export const shown = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s);

/** Where does `needle` occur in `cpText` nearest to code point `near`? */
function nearestOccurrence(haystack: string, needle: string, nearUtf16: number): number {
  if (!needle) return -1;
  let best = -1;
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    if (best === -1 || Math.abs(i - nearUtf16) < Math.abs(best - nearUtf16)) best = i;
    i = haystack.indexOf(needle, i + 1);
  }
  return best;
}

function textMismatch(cx: ResultCheck): void {
  const v = cx.value!;
  if (typeof v.text !== 'string') return;
  const { start, end } = v as { start: number; end: number };
  if (start < 0 || start > end) return;
  const text = cx.text();
  if (!text || end > text.length) {
    // Offsets past the end are span-out-of-range; but UTF-16 offsets can overshoot too: say so.
    if (text && text.hasAstral && sameSpanText(text.text.slice(start, end), v.text)) reportUtf16(cx, start, end, text);
    return;
  }
  const covered = text.slice(start, end);
  if (sameSpanText(covered, v.text)) return;
  if (text.hasAstral && sameSpanText(text.text.slice(start, end), v.text)) {
    reportUtf16(cx, start, end, text);
    return;
  }
  const base = spanPath(cx);
  if (withoutWhitespace(unescapeNewlines(v.text)) === withoutWhitespace(covered)) {
    // Label Studio trims and collapses spaces when it displays text without pre-wrap, and so do tools
    // that copy from its display: the characters match, so the offsets are right.
    cx.report(`value.text is ${shown(v.text)} and the data between start ${start} and end ${end} is ${shown(covered)}: they differ only in whitespace, so the offsets are right. Label Studio ignores value.text.`, {
      path: ['value', 'text'],
      severity: 'warning',
      fix: { title: 'Set value.text to the text the offsets cover', edits: [{ task: cx.t, path: [...base, 'text'], value: covered }] },
    });
    return;
  }
  const wanted = unescapeNewlines(v.text);
  const at = nearestOccurrence(text.text, wanted, text.toUtf16(start));
  if (at !== -1) {
    const s = text.fromUtf16(at);
    const e = text.fromUtf16(at + wanted.length);
    cx.report(`value.text is ${shown(v.text)}, but the data between start ${start} and end ${end} is ${shown(covered)}. Label Studio highlights the offsets and ignores value.text. The text occurs at ${s}..${e}.`, {
      path: ['value', 'start'],
      suggestion: `start ${s}, end ${e}`,
      fix: { title: `Move the span to ${s}..${e}`, edits: [{ task: cx.t, path: [...base, 'start'], value: s }, { task: cx.t, path: [...base, 'end'], value: e }] },
    });
    return;
  }
  cx.report(`value.text is ${shown(v.text)}, but the data between start ${start} and end ${end} is ${shown(covered)}, and ${shown(v.text)} does not occur in the text. Label Studio highlights the offsets and ignores value.text.`, {
    path: ['value', 'text'],
    suggestion: covered,
    fix: { title: 'Set value.text to the text the offsets cover', edits: [{ task: cx.t, path: [...base, 'text'], value: covered }] },
  });
}

function reportUtf16(cx: ResultCheck, start: number, end: number, text: { fromUtf16(u: number): number }): void {
  const s = text.fromUtf16(start);
  const e = text.fromUtf16(end);
  const base = spanPath(cx);
  const edits: JsonEdit[] = [
    { task: cx.t, path: [...base, 'start'], value: s },
    { task: cx.t, path: [...base, 'end'], value: e },
  ];
  cx.report(`The offsets ${start}..${end} count UTF-16 units (JavaScript string indices); Label Studio counts code points, so an emoji or other astral character before the span shifts it. In code points the span is ${s}..${e}.`, {
    path: ['value', 'start'],
    suggestion: `start ${s}, end ${e}`,
    fix: { title: `Convert offsets to code points (${s}..${e})`, edits },
  });
}

export const textFamily: ValueFamily = {
  id: 'text',
  regionKind: () => 'span',
  checks: {
    'value-shape': textShape,
    'span-out-of-range': textRange,
    'span-text-mismatch': textMismatch,
  },
};

// ---- <Paragraphs> ---------------------------------------------------------------------------------

function paragraphShape(cx: ResultCheck): void {
  const v = cx.value!;
  for (const key of ['start', 'end']) {
    const x = v[key];
    if (x === undefined) {
      cx.report(`value.${key} is missing: a paragraph span needs start and end paragraph indices (written as strings, e.g. "0").`, { path: ['value'] });
      cx.valueOk = false;
    } else if (!(typeof x === 'string' && /^\d+$/.test(x)) && !isInt(x)) {
      cx.report(`value.${key} is ${jsonType(x)}; it must be a paragraph index such as "0".`, { path: ['value', key] });
      cx.valueOk = false;
    }
  }
  needInt(cx, 'startOffset');
  needInt(cx, 'endOffset');
}

function paragraphRange(cx: ResultCheck): void {
  const v = cx.value!;
  const s = Number(v.start);
  const e = Number(v.end);
  if (s > e) {
    cx.report(`Paragraph start ${s} is after end ${e}: the span is reversed.`, { path: ['value', 'start'] });
    return;
  }
  if (!cx.object?.variable || cx.options.skipDataChecks) return;
  const paras = cx.data?.[cx.object.variable];
  if (!Array.isArray(paras)) return;
  if (e >= paras.length) {
    cx.report(`value.end = ${JSON.stringify(v.end)} names paragraph ${e}, but the data has ${paras.length} paragraph(s) (indices 0..${paras.length - 1}).`, { path: ['value', 'end'] });
    return;
  }
  const textKey = cx.object.attrs.textKey ?? 'text';
  const lengthOf = (i: number) => {
    const p = paras[i] as Record<string, unknown> | undefined;
    const t = p && typeof p === 'object' ? p[textKey] : undefined;
    return typeof t === 'string' ? [...t].length : null;
  };
  const sl = lengthOf(s);
  const el = lengthOf(e);
  if (sl !== null && (v.startOffset as number) > sl) cx.report(`startOffset ${v.startOffset} is past the end of paragraph ${s} (${sl} characters).`, { path: ['value', 'startOffset'] });
  if (el !== null && (v.endOffset as number) > el) cx.report(`endOffset ${v.endOffset} is past the end of paragraph ${e} (${el} characters).`, { path: ['value', 'endOffset'] });
}

export const paragraphsFamily: ValueFamily = {
  id: 'paragraphs',
  regionKind: () => 'span',
  checks: { 'value-shape': paragraphShape, 'span-out-of-range': paragraphRange },
};
