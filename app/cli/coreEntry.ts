// The core as one module for benchmarks that time its phases in-process, with its HTML parser.

import '../core/text/parse5';

export * from '../core';
