// The slim react-konva registers every Konva shape the app draws: a shape it misses would be drawn by
// react-konva as an empty Group, with only a console error to say so.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ui = path.resolve(import.meta.dirname, '..');
/** Nodes that konva/lib/Core registers itself. */
const CORE = new Set(['Stage', 'Layer', 'FastLayer', 'Group', 'Shape']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

test('every shape imported from react-konva is registered by app/ui/canvas/reactKonva.ts', () => {
  const used = new Set<string>();
  for (const file of sources(ui)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'react-konva'/g)) {
      for (const name of m[1].split(',')) {
        const imported = name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
        if (imported && !CORE.has(imported) && /^[A-Z]/.test(imported)) used.add(imported);
      }
    }
  }
  const registered = new Set([...readFileSync(path.join(ui, 'canvas/reactKonva.ts'), 'utf8').matchAll(/import 'konva\/lib\/shapes\/(\w+)\.js'/g)].map((m) => m[1]));
  expect(used.size).toBeGreaterThan(0);
  expect([...used].filter((s) => !registered.has(s)).sort()).toEqual([]);
  // And nothing registered that nothing draws (it would only add weight).
  expect([...registered].filter((s) => !used.has(s)).sort()).toEqual([]);
});

test('vite.config.ts sends react-konva to the slim module', () => {
  const config = readFileSync(path.resolve(ui, '../../vite.config.ts'), 'utf8');
  expect(config).toMatch(/find: \/\^react-konva\$\/, replacement: .*app\/ui\/canvas\/reactKonva\.ts/);
});
