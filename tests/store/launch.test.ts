/** The store during a launch: policy, per-source progress, data notes, session errors, safe PEG saves. */
import { delay, http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { usePanelStore, resetPanelStore } from '../../src/store/index.ts';
import { fixedClock } from '../../src/store/clock.ts';
import { launchPanel, loadPolicy, loadRecordIntoStore } from '../../src/store/launch.ts';
import { queryConfigFromPolicy } from '../../src/store/policy-config.ts';
import { typicalRecord } from '../fhir/builders.ts';
import { BASE, TOKEN_URI, fake, outcome, resetFake } from '../fhir/msw/fake-fhir.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { server, useMswServer } from '../fhir/msw/server.ts';

useMswServer();
beforeEach(() => resetFake(typicalRecord()));
afterEach(() => resetPanelStore());

const POLICY_URL = 'http://app.test/policy.json';
const client = (scope = 'launch/patient openid fhirUser patient/*.read patient/Observation.write') =>
  makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope });
const fast = { asOf: '2026-11-22', sleep: async () => {}, random: () => 0.5, clock: fixedClock('2026-11-22T15:00:00Z') };

describe('policy', () => {
  it('loads and validates public/policy.json', async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json(DEFAULT_POLICY as unknown as Record<string, unknown>)));
    await loadPolicy(POLICY_URL);
    expect(usePanelStore.getState().policy?.name).toBe(DEFAULT_POLICY.name);
    expect(usePanelStore.getState().policyErrors).toBeNull();
  });

  it('reports a broken policy instead of guessing', async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.text('{ not json')));
    await loadPolicy(POLICY_URL);
    expect(usePanelStore.getState().policy).toBeNull();
    expect(usePanelStore.getState().policyErrors?.length).toBeGreaterThan(0);
  });

  it('reports a missing policy file', async () => {
    server.use(http.get(POLICY_URL, () => new HttpResponse(null, { status: 404 })));
    await loadPolicy(POLICY_URL);
    expect(usePanelStore.getState().policyErrors).toEqual([`${POLICY_URL} could not be read (HTTP 404)`]);
  });

  it('gives the loader the engine\'s own code lists (bare codes), the order window and a lab look-back of two UDT intervals', () => {
    const config = queryConfigFromPolicy(DEFAULT_POLICY);
    // Every survey the engine reads, panels included (PHQ-2 and GAD-7 totals may arrive only inside their panels).
    expect(config.surveyCodes).toEqual(expect.arrayContaining(['91148-7', '44261-6', '91392-1', '44249-1', '55757-9', '69737-5']));
    expect(config.pdmpObservationCodes).toEqual(['461651000124104']);
    expect(config.udtCodes.length).toBeGreaterThan(1000);
    expect(config.labLookbackDays).toBe(730);
    expect(config.medicationWindowDays).toBe(730);
  });
});

describe('loading into the store', () => {
  it('shows each source as loading, then as it arrives, sources that arrive together in one update', async () => {
    // Conditions answer 150 ms late: the others arrive in one batch before them.
    server.use(http.get(`${BASE}/Condition`, async () => { await delay(150); }));
    const seen: string[] = [];
    const unsubscribe = usePanelStore.subscribe((s, prev) => {
      if (s.loadStatus !== prev.loadStatus) seen.push(Object.entries(s.loadStatus).map(([k, v]) => `${k}:${v?.state}`).sort().join(' '));
    });
    await loadRecordIntoStore(client(), fast);
    unsubscribe();
    expect(seen.some((line) => line.includes('surveys:loading'))).toBe(true); // every search starts as loading
    expect(seen.some((line) => line.includes('conditions:loading') && line.includes('surveys:loaded'))).toBe(true); // some sections before others
    // 13 sources, but no more updates than: loading, the first batch, the late conditions (and the session's own).
    expect(seen.length).toBeLessThanOrEqual(4);
    const final = usePanelStore.getState();
    expect(Object.values(final.loadStatus).every((s) => s?.state === 'loaded')).toBe(true);
    expect(final.resources.surveys?.map((r) => r.id)).toEqual(['peg1', 'phq1']);
    expect(final.loadedAt).toBe('2026-11-22T15:00:00.000Z');
    expect(final.permissions.canWriteObservation).toBe(true);
    expect(final.dataNotes.find((n) => n.source === 'medications')?.text).toBe('Loaded 3 MedicationRequest and 1 Medication from 2 pages (dated from 2024-11-22 on, and every undated one)');
  });

  it('keeps the other sections when one fails, and says why in the data notes', async () => {
    server.use(http.get(`${BASE}/Condition`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    await loadRecordIntoStore(client(), fast);
    const s = usePanelStore.getState();
    expect(s.loadStatus.conditions).toEqual({ state: 'unavailable', reason: 'server error 503 after 3 tries' });
    expect(s.loadStatus.medications?.state).toBe('loaded');
    expect(s.dataNotes).toContainEqual({ source: 'conditions', level: 'error', text: 'Could not be read: server error 503 after 3 tries' });
  });

  it('stores a session error when the token is no longer accepted', async () => {
    resetFake(typicalRecord(), { validTokens: new Set() });
    await loadRecordIntoStore(client(), fast);
    expect(usePanelStore.getState().sessionError?.kind).toBe('session-expired');
  });

  it('launchPanel reads the policy first, then the record', async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json(DEFAULT_POLICY as unknown as Record<string, unknown>)));
    await launchPanel(client(), { ...fast, policyUrl: POLICY_URL });
    expect(usePanelStore.getState().policy).not.toBeNull();
    expect(usePanelStore.getState().loadStatus.udt?.state).toBe('loaded');
  });
});

