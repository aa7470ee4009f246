// Reads the shared material tests run against: the predictions guide's examples and the corpus.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** ../shared beside the checkout (CI lays it there), or PRELABEL_SHARED. */
export const SHARED = process.env.PRELABEL_SHARED ?? path.resolve(here, '../../../shared');

if (!existsSync(SHARED)) {
  throw new Error(`The shared folder is missing: expected it at ${SHARED} (beside the checkout), or set PRELABEL_SHARED.`);
}

export const sharedPath = (...parts: string[]) => path.join(SHARED, ...parts);
export const readShared = (...parts: string[]) => readFileSync(sharedPath(...parts), 'utf8');

export interface GuideExample {
  id: 'bbox' | 'shapes' | 'ner' | 'ocr' | 'troubleshooting';
  title: string;
  config: string;
  tasks: string;
}

const SECTIONS: [GuideExample['id'], string][] = [
  ['bbox', '## Import bbox and choice pre-annotations for images'],
  ['shapes', '## Import pre-annotated rectangle, polygon, ellipse & keypoint regions without labels for images'],
  ['ner', '## Import span pre-annotations for text'],
  ['ocr', '## Import OCR pre-annotations'],
  ['troubleshooting', '### Check the IDs and toName values'],
];

/** The guide's examples: each section's first XML config and first JSON tasks block, as written. */
export function guideExamples(): GuideExample[] {
  const md = readShared('spec', 'label-studio-predictions-guide.md');
  return SECTIONS.map(([id, heading]) => {
    const start = md.indexOf(heading);
    if (start === -1) throw new Error(`guide section not found: ${heading}`);
    const rest = md.slice(start);
    const xml = /```xml\n([\s\S]*?)```/.exec(rest);
    const json = /(?:\{% codeblock lang:json %\}|```json)\n([\s\S]*?)(?:\{% endcodeblock %\}|```)/.exec(rest);
    if (!xml || !json) throw new Error(`guide section without config or tasks: ${heading}`);
    return { id, title: heading.replace(/^#+\s*/, ''), config: xml[1], tasks: json[1] };
  });
}
