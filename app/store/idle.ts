// Work done while the page is idle, a few milliseconds at a time: the canvas's bitmap and extent, the
// region maps of a worker's reports.

/** Runs `f` when the page is idle (or after 50 ms where the browser has no requestIdleCallback); the handle cancels it. */
export function whenIdle(f: (deadline?: IdleDeadline) => void, options?: IdleRequestOptions): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(f, options) : (setTimeout(f, 50) as unknown as number);
}

/** Cancels what whenIdle scheduled. */
export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

/** When an idle slice ends (performance.now()): within the idle time the browser offers, 2 to 8 ms; input waits for no slice. */
export function idleSliceEnd(deadline?: IdleDeadline): number {
  return performance.now() + Math.min(8, Math.max(2, deadline?.timeRemaining() ?? 8));
}
