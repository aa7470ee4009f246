// A CodeMirror 6 editor for one pane: XML or JSON highlighting, findings underlined and in the gutter,
// edits reported as changes (the caller debounces), changes from outside applied as changes, scroll-to-offset
// requests honoured. The document is never copied whole on a keystroke or an edit. Language support, findings
// and standard keys are loaded just after the first paint (./editorSupport); before, the editor edits plain text.

import type { Diagnostic } from '@codemirror/lint';
import { Annotation, ChangeSet, Compartment, countColumn, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../core';
import type { TextChange } from '../../core/text/changes';
import { lineEnds } from './lineEnds';
import { loadSliced, SLICED_ABOVE, type Loadable, type SlicedLoad } from './docLoad';

/**
 * Above this size a text is coloured from the lines in view, without a syntax tree (no folding): CodeMirror
 * parses up to 100,000 characters past the view in the background, in slices of up to 100 ms in Chromium
 * (it yields to input, not to drawing), and a 155,000-character file took three of them after it was shown.
 */
const TREE_LIMIT = 100_000;

type SupportModule = typeof import('./editorSupport');

/** Marks changes made from outside (a loaded file), which must not echo back as edits. */
const external = Annotation.define<boolean>();

/** More changes than this from outside are applied as one replacement of the span they cover. */
const MANY_CHANGES = 2000;

/** Where `pos` of the text before `changes` (sorted, apart) is after them. */
function mapThrough(changes: readonly TextChange[], pos: number): number {
  let delta = 0;
  for (const c of changes) {
    if (c.from >= pos) break;
    if (c.to > pos) return c.from + delta + c.insert.length;
    delta += c.insert.length - (c.to - c.from);
  }
  return pos + delta;
}

/** A text read on demand: the tasks text is kept in pieces, and joining 57 MB for a range of it costs ~0.5 s. */
export interface TextSource {
  whole(): string;
  slice(from: number, to: number): string;
  /** A reader of this version of the text (later versions do not change what it reads). */
  reader(): (from: number, to: number) => string;
}

interface Props {
  label: string;
  language: 'xml' | 'json';
  /** The text, or a source of it: whole (read only when the changes below cannot be used) or a range. */
  text: string | TextSource;
  /** Identity of the text: the editor follows it when it changes. */
  version: number;
  /** How `version` was made from the version `base`: applied as is when the editor shows `base`. */
  change: { base: number; changes: readonly TextChange[]; typed: boolean } | null;
  findings: readonly Finding[];
  /** What the person typed, since the last call. */
  onChange(changes: ChangeSet): void;
  /** Scroll to and select this offset when the nonce changes. */
  reveal: { offset: number; nonce: number } | null;
  /** The app's undo and redo: one history across the panes and the canvas. */
  onUndo(): void;
  onRedo(): void;
}

/** End of the token at `from`: a whole string, number or word, so the underline covers what is wrong. */
function tokenEnd(read: (from: number, to: number) => string, from: number): number {
  // Most tokens are short: read a little, and more only for a string that runs on (up to 2,000 characters).
  let text = read(from, from + 200);
  if (text[0] === '"' && !/[^\\]"/.test(text.slice(1)) && text.length === 200) text = read(from, from + 2000);
  return from + tokenEndIn(text, 0);
}

function tokenEndIn(text: string, from: number): number {
  const c = text[from];
  if (c === '"') {
    for (let i = from + 1; i < text.length && i < from + 2000; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
  }
  if (c === '<') {
    const close = text.indexOf('>', from);
    return close === -1 ? from + 1 : Math.min(close + 1, from + 200);
  }
  let i = from;
  while (i < text.length && i < from + 200 && /[\w.+\-$]/.test(text[i])) i++;
  return Math.max(i, from + 1);
}

/** The changes of a CodeMirror change set, in the offsets of the document before it. */
export function textChanges(cs: ChangeSet): TextChange[] {
  const out: TextChange[] = [];
  cs.iterChanges((from, to, _a, _b, inserted) => out.push({ from, to, insert: inserted.toString() }));
  return out;
}

/** Room to leave left of a revealed place scrolled into view sideways: a little of what comes before it. */
const CONTEXT_PX = 40;

/**
 * The pane's new scrollLeft to show offset `at` (with its token after it), or null when it is in view
 * already. A place off screen is shown from its start with a little context, not at the nearest edge (a
 * value far along a one-line task was left showing nothing but its tail); a line narrower than the pane is
 * shown whole. Read in the editor's measure phase (no layout forced between edits and drawing); a line
 * not drawn (far above or below the view) is measured by its columns, the text being monospaced.
 */
export function revealX(view: EditorView, at: number): number | null {
  const scroller = view.scrollDOM;
  if (scroller.scrollWidth <= scroller.clientWidth) return null;
  const box = scroller.getBoundingClientRect();
  const gutters = (view.dom.querySelector('.cm-gutters') as HTMLElement | null)?.offsetWidth ?? 0;
  const left = box.left + gutters;
  const right = box.left + scroller.clientWidth;
  const doc = view.state.doc;
  const line = doc.lineAt(at);
  const cw = view.defaultCharacterWidth;
  const tab = view.state.tabSize;
  const drawn = view.coordsAtPos(at);
  // The content's left edge is the gutters' right edge when the pane is not scrolled sideways.
  const contentLeft = left - scroller.scrollLeft;
  const padding = 6; // CodeMirror's .cm-line padding-left
  const x = drawn ? drawn.left : contentLeft + padding + countColumn(line.text, tab, at - line.from) * cw;
  const token = tokenEnd((a, b) => doc.sliceString(a, Math.min(b, line.to)), at) - at;
  const room = Math.min((right - left) / 2, Math.max(1, token) * cw);
  if (x >= left && x + room <= right) return null;
  if (padding + countColumn(line.text, tab) * cw + padding <= right - left) return 0;
  return Math.max(0, scroller.scrollLeft + x - (left + CONTEXT_PX));
}

export function toDiagnostics(text: string | { length: number; read(from: number, to: number): string }, findings: readonly Finding[]): Diagnostic[] {
  const doc = typeof text === 'string' ? { length: text.length, read: (a: number, b: number) => text.slice(a, b) } : text;
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (f.offset < 0) continue;
    const from = Math.min(f.offset, doc.length);
    const to = Math.min(doc.length, tokenEnd(doc.read, from));
    out.push({ from, to: Math.max(to, from), severity: f.severity === 'info' ? 'info' : f.severity, source: f.rule, message: f.message });
  }
  return out;
}

export function CodeEditor({ label, language, text, version, change, findings, onChange, reveal, onUndo, onRedo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The version the editor shows (typing ahead of it aside). */
  const shown = useRef(version);
  /** The person typed since the editor last took a version. */
  const typedAhead = useRef(false);
  const full = () => (typeof text === 'string' ? text : text.whole());
  const onChangeRef = useRef(onChange);
  const languageSlot = useRef(new Compartment());
  const toolsSlot = useRef(new Compartment());
  const editableSlot = useRef(new Compartment());
  /** A big text being loaded in slices (the editor is read-only until it is in). */
  const loading = useRef<SlicedLoad | null>(null);
  const [loadingText, setLoadingText] = useState(false);
  const [loaded, setLoaded] = useState(0);
  /** The findings last shown were not none. */
  const marked = useRef(false);
  /** A reveal that came while a text was loading: done once it is in. */
  const revealLater = useRef(false);
  const revealed = useRef<typeof reveal>(null);
  const [support, setSupport] = useState<SupportModule | 'failed' | null>(null);
  const supportRef = useRef(support);
  supportRef.current = support;
  const languageFor = (size: number): Extension => {
    const s = supportRef.current;
    if (!s || s === 'failed') return [];
    return size > TREE_LIMIT ? s.viewColours(language) : s.languageSupport(language);
  };
  onChangeRef.current = onChange;
  const undoRef = useRef({ onUndo, onRedo });
  undoRef.current = { onUndo, onRedo };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: full(),
        extensions: [
          // Positions in the editor are offsets in the text: by default CodeMirror reads "\r\n" as one character,
          // and a change typed in a file with Windows line ends landed one character early per line above it.
          lineEnds,
          lineNumbers(),
          // In this order, so that the gutters read: line numbers, folding, findings.
          languageSlot.current.of(languageFor(full().length)),
          highlightActiveLine(),
          keymap.of([
            { key: 'Mod-z', run: () => (undoRef.current.onUndo(), true) },
            { key: 'Mod-Shift-z', run: () => (undoRef.current.onRedo(), true) },
            { key: 'Mod-y', run: () => (undoRef.current.onRedo(), true) },
          ]),
          // After the app's keys, which win over the standard ones.
          toolsSlot.current.of([]),
          editableSlot.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.some((t) => t.annotation(external))) return;
            typedAhead.current = true;
            onChangeRef.current(u.changes);
          }),
          EditorView.theme({ '&': { height: '100%', fontSize: '12px' }, '.cm-scroller': { overflow: 'auto' } }),
        ],
      }),
    });
    view.current = v;
    let live = true;
    import('./editorSupport').then(
      (m) => live && setSupport(m),
      (e: unknown) => {
        console.error('The editor language support could not be loaded:', e);
        if (live) setSupport('failed');
      },
    );
    return () => {
      live = false;
      loading.current?.cancel();
      v.destroy();
    };
    // The editor is created once; text and findings are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The support arrived: colour what is there now (unless it is too big to colour), add the gutter and keys.
  useEffect(() => {
    const v = view.current;
    if (v && support && support !== 'failed') v.dispatch({ effects: [languageSlot.current.reconfigure(languageFor(v.state.doc.length)), toolsSlot.current.reconfigure(support.editorTools)] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [support]);

  // A new version from outside (an edit on the canvas, undo) is applied as the changes that made it; a file
  // opened replaces only what differs. Either way the cursor and the scroll position stay where they were.
  useEffect(() => {
    const v = view.current;
    if (!v || version === shown.current) return;
    // A newer version replaces a text still loading: it is diffed against what is in the editor so far.
    loading.current?.cancel();
    loading.current = null;
    // Changes that do not fit the document (typing raced them) are not applied in part: the text replaces it below.
    const fits = change && change.base === shown.current && (change.typed || change.changes.every((c) => c.to <= v.state.doc.length));
    /**
     * Replaces [from, to) of the editor's text with `insert`, in slices when it is long (see docLoad.ts); `keep`
     * maps a position of the old text to the new, for the cursor and the line at the top of the view.
     */
    const replace = (from: number, to: number, insert: Loadable, keep?: (pos: number) => number) => {
      // Read before the text changes (and only when kept: reading the view's top line forces a layout).
      const at = keep && { top: v.lineBlockAtHeight(v.scrollDOM.getBoundingClientRect().top - v.documentTop).from, head: v.state.selection.main.head };
      const kept = (length: number) =>
        keep && at ? { selection: EditorSelection.cursor(Math.min(keep(at.head), length)), effects: [EditorView.scrollIntoView(Math.min(keep(at.top), length), { y: 'start' })] } : { effects: [] };
      const length = v.state.doc.length - (to - from) + insert.length;
      if (insert.length <= SLICED_ABOVE) {
        const k = kept(length);
        v.dispatch({ changes: { from, to, insert: insert.slice(0, insert.length) }, annotations: external.of(true), selection: k.selection, effects: [...k.effects, languageSlot.current.reconfigure(languageFor(length))] });
        return;
      }
      // No change fits the editor's text while it loads, and no finding is marked on it.
      shown.current = -1;
      setLoadingText(true);
      let restAt = from;
      loading.current = loadSliced(
        insert,
        (begin, end) => {
          restAt = from + end;
          v.dispatch({
            changes: { from, to, insert: begin },
            annotations: external.of(true),
            effects: [languageSlot.current.reconfigure(languageFor(length)), editableSlot.current.reconfigure([EditorState.readOnly.of(true), EditorView.editable.of(false)])],
          });
        },
        (rest) => {
          loading.current = null;
          shown.current = version;
          const k = kept(length);
          v.dispatch({ changes: { from: restAt, insert: rest }, annotations: external.of(true), selection: k.selection, effects: [...k.effects, editableSlot.current.reconfigure([])] });
          setLoadingText(false);
          setLoaded((n) => n + 1);
        },
      );
    };
    if (change && fits) {
      shown.current = version;
      if (change.typed) {
        typedAhead.current = false;
        return;
      }
      const list = change.changes;
      if (list.length <= MANY_CHANGES) {
        v.dispatch({ changes: list as TextChange[], annotations: external.of(true) });
        return;
      }
      // Many changes (a bulk edit of 100,000 regions) cost CodeMirror seconds to apply and map one by one:
      // the span they cover is replaced in one change instead, the cursor and the view kept where they were.
      const from = list[0].from;
      const to = list[list.length - 1].to;
      let delta = 0;
      for (const c of list) delta += c.insert.length - (c.to - c.from);
      // Read from the text's pieces as the slices load: 57 MB are not joined into one string for it.
      const read = typeof text === 'string' ? (a: number, b: number) => text.slice(a, b) : text.reader();
      const length = to + delta - from;
      replace(from, to, { length, slice: (a, b) => read(from + Math.min(a, length), from + Math.min(b, length)) }, (pos) => mapThrough(list, pos));
      return;
    }
    shown.current = version;
    typedAhead.current = false;
    const old = v.state.doc.toString();
    const next = full();
    if (old === next) return;
    let a = 0;
    const max = Math.min(old.length, next.length);
    while (a < max && old.charCodeAt(a) === next.charCodeAt(a)) a++;
    let b = 0;
    while (b < max - a && old.charCodeAt(old.length - 1 - b) === next.charCodeAt(next.length - 1 - b)) b++;
    replace(a, old.length - b, next.slice(a, next.length - b));
    // The text comes as a function only while it is not needed whole: read it here, as a new file was opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  useEffect(() => {
    const v = view.current;
    if (!v || !support || support === 'failed') return;
    // Findings belong to the analysed text; while the person types ahead of the analysis, keep the old marks.
    if (version !== shown.current || typedAhead.current) return;
    // Nothing marked and nothing to mark (the config pane on every edit of the tasks): no transaction.
    if (!findings.length && !marked.current) return;
    const doc = v.state.doc;
    v.dispatch(support.showDiagnostics(v.state, toDiagnostics({ length: doc.length, read: (a, b) => doc.sliceString(a, Math.min(b, doc.length)) }, findings)));
    marked.current = findings.length > 0;
  }, [findings, version, support, loaded]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    // A reveal that came while a text was loading is done once the text is all there.
    if (loading.current) {
      revealLater.current = true;
      return;
    }
    if (reveal === revealed.current && !revealLater.current) return;
    revealed.current = reveal;
    revealLater.current = false;
    const at = Math.min(reveal.offset, v.state.doc.length);
    // Vertically the pane moves only when the line is not in view (with a few lines around it): centring it
    // on every nudge of a region redrew the pane's lines each time (~25 ms of an edit's 190 at 10,000 boxes).
    // Sideways it moves only when the place is not in view (revealX, in the editor's measure phase, before
    // this scroll; `nearest` then has nothing left to do): aligned to the start on every reveal, a nudge
    // scrolled a pane whose edited line fitted by 75 px, because another line was wider than the pane.
    v.requestMeasure({ key: revealX, read: (view) => revealX(view, at), write: (left, view) => left !== null && (view.scrollDOM.scrollLeft = left) });
    v.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'nearest', yMargin: 60, x: 'nearest', xMargin: 0 }) });
  }, [reveal, loaded]);

  return (
    <>
      {loadingText && <p className="pane-note">Loading the text into the editor…</p>}
      {support === 'failed' && <p className="warn pane-note">Syntax colouring and underlined findings could not be loaded (reload the page to try again); editing and undo work, and Problems lists the findings.</p>}
      <div ref={host} className="code-editor" data-pane={label} />
    </>
  );
}
