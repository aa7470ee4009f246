// Finds the value family for a result: by its type, and for span-like types by the object it labels.

import type { ValueFamily } from '../validate/context';
import { CLASSIFICATION_TYPES, classificationFamily } from './classification';
import { imageFamily } from './image';
import { audioFamily, timeseriesFamily, videoFamily } from './media';
import { hyperTextFamily } from './hypertext';
import { paragraphsFamily, textFamily } from './text';

const BY_TYPE = new Map<string, ValueFamily>();
for (const t of ['rectangle', 'rectanglelabels', 'ellipse', 'ellipselabels', 'polygon', 'polygonlabels', 'keypoint', 'keypointlabels', 'brush', 'brushlabels', 'magicwand', 'bitmask', 'bitmasklabels', 'vector', 'vectorlabels']) BY_TYPE.set(t, imageFamily);
for (const t of CLASSIFICATION_TYPES) BY_TYPE.set(t, classificationFamily);
for (const t of ['videorectangle', 'videovector', 'videovectorlabels', 'timelinelabels']) BY_TYPE.set(t, videoFamily);
BY_TYPE.set('hypertextlabels', hyperTextFamily);
BY_TYPE.set('paragraphlabels', paragraphsFamily);
BY_TYPE.set('timeserieslabels', timeseriesFamily);

/** Object tag type -> the family of a generic `labels` result on it. */
const BY_OBJECT: Record<string, ValueFamily> = {
  image: imageFamily,
  text: textFamily,
  hypertext: hyperTextFamily,
  paragraphs: paragraphsFamily,
  audio: audioFamily,
  audioplus: audioFamily,
  timeseries: timeseriesFamily,
  video: videoFamily,
};

/** Span types whose shape depends on the object: HyperText spans are XPaths, Text spans are offsets. */
const OBJECT_FIRST = new Set(['labels', 'hypertextlabels', 'paragraphlabels', 'timeserieslabels']);

export function familyFor(type: string | null, objectType: string | undefined): ValueFamily | undefined {
  if (!type) return undefined;
  if (OBJECT_FIRST.has(type) && objectType && BY_OBJECT[objectType]) return BY_OBJECT[objectType];
  return BY_TYPE.get(type);
}
