/**
 * Fetched facts: the validated resources of each source, the per-source load status the engine reads,
 * and the data notes shown under "Data notes". Results (MME, tier, due items) are derived, never stored.
 */
import type { Resource } from 'fhir/r4';
import type { StateCreator } from 'zustand';
import type { LoadStatus, SourceKey } from '../clinical/types.ts';
import type { DataNote, SourceLoad } from '../fhir/types.ts';
import type { PanelState } from './index.ts';

export interface FactsSlice {
  /** Resources per source; a source appears once its search is finished. */
  resources: Partial<Record<SourceKey, Resource[]>>;
  /** Per-source status: 'loading' until the source reports, then loaded / partial / unavailable / not-requested. */
  loadStatus: LoadStatus;
  /** Pages read per source (data notes: "3 pages"). */
  pages: Partial<Record<SourceKey, number>>;
  dataNotes: DataNote[];
  /** Marks these sources as loading (the panel shows a progress state per section). */
  startSources(sources: SourceKey[]): void;
  /** Stores one finished source: its resources, status and notes replace any earlier ones. */
  receiveSource(load: SourceLoad): void;
  /** Several finished sources in one update (those that arrived within one frame: the panel renders once). */
  receiveSources(loads: SourceLoad[]): void;
  /** Adds or replaces resources in a source (after the panel saved an Observation). */
  upsertResources(source: SourceKey, resources: Resource[]): void;
  /** Reading orders older than the launch window, on demand. */
  olderOrders: { state: 'idle' | 'loading' | 'done' | 'failed'; reason?: string };
  setOlderOrders(state: FactsSlice['olderOrders']): void;
  /** Older orders arrived: added to the medications source, which then covers the whole record (or says why not). */
  receiveOlderOrders(resources: Resource[], complete: boolean, reason?: string): void;
}

export const createFactsSlice: StateCreator<PanelState, [], [], FactsSlice> = (set) => ({
  resources: {},
  loadStatus: {},
  pages: {},
  dataNotes: [],
  startSources: (sources) =>
    set((s) => ({
      loadStatus: { ...s.loadStatus, ...Object.fromEntries(sources.map((k) => [k, { state: 'loading' as const }])) },
    })),
  receiveSource: (load) => set((s) => withSources(s, [load])),
  receiveSources: (loads) => set((s) => withSources(s, loads)),
  olderOrders: { state: 'idle' },
  setOlderOrders: (olderOrders) => set({ olderOrders }),
  receiveOlderOrders: (added, complete, reason) =>
    set((s) => {
      const keys = new Set(added.map((r) => `${r.resourceType}/${r.id}`));
      const kept = (s.resources.medications ?? []).filter((r) => !keys.has(`${r.resourceType}/${r.id}`));
      const current = s.loadStatus.medications;
      const partial = !complete || current?.state === 'partial';
      const why = [current?.state === 'partial' ? current.reason : undefined, complete ? undefined : reason].filter(Boolean).join('; ');
      return {
        resources: { ...s.resources, medications: [...kept, ...added] },
        loadStatus: { ...s.loadStatus, medications: partial ? { state: 'partial', reason: why, since: null } : { state: 'loaded', since: null } },
        olderOrders: { state: 'done' },
      };
    }),
  upsertResources: (source, added) =>
    set((s) => {
      const keys = new Set(added.map((r) => `${r.resourceType}/${r.id}`));
      const kept = (s.resources[source] ?? []).filter((r) => !keys.has(`${r.resourceType}/${r.id}`));
      return { resources: { ...s.resources, [source]: [...kept, ...added] } };
    }),
});

function withSources(s: FactsSlice, loads: SourceLoad[]): Partial<FactsSlice> {
  const sources = new Set<string>(loads.map((l) => l.source));
  return {
    resources: { ...s.resources, ...Object.fromEntries(loads.map((l) => [l.source, l.resources])) },
    loadStatus: { ...s.loadStatus, ...Object.fromEntries(loads.map((l) => [l.source, l.status])) },
    pages: { ...s.pages, ...Object.fromEntries(loads.map((l) => [l.source, l.pages])) },
    dataNotes: [...s.dataNotes.filter((n) => !sources.has(n.source)), ...loads.flatMap((l) => l.notes)],
  };
}
