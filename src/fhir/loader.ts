/**
 * Loads the patient's record for the panel: reads the Patient and (once per session) /metadata, then runs every
 * source's search in parallel, reporting each source the moment it is done.
 *
 * @example
 *   const result = await loadPatientRecord(client, { asOf: '2026-11-22', onSource: (s) => store.receive(s) });
 *   result.sessionError // null, or { kind: 'session-expired', ... } after a 401 that refresh could not fix
 */
import type Client from 'fhirclient/lib/Client';
import type { Resource } from 'fhir/r4';
import type { SourceKey } from '../clinical/types.ts';
import { readCapabilities } from './capabilities.ts';
import { DEFAULT_QUERY_CONFIG, type QueryConfig } from './codes.ts';
import { FhirError, asFhirError } from './errors.ts';
import { parseScopes } from './permissions.ts';
import { buildQueries } from './queries.ts';
import { sanitize } from './sanitize.ts';
import { loadSource, unavailable } from './source-load.ts';
import { createTransport, type Transport, type TransportOptions } from './transport.ts';
import { SESSION_EXPIRED_MESSAGE, type SessionError, type SourceLoad } from './types.ts';

export interface LoadOptions extends TransportOptions {
  /** The calendar date look-backs are measured from (YYYY-MM-DD), fixed at launch. */
  asOf: string;
  /** Codes and look-backs from the clinic policy (default: the shipped policy's). */
  config?: QueryConfig;
  /** Every source's key, called once before any request (the panel shows "loading" per section). */
  onStart?: (sources: SourceKey[]) => void;
  /** Called once per source, as soon as that source is finished (loaded, partial or unavailable). */
  onSource?: (load: SourceLoad) => void;
  /** An existing transport (the benchmark passes one to count requests and bytes). */
  transport?: Transport;
}

export interface LoadResult {
  patientId: string | null;
  sources: SourceLoad[];
  sessionError: SessionError | null;
  requests: number;
  bytes: number;
}

export async function loadPatientRecord(client: Client, options: LoadOptions): Promise<LoadResult> {
  const transport = options.transport ?? createTransport(client, options);
  const patientId = client.getState('tokenResponse.patient') as string | undefined;
  const sources: SourceLoad[] = [];
  const report = (load: SourceLoad) => {
    sources.push(load);
    options.onSource?.(load);
  };
  const result = (sessionError: SessionError | null): LoadResult => ({
    patientId: patientId ?? null, sources, sessionError, requests: transport.stats.requests, bytes: transport.stats.bytes,
  });
  if (!patientId) {
    return result({ kind: 'no-patient', message: 'The launch did not select a patient — open the app from a patient chart.' });
  }

  const permissions = parseScopes(client.getState('tokenResponse.scope') as string | undefined);
  // The Patient read does not hold up the searches: they wait only for the capabilities (kept for the session).
  const patient = loadPatient(transport, patientId).then(report);
  const capabilities = await readCapabilities(transport);
  const { queries, notRequested } = buildQueries({ patientId, asOf: options.asOf, config: options.config ?? DEFAULT_QUERY_CONFIG, capabilities, permissions });
  options.onStart?.([...queries.map((q) => q.source), ...notRequested.map((n) => n.source)]);
  for (const n of notRequested) {
    report({ source: n.source, status: { state: 'not-requested', reason: n.reason }, resources: [], pages: 0,
      notes: [{ source: n.source, level: 'info', text: `Not requested: ${n.reason}` }] });
  }
  await Promise.all([patient, ...queries.map((q) => loadSource(transport, q).then(report))]);

  const expired = sources.some((s) => s.failure === 'unauthorized');
  return result(expired ? { kind: 'session-expired', message: SESSION_EXPIRED_MESSAGE } : null);
}

async function loadPatient(transport: Transport, patientId: string): Promise<SourceLoad> {
  try {
    const { body } = await transport.send(`Patient/${encodeURIComponent(patientId)}`);
    const { kept } = sanitize([body], { expect: ['Patient'] });
    if (kept.length === 0) throw new FhirError('invalid-body', 'the Patient read did not return a Patient');
    return { source: 'patient', status: { state: 'loaded' }, resources: kept as Resource[], notes: [], pages: 1 };
  } catch (e) {
    return unavailable('patient', asFhirError(e, 'Patient'));
  }
}
