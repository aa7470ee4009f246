// Text with labelled spans: overlapping and nested spans stay readable (each covering span adds an
// underline in its colour; the innermost colours the background), a tag after each span's end, where
// Label Studio writes a span's label. The pieces are built in the DOM, not as React elements: a text can
// have thousands of spans, and React would make and diff a fiber, props and styles for each piece and tag.

import { useLayoutEffect, useMemo, useRef } from 'react';
import type { RegionView } from '../../core/preview';
import { textOn, withAlpha } from '../color';
import { LOCK } from '../panels/icons';
import { spanPieces, tagsByPosition, type SpanRange } from './spanLayout';

export type { SpanRange } from './spanLayout';

interface Props {
  text: string;
  spans: SpanRange[];
  selected: string | null;
  onSelect(key: string): void;
}

function tagText(r: RegionView): string {
  let t = r.labels.length ? r.labels.join(', ') : 'span';
  if (r.score !== null) t += ` ${r.score.toFixed(2)}`;
  return t;
}

/** How a span's label tag looks: its labels and score, a lock when readonly, "!" with its problems. */
export function spanTagLook(region: RegionView, { selected = false, ghost = false, compare = false }: { selected?: boolean; ghost?: boolean; compare?: boolean }) {
  return {
    className: `span-tag${compare ? ' compare' : ''}${region.problems.length ? ' has-problem' : ''}${ghost ? ' ghost' : ''}${selected ? ' selected' : ''}`,
    style: (compare ? { borderColor: region.color, color: region.color } : { background: region.dropped ? '#555' : region.color, color: textOn(region.dropped ? '#555' : region.color) }) as Record<string, string>,
    title: region.dropped ?? region.problems.map((p) => p.message).join('\n'),
    text: tagText(region),
    lock: region.readonly,
    problem: region.problems.length > 0,
  };
}

const SVG = 'http://www.w3.org/2000/svg';

// Looks (colours, underlines) as classes, one per distinct look, shared by every span view: thousands of
// pieces with the same look share one rule instead of each parsing its own inline style, and the browser
// styles them faster. Rules are filled in through the CSSOM, so a value is checked as an inline style's
// would be and cannot reach outside its rule; the class names are unguessable, so task HTML cannot use them.
const looks = new Map<string, string>();
const LOOK_PREFIX = `pl${Math.random().toString(36).slice(2, 8)}-`;
let lookSheet: CSSStyleSheet | null = null;
const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The class giving `element` (e.g. 'mark.span') the look named `key` (what it depends on: its colours);
 * `style` (camelCase properties) is only made for a look not seen before.
 */
function lookClass(element: string, key: string, style: () => Record<string, string>): string {
  const id = `${element}|${key}`;
  let name = looks.get(id);
  if (name) return name;
  name = `${LOOK_PREFIX}${looks.size}`;
  if (!lookSheet) {
    const el = document.createElement('style');
    el.dataset.spanLooks = '';
    document.head.append(el);
    lookSheet = el.sheet!;
  }
  const rule = lookSheet.cssRules[lookSheet.insertRule(`${element}.${name} {}`, lookSheet.cssRules.length)] as CSSStyleRule;
  for (const [property, value] of Object.entries(style())) rule.style.setProperty(kebab(property), value);
  looks.set(id, name);
  return name;
}

/** A span's label tag as a DOM button (the look of spanTagLook); its clicks are the caller's to handle. */
export function spanTagButton(region: RegionView, options: { ghost?: boolean; compare?: boolean } = {}): HTMLButtonElement {
  const look = spanTagLook(region, options);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `${look.className} ${lookClass('button.span-tag', `${Object.keys(look.style).join()}|${Object.values(look.style).join()}`, () => look.style)}`;
  button.title = look.title;
  button.textContent = look.text;
  if (look.lock) {
    const svg = document.createElementNS(SVG, 'svg');
    for (const [k, v] of Object.entries({ class: 'icon', width: LOCK.width, height: LOCK.height, viewBox: `0 0 ${LOCK.width} ${LOCK.height}`, role: 'img', 'aria-label': 'readonly' })) svg.setAttribute(k, String(v));
    const path = document.createElementNS(SVG, 'path');
    for (const [k, v] of Object.entries({ d: LOCK.shackle, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.3 })) path.setAttribute(k, String(v));
    const rect = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ ...LOCK.body, fill: 'currentColor' })) rect.setAttribute(k, String(v));
    svg.append(path, rect);
    button.append(svg);
  }
  if (look.problem) button.append(' !');
  return button;
}

