// An <Image valueList="$images"> (Label Studio's image list): one image at a time with a pager, each
// showing the regions whose result names it by `item_index` (results without one are on the first).

import { useEffect, useMemo, useState } from 'react';
import type { ObjectTag } from '../../core';
import type { RegionView, RelationView } from '../../core/preview';
import { isObject } from '../../core/tasks/jsonValue';
import { currentTask, useStore } from '../../store/store';
import { ImageCanvas } from './ImageCanvas';

interface Props {
  object: ObjectTag;
  urls: unknown[];
  regions: RegionView[];
  relations?: RelationView[];
  compare?: RegionView[];
}

export function ImageList({ object, urls, regions, relations, compare }: Props) {
  const [page, setPage] = useState(0);
  const task = useStore(currentTask);
  const p = useStore((s) => s.predictionIndex);
  const setView = useStore((s) => s.setView);
  const n = urls.length;
  const at = Math.min(page, Math.max(0, n - 1));
  useEffect(() => setPage(0), [task]);
  const itemOf = useMemo(() => {
    const preds = isObject(task) && Array.isArray(task.predictions) ? task.predictions : [];
    const results = isObject(preds[p]) && Array.isArray(preds[p].result) ? (preds[p].result as unknown[]) : [];
    return (r: RegionView) => {
      const res = results[r.shapeResult];
      return isObject(res) && typeof res.item_index === 'number' ? res.item_index : 0;
    };
  }, [task, p]);
  const mine = useMemo(() => regions.filter((r) => itemOf(r) === at), [regions, itemOf, at]);
  const keys = new Set(mine.map((r) => r.key));
  const theirs = compare?.filter((r) => itemOf(r) === at);
  const go = (i: number) => {
    setPage(i);
    // Another image, another size: fit it.
    setView(null);
  };
  const url = urls[at];
  const pager = (
    <span className="image-pager" role="group" aria-label={`Images of ${object.name}`}>
      <button type="button" aria-label="Previous image" disabled={at <= 0} onClick={() => go(at - 1)}>
        ‹
      </button>
      <span>
        {n ? at + 1 : 0} / {n}
      </span>
      <button type="button" aria-label="Next image" disabled={at >= n - 1} onClick={() => go(at + 1)}>
        ›
      </button>
    </span>
  );
  return <ImageCanvas object={object} url={typeof url === 'string' ? url : null} regions={mine} relations={relations?.filter((r) => keys.has(r.fromId) && keys.has(r.toId))} compare={theirs} pager={pager} />;
}
