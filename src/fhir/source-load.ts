/**
 * Runs one source's search to the end and turns what happened into a SourceLoad: its validated
 * resources, its status (loaded / partial / unavailable) and its data notes.
 */
import type { Resource } from 'fhir/r4';
import { FhirError, asFhirError, describeFailure } from './errors.ts';
import { readReferencedMedications } from './medications.ts';
import { readAllPages } from './paging.ts';
import type { SourceQuery } from './queries.ts';
import { describeSkip, sanitize } from './sanitize.ts';
import type { Transport } from './transport.ts';
import type { DataNote, SourceLoad } from './types.ts';

export async function loadSource(transport: Transport, query: SourceQuery): Promise<SourceLoad> {
  const { source } = query;
  const notes: DataNote[] = [];
  try {
    const paged = await readAllPages(transport, query.url);
    const { kept, skipped } = sanitize(paged.items, query);
    const resources: Resource[] = [...kept];
    notes.push(...paged.warnings.map((text) => ({ source, level: 'warning' as const, text })));
    notes.push(...skipped.map((s) => ({ source, level: 'warning' as const, text: describeSkip(s) })));
    let partialReason: string | null = null;
    if (paged.failure) {
      partialReason = `page ${paged.pages + 1} could not be read (${describeFailure(paged.failure)}); only the first ${paged.pages} ${paged.pages === 1 ? 'page is' : 'pages are'} shown`;
    }
    if (query.readReferencedMedications) {
      const meds = await readReferencedMedications(transport, kept);
      resources.push(...meds.medications);
      notes.push(...meds.notes.map((text) => ({ source, level: 'warning' as const, text })));
      if (meds.failed > 0) {
        const medReason = `${meds.failed} referenced Medication ${meds.failed === 1 ? 'resource' : 'resources'} could not be read`;
        partialReason = partialReason ? `${partialReason}; ${medReason}` : medReason;
      }
    }
    notes.unshift({ source, level: 'info', text: loadedText(resources, paged.pages) });
    if (partialReason) notes.push({ source, level: 'error', text: `Incomplete: ${partialReason}` });
    return {
      source,
      status: partialReason ? { state: 'partial', reason: partialReason } : { state: 'loaded' },
      resources,
      notes,
      pages: paged.pages,
    };
  } catch (e) {
    return unavailable(source, asFhirError(e, source), notes);
  }
}

export function unavailable(source: SourceQuery['source'], e: FhirError, notes: DataNote[] = []): SourceLoad {
  const reason = describeFailure(e);
  notes.push({ source, level: 'error', text: `Could not be read: ${reason}` });
  return { source, status: { state: 'unavailable', reason }, resources: [], notes, pages: 0, failure: e.kind };
}

/** "Loaded 42 MedicationRequest and 7 Medication from 3 pages" */
function loadedText(resources: Resource[], pages: number): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${n} ${type}`);
  const what = parts.length ? parts.join(' and ') : 'no matching resources';
  return `Loaded ${what} from ${pages} ${pages === 1 ? 'page' : 'pages'}`;
}
