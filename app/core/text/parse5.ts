// Registers parse5 (the HTML standard's tree builder) as the parser of HyperText HTML: on import, and
// again through registerParse5 (for a caller that loads this module after the parser was unset).

import { parse, parseFragment } from 'parse5';
import { setHtmlParser } from './htmlParser';

export function registerParse5(): void {
  setHtmlParser({ parse, parseFragment });
}

registerParse5();
