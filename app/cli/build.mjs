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
    // yaml's Node build is CommonJS that requires node built-ins: give the ES module bundle a require.
    banner: { js: "import { createRequire as __prelabelRequire } from 'node:module'; const require = __prelabelRequire(import.meta.url);" },
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
    banner: { js: "import { createRequire as __prelabelRequire } from 'node:module'; const require = __prelabelRequire(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
