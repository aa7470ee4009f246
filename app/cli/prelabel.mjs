#!/usr/bin/env node
// `prelabel` command: runs the bundled CLI, building it first if `npm install` did not.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist', 'prelabel.mjs');
if (!existsSync(bundle)) {
  const { buildCli } = await import('./build.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
