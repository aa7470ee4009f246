// A CodeMirror 6 editor for one pane: XML or JSON highlighting, findings underlined and in the gutter,
// edits reported (the caller debounces), scroll-to-offset requests honoured. Language support, findings and
// standard keys are loaded just after the first paint (./editorSupport); before, the editor edits plain text.

import type { Diagnostic } from '@codemirror/lint';
import { Annotation, Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../core';

/** Above this size the syntax tree and highlighting cost more than they give (a 10,000-box file). */
const HIGHLIGHT_LIMIT = 250_000;

type SupportModule = typeof import('./editorSupport');

/** Marks changes made from outside (a loaded file), which must not echo back as edits. */
const external = Annotation.define<boolean>();

interface Props {
  label: string;
  language: 'xml' | 'json';
  text: string;
  findings: readonly Finding[];
  onChange(text: string): void;
  /** Scroll to and select this offset when the nonce changes. */
  reveal: { offset: number; nonce: number } | null;
  /** The app's undo and redo: one history across the panes and the canvas. */
  onUndo(): void;
  onRedo(): void;
}

/** End of the token at `from`: a whole string, number or word, so the underline covers what is wrong. */
function tokenEnd(text: string, from: number): number {
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

export function toDiagnostics(text: string, findings: readonly Finding[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (f.offset < 0) continue;
    const from = Math.min(f.offset, text.length);
    const to = Math.min(text.length, tokenEnd(text, from));
    out.push({ from, to: Math.max(to, from), severity: f.severity === 'info' ? 'info' : f.severity, source: f.rule, message: f.message });
  }
  return out;
}

export function CodeEditor({ label, language, text, findings, onChange, reveal, onUndo, onRedo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const languageSlot = useRef(new Compartment());
  const toolsSlot = useRef(new Compartment());
  const [support, setSupport] = useState<SupportModule | 'failed' | null>(null);
  const supportRef = useRef(support);
  supportRef.current = support;
  const languageFor = (size: number): Extension => {
    const s = supportRef.current;
    return size > HIGHLIGHT_LIMIT || !s || s === 'failed' ? [] : s.languageSupport(language);
  };
  onChangeRef.current = onChange;
  const undoRef = useRef({ onUndo, onRedo });
  undoRef.current = { onUndo, onRedo };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          // In this order, so that the gutters read: line numbers, folding, findings.
          languageSlot.current.of(languageFor(text.length)),
          highlightActiveLine(),
          keymap.of([
            { key: 'Mod-z', run: () => (undoRef.current.onUndo(), true) },
            { key: 'Mod-Shift-z', run: () => (undoRef.current.onRedo(), true) },
            { key: 'Mod-y', run: () => (undoRef.current.onRedo(), true) },
          ]),
          // After the app's keys, which win over the standard ones.
          toolsSlot.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) onChangeRef.current(u.state.doc.toString());
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

  // A new text from outside (a file, an edit on the canvas, undo) replaces only what differs, so the
  // cursor and the scroll position stay where the person left them.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const old = v.state.doc.toString();
    if (old === text) return;
    let a = 0;
    const max = Math.min(old.length, text.length);
    while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
    let b = 0;
    while (b < max - a && old.charCodeAt(old.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
    v.dispatch({
      changes: { from: a, to: old.length - b, insert: text.slice(a, text.length - b) },
      annotations: external.of(true),
      effects: languageSlot.current.reconfigure(languageFor(text.length)),
    });
  }, [text]);

  useEffect(() => {
    const v = view.current;
    if (!v || !support || support === 'failed') return;
    const doc = v.state.doc.toString();
    // Findings belong to the analysed text; while the person types ahead of the analysis, keep the old marks.
    if (doc !== text) return;
    v.dispatch(support.showDiagnostics(v.state, toDiagnostics(doc, findings)));
  }, [findings, text, support]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    const at = Math.min(reveal.offset, v.state.doc.length);
    v.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  }, [reveal]);

  return (
    <>
      {support === 'failed' && <p className="warn pane-note">Syntax colouring and underlined findings could not be loaded (reload the page to try again); editing and undo work, and Problems lists the findings.</p>}
      <div ref={host} className="code-editor" data-pane={label} />
    </>
  );
}
