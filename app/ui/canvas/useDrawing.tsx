// Drawing new regions with the tools the config allows on this image (Rectangle, Ellipse, Polygon,
// KeyPoint and their *Labels forms): drag for boxes and ellipses, click for keypoints, click the
// vertices of a polygon and double-click (or click its first vertex) to close it.

import Konva from 'konva';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Circle, Ellipse, Line, Rect } from 'react-konva';
import type { ConfigModel, ControlTag, ObjectTag } from '../../core';
import { newRegionResults } from '../../store/commands';
import { useStore, type ViewTransform } from '../../store/store';
import type { ImageSize } from './shapeUtils';
import { toolOn } from '../actions';

const KIND_OF: Record<string, 'rectangle' | 'ellipse' | 'polygon' | 'keypoint'> = {
  Rectangle: 'rectangle',
  RectangleLabels: 'rectangle',
  Ellipse: 'ellipse',
  EllipseLabels: 'ellipse',
  Polygon: 'polygon',
  PolygonLabels: 'polygon',
  KeyPoint: 'keypoint',
  KeyPointLabels: 'keypoint',
};

interface Draft {
  kind: 'rectangle' | 'ellipse' | 'polygon' | 'keypoint';
  points: { x: number; y: number }[];
}

export function useDrawing(config: ConfigModel | null, object: ObjectTag, size: ImageSize, view: ViewTransform) {
  const addResults = useStore((s) => s.addResults);
  const tools = useMemo(() => (config ? [...config.controls.values()].filter((c) => KIND_OF[c.tag] && c.toName.includes(object.name)) : []), [config, object.name]);
  const labelsControl = useMemo(() => (config ? ([...config.controls.values()].find((c) => c.tag === 'Labels' && c.toName.includes(object.name)) ?? null) : null), [config, object.name]);
  const [tool, setTool] = useState<ControlTag | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  // Handlers read the latest draft from here: a quick double-click fires its second click and the dblclick
  // before React has re-rendered with the vertex the first click added.
  const draftRef = useRef<Draft | null>(null);
  const setDraft = (d: Draft | null) => {
    draftRef.current = d;
    setDraftState(d);
  };
  const labelSource = tool && tool.options.length ? tool : labelsControl;
  const labels = labelSource?.options.map((o) => o.value) ?? [];

  useEffect(() => {
    setLabel(labels[0] ?? null);
    setDraft(null);
    // The label list changes with the tool only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tool]);

  // Escape (the region.exit action) leaves the tool, and drops the shape being drawn.
  useEffect(() => {
    if (!tool) return;
    return toolOn(() => {
      setDraft(null);
      setTool(null);
    });
  }, [tool]);

  const toImage = (stage: Konva.Stage) => {
    const p = stage.getPointerPosition()!;
    return { x: Math.max(0, Math.min(size.W, (p.x - view.x) / view.scale)), y: Math.max(0, Math.min(size.H, (p.y - view.y) / view.scale)) };
  };
  const pct = (p: { x: number; y: number }) => [(p.x / size.W) * 100, (p.y / size.H) * 100];
  // A double-click to close also clicks twice: drop vertices that repeat the one before.
  const polygon = (pts: { x: number; y: number }[]) => pts.filter((p, i) => i === 0 || Math.hypot(p.x - pts[i - 1].x, p.y - pts[i - 1].y) * view.scale >= 2).map(pct);

  const finish = (geometry: Record<string, unknown>) => {
    if (!tool) return;
    const results = newRegionResults({ control: tool, labelsControl: tool.options.length ? null : labelsControl, label, toName: object.name, geometry, originalWidth: size.W, originalHeight: size.H });
    addResults(results, `Draw ${KIND_OF[tool.tag]}${label ? ` ${label}` : ''}`);
    setDraft(null);
  };

  const kind = tool ? KIND_OF[tool.tag] : null;
  const handlers = kind
    ? {
        onMouseDown(e: Konva.KonvaEventObject<MouseEvent>) {
          const p = toImage(e.target.getStage()!);
          if (kind === 'rectangle' || kind === 'ellipse') setDraft({ kind, points: [p, p] });
        },
        onMouseMove(e: Konva.KonvaEventObject<MouseEvent>) {
          const p = toImage(e.target.getStage()!);
          const draft = draftRef.current;
          if (draft && (draft.kind === 'rectangle' || draft.kind === 'ellipse')) setDraft({ ...draft, points: [draft.points[0], p] });
        },
        onMouseUp() {
          const draft = draftRef.current;
          if (!draft || (draft.kind !== 'rectangle' && draft.kind !== 'ellipse')) return;
          const [a, b] = draft.points;
          if (Math.abs(a.x - b.x) * view.scale < 3 || Math.abs(a.y - b.y) * view.scale < 3) return setDraft(null);
          if (draft.kind === 'rectangle') {
            const [x, y] = pct({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y) });
            finish({ x, y, width: (Math.abs(a.x - b.x) / size.W) * 100, height: (Math.abs(a.y - b.y) / size.H) * 100, rotation: 0 });
          } else {
            const [x, y] = pct(a);
            finish({ x, y, radiusX: (Math.abs(a.x - b.x) / size.W) * 100, radiusY: (Math.abs(a.y - b.y) / size.H) * 100, rotation: 0 });
          }
        },
        onClick(e: Konva.KonvaEventObject<MouseEvent>) {
          const p = toImage(e.target.getStage()!);
          if (kind === 'keypoint') {
            const [x, y] = pct(p);
            finish({ x, y, width: (5 / size.W) * 100 });
          } else if (kind === 'polygon') {
            const pts = draftRef.current?.points ?? [];
            const first = pts[0];
            if (pts.length >= 3 && first && Math.hypot(first.x - p.x, first.y - p.y) * view.scale < 8) finish({ points: polygon(pts) });
            else setDraft({ kind, points: [...pts, p] });
          }
        },
        onDblClick() {
          const draft = draftRef.current;
          if (kind === 'polygon' && draft && polygon(draft.points).length >= 3) finish({ points: polygon(draft.points) });
        },
      }
    : null;

  const draftNode = draft ? <DraftShape draft={draft} scale={view.scale} /> : null;

  const toolbar = tools.length ? (
    <span className="draw-tools" role="group" aria-label={`Draw on ${object.name}`}>
      <button type="button" aria-pressed={!tool} onClick={() => setTool(null)}>
        Select
      </button>
      {tools.map((t) => (
        <button type="button" key={t.name} aria-pressed={tool === t} onClick={() => setTool(t)} title={`<${t.tag} name="${t.name}">`}>
          {KIND_OF[t.tag][0].toUpperCase() + KIND_OF[t.tag].slice(1)} ({t.name})
        </button>
      ))}
      {tool && labels.length > 0 && (
        <select aria-label="New region label" value={label ?? ''} onChange={(e) => setLabel(e.target.value)}>
          {labels.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      )}
    </span>
  ) : null;

  return { toolbar, handlers, draftNode, drawing: !!tool };
}

function DraftShape({ draft, scale }: { draft: Draft; scale: number }) {
  const style = { stroke: '#ffeb3b', strokeWidth: 2 / scale, dash: [6 / scale, 4 / scale], listening: false };
  const [a, b] = draft.points;
  if (draft.kind === 'rectangle') return <Rect {...style} x={Math.min(a.x, b.x)} y={Math.min(a.y, b.y)} width={Math.abs(a.x - b.x)} height={Math.abs(a.y - b.y)} />;
  if (draft.kind === 'ellipse') return <Ellipse {...style} x={a.x} y={a.y} radiusX={Math.abs(a.x - b.x)} radiusY={Math.abs(a.y - b.y)} />;
  return (
    <>
      <Line {...style} points={draft.points.flatMap((p) => [p.x, p.y])} />
      {draft.points.map((p, i) => (
        <Circle key={i} x={p.x} y={p.y} radius={4 / scale} fill="#ffeb3b" listening={false} />
      ))}
    </>
  );
}
