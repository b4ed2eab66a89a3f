/**
 * Saving PEG scores and the PDMP attestation: conditional create where the server advertises it, search by
 * identifier before creating where it does not, safe retries, classified failures (and whether the save may be
 * on the chart although its answer was lost).
 */
import { http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { buildPegObservation } from '../../src/fhir/observation-builders.ts';
import { capabilitiesFrom } from '../../src/fhir/capabilities.ts';
import { canWriteObservation, findByRequestId, savePdmpAttestation, savePegObservation } from '../../src/fhir/writes.ts';
import { BASE, TOKEN_URI, fake, outcome, resetFake } from './msw/fake-fhir.ts';
import { conditionalCreate } from './msw/handlers/writes.ts';
import { makeNodeClient } from './msw/node-client.ts';
import { server, useMswServer } from './msw/server.ts';

useMswServer();
beforeEach(() => resetFake([]));

const client = (scope = 'launch/patient patient/*.read patient/Observation.c') => makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope });
const instant = '2026-11-22T15:04:00.000Z';
const peg = { pain: 6, enjoyment: 5, activity: 7, patientId: 'p1', clientRequestId: 'req-1', effectiveDateTime: instant, performer: 'Practitioner/dr1' };
const fast = { sleep: async () => {}, random: () => 0.5 };
const stored = () => fake.resources.filter((r) => r.resourceType === 'Observation') as Observation[];

describe('the PEG Observation', () => {
  it('is a final survey Observation with the three items and the mean (6+5+7)/3 = 6', () => {
    const obs = buildPegObservation({ pain: 6, enjoyment: 5, activity: 7 }, peg);
    expect(obs.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '91148-7' });
    expect(obs.status).toBe('final');
    expect(obs.category?.[0].coding?.[0].code).toBe('survey');
    expect(obs.subject).toEqual({ reference: 'Patient/p1' });
    expect(obs.performer).toEqual([{ reference: 'Practitioner/dr1' }]);
    expect(obs.effectiveDateTime).toBe(instant);
    expect(obs.identifier).toEqual([{ system: 'urn:pain-care-panel:request', value: 'req-1' }]);
    expect(obs.valueQuantity?.value).toBe(6);
    expect(obs.component?.map((c) => [c.code.coding?.[0].code, c.valueQuantity?.value])).toEqual([
      ['75893-8', 6], ['91145-3', 5], ['91146-1', 7], ['91147-9', 6],
    ]);
  });

  it('keeps the decimals of the mean: (4+5+4)/3 = 4.333…', () => {
    expect(buildPegObservation({ pain: 4, enjoyment: 5, activity: 4 }, peg).valueQuantity?.value).toBeCloseTo(4.3333, 4);
  });

  it('refuses answers outside 0–10', () => {
    expect(() => buildPegObservation({ pain: 11, enjoyment: 5, activity: 4 }, peg)).toThrow('PEG pain must be a whole number 0–10');
  });
});

describe('conditional create', () => {
  it('creates the Observation once', async () => {
    const r = await savePegObservation(client(), peg, fast);
    expect(r.ok && r.observation.id).toBe(stored()[0].id);
    expect(stored()[0].identifier?.[0].value).toBe('req-1');
    expect(stored()).toHaveLength(1);
  });

  it('a retry after a lost response returns the saved one instead of a duplicate', async () => {
    let first = true;
    server.use(http.post(`${BASE}/Observation`, async ({ request }) => {
      const result = conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
      if (first) { first = false; return HttpResponse.json(outcome('gateway lost the answer'), { status: 502 }); }
      return HttpResponse.json(result.body as unknown as Record<string, unknown>, { status: result.status });
    }));
    const r = await savePegObservation(client(), peg, fast);
    expect(r.ok).toBe(true);
    expect(stored()).toHaveLength(1);
    const again = await savePegObservation(client(), peg, fast); // the user presses save twice
    expect(again.ok && again.observation.id).toBe(stored()[0].id);
    expect(stored()).toHaveLength(1);
  });

  it('takes the new id from Location when the server answers 201 without a body', async () => {
    server.use(http.post(`${BASE}/Observation`, () => new HttpResponse(null, { status: 201, headers: { location: `${BASE}/Observation/obs-77/_history/1` } })));
    const r = await savePegObservation(client(), peg, fast);
    expect(r.ok && [r.observation.id, r.observation.code.coding?.[0].code]).toEqual(['obs-77', '91148-7']);
  });

  it('writes the PDMP attestation with SNOMED 461651000124104', async () => {
    const r = await savePdmpAttestation(client(), { patientId: 'p1', clientRequestId: 'pdmp-1', effectiveDateTime: instant }, fast);
    expect(r.ok).toBe(true);
    expect(stored()[0].code.coding?.[0]).toEqual({ system: 'http://snomed.info/sct', code: '461651000124104' });
  });
});

