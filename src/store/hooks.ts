/**
 * Read hooks for the panel sections: raw facts with stable references (zustand v5), sorting and
 * flattening in useMemo. The clinical summary hook lives in derived.ts.
 *
 * @example
 *   const surveys = useSourceStatus('surveys'); // { state: 'loading' } until the search reports
 */
import { useMemo } from 'react';
import type { Resource } from 'fhir/r4';
import type { SourceKey, SourceStatus } from '../clinical/types.ts';
import type { DataNote } from '../fhir/types.ts';
import { usePanelStore, type PanelState } from './index.ts';

/** Every fetched resource once (a resource found by two searches is counted once). */
export function allResources(resources: PanelState['resources']): Resource[] {
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const list of Object.values(resources)) {
    for (const r of list ?? []) {
      if (typeof r.id !== 'string' || r.id === '') {
        out.push(r); // no id: nothing to recognise it by, so never merged away
        continue;
      }
      const key = `${r.resourceType}/${r.id}`;
      if (!seen.has(key)) (seen.add(key), out.push(r));
    }
  }
  return out;
}

export function useAllResources(): Resource[] {
  const resources = usePanelStore((s) => s.resources);
  return useMemo(() => allResources(resources), [resources]);
}

const LOADING: SourceStatus = { state: 'loading' };

/** A source's status; a source that has not reported yet reads as loading. */
export function useSourceStatus(source: SourceKey): SourceStatus {
  return usePanelStore((s) => s.loadStatus[source]) ?? LOADING;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Data notes, most serious first (could not read, then skipped/warnings, then what was loaded). */
export function useDataNotes(): DataNote[] {
  const notes = usePanelStore((s) => s.dataNotes);
  return useMemo(() => [...notes].sort((a, b) => RANK[a.level] - RANK[b.level]), [notes]);
}
