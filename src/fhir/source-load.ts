/**
 * Runs one source's query to the end and turns what happened into a SourceLoad: its resources, its status
 * (loaded / partial / unavailable, and how far back it reaches) and its data notes. A plan the server refuses
 * (400, 404, 405, 413, 414, or an answer that is not a Bundle) gives way to the source's next plan.
 */
import type { Resource } from 'fhir/r4';
import { FhirError, asFhirError, describeFailure } from './errors.ts';
import { readReferencedMedications } from './medications.ts';
import { readAllPages, type PagedResult } from './paging.ts';
import type { QueryPlan, SearchSpec, SourceQuery } from './queries.ts';
import { describeSkip, sanitize } from './sanitize.ts';
import type { SendInit, Transport } from './transport.ts';
import type { DataNote, SourceLoad } from './types.ts';

const refused = (e: FhirError) => e.kind === 'client' || e.kind === 'invalid-body';

export function readSearch(transport: Transport, search: SearchSpec): Promise<PagedResult> {
  const init: SendInit | undefined = search.form
    ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: search.form }
    : undefined;
  return readAllPages(transport, search.url, undefined, init);
}

export async function loadSource(transport: Transport, query: SourceQuery): Promise<SourceLoad> {
  const { source } = query;
  const notes: DataNote[] = [];
  for (let i = 0; i < query.plans.length; i++) {
    const plan = query.plans[i];
    try {
      const results = await Promise.all(plan.searches.map((s) => readSearch(transport, s)));
      return await finish(transport, query, plan, results, notes);
    } catch (e) {
      const error = asFhirError(e, source);
      if (i < query.plans.length - 1 && refused(error)) {
        notes.push({ source, level: 'info', text: `The server refused a search (${describeFailure(error)}); read another way instead` });
        continue;
      }
      return unavailable(source, error, notes);
    }
  }
  return unavailable(source, new FhirError('client', 'no search to run'), notes);
}

async function finish(transport: Transport, query: SourceQuery, plan: QueryPlan, results: PagedResult[], notes: DataNote[]): Promise<SourceLoad> {
  const { source } = query;
  const seen = new Set<string>();
  const items: unknown[] = [];
  const gaps: string[] = [];
  let pages = 0;
  for (const r of results) {
    pages += r.pages;
    for (const item of r.items) {
      const x = item as { resourceType?: unknown; id?: unknown };
      if (typeof x.id === 'string' && typeof x.resourceType === 'string') {
        const key = `${x.resourceType}/${x.id}`;
        if (seen.has(key)) continue; // found by two searches of the plan
        seen.add(key);
      }
      items.push(item);
    }
    notes.push(...r.warnings.map((text) => ({ source, level: 'warning' as const, text })));
    gaps.push(...r.gaps);
    if (r.failure) gaps.push(`page ${r.pages + 1} could not be read (${describeFailure(r.failure)}); only the first ${r.pages} ${r.pages === 1 ? 'page is' : 'pages are'} shown`);
  }
  const { kept, skipped } = sanitize(items, query);
  const resources: Resource[] = [...kept];
  notes.push(...skipped.map((s) => ({ source, level: 'warning' as const, text: describeSkip(s) })));
  for (const s of skipped) if (s.mayHideRecords) gaps.push(describeSkip(s));
  if (plan.weakness) gaps.push(plan.weakness);
  if (query.readReferencedMedications) {
    const meds = await readReferencedMedications(transport, kept);
    resources.push(...meds.medications);
    notes.push(...meds.notes.map((text) => ({ source, level: 'warning' as const, text })));
    if (meds.failed > 0) gaps.push(`${meds.failed} referenced Medication ${meds.failed === 1 ? 'resource' : 'resources'} could not be read`);
  }
  notes.unshift({ source, level: 'info', text: loadedText(resources, pages, plan.since) });
  const reason = gaps.join('; ');
  if (reason) notes.push({ source, level: 'error', text: `Incomplete: ${reason}` });
  return {
    source,
    status: reason ? { state: 'partial', reason, since: plan.since } : { state: 'loaded', since: plan.since },
    resources,
    notes,
    pages,
  };
}

export function unavailable(source: SourceQuery['source'], e: FhirError, notes: DataNote[] = []): SourceLoad {
  const reason = describeFailure(e);
  notes.push({ source, level: 'error', text: `Could not be read: ${reason}` });
  return { source, status: { state: 'unavailable', reason }, resources: [], notes, pages: 0, failure: e.kind };
}

/** "Loaded 42 MedicationRequest and 7 Medication from 3 pages (from 12/02/2024 on)" */
function loadedText(resources: Resource[], pages: number, since: string | null): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${n} ${type}`);
  const what = parts.length ? parts.join(' and ') : 'no matching resources';
  const window = since ? ` (dated from ${since} on, and every undated one)` : '';
  return `Loaded ${what} from ${pages} ${pages === 1 ? 'page' : 'pages'}${window}`;
}
