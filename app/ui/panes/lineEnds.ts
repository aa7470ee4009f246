// Windows line ends in the editor: the editor splits lines at "\n" only, so that its positions are the text's
// offsets, and a "\r\n" is kept whole: the cursor never rests between its two characters (one Backspace
// removes both), and a line break typed into a file whose lines end in "\r\n" is "\r\n" too.

import { ChangeSet, EditorSelection, EditorState, RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const pair = Decoration.mark({});

/** The "\r\n" pairs of the lines in view, as ranges the cursor moves over and deletes whole. */
const pairs = ViewPlugin.fromClass(
  class {
    ranges: DecorationSet;
    constructor(view: EditorView) {
      this.ranges = find(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.ranges = find(u.view);
    }
  },
);

function find(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc } = view.state;
  for (const { from, to } of view.visibleRanges) {
    for (let n = doc.lineAt(from).number, last = doc.lineAt(to).number; n <= last; n++) {
      const line = doc.line(n);
      if (line.to < doc.length && line.length && doc.sliceString(line.to - 1, line.to) === '\r') builder.add(line.to - 1, line.to + 1, pair);
    }
  }
  return builder.finish();
}

/** The line at `pos` ends in "\r\n" (the last line, without an end, goes by the line above it). */
function crlfAt(state: EditorState, pos: number): boolean {
  const { doc } = state;
  let line = doc.lineAt(pos);
  if (line.to === doc.length && line.number > 1) line = doc.line(line.number - 1);
  return line.to < doc.length && line.length > 0 && doc.sliceString(line.to - 1, line.to) === '\r';
}

/** A line break typed where lines end in "\r\n" is "\r\n" too. */
const typedBreaks = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || !tr.isUserEvent('input')) return tr;
  let changed = false;
  const specs: { from: number; to: number; insert: string }[] = [];
  const { doc } = tr.startState;
  tr.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
    const text = inserted.toString();
    if (!text.includes('\n') || !crlfAt(tr.startState, from)) return void specs.push({ from, to, insert: text });
    changed = true;
    // Enter trims the white space after the cursor up to the line's end, which would take the "\r" and leave its "\n".
    const end = to > from && doc.sliceString(to - 1, to + 1) === '\r\n' ? to - 1 : to;
    specs.push({ from, to: end, insert: text.replace(/\r?\n/g, '\r\n') });
  });
  if (!changed) return tr;
  const changes = ChangeSet.of(specs, tr.startState.doc.length, '\n');
  return { changes, selection: tr.startState.selection.map(changes, 1), userEvent: 'input', scrollIntoView: true };
});

/** No cursor between the "\r" and the "\n" of a line end (End, a click past the line's text): it goes before the "\r". */
const outsidePairs = EditorState.transactionFilter.of((tr) => {
  const sel = tr.newSelection;
  const doc = tr.newDoc;
  const inside = (p: number) => p > 0 && p < doc.length && doc.sliceString(p - 1, p + 1) === '\r\n';
  if (!sel.ranges.some((r) => inside(r.head) || inside(r.anchor))) return tr;
  const ranges = sel.ranges.map((r) => EditorSelection.range(inside(r.anchor) ? r.anchor - 1 : r.anchor, inside(r.head) ? r.head - 1 : r.head));
  return [tr, { selection: EditorSelection.create(ranges, sel.mainIndex), sequential: true }];
});

export const lineEnds: Extension = [
  EditorState.lineSeparator.of('\n'),
  pairs,
  EditorView.atomicRanges.of((view) => view.plugin(pairs)?.ranges ?? Decoration.none),
  typedBreaks,
  outsidePairs,
];
