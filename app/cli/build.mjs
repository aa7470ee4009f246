// Bundles the CLI (TypeScript core + fast-xml-parser) into one ES module that Node 20 runs directly.
// Runs on `npm install` (the `prepare` script) and on first use when the bundle is missing.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const outfile = path.join(here, 'dist', 'prelabel.mjs');

export async function buildCli() {
  await build({
    entryPoints: [path.join(here, 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  // The core alone, for benchmarks that time its phases in-process.
  await build({
    entryPoints: [path.join(here, 'coreEntry.ts')],
    outfile: path.join(here, 'dist', 'prelabel-core.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
