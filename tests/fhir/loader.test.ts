/** The loader on a well-behaved server: every source, every page, each resource once. */
import { http, HttpResponse } from 'msw';
import { BASE, fake, outcome, resetFake, search } from './msw/fake-fhir.ts';
import { server, useMswServer } from './msw/server.ts';
import { condition, medication, medicationRequest, observation, typicalRecord } from './builders.ts';
import { AS_OF, ids, load, noteTexts } from './load-helpers.ts';

useMswServer();
beforeEach(() => resetFake(typicalRecord()));

describe('loading a typical record', () => {
  it('reads every source and marks it loaded', async () => {
    const { result, bySource } = await load();
    expect(result.sessionError).toBeNull();
    for (const s of result.sources) expect([s.source, s.status.state]).toEqual([s.source, 'loaded']);
    expect(ids(bySource.medications)).toEqual(['Medication/med-oxy', 'MedicationRequest/mr1', 'MedicationRequest/mr2', 'MedicationRequest/mr3']);
    expect(ids(bySource.conditions)).toEqual(['Condition/c1', 'Condition/c2']);
    expect(ids(bySource.surveys)).toEqual(['Observation/peg1', 'Observation/phq1']);
    expect(ids(bySource.pdmp)).toEqual(['Observation/pdmp1']);
    expect(ids(bySource.agreement)).toEqual(['Observation/agr1']);
    expect(ids(bySource.patient)).toEqual(['Patient/p1']);
  });

  it('reads urine drug tests by their codes, of any date and category (never all Observations)', async () => {
    const uncategorized = { ...observation('udt-nocat', { code: '3426-4', date: '2026-03-01' }), category: undefined };
    const issuedOnly = { ...observation('udt-issued', { code: '19295-5', category: 'laboratory' }), effectiveDateTime: undefined, issued: '2026-02-01T10:00:00Z' };
    resetFake([...typicalRecord(), uncategorized, issuedOnly]);
    const { bySource } = await load();
    // Both old and undated-by-effective tests are found; vital signs and other labs are never asked for.
    expect(ids(bySource.udt)).toEqual(['Observation/lab-old', 'Observation/udt-issued', 'Observation/udt-nocat', 'Observation/udt1']);
    expect(bySource.udt.status).toEqual({ state: 'loaded', since: null });
  });

  it('a server that refuses the long POST search gets the code list in GETs of 100 codes', async () => {
    server.use(http.post(`${BASE}/Observation/_search`, () => HttpResponse.json(outcome('not supported'), { status: 405 })));
    const { bySource } = await load();
    expect(ids(bySource.udt)).toEqual(['Observation/lab-old', 'Observation/udt1']);
    expect(bySource.udt.status.state).toBe('loaded');
  });

  it('a server that refuses every code search: laboratory results by category and date, read as partly loaded', async () => {
    server.use(
      http.post(`${BASE}/Observation/_search`, () => HttpResponse.json(outcome('not supported'), { status: 405 })),
      http.get(`${BASE}/Observation`, ({ request }) => (new URL(request.url).searchParams.get('code')?.includes('3426-4') ? HttpResponse.json(outcome('too many codes'), { status: 400 }) : undefined)),
    );
    const { bySource } = await load();
    expect(ids(bySource.udt)).toEqual(['Observation/udt1']);
    expect(bySource.udt.status).toMatchObject({ state: 'partial', reason: expect.stringMatching(/without a category, or dated only by its report, may be missing/) });
  });

  it('reads undated orders beside the 2-year window (an active order without authoredOn is current)', async () => {
    const undated = { ...medicationRequest('mr-undated'), authoredOn: undefined };
    resetFake([...typicalRecord(), undated]);
    const { bySource } = await load();
    expect(ids(bySource.medications)).toContain('MedicationRequest/mr-undated');
    expect(bySource.medications.status).toEqual({ state: 'loaded', since: '2024-11-22' });
  });

  it('keeps Conditions that carry no category (Synthea, older EHR data)', async () => {
    const uncategorized = { ...condition('c-oud'), category: undefined };
    resetFake([...typicalRecord(), uncategorized]);
    const { bySource } = await load();
    expect(ids(bySource.conditions)).toEqual(['Condition/c-oud', 'Condition/c1', 'Condition/c2']);
  });

  it('names each section as soon as its own search is done', async () => {
    const { arrivals } = await load();
    expect(arrivals[0]).toBe('patient');
    expect(new Set(arrivals)).toEqual(new Set(['patient', 'medications', 'conditions', 'surveys', 'pdmp', 'agreement', 'udt', 'procedures', 'documents', 'dispenses', 'statements', 'questionnaires', 'referrals']));
  });

  it('marks optional Procedure/DocumentReference searches not-requested when the scopes do not grant them', async () => {
    const { bySource } = await load({ scope: 'launch/patient patient/MedicationRequest.read patient/Medication.read patient/Condition.read patient/Observation.read patient/Patient.read' });
    expect(bySource.procedures.status).toEqual({ state: 'not-requested', reason: 'the launch did not grant read access to Procedure' });
    expect(bySource.documents.status.state).toBe('not-requested');
    expect(bySource.surveys.status.state).toBe('loaded');
  });
});

