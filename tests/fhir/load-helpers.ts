/** Runs the loader against the msw fake EHR with a fixed asOf and an instant (recorded) sleep. */
import type { Resource } from 'fhir/r4';
import type { SourceKey } from '../../src/clinical/types.ts';
import { loadPatientRecord, type LoadOptions } from '../../src/fhir/loader.ts';
import type { SourceLoad } from '../../src/fhir/types.ts';
import { BASE, TOKEN_URI } from './msw/fake-fhir.ts';
import { makeNodeClient, type NodeClientOptions } from './msw/node-client.ts';

export const AS_OF = '2026-11-22';

export async function load(client: Partial<NodeClientOptions> = {}, options: Partial<LoadOptions> = {}) {
  const sleeps: number[] = [];
  const arrivals: SourceKey[] = [];
  const result = await loadPatientRecord(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, ...client }), {
    asOf: AS_OF,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    timeoutMs: 2_000,
    onSource: (s) => arrivals.push(s.source),
    ...options,
  });
  const bySource = Object.fromEntries(result.sources.map((s) => [s.source, s])) as Record<SourceKey, SourceLoad>;
  return { result, bySource, sleeps, arrivals };
}

export const ids = (load: SourceLoad | undefined) => (load?.resources ?? []).map((r: Resource) => `${r.resourceType}/${r.id}`).sort();
export const noteTexts = (load: SourceLoad | undefined) => (load?.notes ?? []).map((n) => n.text);
