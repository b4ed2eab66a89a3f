import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resource } from 'fhir/r4';
import { createBulkJobs, handleBulk, type BulkContext } from '../../scripts/sandbox/bulk/handler.ts';
import { memorySource } from '../../scripts/sandbox/bulk/memory-source.ts';
import type { Summarize } from '../../src/registry/accumulate.ts';
import { runRegistryJob } from '../../src/registry/worker-run.ts';
import type { FromWorker } from '../../src/registry/worker-protocol.ts';
import { med, summary } from './builders.ts';

const patients = ['a', 'b', 'c', 'd'];
const resources: Resource[] = [
  ...patients.map((id) => ({ resourceType: 'Patient', id, name: [{ text: `Pat ${id}` }] }) as Resource),
  ...patients.map((id) => ({ resourceType: 'MedicationRequest', id: `mr-${id}`, status: 'active', intent: 'order',
    subject: { reference: `Patient/${id}` }, requester: { reference: 'Practitioner/dr' } }) as Resource),
  { resourceType: 'Appointment', id: 'ap', status: 'booked', start: '2025-07-01T09:30:00-07:00', participant: [{ actor: { reference: 'Patient/a' }, status: 'accepted' }] } as Resource,
  { resourceType: 'Practitioner', id: 'dr', name: [{ text: 'Dr Who' }] } as Resource,
];
// Fake engine: d is MOUD-only; everyone else on an opioid with MME 10×index.
const fake: Summarize = (rs, _ls, asOf) => {
  const id = rs.find((r) => r.resourceType === 'Patient')!.id!;
  return summary({ asOf, patientId: id, meds: [med(id === 'd' ? 'moud' : 'opioid', `mr-${id}`)], mme: 10 * patients.indexOf(id) });
};

