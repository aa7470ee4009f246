// Vitest setup: core checks HyperText HTML with parse5, as the CLI and the worker do.

import '../core/text/parse5';
