// The tasks' images, loaded once per source and decoded off the page's thread (HTMLImageElement.decode),
// for the canvas to show as an <img> under its layers, as Label Studio shows them: drawn into a canvas,
// a 1600 x 1200 image was decoded on the page's thread at its first paint (100 ms and more). A load starts
// as soon as the canvas knows the source, while it renders, not after its first paint.

import { taskData, type ConfigModel } from '../../core';
import { imageFileName } from '../files';

export interface ImageLoad {
  src: string;
  image: HTMLImageElement;
  /** Set once the image is decoded (or known not to load). */
  result: 'loaded' | 'error' | null;
  done: Promise<void>;
}

/** The last few images, by source: the current task's and the ones just before it. */
const loads = new Map<string, ImageLoad>();
const KEEP = 8;

export function loadImage(src: string): ImageLoad {
  const known = loads.get(src);
  if (known) {
    loads.delete(src);
    loads.set(src, known);
    return known;
  }
  const image = new window.Image();
  image.decoding = 'async';
  const load: ImageLoad = { src, image, result: null, done: Promise.resolve() };
  load.done = new Promise<void>((resolve) => {
    image.onload = () => {
      // decode() can refuse an image that loaded (e.g. some SVGs); it is shown all the same.
      const settle = () => {
        load.result = 'loaded';
        resolve();
      };
      image.decode().then(settle, settle);
    };
    image.onerror = () => {
      load.result = 'error';
      // Not kept: the next canvas to show this source tries again (the image may have been unreachable for a while).
      if (loads.get(src) === load) loads.delete(src);
      resolve();
    };
  });
  image.src = src;
  loads.set(src, load);
  for (const key of loads.keys()) {
    if (loads.size <= KEEP) break;
    loads.delete(key);
  }
  return load;
}

/**
 * Starts loading the images `task` shows (the values of the config's <Image> objects), a dropped file
 * standing in for an image of its name, as the canvas will show them. How many loads it started.
 */
export function preloadTaskImages(config: ConfigModel, task: unknown, files: ReadonlyMap<string, string>): number {
  const data = taskData(task);
  let started = 0;
  for (const object of config.objects.values()) {
    if (object.type !== 'image' || object.namePattern) continue;
    const value = object.variable && data ? data[object.variable] : object.value;
    if (typeof value !== 'string' || !value) continue;
    const src = files.get(imageFileName(value)) ?? value;
    if (!loads.has(src)) started++;
    loadImage(src);
  }
  return started;
}
