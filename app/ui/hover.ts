// The region under the pointer (on a canvas or on its Regions row): transient view state, so it lives here
// and not in the store; nothing is edited or undone by it. Hovering redraws one highlight, not the regions.

import { create } from 'zustand';

interface HoverState {
  key: string | null;
  setHovered(key: string | null): void;
}

export const useHover = create<HoverState>()((set, get) => ({
  key: null,
  setHovered(key) {
    if (get().key !== key) set({ key });
  },
}));
