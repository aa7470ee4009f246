// Which HTML parser builds HyperText trees (text/html.ts). parse5 is registered by whoever loads it
// (text/parse5.ts): the CLI, the worker and the tests at once, the app's page only when a config has a
// <HyperText>, so that its 44 kB (gzip) stay off the first screen. Without one, HyperText spans are
// checked in their form only, as for valueType="url".

import type { parse, parseFragment } from 'parse5';

export interface HtmlParser {
  parse: typeof parse;
  parseFragment: typeof parseFragment;
}

let parser: HtmlParser | null = null;

export function setHtmlParser(p: HtmlParser | null): void {
  parser = p;
}

export function htmlParser(): HtmlParser | null {
  return parser;
}
