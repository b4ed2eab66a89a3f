/**
 * The writes slice: the one owner of a save's request id (kept through retries, edits and reloads until the chart
 * confirms the save), the look-up before an edited retry of a save that may be on the chart, and drafts kept per
 * server and patient — never under, nor shown to, another patient.
 */
import { http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { fixedClock } from '../../src/store/clock.ts';
import { draftKey } from '../../src/store/drafts.ts';
import { resetPanelStore, usePanelStore } from '../../src/store/index.ts';
import { BASE, TOKEN_URI, fake, outcome, resetFake } from '../fhir/msw/fake-fhir.ts';
import { conditionalCreate } from '../fhir/msw/handlers/writes.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { server, useMswServer } from '../fhir/msw/server.ts';
import { MemoryStorage } from './memory-storage.ts';

useMswServer();

let storage: MemoryStorage;
let requests: string[];

const store = () => usePanelStore.getState();
const A = { pain: 5, enjoyment: 4, activity: 4 };
const B = { pain: 6, enjoyment: 4, activity: 4 };
const written = () => fake.resources.filter((r) => r.resourceType === 'Observation') as Observation[];
let ids = 0;

function launch(patientId = 'p1'): void {
  usePanelStore.setState({ draftStorage: () => storage, writeOptions: { sleep: async () => {}, random: () => 0.5, newId: () => `req-${++ids}` } });
  const client = makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, patient: patientId });
  store().startSession({ client, asOf: '2026-11-22', patientId, permissions: { canWriteObservation: true, fhirUser: null }, clock: fixedClock('2026-11-22T15:00:00Z') });
}
/** The page is reloaded: memory is gone, the storage stays. */
function reload(patientId = 'p1'): void {
  resetPanelStore();
  launch(patientId);
}
/** POST Observation stores the entry and then loses the answer (500) while `lost.on`. */
function loseAnswers() {
  const lost = { on: true };
  server.use(http.post(`${BASE}/Observation`, async ({ request }) => {
    if (!lost.on) return undefined;
    conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
    return HttpResponse.json(outcome('lost'), { status: 500 });
  }));
  return lost;
}

beforeEach(() => {
  resetFake([]);
  storage = new MemoryStorage();
  ids = 0;
  requests = [];
  server.events.on('request:start', ({ request }) => requests.push(`${request.method} ${new URL(request.url).pathname.replace('/fhir/', '')}`));
});
afterEach(() => {
  server.events.removeAllListeners();
  resetPanelStore();
});

describe('the request id has one owner: the writes slice', () => {
  it.each([
    ['the same answers (a retry)', A, 'req-1', [[5, 4, 4]]],
    ['edited answers, after a refused save (400: nothing stored)', B, 'req-1', [[6, 4, 4]]],
  ])('after a failed save, %s → request id %s, one Observation', async (_label, second, id, onChart) => {
    launch();
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('refused'), { status: 400 }), { once: true }));
    expect((await store().savePeg(A)).status).toBe('failed');
    const done = await store().savePeg(second);
    expect([done.status, done.clientRequestId]).toEqual(['saved', id]);
    expect(written().map((o) => o.component?.slice(0, 3).map((c) => c.valueQuantity?.value))).toEqual(onChart);
  });

  it('a confirmed save ends the entry: the next one gets a new id', async () => {
    launch();
    await store().savePeg(A);
    await store().savePeg(A);
    expect(written().map((o) => o.identifier?.[0].value)).toEqual(['req-1', 'req-2']);
  });
});

