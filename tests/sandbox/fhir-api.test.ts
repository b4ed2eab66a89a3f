/** The sandbox's FHIR API over medplum: paging links, strict params, _include, conditional create, faults. */
import type { Bundle, Observation } from 'fhir/r4';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';
import { obtainToken } from '../../scripts/sandbox/test-client.ts';

let sb: Sandbox;
let h: Record<string, string>;
const PID = '389bac6b-5b19-43c2-90a6-79afa9ba59e7'; // Eliseo Cummings (Synthea fixture)

beforeAll(async () => {
  sb = await startSandbox({ today: '2026-11-22' });
  h = { Authorization: `Bearer ${(await obtainToken(sb, { patient: PID })).access_token}` };
});
afterAll(() => sb.close());

const get = async (path: string) => {
  const res = await fetch(path.startsWith('http') ? path : `${sb.fhirBaseUrl}/${path}`, { headers: h });
  return { status: res.status, body: (await res.json()) as Bundle };
};

describe('search', () => {
  it('pages with _count and Bundle next links until done, with a total', async () => {
    const first = await get(`Observation?patient=${PID}&_count=40`);
    expect(first.status).toBe(200);
    const total = first.body.total!;
    expect(total).toBeGreaterThan(80);
    let ids = first.body.entry!.map((e) => e.resource!.id);
    let next = first.body.link?.find((l) => l.relation === 'next')?.url;
    let pages = 1;
    while (next) {
      const page = await get(next);
      ids = ids.concat(page.body.entry!.map((e) => e.resource!.id));
      next = page.body.link?.find((l) => l.relation === 'next')?.url;
      pages++;
    }
    expect(new Set(ids).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 40));
  });

  it('answers 400 for an unknown search parameter (medplum alone would ignore it)', async () => {
    const r = await get(`Observation?patient=${PID}&bogus=1`);
    expect(r.status).toBe(400);
    expect((r.body as unknown as { issue: { diagnostics: string }[] }).issue[0].diagnostics).toMatch(/Unknown search parameter "bogus"/);
  });

  it('token, date and _sort parameters filter and order', async () => {
    const r = await get(`Observation?patient=${PID}&code=http://loinc.org|72514-3&date=ge2000-01-01&_sort=-date`);
    const dates = r.body.entry!.map((e) => (e.resource as Observation).effectiveDateTime!);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(r.body.entry!.every((e) => (e.resource as Observation).code.coding![0].code === '72514-3')).toBe(true);
  });

  it('_include=MedicationRequest:medication returns referenced Medications', async () => {
    // The Epic-shaped fixtures order through medicationReference; a user-level token searches across patients.
    const t = await obtainToken(sb, { patient: null, scope: 'launch user/*.rs' });
    const r = await fetch(`${sb.fhirBaseUrl}/MedicationRequest?_include=MedicationRequest:medication&_count=200`, { headers: { Authorization: `Bearer ${t.access_token}` } });
    const b = (await r.json()) as Bundle;
    const included = b.entry!.filter((e) => e.search?.mode === 'include');
    expect(included.length).toBeGreaterThan(0);
    expect(included.every((e) => e.resource!.resourceType === 'Medication')).toBe(true);
  });
});

describe('writes', () => {
  const obs = (): Observation => ({
    resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '91148-7' }] },
    subject: { reference: `Patient/${PID}` }, identifier: [{ system: 'urn:pain-care-panel:request', value: 'req-1' }],
  });
  it('POST creates (201); If-None-Exist returns the existing one (200) instead of a duplicate', async () => {
    const post = () => fetch(`${sb.fhirBaseUrl}/Observation`, {
      method: 'POST', headers: { ...h, 'Content-Type': 'application/fhir+json', 'If-None-Exist': 'identifier=urn:pain-care-panel:request|req-1' }, body: JSON.stringify(obs()),
    });
    const a = await post();
    const b = await post();
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(((await b.json()) as Observation).id).toBe(((await a.json()) as Observation).id);
    const found = await get(`Observation?patient=${PID}&code=http://loinc.org|91148-7`);
    expect(found.body.total).toBe(1);
  });
});

describe('fault injection', () => {
  it('fails the matching request the given number of times, with Retry-After', async () => {
    await fetch(`${sb.baseUrl}/sandbox/faults`, { method: 'POST', body: JSON.stringify({ resourceType: 'Condition', status: 429, retryAfterSeconds: 2, times: 1 }) });
    const a = await fetch(`${sb.fhirBaseUrl}/Condition?patient=${PID}`, { headers: h });
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${sb.fhirBaseUrl}/Condition?patient=${PID}`, { headers: h })).status).toBe(200);
  });

  it('afterPages lets the first pages through and fails the later ones', async () => {
    sb.addFault({ resourceType: 'Observation', status: 503, afterPages: 1, times: 1 });
    expect((await get(`Observation?patient=${PID}&_count=20`)).status).toBe(200);
    expect((await get(`Observation?patient=${PID}&_count=20&_offset=20`)).status).toBe(503);
    sb.clearFaults();
  });
});

describe('public discovery and the EHR page', () => {
  it('/metadata (no token) lists types, search params, interactions and the SMART oauth-uris', async () => {
    const res = await fetch(`${sb.fhirBaseUrl}/metadata`);
    expect(res.status).toBe(200);
    const cs = (await res.json()) as import('fhir/r4').CapabilityStatement;
    const rest = cs.rest![0];
    expect(rest.security?.service?.[0].coding?.[0].code).toBe('SMART-on-FHIR');
    const uris = rest.security?.extension?.[0].extension?.map((e) => [e.url, e.valueUri]);
    expect(uris).toContainEqual(['authorize', `${sb.baseUrl}/auth/authorize`]);
    const obs = rest.resource?.find((r) => r.type === 'Observation');
    expect(obs?.interaction?.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'search-type', 'create']));
    expect(obs?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'code', 'date', 'category']));
  });

  it('.well-known/smart-configuration (no token) advertises PKCE S256 and SMART v1 + v2 permissions', async () => {
    const cfg = (await (await fetch(`${sb.fhirBaseUrl}/.well-known/smart-configuration`)).json()) as Record<string, string[]>;
    expect(cfg.code_challenge_methods_supported).toEqual(['S256']);
    expect(cfg.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'permission-v2', 'permission-v1', 'sso-openid-connect']));
  });

  it('the EHR page lists the patients; a Launch opens the app in an iframe with iss and a launch token', async () => {
    const home = await (await fetch(sb.ehrUrl)).text();
    expect(home).toContain('Eliseo Cummings');
    const frame = await (await fetch(`${sb.baseUrl}/ehr/launch?patient=${PID}`)).text();
    const src = /<iframe[^>]*src="([^"]+)"/.exec(frame)![1].replace(/&amp;/g, '&').replace(/&#38;/g, '&');
    const url = new URL(src);
    expect(url.pathname).toBe('/launch.html');
    expect(url.searchParams.get('iss')).toBe(sb.fhirBaseUrl);
    expect(url.searchParams.get('launch')).toBeTruthy();
  });
});
