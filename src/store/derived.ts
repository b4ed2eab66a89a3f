/**
 * The derived panel summary: select raw facts (stable references), compute with useMemo — never inside a
 * selector (zustand v5 requires stable selector outputs). The only place the store calls the clinical engine.
 *
 * @example
 *   const summary = usePanelSummary(); // null until asOf and the policy are known
 */
import { useMemo } from 'react';
import { normalizeRecord } from '../clinical/record/normalize.ts';
import { summarizePatient, summarizeRecord } from '../clinical/summary.ts';
import type { PanelSummary } from '../clinical/types.ts';
import { allResources } from './hooks.ts';
import { usePanelStore, type PanelState } from './index.ts';

/** The panel summary for a store snapshot (also used by tests and the benchmark, outside React). */
export function computeSummary(s: Pick<PanelState, 'resources' | 'loadStatus' | 'policy' | 'asOf' | 'patientId'>): PanelSummary | null {
  if (!s.policy || !s.asOf) return null;
  return summarizePatient(allResources(s.resources), s.loadStatus, s.policy, s.asOf);
}

export function usePanelSummary(): PanelSummary | null {
  const resources = usePanelStore((s) => s.resources);
  const loadStatus = usePanelStore((s) => s.loadStatus);
  const policy = usePanelStore((s) => s.policy);
  const asOf = usePanelStore((s) => s.asOf);
  // Normalised once per arrival of data; evaluated again only when the day or a load status changes.
  const record = useMemo(() => (policy ? normalizeRecord(allResources(resources), policy) : null), [resources, policy]);
  return useMemo(
    () => (record && policy && asOf ? summarizeRecord(record, loadStatus, policy, asOf) : null),
    [record, loadStatus, policy, asOf],
  );
}

// The plain read hooks live in hooks.ts (no engine import); re-exported so sections import from one place.
export { allResources, useAllResources, useDataNotes, useSourceStatus } from './hooks.ts';