describe('an edited retry of a save that may be on the chart', () => {
  it('looks it up first; found with the earlier answers → "found-earlier", nothing POSTed', async () => {
    launch();
    const lost = loseAnswers();
    const failed = await store().savePeg(A);
    expect([failed.status, failed.outcomeUnknown]).toEqual(['failed', true]);
    lost.on = false;
    requests.length = 0;
    const next = await store().savePeg(B);
    expect([next.status, next.earlier?.answers, next.answers]).toEqual(['found-earlier', A, B]);
    expect(requests).toEqual(['GET Observation']);
    expect(written()).toHaveLength(1);
    expect(store().resources.surveys?.map((r) => r.id)).toEqual([written()[0].id]); // shown on the chart
  });

  it.each([
    ['savePegCorrection', 2, [5, 6], 'saved'],
    ['keepEarlier', 1, [5], 'saved'],
  ] as const)('then %s → %i Observation(s)', async (action, count, pains, status) => {
    launch();
    const lost = loseAnswers();
    await store().savePeg(A);
    lost.on = false;
    await store().savePeg(B);
    if (action === 'savePegCorrection') await store().savePegCorrection();
    else store().keepEarlier('peg');
    expect(store().writes.peg.status).toBe(status);
    expect(written()).toHaveLength(count);
    expect(written().map((o) => o.component?.[0].valueQuantity?.value)).toEqual(pains);
    expect(store().drafts.peg).toBeNull();
  });

  it('a look-up that fails sends nothing and keeps the entry open (its id, outcome still unknown)', async () => {
    launch();
    loseAnswers();
    await store().savePeg(A);
    server.use(http.get(`${BASE}/Observation`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    requests.length = 0;
    const next = await store().savePeg(B);
    expect([next.status, next.clientRequestId, next.outcomeUnknown]).toEqual(['failed', 'req-1', true]);
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });
});

describe('drafts', () => {
  const key = (patientId: string, kind: 'peg' | 'pdmp' = 'peg') => draftKey({ serverUrl: BASE, patientId }, kind);

  it('typed answers and the pending save are stored under the launched patient and restored on the next launch', async () => {
    launch('p1');
    store().setDraftInput('peg', { pain: '5', enjoyment: '4', activity: '4' });
    store().setDraftInput('pdmp', { checked: true });
    const lost = loseAnswers();
    await store().savePeg(A);
    lost.on = false;
    reload('p1');
    expect(store().drafts.peg).toMatchObject({ input: { pain: '5', enjoyment: '4', activity: '4' }, restored: true, day: '2026-11-22' });
    expect(store().drafts.pdmp?.input).toEqual({ checked: true });
    expect(store().writes.peg).toMatchObject({ status: 'idle', clientRequestId: 'req-1', answers: A, outcomeUnknown: true });
    expect((await store().savePeg(A)).status).toBe('saved'); // the conditional create finds the first save
    expect(written()).toHaveLength(1);
    expect(storage.getItem(key('p1'))).toBeNull(); // saved: the draft is gone
  });

  it.each([
    ['another patient', 'p2', BASE],
    ['the same patient id on another server', 'p1', 'http://other-ehr.test/fhir'],
  ])('%s never sees them', async (_label, patientId, serverUrl) => {
    launch('p1');
    store().setDraftInput('peg', { pain: '5', enjoyment: '', activity: '' });
    resetPanelStore();
    usePanelStore.setState({ draftStorage: () => storage });
    const client = makeNodeClient({ serverUrl, tokenUri: TOKEN_URI, patient: patientId });
    store().startSession({ client, asOf: '2026-11-22', patientId, permissions: { canWriteObservation: true, fhirUser: null } });
    expect(store().drafts.peg).toBeNull();
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toEqual([key('p1')]);
  });

  it('switching patients in one page (registry → panel) drops the first patient’s draft from memory and never stores it under the second', () => {
    launch('p1');
    store().setDraftInput('peg', { pain: '5', enjoyment: '', activity: '' });
    store().startSession({ client: store().client!, asOf: '2026-11-22', patientId: 'p2', permissions: store().permissions });
    expect(store().drafts.peg).toBeNull();
    store().setDraftInput('peg', { pain: '1', enjoyment: '', activity: '' });
    expect(JSON.parse(storage.getItem(key('p1'))!).input.pain).toBe('5');
    expect(JSON.parse(storage.getItem(key('p2'))!)).toMatchObject({ patientId: 'p2', input: { pain: '1' } });
  });

  it('answers typed while the launch completes belong to the first patient launched', () => {
    usePanelStore.setState({ draftStorage: () => storage });
    store().setDraftInput('peg', { pain: '3', enjoyment: '', activity: '' });
    launch('p1');
    expect(store().drafts.peg?.input.pain).toBe('3');
    expect(JSON.parse(storage.getItem(key('p1'))!).patientId).toBe('p1');
  });

  it('"Discard draft" forgets the answers and the unconfirmed save', async () => {
    launch();
    store().setDraftInput('peg', { pain: '5', enjoyment: '4', activity: '4' });
    loseAnswers();
    await store().savePeg(A);
    store().discardDraft('peg');
    expect([store().drafts.peg, store().writes.peg.clientRequestId, storage.length]).toEqual([null, null, 0]);
  });

  it.each([
    ['not JSON', '{'],
    ['another patient inside', JSON.stringify({ v: 1, kind: 'peg', serverUrl: BASE, patientId: 'p9', day: '2026-11-22', input: { pain: '1', enjoyment: '1', activity: '1' }, pending: null })],
    ['a malformed answer', JSON.stringify({ v: 1, kind: 'peg', serverUrl: BASE, patientId: 'p1', day: '2026-11-22', input: { pain: 1 }, pending: null })],
  ])('a stored record that is %s is ignored', (_label, raw) => {
    storage.setItem(key('p1'), raw);
    launch('p1');
    expect(store().drafts.peg).toBeNull();
  });
});
