// The selected region as Konva nodes a person can drag, resize and rotate: rectangles rotate about
// their top-left corner (as Label Studio stores them), ellipses about their centre, keypoints move.
// The node moves on its own while dragging; the store gets one command on release (one undo step).

import Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Circle, Ellipse, Rect, Transformer } from 'react-konva';
import type { RegionView } from '../../core/preview';
import type { ImageSize } from './shapeUtils';

interface Props {
  region: RegionView;
  size: ImageSize;
  scale: number;
  onChange(patch: Record<string, number>, title: string): void;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function EditHandles({ region, size, scale, onChange }: Props) {
  const node = useRef<Konva.Shape>(null);
  const tr = useRef<Konva.Transformer>(null);
  const v = region.value;
  const { W, H } = size;
  const editable = !region.readonly && region.dropped === null;

  useEffect(() => {
    if (tr.current && node.current) {
      tr.current.nodes([node.current]);
      tr.current.getLayer()?.batchDraw();
    }
  }, [region]);

  const common = {
    ref: node as never,
    draggable: editable,
    stroke: '#ffffff',
    strokeWidth: 1 / scale,
    dash: [4 / scale, 3 / scale],
    name: 'edit-handle',
  };

  if (region.kind === 'rectangle') {
    const end = () => {
      const n = node.current!;
      const w = n.width() * n.scaleX();
      const h = n.height() * n.scaleY();
      n.scale({ x: 1, y: 1 });
      onChange({ x: (n.x() / W) * 100, y: (n.y() / H) * 100, width: (w / W) * 100, height: (h / H) * 100, rotation: n.rotation() }, 'Move or resize');
    };
    return (
      <>
        <Rect {...common} x={(num(v.x) / 100) * W} y={(num(v.y) / 100) * H} width={(num(v.width) / 100) * W} height={(num(v.height) / 100) * H} rotation={num(v.rotation)} onDragEnd={end} onTransformEnd={end} />
        {editable && <Transformer ref={tr} rotateEnabled ignoreStroke keepRatio={false} borderStroke="#0969da" anchorStroke="#0969da" anchorSize={8} />}
      </>
    );
  }
  if (region.kind === 'ellipse') {
    const end = () => {
      const n = node.current as Konva.Ellipse;
      const rx = n.radiusX() * n.scaleX();
      const ry = n.radiusY() * n.scaleY();
      n.scale({ x: 1, y: 1 });
      onChange({ x: (n.x() / W) * 100, y: (n.y() / H) * 100, radiusX: (rx / W) * 100, radiusY: (ry / H) * 100, rotation: n.rotation() }, 'Move or resize');
    };
    return (
      <>
        <Ellipse {...common} x={(num(v.x) / 100) * W} y={(num(v.y) / 100) * H} radiusX={(num(v.radiusX) / 100) * W} radiusY={(num(v.radiusY) / 100) * H} rotation={num(v.rotation)} onDragEnd={end} onTransformEnd={end} />
        {editable && <Transformer ref={tr} rotateEnabled ignoreStroke keepRatio={false} borderStroke="#0969da" anchorStroke="#0969da" anchorSize={8} />}
      </>
    );
  }
  if (region.kind === 'keypoint') {
    const end = () => {
      const n = node.current!;
      onChange({ x: (n.x() / W) * 100, y: (n.y() / H) * 100 }, 'Move');
    };
    return <Circle {...common} x={(num(v.x) / 100) * W} y={(num(v.y) / 100) * H} radius={Math.max((num(v.width ?? 0.5) / 100) * W, 6 / scale)} onDragEnd={end} />;
  }
  return null;
}
