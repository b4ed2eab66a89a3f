/**
 * The panel summary for a store snapshot outside React (tests, benchmarks): the same engine calls as
 * usePanelSummary, with the engine imported statically.
 */
import { summarizePatient } from '../clinical/summary.ts';
import type { PanelSummary } from '../clinical/types.ts';
import { allResources } from './hooks.ts';
import type { PanelState } from './index.ts';

export function computeSummary(s: Pick<PanelState, 'resources' | 'loadStatus' | 'policy' | 'asOf' | 'patientId'>): PanelSummary | null {
  if (!s.policy || !s.asOf) return null;
  return summarizePatient(allResources(s.resources), s.loadStatus, s.policy, s.asOf);
}
