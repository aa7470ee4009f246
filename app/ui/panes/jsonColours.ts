// Colours for a JSON text too big for a syntax tree: the strings, numbers and literals on screen are found by
// reading the lines in view, from each line's start (a JSON string never spans lines), so the cost is what
// is on screen, not the size of the file. The colours are the highlight style's, as the JSON grammar tags
// them; at this size there is no folding or bracket matching (those need the tree).

import { highlightingFor } from '@codemirror/language';
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { tags, type Tag } from '@lezer/highlight';

export type JsonTokenKind = 'string' | 'property' | 'number' | 'bool' | 'null';

export interface JsonToken {
  from: number;
  to: number;
  kind: JsonTokenKind;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Characters a number is made of after its first: digits, '.', 'e', 'E', '+', '-'. */
const inNumber = (c: number) => isDigit(c) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;

/**
 * The tokens of `line` (the text of one line) that reach into [from, to) (offsets in the line), in order.
 * A string followed by ':' is a property name, as the JSON grammar has it. Reading starts at the line's
 * start, so a string that opens before `from` is known for one.
 */
export function jsonTokens(line: string, from = 0, to = line.length): JsonToken[] {
  const out: JsonToken[] = [];
  const n = line.length;
  let i = 0;
  while (i < n && i < to) {
    const c = line.charCodeAt(i);
    let end = i + 1;
    let kind: JsonTokenKind | null = null;
    if (c === 34) {
      while (end < n) {
        const d = line.charCodeAt(end);
        if (d === 92) end += 2;
        else if (d === 34) {
          end++;
          break;
        } else end++;
      }
      end = Math.min(end, n);
      let k = end;
      while (k < n && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
      kind = line.charCodeAt(k) === 58 ? 'property' : 'string';
    } else if (isDigit(c) || c === 45) {
      while (end < n && inNumber(line.charCodeAt(end))) end++;
      kind = 'number';
    } else if (c >= 97 && c <= 122 && (i === 0 || !isWordChar(line.charCodeAt(i - 1)))) {
      while (end < n && isWordChar(line.charCodeAt(end))) end++;
      const word = line.slice(i, end);
      kind = word === 'true' || word === 'false' ? 'bool' : word === 'null' ? 'null' : null;
    }
    if (kind && end > from) out.push({ from: i, to: end, kind });
    i = end;
  }
  return out;
}

const TAGS: Record<JsonTokenKind, Tag> = { string: tags.string, property: tags.propertyName, number: tags.number, bool: tags.bool, null: tags.null };

function marks(state: EditorState): Partial<Record<JsonTokenKind, Decoration>> {
  const out: Partial<Record<JsonTokenKind, Decoration>> = {};
  for (const kind of Object.keys(TAGS) as JsonTokenKind[]) {
    const cls = highlightingFor(state, [TAGS[kind]]);
    if (cls) out[kind] = Decoration.mark({ class: cls });
  }
  return out;
}

function colour(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const look = marks(view.state);
  const doc = view.state.doc;
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = doc.lineAt(pos);
      const a = Math.max(from, line.from);
      const b = Math.min(to, line.to);
      for (const t of jsonTokens(doc.sliceString(line.from, b === line.to ? line.to : Math.min(line.to, b + 2000)), a - line.from, b - line.from)) {
        const mark = look[t.kind];
        const start = line.from + t.from;
        // Visible ranges of one line can share a token; each range starts where the last one's marks ended.
        if (mark && start >= last) {
          builder.add(start, line.from + t.to, mark);
          last = line.from + t.to;
        }
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/** The plugin colouring the lines in view. */
export function jsonColours(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = colour(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged || u.viewportChanged) this.decorations = colour(u.view);
      }
    },
    { decorations: (v) => v.decorations },
  );
}
