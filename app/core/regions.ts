// Results that share an id inside one prediction are one region (FORMAT-NOTES §3): the first
// region-bearing result gives the geometry, the others add labels, text or per-region answers.

export interface Region {
  id: string;
  /** Indices of every result with this id, in file order. */
  results: number[];
  /** Index of the result that supplies the shape or span (the first region-bearing one), or -1. */
  shape: number;
  /** Shape kind of that result: 'rectangle', 'polygon', 'span', ... */
  kind: string | null;
}

export class PredictionRegions {
  readonly byId = new Map<string, Region>();
  /** Region-less results without an id (classifications), by index. */
  readonly loose: number[] = [];

  add(id: unknown, index: number, kind: string | null): void {
    if (typeof id !== 'string' && typeof id !== 'number') {
      this.loose.push(index);
      return;
    }
    const key = typeof id === 'string' ? id : String(id);
    let region = this.byId.get(key);
    if (!region) {
      this.byId.set(key, { id: key, results: [index], shape: kind ? index : -1, kind });
      return;
    }
    region.results.push(index);
    if (kind && region.shape === -1) {
      region.shape = index;
      region.kind = kind;
    }
  }

  /** Is there a region (a shape or span) with this id? */
  hasRegion(id: unknown): boolean {
    if (typeof id !== 'string' && typeof id !== 'number') return false;
    const region = this.byId.get(typeof id === 'string' ? id : String(id));
    return !!region && region.shape !== -1;
  }
}