let server: Server;
let base = '';
beforeAll(async () => {
  const ctx = (): BulkContext => ({ fhirPath: '/fhir', fhirBase: base, source: memorySource(resources), jobs });
  const jobs = createBulkJobs({ pollsBeforeReady: 0, retryAfterSeconds: 0 });
  server = createServer((req, res) => {
    if (req.url === '/fhir/metadata' || req.url === '/patient-level/fhir/metadata') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
      const rest = req.url.startsWith('/patient-level')
        ? { mode: 'server', resource: [{ type: 'Patient', operation: [{ name: 'export', definition: 'x' }] }] }
        : { mode: 'server', operation: [{ name: 'export', definition: 'x' }] };
      return res.end(JSON.stringify({ resourceType: 'CapabilityStatement', rest: [rest] }));
    }
    if (req.url === '/patient-level/fhir/Practitioner/dr') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
      return res.end(JSON.stringify(resources.find((r) => r.resourceType === 'Practitioner')));
    }
    if (req.url?.startsWith('/patient-level/')) {
      req.url = req.url.slice('/patient-level'.length);
      return void handleBulk(req, res, { ...ctx(), fhirBase: `${base.replace(/\/fhir$/, '')}/patient-level/fhir` }).then((h) => { if (!h) { res.writeHead(404); res.end(); } });
    }
    void handleBulk(req, res, ctx()).then((h) => { if (!h) { res.writeHead(404); res.end(); } });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const start = { type: 'start' as const, fhirBase: '', accessToken: 'tok', asOf: '2025-06-30', policyJson: null, runChartMonths: 2 };

describe('registry worker job', () => {
  it('bulk path: rows in batches, listed MOUD-only, measures then run chart, done', async () => {
    const out: FromWorker[] = [];
    await runRegistryJob({ ...start, fhirBase: base }, {
      summarize: fake, fetch, opioidCodes: [], post: (m) => out.push(m), signal: new AbortController().signal, batch: 2,
    });
    const rows = out.flatMap((m) => (m.type === 'rows' ? m.rows : []));
    expect(rows.map((r) => `${r.name}|${r.prescriber.display}|${r.mme}`).sort()).toEqual(['Pat a|Dr Who|0', 'Pat b|Dr Who|10', 'Pat c|Dr Who|20']);
    expect(rows.find((r) => r.patientId === 'a')!.appointments).toEqual([{ date: '2025-07-01', time: '09:30', type: 'Appointment' }]);
    expect(out.flatMap((m) => (m.type === 'rows' ? m.listed : [])).map((l) => `${l.kind}:${l.patient.patientId}`)).toEqual(['moud-only:d']);
    expect(out.filter((m) => m.type === 'rows').length).toBeGreaterThan(1);
    const measures = out.filter((m): m is Extract<FromWorker, { type: 'measures' }> => m.type === 'measures');
    expect(measures.map((m) => m.final)).toEqual([false, true]);
    expect(measures[1].report.runChart.map((p) => p.patients)).toEqual([3, 3]);
    expect(out.at(-1)).toMatchObject({ type: 'done', mode: 'bulk' });
  });

  it('search path when the server has no $export: cohort search, per-patient reads with the token, failures marked', async () => {
    const seen: string[] = [];
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json' } });
    const stub = async (url: string, init?: RequestInit) => {
      seen.push(`${new Headers(init?.headers).get('Authorization')} ${url.replace('http://x/fhir', '')}`);
      const u = new URL(url);
      if (u.pathname.endsWith('/metadata')) return json({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] });
      if (u.pathname.endsWith('/MedicationRequest') && u.searchParams.get('code')) {
        return json({ resourceType: 'Bundle', entry: ['a', 'b'].map((id) => ({ resource: { resourceType: 'MedicationRequest', subject: { reference: `Patient/${id}` } } })) });
      }
      if (u.pathname.endsWith('/Practitioner/dr')) return json(resources.find((r) => r.resourceType === 'Practitioner'));
      const read = /\/Patient\/(\w+)$/.exec(u.pathname);
      if (read) return json(resources.find((r) => r.resourceType === 'Patient' && r.id === read[1]));
      if (u.pathname.endsWith('/Observation') || u.pathname.endsWith('/Appointment')) return json({}, 503);
      const pid = u.searchParams.get('patient');
      return json({ resourceType: 'Bundle', entry: resources.filter((r) => JSON.stringify(r).includes(`Patient/${pid}"`) && r.resourceType === u.pathname.split('/').pop()).map((resource) => ({ resource })) });
    };
    const out: FromWorker[] = [];
    const statuses: unknown[] = [];
    await runRegistryJob({ ...start, fhirBase: 'http://x/fhir' }, {
      summarize: (rs, ls, asOf) => { statuses.push(ls); return fake(rs, ls, asOf); },
      fetch: stub, opioidCodes: ['1049621'], post: (m) => out.push(m), signal: new AbortController().signal,
    });
    expect(out.at(-1)).toMatchObject({ type: 'done', mode: 'search', notes: ['Appointments could not be read for 2 of 2 patients: the huddle sheet may miss them.'] });
    expect(out.flatMap((m) => (m.type === 'rows' ? m.rows : [])).map((r) => r.patientId).sort()).toEqual(['a', 'b']);
    expect(seen.every((s) => s.startsWith('Bearer tok '))).toBe(true);
    expect(seen.some((s) => s.includes('code=http%3A%2F%2Fwww.nlm.nih.gov%2Fresearch%2Fumls%2Frxnorm%7C1049621'))).toBe(true);
    expect(statuses[0]).toMatchObject({ udt: { state: 'unavailable' }, surveys: { state: 'unavailable' } });
    expect(out.flatMap((m) => (m.type === 'rows' ? m.rows : [])).map((r) => r.prescriber.display)).toEqual(['Dr Who', 'Dr Who']);
    expect(seen.filter((x) => x.endsWith('/Practitioner/dr'))).toHaveLength(1); // read once, shared across patients
    expect(seen.some((x) => x.includes('_include'))).toBe(false); // the stub lists no searchInclude
  });

  it('Patient-level export only: compartments exported, prescriber names read once from Practitioner', async () => {
    const out: FromWorker[] = [];
    const urls: string[] = [];
    const spy = (u: string, init?: RequestInit) => { urls.push(u); return fetch(u, init); };
    await runRegistryJob({ ...start, fhirBase: base.replace(/\/fhir$/, '/patient-level/fhir') }, {
      summarize: fake, fetch: spy, opioidCodes: [], post: (m) => out.push(m), signal: new AbortController().signal,
    });
    expect(out.at(-1)).toMatchObject({ type: 'done', mode: 'bulk' });
    expect(urls.some((u) => u.includes('/Patient/$export'))).toBe(true);
    expect(urls.filter((u) => u.endsWith('/Practitioner/dr'))).toHaveLength(1);
    expect(out.flatMap((m) => (m.type === 'rows' ? m.rows : [])).every((r) => r.prescriber.display === 'Dr Who')).toBe(true);
  });

  it('cancel: reports cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    const out: FromWorker[] = [];
    await runRegistryJob({ ...start, fhirBase: base }, { summarize: fake, fetch, opioidCodes: [], post: (m) => out.push(m), signal: ac.signal });
    expect(out.at(-1)).toMatchObject({ type: 'error', cancelled: true });
  });
});