describe('paging', () => {
  it('follows next links across several pages and reports the page count', async () => {
    const many = Array.from({ length: 23 }, (_, i) => observation(`peg-history-${i}`, { code: '91148-7' }));
    resetFake([...typicalRecord(), ...many], { maxPageSize: 5 });
    const { bySource } = await load();
    expect(bySource.surveys.resources).toHaveLength(25); // 23 + peg1 + phq1
    expect(bySource.surveys.pages).toBe(5);
    expect(noteTexts(bySource.surveys)[0]).toBe('Loaded 25 Observation from 5 pages');
  });

  it('keeps one copy of a resource that shows up on two pages', async () => {
    server.use(
      http.get(`${BASE}/Condition`, ({ request }) => {
        const url = new URL(request.url);
        const { body } = search('Condition', url);
        const bundle = body as { entry: unknown[]; link: unknown[] };
        if (url.searchParams.get('_page')) return HttpResponse.json(bundle);
        const next = new URL(url);
        next.searchParams.set('_page', '0');
        next.searchParams.set('_count', '200'); // a different URL for the same results: page 2 repeats page 1
        return HttpResponse.json({ ...bundle, link: [{ relation: 'next', url: next.toString() }] });
      }),
    );
    const { bySource } = await load();
    expect(ids(bySource.conditions)).toEqual(['Condition/c1', 'Condition/c2']);
    expect(bySource.conditions.pages).toBe(2);
  });

  it('keeps OperationOutcome entries as warnings in the data notes', async () => {
    server.use(
      http.get(`${BASE}/Condition`, ({ request }) => {
        const { body } = search('Condition', new URL(request.url));
        const bundle = body as { entry: unknown[] };
        bundle.entry.push({ resource: outcome('encounter diagnoses older than 2010 are not available', 'warning'), search: { mode: 'outcome' } });
        return HttpResponse.json(bundle);
      }),
    );
    const { bySource } = await load();
    expect(bySource.conditions.status.state).toBe('loaded');
    expect(noteTexts(bySource.conditions)).toContain('server note (warning): encounter diagnoses older than 2010 are not available');
  });
});

describe('referenced Medication resources', () => {
  it('uses _include when the CapabilityStatement lists it (no separate Medication reads)', async () => {
    server.use(http.get(`${BASE}/Medication/:id`, () => HttpResponse.json(outcome('should not be read'), { status: 500 })));
    const { bySource } = await load();
    expect(bySource.medications.status.state).toBe('loaded');
    expect(ids(bySource.medications)).toContain('Medication/med-oxy');
  });

  it('reads each distinct Medication once when the server cannot _include', async () => {
    resetFake([...typicalRecord(), medicationRequest('mr4', { medicationRef: 'med-hydro' }), medication('med-hydro')], { includeSupported: false });
    const reads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.includes('/Medication/')) reads.push(new URL(request.url).pathname);
    });
    const { bySource } = await load();
    server.events.removeAllListeners();
    expect(ids(bySource.medications)).toEqual([
      'Medication/med-hydro', 'Medication/med-oxy', 'MedicationRequest/mr1', 'MedicationRequest/mr2', 'MedicationRequest/mr3', 'MedicationRequest/mr4',
    ]);
    expect(reads.sort()).toEqual(['/fhir/Medication/med-hydro', '/fhir/Medication/med-oxy']); // mr1 and mr2 share med-oxy
  });

  it('marks medications partial when a referenced Medication cannot be read', async () => {
    resetFake(typicalRecord().filter((r) => r.id !== 'med-oxy'), { includeSupported: false });
    const { bySource } = await load();
    expect(bySource.medications.status).toEqual({ state: 'partial', reason: '1 referenced Medication resource could not be read', since: '2024-11-22' });
  });
});

it('uses the fixed asOf for look-backs (orders from asOf − 730 days, one day of margin)', async () => {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => void seen.push(decodeURIComponent(request.url)));
  await load();
  server.events.removeAllListeners();
  expect(AS_OF).toBe('2026-11-22');
  expect(seen.some((u) => u.includes('MedicationRequest?') && u.includes('authoredon=ge2024-11-21'))).toBe(true);
  expect(fake.resources.length).toBeGreaterThan(0);
});
