// What the editors load just after the first paint, in its own chunk: the language support (Lezer, the XML
// and JSON grammars, colouring, bracket matching, folding; colours of the lines in view for JSON too big to
// parse), the findings (underlines and their gutter) and CodeMirror's standard key bindings. Before it
// arrives the editors already edit plain text and undo.

import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, defaultHighlightStyle, foldGutter, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorState, Extension, TransactionSpec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { jsonColours } from './jsonColours';

/** Syntax tree and colouring: for texts small enough to parse whole. */
export function languageSupport(language: 'xml' | 'json'): Extension {
  return [foldGutter(), syntaxHighlighting(defaultHighlightStyle), bracketMatching(), language === 'xml' ? xml() : json()];
}

/** Colours without a syntax tree, for the lines in view: for JSON texts too big to parse whole. */
export function viewColours(language: 'xml' | 'json'): Extension {
  return language === 'json' ? [syntaxHighlighting(defaultHighlightStyle), jsonColours()] : [];
}

/** The findings gutter and the standard keys, whatever the size. */
export const editorTools: Extension = [lintGutter(), keymap.of(defaultKeymap)];

export function showDiagnostics(state: EditorState, diagnostics: readonly Diagnostic[]): TransactionSpec {
  return setDiagnostics(state, diagnostics);
}
