/**
 * Facts in, summary out: what the engine sees after a real (msw) load. A source that could not be read
 * must never yield "never done", "up to date" or a "low" tier for what depends on it.
 */
import { http, HttpResponse } from 'msw';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { computeSummary } from '../../src/store/compute-summary.ts';
import { resetPanelStore, usePanelStore } from '../../src/store/index.ts';
import { loadRecordIntoStore } from '../../src/store/launch.ts';
import { typicalRecord } from '../fhir/builders.ts';
import { BASE, TOKEN_URI, outcome, resetFake } from '../fhir/msw/fake-fhir.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { server, useMswServer } from '../fhir/msw/server.ts';

useMswServer();
beforeEach(() => {
  resetFake(typicalRecord());
  usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
});
afterEach(() => resetPanelStore());

const load = () =>
  loadRecordIntoStore(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI }), { asOf: '2026-11-22', sleep: async () => {}, random: () => 0.5 });

it('computes nothing until the policy and asOf are known', () => {
  resetPanelStore();
  expect(computeSummary(usePanelStore.getState())).toBeNull();
});

it('summarizes the loaded facts for the fixed asOf', async () => {
  await load();
  const summary = computeSummary(usePanelStore.getState());
  expect(summary?.asOf).toBe('2026-11-22');
  expect(summary?.mme.orders.map((o) => o.medicationRequestId).sort()).toEqual(expect.arrayContaining(['mr1']));
});

it('with Observations forbidden, no Observation-based item reads never-done or up-to-date and the tier is not low', async () => {
  server.use(http.get(`${BASE}/Observation`, () => HttpResponse.json(outcome('no'), { status: 403 })));
  await load();
  const summary = computeSummary(usePanelStore.getState())!;
  for (const item of summary.monitoring.filter((m) => ['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort'].includes(m.item))) {
    expect([item.item, ['never-done', 'up-to-date'].includes(item.status)]).toEqual([item.item, false]);
  }
  expect(summary.risk.tier).not.toBe('low');
});

it('with Conditions unavailable after retries, the tier is not low', async () => {
  server.use(http.get(`${BASE}/Condition`, () => HttpResponse.json(outcome('down'), { status: 503 })));
  await load();
  expect(computeSummary(usePanelStore.getState())!.risk.tier).not.toBe('low');
});

it('while sources are still loading, nothing reads never-done or low', () => {
  const store = usePanelStore.getState();
  store.startSession({ client: null as never, asOf: '2026-11-22', patientId: 'p1', permissions: { canWriteObservation: false, fhirUser: null } });
  store.startSources(['medications', 'conditions', 'surveys', 'pdmp', 'agreement', 'udt']);
  const summary = computeSummary(usePanelStore.getState())!;
  expect(summary.monitoring.filter((m) => m.status === 'never-done' || m.status === 'up-to-date')).toEqual([]);
  expect(summary.risk.tier).not.toBe('low');
});
