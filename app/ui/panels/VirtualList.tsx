// A list that puts only the rows in view (and a few more) in the DOM, for the Regions and Problems panels:
// 10,000 list items cost more than the canvas. It keeps list / listitem semantics (with each row's place
// in the whole list) and scrolls the active row into view when it changes.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties, type ReactNode, type Ref } from 'react';

/** What a row's <li> must carry: the virtualizer measures it and places it. */
export interface RowProps {
  ref: Ref<HTMLLIElement>;
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
  style: CSSProperties;
}

interface Props<T> {
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  className: string;
  /** Class of the scrolling box around the list (its height is set in app.css). */
  boxClassName: string;
  /** A stable key per item (measured heights are kept by it). */
  itemKey(item: T, index: number): string;
  /** Typical row height in pixels, before a row is measured. */
  estimate: number;
  /** The row to keep in view: scrolled to whenever this changes (-1 for none). */
  activeIndex?: number;
  /** Changes whenever the active row should be brought into view again (e.g. the selected key). */
  activeKey?: string | null;
  renderRow(item: T, index: number, row: RowProps): ReactNode;
}

export function VirtualList<T>({ items, label, className, boxClassName, itemKey, estimate, activeIndex = -1, activeKey = null, renderRow }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-measures the whole list (10,000 rows) whenever getItemKey changes: change it only
  // with the items, not with every render of the panel.
  const keyOf = useRef(itemKey);
  keyOf.current = itemKey;
  const getItemKey = useCallback((i: number) => keyOf.current(items[i], i), [items]);
  const list = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    getItemKey,
    overscan: 8,
    // Rows are placed before the scroller is measured, so a short list is complete in the first paint.
    initialRect: { width: 300, height: 600 },
  });

  // The selection changed (a canvas click, Tab, a problem's click): bring its row into view, in the list
  // and, once it is rendered, in the side column that holds the list.
  const active = useRef(activeIndex);
  active.current = activeIndex;
  useEffect(() => {
    const i = active.current;
    if (i < 0) return;
    list.scrollToIndex(i, { align: 'auto' });
    let frames = 0;
    let raf = 0;
    const reveal = () => {
      const el = scroller.current?.querySelector(`[data-index="${i}"]`);
      if (el) el.scrollIntoView({ block: 'nearest' });
      else if (frames++ < 10) raf = requestAnimationFrame(reveal);
    };
    raf = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(raf);
    // `list` is the same object for the life of the component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  return (
    <div ref={scroller} className={`virtual-scroll ${boxClassName}`}>
      <ul aria-label={label} role="list" className={className} style={{ height: list.getTotalSize() }}>
        {list.getVirtualItems().map((v) =>
          renderRow(items[v.index], v.index, {
            ref: list.measureElement,
            'data-index': v.index,
            'aria-posinset': v.index + 1,
            'aria-setsize': items.length,
            style: { transform: `translateY(${v.start}px)` },
          }),
        )}
      </ul>
    </div>
  );
}
