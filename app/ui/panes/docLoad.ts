// A new text of many megabytes goes into the editor a slice at a time: CodeMirror splits a text it is given
// into lines and builds its tree in one go (~240 ms for the 23 MB of 2,000 x 20 boxes, measured), which held
// the page at the opening of a file. Here the lines are split and the tree built in slices of a few
// milliseconds; the editor shows the text's beginning at once and takes the rest in one change at the end.

import { Text } from '@codemirror/state';

/** Texts longer than this are loaded in slices. */
export const SLICED_ABOVE = 1_000_000;
/** How much a slice splits before it yields (characters; ~1 ms per 100 KB). */
const SLICE = 400_000;
/** The beginning shown at once: more than a screen of lines. */
const HEAD = 64_000;

/** A text to load: a string, or a reader of one that is not joined (57 MB of tasks kept in pieces). */
export interface Loadable {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** Where a slice ends: after a line break at or after `at`, or the text's end. */
function lineEndAfter(text: Loadable, at: number): number {
  if (typeof text === 'string') {
    if (at >= text.length) return text.length;
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl + 1;
  }
  for (let from = at; from < text.length; from += 4096) {
    // A reader may give more than asked near its end (a range of a longer text): only up to `length` counts.
    const nl = text.slice(from, Math.min(from + 4096, text.length)).indexOf('\n');
    if (nl >= 0) return Math.min(from + nl + 1, text.length);
  }
  return text.length;
}

/** The lines of `text` from `from` to `to` (a line break ends a piece, so that pieces append as they are). */
function piece(text: Loadable, from: number, to: number): Text {
  return Text.of(text.slice(from, to).split('\n'));
}

export interface SlicedLoad {
  cancel(): void;
}

/**
 * Loads `text` for an editor: `head` gets its beginning (up to a line end) at once, `done` the rest after
 * slices that each yield to the page. `cancel` stops it (a newer text came).
 */
export function loadSliced(text: Loadable, head: (begin: Text, end: number) => void, done: (rest: Text) => void): SlicedLoad {
  const first = lineEndAfter(text, HEAD);
  head(piece(text, 0, first), first);
  let at = first;
  let rest: Text | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const until = performance.now() + 8;
    while (at < text.length && performance.now() < until) {
      const end = lineEndAfter(text, at + SLICE);
      const p = piece(text, at, end);
      rest = rest ? rest.append(p) : p;
      at = end;
    }
    if (at < text.length) timer = setTimeout(step, 0);
    else done(rest ?? Text.empty);
  };
  timer = setTimeout(step, 0);
  return { cancel: () => clearTimeout(timer) };
}
