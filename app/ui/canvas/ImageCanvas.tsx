// The image of one <Image> object with its regions drawn as Label Studio draws them (react-konva):
// all regions in one Konva shape (fast at 10,000 boxes), the selected and hovered region on a layer above
// it, zoom at the cursor, pan (from a bitmap of the regions while moving), fit, click to select.

import Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Image as KImage, Layer, Rect, Shape, Stage } from 'react-konva';
import { useHover } from '../hover';
import type { ObjectTag } from '../../core';
import type { RegionView, RelationView } from '../../core/preview';
import { useStore, type ViewTransform } from '../../store/store';
import { imageFileName } from '../files';
import { useStable } from '../stable';
import { EditHandles } from './EditHandles';
import { ActionButton, runAction } from '../actions';
import { loadImage } from './imageLoad';
import { useBrush } from './useBrush';
import { useDrawing } from './useDrawing';
import { busyLabels, crowded, paintHighlight, type RegionsPicture } from './paintRegions';
import { shapeUtils, type ImageSize } from './shapeUtils';
import { useMoveBitmap } from './useMoveBitmap';

interface Props {
  object: ObjectTag;
  url: string | null;
  regions: RegionView[];
  relations?: RelationView[];
  /** Regions of another prediction, drawn over these as white dashed outlines. */
  compare?: RegionView[];
  /** An image list's pager (./ImageList), shown in the toolbar. */
  pager?: React.ReactNode;
}

/** `src`: the source the status is of. */
type Status = { state: 'loading' | 'loaded' | 'missing' | 'error'; image?: HTMLImageElement; message?: string; src?: string };

function useImage(src: string | null, fileName: string): Status {
  // Started while rendering: the image loads while the rest of the page is committed and painted.
  const load = useMemo(() => (src ? loadImage(src) : null), [src]);
  const [, settled] = useState(0);
  useEffect(() => {
    if (!load || load.result) return;
    let live = true;
    void load.done.then(() => live && settled((n) => n + 1));
    return () => {
      live = false;
    };
  }, [load]);
  if (!src || !load) return { state: 'missing', message: 'The task has no image URL for this object.' };
  if (load.result === 'loaded') return { state: 'loaded', image: load.image, src };
  if (load.result === 'error')
    return {
      state: 'error',
      message: `The image "${fileName}" could not be loaded (missing, remote and unreachable, or blocked). Regions are drawn on a blank canvas of original_width x original_height; drop the image file to see it.`,
    };
  return { state: 'loading' };
}

/**
 * The image under the canvas layers, placed by the view: the browser decodes and draws it off the page's
 * thread. While the stage is dragged, `follow` moves it with the stage (no React render per frame).
 */
function ImageUnder({ image, size, view, follow }: { image: HTMLImageElement; size: ImageSize; view: ViewTransform; follow: React.RefObject<((x: number, y: number) => void) | null> }) {
  const host = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLImageElement | null>(null);
  useLayoutEffect(() => {
    // Another canvas shows the same image (two objects on one URL): a copy, which shares the decoded image.
    const el = image.isConnected ? (image.cloneNode() as HTMLImageElement) : image;
    shown.current = el;
    host.current!.replaceChildren(el);
    return () => {
      el.remove();
      shown.current = null;
    };
  }, [image]);
  useLayoutEffect(() => {
    const el = shown.current!;
    const place = (x: number, y: number) => {
      el.style.transform = `translate(${x}px, ${y}px) scale(${view.scale})`;
    };
    el.className = 'canvas-image';
    el.draggable = false;
    el.alt = '';
    el.style.width = `${size.W}px`;
    el.style.height = `${size.H}px`;
    place(view.x, view.y);
    follow.current = place;
    return () => {
      follow.current = null;
    };
  }, [image, size.W, size.H, view.x, view.y, view.scale, follow]);
  return <div ref={host} className="canvas-image-box" aria-hidden="true" />;
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

/**
 * The height of the element given the returned ref (0 without one), measured as it mounts (before the first
 * paint) and whenever it is resized.
 */
function useHeight(): [(el: HTMLElement | null) => void, number] {
  const [height, setHeight] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return setHeight(0);
    setHeight(el.offsetHeight);
    observer.current = new ResizeObserver(() => setHeight(el.offsetHeight));
    observer.current.observe(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, height];
}

/** A function that keeps its identity across renders and calls the latest `f`: Konva unbinds and binds a
 * stage's listeners whenever a handler prop changes, on every render otherwise. */
function useHandler<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  const latest = useRef(f);
  latest.current = f;
  return useCallback((...args: A) => latest.current(...args), []);
}