describe('permissions and failures', () => {
  it.each([
    ['patient/Observation.c', true],
    ['patient/Observation.cruds', true],
    ['patient/Observation.write', true],
    ['patient/*.write', true],
    ['user/Observation.write', true],
    ['user/*.*', true],
    ['patient/Observation.rs', false],
    ['patient/*.read', false],
  ])('scope %s → can write Observation: %s', (scope, expected) => {
    expect(canWriteObservation(client(`launch/patient ${scope}`))).toBe(expected);
  });

  it('does not try when the scopes do not allow writing', async () => {
    const r = await savePegObservation(client('patient/*.read'), peg, fast);
    expect(r).toEqual({ ok: false, error: { kind: 'forbidden', retryable: false, message: 'This launch is not permitted to save to the chart.' } });
    expect(stored()).toHaveLength(0);
  });

  it('classifies a 403 from the server as not permitted', async () => {
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('no'), { status: 403 })));
    const r = await savePegObservation(client(), peg, fast);
    expect(!r.ok && r.error.kind).toBe('forbidden');
  });

  it('keeps the answers retryable after a server that stays down', async () => {
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    const r = await savePegObservation(client(), peg, fast);
    expect(r).toEqual({ ok: false, error: { kind: 'server', retryable: true, message: 'The EHR had a problem saving — your answers are kept; try again.', outcomeUnknown: true } });
  });

  it('a network failure is retryable', async () => {
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.error()));
    const r = await savePegObservation(client(), peg, fast);
    expect(!r.ok && [r.error.kind, r.error.retryable]).toEqual(['network', true]);
  });

  it('a 401 without a refresh token asks to relaunch', async () => {
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('expired'), { status: 401 })));
    const r = await savePegObservation(client(), peg, fast);
    expect(!r.ok && r.error.message).toBe('Your session has expired — relaunch the app from the chart to save.');
  });
});

describe('servers with and without conditional create', () => {
  /** Every request the app sends to the fake EHR, as "METHOD path?query [if-none-exist]". */
  function recordRequests(): string[] {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname.replace('/fhir/', '')}${url.search ? '?' + decodeURIComponent(url.search.slice(1)) : ''}${request.headers.get('if-none-exist') ? ' [if-none-exist]' : ''}`);
    });
    return seen;
  }
  afterEach(() => server.events.removeAllListeners());

  /** The first POST is stored, then its answer is lost (502); later POSTs reach the fake EHR as they are. */
  function loseFirstAnswer() {
    let first = true;
    server.use(http.post(`${BASE}/Observation`, async ({ request }) => {
      if (!first) return undefined;
      first = false;
      conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
      return HttpResponse.json(outcome('gateway lost the answer'), { status: 502 });
    }));
  }

  it.each([
    [true, ['GET metadata', 'POST Observation [if-none-exist]', 'POST Observation [if-none-exist]']],
    [false, ['GET metadata', 'GET Observation?patient=p1&identifier=urn:pain-care-panel:request|req-1', 'POST Observation', 'GET Observation?patient=p1&identifier=urn:pain-care-panel:request|req-1']],
  ])('conditionalCreate %s: a lost answer and the retry that follows file one Observation — %j', async (conditional, requests) => {
    resetFake([], { conditionalCreate: conditional });
    loseFirstAnswer();
    const seen = recordRequests();
    const r = await savePegObservation(client(), peg, fast);
    expect(r.ok && r.existing).toBe(true);
    expect(stored()).toHaveLength(1);
    expect(seen).toEqual(requests);
  });

  it('without conditional create, a save that is already on the chart is found and not POSTed again', async () => {
    resetFake([], { conditionalCreate: false });
    expect((await savePegObservation(client(), peg, fast)).ok).toBe(true);
    const again = await savePegObservation(client(), peg, fast);
    expect(again.ok && [again.existing, again.observation.id]).toEqual([true, stored()[0].id]);
    expect(stored()).toHaveLength(1);
  });

  it('an unreadable CapabilityStatement is read as "no conditional create" (search first)', async () => {
    server.use(http.get(`${BASE}/metadata`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    const seen = recordRequests();
    expect((await savePegObservation(client(), peg, fast)).ok).toBe(true);
    expect(seen.filter((s) => s.startsWith('GET Observation'))).toHaveLength(1);
    expect(seen.filter((s) => s.startsWith('POST'))).toEqual(['POST Observation']);
  });

  it.each([
    [{ conditionalCreate: true }, true],
    [{ conditionalCreate: false }, false],
    [{}, false],
  ])('CapabilityStatement Observation %j → supportsConditionalCreate %s', (flags, expected) => {
    const caps = capabilitiesFrom({ resourceType: 'CapabilityStatement', status: 'active', date: '2026-01-01', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server', resource: [{ type: 'Observation', ...flags }] }] });
    expect(caps.supportsConditionalCreate('Observation')).toBe(expected);
    expect(caps.supportsConditionalCreate('Condition')).toBe(false);
  });
});

describe('may the save be on the chart although it failed? (outcomeUnknown)', () => {
  it.each([
    ['503 on every try', () => HttpResponse.json(outcome('down'), { status: 503 }), 'server', true],
    ['network error', () => HttpResponse.error(), 'network', true],
    ['429 (not processed)', () => HttpResponse.json(outcome('busy'), { status: 429, headers: { 'retry-after': '120' } }), 'rate-limited', false],
    ['400 (refused)', () => HttpResponse.json(outcome('bad'), { status: 400 }), 'client', false],
    ['401 (refused)', () => HttpResponse.json(outcome('expired'), { status: 401 }), 'unauthorized', false],
  ])('%s → %s, outcome unknown: %s', async (_label, answer, kind, unknown) => {
    server.use(http.post(`${BASE}/Observation`, answer));
    const r = await savePegObservation(client(), peg, fast);
    expect(!r.ok && [r.error.kind, Boolean(r.error.outcomeUnknown)]).toEqual([kind, unknown]);
  });
});

describe('findByRequestId', () => {
  it.each([
    ['req-1', true],
    ['req-other', false],
  ])('Observation?identifier=urn:pain-care-panel:request|%s → found: %s', async (requestId, found) => {
    await savePegObservation(client(), peg, fast);
    const r = await findByRequestId(client(), 'p1', requestId, fast);
    expect(r.ok && (r.observation?.id ?? null)).toBe(found ? stored()[0].id : null);
  });

  it('a failed look-up is an error, never "not found"', async () => {
    server.use(http.get(`${BASE}/Observation`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    const r = await findByRequestId(client(), 'p1', 'req-1', fast);
    expect(!r.ok && r.error.kind).toBe('server');
  });
});
