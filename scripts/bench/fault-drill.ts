/**
 * The issue-5 faults replayed against the real sandbox (its /sandbox/faults injection), after the benchmark:
 * each row prints what the loader reported for the affected source and whether that is what we promise.
 */
import { DEFAULT_QUERY_CONFIG } from '../../src/fhir/codes.ts';
import type { SourceKey } from '../../src/clinical/types.ts';
import { loadPatientRecord } from '../../src/fhir/loader.ts';
import { makeNodeClient } from '../../tests/fhir/msw/node-client.ts';

interface Fault { method?: string; resourceType?: string; status?: number; times?: number; retryAfterSeconds?: number; delayMs?: number; afterPages?: number }
interface Drill { name: string; fault: Fault | 'revoke'; source: SourceKey; expect: RegExp; patient: 'typical' | 'heavy' }

const DRILLS: Drill[] = [
  { name: '503 twice, then recovers', fault: { resourceType: 'Condition', status: 503, times: 2 }, source: 'conditions', expect: /^loaded$/, patient: 'typical' },
  { name: '502 persistent', fault: { resourceType: 'Condition', status: 502, times: 100 }, source: 'conditions', expect: /^unavailable: server error 502 after 3 tries$/, patient: 'typical' },
  { name: '429 Retry-After 1 s', fault: { resourceType: 'MedicationRequest', status: 429, times: 1, retryAfterSeconds: 1 }, source: 'medications', expect: /^loaded$/, patient: 'typical' },
  { name: '403 on Condition', fault: { resourceType: 'Condition', status: 403, times: 100 }, source: 'conditions', expect: /^unavailable: not permitted$/, patient: 'typical' },
  { name: 'page 2 fails (500)', fault: { resourceType: 'Observation', status: 500, times: 100, afterPages: 1 }, source: 'surveys', expect: /^partial: page 2 could not be read/, patient: 'heavy' },
  { name: 'no answer (timeout)', fault: { resourceType: 'Condition', delayMs: 2_000, times: 100 }, source: 'conditions', expect: /^unavailable: no answer in time after 3 tries$/, patient: 'typical' },
  { name: 'token revoked', fault: 'revoke', source: 'medications', expect: /^unavailable: session expired/, patient: 'typical' },
];

export interface DrillTarget {
  baseUrl: string;
  fhirBaseUrl: string;
  token(patientId: string): Promise<string>;
  patients: Record<'typical' | 'heavy', string>;
}

export async function runFaultDrills(target: DrillTarget, asOf: string): Promise<boolean> {
  console.log('\nfault drill against the sandbox');
  let allOk = true;
  for (const drill of DRILLS) {
    const patient = target.patients[drill.patient];
    const token = await target.token(patient);
    await fetch(`${target.baseUrl}/sandbox/faults`, { method: 'DELETE' });
    if (drill.fault === 'revoke') await fetch(`${target.baseUrl}/sandbox/revoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    else await fetch(`${target.baseUrl}/sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', ...drill.fault }) });
    const client = makeNodeClient({ serverUrl: target.fhirBaseUrl, patient, accessToken: token, scope: 'launch/patient patient/*.read' });
    const result = await loadPatientRecord(client, { asOf, timeoutMs: 500, baseDelayMs: 50, config: { ...DEFAULT_QUERY_CONFIG, pageSize: 100 } });
    await fetch(`${target.baseUrl}/sandbox/faults`, { method: 'DELETE' });
    const status = result.sources.find((s) => s.source === drill.source)?.status;
    const seen = status ? `${status.state}${status.reason ? `: ${status.reason}` : ''}` : 'missing';
    const others = result.sources.filter((s) => s.source !== drill.source && s.status.state !== 'loaded').map((s) => s.source);
    const ok = drill.expect.test(seen) && (drill.fault === 'revoke' || others.length === 0 || drill.source === 'surveys');
    allOk &&= ok;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${drill.name.padEnd(26)} ${drill.source}: ${seen}${others.length ? `  (others not loaded: ${others.join(', ')})` : ''}`);
  }
  return allOk;
}
