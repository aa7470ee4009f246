// The image of one <Image> object with its regions drawn as Label Studio draws them (react-konva):
// all regions in one Konva shape (fast at 10,000 boxes), zoom at the cursor, pan, fit, click to select.

import Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Image as KImage, Layer, Rect, Shape, Stage } from 'react-konva';
import type { ObjectTag } from '../../core';
import type { RegionView, RelationView } from '../../core/preview';
import { useStore, type ViewTransform } from '../../store/store';
import { imageFileName } from '../files';
import { EditHandles } from './EditHandles';
import { useBrush } from './useBrush';
import { useDrawing } from './useDrawing';
import { shapeUtils, type ImageSize } from './shapeUtils';

interface Props {
  object: ObjectTag;
  url: string | null;
  regions: RegionView[];
  relations?: RelationView[];
  /** Regions of another prediction, drawn over these as white dashed outlines. */
  compare?: RegionView[];
}

type Status = { state: 'loading' | 'loaded' | 'missing' | 'error'; image?: HTMLImageElement; message?: string };

function useImage(src: string | null, fileName: string): Status {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  useEffect(() => {
    if (!src) {
      setStatus({ state: 'missing', message: 'The task has no image URL for this object.' });
      return;
    }
    setStatus({ state: 'loading' });
    const img = new window.Image();
    let live = true;
    img.onload = () => live && setStatus({ state: 'loaded', image: img });
    img.onerror = () =>
      live &&
      setStatus({
        state: 'error',
        message: `The image "${fileName}" could not be loaded (missing, remote and unreachable, or blocked). Regions are drawn on a blank canvas of original_width x original_height; drop the image file to see it.`,
      });
    img.src = src;
    return () => {
      live = false;
    };
  }, [src, fileName]);
  return status;
}

function useSize(ref: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ width: 600, height: 400 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: Math.max(100, el.clientWidth), height: Math.max(100, el.clientHeight) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

const LABEL_FONT = 12;

/** Label widths at the base font size, measured once per text (10,000 labels repeat a few texts). */
const widths = { font: '', cache: new Map<string, number>() };
function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widths.cache.get(text);
  if (w === undefined) {
    const font = ctx.font;
    ctx.font = widths.font;
    w = ctx.measureText(text).width;
    ctx.font = font;
    if (widths.cache.size > 50_000) widths.cache.clear();
    widths.cache.set(text, w);
  }
  return w;
}

function drawLock(ctx: CanvasRenderingContext2D, x: number, y: number, s: number) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y + s * 0.45, s * 0.8, s * 0.55);
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = s * 0.14;
  ctx.beginPath();
  ctx.arc(x + s * 0.4, y + s * 0.45, s * 0.25, Math.PI, 0);
  ctx.stroke();
}

