// Painting and erasing brush masks: strokes are previewed on the canvas while dragging, then applied to
// the mask's RGBA raster and re-encoded to Label Studio's RLE on release (one command, one undo step).
// A Brush/BrushLabels tool paints a new mask region; Paint/Erase edit the selected one.

import Konva from 'konva';
import { useEffect, useMemo, useState } from 'react';
import { Line } from 'react-konva';
import { checkRle, decodeRle, encodeRle, type ConfigModel, type ControlTag, type ObjectTag } from '../../core';
import type { RegionView } from '../../core/preview';
import { newRegionResults } from '../../store/commands';
import { useStore, type ViewTransform } from '../../store/store';
import type { ImageSize } from './shapeUtils';
import { toolOn } from '../actions';

type Mode = 'paint' | 'erase' | null;

/** Paint (value 255) or erase (0) discs of radius r along the stroke, into an RGBA raster of W x H. */
export function paintStroke(rgba: Uint8Array, W: number, H: number, points: { x: number; y: number }[], r: number, value: number): void {
  const dots: { x: number; y: number }[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[i + 1] ?? a;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / Math.max(1, r / 2)));
    for (let k = 0; k < steps; k++) dots.push({ x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps });
  }
  for (const d of dots) {
    for (let y = Math.max(0, Math.floor(d.y - r)); y <= Math.min(H - 1, Math.ceil(d.y + r)); y++) {
      for (let x = Math.max(0, Math.floor(d.x - r)); x <= Math.min(W - 1, Math.ceil(d.x + r)); x++) {
        if ((x + 0.5 - d.x) ** 2 + (y + 0.5 - d.y) ** 2 > r * r) continue;
        const i = (y * W + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = value;
      }
    }
  }
}

export function useBrush(config: ConfigModel | null, object: ObjectTag, size: ImageSize, view: ViewTransform, selected: RegionView | null) {
  const addResults = useStore((s) => s.addResults);
  const applyEdits = useStore((s) => s.applyEdits);
  const setNotice = useStore((s) => s.setNotice);
  const taskIndex = useStore((s) => s.taskIndex);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const tools = useMemo(() => (config ? [...config.controls.values()].filter((c) => (c.tag === 'Brush' || c.tag === 'BrushLabels') && c.toName.includes(object.name)) : []), [config, object.name]);
  const [newTool, setNewTool] = useState<ControlTag | null>(null);
  const [mode, setMode] = useState<Mode>(null);
  const [radius, setRadius] = useState(10);
  const [label, setLabel] = useState<string | null>(null);
  const [stroke, setStroke] = useState<{ x: number; y: number }[] | null>(null);
  const editing = selected?.kind === 'brush' && !selected.readonly ? selected : null;
  const active = !!newTool || (!!editing && mode !== null);
  // Escape (the region.exit action) turns the brush off before it unselects.
  useEffect(() => {
    if (!active) return;
    return toolOn(() => {
      setNewTool(null);
      setMode(null);
      setStroke(null);
    });
  }, [active]);

  const toImage = (stage: Konva.Stage) => {
    const p = stage.getPointerPosition()!;
    return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
  };

  const commit = (points: { x: number; y: number }[]) => {
    if (newTool) {
      const W = size.W;
      const H = size.H;
      const rgba = new Uint8Array(W * H * 4);
      paintStroke(rgba, W, H, points, radius, 255);
      addResults(
        newRegionResults({ control: newTool, labelsControl: null, label, toName: object.name, geometry: { format: 'rle', rle: encodeRle(rgba) }, originalWidth: W, originalHeight: H }),
        `Paint a new mask${label ? ` ${label}` : ''}`,
      );
      setNewTool(null);
      setMode('paint');
      return;
    }
    if (!editing) return;
    const W = editing.originalWidth ?? size.W;
    const H = editing.originalHeight ?? size.H;
    const rle = editing.value.rle;
    const check = checkRle(rle, W, H);
    if (!check.ok) {
      // Painting onto an empty raster would replace the mask the person loaded with the stroke alone.
      setNotice(`Mask ${editing.id ?? editing.key} was not painted: it does not decode at ${W} x ${H}${editing.originalWidth ? '' : ' (it has no original_width/original_height, and this is the size known now)'}. ${check.problem}`);
      return;
    }
    const rgba = decodeRle(rle as number[]);
    // Stroke points are in displayed pixels; the mask may be stored at another size.
    const sx = W / size.W;
    const sy = H / size.H;
    paintStroke(rgba, W, H, points.map((p) => ({ x: p.x * sx, y: p.y * sy })), radius * sx, mode === 'erase' ? 0 : 255);
    applyEdits(
      editing.results.filter((r) => r === editing.shapeResult).map((r) => ({ task: taskIndex, path: ['predictions', predictionIndex, 'result', r, 'value', 'rle'], value: encodeRle(rgba) })),
      `${mode === 'erase' ? 'Erase from' : 'Paint on'} mask ${editing.id ?? editing.key}`,
    );
  };

  const handlers = active
    ? {
        onMouseDown(e: Konva.KonvaEventObject<MouseEvent>) {
          setStroke([toImage(e.target.getStage()!)]);
        },
        onMouseMove(e: Konva.KonvaEventObject<MouseEvent>) {
          if (stroke) setStroke([...stroke, toImage(e.target.getStage()!)]);
        },
        onMouseUp() {
          if (stroke) commit(stroke);
          setStroke(null);
        },
      }
    : null;

  const preview = stroke ? (
    <Line points={stroke.flatMap((p) => [p.x, p.y])} stroke={mode === 'erase' && !newTool ? '#000000' : '#ffeb3b'} opacity={0.6} strokeWidth={radius * 2} lineCap="round" lineJoin="round" listening={false} />
  ) : null;

  const toolbar =
    tools.length || editing ? (
      <span className="draw-tools" role="group" aria-label={`Brush on ${object.name}`}>
        {tools.map((t) => (
          <button
            type="button"
            key={t.name}
            aria-pressed={newTool === t}
            onClick={() => {
              setNewTool(newTool === t ? null : t);
              setLabel(t.options[0]?.value ?? null);
            }}
          >
            New mask ({t.name})
          </button>
        ))}
        {editing && (
          <>
            <button type="button" aria-pressed={mode === 'paint'} onClick={() => setMode(mode === 'paint' ? null : 'paint')}>
              Paint
            </button>
            <button type="button" aria-pressed={mode === 'erase'} onClick={() => setMode(mode === 'erase' ? null : 'erase')}>
              Erase
            </button>
          </>
        )}
        {newTool && newTool.options.length > 0 && (
          <select aria-label="New mask label" value={label ?? ''} onChange={(e) => setLabel(e.target.value)}>
            {newTool.options.map((o) => (
              <option key={o.value}>{o.value}</option>
            ))}
          </select>
        )}
        {(newTool || editing) && (
          <label>
            size <input aria-label="Brush size" type="range" min={1} max={100} value={radius} onChange={(e) => setRadius(Number(e.target.value))} />
          </label>
        )}
      </span>
    ) : null;

  return { toolbar, handlers, preview, active };
}
