// The selected region as Konva nodes a person can drag, resize and rotate: rectangles rotate about
// their top-left corner (as Label Studio stores them), ellipses about their centre, keypoints move.
// The node moves on its own while dragging; the store gets one command on release (one undo step).

import Konva from 'konva';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Circle, Ellipse, Group, Line, Rect, Transformer } from 'react-konva';
import type { RegionView } from '../../core/preview';
import type { GeometryPatch } from '../../store/commands';
import type { ImageSize } from './shapeUtils';

interface Props {
  region: RegionView;
  size: ImageSize;
  scale: number;
  onChange(patch: GeometryPatch, title: string): void;
  /** The region was just pressed on the canvas: its drag starts now, from where the pointer went down. */
  grab?: boolean;
  onGrabbed?(): void;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function EditHandles({ region, size, scale, onChange, grab, onGrabbed }: Props) {
  const node = useRef<Konva.Shape>(null);
  const group = useRef<Konva.Group>(null);
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

  // Press-and-drag on an unselected region: it was selected by the press, and moves with the same gesture.
  useLayoutEffect(() => {
    if (!grab) return;
    const n = group.current ?? node.current;
    if (n && editable && n.getStage()) n.startDrag();
    onGrabbed?.();
  }, [grab]); // eslint-disable-line react-hooks/exhaustive-deps

  const common = {
    ref: node as never,
    draggable: editable,
    stroke: '#ffffff',
    strokeWidth: 1 / scale,
    dash: [4 / scale, 3 / scale],
    name: 'edit-handle',
  };

  // Resize and rotate handles, shared by rectangles and ellipses.
  const transformer = editable && <Transformer ref={tr} rotateEnabled ignoreStroke keepRatio={false} borderStroke="#0969da" anchorStroke="#0969da" anchorSize={8} />;

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
        {transformer}
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
        {transformer}
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
  if (region.kind === 'polygon' && Array.isArray(v.points)) {
    // Drag a vertex to move it, double-click it to delete it (3 stay), drag a midpoint to add one.
    const pts = (v.points as number[][]).map((pt) => [num(pt[0]), num(pt[1])]);
    const toPercent = (n: Konva.Node) => [(n.x() / W) * 100, (n.y() / H) * 100];
    const r = 5 / scale;
    // The whole polygon moves as one group: a drag on its outline, or a press on it when it was not selected.
    const endGroup = (e: Konva.KonvaEventObject<DragEvent>) => {
      if ((e.target as Konva.Node) !== group.current) return;
      const g = group.current!;
      const dx = (g.x() / W) * 100;
      const dy = (g.y() / H) * 100;
      g.position({ x: 0, y: 0 });
      onChange({ points: pts.map(([x, y]) => [x + dx, y + dy]) }, 'Move');
    };
    return (
      <Group ref={group} draggable={editable} onDragEnd={endGroup}>
        <Line points={pts.flatMap(([x, y]) => [(x / 100) * W, (y / 100) * H])} closed stroke="#ffffff" strokeWidth={1 / scale} hitStrokeWidth={6 / scale} dash={[4 / scale, 3 / scale]} name="edit-handle" />
        {pts.map(([x, y], i) => (
          <Circle
            key={`v${i}`}
            name="vertex"
            x={(x / 100) * W}
            y={(y / 100) * H}
            radius={r}
            fill="#ffffff"
            stroke="#0969da"
            strokeWidth={1.5 / scale}
            draggable={editable}
            onDragEnd={(e) => {
              e.cancelBubble = true;
              onChange({ points: pts.map((pt, j) => (j === i ? toPercent(e.target) : pt)) }, 'Move a vertex of');
            }}
            onDblClick={() => editable && pts.length > 3 && onChange({ points: pts.filter((_, j) => j !== i) }, 'Delete a vertex of')}
          />
        ))}
        {editable &&
          pts.map(([x, y], i) => {
            const [nx, ny] = pts[(i + 1) % pts.length];
            return (
              <Circle
                key={`m${i}`}
                name="midpoint"
                x={(((x + nx) / 2) * W) / 100}
                y={(((y + ny) / 2) * H) / 100}
                radius={r * 0.7}
                fill="#0969da"
                opacity={0.7}
                draggable
                onDragEnd={(e) => {
                  e.cancelBubble = true;
                  onChange({ points: [...pts.slice(0, i + 1), toPercent(e.target), ...pts.slice(i + 1)] }, 'Add a vertex to');
                }}
              />
            );
          })}
      </Group>
    );
  }
  return null;
}