/** What was built: the region a click on an element selects, and the elements to mark when a region is selected. */
interface Drawn {
  clicks: WeakMap<Element, string>;
  byKey: Map<string, Element[]>;
}

/** Fills `host` with the text's pieces and tags; returns what clicks and selection need. */
function draw(host: HTMLElement, text: string, spans: readonly SpanRange[]): Drawn {
  const clicks = new WeakMap<Element, string>();
  const byKey = new Map<string, Element[]>();
  const note = (key: string, el: Element) => {
    const list = byKey.get(key);
    if (list) list.push(el);
    else byKey.set(key, [el]);
  };
  const out = document.createDocumentFragment();
  const tags = tagsByPosition(spans, text.length);
  const tagsAt = (pos: number) => {
    for (const s of tags.get(pos) ?? []) {
      const button = spanTagButton(s.region, { ghost: s.ghost, compare: s.compare });
      if (!s.compare) clicks.set(button, s.region.key);
      note(s.region.key, button);
      out.append(button);
    }
  };
  // Tags of spans that end at the very start (empty spans there, or ends before 0).
  tagsAt(0);
  for (const { from, to, covering, compared } of spanPieces(text.length, spans)) {
    const inner = covering[covering.length - 1];
    if (inner) {
      const mark = document.createElement('mark');
      // The look depends on the covering spans' colours (outer first) and the compared span's.
      let key = compared.length ? compared[0].region.color : '';
      for (const s of covering) key += `|${s.region.color}`;
      const look = lookClass('mark.span', key, () => {
        const style: Record<string, string> = {
          background: withAlpha(inner.region.color, 0.2),
          boxShadow: covering.map((s, i) => `inset 0 -${(i + 1) * 3}px 0 ${s.region.color}`).join(', '),
          paddingBottom: `${covering.length * 3}px`,
        };
        if (compared.length) style.textDecoration = `underline dashed ${compared[0].region.color}`;
        return style;
      });
      mark.className = `span${inner.ghost ? ' ghost' : ''}${inner.region.problems.length ? ' has-problem' : ''} ${look}`;
      mark.setAttribute('data-span', covering.map((s) => s.region.key).join(' '));
      mark.setAttribute('data-from', String(from));
      mark.textContent = text.slice(from, to);
      clicks.set(mark, inner.region.key);
      for (const s of covering) note(s.region.key, mark);
      out.append(mark);
    } else {
      const piece = document.createElement('span');
      if (compared.length) piece.className = `compared ${lookClass('span.compared', compared[0].region.color, () => ({ textDecorationColor: compared[0].region.color }))}`;
      piece.setAttribute('data-from', String(from));
      piece.textContent = text.slice(from, to);
      out.append(piece);
    }
    tagsAt(to);
  }
  host.replaceChildren(out);
  return { clicks, byKey };
}

export function SpanText({ text, spans, selected, onSelect }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  /** The region drawn as selected now. */
  const shownSelected = useRef<string | null>(null);
  const layout = useMemo(() => ({ text, spans }), [text, spans]);

  useLayoutEffect(() => {
    drawn.current = draw(host.current!, layout.text, layout.spans);
    shownSelected.current = null;
  }, [layout]);

  // Selecting restyles the selected region's pieces and tag; the pieces stay.
  useLayoutEffect(() => {
    const d = drawn.current;
    if (!d || shownSelected.current === selected) return;
    for (const el of d.byKey.get(shownSelected.current ?? '') ?? []) el.classList.remove('selected');
    for (const el of d.byKey.get(selected ?? '') ?? []) el.classList.add('selected');
    shownSelected.current = selected;
  }, [layout, selected]);

  return (
    <div
      ref={host}
      className="span-text"
      data-length={text.length}
      onClick={(e) => {
        const d = drawn.current;
        for (let el = e.target as Element | null; d && el && el !== e.currentTarget; el = el.parentElement) {
          const key = d.clicks.get(el);
          if (key !== undefined) return onSelect(key);
        }
      }}
    />
  );
}
