// Small inline icons (no emoji: headless browsers and some systems lack the fonts).

/** The lock's drawing, shared with views that build their DOM by hand (HyperText tags). */
export const LOCK = { width: 10, height: 11, shackle: 'M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5', body: { x: 1, y: 5, width: 8, height: 6, rx: 1 } };

export function Lock({ title = 'readonly' }: { title?: string }) {
  return (
    <svg className="icon" width={LOCK.width} height={LOCK.height} viewBox={`0 0 ${LOCK.width} ${LOCK.height}`} role="img" aria-label={title}>
      <path d={LOCK.shackle} fill="none" stroke="currentColor" strokeWidth="1.3" />
      <rect {...LOCK.body} fill="currentColor" />
    </svg>
  );
}

export function Eye({ open, title }: { open: boolean; title: string }) {
  return (
    <svg className="icon" width="14" height="10" viewBox="0 0 14 10" role="img" aria-label={title}>
      <path d="M1 5s2.4-4 6-4 6 4 6 4-2.4 4-6 4-6-4-6-4z" fill="none" stroke="currentColor" strokeWidth="1.2" />
      {open ? <circle cx="7" cy="5" r="1.8" fill="currentColor" /> : <path d="M2 9 12 1" stroke="currentColor" strokeWidth="1.2" />}
    </svg>
  );
}