describe('saving a PEG from the panel', () => {
  const stored = () => fake.resources.filter((r) => (r as Observation).identifier?.length);

  it('adds the saved PEG to the surveys facts', async () => {
    await loadRecordIntoStore(client(), fast);
    await usePanelStore.getState().savePeg({ pain: 6, enjoyment: 5, activity: 7 }, { ...fast, newId: () => 'req-a' });
    const s = usePanelStore.getState();
    expect(s.writes.peg.status).toBe('saved');
    expect(s.resources.surveys?.map((r) => r.id)).toContain(s.writes.peg.observationId);
  });

  it('keeps the answers after a failure and retries with the same request id (no duplicate)', async () => {
    await loadRecordIntoStore(client(), fast);
    let down = true;
    server.use(http.post(`${BASE}/Observation`, () => (down ? HttpResponse.error() : undefined)));
    let n = 0;
    const deps = { ...fast, newId: () => `req-${++n}` };
    await usePanelStore.getState().savePeg({ pain: 3, enjoyment: 4, activity: 5 }, deps);
    const failed = usePanelStore.getState().writes.peg;
    expect([failed.status, failed.answers, failed.clientRequestId, failed.error?.retryable]).toEqual(['failed', { pain: 3, enjoyment: 4, activity: 5 }, 'req-1', true]);
    down = false;
    await usePanelStore.getState().savePeg({ pain: 3, enjoyment: 4, activity: 5 }, deps);
    expect(usePanelStore.getState().writes.peg.status).toBe('saved');
    expect(stored().map((r) => (r as Observation).identifier?.[0].value)).toEqual(['req-1']);
  });

  it('one clock: a save after midnight moves the panel to the new day before it is dated (never a record the panel then ignores)', async () => {
    let instant = new Date(2026, 10, 22, 23, 59); // local 11/22 23:59
    await loadRecordIntoStore(client(), { ...fast, clock: () => new Date(instant.getTime()) });
    expect(usePanelStore.getState().asOf).toBe('2026-11-22');
    instant = new Date(2026, 10, 23, 0, 1); // two minutes later, the next local day
    await usePanelStore.getState().savePeg({ pain: 3, enjoyment: 4, activity: 5 }, fast);
    const s = usePanelStore.getState();
    expect(s.asOf).toBe('2026-11-23');
    expect(s.writes.peg.effectiveDateTime?.slice(0, 16)).toBe('2026-11-23T00:01');
  });

  it('the day only moves forward: a clock stepping back does not rewind the visit', async () => {
    let instant = new Date(2026, 10, 22, 10, 0);
    await loadRecordIntoStore(client(), { ...fast, clock: () => new Date(instant.getTime()) });
    instant = new Date(2026, 10, 21, 23, 0);
    expect(usePanelStore.getState().syncDay()).toBe('2026-11-22');
    expect(usePanelStore.getState().asOf).toBe('2026-11-22');
  });

  it('a session expiry while saving becomes the session error', async () => {
    await loadRecordIntoStore(client(), fast);
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('expired'), { status: 401 })));
    await usePanelStore.getState().savePeg({ pain: 3, enjoyment: 4, activity: 5 }, fast);
    expect(usePanelStore.getState().sessionError?.kind).toBe('session-expired');
  });
});
