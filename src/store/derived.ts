/**
 * The derived panel summary: select raw facts (stable references), compute with useMemo — never inside a
 * selector (zustand v5 requires stable selector outputs). The only place the panel calls the clinical engine,
 * which arrives as its own chunk (engine.ts): until then the summary is null and the sections say "loading".
 *
 * @example
 *   const summary = usePanelSummary(); // null until asOf, the policy and the engine are there
 */
import { useMemo } from 'react';
import type { PanelSummary } from '../clinical/types.ts';
import { useEngine } from './engine.ts';
import { allResources } from './hooks.ts';
import { usePanelStore } from './index.ts';

export function usePanelSummary(): PanelSummary | null {
  const engine = useEngine();
  const resources = usePanelStore((s) => s.resources);
  const loadStatus = usePanelStore((s) => s.loadStatus);
  const policy = usePanelStore((s) => s.policy);
  const asOf = usePanelStore((s) => s.asOf);
  // Normalised once per batch of arrivals; evaluated again only when the day or a load status changes.
  const record = useMemo(() => (engine && policy ? engine.normalizeRecord(allResources(resources), policy) : null), [engine, resources, policy]);
  return useMemo(
    () => (engine && record && policy && asOf ? engine.summarizeRecord(record, loadStatus, policy, asOf) : null),
    [engine, record, loadStatus, policy, asOf],
  );
}

// The plain read hooks live in hooks.ts (no engine import); re-exported so sections import from one place.
export { allResources, useAllResources, useDataNotes, useSourceStatus } from './hooks.ts';
