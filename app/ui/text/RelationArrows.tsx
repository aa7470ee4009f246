// Relations between text spans, drawn as arcs from one span to the other over the text (as Label Studio
// draws them), with the relation's labels at the top of the arc.

import { useLayoutEffect, useRef, useState } from 'react';
import type { RelationView } from '../../core/preview';

interface Arc {
  key: number;
  d: string;
  label: string;
  x: number;
  y: number;
}

/** Draws `relations` between the marks (data-span) inside the parent element of this overlay. */
export function RelationArrows({ relations, deps }: { relations: RelationView[]; deps: unknown }) {
  const svg = useRef<SVGSVGElement>(null);
  const [arcs, setArcs] = useState<Arc[]>([]);
  useLayoutEffect(() => {
    const host = svg.current?.parentElement;
    if (!host) return;
    const box = host.getBoundingClientRect();
    const markOf = (id: string) => [...host.querySelectorAll<HTMLElement>('mark[data-span]')].find((m) => m.dataset.span!.split(' ').includes(id));
    const out: Arc[] = [];
    for (const r of relations) {
      const a = markOf(r.fromId)?.getBoundingClientRect();
      const b = markOf(r.toId)?.getBoundingClientRect();
      if (!a || !b) continue;
      const x1 = a.left + a.width / 2 - box.left;
      const y1 = a.top - box.top;
      const x2 = b.left + b.width / 2 - box.left;
      const y2 = b.top - box.top;
      const top = Math.min(y1, y2) - 14;
      out.push({ key: r.result, d: `M ${x1} ${y1} C ${x1} ${top}, ${x2} ${top}, ${x2} ${y2}`, label: r.labels.join(', '), x: (x1 + x2) / 2, y: top + 2 });
    }
    setArcs(out);
  }, [relations, deps]);
  return (
    <svg ref={svg} className="relation-arrows" aria-hidden="true">
      <defs>
        <marker id="relation-head" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0 L6 3 L0 6 z" fill="#57606a" />
        </marker>
      </defs>
      {arcs.map((a) => {
        const r = relations.find((x) => x.result === a.key)!;
        return (
          <g key={a.key}>
            <path d={a.d} fill="none" stroke="#57606a" strokeWidth="1.3" markerEnd={r.direction !== 'left' ? 'url(#relation-head)' : undefined} markerStart={r.direction !== 'right' ? 'url(#relation-head)' : undefined} />
            {a.label && (
              <text x={a.x} y={a.y} textAnchor="middle" fontSize="10" fill="#57606a">
                {a.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
