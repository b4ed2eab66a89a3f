/**
 * Which sources each section depends on, and the status of every section for one store snapshot.
 * Pure (tested without React): the container calls it, the sections only see the result.
 */
import type { LoadStatus, SourceKey } from '../clinical/types.ts';
import { sectionStatus, type SectionSources, type SectionStatus } from './section-status.ts';

export const ALL_SOURCES: SourceKey[] = ['patient', 'medications', 'conditions', 'surveys', 'pdmp', 'agreement', 'udt', 'procedures', 'documents', 'dispenses', 'statements', 'questionnaires', 'referrals'];

export type SectionId = 'due' | 'mme' | 'risk' | 'peg' | 'agreement' | 'meds' | 'note';

/** Items that cannot be checked say so themselves (monitoring status "unavailable"), so only partial reads warn. */
export const SECTION_SOURCES: Record<SectionId, SectionSources> = {
  due: { required: [], optional: ALL_SOURCES.filter((s) => s !== 'patient') },
  mme: { required: ['medications'] },
  risk: { required: [], optional: ['medications', 'conditions', 'surveys'] },
  peg: { required: ['surveys'] },
  agreement: { required: [], optional: ['agreement', 'documents'] },
  meds: { required: ['medications'], optional: ['conditions'] },
  note: { required: [], optional: ALL_SOURCES.filter((s) => s !== 'patient') },
};

/**
 * The store's LoadStatus with gaps filled: before the load has finished, a source it has not reported
 * yet is loading; after it, an unreported source was never asked for.
 */
export function effectiveLoadStatus(load: LoadStatus, finished: boolean): LoadStatus {
  const out: LoadStatus = { ...load };
  for (const key of ALL_SOURCES) {
    out[key] ??= finished ? { state: 'not-requested', reason: 'not part of this launch' } : { state: 'loading' };
  }
  return out;
}

const quiet = (s: SectionStatus): SectionStatus =>
  s.state === 'ready' ? { ...s, warnings: s.warnings.filter((w) => w.includes('only partly read')) } : s;

/** The note text already says what could not be checked. */
const silent = (s: SectionStatus): SectionStatus => (s.state === 'ready' ? { ...s, warnings: [] } : s);

/**
 * @param blocked why no summary can be computed at all (broken clinic policy, no patient in the launch):
 * every section then says so instead of loading for ever.
 */
export function panelStatuses(load: LoadStatus, summaryReady: boolean, blocked: string | null = null): Record<SectionId, SectionStatus> {
  const out = {} as Record<SectionId, SectionStatus>;
  for (const id of Object.keys(SECTION_SOURCES) as SectionId[]) {
    if (blocked && !summaryReady) {
      out[id] = { state: 'unavailable', reason: blocked };
      continue;
    }
    const status = sectionStatus(load, SECTION_SOURCES[id]);
    // The summary is computed once the policy and the clock are known; until then nothing can be shown.
    const gated = status.state === 'ready' && !summaryReady ? ({ state: 'loading' } as const) : status;
    out[id] = id === 'note' ? silent(gated) : id === 'due' || id === 'agreement' ? quiet(gated) : gated;
  }
  return out;
}
