/**
 * The one bound store of the panel (zustand 5): fetched facts + session + write state. Clinical results
 * are derived in src/store/derived.ts with useMemo, never inside a selector.
 *
 * @example
 *   const status = usePanelStore((s) => s.loadStatus.surveys); // { state: 'loading' } → { state: 'loaded' }
 *   // tests: usePanelStore.setState(usePanelStore.getInitialState(), true)
 */
import { create } from 'zustand';
import { createFactsSlice, type FactsSlice } from './facts-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';
import { createWritesSlice, type WritesSlice } from './writes-slice.ts';

export type PanelState = FactsSlice & SessionSlice & WritesSlice;

export const usePanelStore = create<PanelState>()((...a) => ({
  ...createFactsSlice(...a),
  ...createSessionSlice(...a),
  ...createWritesSlice(...a),
}));

/** Back to the state before launch (tests call this after each test). */
export function resetPanelStore(): void {
  usePanelStore.setState(usePanelStore.getInitialState(), true);
}
