// What every importer produces before it meets a config: images, their objects and the objects' shapes.

/** Where a value came from, for messages: the file and its 1-based line. */
export interface Source {
  file: string;
  line: number;
}

/** Geometry in Label Studio's units: percent of the image (0..100), rectangles by their top-left corner. */
export type Shape =
  | { kind: 'rectangle'; x: number; y: number; width: number; height: number; rotation: number }
  | { kind: 'polygon'; points: [number, number][] }
  | { kind: 'keypoint'; x: number; y: number; /** Index of the point in the model's skeleton. */ index: number; /** Its name, when the input names points. */ name: string | null }
  /** Label Studio brush RLE of the whole image (width x height, RGBA). */
  | { kind: 'mask'; rle: number[]; width: number; height: number };

export type ShapeKind = Shape['kind'];

export interface ImportedObject {
  /** The class as the input names it, or its id as a string when the input has no name for it. */
  className: string;
  /** Class id as written in the input (YOLO index, COCO category id), when there is one. */
  classId: number | null;
  /** True when the class id has no name in the input's class list. */
  unnamed: boolean;
  score: number | null;
  /** One object can have several shapes: a pose box and its points, or the rings of one COCO polygon. */
  shapes: Shape[];
  /** COCO: the annotation's bbox when its segmentation is the shape; used when the config has no polygon or brush control. */
  boxFallback?: Shape | null;
  source: Source;
}

export interface ImportedImage {
  /** The image file's name as it goes into the task's data (relative to the image root). */
  file: string;
  width: number | null;
  height: number | null;
  objects: ImportedObject[];
  /** The labels file (YOLO txt, VOC xml) or the JSON this image's objects came from. */
  source: string;
}

/** A problem in the input that stops the import: nothing is written. */
export class ImportError extends Error {
  constructor(message: string, readonly where?: Source) {
    super(where ? `${where.file}:${where.line}: ${message}` : message);
  }
}

export interface ImportResult {
  format: 'yolo' | 'coco' | 'voc';
  /** YOLO: detect | segment | obb | pose; COCO/VOC: what was found. */
  kind: string;
  images: ImportedImage[];
  /** Every class the input names, in its order (class list, categories), used or not. */
  classes: string[];
  /** Keypoint names by index, when the input has them (COCO category keypoints, data.yaml kpt_names). */
  keypointNames: string[] | null;
  /** Things worth saying that do not stop the import (labels files without an image, ...). */
  notes: string[];
}