export function ImageCanvas({ object, url, regions, relations = [], compare }: Props) {
  const images = useStore((s) => s.images);
  const selected = useStore((s) => s.selected);
  const showHidden = useStore((s) => s.showHidden);
  const revealed = useStore((s) => s.revealed);
  const storedView = useStore((s) => s.view);
  const selectRegion = useStore((s) => s.selectRegion);
  const setView = useStore((s) => s.setView);
  const moveRegion = useStore((s) => s.moveRegion);
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);

  const fileName = url ? imageFileName(url) : '';
  const src = url ? (images.get(fileName) ?? url) : null;
  const status = useImage(src, fileName);

  const first = regions.find((r) => r.originalWidth && r.originalHeight);
  const size: ImageSize = status.image
    ? { W: status.image.naturalWidth, H: status.image.naturalHeight }
    : { W: first?.originalWidth ?? 1000, H: first?.originalHeight ?? 1000 };

  const fit: ViewTransform = useMemo(() => {
    const scale = Math.min(width / size.W, height / size.H) * 0.98;
    return { scale, x: (width - size.W * scale) / 2, y: (height - size.H * scale) / 2 };
  }, [width, height, size.W, size.H]);
  const view = storedView ?? fit;

  const selectedRegion = regions.find((r) => r.key === selected && (r.kind === 'rectangle' || r.kind === 'ellipse' || r.kind === 'keypoint' || r.kind === 'polygon')) ?? null;
  const visible = useMemo(() => regions.filter((r) => shapeUtils[r.kind] && (!r.hidden || showHidden || revealed.has(r.key))), [regions, showHidden, revealed]);

  // Memoised: Konva redraws the layer only when the function changes, not on every React render.
  const sceneFunc = useCallback((context: Konva.Context) => {
    const ctx = (context as unknown as { _context: CanvasRenderingContext2D })._context;
    const px = 1 / view.scale;
    for (const r of visible) {
      const util = shapeUtils[r.kind];
      const isSelected = r.key === selected;
      const ghost = r.hidden || r.dropped !== null;
      ctx.save();
      ctx.globalAlpha = ghost ? 0.4 : 1;
      if (util.paint) util.paint(ctx, r, size);
      else {
        ctx.beginPath();
        util.path(ctx, r, size);
        ctx.fillStyle = r.color;
        ctx.globalAlpha = (ghost ? 0.4 : 1) * (isSelected ? 0.35 : 0.12);
        ctx.fill();
        ctx.globalAlpha = ghost ? 0.5 : 1;
        ctx.lineWidth = (isSelected ? 3 : 2) * px;
        ctx.strokeStyle = r.color;
        ctx.setLineDash(ghost ? [6 * px, 4 * px] : []);
        ctx.stroke();
        if (r.problems.length) {
          // Warning style: an orange dashed line over the region's own colour.
          ctx.strokeStyle = '#ff9800';
          ctx.lineWidth = 2 * px;
          ctx.setLineDash([4 * px, 4 * px]);
          ctx.stroke();
        }
      }
      ctx.restore();
    }
    // The compared prediction: white dashed outlines over a dark one, with its labels in italics.
    if (compare?.length) {
      ctx.save();
      for (const r of compare) {
        const util = shapeUtils[r.kind];
        if (!util || util.paint) continue;
        ctx.beginPath();
        util.path(ctx, r, size);
        ctx.setLineDash([]);
        ctx.lineWidth = 3.5 * px;
        ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
        ctx.stroke();
        ctx.setLineDash([5 * px, 4 * px]);
        ctx.lineWidth = 1.8 * px;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      }
      ctx.font = `italic ${LABEL_FONT * px}px sans-serif`;
      ctx.fillStyle = '#ffffff';
      ctx.textBaseline = 'top';
      for (const r of compare) {
        const util = shapeUtils[r.kind];
        if (!util) continue;
        const a = util.anchor(r, size);
        ctx.fillText(r.labels.join(', ') || r.kind, a.x + 2 * px, a.y + 2 * px);
      }
      ctx.restore();
    }
    // Relations: a line with an arrowhead from one region's label corner to the other's.
    if (relations.length) {
      const byKey = new Map(visible.map((r) => [r.key, r]));
      ctx.save();
      ctx.strokeStyle = '#ffffff';
      ctx.fillStyle = '#ffffff';
      ctx.lineWidth = 1.5 * px;
      for (const rel of relations) {
        const a = byKey.get(rel.fromId);
        const b = byKey.get(rel.toId);
        if (!a || !b) continue;
        const p1 = shapeUtils[a.kind].anchor(a, size);
        const p2 = shapeUtils[b.kind].anchor(b, size);
        ctx.beginPath();
        ctx.moveTo(p1.x, p1.y);
        ctx.lineTo(p2.x, p2.y);
        ctx.stroke();
        const t = Math.atan2(p2.y - p1.y, p2.x - p1.x);
        const head = 8 * px;
        ctx.beginPath();
        ctx.moveTo(p2.x, p2.y);
        ctx.lineTo(p2.x - head * Math.cos(t - 0.4), p2.y - head * Math.sin(t - 0.4));
        ctx.lineTo(p2.x - head * Math.cos(t + 0.4), p2.y - head * Math.sin(t + 0.4));
        ctx.fill();
      }
      ctx.restore();
    }
    // Labels on top of all shapes.
    ctx.save();
    ctx.font = `${LABEL_FONT * px}px sans-serif`;
    widths.font = `${LABEL_FONT}px sans-serif`;
    ctx.textBaseline = 'top';
    for (const r of visible) {
      const util = shapeUtils[r.kind];
      const a = util.anchor(r, size);
      const ghost = r.hidden || r.dropped !== null;
      let text = r.labels.length ? r.labels.join(', ') : r.kind;
      if (r.score !== null) text += ` ${r.score.toFixed(2)}`;
      if (r.dropped) text += ' — dropped by Label Studio';
      else if (r.problems.length) text += ' !';
      const w = textWidth(ctx, text) * px + (r.readonly ? LABEL_FONT * px * 1.1 : 0) + 6 * px;
      const h = (LABEL_FONT + 4) * px;
      ctx.globalAlpha = ghost ? 0.5 : 0.9;
      ctx.fillStyle = r.dropped ? '#555' : r.problems.length ? '#e65100' : r.color;
      ctx.fillRect(a.x, a.y - h, w, h);
      ctx.fillStyle = '#fff';
      ctx.fillText(text, a.x + 3 * px, a.y - h + 2 * px);
      if (r.readonly) drawLock(ctx, a.x + w - LABEL_FONT * px * 1.05, a.y - h + 2 * px, LABEL_FONT * px);
    }
    ctx.restore();
  }, [visible, selected, view.scale, size.W, size.H, relations, compare]);

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = e.target.getStage()!;
    const p = stage.getPointerPosition();
    if (!p) return;
    const factor = Math.pow(1.0015, -e.evt.deltaY);
    const scale = Math.max(0.01, Math.min(200, view.scale * factor));
    const ix = (p.x - view.x) / view.scale;
    const iy = (p.y - view.y) / view.scale;
    setView({ scale, x: p.x - ix * scale, y: p.y - iy * scale });
  };

  const onClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target.getParent()?.className === 'Transformer' || e.target.name() === 'vertex' || e.target.name() === 'midpoint') return;
    const stage = e.target.getStage()!;
    const p = stage.getPointerPosition();
    if (!p) return;
    const q = { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
    const tol = 4 / view.scale;
    for (let i = visible.length - 1; i >= 0; i--) {
      if (shapeUtils[visible[i].kind].hit(visible[i], size, q, tol)) {
        selectRegion(visible[i].key);
        return;
      }
    }
    selectRegion(null);
  };

  const config = useStore((s) => s.project.goodConfig);
  const draw = useDrawing(config, object, size, view);
  const selectedBrush = regions.find((r) => r.key === selected && r.kind === 'brush') ?? null;
  const brush = useBrush(config, object, size, view, selectedBrush);
  const tool = brush.handlers ?? draw.handlers;
  const notice = status.state === 'error' || status.state === 'missing' ? status.message : null;

  return (
    <figure className="image-object" aria-label={`Image ${object.name}`}>
      <div className="canvas-toolbar">
        <strong>{object.name}</strong> <span className="muted">{fileName || 'no image'}</span>
        <span className="muted">
          {' '}
          {size.W} × {size.H} px
        </span>
        {draw.toolbar}
        {brush.toolbar}
        <button type="button" onClick={() => setView(null)}>
          Fit
        </button>
        <button type="button" onClick={() => setView({ ...view, scale: view.scale * 1.25, x: view.x - (width / 2 - view.x) * 0.25, y: view.y - (height / 2 - view.y) * 0.25 })}>
          Zoom in
        </button>
        <button type="button" onClick={() => setView({ ...view, scale: view.scale / 1.25, x: view.x + (width / 2 - view.x) * 0.2, y: view.y + (height / 2 - view.y) * 0.2 })}>
          Zoom out
        </button>
      </div>
      {notice && (
        <p className="image-notice" role="status">
          {notice}
        </p>
      )}
      <div
        ref={box}
        className="canvas-box"
        data-testid={`canvas-${object.name}`}
        data-image-status={status.state}
        data-image-width={size.W}
        data-image-height={size.H}
        data-view={JSON.stringify(view)}
        data-regions-drawn={visible.length}
        data-drawing={draw.drawing ? 'true' : 'false'}
        data-compared={compare?.length ?? 0}
      >
        <Stage
          width={width}
          height={height}
          x={view.x}
          y={view.y}
          scaleX={view.scale}
          scaleY={view.scale}
          draggable={!draw.drawing && !brush.active}
          onWheel={onWheel}
          onClick={brush.active ? undefined : (draw.handlers?.onClick ?? onClick)}
          onMouseDown={tool?.onMouseDown}
          onMouseMove={tool?.onMouseMove}
          onMouseUp={tool?.onMouseUp}
          onDblClick={brush.active ? undefined : draw.handlers?.onDblClick}
          onDragEnd={(e) => {
            if (e.target === e.target.getStage()) setView({ scale: view.scale, x: e.target.x(), y: e.target.y() });
          }}
        >
          <Layer listening={false}>
            {status.image ? (
              <KImage image={status.image} width={size.W} height={size.H} />
            ) : (
              <Rect width={size.W} height={size.H} fill="#e8eaed" stroke="#9aa0a6" strokeWidth={1 / view.scale} dash={[8 / view.scale, 6 / view.scale]} />
            )}
          </Layer>
          <Layer listening={false}>
            <Shape sceneFunc={sceneFunc} perfectDrawEnabled={false} listening={false} />
          </Layer>
          {(draw.draftNode || brush.preview) && (
            <Layer listening={false}>
              {draw.draftNode}
              {brush.preview}
            </Layer>
          )}
          {selectedRegion && !draw.drawing && (
            <Layer>
              <EditHandles region={selectedRegion} size={size} scale={view.scale} onChange={(patch, title) => moveRegion(selectedRegion, patch, title)} />
            </Layer>
          )}
        </Stage>
      </div>
    </figure>
  );
}
