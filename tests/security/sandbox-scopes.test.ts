/**
 * Findings on the sandbox's FHIR API: a token with patient-level scopes but no patient context read and wrote
 * every patient's data; Bulk $export needed no resource scopes (a `launch openid fhirUser` token exported
 * Conditions and Patients).
 */
import type { Sandbox } from '../../scripts/sandbox/server.ts';
import { obtainToken } from '../../scripts/sandbox/test-client.ts';
import { PA, PB, smallSandbox } from './support.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await smallSandbox();
});
afterAll(() => sb.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('patient-level scopes without a patient context', () => {
  it('are refused for reads, searches and writes (403), instead of reaching every patient', async () => {
    const t = await obtainToken(sb, { patient: null, scope: 'launch openid fhirUser patient/*.rs patient/Observation.c' });
    expect(t.patient).toBeUndefined();
    const h = auth(t.access_token);
    const search = await fetch(`${sb.fhirBaseUrl}/Observation`, { headers: h });
    expect(search.status).toBe(403);
    expect(JSON.stringify(await search.json())).toMatch(/patient context/);
    expect((await fetch(`${sb.fhirBaseUrl}/Observation?patient=${PB}`, { headers: h })).status).toBe(403);
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PA}`, { headers: h })).status).toBe(403);
    expect((await fetch(`${sb.fhirBaseUrl}/Condition/${PB}-cond`, { headers: h })).status).toBe(403);
    const post = await fetch(`${sb.fhirBaseUrl}/Observation`, {
      method: 'POST', headers: { ...h, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${PB}` } }),
    });
    expect(post.status).toBe(403);
  });

  it('patient-level scopes with a patient still work, confined to that patient', async () => {
    const h = auth((await obtainToken(sb, { patient: PA, scope: 'launch patient/*.rs' })).access_token);
    expect((await fetch(`${sb.fhirBaseUrl}/Observation?patient=${PA}`, { headers: h })).status).toBe(200);
    expect((await fetch(`${sb.fhirBaseUrl}/Observation?patient=${PB}`, { headers: h })).status).toBe(403);
    expect((await fetch(`${sb.fhirBaseUrl}/Condition/${PB}-cond`, { headers: h })).status).toBe(404);
  });

  it('a user-level grant next to patient-level ones reaches only the types it names across patients', async () => {
    const h = auth((await obtainToken(sb, { patient: null, scope: 'launch user/Patient.rs patient/Observation.rs' })).access_token);
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PB}`, { headers: h })).status).toBe(200);
    expect((await fetch(`${sb.fhirBaseUrl}/Observation?patient=${PB}`, { headers: h })).status).toBe(403);
  });
});

async function kickOff(token: string, query = ''): Promise<Response> {
  return fetch(`${sb.fhirBaseUrl}/$export${query}`, { headers: { ...auth(token), Prefer: 'respond-async' } });
}

async function manifestTypes(statusUrl: string, token: string): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(statusUrl, { headers: auth(token) });
    if (res.status === 200) return [...new Set(((await res.json()) as { output: { type: string }[] }).output.map((o) => o.type))].sort();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('export did not finish');
}

describe('Bulk Data $export needs read scopes for what it exports', () => {
  it('a token without resource scopes (launch openid fhirUser) is refused', async () => {
    const t = await obtainToken(sb, { patient: null, scope: 'launch openid fhirUser' });
    const res = await kickOff(t.access_token);
    expect(res.status).toBe(403);
    expect((await kickOff(t.access_token, '?_type=Condition,Patient')).status).toBe(403);
  });

  it('a _type outside the granted user/system read scopes is refused, naming the type', async () => {
    const t = await obtainToken(sb, { patient: null, scope: 'launch user/Patient.rs' });
    const res = await kickOff(t.access_token, '?_type=Patient,Condition');
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toMatch(/Condition/);
  });

  it('without _type only the granted types are exported', async () => {
    const t = await obtainToken(sb, { patient: null, scope: 'launch user/Patient.rs user/Observation.rs' });
    const res = await kickOff(t.access_token);
    expect(res.status).toBe(202);
    expect(await manifestTypes(res.headers.get('content-location')!, t.access_token)).toEqual(['Observation', 'Patient']);
  });

  it('search-only or write-only grants do not allow export; system/*.read and user/*.rs do', async () => {
    const s = await obtainToken(sb, { patient: null, scope: 'launch user/Condition.s user/Observation.c' });
    expect((await kickOff(s.access_token, '?_type=Condition')).status).toBe(403);
    for (const scope of ['launch system/*.read', 'launch user/*.rs']) {
      const t = await obtainToken(sb, { patient: null, scope });
      const res = await kickOff(t.access_token, '?_type=Condition');
      expect(res.status, scope).toBe(202);
      expect(await manifestTypes(res.headers.get('content-location')!, t.access_token)).toEqual(['Condition']);
    }
  });

  it('patient-level tokens stay refused (whole-population export)', async () => {
    const t = await obtainToken(sb, { patient: PA, scope: 'launch patient/*.rs' });
    expect((await kickOff(t.access_token)).status).toBe(403);
  });
});