/** Tags a layer's canvas with its role, for the browser tests (see e2e/helpers.ts). */
function tagLayer(layer: Konva.Layer | null, role: string) {
  if (layer) layer.getNativeCanvasElement().dataset.layer = role;
}

const NO_RELATIONS: RelationView[] = [];

/** Region kinds a press on the canvas can move (the ones with edit handles). */
const MOVABLE = new Set(['rectangle', 'ellipse', 'keypoint', 'polygon']);

/**
 * Whether Space is held with the pointer over the canvas (Space+drag pans, as in Label Studio). Elsewhere, or
 * typing in a text field, Space keeps its meaning; over the canvas it does not press the focused button.
 */
function useSpaceHeld(box: React.RefObject<HTMLDivElement | null>) {
  const held = useRef(false);
  useEffect(() => {
    const typing = (t: EventTarget | null) => t instanceof Element && !!t.closest('input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable], .cm-editor');
    const down = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || typing(e.target) || !box.current?.matches(':hover')) return;
      held.current = true;
      // The page would scroll, or the focused button be pressed.
      e.preventDefault();
    };
    const up = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || !held.current) return;
      held.current = false;
      e.preventDefault();
    };
    const blur = () => (held.current = false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [box]);
  return held;
}

export function ImageCanvas({ object, url, regions: regionsProp, relations: relationsProp = NO_RELATIONS, compare: compareProp, pager }: Props) {
  const regions = useStable(regionsProp);
  const relations = useStable(relationsProp);
  const compare = useStable(compareProp);
  const images = useStore((s) => s.images);
  const selected = useStore((s) => s.selected);
  const showHidden = useStore((s) => s.showHidden);
  const revealed = useStore((s) => s.revealed);
  const storedView = useStore((s) => s.view);
  const selectRegion = useStore((s) => s.selectRegion);
  const setView = useStore((s) => s.setView);
  const setNotice = useStore((s) => s.setNotice);
  const setShowLabels = useStore((s) => s.setShowLabels);
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);

  const fileName = url ? imageFileName(url) : '';
  const src = url ? (images.get(fileName) ?? url) : null;
  const status = useImage(src, fileName);
  const setImageSize = useStore((s) => s.setImageSize);
  // The checks learn the natural size of the image the task names (brush masks without original_width/height).
  const loaded = status.image && status.src === src ? status.image : null;
  useEffect(() => {
    if (url && loaded) setImageSize(url, loaded.naturalWidth, loaded.naturalHeight);
  }, [url, loaded, setImageSize]);

  const first = regions.find((r) => r.originalWidth && r.originalHeight);
  const size: ImageSize = status.image
    ? { W: status.image.naturalWidth, H: status.image.naturalHeight }
    : { W: first?.originalWidth ?? 1000, H: first?.originalHeight ?? 1000 };

  // The notice over the top of the canvas (an image that does not load) is left out of the room the image is
  // fitted in: it hid the regions at the top of the image.
  const notice = status.state === 'error' || status.state === 'missing' ? status.message : null;
  const [noticeRef, noticeHeight] = useHeight();
  const fit: ViewTransform = useMemo(() => {
    const top = notice ? Math.min(noticeHeight, height / 2) : 0;
    const room = height - top;
    const scale = Math.min(width / size.W, room / size.H) * 0.98;
    return { scale, x: (width - size.W * scale) / 2, y: top + (room - size.H * scale) / 2 };
  }, [width, height, size.W, size.H, notice, noticeHeight]);
  const view = storedView ?? fit;

  const selectedRegion = useMemo(() => regions.find((r) => r.key === selected && (r.kind === 'rectangle' || r.kind === 'ellipse' || r.kind === 'keypoint' || r.kind === 'polygon')) ?? null, [regions, selected]);
  const visible = useMemo(() => {
    const shown = (r: RegionView) => !!shapeUtils[r.kind] && (!r.hidden || showHidden || revealed.has(r.key));
    // Most often every region is shown: the list itself, not a copy of 100,000 per edit.
    return regions.every(shown) ? regions : regions.filter(shown);
  }, [regions, showHidden, revealed]);

  const hovered = useHover((s) => s.key);
  const setHovered = useHover((s) => s.setHovered);

  // The regions layer: every region, painted for the current scale; a bitmap of it while the view moves.
  const regionsLayer = useRef<Konva.Layer>(null);
  const regionsShape = useRef<Konva.Shape>(null);
  const regionsBitmap = useRef<Konva.Image>(null);
  // Labels on the canvas: as the person chose ("Labels" in the toolbar), else off when the tags would pile up.
  const showLabels = useStore((s) => s.showLabels);
  const busy = useMemo(() => busyLabels(visible, { W: size.W, H: size.H }, fit.scale), [visible, size.W, size.H, fit.scale]);
  const labelsOn = showLabels ?? !busy;
  const picture: RegionsPicture = useMemo(
    () => ({ visible, relations, compare, size: { W: size.W, H: size.H }, scale: view.scale, labels: labelsOn, crowded: crowded(visible) }),
    [visible, relations, compare, size.W, size.H, view.scale, labelsOn],
  );
  const move = useMoveBitmap({ layer: regionsLayer, shape: regionsShape, bitmap: regionsBitmap, picture, view, width, height });
  const sceneFunc = useCallback((context: Konva.Context) => move.paint((context as unknown as { _context: CanvasRenderingContext2D })._context), [move.paint]); // eslint-disable-line react-hooks/exhaustive-deps

  // The highlight layer: only the selected and the hovered region, so selecting or hovering repaints one region.
  // Two lookups, not a map of 100,000 keys built again for every edit.
  const selectedView = useMemo(() => (selected ? visible.find((r) => r.key === selected) : undefined), [visible, selected]);
  const hoveredView = useMemo(() => (hovered && hovered !== selected ? visible.find((r) => r.key === hovered) : undefined), [visible, hovered, selected]);
  const highlightFunc = useCallback(
    (context: Konva.Context) => {
      const ctx = (context as unknown as { _context: CanvasRenderingContext2D })._context;
      if (hoveredView) paintHighlight(ctx, hoveredView, size, view.scale, 'hovered');
      if (selectedView) paintHighlight(ctx, selectedView, size, view.scale, 'selected');
    },
    [selectedView, hoveredView, view.scale, size.W, size.H], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // Tagged as they are mounted, in the same commit as the canvas box's data attributes the tests wait for.
  const regionsLayerRef = useCallback((layer: Konva.Layer | null) => {
    regionsLayer.current = layer;
    tagLayer(layer, 'regions');
  }, []);
  const highlightLayerRef = useCallback((layer: Konva.Layer | null) => tagLayer(layer, 'highlight'), []);

  const onWheel = useHandler((e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = e.target.getStage()!;
    const p = stage.getPointerPosition();
    if (!p) return;
    move.wheelMove();
    const factor = Math.pow(1.0015, -e.evt.deltaY);
    const scale = Math.max(0.01, Math.min(200, view.scale * factor));
    const ix = (p.x - view.x) / view.scale;
    const iy = (p.y - view.y) / view.scale;
    setView({ scale, x: p.x - ix * scale, y: p.y - iy * scale });
  });

  const onClick = useHandler((e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target.getParent()?.className === 'Transformer' || e.target.name() === 'vertex' || e.target.name() === 'midpoint') return;
    const stage = e.target.getStage()!;
    const p = stage.getPointerPosition();
    if (!p) return;
    selectRegion(regionAt(p)?.key ?? null);
  });

  /** The topmost region under a stage point (screen pixels), if any. */
  const regionAt = (p: { x: number; y: number }): RegionView | null => {
    const q = { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
    const tol = 4 / view.scale;
    for (let i = visible.length - 1; i >= 0; i--) if (shapeUtils[visible[i].kind].hit(visible[i], size, q, tol)) return visible[i];
    return null;
  };

  // Hovering: one hit test per frame at most, none while a tool draws or the view moves.
  const hoverFrame = useRef(0);
  const onHoverMove = useHandler((e: Konva.KonvaEventObject<MouseEvent>) => {
    if (hoverFrame.current || move.isMoving() || e.evt.buttons) return;
    const stage = e.target.getStage()!;
    hoverFrame.current = requestAnimationFrame(() => {
      hoverFrame.current = 0;
      const p = stage.getPointerPosition();
      const r = p ? regionAt(p) : null;
      stage.container().style.cursor = r ? 'pointer' : '';
      setHovered(r?.key ?? null);
    });
  });
  const onHoverLeave = useHandler((e: Konva.KonvaEventObject<MouseEvent>) => {
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = 0;
    e.target.getStage()?.container().style.removeProperty('cursor');
    setHovered(null);
  });
  const followStage = useRef<((x: number, y: number) => void) | null>(null);
  useEffect(() => () => cancelAnimationFrame(hoverFrame.current), []);
  const config = useStore((s) => s.project.goodConfig);
  const draw = useDrawing(config, object, size, view);
  const selectedBrush = regions.find((r) => r.key === selected && r.kind === 'brush') ?? null;
  const brush = useBrush(config, object, size, view, selectedBrush);
  const tool = brush.handlers ?? draw.handlers;

  // Pressing: on an editable region (no tool on), select it and move it in the same gesture; on empty canvas,
  // with the middle button, or with Space held, pan. A readonly region is selected and says why it stays.
  const space = useSpaceHeld(box);
  const [grab, setGrab] = useState<string | null>(null);
  const pressMoved = useRef(false);
  const onMouseDown = useHandler((e: Konva.KonvaEventObject<MouseEvent>) => {
    const stage = e.target.getStage()!;
    const button = e.evt.button;
    pressMoved.current = false;
    if (button === 1 || (button === 0 && space.current)) {
      e.evt.preventDefault();
      return startPan(stage, e.evt);
    }
    if (button !== 0) return;
    if (tool) return tool.onMouseDown(e);
    // A handle of the selected region takes its own press (a readonly one refuses it).
    if (e.target !== stage) {
      if (selectedRegion && (selectedRegion.readonly || selectedRegion.dropped !== null)) refuseMove(selectedRegion, e.evt);
      return;
    }
    const p = stage.getPointerPosition();
    const hit = p ? regionAt(p) : null;
    if (!hit || !MOVABLE.has(hit.kind)) return startPan(stage, e.evt);
    selectRegion(hit.key);
    if (hit.readonly || hit.dropped !== null) return refuseMove(hit, e.evt);
    setGrab(hit.key);
  });
  const onStageClick = useHandler((e: Konva.KonvaEventObject<MouseEvent>) => {
    // The end of a pan or a refused move is not a click on what lies under it.
    if (pressMoved.current || e.evt.button !== 0) return;
    if (draw.handlers?.onClick) return draw.handlers.onClick(e);
    onClick(e);
  });

  const startPan = (stage: Konva.Stage, start: MouseEvent) => {
    const from = { x: start.clientX, y: start.clientY, vx: view.x, vy: view.y };
    let moving = false;
    const onMove = (ev: MouseEvent) => {
      const dx = ev.clientX - from.x;
      const dy = ev.clientY - from.y;
      if (!moving && Math.max(Math.abs(dx), Math.abs(dy)) < 3) return;
      if (!moving) {
        moving = true;
        pressMoved.current = true;
        move.beginMove();
        stage.container().style.cursor = 'grabbing';
      }
      // The stage and the image move on their own: no React render per frame.
      stage.position({ x: from.vx + dx, y: from.vy + dy });
      stage.batchDraw();
      followStage.current?.(from.vx + dx, from.vy + dy);
    };
    const onUp = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp, true);
      if (!moving) return;
      stage.container().style.removeProperty('cursor');
      setView({ scale: view.scale, x: stage.x(), y: stage.y() });
      move.endMove();
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp, true);
  };

  const refuseMove = (region: RegionView, start: MouseEvent) => {
    const onMove = (ev: MouseEvent) => {
      if (Math.max(Math.abs(ev.clientX - start.clientX), Math.abs(ev.clientY - start.clientY)) < 3) return;
      done();
      pressMoved.current = true;
      setNotice(region.dropped !== null ? `Region ${region.id ?? region.key} is not shown as Label Studio would keep it: it cannot be moved.` : `Region ${region.id ?? region.key} is readonly: unlock it (L, or the lock in the Regions list) to move it.`);
    };
    const done = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', done, true);
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', done, true);
  };
  return (
    <figure className="image-object" aria-label={`Image ${object.name}`}>
      <div className="canvas-toolbar">
        <strong>{object.name}</strong> {pager} <span className="muted">{fileName || 'no image'}</span>
        <span className="muted">
          {' '}
          {size.W} × {size.H} px
        </span>
        {draw.toolbar}
        {brush.toolbar}
        <label title={showLabels === null ? `Labels on the regions (${busy ? 'off: the tags would overlap' : 'on'} until chosen)` : 'Labels on the regions'}>
          <input type="checkbox" checked={labelsOn} onChange={(e) => setShowLabels(e.target.checked)} /> Labels
        </label>
        <ActionButton id="view.fit" />
        <ActionButton id="view.zoomIn" args={{ view, width, height }} />
        <ActionButton id="view.zoomOut" args={{ view, width, height }} />
      </div>
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
        data-labels={labelsOn ? 'shown' : 'hidden'}
      >
        {status.image && <ImageUnder image={status.image} size={size} view={view} follow={followStage} />}
        {/* Over the canvas, not above it: a notice arriving late (an image that fails to load) must not resize
            the canvas under the pointer (a view the person zoomed or panned stays); the fitted view leaves
            its room free. It lets clicks through to the canvas under it. */}
        {notice && (
          <p ref={noticeRef} className="image-notice" role="status">
            {notice}
          </p>
        )}
        <Stage
          width={width}
          height={height}
          x={view.x}
          y={view.y}
          scaleX={view.scale}
          scaleY={view.scale}
          onWheel={onWheel}
          onClick={brush.active ? undefined : onStageClick}
          onMouseDown={onMouseDown}
          onMouseMove={tool ? tool.onMouseMove : onHoverMove}
          onMouseLeave={tool ? undefined : onHoverLeave}
          onMouseUp={tool?.onMouseUp}
          onDblClick={brush.active ? undefined : draw.handlers?.onDblClick}
        >
          {/* Layers are never added or removed: adding one to the stage redraws every layer. A layer with nothing
              to show is hidden instead: every shown layer is a canvas the browser copies to the screen each time
              it is drawn (60 ms for the empty ones at the first paint of 1,000 boxes, measured). */}
          {/* The image itself is the <img> under the stage; this layer draws the blank canvas without one. */}
          <Layer listening={false} visible={!status.image}>
            {!status.image && <Rect width={size.W} height={size.H} fill="#e8eaed" stroke="#9aa0a6" strokeWidth={1 / view.scale} dash={[8 / view.scale, 6 / view.scale]} />}
          </Layer>
          <Layer ref={regionsLayerRef} listening={false}>
            <Shape ref={regionsShape} sceneFunc={sceneFunc} perfectDrawEnabled={false} listening={false} />
            <KImage ref={regionsBitmap} image={undefined} visible={false} listening={false} />
          </Layer>
          <Layer ref={highlightLayerRef} listening={false} visible={!!(selectedView || hoveredView || draw.draftNode || brush.preview)}>
            <Shape sceneFunc={highlightFunc} perfectDrawEnabled={false} listening={false} />
            {draw.draftNode}
            {brush.preview}
          </Layer>
          <Layer visible={!!selectedRegion && !draw.drawing}>{selectedRegion && !draw.drawing && <EditHandles region={selectedRegion} size={size} scale={view.scale} grab={grab === selectedRegion.key} onGrabbed={() => setGrab(null)} onChange={(patch, title) => runAction('region.move', { region: selectedRegion.key, patch, title }, regions)} />}</Layer>
        </Stage>
      </div>
    </figure>
  );
}
