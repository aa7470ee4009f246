// A labeling config for imported predictions when the user has none: one Image, one control per geometry kind.

import type { ImportResult, ShapeKind } from './model';

const CONTROL: Record<ShapeKind, { tag: string; name: string }> = {
  rectangle: { tag: 'RectangleLabels', name: 'label' },
  polygon: { tag: 'PolygonLabels', name: 'polygon' },
  keypoint: { tag: 'KeyPointLabels', name: 'keypoint' },
  mask: { tag: 'BrushLabels', name: 'brush' },
};

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Labels are the classes (after `map`) in the input's order; keypoint labels are the point names
 * (with `model_index`) when the input names them, else the classes. Every `toName` is the one Image.
 */
export function generateConfig(result: ImportResult, map: Record<string, string> = {}): string {
  const kinds = new Set<ShapeKind>();
  const used = new Set<string>();
  const usedPoints = new Map<number, string>();
  for (const im of result.images) {
    for (const o of im.objects) {
      for (const s of o.shapes) {
        kinds.add(s.kind);
        if (s.kind === 'keypoint') usedPoints.set(s.index, s.name ?? o.className);
        else used.add(o.className);
      }
    }
  }
  const classes = [...result.classes];
  for (const c of used) if (!classes.includes(c)) classes.push(c);
  const labelOf = (c: string) => map[c] ?? c;
  const lines = ['<View>', '  <Image name="image" value="$image"/>'];
  const order: ShapeKind[] = ['rectangle', 'polygon', 'mask', 'keypoint'];
  for (const k of order) {
    if (!kinds.has(k)) continue;
    const { tag, name } = CONTROL[k];
    lines.push(`  <${tag} name="${name}" toName="image">`);
    const values: string[] = [];
    const add = (v: string, extra = '') => {
      if (values.includes(v)) return;
      values.push(v);
      lines.push(`    <Label value="${attr(v)}"${extra}/>`);
    };
    if (k === 'keypoint' && result.keypointNames) result.keypointNames.forEach((n, i) => add(labelOf(n), ` model_index="${i}"`));
    else if (k === 'keypoint') for (const [, n] of [...usedPoints].sort((a, b) => a[0] - b[0])) add(labelOf(n));
    else for (const c of classes) add(labelOf(c));
    lines.push(`  </${tag}>`);
  }
  lines.push('</View>', '');
  return lines.join('\n');
}
