// What the editors load just after the first paint, in its own chunk: the language support (Lezer, the XML
// and JSON grammars, colouring, bracket matching, folding) and CodeMirror's standard key bindings (which
// need the syntax tree). Before it arrives the editors already edit plain text, undo and show findings.

import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, defaultHighlightStyle, foldGutter, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';

export function languageSupport(language: 'xml' | 'json'): Extension {
  return [foldGutter(), syntaxHighlighting(defaultHighlightStyle), bracketMatching(), language === 'xml' ? xml() : json()];
}

export const standardKeys: Extension = keymap.of(defaultKeymap);
